import CSerialOpenMP
import Testing
@testable import YomitoriOCR

/// While a worker recognises, Tesseract's OpenMP regions run on the worker's own thread without
/// a libgomp team (CSerialOpenMP): the same arithmetic in the same order, so the same read to the
/// last bit of every confidence.
@Suite("Tesseract's OpenMP regions", .serialized)
struct SerialOpenMPTests {
    @Test("A recognition runs its regions serially and reads exactly what libgomp's teams read")
    func sameReadAsTeams() throws {
        let image = try digitsImage()
        let engine = try TesseractEngine(languages: "eng")
        let before = TesseractEngine.openMPRegionsRunSerially
        let serial = engine.recognize(image, mode: .singleLine, whitelist: "0123456789")
        let regions = TesseractEngine.openMPRegionsRunSerially - before
        // Every LSTM time step of every layer opens one.
        #expect(regions > 50, "regions run serially: \(regions)")

        let teams = try PlainRead.read(image)
        #expect(TesseractEngine.openMPRegionsRunSerially == before + regions, "the plain read went to libgomp")
        #expect(teams.text == "2024")
        #expect(PlainRead(serial, mean: Int32((serial.confidence * 100).rounded())) == teams)
    }

    @Test("Only the recognising thread runs them serially")
    func otherThreadsUseTeams() throws {
        let image = try digitsImage()
        yomitori_serial_openmp_begin()
        defer { yomitori_serial_openmp_end() }
        let elsewhere = onAnotherThread { () -> (regions: Int, text: String?) in
            let read = try? PlainRead.read(image)
            return (yomitori_serial_openmp_regions(), read?.text)
        }
        #expect(elsewhere.regions == 0)
        #expect(elsewhere.text == "2024")
    }
}

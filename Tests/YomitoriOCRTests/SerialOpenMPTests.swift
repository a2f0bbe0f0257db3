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
        #expect(PlainRead(serial) == teams)
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

/// Regions nested in regions, run serially: each sections region hands out its own sections, and
/// the enclosing region's continue where they were (Tesseract nests an LSTM's sections in a
/// `parallel for`; the other shapes are pinned here).
@Suite("Tesseract's OpenMP regions, nested", .serialized)
struct SerialOpenMPNestingTests {
    final class Log {
        var entries: [Int] = []
    }

    /// Appends each section it is handed; in section 2 it opens a plain region (which logs 100)
    /// and then a sections region of two (which logs 11 and 12).
    static let outer: @convention(c) (UnsafeMutableRawPointer?) -> Void = { data in
        let log = Unmanaged<Log>.fromOpaque(data!).takeUnretainedValue()
        var section = GOMP_sections_next()
        while section != 0 {
            log.entries.append(Int(section))
            if section == 2 {
                GOMP_parallel(SerialOpenMPNestingTests.plain, data, 4, 0)
                GOMP_parallel_sections(SerialOpenMPNestingTests.inner, data, 4, 2, 0)
            }
            section = GOMP_sections_next()
        }
        GOMP_sections_end_nowait()
    }
    static let plain: @convention(c) (UnsafeMutableRawPointer?) -> Void = { data in
        Unmanaged<Log>.fromOpaque(data!).takeUnretainedValue().entries.append(100)
    }
    static let inner: @convention(c) (UnsafeMutableRawPointer?) -> Void = { data in
        let log = Unmanaged<Log>.fromOpaque(data!).takeUnretainedValue()
        var section = GOMP_sections_next()
        while section != 0 {
            log.entries.append(10 + Int(section))
            section = GOMP_sections_next()
        }
        GOMP_sections_end_nowait()
    }

    /// What `OMP_THREAD_LIMIT=1` did, set from the program: libgomp reads that variable only while
    /// it loads, so yomitori used to start itself again to set it.
    @Test("Once an engine exists, a region outside a recognition runs on a team of one")
    func oneThreadOutsideRecognition() throws {
        _ = try TesseractEngine(languages: "eng")
        #expect(TesseractEngine.openMPLimitedToOneThread)
        #expect(yomitori_openmp_max_active_levels() == 0)
        let log = Log()
        let before = yomitori_serial_openmp_regions()
        withExtendedLifetime(log) {
            GOMP_parallel(Self.plain, Unmanaged.passUnretained(log).toOpaque(), 4, 0)
        }
        #expect(log.entries == [100], "the region's body ran once per team member")
        #expect(yomitori_serial_openmp_regions() == before, "the region went to libgomp, not the serial path")
    }

    @Test("Sections and plain regions nested in sections, in order, each region once")
    func nested() {
        let log = Log()
        let before = yomitori_serial_openmp_regions()
        yomitori_serial_openmp_begin()
        withExtendedLifetime(log) {
            GOMP_parallel_sections(Self.outer, Unmanaged.passUnretained(log).toOpaque(), 4, 3, 0)
        }
        yomitori_serial_openmp_end()
        #expect(log.entries == [1, 2, 100, 11, 12, 3])
        #expect(yomitori_serial_openmp_regions() == before + 3)
    }
}

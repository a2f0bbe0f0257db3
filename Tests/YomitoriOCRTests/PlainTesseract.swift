import CTesseract
import Foundation
import Synchronization
import Testing
@testable import YomitoriOCR
import YomitoriVision

/// What a bare Tesseract engine, driven through the C API as any other program would drive it,
/// reads from an image: the path where yomitori's hooks pass every call on to Tesseract and
/// libgomp unchanged.
struct PlainRead: Equatable {
    var text: String
    var meanConfidence: Int32
    var symbolConfidences: [Float]

    /// Starts an `eng` engine set up as ``TesseractEngine`` sets its engines up and reads `image`
    /// as one line of digits, without any of the brackets ``TesseractEngine`` puts around its calls.
    static func read(_ image: GrayImage) throws -> PlainRead {
        let api = try #require(TessBaseAPICreate())
        defer {
            TessBaseAPIEnd(api)
            TessBaseAPIDelete(api)
        }
        try #require(TessBaseAPIInit2(api, TesseractEngine.defaultDataPath(), "eng", OEM_LSTM_ONLY) == 0)
        for (name, value) in [
            ("user_defined_dpi", "300"), ("preserve_interword_spaces", "1"), ("tessedit_do_invert", "0"),
            ("tessedit_char_whitelist", "0123456789"),
        ] {
            _ = TessBaseAPISetVariable(api, name, value)
        }
        TessBaseAPISetPageSegMode(api, PSM_SINGLE_LINE)
        var pix: UnsafeMutablePointer<PIX>? = try #require(TesseractEngine.leptonicaImage(image))
        TessBaseAPISetImage2(api, pix)
        pixDestroy(&pix)
        TessBaseAPISetSourceResolution(api, image.dpi > 0 ? Int32(image.dpi.rounded()) : 300)
        try #require(TessBaseAPIRecognize(api, nil) == 0)
        let raw = try #require(TessBaseAPIGetUTF8Text(api))
        let text = String(cString: raw).trimmingCharacters(in: .whitespacesAndNewlines)
        TessDeleteText(raw)
        var confidences: [Float] = []
        if let it = TessBaseAPIGetIterator(api) {
            repeat { confidences.append(TessResultIteratorConfidence(it, RIL_SYMBOL)) } while TessResultIteratorNext(it, RIL_SYMBOL) != 0
            TessResultIteratorDelete(it)
        }
        return PlainRead(text: text, meanConfidence: TessBaseAPIMeanTextConf(api), symbolConfidences: confidences)
    }
}

extension PlainRead {
    /// The same figures from a ``Recognition`` (whose confidence is Tesseract's mean / 100).
    init(_ recognition: Recognition) {
        self.init(
            text: recognition.text,
            meanConfidence: Int32((recognition.confidence * 100).rounded()),
            symbolConfidences: recognition.symbols.map { Float($0.confidence) }
        )
    }
}

/// Runs `body` on a thread of its own and waits for it (the hooks' switches and counts are per thread).
func onAnotherThread<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
    let result = Mutex<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    Thread {
        let value = body()
        result.withLock { $0 = value }
        done.signal()
    }.start()
    done.wait()
    return result.withLock { $0! }
}

/// A committed fixture image (`Fixtures/NAME`), decoded as the reader decodes scans.
func fixtureImage(_ name: String) throws -> GrayImage {
    let path = Bundle.module.path(forResource: "Fixtures/\(name)", ofType: nil) ?? ""
    return try ScanFile(path: path).page(0)
}

/// "2024" printed on one line.
func digitsImage() throws -> GrayImage { try fixtureImage("digits.png") }

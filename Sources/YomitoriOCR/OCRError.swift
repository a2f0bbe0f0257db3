/// A failure of the OCR layer: a missing language, an unreadable scan.
///
/// A page where nothing could be read is a result, not an error; this is for inputs and set-up
/// that make reading impossible.
public struct OCRError: Error, Sendable, CustomStringConvertible, Equatable {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let raw: String
        public var description: String { raw }
        public static let missingLanguage = Code(raw: "missing_language")
        public static let engineFailed = Code(raw: "engine_failed")
        public static let emptyFile = Code(raw: "empty_file")
        public static let unreadable = Code(raw: "unreadable")
        public static let notAnImage = Code(raw: "not_an_image")
        public static let corrupt = Code(raw: "corrupt")
        public static let tooLarge = Code(raw: "too_large")
        public static let tooManyPages = Code(raw: "too_many_pages")
        public static let encryptedPDF = Code(raw: "encrypted_pdf")
        public static let missingTool = Code(raw: "missing_tool")
        public static let noSuchPage = Code(raw: "no_such_page")
        public static let registrationFailed = Code(raw: "registration_failed")
    }

    public var code: Code
    /// The input file the problem concerns, if any.
    public var file: String?
    public var message: String

    public init(code: Code, file: String? = nil, message: String) {
        self.code = code
        self.file = file
        self.message = message
    }

    public var description: String {
        if let file { return "\(file): \(message)" }
        return message
    }
}

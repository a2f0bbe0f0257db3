internal import CTesseract

/// Leptonica prints warnings to stderr by default; yomitori reports problems itself.
enum LeptonicaLog {
    static let silenced: Bool = {
        _ = setMsgSeverity(Int32(L_SEVERITY_NONE))
        return true
    }()

    static func silence() { _ = silenced }
}

/// Special keys of the W3C WebDriver key table (private-use code points), to mix into typed text:
/// `"3" + Key.tab`, `Key.control + Key.enter`.
public enum Key {
    public static let backspace = "\u{E003}"
    public static let tab = "\u{E004}"
    public static let enter = "\u{E007}"
    public static let shift = "\u{E008}"
    public static let control = "\u{E009}"
    public static let alt = "\u{E00A}"
    public static let escape = "\u{E00C}"
    public static let f9 = "\u{E039}"

    /// Modifier keys: held down until the end of the text they appear in.
    static let modifiers: Set<String> = [shift, control, alt]
}

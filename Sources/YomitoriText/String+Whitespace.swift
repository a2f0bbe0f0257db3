/// White-space trimming without Foundation's `CharacterSet`.
extension String {
    /// The string without leading and trailing white space.
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

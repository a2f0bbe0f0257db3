/// What happens to a record with a character the output encoding cannot carry (`on_unencodable:`).
///
/// Either way nothing is dropped or replaced silently: every failure and every substitution is
/// listed in the ``ExportReport``.
public enum UnencodablePolicy: String, Sendable, Equatable, CaseIterable {
    /// The record is not written; it goes to review with the character and the column.
    case review
    /// The mapping's `substitutions` are applied (e.g. `𠮷` → `吉`); a character without a
    /// substitution still sends the record to review.
    case substitute
}

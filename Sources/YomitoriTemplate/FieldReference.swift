import Yams

/// A field named by a rule (`date_order: [birth_date, request_date]`, `age_on: request_date`),
/// checked once every field of the template is known.
struct FieldReference {
    /// The field name as written.
    let name: String
    /// The node of the name, for the message's line and column.
    let node: Node
    /// The page of the rule: a rule may only name fields of its own page.
    let pageIndex: Int
    /// Who names the field, for messages: `page rule 1 (date_order)`, `field 'a' rule 1 (date): age_on`.
    let purpose: String
    /// Types the named field must have; nil means any.
    var expectedTypes: Set<FieldType>?
    /// `required_if`'s `has:` value with its node: it must be one of the named field's options
    /// when that field is a checkbox or choice.
    var option: (value: String, node: Node)?
}

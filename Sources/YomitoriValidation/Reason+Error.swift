public import YomitoriResults

/// A ``Reason`` can be the failure of a `Result` (``Normalization/apply(_:to:)``).
///
/// Declared here because YomitoriResults does not (yet) make `Reason` an `Error` (same package, so
/// no `@retroactive` is needed). If YomitoriResults adds the conformance, this one must go: the
/// compiler reports the duplicate, it never passes silently.
extension Reason: Error {}

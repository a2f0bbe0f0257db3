import YomitoriText

extension PageRead {
    /// The page with every sensitive field's value and raw text masked (`********1234`), for
    /// anything shown to people: terminal output, previews, review screens, logs.
    public func maskingSensitive() -> PageRead {
        var copy = self
        copy.fields = fields.map { $0.sensitive ? $0.masked() : $0 }
        return copy
    }
}

extension FieldRead {
    /// This field with value and raw text masked.
    public func masked() -> FieldRead {
        var copy = self
        if let value { copy.value = .text(MyNumber.masked(value.string)) }
        copy.raw = MyNumber.masked(raw)
        if let secondRead { copy.secondRead = .text(MyNumber.masked(secondRead.string)) }
        if let normalized { copy.normalized = .text(MyNumber.masked(normalized.string)) }
        return copy
    }
}

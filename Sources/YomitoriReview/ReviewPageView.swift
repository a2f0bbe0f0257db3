public import YomitoriLedger
public import YomitoriResults
public import YomitoriTemplate

/// One page as a reviewer sees it: the reading, the template's fields, which of them need a
/// person, and the version an approval must name.
///
/// Values are not masked here: the presentation masks sensitive fields (``FieldRead/masked()``).
public struct ReviewPageView: Sendable {
    public var key: PageKey
    public var job: String
    public var originalPath: String
    /// Path of the scan file now (review folder or work folder).
    public var filePath: String
    public var read: PageRead
    public var template: Template?
    public var version: Int
    /// True while the page still waits for a decision.
    public var isWaiting: Bool
    /// Another reviewer's unexpired lease, when someone else has the page open.
    public var heldBy: String?

    /// Fields a person must look at: status `review` or `invalid` — or every field when only the
    /// page as a whole is doubtful (e.g. the import format refused one of its values).
    public var doubtfulFields: [FieldRead] {
        let doubtful = read.fields.filter(Self.isDoubtful)
        return doubtful.isEmpty && isWaiting ? read.fields : doubtful
    }
    /// Fields accepted as read.
    public var acceptedFields: [FieldRead] {
        let names = Set(doubtfulFields.map(\.name))
        return read.fields.filter { !names.contains($0.name) }
    }

    static func isDoubtful(_ field: FieldRead) -> Bool { field.status == .review || field.status == .invalid }

    /// The template's definition of a field.
    public func spec(_ name: String) -> FieldSpec? {
        template?.pages.lazy.flatMap(\.fields).first { $0.name == name }
    }

    /// True for a field the reviewer must type without seeing the reading (`double_entry: true`).
    public func isDoubleEntry(_ name: String) -> Bool { spec(name)?.doubleEntry ?? false }
}

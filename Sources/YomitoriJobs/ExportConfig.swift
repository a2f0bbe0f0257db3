/// `export:` — write a batch's accepted records with a mapping.
public struct ExportConfig: Sendable, Equatable {
    /// Where the mapping is.
    public enum Mapping: Sendable, Equatable {
        /// A mapping file (absolute path), parsed by the export module.
        case file(String)
        /// A mapping written inside the job file, as YAML text for the export module to parse;
        /// `line` is where it starts in `file`, to report its problems at the right place.
        case inline(yaml: String, file: String, line: Int)
    }

    public var mapping: Mapping
    /// The output folder (absolute path template, e.g. `/srv/out/{job}`).
    public var to: String
    /// The output file name template, e.g. `{job}_{date}_{seq}.csv`; nil leaves the name to the
    /// mapping's format. `{seq}` must appear in `to` or `name` so every batch writes new files.
    public var name: String?

    public init(mapping: Mapping, to: String, name: String?) {
        self.mapping = mapping
        self.to = to
        self.name = name
    }
}

import YomitoriYAML

/// Job files are read with the shared ``YAMLReader``, knowing every mapping of the job format.
typealias Keyed = YAMLKeyed

extension YAMLReader {
    init(file: String) {
        self.init(file: file, keyTables: JobKeys.all)
    }
}

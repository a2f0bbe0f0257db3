import Yams
import YomitoriYAML

/// Mappings are read with the shared ``YAMLReader``, knowing every section of the mapping format.
typealias MappingReader = YAMLReader
typealias KeyedNode = YAMLKeyed

extension YAMLReader {
    init(mappingFile file: String) {
        self.init(file: file, keyTables: MappingKeys.all)
    }

    /// The values of a mapping node by key, after checking the keys against `section`.
    mutating func keyed(_ node: Node, _ section: YAMLKeyTable, subject: String) -> YAMLKeyed? {
        mapping(node, section, subject: subject)
    }
}

import Yams

/// The keys found in one mapping node, by name.
struct KeyedNode {
    let node: Node
    var values: [String: Node] = [:]
    var keyNodes: [String: Node] = [:]
    /// Whether the mapping had a key the section does not know (likely a misspelt one).
    var hasUnknownKeys = false

    subscript(key: String) -> Node? { values[key] }
}

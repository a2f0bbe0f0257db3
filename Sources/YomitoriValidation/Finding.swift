import YomitoriResults

/// One reason together with what it does to the field or page: send it to review or make it invalid.
///
/// ``Reason`` carries no status of its own; a field's status is the worst of its findings.
struct Finding: Sendable, Equatable {
    var reason: Reason
    var status: Status
}

extension Array where Element == Finding {
    /// The worst status of the findings; `accepted` when there are none.
    var status: Status { map(\.status).max() ?? .accepted }

    /// Adds a finding, or raises the status of an equal reason already there (no duplicates).
    mutating func add(_ finding: Finding) {
        if let index = firstIndex(where: { $0.reason == finding.reason }) {
            self[index].status = Swift.max(self[index].status, finding.status)
        } else {
            append(finding)
        }
    }
}

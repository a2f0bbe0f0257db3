public import Foundation

/// Decides when a file dropped into an inbox is complete and may be taken — pure logic, no I/O,
/// no clock: listings and the time come in, decisions come out, so tests need no sleeps.
///
/// Rules (see `docs/jobs.md`, "Intake"):
/// - Only regular files whose name matches one of the job's patterns (case-insensitively) are
///   inputs; hidden names (`.x`, including yomitori's own `.yomitori-…` temporary files) never are.
/// - Without a marker, a file is complete once its size and modification time were the same in
///   observations at least `settle_seconds` apart (an empty file waits at least a minute, 12 × settle).
///   The first sighting never counts: a file is taken at the earliest on the second look.
/// - With a per-file marker (`{name}.ok`), a file is complete as soon as its marker exists; the
///   marker is returned with the file, to delete after the claim.
/// - With a folder marker (`.done`), files modified *before* the marker are complete at once, files
///   with the same modification time must also settle, later ones wait for the next marker. The
///   marker is consumed once no file from before it is left.
/// - Modification times are only compared with each other, never with this machine's clock, so a
///   file server whose clock is off does not matter.
public struct IntakeStateMachine: Sendable {
    public let rules: IntakeRules
    private let patterns: [GlobPattern]
    private var tracked: [String: Tracked] = [:]

    private struct Tracked {
        var size: Int64
        var modified: Date
        /// When this size and time were first seen.
        var since: Date
        /// Returned as ready and not yet claimed or released.
        var handedOut: Bool
    }

    public init(rules: IntakeRules, patterns: [String]) {
        self.rules = rules
        self.patterns = patterns.map(GlobPattern.init)
    }

    /// Whether a name can be an input at all: not hidden and matching a pattern.
    public func isCandidate(_ name: String) -> Bool {
        !name.hasPrefix(".") && patterns.contains { $0.matches(name) }
    }

    /// Seconds a file of this size must stay unchanged.
    func settleTime(size: Int64) -> TimeInterval {
        size == 0 ? max(60, rules.settleSeconds * 12) : rules.settleSeconds
    }

    // MARK: - Events

    /// Takes a complete listing of the inbox made at `now` and says what is ready.
    public mutating func observe(_ listing: [FileObservation], at now: Date) -> IntakeDecision {
        let regular = listing.filter(\.isRegularFile)
        let present = Dictionary(regular.map { ($0.name, $0) }) { first, _ in first }
        var markerNames: Set<String> = []
        var folderMarker: FileObservation?
        switch rules.marker {
        case .none:
            break
        case .perFile:
            for entry in regular {
                if let marker = rules.marker.markerName(for: entry.name), present[marker] != nil { markerNames.insert(marker) }
            }
        case .folder(let name):
            markerNames.insert(name)
            folderMarker = present[name]
        }
        let candidates = regular.filter { isCandidate($0.name) && !markerNames.contains($0.name) }
            .sorted { ($0.modified, $0.name) < ($1.modified, $1.name) }

        let names = Set(candidates.map(\.name))
        tracked = tracked.filter { names.contains($0.key) }
        for file in candidates {
            if let known = tracked[file.name], known.size == file.size, known.modified == file.modified { continue }
            tracked[file.name] = Tracked(size: file.size, modified: file.modified, since: now, handedOut: false)
        }

        var decision = IntakeDecision()
        for file in candidates {
            guard let state = tracked[file.name], !state.handedOut else { continue }
            let settleAt = state.since.addingTimeInterval(settleTime(size: file.size))
            let settled = now >= settleAt
            // Not settled yet: look again when it may have, and name it among those settling.
            func waitToSettle() {
                decision.nextCheck = min(decision.nextCheck ?? settleAt, settleAt)
                decision.settling.append(file.name)
            }
            var ready = false
            var marker: String?
            switch rules.marker {
            case .none:
                ready = settled
                if !settled { waitToSettle() }
            case .perFile:
                marker = rules.marker.markerName(for: file.name)
                ready = marker.map { present[$0] != nil } ?? false
            case .folder:
                guard let folderMarker else { break }
                if file.modified < folderMarker.modified {
                    ready = true
                } else if file.modified == folderMarker.modified {
                    ready = settled
                    if !settled { waitToSettle() }
                }
            }
            if ready {
                tracked[file.name]?.handedOut = true
                decision.ready.append(ReadyFile(name: file.name, size: file.size, modified: file.modified, marker: marker))
            } else {
                decision.waiting += 1
            }
        }
        if let folderMarker, !candidates.contains(where: { $0.modified <= folderMarker.modified }) {
            decision.markersToConsume.append(folderMarker)
        }
        return decision
    }

    /// The file was claimed (it has left the inbox): forget it.
    public mutating func claimed(_ name: String) {
        tracked[name] = nil
    }

    /// The file was handed out but not claimed (claiming failed, or the caller gave up): it will be
    /// considered again, from scratch, at the next listing.
    public mutating func release(_ name: String) {
        tracked[name] = nil
    }
}

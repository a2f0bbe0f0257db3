import Foundation

/// Thresholds from labelled scans: how right are the fields yomitori lets through, how many go to
/// a person, and which confidence threshold keeps the errors among accepted fields under a target.
///
/// Pure arithmetic over observations; reading the scans is the caller's job (`yomitori calibrate`).
public struct Calibration: Sendable {
    /// One field of one labelled page.
    public struct Observation: Sendable, Equatable {
        public var type: String
        public var confidence: Double
        /// The decision yomitori made with the current thresholds.
        public var accepted: Bool
        /// Reasons other than `low_confidence` (disagreeing reads, rules…): these fields go to
        /// review whatever the threshold.
        public var otherReasons: Bool
        /// The value matches the truth.
        public var correct: Bool

        public init(type: String, confidence: Double, accepted: Bool, otherReasons: Bool, correct: Bool) {
            self.type = type
            self.confidence = confidence
            self.accepted = accepted
            self.otherReasons = otherReasons
            self.correct = correct
        }
    }

    /// Figures for one field type.
    public struct Row: Sendable, Equatable {
        public var type: String
        public var fields: Int
        public var accepted: Int
        public var acceptedCorrect: Int
        /// Lowest threshold keeping the error rate among accepted fields at or under the target
        /// (nil when no threshold does).
        public var suggestedThreshold: Double?
        /// Share accepted with the suggested threshold.
        public var acceptedShareAtSuggestion: Double

        public var acceptedPrecision: Double { accepted == 0 ? 1 : Double(acceptedCorrect) / Double(accepted) }
        public var reviewShare: Double { fields == 0 ? 0 : Double(fields - accepted) / Double(fields) }
    }

    public var observations: [Observation]
    /// Largest tolerated share of wrong values among accepted fields (default 0.1 %).
    public var target: Double

    public init(observations: [Observation], target: Double = 0.001) {
        self.observations = observations
        self.target = target
    }

    public var rows: [Row] {
        let types = Array(Set(observations.map(\.type))).sorted()
        return types.map { type in row(for: observations.filter { $0.type == type }, type: type) }
    }

    public var total: Row { row(for: observations, type: "all") }

    private func row(for obs: [Observation], type: String) -> Row {
        let accepted = obs.filter(\.accepted)
        var suggested: Double?
        var shareAtSuggestion = 0.0
        // Candidates: every confidence seen, lowest first; the first that meets the target wins.
        let candidates = Array(Set(obs.map(\.confidence) + [0])).sorted()
        for t in candidates {
            let pass = obs.filter { !$0.otherReasons && $0.confidence >= t }
            let wrong = pass.filter { !$0.correct }.count
            if pass.isEmpty || Double(wrong) <= target * Double(pass.count) {
                suggested = t
                shareAtSuggestion = obs.isEmpty ? 0 : Double(pass.count) / Double(obs.count)
                break
            }
        }
        return Row(
            type: type, fields: obs.count, accepted: accepted.count,
            acceptedCorrect: accepted.filter(\.correct).count,
            suggestedThreshold: suggested, acceptedShareAtSuggestion: shareAtSuggestion
        )
    }

    /// The figures as a Markdown table.
    public var table: String {
        var lines = [
            "| field type | fields | accepted | accepted right | to review | suggested threshold | accepted at suggestion |",
            "|---|---|---|---|---|---|---|",
        ]
        for r in rows + [total] {
            let t = r.suggestedThreshold.map { String(format: "%.2f", $0) } ?? "none"
            lines.append(String(
                format: "| %@ | %d | %.1f%% | %.2f%% | %.1f%% | %@ | %.1f%% |",
                r.type, r.fields, r.fields == 0 ? 0 : Double(r.accepted) / Double(r.fields) * 100,
                r.acceptedPrecision * 100, r.reviewShare * 100, t, r.acceptedShareAtSuggestion * 100
            ))
        }
        return lines.joined(separator: "\n")
    }
}

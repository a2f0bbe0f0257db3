import YomitoriYAML
import Foundation
import Yams

extension JobParser {
    /// `trigger:` as a mapping with exactly one of `watch`, `schedule`, `manual` (or the words
    /// `watch` / `manual` alone), plus the intake rules that go with it.
    mutating func parseTrigger(_ node: Node) -> (trigger: Trigger, intake: IntakeRules)? {
        if let word = node.scalar?.string, node.tagName == .str {
            switch word {
            case "watch": return (.watch, IntakeRules())
            case "manual": return (.manual, IntakeRules())
            default:
                reader.error(.invalidValue, at: node,
                             "trigger '\(word)' is not one of watch, manual, or a mapping {schedule: \"cron\"}")
                return nil
            }
        }
        guard let keyed = reader.mapping(node, JobKeys.trigger, subject: "trigger") else { return nil }
        let kinds = ["watch", "schedule", "manual"].filter { keyed[$0] != nil }
        guard kinds.count == 1, let kind = kinds.first else {
            let message = kinds.isEmpty
                ? "trigger needs one of watch, schedule or manual"
                : "trigger has \(kinds.joined(separator: " and ")); give exactly one"
            reader.error(kinds.isEmpty ? .missingKey : .invalidValue, at: node, message)
            return nil
        }
        var intake = IntakeRules()
        switch kind {
        case "watch":
            for key in ["settle_seconds", "marker"] where keyed[key] != nil {
                reader.error(.invalidValue, at: keyed.keyNodes[key], "with watch, put \(key) under watch: { … }")
            }
            guard let watch = keyed["watch"] else { return nil }
            if watch.tagName == .null || (watch.tagName == .bool && watch.bool == true) { return (.watch, intake) }
            guard let settings = reader.mapping(watch, JobKeys.watch, subject: "watch") else { return nil }
            parseIntake(settings, into: &intake)
            return (.watch, intake)
        case "schedule":
            parseIntake(keyed, into: &intake)
            guard let scheduleNode = keyed["schedule"], let text = reader.nonEmptyText(scheduleNode, "schedule") else {
                return nil
            }
            do {
                return (.schedule(try CronSchedule(parsing: text)), intake)
            } catch {
                reader.error(.invalidSchedule, at: scheduleNode, "schedule \"\(text)\": \(error.description)")
                return nil
            }
        default:
            parseIntake(keyed, into: &intake)
            guard let manual = keyed["manual"], let value = reader.bool(manual, "manual") else { return nil }
            guard value else {
                reader.error(.invalidValue, at: manual, "manual: false starts nothing; use watch or schedule instead")
                return nil
            }
            return (.manual, intake)
        }
    }

    private mutating func parseIntake(_ keyed: Keyed, into intake: inout IntakeRules) {
        if let node = keyed["settle_seconds"], let seconds = reader.number(node, "settle_seconds") {
            if seconds > 0, seconds <= 3600 {
                intake.settleSeconds = seconds
            } else {
                reader.error(.outOfRange, at: node, "settle_seconds must be above 0 and at most 3600, got \(seconds)")
            }
        }
        if let node = keyed["marker"] { intake.marker = parseMarker(node) ?? .none }
        if let node = keyed["poll"], let word = reader.text(node, "poll") {
            if let mode = PollMode(rawValue: word) {
                intake.poll = mode
            } else {
                let words = PollMode.allCases.map(\.rawValue)
                var message = "poll must be one of \(words.joined(separator: ", ")), got '\(word)'"
                if let close = closestWord(to: word, in: words) { message += "; did you mean '\(close)'?" }
                reader.error(.invalidValue, at: node, message)
            }
        }
        if let node = keyed["poll_interval"], let seconds = reader.number(node, "poll_interval") {
            if seconds >= 1, seconds <= 3600 {
                intake.pollInterval = seconds
            } else {
                reader.error(.outOfRange, at: node, "poll_interval must be between 1 and 3600 seconds, got \(seconds)")
            }
        }
    }

    /// `none`, a per-file pattern with `{name}` or `{file}`, or a folder marker's file name.
    private mutating func parseMarker(_ node: Node) -> MarkerRule? {
        guard let text = reader.nonEmptyText(node, "marker") else { return nil }
        if text == "none" { return MarkerRule.none }
        if text.contains("/") {
            reader.error(.invalidValue, at: node, "marker '\(text)' must be a file name in the inbox, not a path")
            return nil
        }
        let names: [String]
        do {
            names = try PathTemplate.variables(in: text.replacingOccurrences(of: "{file}", with: "{name}"))
        } catch {
            reader.error(.invalidValue, at: node, "marker '\(text)': \(error.message)")
            return nil
        }
        if let other = names.first(where: { $0 != "name" }) {
            reader.error(.invalidValue, at: node,
                         "marker '\(text)': {\(other)} cannot be used; a marker uses {name} (file name without extension) or {file}")
            return nil
        }
        if names.isEmpty { return .folder(text) }
        if text == "{file}" {
            reader.error(.invalidValue, at: node, "marker '{file}' is the file itself; add a suffix, e.g. \"{file}.ok\"")
            return nil
        }
        return .perFile(text)
    }
}

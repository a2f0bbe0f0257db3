import YomitoriYAML
import Foundation
import Yams

extension JobParser {
    static let stepNames = ["read", "validate", "transform", "export", "route", "run", "notify"]

    mutating func parseSteps(_ node: Node) -> [JobStep]? {
        guard let items = reader.list(node, "steps", expected: "a list of steps (- read, - validate, - export: …)") else {
            return nil
        }
        var steps: [(JobStep, Node)] = []
        for item in items {
            if let step = parseStep(item) { steps.append((step, item)) }
        }
        checkOrder(steps, listNode: node)
        return steps.map(\.0)
    }

    private mutating func parseStep(_ item: Node) -> JobStep? {
        let line = item.mark?.line
        if let word = item.scalar?.string, item.tagName != .null {
            switch word {
            case "read": return JobStep(.read, line: line)
            case "validate": return JobStep(.validate, line: line)
            case _ where Self.stepNames.contains(word):
                reader.error(.wrongType, at: item, "step '\(word)' needs settings: write `- \(word): { … }`")
            default:
                reportUnknownStep(word, at: item)
            }
            return nil
        }
        guard let mapping = item.mapping else {
            reader.error(.wrongType, at: item, "a step is a name (- read) or a mapping (- export: { … }), got \(describe(item))")
            return nil
        }
        let names = mapping.compactMap { $0.key.scalar?.string }.filter { $0 != "when" }
        for (key, _) in mapping {
            if let name = key.scalar?.string, name != "when", !Self.stepNames.contains(name) { reportUnknownStep(name, at: key) }
        }
        let known = names.filter(Self.stepNames.contains)
        guard known.count == 1, let name = known.first, let value = Self.value(of: name, in: mapping) else {
            if known.count > 1 {
                reader.error(.invalidValue, at: item,
                             "one step per list item, got \(known.joined(separator: " and ")); start each with '- '")
            } else if names.isEmpty {
                reader.error(.missingKey, at: item, "this step has no step name, only 'when'")
            }
            return nil
        }
        let outerWhen = Self.value(of: "when", in: mapping)
        let step: Step?
        var innerWhen: Node?
        switch name {
        case "read", "validate":
            if value.tagName != .null, value.mapping?.isEmpty != true {
                reader.error(.wrongType, at: value, "step '\(name)' takes no settings; write `- \(name)`")
            }
            step = name == "read" ? .read : .validate
        case "transform": step = parseTransform(value).map(Step.transform)
        case "export": step = parseExport(value).map(Step.export)
        case "route": step = parseRoute(value).map(Step.route)
        case "run":
            innerWhen = value.mapping.flatMap { Self.value(of: "when", in: $0) }
            let level = conditionLevel(outerWhen ?? innerWhen)
            step = parseRun(value, allowed: level).map(Step.run)
        default:
            innerWhen = value.mapping.flatMap { Self.value(of: "when", in: $0) }
            let level = conditionLevel(outerWhen ?? innerWhen)
            step = parseNotify(value, allowed: level).map(Step.notify)
        }
        let condition = parseCondition(outer: outerWhen, inner: innerWhen, step: name)
        guard let step, let condition else { return nil }
        return JobStep(step, when: condition, line: line)
    }

    /// The value of `key` in a mapping, compared as text (tags aside).
    static func value(of key: String, in mapping: Node.Mapping) -> Node? {
        mapping.first { $0.key.scalar?.string == key }?.value
    }

    private mutating func reportUnknownStep(_ word: String, at node: Node) {
        var message = "unknown step '\(word)'"
        if let close = closestWord(to: word, in: Self.stepNames) {
            message += "; did you mean '\(close)'?"
        } else {
            message += "; steps are " + Self.stepNames.joined(separator: ", ")
        }
        reader.error(.unknownStep, at: node, message)
    }

    // MARK: - Conditions

    /// The variables a `run`/`notify` step may use: per file for `page_*` conditions, per batch otherwise.
    private func conditionLevel(_ node: Node?) -> Set<String> {
        let condition = node?.scalar.flatMap { StepCondition(rawValue: $0.string) }
        return condition?.isPageLevel == true ? Self.fileVariables : Self.batchVariables
    }

    private mutating func parseCondition(outer: Node?, inner: Node?, step: String) -> StepCondition? {
        if let outer, let inner {
            reader.error(.invalidCondition, at: inner, "'when' is given twice for this \(step) step; keep one")
            _ = outer
            return nil
        }
        guard let node = outer ?? inner else { return .always }
        guard step == "run" || step == "notify" else {
            reader.error(.invalidCondition, at: node, "only run and notify steps take 'when'; \(step) always applies")
            return nil
        }
        guard let word = reader.text(node, "when") else { return nil }
        if let condition = StepCondition(rawValue: word) { return condition }
        let words = StepCondition.allCases.map(\.rawValue)
        var message = "unknown condition '\(word)'"
        if let close = closestWord(to: word, in: words) {
            message += "; did you mean '\(close)'?"
        } else {
            message += "; conditions are " + words.joined(separator: ", ")
        }
        reader.error(.invalidCondition, at: node, message)
        return nil
    }

    // MARK: - Order

    private mutating func checkOrder(_ steps: [(JobStep, Node)], listNode: Node) {
        let names = steps.map(\.0.step.name)
        guard let readIndex = names.firstIndex(of: "read") else {
            if !reader.hasErrors || !steps.isEmpty {
                reader.error(.stepOrder, at: listNode, "steps must start with read (nothing else works without it)")
            }
            return
        }
        if readIndex != 0 {
            reader.error(.stepOrder, at: steps[0].1, "'\(names[0])' comes before read; read must be the first step")
        }
        for (name, limit) in [("read", 1), ("validate", 1), ("route", 1)] {
            let indices = names.indices.filter { names[$0] == name }
            for index in indices.dropFirst(limit) {
                reader.error(.stepOrder, at: steps[index].1, "\(name) is listed more than once; keep one")
            }
        }
        let validateIndex = names.firstIndex(of: "validate")
        for (index, name) in names.enumerated() where name == "export" {
            guard let validateIndex, validateIndex < index else {
                reader.error(.stepOrder, at: steps[index].1,
                             "export needs a validate step before it: only accepted pages are exported")
                continue
            }
        }
        if let lastExport = names.lastIndex(of: "export") {
            for (index, name) in names.enumerated() where name == "transform" && index > lastExport {
                reader.warning(.stepOrder, at: steps[index].1, "this transform comes after the last export and changes nothing")
            }
        }
    }
}

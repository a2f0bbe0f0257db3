import YomitoriYAML
import Foundation
import Yams

extension JobParser {
    // MARK: - transform

    mutating func parseTransform(_ node: Node) -> TransformConfig? {
        guard let keyed = reader.mapping(node, JobKeys.transform, subject: "transform") else { return nil }
        var rules: [TransformConfig.Rule] = []
        for key in keyed.order {
            guard let value = keyed[key], let pairs = fieldPairs(value, "transform \(key)") else { continue }
            for (field, text, valueNode) in pairs {
                switch key {
                case "set":
                    rules.append(.set(field: field, value: text))
                case "copy":
                    rules.append(.copy(field: field, from: text))
                default:
                    if (try? PathTemplate.pieces(text)) == nil {
                        reader.error(.invalidValue, at: valueNode,
                                     "derive '\(field)': braces must enclose field names, as in \"{city}{address}\"")
                    }
                    rules.append(.derive(field: field, template: text))
                }
            }
        }
        if rules.isEmpty, !reader.hasErrors {
            reader.error(.invalidValue, at: node, "transform has nothing to do; give set, copy or derive")
        }
        return TransformConfig(rules: rules)
    }

    /// `{field: text, …}` with non-empty field names.
    private mutating func fieldPairs(_ node: Node, _ what: String) -> [(String, String, Node)]? {
        guard let mapping = node.mapping else {
            reader.error(.notAMapping, at: node, "\(what) must be a mapping of field: value, got \(describe(node))")
            return nil
        }
        var pairs: [(String, String, Node)] = []
        for (keyNode, valueNode) in mapping {
            guard let field = reader.nonEmptyText(keyNode, "a field name in \(what)"),
                  let text = reader.text(valueNode, "\(what) '\(field)'") else { continue }
            pairs.append((field, text, valueNode))
        }
        return pairs
    }

    // MARK: - export

    mutating func parseExport(_ node: Node) -> ExportConfig? {
        guard let keyed = reader.mapping(node, JobKeys.export, subject: "export") else { return nil }
        let mapping = keyed["mapping"].flatMap { parseMapping($0) }
        let to = keyed["to"].flatMap { parsePathTemplate($0, "export to", allowed: Self.batchVariables) }
        var name: String?
        if let nameNode = keyed["name"] {
            name = parsePathTemplate(nameNode, "export name", allowed: Self.batchVariables, isPath: false)
            if let text = name, text.contains("/") {
                reader.error(.invalidValue, at: nameNode, "export name '\(text)' must be a file name; put folders in 'to'")
                name = nil
            }
        }
        if let to, let toNode = keyed["to"] {
            let uses = ((try? PathTemplate.variables(in: to)) ?? []) + ((try? PathTemplate.variables(in: name ?? "")) ?? [])
            if !uses.contains("seq") {
                reader.error(.invalidPath, at: keyed["name"] ?? toNode,
                             "export needs {seq} in 'name' or 'to' so every batch writes a new file "
                                 + "(e.g. name: \"{job}_{date}_{seq}.csv\"); files are never overwritten")
            }
        }
        guard let mapping, let to else { return nil }
        return ExportConfig(mapping: mapping, to: to, name: name)
    }

    /// A mapping file (missing is a warning: mappings may be written after the job) or an inline mapping.
    private mutating func parseMapping(_ node: Node) -> ExportConfig.Mapping? {
        if node.mapping != nil {
            do {
                let yaml = try Yams.serialize(node: node, allowUnicode: true)
                return .inline(yaml: yaml, file: reader.file, line: node.mark?.line ?? 1)
            } catch {
                reader.error(.invalidValue, at: node, "the inline mapping cannot be kept: \(error)")
                return nil
            }
        }
        guard let text = reader.nonEmptyText(node, "export mapping"),
              checkVariables(text, node, "export mapping", allowed: []),
              let path = resolve(text, node, "mapping") else { return nil }
        if !FileManager.default.fileExists(atPath: path) {
            reader.warning(.missingMapping, at: node, "mapping file '\(text)' does not exist yet (looked for \(path))")
        }
        return .file(path)
    }

    // MARK: - route

    mutating func parseRoute(_ node: Node) -> RouteConfig? {
        guard let keyed = reader.mapping(node, JobKeys.route, subject: "route") else { return nil }
        guard !keyed.order.isEmpty else {
            if node.mapping?.isEmpty == true {
                reader.error(.invalidValue, at: node, "route needs at least one of accepted, review, invalid, failed")
            }
            return nil
        }
        func folder(_ key: String) -> String? {
            keyed[key].flatMap { parsePathTemplate($0, "route \(key)", allowed: Self.fileVariables) }
        }
        return RouteConfig(accepted: folder("accepted"), review: folder("review"), invalid: folder("invalid"),
                           failed: folder("failed"), duplicate: folder("duplicate"))
    }

    // MARK: - run

    mutating func parseRun(_ node: Node, allowed: Set<String>) -> RunConfig? {
        guard let keyed = reader.mapping(node, JobKeys.run, subject: "run") else { return nil }
        var command: String?
        if let commandNode = keyed["command"], let text = reader.nonEmptyText(commandNode, "run command") {
            if !text.hasPrefix("/") {
                reader.error(.invalidCommand, at: commandNode,
                             "run command '\(text)' must be an absolute path; commands are not looked up in PATH or run through a shell")
            } else {
                if !FileManager.default.isExecutableFile(atPath: text) {
                    reader.warning(.invalidCommand, at: commandNode, "run command \(text) is not an executable file on this machine")
                }
                command = text
            }
        }
        var args: [String] = []
        if let argsNode = keyed["args"], let items = reader.list(argsNode, "run args", expected: "a list of arguments") {
            for item in items {
                guard let text = reader.text(item, "each run argument") else { continue }
                _ = checkVariables(text, item, "run argument", allowed: allowed)
                args.append(text)
            }
        }
        var timeout = 30.0
        if let timeoutNode = keyed["timeout"], let seconds = reader.number(timeoutNode, "run timeout") {
            if seconds > 0, seconds <= 86_400 {
                timeout = seconds
            } else {
                reader.error(.outOfRange, at: timeoutNode, "run timeout must be above 0 and at most 86400 seconds, got \(seconds)")
            }
        }
        guard let command else { return nil }
        return RunConfig(command: command, args: args, timeout: timeout)
    }

    // MARK: - notify

    mutating func parseNotify(_ node: Node, allowed: Set<String>) -> NotifyConfig? {
        guard let keyed = reader.mapping(node, JobKeys.notify, subject: "notify") else { return nil }
        switch (keyed["append"], keyed["post"]) {
        case (let append?, nil):
            return parsePathTemplate(append, "notify append", allowed: allowed).map(NotifyConfig.append)
        case (nil, let post?):
            guard let text = reader.nonEmptyText(post, "notify post") else { return nil }
            guard let url = URL(string: text), url.scheme != nil else {
                reader.error(.invalidValue, at: post, "notify post '\(text)' is not a URL")
                return nil
            }
            if let problem = LocalNetworkAddress.problem(with: url) {
                reader.error(.notLocalNetwork, at: post, "notify post: \(problem)")
                return nil
            }
            return .post(url)
        case (.some, .some):
            reader.error(.invalidValue, at: node, "notify takes either append or post, not both; use two notify steps")
            return nil
        case (nil, nil):
            reader.error(.missingKey, at: node, "notify needs append: <log file> or post: <local URL>")
            return nil
        }
    }
}

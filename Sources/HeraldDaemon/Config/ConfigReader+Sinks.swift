import Foundation
import HeraldCore
import Yams

extension ConfigReader {
    static let sinkTypes = ["stdout", "file", "webhook"]

    mutating func readSecrets(_ node: Node?) {
        secrets.credentialsDirectory = environment["CREDENTIALS_DIRECTORY"].flatMap { $0.isEmpty ? nil : $0 }
        guard let path = string(node, "secrets_file").map({ resolvePath($0) }) else { return }
        switch SecretStore.readFile(path) {
        case .success(let values): secrets.fileValues = values
        case .failure(let error): problem("secrets_file", node, error.message)
        }
    }

    /// A value that may be `secret:NAME`: the secret's value (and whether it was one).
    mutating func secretOrValue(_ node: Node?, _ path: String) -> (value: String, isSecret: Bool)? {
        guard let raw = string(node, path) else { return nil }
        guard raw.hasPrefix("secret:") else { return (raw, false) }
        return secret(named: String(raw.dropFirst(7)), node, path).map { ($0, true) }
    }

    mutating func secret(named name: String, _ node: Node?, _ path: String) -> String? {
        switch secrets.value(name) {
        case .success(let value): return value
        case .failure(let error):
            problem(path, node, error.message)
            return nil
        }
    }

    mutating func readSink(_ node: Node, path: String) -> SinkConfig? {
        let keys = mapping(node, path: path, allowed: Self.sinkKeys)
        let name = name(keys["name"], path, parent: node)
        guard let type = string(keys["type"], "\(path).type") else {
            if keys["type"] == nil {
                problem("\(path).type", node, "missing: one of \(Self.sinkTypes.joined(separator: ", "))")
            }
            return nil
        }
        let retry = readRetry(keys, path: path)
        var secretValues: [String] = []
        var target: String?
        var signingSecret: String?
        let kind: SinkConfig.Kind?
        switch type {
        case "stdout":
            let raw = string(keys["format"], "\(path).format") ?? "text"
            let format = SinkConfig.OutputFormat(rawValue: raw)
            if format == nil { problem("\(path).format", keys["format"], "'\(raw)' is not a format: use text or json") }
            kind = format.map { .stdout(format: $0) }
            disallow(
                keys, ["path", "url", "url_secret", "timeout", "signing_secret", "digest"], path: path, type: type)
        case "file":
            let file = string(keys["path"], "\(path).path")
            if keys["path"] == nil { problem("\(path).path", node, "missing: a file sink needs a path") }
            kind = file.map { .file(path: resolvePath($0)) }
            disallow(
                keys,
                ["format", "url", "url_secret", "timeout", "signing_secret", "digest", "template", "template_file"],
                path: path, type: type)
        case "webhook":
            let timeout = duration(keys["timeout"], "\(path).timeout") ?? .seconds(10)
            var text: String?
            if let node = keys["url_secret"], let secretName = string(node, "\(path).url_secret") {
                if keys["url"] != nil { problem("\(path).url", keys["url"], "give url or url_secret, not both") }
                text = secret(named: secretName, node, "\(path).url_secret")
                if let text { secretValues.append(text) }
            } else if let (value, isSecret) = secretOrValue(keys["url"], "\(path).url") {
                text = value
                if isSecret { secretValues.append(value) }
            } else if keys["url"] == nil {
                problem("\(path).url", node, "missing: a webhook sink needs a url (or url_secret)")
            }
            var url: URL?
            if let text {
                // The error describes the URL without quoting it: it holds the secret.
                do throws(TargetError) {
                    let parsed = try WebhookTarget.parse(text)
                    url = parsed.url
                    target = text
                    secretValues += parsed.secrets
                } catch {
                    problem(keys["url_secret"] != nil ? "\(path).url_secret" : "\(path).url", keys["url"], "\(error)")
                }
            }
            if let (value, _) = secretOrValue(keys["signing_secret"], "\(path).signing_secret") {
                if case .failure(let error) = WebhookSigner.make(secret: value) {
                    problem("\(path).signing_secret", keys["signing_secret"], "the signing secret \(error)")
                } else {
                    signingSecret = value
                    secretValues.append(value)
                }
            }
            kind = url.map { .webhook(url: $0, timeout: timeout) }
            disallow(keys, ["format", "path"], path: path, type: type)
        default:
            let hint = ConfigValues.suggestion(for: type, among: Self.sinkTypes).map { "; did you mean '\($0)'?" } ?? ""
            problem(
                "\(path).type", keys["type"],
                "unknown sink type '\(type)' (one of \(Self.sinkTypes.joined(separator: ", ")))\(hint)")
            kind = nil
        }
        if case .stdout(.json)? = kind, let node = keys["template"] ?? keys["template_file"] {
            problem(
                "\(path).\(keys["template"] != nil ? "template" : "template_file")", node,
                "a template replaces stdout's text lines; it does not apply to format: json")
        }
        let template = readTemplate(keys, path: path, sink: name ?? path)
        guard let name, let kind else { return nil }
        let digest = duration(keys["digest"], "\(path).digest")
        if let digest, digest < .seconds(1) {
            problem("\(path).digest", keys["digest"], "a digest window is at least 1s")
        }
        return SinkConfig(
            name: name, kind: kind, target: target, signingSecret: signingSecret, retry: retry, secrets: secretValues,
            digest: digest, template: template?.source, templateFile: template?.file)
    }

    /// A sink's `template` (inline) or `template_file` (relative to the config's folder), compiled
    /// here so a mistake is reported with the rest of the config, at its line and column.
    mutating func readTemplate(_ keys: [String: Node], path: String, sink: String) -> (source: String, file: String?)? {
        let inline = string(keys["template"], "\(path).template")
        let named = string(keys["template_file"], "\(path).template_file")
        if inline != nil && named != nil {
            problem("\(path).template_file", keys["template_file"], "give template or template_file, not both")
            return nil
        }
        var source = inline
        var file: String?
        if let named {
            let resolved = resolvePath(named)
            do {
                source = try String(contentsOfFile: resolved, encoding: .utf8)
                file = resolved
            } catch {
                problem(
                    "\(path).template_file", keys["template_file"],
                    "sink '\(sink)': cannot read the template file \(resolved) (\(error.localizedDescription))")
                return nil
            }
        }
        guard let source else { return nil }
        do throws(TemplateSyntaxError) {
            _ = try MessageTemplate(source)
        } catch {
            let key = file == nil ? "template" : "template_file"
            problems.append(
                SinkFactory.templateProblem(
                    error, sink: sink, file: self.file, templateFile: file, path: "\(path).\(key)",
                    line: keys[key]?.mark?.line))
            return nil
        }
        return (source, file)
    }

    mutating func readRetry(_ keys: [String: Node], path: String) -> RetrySchedule {
        var steps = RetrySchedule.defaultSteps
        if let node = keys["retry"], let values = strings(node, "\(path).retry") {
            var parsed: [Duration] = []
            for (index, value) in values.enumerated() {
                guard let step = ConfigValues.duration(value) else {
                    problem("\(path).retry[\(index)]", node, "'\(value)' is not a duration (write e.g. 0s, 30s, 2m)")
                    continue
                }
                parsed.append(step)
            }
            if values.isEmpty { problem("\(path).retry", node, "give at least one wait, e.g. [0s, 30s, 5m, 1h]") }
            if !parsed.isEmpty { steps = parsed }
        }
        let giveUp = duration(keys["give_up_after"], "\(path).give_up_after") ?? .seconds(24 * 3600)
        return RetrySchedule(steps: steps, giveUpAfter: giveUp)
    }
}

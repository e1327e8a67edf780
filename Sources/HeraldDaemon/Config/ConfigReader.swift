import Foundation
import HeraldCore
import Yams

/// Walks the YAML tree of a config file, collecting problems with their key paths and lines.
struct ConfigReader {
    let file: String
    let folder: URL
    let environment: [String: String]
    var problems: [ConfigProblem] = []
    /// The aliases read so far; rules are checked against them.
    var aliases = AliasTable()
    /// Reading a rule file named by `include`, not the main config.
    var isIncluded = false
    /// Where `secret:NAME` values come from; set once `secrets_file` has been read.
    var secrets = SecretStore()

    init(
        file: String, isIncluded: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.file = file
        self.isIncluded = isIncluded
        self.environment = environment
        folder = URL(fileURLWithPath: file).deletingLastPathComponent()
    }

    static let topKeys = [
        "state", "retention", "story_window", "defaults", "http", "feeds", "rules", "sinks", "aliases", "include",
        "secrets_file",
    ]
    static let ruleFileKeys = ["aliases", "rules"]
    static let defaultsKeys = [
        "interval", "timeout", "max_body", "first_poll_window", "unhealthy_after", "allow_private_network",
        "adaptive_interval",
    ]
    static let httpKeys = ["max_transfers", "per_host"]
    static let feedKeys = [
        "name", "url", "allow_file", "allow_private_network", "interval", "timeout", "max_body", "tags", "language",
        "identity", "first_poll_window", "unhealthy_after", "adaptive_interval",
    ]
    static let adaptiveKeys = ["min", "max"]
    static let ruleKeys = [
        "name", "query", "feeds", "tags", "sinks", "alert_on_edit", "expect", "reject", "followups",
        "followup_interval", "min_sources", "min_sources_within",
    ]
    static let sinkKeys = [
        "name", "type", "format", "path", "url", "url_secret", "timeout", "signing_secret", "retry", "give_up_after",
        "digest", "template", "template_file",
    ]

    mutating func problem(_ path: String, _ node: Node?, _ message: String) {
        problems.append(ConfigProblem(file: file, path: path, line: node?.mark?.line, message: message))
    }

    // MARK: - Document

    mutating func readDocument(_ node: Node?) -> HeraldConfig? {
        guard let node, case .mapping = node else {
            problem("", node, "the config must be a mapping with `feeds`, `rules` and `sinks`")
            return nil
        }
        let top = mapping(node, path: "", allowed: Self.topKeys)
        var defaults = FeedDefaults()
        if let node = top["defaults"] {
            let keys = mapping(node, path: "defaults", allowed: Self.defaultsKeys)
            defaults.interval = duration(keys["interval"], "defaults.interval") ?? defaults.interval
            defaults.timeout = duration(keys["timeout"], "defaults.timeout") ?? defaults.timeout
            defaults.maxBody = byteCount(keys["max_body"], "defaults.max_body") ?? defaults.maxBody
            defaults.firstPollWindow =
                window(keys["first_poll_window"], "defaults.first_poll_window") ?? defaults.firstPollWindow
            defaults.unhealthyAfter =
                count(keys["unhealthy_after"], "defaults.unhealthy_after") ?? defaults.unhealthyAfter
            defaults.allowPrivateNetwork =
                bool(keys["allow_private_network"], "defaults.allow_private_network") ?? defaults.allowPrivateNetwork
            defaults.adaptive = adaptive(keys["adaptive_interval"], "defaults.adaptive_interval") ?? defaults.adaptive
        }
        let http = top["http"].map { readHTTP($0) } ?? HTTPSettings()
        let state = string(top["state"], "state").map { resolvePath($0) }
        let retention = duration(top["retention"], "retention")
        if let retention, retention < .seconds(86_400), let node = top["retention"] {
            problem("retention", node, "keep at least one day (e.g. 30d); shorter would drop alerts still being read")
        }
        readSecrets(top["secrets_file"])

        let feeds = list(top["feeds"], "feeds", required: true).compactMap { index, node in
            readFeed(node, path: "feeds[\(index)]", defaults: defaults)
        }
        let sinks = list(top["sinks"], "sinks", required: true).compactMap { index, node in
            readSink(node, path: "sinks[\(index)]")
        }
        // Rules refer to entries by name even when an entry has other problems: check references
        // against every declared name, so one mistake is not reported twice.
        let feedNames = Self.declaredNames(top["feeds"])
        let sinkNames = Self.declaredNames(top["sinks"])
        // Aliases first, from this file and every included one: any rule may use any of them.
        var ruleFiles = readIncludes(top["include"])
        if let node = top["aliases"] { readAliases(node, path: "aliases") }
        for index in ruleFiles.indices {
            ruleFiles[index].reader.aliases = aliases
            if let node = ruleFiles[index].keys["aliases"] {
                ruleFiles[index].reader.readAliases(node, path: "aliases")
            }
            aliases = ruleFiles[index].reader.aliases
        }
        var rules = list(top["rules"], "rules", required: ruleFiles.isEmpty).compactMap { index, node in
            readRule(node, path: "rules[\(index)]", feeds: feedNames, sinks: sinkNames)
        }
        for index in ruleFiles.indices {
            var reader = ruleFiles[index].reader
            reader.aliases = aliases
            reader.problems = []
            rules += reader.list(ruleFiles[index].keys["rules"], "rules", required: true).compactMap { entry, node in
                reader.readRule(node, path: "rules[\(entry)]", feeds: feedNames, sinks: sinkNames)
            }
            problems += ruleFiles[index].reader.problems + reader.problems
        }
        unique(feeds.map(\.name), list: "feeds", node: top["feeds"])
        unique(sinks.map(\.name), list: "sinks", node: top["sinks"])
        unique(rules.map(\.name), list: "rules", node: top["rules"])
        var config = HeraldConfig(
            file: file, state: state, feeds: feeds, rules: rules, sinks: sinks, aliases: aliases, http: http)
        config.retention = retention ?? HeraldConfig.defaultRetention
        config.storyWindow = duration(top["story_window"], "story_window") ?? HeraldConfig.defaultStoryWindow
        return config
    }

    mutating func readHTTP(_ node: Node) -> HTTPSettings {
        let keys = mapping(node, path: "http", allowed: Self.httpKeys)
        var settings = HTTPSettings()
        for (key, path) in [("max_transfers", \HTTPSettings.maxTransfers), ("per_host", \HTTPSettings.perHost)] {
            guard let value = count(keys[key], "http.\(key)") else { continue }
            if value < 1 {
                problem("http.\(key)", keys[key], "at least 1")
            } else {
                settings[keyPath: path] = value
            }
        }
        return settings
    }

    // MARK: - Entries

    /// What `defaults:` sets for every feed.
    struct FeedDefaults {
        var interval = FeedConfig.defaultInterval
        var timeout = FeedConfig.defaultTimeout
        var maxBody = FeedConfig.defaultMaxBodyBytes
        var firstPollWindow: Duration? = FeedConfig.defaultFirstPollWindow
        var unhealthyAfter = FeedConfig.defaultUnhealthyAfter
        var allowPrivateNetwork = false
        var adaptive: AdaptiveInterval?
    }

    mutating func readFeed(_ node: Node, path: String, defaults: FeedDefaults) -> FeedConfig? {
        let keys = mapping(node, path: path, allowed: Self.feedKeys)
        let name = name(keys["name"], path, parent: node)
        let allowFile = bool(keys["allow_file"], "\(path).allow_file") ?? false
        let url = feedURL(keys["url"], "\(path).url", parent: node, allowFile: allowFile)
        let interval = duration(keys["interval"], "\(path).interval") ?? defaults.interval
        if interval < .seconds(30) {
            problem("\(path).interval", keys["interval"], "at least 30s, to respect publishers")
        }
        let allowPrivateNetwork =
            bool(keys["allow_private_network"], "\(path).allow_private_network") ?? defaults.allowPrivateNetwork
        if let url, !allowPrivateNetwork, let reason = Self.privateAddress(in: url) {
            problem(
                "\(path).url", keys["url"],
                "\(reason), and feeds may not reach private networks; set `allow_private_network: true` on the feed "
                    + "if this is intended")
        }
        let feed = FeedConfig(
            name: name ?? "", url: url ?? URL(fileURLWithPath: "/"), allowFile: allowFile, interval: interval,
            timeout: duration(keys["timeout"], "\(path).timeout") ?? defaults.timeout,
            maxBodyBytes: byteCount(keys["max_body"], "\(path).max_body") ?? defaults.maxBody,
            tags: strings(keys["tags"], "\(path).tags") ?? [],
            language: string(keys["language"], "\(path).language"),
            identity: identity(keys["identity"], "\(path).identity") ?? ItemIdentity.defaultPolicy,
            firstPollWindow: window(keys["first_poll_window"], "\(path).first_poll_window") ?? defaults.firstPollWindow,
            unhealthyAfter: count(keys["unhealthy_after"], "\(path).unhealthy_after") ?? defaults.unhealthyAfter,
            allowPrivateNetwork: allowPrivateNetwork,
            adaptive: adaptive(keys["adaptive_interval"], "\(path).adaptive_interval") ?? defaults.adaptive)
        return name != nil && url != nil ? feed : nil
    }

    static func declaredNames(_ list: Node?) -> [String] {
        guard case .sequence(let entries)? = list else { return [] }
        return entries.compactMap { entry in
            guard case .mapping(let mapping) = entry else { return nil }
            return mapping.first { $0.key.string == "name" }?.value.string
        }
    }

    mutating func readRule(_ node: Node, path: String, feeds: [String], sinks: [String]) -> RuleConfig? {
        let keys = mapping(node, path: path, allowed: Self.ruleKeys)
        let name = name(keys["name"], path, parent: node)
        let query = string(keys["query"], "\(path).query")
        if keys["query"] == nil { problem("\(path).query", node, "missing: every rule needs a query") }
        if let query {
            do throws(RuleSyntaxError) {
                _ = try RuleQuery(parsing: query, aliases: aliases)
            } catch {
                let rule = name.map { "rule '\($0)': " } ?? ""
                problem("\(path).query", keys["query"], rule + Self.explain(error, in: query))
            }
        }
        let feedNames = strings(keys["feeds"], "\(path).feeds")
        for (index, feed) in (feedNames ?? []).enumerated() where !feeds.contains(feed) {
            referenceProblem("\(path).feeds[\(index)]", keys["feeds"], kind: "feed", name: feed, known: feeds)
        }
        let sinkNames = strings(keys["sinks"], "\(path).sinks")
        for (index, sink) in (sinkNames ?? []).enumerated() where !sinks.contains(sink) {
            referenceProblem("\(path).sinks[\(index)]", keys["sinks"], kind: "sink", name: sink, known: sinks)
        }
        let story = readStoryPolicy(keys, path: path)
        guard let name, let query else { return nil }
        var rule = RuleConfig(
            name: name, query: query, feeds: feedNames, tags: strings(keys["tags"], "\(path).tags"), sinks: sinkNames,
            alertOnEdit: bool(keys["alert_on_edit"], "\(path).alert_on_edit") ?? false,
            expect: strings(keys["expect"], "\(path).expect") ?? [],
            reject: strings(keys["reject"], "\(path).reject") ?? [],
            file: isIncluded ? file : nil)
        rule.story = story
        return rule
    }

    /// A rule's `followups`, `followup_interval`, `min_sources` and `min_sources_within`.
    mutating func readStoryPolicy(_ keys: [String: Node], path: String) -> StoryPolicy {
        var policy = StoryPolicy()
        if let node = keys["followups"], let raw = string(node, "\(path).followups") {
            if let mode = StoryPolicy.FollowUps(rawValue: raw) {
                policy.followUps = mode
            } else {
                problem("\(path).followups", node, "'\(raw)' is not a follow-up mode (write quiet or each)")
            }
        }
        if let interval = duration(keys["followup_interval"], "\(path).followup_interval") {
            policy.followUpInterval = interval
        }
        if let minimum = count(keys["min_sources"], "\(path).min_sources") {
            if minimum < 1, let node = keys["min_sources"] {
                problem("\(path).min_sources", node, "min_sources must be at least 1 (1 alerts on the first report)")
            } else {
                policy.minSources = minimum
            }
        }
        if let within = duration(keys["min_sources_within"], "\(path).min_sources_within") {
            policy.minSourcesWithin = within
        }
        return policy
    }

    // MARK: - Value readers

    /// The keys of a mapping; unknown keys are problems, with the closest valid key suggested.
    mutating func mapping(_ node: Node, path: String, allowed: [String]) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            problem(path, node, "expected a mapping of keys (\(allowed.joined(separator: ", ")))")
            return [:]
        }
        var result: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard allowed.contains(key) else {
                let hint =
                    ConfigValues.suggestion(for: key, among: allowed).map { "did you mean '\($0)'?" }
                    ?? "valid keys: \(allowed.joined(separator: ", "))"
                problem(keyPath, keyNode, "unknown key; \(hint)")
                continue
            }
            if result[key] != nil { problem(keyPath, keyNode, "given twice") }
            result[key] = value
        }
        return result
    }

    mutating func list(_ node: Node?, _ path: String, required: Bool) -> [(Int, Node)] {
        guard let node else {
            if required { problem(path, nil, "missing: the config needs a `\(path)` list") }
            return []
        }
        if node.null != nil { return [] }
        guard case .sequence(let sequence) = node else {
            problem(path, node, "expected a list (entries starting with `- `)")
            return []
        }
        return Array(sequence.enumerated())
    }

    mutating func string(_ node: Node?, _ path: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, node.null == nil else {
            problem(path, node, "expected a single value")
            return nil
        }
        return scalar.string
    }

    mutating func strings(_ node: Node?, _ path: String) -> [String]? {
        guard let node else { return nil }
        if case .scalar = node, let value = string(node, path) { return [value] }
        guard case .sequence(let sequence) = node else {
            problem(path, node, "expected a list of values")
            return nil
        }
        return sequence.enumerated().compactMap { index, item in string(item, "\(path)[\(index)]") }
    }

    /// The node tree of a config or rule file. Composed without Yams's tag resolution
    /// (`Resolver.basic`): its default resolver matched every value of the file against seven
    /// regular expressions, mostly while hashing mapping keys for its duplicate check, and that
    /// was most of the time a 1,000-feed config took to load. Herald reads values as strings and
    /// converts them itself; the one YAML type it reads as such, the boolean, is `Self.bool`.
    static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, .basic)
    }

    /// A YAML 1.1 boolean as Yams's default resolver reads one: a plain (unquoted) scalar spelled
    /// as its `bool` rule has it.
    static func bool(_ scalar: Node.Scalar) -> Bool? {
        guard scalar.style == .plain else { return nil }
        switch scalar.string {
        case "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return true
        case "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": return false
        default: return nil
        }
    }

    mutating func bool(_ node: Node?, _ path: String) -> Bool? {
        guard let node, let raw = string(node, path) else { return nil }
        guard let value = node.scalar.flatMap(Self.bool) else {
            problem(path, node, "'\(raw)' is not true or false")
            return nil
        }
        return value
    }

    mutating func duration(_ node: Node?, _ path: String) -> Duration? {
        guard let node, let raw = string(node, path) else { return nil }
        guard let value = ConfigValues.duration(raw) else {
            problem(path, node, "'\(raw)' is not a duration (write e.g. 90s, 10m, 1h30m)")
            return nil
        }
        return value
    }

    /// A duration, or `all` for no limit (`.some(nil)`); nil when the key is absent or wrong.
    mutating func window(_ node: Node?, _ path: String) -> Duration?? {
        guard let node, let raw = string(node, path) else { return nil }
        if raw.lowercased() == "all" { return .some(nil) }
        guard let value = ConfigValues.duration(raw) else {
            problem(path, node, "'\(raw)' is not a duration or `all` (write e.g. 24h, 3d, all)")
            return nil
        }
        return .some(value)
    }

    /// `adaptive_interval`: `true`/`false`, or a mapping with `min` and `max`. Nil when absent;
    /// `.some(nil)` when turned off.
    mutating func adaptive(_ node: Node?, _ path: String) -> AdaptiveInterval?? {
        guard let node else { return nil }
        if case .mapping = node {
            let keys = mapping(node, path: path, allowed: Self.adaptiveKeys)
            var bounds = AdaptiveInterval()
            bounds.min = duration(keys["min"], "\(path).min") ?? bounds.min
            bounds.max = duration(keys["max"], "\(path).max") ?? bounds.max
            if bounds.min < .seconds(30) {
                problem("\(path).min", keys["min"], "at least 30s, to respect publishers")
            }
            if bounds.max < bounds.min {
                problem("\(path).max", keys["max"] ?? node, "must not be shorter than min")
            }
            return .some(bounds)
        }
        guard let on = bool(node, path) else { return nil }
        return .some(on ? AdaptiveInterval() : nil)
    }

    mutating func count(_ node: Node?, _ path: String) -> Int? {
        guard let node, let raw = string(node, path) else { return nil }
        guard let value = Int(raw), value >= 0 else {
            problem(path, node, "'\(raw)' is not a whole number ≥ 0")
            return nil
        }
        return value
    }

    mutating func identity(_ node: Node?, _ path: String) -> [IdentityKeyKind]? {
        guard let names = strings(node, path) else { return nil }
        let kinds = IdentityKeyKind.allCases.map(\.rawValue)
        var result: [IdentityKeyKind] = []
        for (index, name) in names.enumerated() {
            guard let kind = IdentityKeyKind(rawValue: name) else {
                let hint = ConfigValues.suggestion(for: name, among: kinds).map { "; did you mean '\($0)'?" } ?? ""
                problem(
                    "\(path)[\(index)]", node, "'\(name)' is not a key kind (\(kinds.joined(separator: ", ")))\(hint)")
                continue
            }
            result.append(kind)
        }
        if names.isEmpty { problem(path, node, "name at least one of \(kinds.joined(separator: ", "))") }
        return result.isEmpty ? nil : result
    }

    mutating func byteCount(_ node: Node?, _ path: String) -> Int? {
        guard let node, let raw = string(node, path) else { return nil }
        guard let value = ConfigValues.byteCount(raw) else {
            problem(path, node, "'\(raw)' is not a size (write e.g. 512KB, 10MB)")
            return nil
        }
        return value
    }

    mutating func name(_ node: Node?, _ path: String, parent: Node) -> String? {
        guard let node else {
            problem("\(path).name", parent, "missing: every entry needs a name")
            return nil
        }
        guard let raw = string(node, "\(path).name") else { return nil }
        let valid =
            !raw.isEmpty
            && raw.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
            }
        guard valid else {
            problem("\(path).name", node, "'\(raw)' is not a valid name (letters, digits, '.', '_', '-')")
            return nil
        }
        return raw
    }

    mutating func feedURL(_ node: Node?, _ path: String, parent: Node, allowFile: Bool) -> URL? {
        guard let node else {
            problem(path, parent, "missing: every feed needs a url")
            return nil
        }
        guard let raw = string(node, path) else { return nil }
        if raw.lowercased().hasPrefix("file:") {
            guard allowFile else {
                problem(path, node, "file: URLs are read only with `allow_file: true` on the feed")
                return nil
            }
            let local = raw.dropFirst(5).replacingOccurrences(of: "^//", with: "", options: .regularExpression)
            return URL(fileURLWithPath: resolvePath(String(local)))
        }
        guard let url = URL(string: raw), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host != nil
        else {
            problem(path, node, "'\(raw)' is not an http(s) URL")
            return nil
        }
        return url
    }

    // MARK: - Checks

    mutating func unique(_ names: [String], list: String, node: Node?) {
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            problem(list, node, "the name '\(name)' is used twice")
        }
    }

    mutating func referenceProblem(_ path: String, _ node: Node?, kind: String, name: String, known: [String]) {
        let hint = ConfigValues.suggestion(for: name, among: known).map { "; did you mean '\($0)'?" } ?? ""
        problem(path, node, "no \(kind) is named '\(name)'\(hint)")
    }

    mutating func disallow(_ keys: [String: Node], _ names: [String], path: String, type: String) {
        for name in names where keys[name] != nil {
            problem("\(path).\(name)", keys[name], "not a key of a \(type) sink")
        }
    }

    func resolvePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        return folder.appendingPathComponent(path).standardizedFileURL.path
    }
}

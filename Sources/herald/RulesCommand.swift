import ArgumentParser
import Foundation
import HeraldCore
import HeraldDaemon

#if canImport(Glibc)
    import Glibc
#endif

struct RulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Work with topic rules.",
        subcommands: [RulesTestCommand.self])
}

struct RulesTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Match a rule against items and explain every match.",
        discussion: """
            herald rules test RULE [SOURCE]        a rule of the config
            herald rules test --query Q [SOURCE]   a query written on the command line

            SOURCE is a file, an http(s) URL, the name of a feed in the config, or - (standard \
            input, the default). A feed document gives one item per entry; any other text is one \
            item whose title is its first line. With --items, standard input holds one JSON object \
            per line: {"id", "title", "summary", "lang", "source", "link"}. A --query may use the \
            config's aliases when there is a config.

            Exit status: 0 some item matched; 1 none did; 2 the config or query is invalid; 64 bad \
            command line.
            """)

    @OptionGroup var options: CommonOptions

    @Option(help: ArgumentHelp("A query to test instead of a configured rule.", valueName: "query"))
    var query: String?

    @Flag(help: "Read items as JSON lines from standard input.")
    var items = false

    @Flag(help: "Print one JSON object per item: {\"id\", \"matched\", \"rules\", \"explanation\"}.")
    var json = false

    @Argument(help: ArgumentHelp("The rule's name (unless --query), then the source.", valueName: "rule source"))
    var arguments: [String] = []

    var ruleName: String? { query == nil ? arguments.first : nil }
    var source: String? { query == nil ? arguments.dropFirst().first : arguments.first }

    func validate() throws {
        if query == nil && arguments.isEmpty { throw ValidationError("name a rule, or give --query") }
        if arguments.count > (query == nil ? 2 : 1) { throw ValidationError("too many arguments") }
        if items, let source, source != "-" { throw ValidationError("--items reads standard input, not \(source)") }
    }

    func run() async throws {
        let config: HeraldConfig? =
            query == nil || FileManager.default.fileExists(atPath: options.configPath)
            ? try options.loadConfig() : nil
        let rule = try compile(config: config)
        let input = try await readItems(config: config)
        let highlight = !json && isatty(STDOUT_FILENO) == 1
        var anyMatched = false
        for item in input {
            let match = rule.query.match(item.document)
            anyMatched = anyMatched || match != nil
            if json {
                print(try RuleTestLine(id: item.id, match: match, rule: rule.name).jsonString())
            } else {
                print(Self.text(item: item, match: match, rule: rule.name, highlight: highlight))
            }
        }
        if !anyMatched { throw ExitCode(1) }
    }

    func compile(config: HeraldConfig?) throws -> (name: String, query: RuleQuery) {
        let aliases = config?.aliases ?? AliasTable()
        let name: String
        let text: String
        if let query {
            (name, text) = ("query", query)
        } else {
            guard let ruleName, let found = config?.rules.first(where: { $0.name == ruleName }) else {
                let known = config?.rules.map(\.name).joined(separator: ", ") ?? ""
                writeToStandardError("herald: no rule is named '\(ruleName ?? "")' (rules: \(known))\n")
                throw ExitCode(2)
            }
            (name, text) = (found.name, found.query)
        }
        do throws(RuleSyntaxError) {
            return (name, try RuleQuery(parsing: text, aliases: aliases))
        } catch {
            writeToStandardError("herald: \(name): \(error)\n\(error.render(query: text))\n")
            throw ExitCode(2)
        }
    }

    func readItems(config: HeraldConfig?) async throws -> [RuleTestItem] {
        do throws(RuleTestInputError) {
            if items { return try RuleTestInput.jsonLines(Self.standardInput()) }
            guard let source, source != "-" else {
                return RuleTestInput.items(of: Data(Self.standardInput().utf8), name: "stdin")
            }
            if let feed = config?.feeds.first(where: { $0.name == source }) {
                return try await RuleTestInput.fetch(feed.url, feed: feed, name: feed.name)
            }
            if let url = URL(string: source), ["http", "https"].contains(url.scheme?.lowercased() ?? "") {
                return try await RuleTestInput.fetch(url, name: source)
            }
            guard let data = FileManager.default.contents(atPath: source) else {
                throw RuleTestInputError(description: "\(source) is not a file, an http(s) URL or a feed of the config")
            }
            return RuleTestInput.items(of: data, url: URL(fileURLWithPath: source), name: source)
        } catch {
            writeToStandardError("herald: \(error)\n")
            throw ExitCode(1)
        }
    }

    static func standardInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }

    static func text(item: RuleTestItem, match: RuleMatch?, rule: String, highlight: Bool) -> String {
        let title = item.title.isEmpty ? "(untitled)" : item.title
        guard let match else { return "no match  \(item.id)  \(title)" }
        var lines = [
            "MATCH [\(rule)]  \(item.id)  \(title)", "  matched: " + match.matchedTerms.joined(separator: ", "),
        ]
        lines += match.explanationLines(highlight: highlight).map { "  " + $0 }
        return lines.joined(separator: "\n")
    }
}

/// One line of `herald rules test --json`.
struct RuleTestLine: Encodable {
    var id: String
    var match: RuleMatch?
    var rule: String

    enum CodingKeys: String, CodingKey {
        case id, matched, rules, explanation
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(match != nil, forKey: .matched)
        try container.encode(match == nil ? [] : [rule], forKey: .rules)
        if let match {
            try container.encode(match, forKey: .explanation)
        } else {
            try container.encodeNil(forKey: .explanation)
        }
    }

    func jsonString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

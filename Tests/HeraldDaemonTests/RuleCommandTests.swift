import Foundation
import HeraldTestSupport
import Testing

/// `herald check` and `herald rules test`, run as the real executable.
@Suite("herald rules test and herald check, as a process", .serialized)
struct RuleCommandTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let demoConfig = repository.appendingPathComponent("config/demo.yaml").path

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs `herald` with `arguments`, feeding `input` to its standard input, and waits for it.
    func herald(_ arguments: [String], input: String = "", in folder: URL? = nil) throws -> Run {
        let process = Process()
        process.executableURL = ProcessTests.executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: String(decoding: output, as: UTF8.self),
            errors: String(decoding: errors, as: UTF8.self))
    }

    func jsonLines(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test("herald check runs the shipped rule's expect/reject sentences and passes")
    func checkDemo() throws {
        let run = try herald(["check", "--config", Self.demoConfig])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("OK"))
        #expect(run.output.contains("26 rule tests"))
    }

    @Test("herald check fails with status 2, naming the rule and each sentence that does not hold")
    func checkFailing() throws {
        let workspace = try Workspace()
        try """
        feeds:
          - name: wire
            url: https://example.org/rss
        aliases:
          envoy: { en: [Barrack, Barrak], ar: [براك] }
        rules:
          - name: envoy
            query: '@envoy Paris'
            expect:
              - Barrak lands in Paris
              - براك يصل إلى دمشق
            reject:
              - Barrack leaves Paris for Ankara
              - Ehud Barak in Paris
        sinks:
          - name: console
            type: stdout
        """.write(toFile: workspace.path("h.yaml"), atomically: true, encoding: .utf8)
        let run = try herald(["check", "--config", workspace.path("h.yaml")])
        #expect(run.status == 2)
        #expect(run.errors.contains("2 rule tests failed"))
        #expect(run.errors.contains("rule 'envoy': expected a match: براك يصل إلى دمشق"))
        #expect(run.errors.contains("rule 'envoy': expected no match (matched @envoy, Paris): Barrack leaves Paris"))
        #expect(!run.errors.contains("Barrak lands"))
        #expect(!run.errors.contains("Ehud"))
    }

    @Test("herald check shows a query's syntax error with the rule, the position and a caret")
    func checkSyntaxError() throws {
        let workspace = try Workspace()
        try """
        feeds:
          - name: wire
            url: https://example.org/rss
        rules:
          - name: talks
            query: 'Barrack NEAR/x envoy'
        sinks:
          - name: console
            type: stdout
        """.write(toFile: workspace.path("h.yaml"), atomically: true, encoding: .utf8)
        let run = try herald(["check", "--config", workspace.path("h.yaml")])
        #expect(run.status == 2)
        #expect(run.errors.contains("h.yaml:6: rules[0].query: rule 'talks': 'NEAR/' needs a distance in words"))
        #expect(run.errors.contains("(column 9)\n    Barrack NEAR/x envoy\n            ^"))
    }

    @Test("herald alerts shows each stored alert's explanation, as text and as JSON")
    func alertsHistory() throws {
        let workspace = try Workspace()
        let state = workspace.path("demo.sqlite")
        let poll = try herald(["poll", "--config", Self.demoConfig, "--state", state])
        #expect(poll.status == 0, "\(poll.errors)")
        let text = try herald(["alerts", "--config", Self.demoConfig, "--state", state, "--since", "1h"])
        #expect(text.status == 0)
        #expect(text.output.contains("  alias: @shaibani → الشيباني (ar)\n"))
        #expect(text.output.contains("[[Barrak]]"))
        let json = try herald(["alerts", "--config", Self.demoConfig, "--state", state, "--since", "1h", "--json"])
        let objects = try jsonLines(json.output)
        #expect(objects.count == DemoTests.talks.count)
        for object in objects {
            let explanation = try #require(object["explanation"] as? [String: Any])
            let snippet = try #require(explanation["snippet"] as? String)
            #expect(snippet.contains("[["))
            #expect(snippet.count <= 240)
        }
    }

    @Test("rules test on a feed file explains each match and lists the misses")
    func feedFile() throws {
        let file = Self.repository.appendingPathComponent("config/demo/wire-en.xml").path
        let run = try herald(["rules", "test", "syria-israel-talks", file, "--config", Self.demoConfig])
        #expect(run.status == 0, "\(run.errors)")
        let lines = run.output.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("MATCH [syria-israel-talks]") }.count == 2)
        #expect(lines.filter { $0.hasPrefix("no match") }.count == 4)
        #expect(run.output.contains("alias: @syria → Syrian (en)"))
        // Not a terminal: hits are marked with brackets, not colours.
        #expect(run.output.contains("Asaad [[al-Shaibani]] and an [[Israeli]] delegation met in [[Paris]]"))
        #expect(!run.output.contains("\u{1B}["))
    }

    @Test("rules test highlights hits on a terminal instead of marking them")
    func terminalHighlight() throws {
        let file = Self.repository.appendingPathComponent("config/demo/wire-en.xml").path
        // util-linux `script` runs the command on a pseudo-terminal, as a user's shell would.
        let command = [ProcessTests.executable.path, "rules", "test", "--query", "Barrack NEAR/3 envoy", file]
            .map { "'\($0)'" }.joined(separator: " ")
        let terminal = Process()
        terminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        terminal.arguments = ["-qec", command, "/dev/null"]
        let output = Pipe()
        terminal.standardOutput = output
        terminal.standardInput = FileHandle.nullDevice
        try terminal.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        terminal.waitUntilExit()
        #expect(terminal.terminationStatus == 0)
        #expect(text.contains("US \u{1B}[1;33menvoy\u{1B}[0m Tom \u{1B}[1;33mBarrack\u{1B}[0m"))
        #expect(!text.contains("[[envoy]]"))
    }

    @Test("rules test --items --json prints one object per item with exactly id, matched, rules, explanation")
    func itemsJSON() throws {
        let input = """
            {"id": "a1", "title": "الشيباني يلتقي وفداً إسرائيلياً في باريس", "summary": "", "lang": "ar"}
            {"id": "a2", "title": "Barack Obama: Syria and Israel must make peace", "summary": "", "lang": "en"}

            {"id": "a3", "title": "Envoy update", "summary": "Barrak said Damascus and 'Israel' will meet again.", "source": "Wire", "link": "https://x.example/a3"}
            """
        let run = try herald(
            ["rules", "test", "syria-israel-talks", "--items", "--json", "--config", Self.demoConfig], input: input)
        #expect(run.status == 0, "\(run.errors)")
        let objects = try jsonLines(run.output)
        #expect(objects.count == 3)
        for object in objects { #expect(Set(object.keys) == ["id", "matched", "rules", "explanation"]) }
        #expect(objects.map { $0["id"] as? String } == ["a1", "a2", "a3"])
        #expect(objects.map { $0["matched"] as? Bool } == [true, false, true])
        #expect(objects[0]["rules"] as? [String] == ["syria-israel-talks"])
        #expect(objects[1]["rules"] as? [String] == [])
        #expect(objects[1]["explanation"] is NSNull)
        let explanation = try #require(objects[2]["explanation"] as? [String: Any])
        #expect(explanation["snippet"] as? String == "[[Barrak]] said [[Damascus]] and '[[Israel]]' will meet again.")
        let hits = try #require(explanation["hits"] as? [[String: Any]])
        let barrak = try #require(hits.first { $0["text"] as? String == "Barrak" })
        #expect(barrak["field"] as? String == "text")
        #expect(barrak["start"] as? Int == 0)
        #expect(barrak["end"] as? Int == 6)
    }

    @Test("rules test --query reads plain text on stdin; exit 1 when nothing matches")
    func queryOnStdin() throws {
        let matched = try herald(
            ["rules", "test", "--query", "Barrack NEAR/2 envoy"], input: "The envoy, Tom Barrack, said")
        #expect(matched.status == 0, "\(matched.errors)")
        #expect(matched.output.contains("MATCH [query]"))
        #expect(matched.output.contains("The [[envoy]], Tom [[Barrack]], said"))
        let missed = try herald(
            ["rules", "test", "--query", "Barrack NEAR/0 envoy"], input: "The envoy, Tom Barrack, said")
        #expect(missed.status == 1)
        #expect(missed.output.hasPrefix("no match"))
    }

    @Test("rules test --query with a syntax error exits 2 with a caret")
    func querySyntaxError() throws {
        let run = try herald(["rules", "test", "--query", "(Syria OR"], input: "Syria")
        #expect(run.status == 2)
        #expect(run.errors.contains("(Syria OR\n"))
        #expect(run.errors.contains("^"))
    }

    @Test("rules test fetches a URL, and a feed of the config by name")
    func urlAndFeedName() throws {
        let server = try TestHTTPServer { _ in .init(text: Fixtures.rss()) }
        let url = try herald(
            ["rules", "test", "--query", "(Syria OR Damascus) Israel Paris", server.url("/rss").absoluteString])
        #expect(url.status == 0, "\(url.errors)")
        #expect(url.output.split(separator: "\n").filter { $0.hasPrefix("MATCH") }.count == 2)

        let feed = try herald(["rules", "test", "syria-israel-talks", "arabic-news", "--config", Self.demoConfig])
        #expect(feed.status == 0, "\(feed.errors)")
        let lines = feed.output.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("MATCH") }.count == 3)
        #expect(lines.filter { $0.hasPrefix("no match") }.count == 3)
    }
}

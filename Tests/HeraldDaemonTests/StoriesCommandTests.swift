import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

/// `herald stories` and `herald alerts` as a user runs them, after a real `herald poll`.
@Suite("herald stories")
struct StoriesCommandTests {
    func run(_ arguments: [String], in workspace: Workspace) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ProcessTests.executable
        process.arguments = arguments
        process.currentDirectoryURL = workspace.folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("lists one story with both outlets and languages; alerts shows the follow-up with its first alert")
    func listsStories() async throws {
        let board = try FeedBoard()
        let recent = Date().addingTimeInterval(-3600)
        var english = StoryEndToEndTests.talksEN
        english.published = recent
        var arabic = StoryEndToEndTests.talksAR
        arabic.published = recent.addingTimeInterval(600)
        board.publish("wire-en", [english])
        board.publish("sham-ar", [arabic])
        let workspace = try Workspace()
        let aliases = StoryEndToEndTests.aliases.split(separator: "\n").map { line -> String in
            // `@name = { … }` lines become YAML `name: '{ … }'` entries.
            let parts = line.split(separator: "=", maxSplits: 1)
            let name = parts[0].trimmingCharacters(in: .whitespaces).dropFirst()
            return "  \(name): '\(parts[1].trimmingCharacters(in: .whitespaces))'"
        }.joined(separator: "\n")
        let yaml = """
            aliases:
            \(aliases)
            feeds:
              - name: wire-en
                url: \(board.server.url("/feeds/wire-en").absoluteString)
                first_poll_window: all
                allow_private_network: true
              - name: sham-ar
                url: \(board.server.url("/feeds/sham-ar").absoluteString)
                first_poll_window: all
                allow_private_network: true
            rules:
              - name: syria-israel
                query: '@syria @israel'
                followups: quiet
                followup_interval: 30m
            sinks:
              - name: archive
                type: file
                path: alerts.jsonl
            """
        try yaml.write(toFile: workspace.path("herald.yaml"), atomically: true, encoding: .utf8)
        let common = ["--config", workspace.path("herald.yaml"), "--state", workspace.path("state.sqlite")]
        #expect(try await run(["poll"] + common, in: workspace).status == 0)

        let listed = try await run(["stories", "--json"] + common, in: workspace)
        #expect(listed.status == 0)
        let lines = listed.output.split(separator: "\n")
        #expect(lines.count == 1, "\(listed.output)")
        let story = try #require(
            try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        #expect(story["sources"] as? Int == 2)
        #expect(story["languages"] as? [String] == ["ar", "en"])
        #expect((story["reports"] as? [Any])?.count == 2)
        #expect((story["alerts"] as? [String: Any])?.keys.sorted() == ["syria-israel"])

        let text = try await run(["stories", "--rule", "syria-israel"] + common, in: workspace)
        #expect(text.output.contains("2 reports · 2 outlets · ar, en"))
        #expect(try await run(["stories", "--rule", "other"] + common, in: workspace).output.isEmpty)

        let alerts = try await run(["alerts", "--since", "7d"] + common, in: workspace)
        #expect(alerts.output.contains("(first report): "))
        #expect(alerts.output.contains("(follow-up of "))
    }

    @Test("a bad follow-up mode is a config error that names the rule key")
    func badMode() async throws {
        let workspace = try Workspace()
        let yaml = """
            feeds:
              - name: wire
                url: https://example.org/rss
            rules:
              - name: talks
                query: Syria
                followups: loud
                min_sources: 0
            sinks:
              - name: console
                type: stdout
            """
        try yaml.write(toFile: workspace.path("herald.yaml"), atomically: true, encoding: .utf8)
        let problems = try #require(throws: ConfigError.self) {
            try ConfigLoader.load(path: workspace.path("herald.yaml"))
        }
        let text = "\(problems)"
        #expect(text.contains("rules[0].followups"))
        #expect(text.contains("'loud' is not a follow-up mode"))
        #expect(text.contains("rules[0].min_sources"))
    }
}

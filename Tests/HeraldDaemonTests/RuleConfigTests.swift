import Foundation
import HeraldCore
import HeraldStore
import Testing

@testable import HeraldDaemon

@Suite("Rules in the config: aliases, included rule files, expect/reject")
struct RuleConfigTests {
    static let base = """
        feeds:
          - name: wire
            url: https://example.org/rss
        sinks:
          - name: console
            type: stdout

        """

    func write(_ text: String, _ name: String, in workspace: Workspace) throws -> String {
        let path = workspace.path(name)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func problems(_ path: String) -> [ConfigProblem] {
        do {
            _ = try ConfigLoader.load(path: path)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("Rules and aliases come from included files; any rule may use any alias")
    func include() throws {
        let workspace = try Workspace()
        _ = try write(
            """
            aliases:
              shaibani: '{ en: "al-Shaibani" | Shaibani ; ar: الشيباني }'
            rules:
              - name: talks
                query: '@shaibani @paris'
                expect: [Shaibani in Paris]
                reject: [Shaibani in Ankara]
            """, "rules/talks.yaml", in: workspace)
        let main = try write(
            Self.base + """
                include: [rules/talks.yaml]
                aliases:
                  paris: { en: Paris, ar: [باريس] }
                rules:
                  - name: envoy
                    query: 'Barrack @shaibani'
                """, "herald.yaml", in: workspace)
        let config = try ConfigLoader.load(path: main)
        #expect(config.rules.map(\.name) == ["envoy", "talks"])
        #expect(config.aliases.names == ["paris", "shaibani"])
        let talks = try #require(config.rules.last)
        #expect(talks.expect == ["Shaibani in Paris"])
        #expect(talks.reject == ["Shaibani in Ankara"])
        #expect(talks.file == workspace.path("rules/talks.yaml"))
        #expect(config.ruleExpectationProblems().isEmpty)
        let query = try RuleQuery(parsing: talks.query, aliases: config.aliases)
        #expect(query.matches(MatchDocument(title: "والشيباني في باريس", text: "")))
    }

    @Test("An alias error names the alias, its file and line, and shows a caret")
    func aliasError() throws {
        let workspace = try Workspace()
        _ = try write(
            """
            aliases:
              hts: '{ en: =HTS | Hayat Tahrir ; ar: هيئة }'
            rules:
              - name: hts
                query: '@hts'
            """, "rules/hts.yaml", in: workspace)
        let main = try write(Self.base + "include: [rules/hts.yaml]\n", "herald.yaml", in: workspace)
        let found = problems(main)
        // The rule using the broken alias is reported too, after the alias.
        #expect(found.count == 2)
        #expect(found.last?.message.contains("unknown alias '@hts'") == true)
        let problem = try #require(found.first)
        #expect(problem.file == workspace.path("rules/hts.yaml"))
        #expect(problem.line == 2)
        #expect(problem.path == "aliases.hts")
        #expect(problem.message.contains("in alias @hts: a variant is one word"))
        #expect(problem.message.hasSuffix("{ en: =HTS | Hayat Tahrir ; ar: هيئة }\n                 ^"))
    }

    @Test("A missing rule file and an unknown alias are problems; the rest is still checked")
    func missingFile() throws {
        let workspace = try Workspace()
        let main = try write(
            Self.base + """
                include: [rules/nowhere.yaml]
                rules:
                  - name: talks
                    query: '@nobody Paris'
                """, "herald.yaml", in: workspace)
        let found = problems(main).map(\.description)
        #expect(found.count == 2)
        #expect(found.contains { $0.contains("include[0]: cannot read the rule file") && $0.contains("nowhere.yaml") })
        #expect(found.contains { $0.contains("rules[0].query: rule 'talks': unknown alias '@nobody'") })
    }

    @Test("The shipped rule file carries at least 10 expect and 10 reject sentences in both languages, all holding")
    func shippedRule() throws {
        for file in ["config/demo.yaml", "config/herald.yaml"] {
            let config = try ConfigLoader.load(path: RuleCommandTests.repository.appendingPathComponent(file).path)
            let rule = try #require(config.rules.first { $0.name == "syria-israel-talks" })
            #expect(rule.file?.hasSuffix("config/rules/syria-israel-talks.yaml") == true)
            for sentences in [rule.expect, rule.reject] {
                #expect(sentences.count >= 10)
                let arabic = sentences.filter { $0.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } }
                #expect(arabic.count >= 5)
                #expect(sentences.count - arabic.count >= 5)
            }
            #expect(config.ruleExpectationProblems().isEmpty, "\(config.ruleExpectationProblems())")
        }
    }
}

@Suite("Alert explanations")
struct AlertExplanationTests {
    @Test("Polled alerts carry their explanation through the store, and text output shows it")
    func stored() async throws {
        let config = try ConfigLoader.load(path: DemoTests.demoConfig)
        let workspace = try Workspace()
        let herald = try buildHerald(
            config: config, options: HeraldOptions(statePath: workspace.path("demo.sqlite")), logger: testLogger)
        _ = await herald.poll()
        // The item may be its story's first alert or a recorded follow-up: both are stored.
        let recorded = try await herald.store.alerts()
        await herald.shutdown()
        let alert = try #require(
            recorded.first { $0.link == "https://syriaexile.example/2026/01/shaibani-paris-barrak" })
        let explanation = try #require(alert.explanation)
        #expect(explanation.aliasVariants.contains(RuleAliasHit(alias: "barrack", language: "en", variant: "Barrak")))
        // The text holds more hits than the title: the snippet is taken from it.
        #expect(
            explanation.snippet.hasPrefix(
                "Foreign Minister Asaad [[al-Shaibani]] met an ‘[[Israeli]]’ delegation in [[Paris]] on Monday"))
        #expect(explanation.hits.contains(RuleHit(term: "Barrak", field: "title", start: 45, end: 51, text: "Barrak")))
        #expect(explanation.snippet.count <= 240)
        #expect(explanation.matchedClauses.last == "-@sport")

        let store = try HeraldStore(path: workspace.path("demo.sqlite"))
        let stored = try await store.alerts(since: Date(timeIntervalSince1970: 0), rule: nil)
        #expect(stored.count == DemoTests.talks.count)
        #expect(stored.first { $0.id == alert.id }?.explanation == explanation)

        let text = AlertFormat.text(alert)
        #expect(text.contains("  alias: @barrack → Barrak (en)\n"))
        #expect(text.contains("  “Foreign Minister Asaad [[al-Shaibani]] met"))
        #expect(AlertFormat.jsonLine(alert).contains("\"explanation\":{\"alias_variants\":["))
    }

    @Test("An alert stored before explanations existed still decodes, without one")
    func oldPayload() throws {
        let old = """
            {"created_at":"2026-01-05T20:00:00Z","feed":"wire","id":"0123","kind":"match",\
            "matched_terms":["Syria","Israel"],"rule":"paris-talks","summary":"","title":"Talks"}
            """
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let alert = try decoder.decode(Alert.self, from: Data(old.utf8))
        #expect(alert.matchedTerms == ["Syria", "Israel"])
        #expect(alert.explanation == nil)
        #expect(AlertFormat.text(alert).hasSuffix("  matched: Syria, Israel\n"))
    }
}

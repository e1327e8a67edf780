import Foundation
import HeraldCore
import Testing

@Suite("Rule match explanations")
struct RuleExplanationTests {
    static let aliases = try! AliasTable(definitions: ["shaibani": "{ en: \"al-Shaibani\" | Shaibani ; ar: الشيباني }"])

    @Test("Hits carry the term, field, UTF-16 offsets and the item's text there")
    func hits() throws {
        let query = try RuleQuery(parsing: "@shaibani Paris", aliases: Self.aliases)
        let match = try #require(query.match(MatchDocument(title: "Talks in Paris", text: "قال والشيباني")))
        #expect(match.matchedTerms == ["@shaibani", "Paris"])
        #expect(match.aliasVariants == [RuleAliasHit(alias: "shaibani", language: "ar", variant: "الشيباني")])
        #expect(match.hits.contains(RuleHit(term: "Paris", field: "title", start: 9, end: 14, text: "Paris")))
        #expect(match.hits.contains(RuleHit(term: "الشيباني", field: "text", start: 4, end: 13, text: "والشيباني")))
        #expect(match.hits.count == 2)
    }

    @Test("The top-level clauses that held are listed")
    func clauses() throws {
        let query = try RuleQuery(parsing: "(Syria OR Damascus) Israel -football")
        let match = try #require(query.match(MatchDocument(title: "Damascus and Israel", text: "")))
        #expect(match.matchedClauses == ["(Syria OR Damascus)", "Israel", "-football"])
        let either = try RuleQuery(parsing: "Barrack OR Barrak OR envoy")
        #expect(either.match(MatchDocument(title: "envoy Barrak", text: ""))?.matchedClauses == ["Barrak", "envoy"])
    }

    @Test("The snippet marks hits with [[ ]] and stays within 240 characters")
    func snippet() throws {
        let filler = String(repeating: "Lorem ipsum dolor sit amet. ", count: 20)
        let text = filler + "Envoy Tom Barrack met Shaibani in Paris. " + filler
        let query = try RuleQuery(parsing: "Barrack Shaibani")
        let match = try #require(query.match(MatchDocument(title: "Talks", text: text)))
        #expect(match.snippet.count <= 240)
        #expect(match.snippet.contains("Tom [[Barrack]] met [[Shaibani]] in Paris."))
        #expect(match.snippet.hasPrefix("…"))
        #expect(match.snippet.hasSuffix("…"))
        let short = try #require(query.match(MatchDocument(title: "Barrack meets Shaibani", text: "")))
        #expect(short.snippet == "[[Barrack]] meets [[Shaibani]]")
    }

    @Test("The match encodes to JSON with snake_case keys and decodes back")
    func codable() throws {
        let query = try RuleQuery(parsing: "Paris")
        let match = try #require(query.match(MatchDocument(title: "Paris", text: "")))
        let data = try JSONEncoder().encode(match)
        let json = try #require(String(data: data, encoding: .utf8))
        #expect(json.contains("\"matched_terms\":[\"Paris\"]"))
        #expect(try JSONDecoder().decode(RuleMatch.self, from: data) == match)
    }
}

@Suite("Rule expectations")
struct RuleExpectationTests {
    @Test("check reports missed expect: sentences and matched reject: sentences, in order")
    func check() throws {
        let query = try RuleQuery(parsing: "Syria Israel talks")
        let failures = query.check(
            expect: ["Syria and Israel hold talks", "Syria and Israel meet"],
            reject: ["Lebanon and Israel hold talks", "Syria Israel talks resume"])
        #expect(
            failures == [
                RuleExpectationFailure(kind: .missed, sentence: "Syria and Israel meet"),
                RuleExpectationFailure(
                    kind: .unwanted, sentence: "Syria Israel talks resume", matchedTerms: ["Syria", "Israel", "talks"]),
            ])
        #expect(query.check(expect: ["Syria Israel talks"], reject: []).isEmpty)
    }
}

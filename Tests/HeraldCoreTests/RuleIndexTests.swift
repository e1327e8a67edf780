import HeraldCore
import Testing

@Suite("RuleIndex")
struct RuleIndexTests {
    static let words = [
        "syria", "israel", "paris", "talks", "barrack", "barrak", "shaibani", "envoy", "damascus", "golan",
        "security", "football", "lebanon", "ankara", "negotiations", "negotiators", "US", "us", "al-Shaibani",
        "alshaibani", "الشيباني", "والشيباني", "إسرائيل", "وإسرائيل", "دمشق", "باريس", "للمفاوضات", "المفاوضات",
    ]
    static let separators = [" ", " ", " ", " ", ", ", ". ", "? ", "\n", "\n\n", "-", " «", "» "]
    static let aliases = try! AliasTable(definitions: [
        "shaibani": "{ en: \"al-Shaibani\" | Shaibani ; ar: الشيباني }",
        "israel": "{ en: Israel ; ar: إسرائيل }",
    ])

    static func term(_ random: inout SplitMix64) -> String {
        let word = words.randomElement(using: &random)!
        switch Int.random(in: 0..<14, using: &random) {
        case 0: return "\"\(word) \(words.randomElement(using: &random)!)\""
        case 1: return "\"\(word) \(words.randomElement(using: &random)!)\"~2"
        case 2: return String(word.prefix(4)) + "*"
        case 3: return word.count >= 5 ? "\(word)~1" : word
        case 4: return "=" + word
        case 5: return ["@shaibani", "@israel"].randomElement(using: &random)!
        case 6: return ["title:", "text:", "lead:"].randomElement(using: &random)! + word
        default: return word
        }
    }

    static func clause(_ random: inout SplitMix64, depth: Int) -> String {
        switch Int.random(in: 0..<(depth > 1 ? 3 : 10), using: &random) {
        case 3: return "(\(clause(&random, depth: depth + 1)) OR \(clause(&random, depth: depth + 1)))"
        case 4: return "\(term(&random)) NEAR/\(Int.random(in: 0...3, using: &random)) \(term(&random))"
        case 5: return "\(term(&random)) PRE/\(Int.random(in: 0...3, using: &random)) \(term(&random))"
        case 6: return "\(term(&random)) \(["SENT", "PARA"].randomElement(using: &random)!) \(term(&random))"
        case 7: return "atleast:2(\(term(&random)))"
        case 8: return "\(clause(&random, depth: depth + 1)) -\(term(&random))"
        case 9: return "\(clause(&random, depth: depth + 1)) url:/\\/ar\\//"
        default: return term(&random)
        }
    }

    static func rules(count: Int, random: inout SplitMix64) -> [(name: String, query: RuleQuery)] {
        var rules: [(name: String, query: RuleQuery)] = []
        while rules.count < count {
            let parts = (0..<Int.random(in: 1...3, using: &random)).map { _ in clause(&random, depth: 0) }
            let source = parts.joined(separator: Bool.random(using: &random) ? " " : " OR ")
            if let query = try? RuleQuery(parsing: source, aliases: aliases) {
                rules.append(("r\(rules.count)", query))
            }
        }
        return rules
    }

    static func text(_ random: inout SplitMix64, words count: Int) -> String {
        var text = ""
        for _ in 0..<count {
            text += words.randomElement(using: &random)! + separators.randomElement(using: &random)!
        }
        return text
    }

    @Test("Presearch plus verification agrees with evaluating every rule on 120,000 pairs")
    func differential() throws {
        var random = SplitMix64(seed: 2026)
        let rules = Self.rules(count: 300, random: &random)
        let index = RuleIndex(rules)
        var disagreements: [String] = []
        var pairs = 0
        var matched = 0
        for item in 0..<400 {
            let document = MatchDocument(
                title: Self.text(&random, words: Int.random(in: 0...6, using: &random)),
                text: Self.text(&random, words: Int.random(in: 0...25, using: &random)),
                url: item % 3 == 0 ? "https://x.example/ar/1" : "https://x.example/en/1")
            let expected = rules.indices.filter { rules[$0].query.matches(document) }
            let actual = index.matchingIndices(for: document)
            pairs += rules.count
            matched += expected.count
            if expected != actual { disagreements.append("item \(item): \(expected) vs \(actual)") }
        }
        #expect(pairs >= 100_000)
        #expect(disagreements.isEmpty, "\(disagreements.prefix(3))")
        // The generated pairs must exercise both outcomes for the comparison to mean anything.
        #expect(matched > 1000)
        #expect(matched < pairs / 2)
    }

    @Test("Only rules sharing a required word with the item are verified")
    func candidates() throws {
        let rules = try [
            ("a", RuleQuery(parsing: "Barrack Paris")),
            ("b", RuleQuery(parsing: "Shaibani OR الشيباني")),
            ("c", RuleQuery(parsing: "football")),
            ("d", RuleQuery(parsing: "title:/talks/")),
        ].map { (name: $0.0, query: $0.1) }
        let index = RuleIndex(rules)
        #expect(index.alwaysVerifiedCount == 1)
        let document = MatchDocument(title: "Envoy Barrack in Paris talks", text: "قال والشيباني")
        #expect(index.candidates(for: document) == [0, 1, 3])
        #expect(index.matches(document).map(\.name) == ["a", "b", "d"])
    }
}

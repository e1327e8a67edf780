import HeraldCore
import Testing

/// Whether `query` matches an item with this title and text (and other fields).
private func matches(
    _ query: String, title: String = "", text: String = "", aliases: AliasTable = AliasTable(),
    document: MatchDocument? = nil
) throws -> Bool {
    try RuleQuery(parsing: query, aliases: aliases).match(document ?? MatchDocument(title: title, text: text)) != nil
}

@Suite("Rule language: proximity, sentences and paragraphs")
struct RuleProximityTests {
    @Test("NEAR/n allows at most n words between, in either order")
    func near() throws {
        #expect(try matches("Barrack NEAR/6 envoy", text: "US envoy to Syria Tom Barrack said"))
        #expect(try matches("Barrack NEAR/6 envoy", text: "Barrack, the US envoy, said"))
        #expect(try matches("Barrack NEAR/2 envoy", text: "envoy Tom Barrack") == true)
        #expect(try matches("Barrack NEAR/0 envoy", text: "envoy Tom Barrack") == false)
        #expect(
            try matches("Barrack NEAR/3 envoy", text: "the envoy arrived and later, after many hours, Barrack spoke")
                == false)
    }

    @Test("PRE/n also needs the left side first")
    func pre() throws {
        #expect(try matches("Shaibani PRE/8 Paris", text: "Shaibani flew on Monday to Paris"))
        #expect(try matches("Shaibani PRE/8 Paris", text: "In Paris, Shaibani met the envoy") == false)
    }

    @Test("SENT keeps both sides in one sentence; . ! ? ؟ ؛ and line breaks end sentences")
    func sentence() throws {
        let query = "Israel SENT (talks OR meeting)"
        #expect(try matches(query, text: "Syria and Israel held talks in Paris."))
        #expect(try matches(query, text: "Israel struck targets. Later, talks resumed.") == false)
        #expect(try matches(query, text: "Israel struck targets! talks resumed") == false)
        #expect(try matches(query, text: "Israel struck targets\ntalks resumed") == false)
        #expect(try matches("إسرائيل SENT محادثات", text: "هل تقصف إسرائيل؟ محادثات في باريس") == false)
        #expect(try matches("إسرائيل SENT محادثات", text: "بدأت محادثات مع إسرائيل في باريس"))
        #expect(try matches("إسرائيل SENT محادثات", text: "قصفت إسرائيل مواقع؛ محادثات في باريس") == false)
    }

    @Test("Abbreviations do not end a sentence")
    func abbreviations() throws {
        #expect(try matches("envoy SENT Paris", text: "The U.S. envoy arrived in Paris."))
        #expect(try matches("envoy SENT Paris", text: "Mr. Barrack, the envoy, is in Paris"))
    }

    @Test("PARA keeps both sides in one paragraph; a blank line separates paragraphs")
    func paragraph() throws {
        #expect(try matches("Israel PARA talks", text: "Israel struck targets.\nTalks resumed later."))
        #expect(try matches("Israel PARA talks", text: "Israel struck targets.\n\nTalks resumed later.") == false)
    }

    @Test("Positional operators bind tighter than AND and take alias or OR operands")
    func precedence() throws {
        #expect(try matches("Paris Barrack NEAR/1 envoy", text: "envoy Barrack in Paris"))
        #expect(try matches("Paris Barrack NEAR/1 envoy", text: "envoy Barrack in Damascus") == false)
        #expect(try matches("(Barrack OR Barrak) NEAR/1 envoy", text: "envoy Barrak"))
    }

    @Test("A sloppy phrase allows N extra words in order")
    func sloppyPhrase() throws {
        #expect(try matches("\"Syria Israel\"~3", text: "Syria and Israel"))
        #expect(try matches("\"Syria Israel\"~3", text: "Syria will meet with Israel"))
        #expect(try matches("\"Syria Israel\"~3", text: "Syria will meet officials from Israel") == false)
        #expect(try matches("\"Syria Israel\"~3", text: "Israel and Syria") == false)
        #expect(try matches("\"Syria Israel\"", text: "Syria and Israel") == false)
    }
}

@Suite("Rule language: fields")
struct RuleFieldTests {
    static let document = MatchDocument(
        title: "Paris talks", text: String(repeating: "word ", count: 70) + "Barrack",
        source: "Levant Wire", feed: "wire-en", tags: ["Middle East", "Diplomacy"], language: "en-GB",
        author: "Jane Doe", url: "https://levantwire.example/ar/2026/01/talks")

    @Test(
        "Each field scope looks in its field only",
        arguments: [
            ("source:Levant", true), ("source:Paris", false), ("feed:wire-en", true), ("feed:wire", true),
            ("tag:diplomacy", true), ("tag:\"middle east\"", true), ("tag:\"east diplomacy\"", false),
            ("lang:en", true), ("lang:ar", false), ("author:doe", true), ("url:levantwire", true),
            ("url:Paris", false), ("title:Paris", true), ("text:Barrack", true), ("Levant", false),
        ])
    func scopes(query: String, expected: Bool) throws {
        #expect(try matches(query, document: Self.document) == expected)
    }

    @Test("lead: is the title and the first 60 words of the text")
    func lead() throws {
        #expect(try matches("lead:Paris", document: Self.document))
        #expect(try matches("lead:Barrack", document: Self.document) == false)
        #expect(try matches("lead:word", document: Self.document))
    }

    @Test("A regular expression looks at the field's original text")
    func regex() throws {
        #expect(try matches(#"talks url:/\/(ar|arabic)\//"#, document: Self.document))
        #expect(try matches(#"talks url:/\/(en|english)\//"#, document: Self.document) == false)
        #expect(try matches("title:/^PARIS/i", document: Self.document))
        #expect(try matches("title:/^PARIS/", document: Self.document) == false)
    }
}

@Suite("Rule language: wildcards, fuzzy, exact, occurrences")
struct RuleWordFormTests {
    @Test("A prefix wildcard matches words starting with it")
    func prefix() throws {
        #expect(try matches("negotiat*", text: "negotiators met"))
        #expect(try matches("negotiat*", text: "the negotiation"))
        #expect(try matches("negotiat*", text: "renegotiation") == false)
        #expect(try matches("مفاوض*", text: "المفاوضات مستمرة"))
    }

    @Test("Fuzzy matching allows one edit")
    func fuzzy() throws {
        #expect(try matches("Shaibani~1", text: "Shaybani said"))
        #expect(try matches("Shaibani~1", text: "Shaibanni said"))
        #expect(try matches("Shaibani~1", text: "Shiabani said"))
        #expect(try matches("Shaibani~1", text: "Shaybany said") == false)
        #expect(try matches("Barrack~1", text: "Barrak said"))
    }

    @Test("=form matches the surface form, case included")
    func exact() throws {
        #expect(try matches("=US envoy", text: "the US envoy"))
        #expect(try matches("=US envoy", text: "the envoy told us") == false)
        #expect(try matches("us envoy", text: "the envoy told us"))
        #expect(try matches("=\"Security Council\"", text: "the Security Council met"))
        #expect(try matches("=\"Security Council\"", text: "the security council met") == false)
    }

    @Test("atleast:N counts occurrences that do not overlap")
    func atLeast() throws {
        #expect(try matches("atleast:2(Shaibani)", text: "Shaibani arrived. Later Shaibani spoke."))
        #expect(try matches("atleast:2(Shaibani)", text: "Shaibani arrived.") == false)
        #expect(try matches("atleast:2(Shaibani OR al-Shaibani)", text: "al-Shaibani arrived.") == false)
        #expect(try matches("atleast:3(Syria OR Israel)", text: "Syria, Israel and Syria"))
    }

    @Test(
        "Malformed new constructs are syntax errors with a position",
        arguments: [
            ("ne*", 0, "3"), ("Shai~1", 0, "5"), ("Shaibani~2", 8, "one edit"), ("Syria NEAR Israel", 6, "distance"),
            ("Syria NEAR/3", 6, "NEAR/3"), ("(a b) NEAR/3 c", 0, "NEAR/3"), ("atleast:2 x", 0, "("),
            ("@nobody", 0, "nobody"), ("url:/(/", 4, "regular"), ("url:/abc", 4, "unterminated"),
            ("\"a b\"~", 5, "~"), ("-x SENT", 3, "SENT"), ("where:x", 0, "lead"),
        ] as [(String, Int, String)])
    func errors(query: String, position: Int, keyword: String) {
        do {
            _ = try RuleQuery(parsing: query)
            Issue.record("expected \(query) to be rejected")
        } catch {
            #expect(error.position == position)
            #expect(error.message.contains(keyword))
        }
    }
}

@Suite("Rule language: aliases")
struct RuleAliasTests {
    static let aliases = try! AliasTable(definitions: [
        "shaibani": "{ en: \"al-Shaibani\" | Shaibani ; ar: الشيباني }",
        "@israel": "{ en: Israel | Israeli ; ar: إسرائيل | الإسرائيلي }",
    ])

    @Test("An alias matches any of its variants, in either language")
    func variants() throws {
        for text in ["Asaad al-Shaibani said", "Shaibani said", "قال الشيباني", "قال والشيباني"] {
            #expect(try matches("@shaibani", text: text, aliases: Self.aliases))
        }
        #expect(try matches("@shaibani", text: "Barrack said", aliases: Self.aliases) == false)
        #expect(try matches("@Israel SENT talks", text: "«إسرائيل» talks", aliases: Self.aliases))
    }

    @Test("atleast counts an alias's occurrences")
    func atLeast() throws {
        let query = "atleast:2(@shaibani)"
        #expect(try matches(query, text: "al-Shaibani met Barrack; الشيباني قال", aliases: Self.aliases))
        #expect(try matches(query, text: "al-Shaibani met Barrack", aliases: Self.aliases) == false)
    }

    @Test("The line form reads the same definitions; errors name the alias and position")
    func lineForm() throws {
        let table = try AliasTable(parsing: "# people\n@shaibani = { en: Shaibani ; ar: الشيباني }\n")
        #expect(table.names == ["shaibani"])
        #expect(try matches("@shaibani", text: "الشيباني", aliases: table))
        do {
            _ = try AliasTable(definitions: ["hts": "{ en: HTS | Hayat Tahrir }"])
            Issue.record("a variant of two bare words must be rejected")
        } catch {
            #expect(error.message.contains("@hts"))
            #expect(error.position == 12)
        }
        #expect(throws: RuleSyntaxError.self) { try AliasTable(definitions: ["x": "en: a"]) }
    }
}

@Suite("Rule language: hostile input")
struct RuleHostileInputTests {
    static let pieces = [
        "Syria", "إسرائيل", "\"", "“", "(", ")", "-", "=", "@", "@x", "/", "\\", "*", "~", "~1", "~9", ":", "title:",
        "url:",
        "atleast:", "atleast:2", "NEAR/", "NEAR/2", "PRE/0", "SENT", "PARA", "AND", "OR", "NOT", " ", " ", "\n", "\t",
        "é", "ـ", "ً", "\u{200F}", "🇸🇾", "1", "a-b", "'", "«", "»",
    ]

    @Test("Random queries either parse or fail with a position inside the query; none crashes")
    func randomQueries() throws {
        var random = SplitMix64(seed: 7)
        let aliases = try AliasTable(definitions: ["x": "{ en: Syria | \"Damascus talks\"~1 ; ar: دمشق }"])
        var parsed = 0
        for _ in 0..<20_000 {
            let query = (0..<Int.random(in: 1...8, using: &random))
                .map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            do {
                let rule = try RuleQuery(parsing: query, aliases: aliases)
                parsed += 1
                let text = (0..<12).map { _ in Self.pieces.randomElement(using: &random)! }.joined(separator: " ")
                if let match = rule.match(MatchDocument(title: text, text: text + ". " + text)) {
                    #expect(match.snippet.count <= 240)
                }
            } catch {
                #expect(error.position >= 0 && error.position <= query.count, "\(query): \(error)")
                #expect(!error.message.isEmpty)
                _ = error.render(query: query)
            }
        }
        // Both outcomes must be exercised for the test to mean anything.
        #expect(parsed > 1_000)
        #expect(parsed < 19_000)
    }
}

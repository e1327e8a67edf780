import HeraldCore
import Testing

/// The terms `query` matched in an item, or nil when it does not match.
private func matched(_ query: String, title: String = "", text: String = "") throws -> [String]? {
    try RuleQuery(parsing: query).match(MatchDocument(title: title, text: text))?.matchedTerms
}

/// The error `query` fails to parse with; records an issue when it parses.
private func syntaxError(_ query: String, sourceLocation: SourceLocation = #_sourceLocation) -> RuleSyntaxError? {
    do {
        _ = try RuleQuery(parsing: query)
        Issue.record("expected \(query.debugDescription) to be rejected", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("RuleQuery terms and phrases")
struct RuleQueryTermTests {
    @Test("A term matches whole words, ignoring case")
    func wholeWords() throws {
        #expect(try matched("Barrack", text: "US envoy Tom BARRACK said") == ["Barrack"])
        #expect(try matched("Barrack", text: "Troops left the barracks") == nil)
        #expect(try matched("talk", text: "security talks") == nil)
    }

    @Test("Matching ignores diacritics both ways")
    func diacritics() throws {
        #expect(try matched("Élysée", text: "at the Elysee Palace") == ["Élysée"])
        #expect(try matched("Elysee", text: "à l'Élysée") == ["Elysee"])
    }

    @Test("A phrase matches consecutive words only")
    func phrase() throws {
        #expect(try matched("\"security talks\"", text: "Security talks resumed in Paris") == ["security talks"])
        #expect(try matched("\"security talks\"", text: "talks on security resumed") == nil)
        #expect(try matched("\"security talks\"", text: "security and trade talks") == nil)
        #expect(try matched("“security talks”", text: "new security talks") == ["security talks"])
    }

    @Test("A phrase does not run from the title into the text")
    func phraseWithinOneField() throws {
        #expect(try matched("\"security talks\"", title: "Paris security", text: "talks resumed") == nil)
    }

    @Test(
        "A hyphenated term is a phrase of its words",
        arguments: [
            "Foreign minister al-Shaibani", "Foreign minister Al Shaibani", "AL-SHAIBANI arrived", "al‑Shaibani",
        ])
    func hyphenatedMatches(text: String) throws {
        #expect(try matched("al-Shaibani", text: text) == ["al-Shaibani"])
    }

    @Test(
        "A hyphenated term needs all its words, adjacent",
        arguments: [
            "Shaibani arrived", "al-Assad and Shaibani",
        ])
    func hyphenatedMisses(text: String) throws {
        #expect(try matched("al-Shaibani", text: text) == nil)
    }

    @Test("Scare quotes in the item or the query do not stop a match")
    func scareQuotes() throws {
        #expect(try matched("Israel", text: "talks with 'Israel' in Paris") == ["Israel"])
        #expect(try matched("Israel", text: "talks with ‘Israel’ in Paris") == ["Israel"])
        #expect(try matched("إسرائيل", text: "مفاوضات مع «إسرائيل» في باريس") == ["إسرائيل"])
        #expect(try matched("'Israel'", text: "Israel and Syria") == ["'Israel'"])
        #expect(try matched("«إسرائيل»", text: "مفاوضات مع إسرائيل") == ["«إسرائيل»"])
    }

    @Test("Arabic matches through harakat, alef variants, tatweel and digits")
    func arabic() throws {
        #expect(try matched("الشيباني", text: "وزير الخارجية أسعد الشَّيْبَانِي") == ["الشيباني"])
        #expect(try matched("الشَّيْبَانِي", text: "أسعد الشيباني") == ["الشَّيْبَانِي"])
        #expect(try matched("\"اسعد الشيباني\"", text: "وزير الخارجية أسعد الشـيباني") == ["اسعد الشيباني"])
        #expect(try matched("2026", text: "كانون الثاني ٢٠٢٦") == ["2026"])
        #expect(try matched("الشيباني", text: "وزير الخارجية أسعد حسن") == nil)
    }

    @Test("Lower-case and/or are words, not operators")
    func lowerCaseOperators() throws {
        #expect(try matched("Syria and Israel", text: "Syria, Israel") == nil)
        #expect(try matched("Syria and Israel", text: "Syria and Israel") == ["Syria", "and", "Israel"])
    }

    @Test("Queries with the same source are equal")
    func equality() throws {
        #expect(try RuleQuery(parsing: "Syria OR Israel") == RuleQuery(parsing: "Syria OR Israel"))
        #expect(try RuleQuery(parsing: "Syria OR Israel") != RuleQuery(parsing: "Syria Israel"))
        #expect(try RuleQuery(parsing: "a b").source == "a b")
    }
}

@Suite("RuleQuery operators")
struct RuleQueryOperatorTests {
    @Test("AND, explicit or by juxtaposition, needs every side")
    func and() throws {
        for query in ["Syria AND Israel", "Syria Israel"] {
            #expect(try matched(query, text: "Syria and Israel met") == ["Syria", "Israel"])
            #expect(try matched(query, text: "Syria met Lebanon") == nil)
            #expect(try matched(query, text: "Israel met Lebanon") == nil)
        }
    }

    @Test("OR needs one side and reports each side that held")
    func or() throws {
        #expect(try matched("Barrack OR Barrak", text: "envoy Barrak said") == ["Barrak"])
        #expect(try matched("Barrack OR Barrak", text: "Barrack, also spelled Barrak") == ["Barrack", "Barrak"])
        #expect(try matched("Barrack OR Barrak", text: "envoy Witkoff said") == nil)
    }

    @Test("NOT and -term exclude", arguments: ["talks NOT football", "talks -football", "talks AND NOT football"])
    func not(query: String) throws {
        #expect(try matched(query, text: "security talks in Paris") == ["talks"])
        #expect(try matched(query, text: "football transfer talks") == nil)
    }

    @Test("- before a phrase, a group or a field")
    func minusForms() throws {
        #expect(try matched("talks -\"fashion week\"", text: "talks during fashion week") == nil)
        #expect(try matched("talks -\"fashion week\"", text: "talks about fashion this week") == ["talks"])
        #expect(try matched("talks -(football OR fashion)", text: "fashion talks") == nil)
        #expect(try matched("talks -(football OR fashion)", text: "security talks") == ["talks"])
        #expect(try matched("talks -title:football", title: "Talks", text: "football") == ["talks"])
        #expect(try matched("talks -title:football", title: "Football talks") == nil)
    }

    @Test("NOT binds tighter than AND: NOT a b is (NOT a) AND b")
    func notBeforeAnd() throws {
        #expect(try matched("NOT football talks", text: "talks") == ["talks"])
        #expect(try matched("NOT football talks", text: "football talks") == nil)
        // Read as NOT (football AND talks), an item with football alone would match.
        #expect(try matched("NOT football talks", text: "football") == nil)
    }

    @Test("AND binds tighter than OR: a b OR c is (a AND b) OR c")
    func andBeforeOr() throws {
        #expect(try matched("Syria Israel OR Paris", text: "Paris") == ["Paris"])
        #expect(try matched("Syria Israel OR Paris", text: "Syria Israel") == ["Syria", "Israel"])
        #expect(try matched("Syria Israel OR Paris", text: "Syria") == nil)
        // Read as (Paris OR Syria) AND Israel, an item with Paris alone would not match.
        #expect(try matched("Paris OR Syria Israel", text: "Paris") == ["Paris"])
        #expect(try matched("Paris OR Syria AND Israel", text: "Paris") == ["Paris"])
    }

    @Test("Parentheses override precedence")
    func parentheses() throws {
        #expect(try matched("(Syria OR Lebanon) Israel", text: "Syria") == nil)
        #expect(try matched("(Syria OR Lebanon) Israel", text: "Lebanon and Israel") == ["Lebanon", "Israel"])
        #expect(try matched("NOT (football talks) Paris", text: "football Paris") == ["Paris"])
        #expect(try matched("NOT (football talks) Paris", text: "football talks Paris") == nil)
    }

    @Test("Matched terms come in query order, without duplicates, without NOT-ed or failed parts")
    func matchedTerms() throws {
        #expect(
            try matched("Shaibani OR Barrack OR Shaibani", text: "Barrack met Shaibani") == ["Shaibani", "Barrack"])
        #expect(try matched("(Syria AND football) OR talks", text: "Syria talks") == ["talks"])
        #expect(try matched("(talks OR Paris) NOT fashion", text: "Paris talks") == ["talks", "Paris"])
        #expect(try matched("talks NOT NOT Paris", text: "Paris talks") == ["talks"])
        #expect(
            try matched("title:Paris text:\"security talks\"", title: "Paris", text: "security talks")
                == ["Paris", "security talks"])
    }
}

@Suite("RuleQuery field scopes")
struct RuleQueryFieldTests {
    @Test("title: and text: look in one field; unscoped looks in both")
    func scopes() throws {
        #expect(try matched("title:Paris", title: "Talks in Paris", text: "") == ["Paris"])
        #expect(try matched("title:Paris", title: "Talks", text: "in Paris") == nil)
        #expect(try matched("text:Paris", title: "Talks", text: "in Paris") == ["Paris"])
        #expect(try matched("text:Paris", title: "Paris talks", text: "resumed") == nil)
        #expect(try matched("Paris", title: "Paris talks", text: "") == ["Paris"])
        #expect(try matched("Paris", title: "", text: "in Paris") == ["Paris"])
        #expect(try matched("TITLE:Paris", title: "Paris", text: "") == ["Paris"])
    }

    @Test("A scope applies to a phrase and to a parenthesised group")
    func scopedPhraseAndGroup() throws {
        #expect(try matched("text:\"security talks\"", title: "security talks", text: "") == nil)
        #expect(try matched("text:\"security talks\"", title: "", text: "security talks") == ["security talks"])
        #expect(try matched("title:(Syria OR Israel)", title: "Israel", text: "Syria") == ["Israel"])
        #expect(try matched("title:(Syria OR Israel)", title: "Paris", text: "Syria Israel") == nil)
        // The scope covers the group only, not the term after it.
        #expect(try matched("title:(Syria) talks", title: "Syria", text: "talks") == ["Syria", "talks"])
    }

    @Test("A field name not followed by a colon is a word; digits before a colon are a phrase")
    func colonsInWords() throws {
        #expect(try matched("title", text: "the title") == ["title"])
        #expect(try matched("10:30", text: "at 10:30 in Paris") == ["10:30"])
    }
}

@Suite("RuleQuery on the Paris talks")
struct RuleQueryTalksTests {
    static let rule = """
        (Syria OR Syrian OR سوريا OR السوري OR al-Shaibani OR الشيباني)
        (Israel OR Israeli OR إسرائيل OR الإسرائيلي)
        (talks OR negotiations OR "security agreement" OR محادثات OR مفاوضات OR Barrack OR Barrak OR باراك)
        """

    @Test(
        "English and Arabic reports of the talks match",
        arguments: [
            (
                "Syria and Israel hold US-mediated security talks in Paris",
                "Foreign minister Asaad al-Shaibani met Israeli officials, with US envoy Tom Barrack.",
                ["Syria", "al-Shaibani", "Israel", "Israeli", "talks", "Barrack"]
            ),
            (
                "Damascus and 'Israel' resume negotiations",
                "Envoy Barrak said the Syrian side wants a security agreement.",
                ["Syrian", "Israel", "negotiations", "security agreement", "Barrak"]
            ),
            (
                "محادثات أمنية في باريس",
                "اجتمع وزير الخارجية السوري أسعد الشَّيْبَانِي مع مسؤولين من «إسرائيل»"
                    + " بوساطة المبعوث الأمريكي توم باراك",
                ["السوري", "الشيباني", "إسرائيل", "محادثات", "باراك"]
            ),
        ])
    func reportsMatch(title: String, text: String, expected: [String]) throws {
        #expect(try matched(Self.rule, title: title, text: text) == expected)
    }

    @Test(
        "Unrelated items do not match",
        arguments: [
            ("Syria's national football team beats Lebanon", "The Syrian side won 2-0 in a qualifier."),
            ("Paris Fashion Week opens", "Designers show autumn collections in Paris; talks of a new venue."),
            ("Syrian football federation in talks with new coach", "Negotiations continue in Damascus."),
            ("منتخب سوريا لكرة القدم يفوز", "فاز المنتخب السوري في المباراة"),
        ])
    func unrelatedMiss(title: String, text: String) throws {
        #expect(try matched(Self.rule, title: title, text: text) == nil)
    }

    @Test("One document serves many rules")
    func manyRules() throws {
        let document = MatchDocument(title: "Syria–Israel talks in Paris", text: "Envoy Barrack hosted al-Shaibani.")
        let queries = ["Barrack", "title:Paris", "fashion", "al-Shaibani -football"]
        let rules = try queries.map { try RuleQuery(parsing: $0) }
        #expect(rules.map { $0.match(document)?.matchedTerms } == [["Barrack"], ["Paris"], nil, ["al-Shaibani"]])
    }
}

@Suite("RuleQuery syntax errors")
struct RuleQuerySyntaxErrorTests {
    @Test(
        "Each error points at what to fix",
        arguments: [
            // (query, position, words the message must contain, rendering)
            ("", 0, "empty", "\n^"),
            ("   ", 0, "empty", "   \n^"),
            ("(Syria OR Israel", 0, "(", "(Syria OR Israel\n^"),
            ("Syria (Israel OR (talks)", 6, "(", "Syria (Israel OR (talks)\n      ^"),
            ("Syria OR Israel)", 15, ")", "Syria OR Israel)\n               ^"),
            (")", 0, ")", ")\n^"),
            ("Syria OR", 6, "OR", "Syria OR\n      ^"),
            ("OR Syria", 0, "OR", "OR Syria\n^"),
            ("Syria OR OR Israel", 9, "OR", "Syria OR OR Israel\n         ^"),
            ("Syria AND", 6, "AND", "Syria AND\n      ^"),
            ("(Syria OR) Israel", 7, "OR", "(Syria OR) Israel\n       ^"),
            ("Syria NOT", 6, "NOT", "Syria NOT\n      ^"),
            ("talks \"security agreement", 6, "quote", "talks \"security agreement\n      ^"),
            ("Syria foo:bar", 6, "foo", "Syria foo:bar\n      ^"),
            ("Syria ()", 6, "parentheses", "Syria ()\n      ^"),
            ("Syria \"\"", 6, "phrase", "Syria \"\"\n      ^"),
            ("Syria ...", 6, "letters", "Syria ...\n      ^"),
            ("Syria - Israel", 6, "-", "Syria - Israel\n      ^"),
            ("Syria -", 6, "-", "Syria -\n      ^"),
            ("title: Syria", 0, "title", "title: Syria\n^"),
            ("Syria title:", 6, "title", "Syria title:\n      ^"),
            ("title:(text:Syria)", 7, "text", "title:(text:Syria)\n       ^"),
            ("Sy*", 0, "*", "Sy*\n^"),
            ("Sy*ria", 2, "*", "Sy*ria\n  ^"),
            ("NOT football", 0, "nothing", "NOT football\n^"),
            ("Syria OR -football", 0, "nothing", "Syria OR -football\n^"),
        ] as [(String, Int, String, String)])
    func errors(query: String, position: Int, keyword: String, rendering: String) {
        guard let error = syntaxError(query) else { return }
        #expect(error.position == position)
        #expect(error.message.contains(keyword))
        #expect(error.render(query: query) == rendering)
    }

    @Test("Positions count characters, not scalars")
    func characterOffsets() {
        let query = "E\u{301}lyse\u{301}e foo:x"
        guard let error = syntaxError(query) else { return }
        #expect(error.position == 7)
        #expect(error.render(query: query) == query + "\n       ^")
    }

    @Test("Arabic queries get the same errors")
    func arabic() {
        guard let error = syntaxError("(الشيباني OR") else { return }
        #expect(error.position == 10)
        #expect(error.render(query: "(الشيباني OR") == "(الشيباني OR\n          ^")
    }

    @Test("A multi-line query renders the line with the error; tabs keep the caret aligned")
    func multiLine() {
        guard let error = syntaxError("Syria\n\tOR") else { return }
        #expect(error.position == 7)
        #expect(error.render(query: "Syria\n\tOR") == "\tOR\n\t^")
    }

    @Test("The description gives the message and a 1-based column")
    func description() {
        guard let error = syntaxError("Syria OR") else { return }
        #expect(error.description.hasPrefix(error.message))
        #expect(error.description.contains("column 7"))
    }
}

import HeraldCore
import Testing

private func matched(_ query: String, _ text: String) throws -> Bool {
    try RuleQuery(parsing: query).match(MatchDocument(title: "", text: text)) != nil
}

@Suite("Text analysis")
struct TextAnalysisTests {
    @Test(
        "Arabic words match with attached proclitics",
        arguments: [
            ("الشيباني", "قال والشيباني"), ("الشيباني", "التقى بالشيباني"), ("إسرائيل", "سوريا وإسرائيل"),
            ("شيباني", "الشيباني"), ("دمشق", "ودمشق"), ("المفاوضات", "للمفاوضات"), ("مفاوضات", "للمفاوضات"),
            ("باريس", "فباريس"), ("الشيباني", "كالشيباني"),
        ])
    func proclitics(query: String, text: String) throws {
        #expect(try matched(query, text))
    }

    @Test(
        "Stripping keeps enough of the stem, and the query word is never stripped",
        arguments: [
            ("لد", "ولد"),  // a single-letter proclitic must leave three letters
            ("والشيباني", "الشيباني"),
            ("ه", "لله"),
        ])
    func stripGuards(query: String, text: String) throws {
        #expect(try matched(query, text) == false)
    }

    @Test("A proclitic-stripped word still takes part in phrases")
    func procliticPhrase() throws {
        #expect(try matched("\"هيئة تحرير الشام\"", "ضربات على وهيئة تحرير الشام"))
        #expect(try matched("\"هيئة تحرير الشام\"", "ضربات على هيئة تحرير والشام"))
    }

    @Test(
        "Hyphenated names match split and joined",
        arguments: [
            ("alshaibani", "Asaad al-Shaibani"), ("al-Shaibani", "Asaad Alshaibani"), ("Shaibani", "Asaad al‑Shaibani"),
            ("al-Shaibani", "Asaad al Shaibani"), ("\"al shaibani\"", "al-Shaibani"),
        ])
    func hyphens(query: String, text: String) throws {
        #expect(try matched(query, text))
    }

    @Test("Joining needs a single hyphen between the words")
    func hyphenGuards() throws {
        #expect(try matched("alshaibani", "al - Shaibani") == false)
        #expect(try matched("alshaibani", "al Shaibani") == false)
    }

    @Test("Quotes, dashes and NFKC forms fold")
    func folding() throws {
        #expect(try matched("Israel", "“Israel”"))
        #expect(try matched("Israel", "talks with 'Israel' resumed"))
        #expect(try matched("إسرائيل", "مع \"إسرائيل\" في باريس"))
        #expect(try matched("إسرائيل", "مع «إسرائيل» في باريس"))
        #expect(try matched("\"talks with Israel\"", "talks with ‘Israel’"))
        #expect(try matched("\"Syria Israel\"", "Syria–Israel"))
        #expect(try matched("paris", "ＰＡＲＩＳ"))
        #expect(try matched("2026", "٢٠٢٦"))
    }
}

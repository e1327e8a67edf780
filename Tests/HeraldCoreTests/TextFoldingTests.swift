import HeraldCore
import Testing

@Suite("TextFolding")
struct TextFoldingTests {
    @Test(
        "ASCII is only lower-cased",
        arguments: [
            ("Paris 2026", "paris 2026"),
            ("US-mediated TALKS", "us-mediated talks"),
            ("'Israel'", "'israel'"),
        ])
    func ascii(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test(
        "Latin diacritics, case folding and compatibility forms",
        arguments: [
            ("Élysée", "elysee"),
            ("E\u{301}lyse\u{301}e", "elysee"),  // already decomposed
            ("Français, ça", "francais, ca"),
            ("Straße", "strasse"),
            ("STRAẞE", "strasse"),
            ("İstanbul", "istanbul"),
            ("Łódź", "lodz"),
            ("Dvořák, Şişli", "dvorak, sisli"),
            ("Ĳssel", "ijssel"),  // compatibility ligature
            ("Ærøskøbing", "aeroskobing"),
            ("Øresund", "oresund"),
            ("Œuvre", "oeuvre"),
            ("ﬁnance", "finance"),  // ligature, NFKC
            ("ＰＡＲＩＳ", "paris"),  // full-width, NFKC
            ("ΣΟΦΟΣ", "σοφοσ"),  // final sigma folds to σ
        ])
    func latin(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test(
        "Curly quotes, guillemets and dashes become ASCII",
        arguments: [
            ("‘Israel’", "'israel'"),
            ("“security talks”", "\"security talks\""),
            ("«Israël»", "\"israel\""),
            ("‹Paris›", "'paris'"),
            ("Syria–Israel — talks", "syria-israel - talks"),
            ("−5", "-5"),
        ])
    func punctuation(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test(
        "Arabic alef variants fold to bare alef",
        arguments: [
            ("أسعد", "اسعد"),
            ("إسرائيل", "اسرائيل"),
            ("آمال", "امال"),
            ("ٱلشيباني", "الشيباني"),
        ])
    func arabicAlef(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test(
        "Alef maqsura, ta marbuta, Persian yeh and keheh",
        arguments: [
            ("مصطفى", "مصطفي"),
            ("القاهرة", "القاهره"),
            ("سورية", "سوريه"),
            ("کردی", "كردي"),
        ])
    func arabicLetters(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test(
        "Harakat, superscript alef and tatweel are removed",
        arguments: [
            ("الشَّيْبَانِي", "الشيباني"),
            ("مُحَمَّدٌ", "محمد"),
            ("هٰذا", "هذا"),
            ("الشـــيباني", "الشيباني"),
            ("أُسامة", "اسامه"),  // hamza carrier and damma on one alef
        ])
    func arabicMarks(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test("Hamza on waw and yeh is kept, on the fast and the normalising path alike")
    func hamzaCarriersKept() {
        #expect(TextFolding.fold("مسؤول رئيس") == "مسؤول رئيس")
        // "é" forces Unicode normalisation of the whole string, which splits ؤ/ئ and rejoins them.
        #expect(TextFolding.fold("Café مسؤول رئيس") == "cafe مسؤول رئيس")
    }

    @Test("Arabic presentation forms fold to the letters")
    func presentationForms() {
        #expect(TextFolding.fold("ﻻ") == "لا")
    }

    @Test(
        "Arabic-Indic and Persian digits become ASCII",
        arguments: [
            ("٢٠٢٦", "2026"),
            ("۲۰۲۶", "2026"),
            ("كانون الثاني ٢٠٢٦", "كانون الثاني 2026"),
        ])
    func digits(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }

    @Test("Invisible format characters are dropped")
    func formatCharacters() {
        #expect(TextFolding.fold("Shai\u{AD}bani") == "shaibani")
        #expect(TextFolding.fold("\u{200F}إسرائيل\u{200F}") == "اسرائيل")
    }

    @Test(
        "Folding twice changes nothing more",
        arguments: [
            "Élysée «إسرائيل» الشَّيْبَانِي ٢٠٢٦ Straße ﻻ ½",
            "Tom Barrack — ‘Israel’",
        ])
    func idempotent(input: String) {
        let once = TextFolding.fold(input)
        #expect(TextFolding.fold(once) == once)
    }
}

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("Words split at spaces, hyphens and apostrophes, with UTF-16 ranges")
    func englishOffsets() {
        let tokens = Tokenizer.tokens(in: "al-Shaibani met Israel's envoy")
        #expect(tokens.map(\.text) == ["al", "shaibani", "met", "israel", "s", "envoy"])
        #expect(tokens.map(\.range) == [0..<2, 3..<11, 12..<15, 16..<22, 23..<24, 25..<30])
    }

    @Test("Ranges point into the original, unfolded string")
    func rangesInOriginal() {
        let original = "Paris: «إسرائيل» و الشَّيْبَانِي"
        let tokens = Tokenizer.tokens(in: original)
        #expect(tokens.map(\.text) == ["paris", "اسرائيل", "و", "الشيباني"])
        #expect(tokens.map { String(original[$0.range(in: original)]) } == ["Paris", "إسرائيل", "و", "الشَّيْبَانِي"])
        // "Paris" 0..<5, ": «" 3, "إسرائيل" 7, "» " 2, "و" 1, " " 1, then 8 letters + 5 harakat.
        #expect(tokens.map(\.range) == [0..<5, 8..<15, 17..<18, 19..<32])
    }

    @Test("Offsets count UTF-16 units: a flag emoji is four")
    func surrogatePairs() {
        let tokens = Tokenizer.tokens(in: "🇸🇾 Syria")
        #expect(tokens == [TextToken(text: "syria", range: 5..<10)])
    }

    @Test("A decomposed accent stays in its word")
    func decomposedAccent() {
        let tokens = Tokenizer.tokens(in: "E\u{301}lyse\u{301}e talks")
        #expect(tokens == [TextToken(text: "elysee", range: 0..<8), TextToken(text: "talks", range: 9..<14)])
    }

    @Test("Format characters neither split words nor widen their ranges")
    func formatCharacters() {
        #expect(Tokenizer.tokens(in: "Shai\u{AD}bani") == [TextToken(text: "shaibani", range: 0..<9)])
        #expect(
            Tokenizer.tokens(in: "\u{200F}Israel\u{200F} talks")
                == [TextToken(text: "israel", range: 1..<7), TextToken(text: "talks", range: 9..<14)])
    }

    @Test("Arabic digits and tatweel")
    func arabicDigitsAndTatweel() {
        #expect(Tokenizer.tokens(in: "٢٠٢٦").map(\.text) == ["2026"])
        #expect(Tokenizer.tokens(in: "الشـــيباني").map(\.text) == ["الشيباني"])
        // A lone tatweel folds to nothing: no empty token.
        #expect(Tokenizer.tokens(in: "ـ").isEmpty)
    }

    @Test("A run folding into several words gives each the run's range")
    func foldingSplitsRun() {
        #expect(
            Tokenizer.tokens(in: "x ½") == [
                TextToken(text: "x", range: 0..<1), TextToken(text: "1", range: 2..<3),
                TextToken(text: "2", range: 2..<3),
            ])
    }

    @Test("Punctuation-only and empty text have no tokens", arguments: ["", "  — ’ « » ...", "\u{200F}"])
    func noTokens(input: String) {
        #expect(Tokenizer.tokens(in: input).isEmpty)
    }
}

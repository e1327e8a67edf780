import Foundation
import Testing

@testable import HeraldCore

@Suite("Item fingerprints: normalized content")
struct NormalizedContentTests {
    /// The definition, written the slow and obvious way: lower-case the whole text, keep the scalars
    /// of Unicode categories L*, M* and N* (as the standard library's Unicode tables have them) and
    /// the separator, and collapse every run of anything else to one space.
    static func reference(_ item: Item) -> String {
        var result = ""
        var pendingSpace = false
        for scalar in (item.title + " \u{1F} " + item.bodyText).lowercased().unicodeScalars {
            let category = scalar.properties.generalCategory
            let word: Bool =
                switch category {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
                    true
                default: false
                }
            if word || scalar == "\u{1F}" {
                if pendingSpace && !result.isEmpty { result.unicodeScalars.append(" ") }
                result.unicodeScalars.append(scalar)
                pendingSpace = false
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    @Test("examples: case, punctuation, markup leftovers, Arabic with harakat")
    func examples() {
        let item = Item(
            title: "  Syria & 'Israel': Paris TALKS, round #2!",
            summaryText: "Al-Shaibani — «الشَّيْبَانِي» — met\n\tBarrack at 10:30.")
        #expect(
            ItemIdentity.normalizedContent(item)
                == "syria israel paris talks round 2 \u{1F} al shaibani الشَّيْبَانِي met barrack at 10 30")
        #expect(ItemIdentity.normalizedContent(Item(title: "", summaryText: "x")) == "\u{1F} x")
    }

    /// Fingerprints are stored in every state file, so their values may never change. These were
    /// computed outside Herald (a few lines of Python over the normalised text written by hand):
    /// FNV-1a-style, two 64-bit lanes, the second rotated by 7 and mixed with the first.
    @Test("fingerprint values are frozen: two known items give the hashes computed outside Herald")
    func frozenValues() {
        let talks = Item(
            title: "Syria & 'Israel': ÉLYSÉE talks", contentText: "الشيباني met Barrack at 10:30.")
        #expect(
            ItemIdentity.normalizedContent(talks) == "syria israel élysée talks \u{1F} الشيباني met barrack at 10 30")
        #expect(ItemIdentity.contentHash(talks) == "c7c53041fa3e6cedba1b315f74716197")
        #expect(ItemIdentity.contentHash(Item(title: "", summaryText: "x")) == "8fa11118d373bcd614346360e9ff3fb4")
    }

    @Test("agrees with the definition on every scalar from U+0080 to U+2FFF, alone and between words")
    func everyScalar() {
        for value in UInt32(0x80)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let item = Item(title: "a" + String(scalar) + "b", summaryText: String(scalar))
            let fast = ItemIdentity.normalizedContent(item)
            #expect(fast == Self.reference(item), "U+\(String(value, radix: 16))")
            if fast != Self.reference(item) { return }
        }
    }

    @Test("agrees with the definition on 20,000 random texts")
    func differential() {
        let pool: [Unicode.Scalar] = [
            "a", "Z", "q", "0", "7", " ", " ", "\n", "\t", ".", ",", "'", "\"", "-", "_", "&", "<", ">", "#", "\u{1F}",
            "\u{00}", "\u{7F}", "é", "É", "ß", "ẞ", "İ", "ı", "K", "\u{212A}", "Σ", "ς", "ﬁ", "Ǆ", "ǅ", "Å", "\u{0301}",
            "ا", "أ", "ل", "ش", "ي", "ب", "ة", "ى", "\u{064E}", "\u{0651}", "\u{0640}", "٣", "۴", "؟", "،", "«", "»",
            "—", "–", "\u{200D}", "\u{200B}", "\u{00A0}", "Д", "א", "·", "µ", "ª", "‿", "⁄", "\u{2066}", "😀", "👍",
            "\u{FE0F}", "Ⅻ", "½", "²", "中", "ㄱ", "\u{E000}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            func text() -> String {
                var out = String.UnicodeScalarView()
                for _ in 0..<Int.random(in: 0...24, using: &generator) {
                    out.append(pool.randomElement(using: &generator)!)
                }
                return String(out)
            }
            let item = Item(title: text(), summaryText: text())
            let fast = ItemIdentity.normalizedContent(item)
            let slow = Self.reference(item)
            #expect(ItemIdentity.contentHash(item) == StableHash.hex128(fast))
            #expect(
                fast == slow, "title \(Array(item.title.unicodeScalars)) text \(Array(item.summaryText.unicodeScalars))"
            )
            if fast != slow { return }
        }
    }
}

@Suite("Canonical links")
struct CanonicalLinkTests {
    @Test("the fast path for plain links agrees with the URLComponents path on 20,000 random links")
    func plainAgrees() {
        let hosts = ["wire.example.org", "news.example", "a-b.example.co", "x1.example", "Example.org", ".bad", "h"]
        let pieces = ["/", "a", "Z", "0", "-", ".", "_", "~", "%41", "?", "#", "&", "utm_source=x", "=", ":", " ", "é"]
        var plainCount = 0
        for _ in 0..<20_000 {
            let scheme = ["http://", "https://", "HTTP://", "ftp://"].randomElement()!
            let port = Int.random(in: 0..<10) == 0 ? ":443" : ""
            let path = (0..<Int.random(in: 0...8)).map { _ in pieces.randomElement()! }.joined()
            let link =
                scheme + hosts.randomElement()! + port + (path.isEmpty || path.hasPrefix("/") ? path : "/" + path)
            if let plain = ItemIdentity.plainLink(link) {
                plainCount += 1
                #expect(plain == ItemIdentity.parsedCanonicalLink(link), "\(link)")
            }
        }
        #expect(plainCount > 1000, "the fast path was taken for \(plainCount) links only")
    }

    @Test("examples")
    func examples() {
        #expect(ItemIdentity.canonicalLink("https://wire.example.org") == "https://wire.example.org/")
        #expect(ItemIdentity.canonicalLink("https://wire.example.org/a/B_c") == "https://wire.example.org/a/B_c")
        #expect(
            ItemIdentity.canonicalLink("HTTPS://Wire.Example.org:443/a?utm_source=x&id=3#top")
                == "https://wire.example.org/a?id=3")
        #expect(ItemIdentity.canonicalLink("ftp://wire.example.org/a") == nil)
    }
}

import Foundation
import Testing

@testable import HeraldDaemon

@Suite("Alert summaries: the lead of an item's text")
struct SnippetTests {
    /// The definition: collapse whitespace over the whole text, then cut at the last word boundary
    /// within the limit (a word that ends exactly at the limit is kept).
    static func reference(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard flat.count > limit else { return flat }
        let cut = flat.prefix(limit)
        if flat[cut.endIndex] == " " { return String(cut) + "…" }
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }

    @Test("examples")
    func examples() {
        #expect(Snippet.lead("  Syria and\n\n Israel  meet ", limit: 100) == "Syria and Israel meet")
        #expect(Snippet.lead("Syria and Israel meet in Paris", limit: 16) == "Syria and Israel…")
        #expect(Snippet.lead("Shaibani", limit: 4) == "Shai…")
    }

    @Test("agrees with the definition on 20,000 random texts and limits")
    func differential() {
        let pool: [Character] = ["a", "b", "ب", "ش", " ", " ", "\n", "\t", "é", "👍🏽", "\u{00A0}", ".", "e\u{301}"]
        for _ in 0..<20_000 {
            let text = String((0..<Int.random(in: 0...40)).map { _ in pool.randomElement()! })
            let limit = Int.random(in: 1...30)
            let expected = Self.reference(text, limit: limit)
            #expect(Snippet.lead(text, limit: limit) == expected, "\(Array(text.unicodeScalars)) limit \(limit)")
            if Snippet.lead(text, limit: limit) != expected { return }
        }
    }
}

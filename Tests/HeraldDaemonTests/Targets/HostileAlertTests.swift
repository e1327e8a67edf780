import Foundation
import HeraldCore
import Testing

@testable import HeraldDaemon

/// 10,000 generated alerts full of what feeds can carry — 100 KB bodies, emoji and ZWJ sequences,
/// right-to-left text, combining marks, control characters, mention tokens and markup — dealt out
/// to the 11 targets in turn (about 900 each): no payload over the service's limit, no mention
/// left working. Each alert is sent twice, once as the target's built-in message and once through a
/// template that puts every value in, in `{{x}}` and `{{{x}}}` tags both: a template does not weaken
/// either promise. Each alert comes from its own seed, so a failure names an alert to replay.
/// Serialized, and yielding as it goes: it is pure CPU work, and must not starve the cooperative
/// pool that the rest of the suite's loopback tests run on.
@Suite("Hostile alerts", .serialized)
struct HostileAlertTests {
    static let count = 10_000

    /// A seeded generator, so a failure can be replayed.
    struct Generator {
        var random: SplitMix64
        init(state: UInt64) { random = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { random.next() }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let fragments = [
        "@everyone", "@here", "@channel", "@all", "@room", "<!channel>", "<!here>", "<!everyone>", "<@U024BE7LH>",
        "<@&123456>", "<at>Ops</at>", "<users/all>", "<b>", "</a>", "<a href=\"javascript:alert(1)\">",
        "&amp;", "&lt;", "*bold*", "_it_", "~s~", "`code`", "```", "[x](https://evil.example)", "||spoiler||",
        "> quote", "# head", "\\", "\"", "'", "\n", "\r\n", "\t", "\u{0}", "\u{7}", "\u{1B}[31m",
        "👩‍👩‍👧‍👦", "🏳️‍🌈", "👍🏽", "مرحبا بالعالم", "\u{202E}gnp.exe", "שלום", "e\u{301}\u{302}\u{303}",
        "Z\u{0351}\u{0352}\u{0353}\u{0354}", "中文新闻", "Syria", "Paris", " ", " ", " ", "talks", "\u{FEFF}",
        "\u{200D}", "@\u{301}everyone", "<\u{301}!channel>", String(repeating: "A", count: 300),
    ]

    static func text(_ generator: inout Generator, pieces: Int) -> String {
        var out = ""
        for _ in 0..<pieces { out += generator.pick(fragments) }
        return out
    }

    static func alert(_ index: Int, _ generator: inout Generator) -> Alert {
        let title = text(&generator, pieces: generator.below(40) + 1)
        var summary = text(&generator, pieces: generator.below(200))
        if generator.below(10) == 0 {
            // A 100 KB body.
            let chunk = text(&generator, pieces: 200)
            summary = String(repeating: chunk, count: max(1, 100_000 / max(1, chunk.utf8.count)))
        }
        let links = [
            nil, "https://wire.example.org/\(index)", "javascript:alert(1)", "https://x.example/\"><script>",
            "https://x.example/" + String(repeating: "a", count: 3_000), "https://x.example/a b|c>d(e)[f]*g_h",
        ]
        return Alert(
            id: String(format: "%032x", index), kind: generator.pick([.match, .edit, .feedUnhealthy]), rule: "talks",
            feed: "wire", source: generator.below(2) == 0 ? text(&generator, pieces: 3) : nil, title: title,
            link: generator.pick(links), published: Date(timeIntervalSince1970: 1_767_693_600), summary: summary,
            matchedTerms: (0..<generator.below(4)).map { _ in text(&generator, pieces: 1) })
    }

    static let targets = [
        "jsons://h.example.org/in", "slack://T1/B2/XXXXXXXX", "discord://1/tok", "workflows://x.logic.azure.com/wf",
        "mmosts://m.example.org/key", "rockets://r.example.org/id/token", "gchat://S/K/T",
        "hookshots://mx.example.org/id", "ntfys://n.example.org/topic", "gotifys://g.example.org/token",
        "tgram://1:AB/-100",
    ]

    /// Markdown-ish text for most targets; HTML (only the `b`, `i` and `a` tags) for Telegram and Matrix.
    static let templates = [
        """
        *{{title}}* <{{link}}|{{{title}}}> {{heading}}
        {{#matched}}{{.}}, {{/matched}}{{matched_text}} · {{outlet}} · {{source}} · {{details}}
        {{summary}}
        {{{summary}}}{{^link}} (no link){{/link}} @{{title}} <{{{summary}}}
        """,
        """
        <b>{{title}}</b> <a href="{{link}}">{{{title}}}</a> {{heading}}
        <i>{{#matched}}{{.}}, {{/matched}}{{outlet}} · {{source}} · {{details}}</i>
        {{summary}} {{{summary}}} @{{title}}
        """,
    ].map { try! MessageTemplate($0) }

    @Test("no payload over its limit, no live mention", arguments: targets)
    func hostile(_ targetURL: String) async throws {
        let target = try WebhookTarget.parse(targetURL)
        let template = Self.templates[target.kind == .telegram || target.kind == .matrix ? 1 : 0]
        let offset = try #require(Self.targets.firstIndex(of: targetURL))
        var overLimit = 0
        var liveMentions = 0
        for index in stride(from: offset, to: Self.count, by: Self.targets.count) {
            if index % 64 == offset { await Task.yield() }
            var generator = Generator(state: 0x4845_5241_4C44 ^ UInt64(index) &* 0x1_0000_0001)
            let alert = Self.alert(index, &generator)
            for (form, body) in [
                ("built-in", target.payload(for: alert).body),
                ("templated", target.payload(for: alert, template: template).body),
            ] {
                guard let object = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                    Issue.record("\(form) payload \(index) is not a JSON object")
                    continue
                }
                for (text, limit) in Self.measured(target.kind, object, body: body) where text > limit {
                    overLimit += 1
                    if overLimit < 3 { Issue.record("\(form) alert \(index): \(text) > \(limit)") }
                }
                for text in Self.texts(target.kind, object) {
                    if let token = Self.liveMention(target.kind, text) {
                        liveMentions += 1
                        if liveMentions < 3 { Issue.record("\(form) alert \(index): live \(token)") }
                    }
                }
            }
        }
        #expect(overLimit == 0)
        #expect(liveMentions == 0)
    }

    /// (size, limit) pairs, each measured in the unit the service documents.
    static func measured(_ kind: WebhookTarget.Kind, _ object: [String: Any], body: Data) -> [(Int, Int)] {
        func string(_ key: String) -> String { object[key] as? String ?? "" }
        switch kind {
        case .json: return []
        case .slack: return [(string("text").utf16.count, 3_000)]
        case .discord: return [(string("content").utf16.count, 2_000)]
        case .teams: return [(body.count, 28_000)]
        case .mattermost: return [(string("text").unicodeScalars.count, 16_383)]
        case .rocketChat: return [(string("text").utf16.count, 5_000)]
        case .googleChat: return [(string("text").utf8.count, 4_096)]
        case .matrix: return [(string("text").utf8.count, 16_384), (string("html").utf8.count, 32_768)]
        case .ntfy: return [(string("message").utf8.count, 4_096), (string("title").utf8.count, 250)]
        case .gotify: return [(string("message").utf8.count, 16_384), (string("title").utf8.count, 250)]
        case .telegram: return [(telegramVisible(string("text")).utf16.count, 4_096)]
        }
    }

    /// What Telegram shows of an HTML-mode text: tags removed, entities decoded.
    static func telegramVisible(_ html: String) -> String {
        var out = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
            // Literal: Telegram parses entities in the UTF-16 text, even where a combining mark follows.
            out = out.replacingOccurrences(of: entity, with: character, options: .literal)
        }
        return out
    }

    static func texts(_ kind: WebhookTarget.Kind, _ object: [String: Any]) -> [String] {
        switch kind {
        case .json, .ntfy, .gotify: return []
        case .discord: return [object["content"] as? String ?? ""]
        case .matrix: return [object["text"] as? String ?? "", object["html"] as? String ?? ""]
        case .teams:
            let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
            return [String(decoding: data, as: UTF8.self)]
        default: return [object["text"] as? String ?? ""]
        }
    }

    /// A mention the service would act on, if the text has one.
    static func liveMention(_ kind: WebhookTarget.Kind, _ text: String) -> String? {
        let tokens: [String] =
            switch kind {
            case .slack: ["<!", "<@", "<#"]
            case .discord: ["@everyone", "@here"]
            case .teams: ["<at>", "<at "]
            case .mattermost, .rocketChat: ["@channel", "@all", "@here", "@everyone"]
            case .googleChat: ["<users/"]
            case .matrix: ["@room"]
            case .telegram: ["<script", "<a href=\"j"]
            default: []
            }
        if let token = tokens.first(where: { text.range(of: $0, options: [.caseInsensitive, .literal]) != nil }) {
            return token
        }
        if kind == .discord, text.contains(/<@[!&]?[0-9]/) { return "<@id>" }
        if kind == .telegram {
            // Only Herald's own tags may appear.
            let tags = text.matches(of: /<\/?([a-zA-Z]+)[^>]*>/).map { String($0.output.1) }
            if let stray = tags.first(where: { !["b", "i", "a"].contains($0) }) { return "<\(stray)>" }
        }
        return nil
    }
}

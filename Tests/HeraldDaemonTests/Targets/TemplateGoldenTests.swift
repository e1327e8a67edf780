import Foundation
import HeraldCore
import Testing

@testable import HeraldDaemon

/// Each target's payload when its sink has a template, against payloads written by hand; and what a
/// template cannot do: let feed text out unescaped, or take a payload over its limit.
@Suite("Sink templates")
struct TemplateGoldenTests {
    /// The rich alert of the target goldens, in a story of two outlets.
    static let storied: Alert = {
        var alert = TargetGoldenTests.rich
        alert.story = StoryInfo(
            id: "s0123456789abcde", sources: 2, languages: ["ar", "en"], outlets: ["Levant Wire", "Cedar <News>"],
            items: 3)
        return alert
    }()

    struct Case: Sendable, CustomTestStringConvertible {
        var target: String
        var template: String
        var golden: String
        var testDescription: String { String(target.prefix(while: { $0 != ":" })) }
    }

    static let cases: [Case] = [
        Case(
            target: "jsons://hooks.example.org/herald/in", template: TemplateGoldens.json,
            golden: TemplateGoldens.jsonRich),
        Case(target: "slack://T0001/B0002/XXXX", template: TemplateGoldens.slack, golden: TemplateGoldens.slackRich),
        Case(target: "discord://1122/tok", template: TemplateGoldens.discord, golden: TemplateGoldens.discordRich),
        Case(
            target: "workflows://x.logic.azure.com/wf", template: TemplateGoldens.teams,
            golden: TemplateGoldens.teamsRich),
        Case(
            target: "mmosts://chat.example.org/key", template: TemplateGoldens.mattermost,
            golden: TemplateGoldens.mattermostRich),
        Case(
            target: "rockets://rocket.example.org/id/token", template: TemplateGoldens.mattermost,
            golden: TemplateGoldens.mattermostRich),
        Case(target: "gchat://S/K/T", template: TemplateGoldens.googleChat, golden: TemplateGoldens.googleChatRich),
        Case(
            target: "hookshots://matrix.example.org/abc", template: TemplateGoldens.matrix,
            golden: TemplateGoldens.matrixRich),
        Case(
            target: "ntfys://ntfy.example.org/herald-alerts", template: TemplateGoldens.ntfy,
            golden: TemplateGoldens.ntfyRich),
        Case(
            target: "gotifys://push.example.org/AppToken1", template: TemplateGoldens.gotify,
            golden: TemplateGoldens.gotifyRich),
        Case(
            target: "tgram://123456:ABC/-1001234567890", template: TemplateGoldens.telegram,
            golden: TemplateGoldens.telegramRich),
    ]

    static func json(_ data: Data) throws -> NSDictionary? {
        try JSONSerialization.jsonObject(with: data) as? NSDictionary
    }

    @Test("a templated payload matches its hand-written golden", arguments: cases)
    func golden(_ test: Case) throws {
        let target = try WebhookTarget.parse(test.target)
        let payload = target.payload(for: Self.storied, template: try MessageTemplate(test.template))
        let actual = try Self.json(payload.body)
        let expected = try Self.json(Data(test.golden.utf8))
        #expect(actual != nil && actual == expected, "\(String(decoding: payload.body, as: UTF8.self))")
        #expect(payload.header("webhook-id") == Self.storied.id)
    }

    @Test("an inverted section shows for a missing value; an empty value counts as missing")
    func invertedSection() throws {
        let target = try WebhookTarget.parse("ntfys://ntfy.example.org/herald-alerts")
        let payload = target.payload(for: TargetGoldenTests.plain, template: try MessageTemplate(TemplateGoldens.ntfy))
        #expect(try Self.json(payload.body) == Self.json(Data(TemplateGoldens.ntfyPlain.utf8)))
        let empty = try MessageTemplate("{{#summary}}has text{{/summary}}{{^summary}}no text{{/summary}}")
        let stdout = MessageLayout.unlimitedText
        #expect(stdout.render(empty, TargetGoldenTests.plain) == "no text")
        #expect(stdout.render(empty, TargetGoldenTests.rich) == "has text")
    }

    @Test("every documented variable renders; unknown names render empty")
    func variables() throws {
        var alert = Self.storied
        alert.kind = .followUp
        alert.story?.followUpOf = "0123456789abcdef0123456789abcdef"
        alert.explanation = RuleMatch(matchedTerms: ["Syria"], snippet: "[[Syria]] and Israel")
        let template = try MessageTemplate(
            """
            {{id}}|{{kind}}|{{rule}}|{{feed}}|{{source}}|{{outlet}}|{{title}}|{{heading}}|{{link}}
            {{summary}}|{{snippet}}|{{matched_text}}|{{#matched}}<{{.}}>{{/matched}}|{{published}}|{{published_human}}
            {{created}}|{{#is_follow_up}}follow-up{{/is_follow_up}}{{#is_match}}match{{/is_match}}|{{nonsense}}
            {{story.id}}|{{story.sources}}|{{story.items}}|{{#story.languages}}{{.}},{{/story.languages}}
            {{#story.outlets}}{{.}}{{^last()}} + {{/last()}}{{/story.outlets}}|{{story.follow_up_of}}
            {{explanation}}
            """)
        let text = MessageLayout.unlimitedText.render(template, alert)
        // `herald check` knows every name used here but the one that is not a variable.
        #expect(TemplateTag.unknownNames(in: template.source).map(\.tag.name) == ["nonsense"])
        #expect(
            text == """
                fedcba9876543210fedcba9876543210|follow-up|talks|wire|Levant Wire|Levant Wire|\
                Syria & Israel <talks> *resume* @everyone|Syria & Israel <talks> *resume* @everyone|\
                https://wire.example.org/a?x=1&y=%282%29
                Envoys met in Paris. <!channel> @here|[[Syria]] and Israel|Syria, Paris|<Syria><Paris>|\
                2026-01-06T10:00:00Z|2026-01-06 10:00 UTC
                2026-01-06T10:05:00Z|follow-up|
                s0123456789abcde|2|3|ar,en,
                Levant Wire + Cedar <News>|0123456789abcdef0123456789abcdef
                “[[Syria]] and Israel”
                """)
    }

    @Test("feed text is escaped in {{{raw}}} tags too; the template's own markup is kept")
    func rawTagsStayEscaped() throws {
        let alert = Alert(
            id: "a1", rule: "talks", feed: "wire", title: "<!channel> <@U024BE7LH> @everyone <at>Ops</at>",
            summary: "<b>bold</b> @here")
        for (target, forbidden) in [
            ("slack://T1/B2/XXXX", ["<!channel>", "<@U"]), ("discord://1/tok", ["@everyone", "@here"]),
            ("workflows://x.logic.azure.com/wf", ["<at>"]), ("tgram://1:AB/-100", ["<b>bold", "<at>"]),
            ("mmosts://m.example.org/key", ["@everyone", "@here"]),
        ] {
            let template = try MessageTemplate("<b>@channel {{{title}}}</b> {{{summary}}} {{title}}")
            let body = try #require(
                try Self.json(WebhookTarget.parse(target).payload(for: alert, template: template).body))
            let text = String(decoding: try JSONSerialization.data(withJSONObject: body), as: UTF8.self)
            for token in forbidden {
                #expect(!text.contains(token), "\(target): \(token) in \(text)")
            }
            // The author's own text is trusted: it may mention, and it may use markup.
            #expect(text.contains("<b>@channel "), "\(target): \(text)")
        }
    }

    @Test("a value cannot join the template's own `<` or `@` into a mention")
    func noJoinedMentions() throws {
        let alert = Alert(id: "a1", rule: "talks", feed: "wire", title: "!channel>", summary: "everyone")
        let template = try MessageTemplate("<{{title}} @{{{summary}}}")
        let slack = try Self.json(
            WebhookTarget.parse("slack://T1/B2/XXXX").payload(for: alert, template: template).body)
        #expect(slack?["text"] as? String == "<\u{200B}!channel&gt; @\u{200B}everyone")
        let discord = try Self.json(WebhookTarget.parse("discord://1/tok").payload(for: alert, template: template).body)
        #expect(discord?["content"] as? String == "<\u{200B}!channel> @\u{200B}everyone")
        // Plain-text targets have no mentions: their text stays as it is.
        let ntfy = try Self.json(
            WebhookTarget.parse("ntfys://n.example.org/t").payload(for: alert, template: template).body)
        #expect(ntfy?["message"] as? String == "<!channel> @everyone")
    }

    @Test("a long value is cut with the marker, the template's text after it is kept, the limit holds")
    func longValueIsCut() throws {
        var alert = TargetGoldenTests.rich
        alert.summary = String(repeating: "مرحبا 👩‍👩‍👧‍👦 <b> ", count: 2_000)
        let template = try MessageTemplate("<b>{{title}}</b>\n{{summary}}\n<i>{{rule}}</i>")
        let body = try Self.json(WebhookTarget.parse("tgram://1:AB/-100").payload(for: alert, template: template).body)
        let text = try #require(body?["text"] as? String)
        #expect(HostileAlertTests.telegramVisible(text).utf16.count <= 4_096)
        #expect(text.hasSuffix("…\n<i>talks</i>"))
        #expect(text.hasPrefix("<b>Syria &amp; Israel"))
    }

    @Test("a template whose own text is over the limit gives way to the built-in message")
    func oversizedTemplate() throws {
        let template = try MessageTemplate(String(repeating: "long literal text ", count: 200) + "{{title}}")
        let target = try WebhookTarget.parse("discord://1/tok")
        let templated = target.payload(for: TargetGoldenTests.plain, template: template)
        #expect(templated.body == target.payload(for: TargetGoldenTests.plain).body)
        let fits = target.payload(for: TargetGoldenTests.plain, template: try MessageTemplate("Now: {{title}}"))
        #expect(try Self.json(fits.body)?["content"] as? String == "Now: Talks resume in Paris")
    }

    /// A template with a syntax error, where the error must point (where the tag or section
    /// opens, not where Mustache noticed), and what it must say.
    struct BrokenTemplate: Sendable, CustomTestStringConvertible {
        var text: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { message }
    }

    @Test(
        "a syntax error names the line and column",
        arguments: [
            BrokenTemplate(
                text: "*{{title}}*\nfrom {{#story}}{{story.sources}} outlets", line: 2, column: 6,
                message: "{{#story}} is never closed: add {{/story}}"),
            BrokenTemplate(
                text: "ok\n  {{title", line: 2, column: 3, message: "the tag {{title is never closed: add }}"),
            BrokenTemplate(
                text: "{{title}} {{#story}}{{story.sources}}{{/story}", line: 1, column: 38,
                message: "the tag {{/story is never closed: add }}"),
        ])
    func syntaxError(_ broken: BrokenTemplate) {
        do {
            _ = try MessageTemplate(broken.text)
            Issue.record("a broken template compiled")
        } catch {
            #expect(error.line == broken.line)
            #expect(error.column == broken.column, "\(error)")
            #expect(error.description.contains(broken.message), "\(error)")
        }
    }
}

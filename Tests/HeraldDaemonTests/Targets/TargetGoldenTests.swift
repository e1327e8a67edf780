import Foundation
import HeraldCore
import Testing

@testable import HeraldDaemon

/// Each target's payload for a plain alert and a rich one (link, source, date, terms, a summary,
/// and feed text full of markup and mention syntax), against payloads written by hand.
@Suite("Target payloads")
struct TargetGoldenTests {
    static let created = Date(timeIntervalSince1970: 1_767_693_900)  // 2026-01-06 10:05 UTC

    static let plain = Alert(
        id: "0123456789abcdef0123456789abcdef", rule: "talks", feed: "wire", title: "Talks resume in Paris",
        createdAt: created)

    static let rich = Alert(
        id: "fedcba9876543210fedcba9876543210", rule: "talks", feed: "wire", source: "Levant Wire",
        title: "Syria & Israel <talks> *resume* @everyone", link: "https://wire.example.org/a?x=1&y=(2)",
        published: Date(timeIntervalSince1970: 1_767_693_600), summary: "Envoys met in Paris. <!channel> @here",
        matchedTerms: ["Syria", "Paris"], createdAt: created)

    struct Case: Sendable, CustomTestStringConvertible {
        var target: String
        var postsTo: String
        var plain: String
        var rich: String
        var testDescription: String { String(target.prefix(while: { $0 != ":" })) }
    }

    static let cases: [Case] = [
        Case(
            target: "jsons://hooks.example.org/herald/in", postsTo: "https://hooks.example.org/herald/in",
            plain: Goldens.jsonPlain, rich: Goldens.jsonRich),
        Case(
            target: "slack://T0001/B0002/XXXXXXXXXXXXXXXXXXXXXXXX",
            postsTo: "https://hooks.slack.com/services/T0001/B0002/XXXXXXXXXXXXXXXXXXXXXXXX",
            plain: Goldens.slackPlain, rich: Goldens.slackRich),
        Case(
            target: "discord://112233445566/tok-EN_123",
            postsTo: "https://discord.com/api/webhooks/112233445566/tok-EN_123?wait=true",
            plain: Goldens.discordPlain, rich: Goldens.discordRich),
        Case(
            target:
                "https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=SECRET",
            postsTo:
                "https://prod-01.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=SECRET",
            plain: Goldens.teamsPlain, rich: Goldens.teamsRich),
        Case(
            target: "mmosts://chat.example.org/hookkey123", postsTo: "https://chat.example.org/hooks/hookkey123",
            plain: Goldens.mattermostPlain, rich: Goldens.mattermostRich),
        Case(
            target: "rockets://rocket.example.org/hookid/hooktoken",
            postsTo: "https://rocket.example.org/hooks/hookid/hooktoken",
            plain: Goldens.mattermostPlain, rich: Goldens.mattermostRich),
        Case(
            target: "gchat://AAAA1234/keykey/tokentoken",
            postsTo: "https://chat.googleapis.com/v1/spaces/AAAA1234/messages?key=keykey&token=tokentoken",
            plain: Goldens.googleChatPlain, rich: Goldens.googleChatRich),
        Case(
            target: "hookshots://matrix.example.org/abcdef-123",
            postsTo: "https://matrix.example.org/webhook/abcdef-123",
            plain: Goldens.matrixPlain, rich: Goldens.matrixRich),
        Case(
            target: "ntfys://ntfy.example.org/herald-alerts", postsTo: "https://ntfy.example.org/",
            plain: Goldens.ntfyPlain, rich: Goldens.ntfyRich),
        Case(
            target: "gotifys://push.example.org/AppToken1", postsTo: "https://push.example.org/message?token=AppToken1",
            plain: Goldens.gotifyPlain, rich: Goldens.gotifyRich),
        Case(
            target: "tgram://123456:ABC-DEF_ghi/-1001234567890",
            postsTo: "https://api.telegram.org/bot123456:ABC-DEF_ghi/sendMessage",
            plain: Goldens.telegramPlain, rich: Goldens.telegramRich),
    ]

    @Test("plain and rich payloads match the hand-written goldens", arguments: cases)
    func golden(_ test: Case) throws {
        let target = try WebhookTarget.parse(test.target)
        for (alert, golden) in [(Self.plain, test.plain), (Self.rich, test.rich)] {
            // ntfy's rich case also shows the priority option.
            let chosen =
                target.kind == .ntfy && alert == Self.rich
                ? try WebhookTarget.parse(test.target + "?priority=4") : target
            let payload = chosen.payload(for: alert)
            #expect(payload.url.absoluteString == test.postsTo)
            #expect(payload.header("webhook-id") == alert.id)
            #expect(payload.header("Content-Type") == "application/json")
            let actual = try JSONSerialization.jsonObject(with: payload.body) as? NSDictionary
            let expected = try JSONSerialization.jsonObject(with: Data(golden.utf8)) as? NSDictionary
            #expect(actual != nil && actual == expected, "\(String(decoding: payload.body, as: UTF8.self))")
        }
    }

    @Test("service URLs are recognised by host; secrets never appear in the redacted form")
    func recognition() throws {
        let forms: [(String, WebhookTarget.Kind, String)] = [
            ("https://hooks.slack.com/services/T1/B2/SECRETSECRET", .slack, "SECRETSECRET"),
            ("https://discord.com/api/webhooks/42/SECRETSECRET", .discord, "SECRETSECRET"),
            ("https://chat.googleapis.com/v1/spaces/S/messages?key=K&token=SECRETSECRET", .googleChat, "SECRETSECRET"),
            ("https://api.telegram.org/bot77:SECRETSECRET/sendMessage?chat_id=@news", .telegram, "SECRETSECRET"),
            ("https://ntfy.sh/secret-topic-name", .ntfy, "secret-topic-name"),
            ("https://example.org/hooks/SECRETSECRETSECRET", .json, "SECRETSECRETSECRET"),
            ("json://example.org:8080/in", .json, "/in"),
        ]
        for (text, kind, secret) in forms {
            let target = try WebhookTarget.parse(text)
            #expect(target.kind == kind, "\(text)")
            #expect(!target.redacted.contains(secret), "\(target.redacted)")
        }
        #expect(try WebhookTarget.parse("https://discord.com/api/webhooks/42/T").url.query == "wait=true")
    }

    @Test("bad target URLs are refused with an example and without quoting the URL")
    func refused() {
        for text in [
            "slack://onlyone", "discord://id", "tgram://token", "ntfy://host", "ftp://example.org/x", "nourl",
            "ntfys://ntfy.sh/topic?priority=9", "gchat://a/b", "https://exa mple.org/x",
        ] {
            do {
                _ = try WebhookTarget.parse(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(!error.description.contains(text), "\(error)")
            }
        }
    }
}

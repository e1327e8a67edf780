import Foundation
import HeraldCore
import Testing

@testable import HeraldDaemon

/// A story update as a Slack thread reply, a Discord edit and a Telegram reply, against payloads
/// written by hand from each service's documented API; and the Slack bot URL forms.
@Suite("Target payloads for story threads")
struct ThreadGoldenTests {
    static let update = Alert(
        id: "00112233445566778899aabbccddeeff", kind: .storyUpdate, rule: "talks", feed: "wire",
        title: "Also reported by 2 outlets: سانا, Gulf Daily — Talks resume in Paris",
        createdAt: TargetGoldenTests.created,
        story: StoryInfo(
            id: "s0123456789abcde", sources: 3, languages: ["ar", "en"],
            outlets: ["Levant Wire", "سانا", "Gulf Daily"],
            items: 3, followUpOf: TargetGoldenTests.plain.id))

    static func thread(_ id: String, channel: String? = nil) -> StoryThread {
        StoryThread(message: RemoteMessage(id: id, channel: channel), first: TargetGoldenTests.plain)
    }

    static let slackReply = #"""
        {"text":"*Also reported by 2 outlets: سانا, Gulf Daily — Talks resume in Paris*\nwire · rule: talks",
         "unfurl_links":false,"channel":"C1","thread_ts":"1700000000.000100","reply_broadcast":false}
        """#
    static let slackFirst = #"""
        {"text":"*Talks resume in Paris*\nwire · rule: talks","unfurl_links":false,"channel":"#news"}
        """#
    static let discordEdit = #"""
        {"content":"**Talks resume in Paris**\nwire · rule: talks\nAlso reported by 2 outlets: سانا, Gulf Daily",
         "allowed_mentions":{"parse":[]}}
        """#
    static let telegramReply = #"""
        {"chat_id":"-1001234567890",
         "text":"<b>Also reported by 2 outlets: سانا, Gulf Daily — Talks resume in Paris</b>\n<i>wire · rule: talks</i>",
         "parse_mode":"HTML","link_preview_options":{"is_disabled":true},
         "reply_parameters":{"message_id":77,"allow_sending_without_reply":true}}
        """#

    static func expectJSON(_ payload: WebhookPayload, _ golden: String) throws {
        let actual = try JSONSerialization.jsonObject(with: payload.body) as? NSDictionary
        let expected = try JSONSerialization.jsonObject(with: Data(golden.utf8)) as? NSDictionary
        #expect(actual != nil && actual == expected, "\(String(decoding: payload.body, as: UTF8.self))")
    }

    @Test("Slack Web API: the first post names the channel, the update replies in its thread")
    func slack() throws {
        let target = try WebhookTarget.parse("slack://xoxb-1111-2222-abcdef/#news")
        let first = target.payload(for: TargetGoldenTests.plain)
        #expect(first.url.absoluteString == "https://slack.com/api/chat.postMessage")
        #expect(first.header("Authorization") == "Bearer xoxb-1111-2222-abcdef")
        try Self.expectJSON(first, Self.slackFirst)
        let reply = target.payload(for: Self.update, thread: Self.thread("1700000000.000100", channel: "C1"))
        #expect(reply.url.absoluteString == "https://slack.com/api/chat.postMessage")
        #expect(reply.header("webhook-id") == Self.update.id)
        try Self.expectJSON(reply, Self.slackReply)
        #expect(target.editPayload(for: Self.update, thread: Self.thread("1700000000.000100")) == nil)
    }

    @Test("Discord: the update is an edit of the first alert's message")
    func discord() throws {
        let target = try WebhookTarget.parse("discord://112233445566/tok-EN_123")
        let edit = try #require(target.editPayload(for: Self.update, thread: Self.thread("1234567890123456789")))
        #expect(
            edit.url.absoluteString
                == "https://discord.com/api/webhooks/112233445566/tok-EN_123/messages/1234567890123456789")
        #expect(edit.header("webhook-id") == Self.update.id)
        try Self.expectJSON(edit, Self.discordEdit)
    }

    @Test("Telegram: the update replies to the first alert's message")
    func telegram() throws {
        let target = try WebhookTarget.parse("tgram://123456:ABC-DEF_ghi/-1001234567890")
        try Self.expectJSON(target.payload(for: Self.update, thread: Self.thread("77")), Self.telegramReply)
        #expect(target.editPayload(for: Self.update, thread: Self.thread("77")) == nil)
    }

    @Test("a sink's template writes the text of thread replies and of Discord's edit too")
    func templated() throws {
        let slack = try WebhookTarget.parse("slack://xoxb-1111-2222-abcdef/#news")
        let reply = slack.payload(
            for: Self.update, thread: Self.thread("1700000000.000100", channel: "C1"),
            template: try MessageTemplate("*{{title}}* ({{story.sources}} outlets)"))
        try Self.expectJSON(
            reply,
            #"""
            {"text":"*Also reported by 2 outlets: سانا, Gulf Daily — Talks resume in Paris* (3 outlets)",
             "unfurl_links":false,"channel":"C1","thread_ts":"1700000000.000100","reply_broadcast":false}
            """#)
        let discord = try WebhookTarget.parse("discord://112233445566/tok-EN_123")
        let edit = try #require(
            discord.editPayload(
                for: Self.update, thread: Self.thread("1234567890123456789"),
                template: try MessageTemplate("**{{title}}** · {{story.sources}} outlets\n{{summary}}")))
        try Self.expectJSON(
            edit,
            #"""
            {"content":"**Talks resume in Paris** · 3 outlets\nAlso reported by 2 outlets: سانا, Gulf Daily",
             "allowed_mentions":{"parse":[]}}
            """#)
    }

    @Test("Slack bot URLs: #name, bare name, @user, +ID and a bare channel id; the token never shows")
    func slackBotForms() throws {
        let forms: [(String, String)] = [
            ("slack://xoxb-1111-2222-abcdef/#news", "#news"), ("slack://xoxb-1111-2222-abcdef/news", "#news"),
            ("slack://xoxb-1111-2222-abcdef/%23news", "#news"), ("slack://xoxb-1111-2222-abcdef/@ops", "@ops"),
            ("slack://xoxb-1111-2222-abcdef/+C0ABCDEFGH", "C0ABCDEFGH"),
            ("slack://xoxb-1111-2222-abcdef/C0ABCDEFGH", "C0ABCDEFGH"),
        ]
        for (text, channel) in forms {
            let target = try WebhookTarget.parse(text)
            #expect(target.kind == .slack)
            #expect(target.options.channel == channel, "\(text)")
            #expect(!target.redacted.contains("abcdef"), "\(target.redacted)")
        }
        // The incoming-webhook form is unchanged: no channel, so no threads.
        #expect(try WebhookTarget.parse("slack://T0001/B0002/XXXXXXXXXXXXXXXXXXXXXXXX").options.channel == nil)
        for bad in ["slack://xoxb-1111-2222-abcdef", "slack://xoxb-1111-2222-abcdef/a/b", "slack://xoxb-1/#x?y=1"] {
            #expect(throws: TargetError.self, "\(bad)") { try WebhookTarget.parse(bad) }
        }
    }
}

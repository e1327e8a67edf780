import Foundation
import HeraldCore
import HeraldStore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

/// A story's first alert and its "also reported by" update, both routed to `sinks`, recorded
/// straight into the store in that order.
func seedStory(
    in store: HeraldStore, sinks: [String], later: Alert.Kind = .storyUpdate, feed: String = "wire",
    at now: Date = Date()
) async throws -> (first: Alert, update: Alert) {
    let story = StoryInfo(id: "s0123456789abcde", sources: 1, languages: ["en"], outlets: ["Levant Wire"], items: 1)
    let firstItem = Item(guid: "t1", link: "https://wire.example.org/1", title: "Syria and Israel open talks in Paris")
    let firstKeys = ItemIdentity.keys(feed: feed, item: firstItem)
    let first = Alert(
        id: Alert.id(rule: "talks", itemKey: firstKeys.primary), rule: "talks", feed: feed, source: "Levant Wire",
        title: firstItem.title, link: firstItem.link, createdAt: now, story: story)
    let laterItem = Item(guid: "t2", link: "https://gulf.example.org/2", title: "Paris talks: a second report")
    let laterKeys = ItemIdentity.keys(feed: feed, item: laterItem)
    let update = Alert(
        id: Alert.id(rule: "talks", itemKey: laterKeys.primary), kind: later, rule: "talks", feed: feed,
        source: "Levant Wire", title: "Also reported by 2 outlets: سانا, Gulf Daily — \(firstItem.title)",
        link: firstItem.link, createdAt: now,
        story: StoryInfo(
            id: story.id, sources: 3, languages: ["ar", "en"], outlets: ["Levant Wire", "سانا", "Gulf Daily"],
            items: 3, followUpOf: first.id))
    _ = try await store.record(
        FetchRecord(
            feed: feed, etag: nil, lastModified: nil, at: now, nextDue: now,
            items: [
                JudgedItem(item: firstItem, keys: firstKeys, alerts: [RoutedAlert(alert: first, sinks: sinks)]),
                JudgedItem(item: laterItem, keys: laterKeys, alerts: [RoutedAlert(alert: update, sinks: sinks)]),
            ]))
    return (first, update)
}

/// Follow-ups and story updates as threads and edits: the receiver's message id of the first
/// alert is kept with its delivery and used by the story's later alerts on the same sink.
@Suite("Story threads on chat targets")
struct DeliveryThreadTests {
    static let discordID = "1234567890123456789"

    /// A Herald whose sink "chat" is `target` pointed at `receiver` (at `path`), with a story queued to it.
    static func setUp(
        _ target: String, receiver: ScriptedReceiver, path: String, workspace: Workspace,
        later: Alert.Kind = .storyUpdate
    ) async throws -> (Herald, WebhookSink, first: Alert, update: Alert) {
        let herald = try deliveryHerald([.hook("chat", receiver.url(path).absoluteString)], workspace: workspace)
        var parsed = try WebhookTarget.parse(target)
        parsed.url = receiver.url(path)
        let sink = WebhookSink(name: "chat", target: parsed, timeout: .seconds(5), client: herald.client)
        let (first, update) = try await seedStory(in: herald.store, sinks: ["chat"], later: later)
        return (herald, sink, first, update)
    }

    static func json(_ request: ScriptedReceiver.Request) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
    }

    @Test("Slack Web API: the update is a reply in the first alert's thread, by its ts and channel id")
    func slackThread() async throws {
        let workspace = try Workspace()
        let receiver = try ScriptedReceiver([
            .respond(status: 200, body: #"{"ok":true,"channel":"C1","ts":"1700000000.000100"}"#),
            .respond(status: 200, body: #"{"ok":true,"channel":"C1","ts":"1700000000.000200"}"#),
        ])
        defer { receiver.stop() }
        let (herald, sink, first, _) = try await Self.setUp(
            "slack://xoxb-1111-2222-abcdef/#news", receiver: receiver, path: "/api/chat.postMessage",
            workspace: workspace)
        let report = await herald.runLane(sink, now: Date.init)
        #expect(report.delivered == 2)
        let requests = receiver.requests
        try #require(requests.count == 2)
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer xoxb-1111-2222-abcdef" })
        let opening = try Self.json(requests[0])
        #expect(opening["channel"] as? String == "#news")
        #expect(opening["thread_ts"] == nil)
        let reply = try Self.json(requests[1])
        #expect(reply["thread_ts"] as? String == "1700000000.000100")
        #expect(reply["channel"] as? String == "C1")
        #expect(reply["reply_broadcast"] as? Bool == false)
        #expect((reply["text"] as? String)?.contains("Also reported by 2 outlets") == true)
        #expect(
            try await herald.store.remoteMessage(alertID: first.id, sink: "chat")
                == RemoteMessage(id: "1700000000.000100", channel: "C1"))
        await herald.shutdown()
    }

    @Test("Slack Web API: a thread Slack no longer knows gets a message of its own; ok:false is a failure")
    func slackThreadGone() async throws {
        let workspace = try Workspace()
        let receiver = try ScriptedReceiver([
            .respond(status: 200, body: #"{"ok":true,"channel":"C1","ts":"1700000000.000100"}"#),
            .respond(status: 200, body: #"{"ok":false,"error":"thread_not_found"}"#),
            .respond(status: 200, body: #"{"ok":true,"channel":"C1","ts":"1700000000.000300"}"#),
        ])
        defer { receiver.stop() }
        let (herald, sink, _, _) = try await Self.setUp(
            "slack://xoxb-1111-2222-abcdef/C0ABCDEFGH", receiver: receiver, path: "/api/chat.postMessage",
            workspace: workspace)
        let report = await herald.runLane(sink, now: Date.init)
        #expect(report.delivered == 2)
        let requests = receiver.requests
        try #require(requests.count == 3)
        #expect(try Self.json(requests[1])["thread_ts"] as? String == "1700000000.000100")
        let alone = try Self.json(requests[2])
        #expect(alone["thread_ts"] == nil)
        #expect(alone["channel"] as? String == "C0ABCDEFGH")

        // Any other ok:false is classified by its name: a revoked token switches the sink off.
        receiver.setScript([.respond(status: 200, body: #"{"ok":false,"error":"token_revoked"}"#)])
        _ = try await seedAlerts(1, in: herald.store, sinks: ["chat"], first: 50)
        let refused = await herald.runLane(sink, now: Date.init)
        #expect(refused.disabled == ["chat"])
        await herald.shutdown()
    }

    @Test("Discord: the update edits the first alert's message (PATCH …/messages/ID) with the outlet count")
    func discordEdit() async throws {
        let workspace = try Workspace()
        let receiver = try ScriptedReceiver([
            .respond(status: 200, body: #"{"id":"\#(Self.discordID)","channel_id":"42","content":"…"}"#),
            .respond(status: 200, body: #"{"id":"\#(Self.discordID)","channel_id":"42","content":"…"}"#),
        ])
        defer { receiver.stop() }
        let (herald, sink, first, update) = try await Self.setUp(
            "discord://1/tok", receiver: receiver, path: "/api/webhooks/1/tok?wait=true", workspace: workspace)
        let report = await herald.runLane(sink, now: Date.init)
        #expect(report.delivered == 2)
        let requests = receiver.requests
        try #require(requests.count == 2)
        #expect(requests[0].method == "POST")
        #expect(requests[0].path == "/api/webhooks/1/tok?wait=true")
        #expect(requests[1].method == "PATCH")
        #expect(requests[1].path == "/api/webhooks/1/tok/messages/\(Self.discordID)")
        #expect(requests[1].header("webhook-id") == update.id)
        let edit = try Self.json(requests[1])
        let content = try #require(edit["content"] as? String)
        #expect(content.hasPrefix("**\(first.title)**"))
        #expect(content.contains("Also reported by 2 outlets: سانا, Gulf Daily"))
        #expect((edit["allowed_mentions"] as? [String: Any])?["parse"] as? [String] == [])
        await herald.shutdown()
    }

    @Test("no message id for the first alert (a webhook without ?wait=true): the update is a message of its own")
    func fallbackWithoutID() async throws {
        let workspace = try Workspace()
        let receiver = try ScriptedReceiver([.respond(status: 204)])
        defer { receiver.stop() }
        let (herald, sink, first, _) = try await Self.setUp(
            "discord://1/tok", receiver: receiver, path: "/api/webhooks/1/tok", workspace: workspace)
        let report = await herald.runLane(sink, now: Date.init)
        #expect(report.delivered == 2)
        let requests = receiver.requests
        try #require(requests.count == 2)
        #expect(requests.map(\.method) == ["POST", "POST"])
        #expect(requests[1].path == "/api/webhooks/1/tok")
        let content = try #require(try Self.json(requests[1])["content"] as? String)
        #expect(content.hasPrefix("**Also reported by 2 outlets: سانا, Gulf Daily"))
        #expect(try await herald.store.remoteMessage(alertID: first.id, sink: "chat") == nil)
        await herald.shutdown()
    }

    @Test("Discord: a 404 on the edit (the message was deleted) sends a message of its own; the sink stays on")
    func deletedOriginal() async throws {
        let workspace = try Workspace()
        let receiver = try ScriptedReceiver([
            .respond(status: 200, body: #"{"id":"\#(Self.discordID)"}"#),
            .respond(status: 404, body: #"{"message":"Unknown Message","code":10008}"#),
            .respond(status: 200, body: #"{"id":"99"}"#),
        ])
        defer { receiver.stop() }
        let (herald, sink, _, update) = try await Self.setUp(
            "discord://1/tok", receiver: receiver, path: "/api/webhooks/1/tok?wait=true", workspace: workspace,
            later: .followUp)
        let report = await herald.runLane(sink, now: Date.init)
        #expect(report.delivered == 2)
        #expect(report.disabled.isEmpty)
        #expect(receiver.requests.map(\.method) == ["POST", "PATCH", "POST"])
        #expect(try await herald.store.backlog().allSatisfy { $0.disabledAt == nil })
        #expect(try await herald.store.remoteMessage(alertID: update.id, sink: "chat") == RemoteMessage(id: "99"))
        await herald.shutdown()
    }

    @Test("Discord: when the webhook itself is gone, the fallback's own 404 disables the sink as before")
    func goneWebhook() async throws {
        let workspace = try Workspace()
        let receiver = try ScriptedReceiver([
            .respond(status: 200, body: #"{"id":"\#(Self.discordID)"}"#),
            .respond(status: 404, body: #"{"message":"Unknown Webhook","code":10015}"#),
        ])
        defer { receiver.stop() }
        let (herald, sink, _, _) = try await Self.setUp(
            "discord://1/tok", receiver: receiver, path: "/api/webhooks/1/tok?wait=true", workspace: workspace)
        let report = await herald.runLane(sink, now: Date.init)
        #expect(report.delivered == 1)
        #expect(report.disabled == ["chat"])
        #expect(receiver.requests.map(\.method) == ["POST", "PATCH", "POST"])
        #expect(try await herald.store.backlog().first { $0.sink == "chat" }?.pending == 1)
        await herald.shutdown()
    }

    @Test("Telegram: the update replies to the first alert's message")
    func telegramReply() async throws {
        let workspace = try Workspace()
        let receiver = try ScriptedReceiver([
            .respond(status: 200, body: #"{"ok":true,"result":{"message_id":77,"chat":{"id":-1001234567890}}}"#),
            .respond(status: 200, body: #"{"ok":true,"result":{"message_id":78,"chat":{"id":-1001234567890}}}"#),
        ])
        defer { receiver.stop() }
        let (herald, sink, _, _) = try await Self.setUp(
            "tgram://123456:ABC-DEF/-1001234567890", receiver: receiver, path: "/bot123456:ABC-DEF/sendMessage",
            workspace: workspace)
        let report = await herald.runLane(sink, now: Date.init)
        #expect(report.delivered == 2)
        let requests = receiver.requests
        try #require(requests.count == 2)
        #expect(try Self.json(requests[0])["reply_parameters"] == nil)
        let reply = try #require(try Self.json(requests[1])["reply_parameters"] as? [String: Any])
        #expect(reply["message_id"] as? Int == 77)
        #expect(reply["allow_sending_without_reply"] as? Bool == true)
        await herald.shutdown()
    }
}

import Foundation
import HeraldCore
import HeraldTestSupport
import Synchronization
import Testing

@testable import HeraldDaemon

/// Digest mode: alerts gathered over a window go out as one message.
@Suite("Digest mode")
struct DigestTests {
    @Test("alerts wait for the window to close, then go as one POST; Herald JSON lists them all")
    func jsonDigest() async throws {
        let receiver = try ScriptedReceiver([.respond(status: 204)])
        let workspace = try Workspace()
        var sink = SinkConfig.hook("hook", receiver.url().absoluteString)
        sink.digest = .seconds(600)
        let herald = try deliveryHerald([sink], workspace: workspace)
        let start = Date(timeIntervalSince1970: 1_768_000_000)
        let clock = Mutex(start)
        let now: @Sendable () -> Date = { clock.withLock { $0 } }
        let alerts = try await seedAlerts(3, in: herald.store, sinks: ["hook"], at: start)

        clock.withLock { $0 = start.addingTimeInterval(60) }
        #expect(await herald.deliver(now: now).delivered == 0)
        #expect(receiver.requests.isEmpty)
        // The lane sleeps until the window closes, not before.
        #expect(try await herald.store.nextDeliveryDue(sink: "hook") == start.addingTimeInterval(600))

        let more = try await seedAlerts(
            1, in: herald.store, sinks: ["hook"], first: 4, at: start.addingTimeInterval(120))
        clock.withLock { $0 = start.addingTimeInterval(600) }
        #expect(await herald.deliver(now: now).delivered == 4)
        #expect(receiver.requests.count == 1)
        let body = try #require(try JSONSerialization.jsonObject(with: receiver.requests[0].body) as? [String: Any])
        #expect(body["kind"] as? String == "digest")
        #expect(body["count"] as? Int == 4)
        let listed = (body["alerts"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(listed == (alerts + more).map(\.id))
        #expect(receiver.requests[0].header("webhook-id") == body["id"] as? String)
        await herald.shutdown()
    }

    @Test("a chat target gets one message listing every title, inside its limit")
    func slackDigest() throws {
        let target = try WebhookTarget.parse("slack://T1/B2/XXXXXXXX")
        let alerts = (1...400).map { index in
            Alert(
                id: "a\(index)", rule: "talks", feed: "wire", title: "Talks <item> \(index)",
                link: "https://wire.example.org/\(index)")
        }
        let body = try JSONSerialization.jsonObject(with: target.digestPayload(for: alerts).body) as? [String: Any]
        let text = try #require(body?["text"] as? String)
        #expect(text.hasPrefix("*400 alerts*"))
        #expect(text.contains("• Talks &lt;item&gt; 1 — https://wire.example.org/1\n"))
        #expect(text.utf16.count <= 3_000)
        #expect(text.hasSuffix("…"))
    }

    @Test("digest is a webhook key")
    func configKey() throws {
        let yaml = """
            feeds: []
            rules: []
            sinks:
              - name: chat
                type: webhook
                url: https://hooks.slack.com/services/T1/B2/XXXXXXXX
                digest: 10m
              - name: file
                type: file
                path: a.jsonl
                digest: 10m
            """
        do {
            _ = try ConfigLoader.parse(yaml, file: "/tmp/herald.yaml")
            Issue.record("a file sink with digest was accepted")
        } catch {
            #expect(error.description.contains("sinks[1].digest"))
        }
        let valid = try ConfigLoader.parse(
            yaml.components(separatedBy: "  - name: file")[0], file: "/tmp/herald.yaml")
        #expect(valid.sinks.first?.digest == .seconds(600))
    }
}

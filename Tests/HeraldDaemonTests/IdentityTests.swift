import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

/// Judging every item exactly once: churn, edits, first polls, catch-up — through the whole pipeline.
@Suite("Item identity end to end")
struct IdentityTests {
    /// A feed server whose document a test can replace.
    final class Publisher: Sendable {
        let document: Locked<String>
        let server: TestHTTPServer

        init(_ text: String) throws {
            let document = Locked(text)
            self.document = document
            server = try TestHTTPServer { _ in .init(text: document.value) }
        }

        func publish(_ text: String) { document.value = text }
    }

    static func rss(_ items: [(guid: String, link: String, title: String, date: String)]) -> String {
        let body = items.map { item in
            """
            <item><guid>\(item.guid)</guid><link>\(item.link)</link><title>\(item.title)</title>
            <description>Talks between Syria and Israel in Paris: \(item.title).</description>
            <pubDate>\(item.date)</pubDate></item>
            """
        }.joined(separator: "\n")
        return "<rss version=\"2.0\"><channel><title>T</title>\(body)</channel></rss>"
    }

    static let jan6 = "Tue, 06 Jan 2026 10:00:00 GMT"

    func build(
        _ url: URL, workspace: Workspace, firstPollWindow: Duration? = nil, alertOnEdit: Bool = false,
        unhealthyAfter: Int = 5
    ) throws -> Herald {
        try buildHerald(
            config: HeraldConfig(
                file: workspace.path("h.yaml"),
                feeds: [
                    FeedConfig(
                        name: "wire", url: url, firstPollWindow: firstPollWindow, unhealthyAfter: unhealthyAfter,
                        allowPrivateNetwork: true)
                ],
                // Every item its own alert: these tests count judgements, not stories.
                rules: [
                    RuleConfig(
                        name: "talks", query: "Syria Israel", alertOnEdit: alertOnEdit,
                        story: StoryPolicy(followUps: .each))
                ],
                sinks: [SinkConfig(name: "archive", kind: .file(path: workspace.path("a.jsonl")))]),
            options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
    }

    @Test("a publisher that changes every guid and link (same text) raises no new alerts")
    func guidChurn() async throws {
        let items = (1...4).map {
            (guid: "g\($0)", link: "https://w.example/\($0)", title: "Story \($0)", date: Self.jan6)
        }
        let publisher = try Publisher(Self.rss(items))
        let workspace = try Workspace()
        let herald = try build(publisher.server.url("/rss"), workspace: workspace)
        #expect(await herald.poll().alerts.count == 4)
        publisher.publish(
            Self.rss(items.map { (guid: "v2-" + $0.guid, link: $0.link + "?v=2", title: $0.title, date: $0.date) }))
        let churned = await herald.poll()
        #expect(churned.newItems == 0)
        #expect(churned.alerts.isEmpty)
        // The new keys were learnt: even the old text with the new ids is known next time.
        #expect(await herald.poll().alerts.isEmpty)
        await herald.shutdown()
    }

    @Test("an edited item is recorded; it alerts again only for rules with alert_on_edit", arguments: [false, true])
    func edits(alertOnEdit: Bool) async throws {
        let original = [(guid: "g1", link: "https://w.example/1", title: "Syria and Israel meet", date: Self.jan6)]
        let publisher = try Publisher(Self.rss(original))
        let workspace = try Workspace()
        let herald = try build(publisher.server.url("/rss"), workspace: workspace, alertOnEdit: alertOnEdit)
        let first = await herald.poll()
        #expect(first.alerts.count == 1)
        // Only whitespace and punctuation differ: not an edit.
        publisher.publish(
            Self.rss([(guid: "g1", link: "https://w.example/1", title: "Syria and Israel  meet!", date: Self.jan6)]))
        #expect(await herald.poll().alerts.isEmpty)
        publisher.publish(
            Self.rss([
                (
                    guid: "g1", link: "https://w.example/1", title: "Syria and Israel meet again in Paris",
                    date: Self.jan6
                )
            ]))
        let edited = await herald.poll()
        #expect(edited.newItems == 0)
        #expect(edited.alerts.map(\.kind) == (alertOnEdit ? [.edit] : []))
        if alertOnEdit {
            #expect(edited.alerts.first?.id != first.alerts.first?.id)
            #expect(edited.alerts.first?.title == "Syria and Israel meet again in Paris")
        }
        await herald.shutdown()
    }

    @Test("a first poll alerts only for items inside the window; later polls alert for every new item")
    func firstPollWindow() async throws {
        let now = Date(timeIntervalSince1970: 1_767_700_000)  // 2026-01-06 11:46:40 UTC
        let items = [
            (guid: "fresh", link: "https://w.example/fresh", title: "Fresh", date: "Tue, 06 Jan 2026 09:00:00 GMT"),
            (guid: "old", link: "https://w.example/old", title: "Old", date: "Thu, 01 Jan 2026 09:00:00 GMT"),
        ]
        let publisher = try Publisher(Self.rss(items))
        let workspace = try Workspace()
        let herald = try build(publisher.server.url("/rss"), workspace: workspace, firstPollWindow: .seconds(24 * 3600))
        let first = await herald.poll(now: { now })
        #expect(first.newItems == 2)
        #expect(first.alerts.map(\.title) == ["Fresh"])
        publisher.publish(
            Self.rss(
                items + [
                    (guid: "late", link: "https://w.example/late", title: "Late", date: "Wed, 31 Dec 2025 09:00:00 GMT")
                ]))
        let second = await herald.poll(now: { now })
        #expect(second.alerts.map(\.title) == ["Late"])
        await herald.shutdown()
    }

    /// On a first poll only the items inside the window are looked up before judging; the
    /// write classifies every item again. The same article reached through a second feed must not
    /// alert again there, fresh or old.
    @Test("a feed's first poll does not alert again for an article another feed already brought, fresh or old")
    func firstPollOfASecondFeed() async throws {
        let now = Date(timeIntervalSince1970: 1_767_700_000)  // 2026-01-06 11:46:40 UTC
        let fresh = (
            guid: "w-1", link: "https://w.example/talks", title: "Talks", date: "Tue, 06 Jan 2026 09:00:00 GMT"
        )
        let old = (
            guid: "w-0", link: "https://w.example/old", title: "Old talks", date: "Thu, 01 Jan 2026 09:00:00 GMT"
        )
        let wire = try Publisher(Self.rss([fresh, old]))
        // The mirror republishes both under guids of its own, and adds one fresh article.
        let mirror = try Publisher(
            Self.rss([
                (guid: "m-1", link: fresh.link, title: fresh.title, date: fresh.date),
                (guid: "m-0", link: old.link, title: old.title, date: old.date),
                (guid: "m-2", link: "https://m.example/own", title: "Own talks", date: fresh.date),
            ]))
        let workspace = try Workspace()
        let feeds = [("wire", wire), ("mirror", mirror)].map { name, publisher in
            FeedConfig(
                name: name, url: publisher.server.url("/rss"), firstPollWindow: .seconds(24 * 3600),
                allowPrivateNetwork: true)
        }
        let herald = try buildHerald(
            config: HeraldConfig(
                file: workspace.path("h.yaml"), feeds: feeds,
                rules: [RuleConfig(name: "talks", query: "Syria Israel", story: StoryPolicy(followUps: .each))],
                sinks: [SinkConfig(name: "archive", kind: .file(path: workspace.path("a.jsonl")))]),
            options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
        let first = await herald.poll(feeds: ["wire"], now: { now })
        #expect(first.alerts.map(\.title) == ["Talks"])
        let second = await herald.poll(feeds: ["mirror"], now: { now })
        #expect(second.alerts.map(\.title) == ["Own talks"])
        #expect(second.newItems == 1)
        let third = await herald.poll(now: { now })
        #expect(third.alerts.isEmpty)
        #expect(third.newItems == 0)
        await herald.shutdown()
    }

    @Test("--catch-up records everything and alerts for nothing")
    func catchUp() async throws {
        let items = [(guid: "a", link: "https://w.example/a", title: "A", date: Self.jan6)]
        let publisher = try Publisher(Self.rss(items))
        let workspace = try Workspace()
        let herald = try build(publisher.server.url("/rss"), workspace: workspace)
        let caught = await herald.poll(options: PollOptions(catchUp: true))
        #expect(caught.newItems == 1)
        #expect(caught.alerts.isEmpty)
        #expect(await herald.poll().alerts.isEmpty)
        await herald.shutdown()
    }
}

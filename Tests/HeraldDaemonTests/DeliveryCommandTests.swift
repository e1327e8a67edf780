import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

/// `herald deliveries` and `herald dlq` as a user runs them, on a real state file.
@Suite("herald deliveries and dlq", .serialized)
struct DeliveryCommandTests {
    @Test("dead letters are listed, retried with their ids, and a disabled sink is shown and enabled again")
    func commands() async throws {
        let feed = try TestHTTPServer { _ in .init(text: Fixtures.rss()) }
        let refusing = try ScriptedReceiver([.respond(status: 422, body: "unknown field")])
        let gone = try ScriptedReceiver([.respond(status: 410, body: "gone")])
        let workspace = try Workspace()
        try """
        feeds:
          - name: wire
            url: \(feed.url("/rss").absoluteString)
            first_poll_window: all
            allow_private_network: true
        rules:
          - name: paris-talks
            query: '\(Fixtures.talksQuery)'
        sinks:
          - name: picky
            type: webhook
            url: \(refusing.url().absoluteString)
          - name: gone
            type: webhook
            url: \(gone.url().absoluteString)
        """.write(toFile: workspace.path("herald.yaml"), atomically: true, encoding: .utf8)
        let secrets = SecretsTests()
        let (pollStatus, _) = try secrets.run(["poll"], environment: [:], workspace: workspace)
        #expect(pollStatus == 1)

        let (_, table) = try secrets.run(["deliveries"], environment: [:], workspace: workspace)
        let rows = table.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.first?.prefix(5) == ["SINK", "STATE", "PENDING", "FAILING", "DEAD"])
        #expect(rows.first { $0.first == "picky" }?.prefix(5) == ["picky", "on", "0", "0", "2"])
        #expect(rows.first { $0.first == "gone" }?.prefix(3) == ["gone", "disabled", "2"])

        let (_, list) = try secrets.run(["dlq", "list", "--json"], environment: [:], workspace: workspace)
        let letters = try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]] ?? []
        #expect(letters.count == 2)
        #expect(
            letters.allSatisfy {
                $0["last_status"] as? Int == 422 && $0["response_excerpt"] as? String == "unknown field"
            })
        let ids = letters.compactMap { $0["alert_id"] as? String }

        refusing.setScript([.respond(status: 200)])
        let (_, retried) = try secrets.run(["dlq", "retry", "--sink", "picky"], environment: [:], workspace: workspace)
        #expect(retried.contains("2 dead letters queued again"))
        gone.setScript([.respond(status: 200)])
        let (_, enabled) = try secrets.run(["deliveries", "enable", "gone"], environment: [:], workspace: workspace)
        #expect(enabled.contains("sink gone enabled"))
        let (again, _) = try secrets.run(["poll"], environment: [:], workspace: workspace)
        #expect(again == 0)
        #expect(Array(refusing.requests.suffix(2).map { $0.header("webhook-id") ?? "" }) == ids)
        #expect(gone.requests.count == 3)  // one 410, then both alerts
        let (_, empty) = try secrets.run(["dlq", "list"], environment: [:], workspace: workspace)
        #expect(empty.contains("no dead letters"))
    }
}

import Foundation
import HeraldCore
import HeraldStore
import Testing

@testable import HeraldDaemon

/// The file sink across a crash: no double append, no torn line, and rotation picked up.
@Suite("File sink")
struct FileSinkTests {
    @Test("after a crash, an alert already at the file's tail is not appended again and a torn line is cut")
    func reconcileAfterCrash() async throws {
        let workspace = try Workspace()
        let path = workspace.path("alerts.jsonl")
        let sinks = [SinkConfig(name: "archive", kind: .file(path: path))]
        let first = try deliveryHerald(sinks, workspace: workspace)
        let delivered = try await seedAlerts(1, in: first.store, sinks: ["archive"])
        #expect(await first.deliver().delivered == 1)
        // The crash: B was written and synced but never marked delivered; C's write was cut short.
        let pending = try await seedAlerts(2, in: first.store, sinks: ["archive"], first: 2)
        await first.shutdown()
        let lineB = AlertRendering.jsonLine(pending[0]) + "\n"
        let lineC = AlertRendering.jsonLine(pending[1])
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((lineB + lineC.prefix(25)).utf8))
        try handle.close()

        let restarted = try deliveryHerald(sinks, workspace: workspace)
        let report = await restarted.deliver()
        #expect(report.delivered == 2)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        let ids = try workspace.alertLines("alerts.jsonl").map { $0["id"] as? String }
        #expect(ids == (delivered + pending).map(\.id))
        #expect(try await restarted.store.backlog().first?.pending ?? 0 == 0)
        await restarted.shutdown()
    }

    @Test("a rotated file is replaced by a new one at the next alert")
    func rotation() async throws {
        let workspace = try Workspace()
        let path = workspace.path("alerts.jsonl")
        let herald = try deliveryHerald([SinkConfig(name: "archive", kind: .file(path: path))], workspace: workspace)
        _ = try await seedAlerts(1, in: herald.store, sinks: ["archive"])
        _ = await herald.deliver()
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        let next = try await seedAlerts(1, in: herald.store, sinks: ["archive"], first: 2)
        _ = await herald.deliver()
        #expect(try workspace.alertLines("alerts.jsonl").map { $0["id"] as? String } == [next[0].id])
        #expect(try workspace.alertLines("alerts.jsonl.1").count == 1)
        await herald.shutdown()
    }
}

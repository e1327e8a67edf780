import Foundation
import GRDB
import HeraldCore
import Testing

@testable import HeraldStore

#if canImport(Glibc)
    import Glibc
#endif

/// The state file on a real, tiny filesystem (a 2 MiB tmpfs) that fills up: writes fail with a
/// clear error, nothing is marked delivered that was not, the database stays intact, and everything
/// works again once space returns. Mounting needs root, as CI has.
@Suite("State file on a full disk", .serialized, .enabled(if: getuid() == 0, "mounting a tmpfs needs root"))
struct DiskFullTests {
    /// A tmpfs mounted for one test, unmounted after.
    final class TinyFilesystem {
        let path: String

        init(bytes: Int) throws {
            path =
                FileManager.default.temporaryDirectory.appendingPathComponent("herald-tiny-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            let mounted = mount("tmpfs", path, "tmpfs", 0, "size=\(bytes)")
            guard mounted == 0 else { throw POSIXError(.init(rawValue: errno) ?? .EPERM) }
        }

        deinit {
            umount(path)
            try? FileManager.default.removeItem(atPath: path)
        }

        /// Writes a filler file until the filesystem refuses more; returns its path.
        func fill() -> String {
            let filler = path + "/filler"
            let fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            defer { close(fd) }
            let block = [UInt8](repeating: 0x55, count: 4096)
            while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
            return filler
        }
    }

    static func items(_ range: ClosedRange<Int>, padding: Int = 0) -> [JudgedItem] {
        range.map { judged("g\($0)", title: "talks \($0)" + String(repeating: "x", count: padding), rule: "talks") }
    }

    @Test("writes fail clearly while full; no false 'delivered'; intact; recovers when space returns")
    func fullDisk() async throws {
        let disk = try TinyFilesystem(bytes: 2 << 20)
        let store = try HeraldStore(path: disk.path + "/herald.sqlite")
        _ = try await store.record(
            FetchRecord(feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0, items: Self.items(1...5)))
        let claimed = try await store.claim(sink: "console", owner: "test", now: t0)
        #expect(claimed.count == 5)

        let filler = disk.fill()
        // New items no longer fit: the write fails with a clear error and records nothing.
        var failure: StoreError?
        for batch in 0..<50 where failure == nil {
            do {
                _ = try await store.record(
                    FetchRecord(
                        feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0,
                        items: Self.items((100 + batch * 20)...(119 + batch * 20), padding: 2000)))
            } catch {
                failure = error
            }
        }
        let error = try #require(failure, "the full disk never refused a write")
        #expect(error.description.contains("full"), "\(error)")

        // A delivery confirmed while the disk is full is either recorded or fails; it is never
        // lost, and a failed confirmation leaves the alert pending (sent again: at-least-once).
        var confirmed = 0
        for entry in claimed {
            if (try? await store.markDelivered(entry, at: t0 + 1)) != nil { confirmed += 1 }
        }
        // Releasing the leases may fail too; an unreleased lease just runs out.
        try? await store.releaseLeases(owner: "test")
        let pendingWhileFull = try await store.backlog().first { $0.sink == "console" }?.pending ?? 0
        #expect(pendingWhileFull + confirmed >= 5)

        // Space returns: everything works again and the file is intact.
        try FileManager.default.removeItem(atPath: filler)
        let again = try await store.claim(sink: "console", owner: "test", now: t0 + 3600)
        #expect(again.count == 5 - confirmed)
        for entry in again { try await store.markDelivered(entry, at: t0 + 3600) }
        let after = try await store.record(
            FetchRecord(feed: "wire", etag: nil, lastModified: nil, at: t0, nextDue: t0, items: Self.items(900...902)))
        #expect(after.newItems == 3)
        #expect(try await store.backlog().first { $0.sink == "console" }?.pending == 3)
        let check = try await store.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(check == ["ok"])
        // Nothing that failed to commit half-exists: every item has its keys.
        let orphans = try await store.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM item WHERE NOT EXISTS (SELECT 1 FROM seen_key WHERE item_id = item.id)")
        }
        #expect(orphans == 0)
    }
}

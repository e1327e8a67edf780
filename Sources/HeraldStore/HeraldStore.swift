import Foundation
import GRDB
import HeraldCore

/// Herald's memory: one SQLite file in WAL mode, shared safely by a daemon and one-shot polls.
///
/// Every public method is `async` and runs on GRDB's own queues, never blocking Swift's cooperative
/// pool. GRDB types stay inside this module.
public final class HeraldStore: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the state file at `path` and brings its schema up to date.
    public init(path: String) throws(StoreError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError("cannot create the state folder \(folder): \(error.localizedDescription)")
            }
        }
        var configuration = Configuration()
        // A one-shot poll next to the daemon waits for the other writer instead of failing.
        configuration.busyMode = .timeout(30)
        configuration.foreignKeysEnabled = true
        configuration.label = "herald"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // GRDB sets synchronous=NORMAL with WAL, which can lose the last commits on power loss;
            // an outbox row marked "delivered" must stay so. Only the writer commits, and GRDB
            // keeps one writer connection, so setting it once here covers every write.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            try Schema.migrator.migrate(pool)
        } catch {
            throw StoreError("cannot open the state file \(path): \(error)")
        }
    }

    /// Runs `body` in one write transaction on GRDB's writer queue.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.write(body)
        } catch {
            throw StoreError("state file \(path): \(error)")
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw StoreError("state file \(path): \(error)")
        }
    }
}

/// A state-file failure, with the file named.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}

extension Date {
    var unix: Double { timeIntervalSince1970 }
    init(unix: Double) { self.init(timeIntervalSince1970: unix) }
}

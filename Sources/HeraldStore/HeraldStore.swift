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
    let commits: GroupCommit

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
        // Each write runs in a savepoint (`GroupCommit`), and SQLite keeps what a savepoint would
        // roll back in a temporary file: on a cold poll of 1,000 feeds that was 108 MB of writes
        // beside the 160 MB of WAL and database. In memory it is at most the pages one feed's
        // write touches.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA temp_store = MEMORY") }
        do {
            // Opening runs under an exclusive `flock` on `PATH.lock`, held only until the schema is
            // up to date, for two races between processes that start together (the daemon and
            // one-shot polls):
            // - two connections that both find a new file in rollback mode and both switch it to
            //   WAL deadlock on SQLite's locks, and SQLite refuses one at once, whatever the busy
            //   timeout ("database is locked" while executing `PRAGMA journal_mode = WAL`);
            // - GRDB's migrator reads which migrations ran before it takes the write lock, so two
            //   processes could both run one.
            // Once open, nothing holds the lock: a poll waits for another one's open, a few
            // milliseconds, and never for the daemon.
            let lock = try OpenLock(path + ".lock")
            defer { lock.release() }
            pool = try DatabasePool(path: path, configuration: configuration)
            commits = GroupCommit(pool: pool)
            // GRDB sets synchronous=NORMAL with WAL, which can lose the last commits on power loss;
            // an outbox row marked "delivered" must stay so. Only the writer commits, and GRDB
            // keeps one writer connection: FULL from here on, except for the transactions that
            // `GroupCommit` commits relaxed. Group commit keeps that to a few fsyncs per poll.
            try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
            if try !pool.read({ try Schema.migrator.hasCompletedMigrations($0) }) {
                try Schema.migrator.migrate(pool)
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("cannot open the state file \(path): \(error)")
        }
    }

    /// Runs `body` atomically on GRDB's writer queue: in its own savepoint of a transaction it may
    /// share with writes that arrived at the same time (see `GroupCommit`).
    func write<T: Sendable>(
        durable: Bool = true, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws(StoreError) -> T {
        do {
            return try await commits.write(durable: durable, body)
        } catch {
            throw failure(error)
        }
    }

    /// Runs `bodies` in one transaction, each in a savepoint of its own (`GroupCommit.writeEach`):
    /// a body that throws is rolled back alone and gets its own error.
    func writeEach<T: Sendable>(
        durable: Bool = true, _ bodies: [@Sendable (Database) throws -> T]
    ) async throws(StoreError) -> [Result<T, StoreError>] {
        do {
            return try await commits.writeEach(durable: durable, bodies).map { $0.mapError(failure) }
        } catch {
            throw failure(error)
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw failure(error)
        }
    }

    /// An error of the state file, saying which.
    private func failure(_ error: any Error) -> StoreError { StoreError("state file \(path): \(error)") }

    /// Gives back SQLite's page caches: the writer's cache is emptied and the idle reader
    /// connections close (reads open them again). The daemon calls it after each poll: the caches
    /// fill to ~2 MB per connection on a state file of a few thousand feeds, and hold it between
    /// polls for reads that the next poll makes again anyway.
    public func releaseMemory() async {
        let pool = self.pool
        // GRDB waits for the writer's and readers' current work: on a dispatch thread, not on the
        // cooperative pool.
        await withCheckedContinuation { (released: CheckedContinuation<Void, Never>) in
            DispatchQueue.global(qos: .utility).async {
                pool.releaseMemory()
                released.resume()
            }
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

/// An exclusive `flock` on a lock file beside the state file, held while a process opens it.
private struct OpenLock {
    let descriptor: Int32

    init(_ path: String) throws(StoreError) {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError("cannot create the lock file \(path): \(String(cString: strerror(errno)))")
        }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                throw StoreError("cannot lock \(path): \(reason)")
            }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

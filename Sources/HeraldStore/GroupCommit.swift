import GRDB
import Synchronization

/// Group commit: write jobs that arrive while a transaction is being committed wait for it, then
/// all go in the next transaction together, each in its own savepoint. A quiet process commits
/// every job at once, as before; a poll of a thousand feeds pays a few fsyncs instead of a
/// thousand, whatever `synchronous` says.
///
/// A job that throws rolls back only its savepoint and gets its own error; a transaction that
/// fails to commit fails every job in it (none of them took effect).
///
/// A job is durable unless its writer says otherwise: its transaction commits with
/// `synchronous=FULL`, on disk when the job returns. A transaction of only relaxed jobs commits
/// with `synchronous=NORMAL`: safe from a crash of the process, and on disk with the next durable
/// commit or checkpoint (WAL frames are synced in order, so a durable commit carries every relaxed
/// one before it); a power loss in between can lose it. Herald marks relaxed only what the next
/// poll redoes unchanged (see `FetchRecord.isRelaxed`).
final class GroupCommit: Sendable {
    private let pool: DatabasePool
    private let state = Mutex(State())

    private struct State {
        var queue: [any GroupCommitJob] = []
        var flushing = false
        /// Whether the writer connection commits with `synchronous=FULL` (nil: not known, after a
        /// failed flush). Only `flush` changes it, and one flush runs at a time.
        var synchronousFull: Bool? = true
    }

    init(pool: DatabasePool) {
        self.pool = pool
    }

    func write<T: Sendable>(
        durable: Bool = true, _ body: @escaping @Sendable (Database) throws -> T
    ) async throws -> T {
        guard let outcome = try await writeEach(durable: durable, [body]).first else {
            throw DatabaseError(message: "write did not run")
        }
        return try outcome.get()
    }

    /// Runs `bodies` one after another in the next transaction, each in a savepoint of its own,
    /// as if each had been written on its own at the same moment; a body that throws is rolled
    /// back alone and gets its own error. Their savepoints are not nested in another: SQLite keeps
    /// the pages an open savepoint would restore in memory (`temp_store`), and one around a whole
    /// batch of fetches held ~40 MB of a cold poll that judged every item.
    func writeEach<T: Sendable>(
        durable: Bool = true, _ bodies: [@Sendable (Database) throws -> T]
    ) async throws -> [Result<T, any Error>] {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(Job(bodies: bodies, durable: durable, continuation: continuation))
        }
    }

    /// Queues `job` for the next transaction, and starts flushing unless a flush is running.
    private func enqueue(_ job: any GroupCommitJob) {
        let startFlushing = state.withLock { state -> Bool in
            state.queue.append(job)
            guard !state.flushing else { return false }
            state.flushing = true
            return true
        }
        if startFlushing { Task { await self.flush() } }
    }

    /// How many jobs wait for the next transaction (for tests).
    var queued: Int { state.withLock { $0.queue.count } }

    /// Commits what is queued, then what queued up meanwhile, until the queue is empty.
    private func flush() async {
        while true {
            let jobs = state.withLock { state -> [any GroupCommitJob] in
                defer { state.queue = [] }
                if state.queue.isEmpty { state.flushing = false }
                return state.queue
            }
            if jobs.isEmpty { return }
            let full = jobs.contains { $0.durable }
            let change = state.withLock { $0.synchronousFull != full }
            do {
                try await pool.writeWithoutTransaction { db in
                    if change {
                        try db.execute(sql: full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
                    }
                    try db.inTransaction {
                        for job in jobs { job.run(in: db) }
                        return .commit
                    }
                }
                state.withLock { $0.synchronousFull = full }
                for job in jobs { job.complete() }
            } catch {
                state.withLock { $0.synchronousFull = nil }
                for job in jobs { job.fail(error) }
            }
        }
    }
}

private protocol GroupCommitJob: Sendable {
    var durable: Bool { get }
    func run(in db: Database)
    func complete()
    func fail(_ error: any Error)
}

/// Writes queued together (one for `write`): each runs in its own savepoint, at the transaction's
/// top level, and is kept or rolled back alone.
private final class Job<T: Sendable>: GroupCommitJob {
    let bodies: [@Sendable (Database) throws -> T]
    let durable: Bool
    let continuation: CheckedContinuation<[Result<T, any Error>], any Error>
    let results = Mutex<[Result<T, any Error>]>([])

    init(
        bodies: [@Sendable (Database) throws -> T], durable: Bool,
        continuation: CheckedContinuation<[Result<T, any Error>], any Error>
    ) {
        self.bodies = bodies
        self.durable = durable
        self.continuation = continuation
    }

    func run(in db: Database) {
        let outcomes = bodies.map { body -> Result<T, any Error> in
            do {
                var value: T?
                try db.inSavepoint {
                    value = try body(db)
                    return .commit
                }
                return .success(value!)
            } catch {
                return .failure(error)
            }
        }
        results.withLock { $0 = outcomes }
    }

    func complete() {
        continuation.resume(returning: results.withLock { $0 })
    }

    func fail(_ error: any Error) {
        continuation.resume(throwing: error)
    }
}

import GRDB
import Synchronization

/// Group commit: write jobs that arrive while a transaction is being committed wait for it, then
/// all go in the next transaction together, each in its own savepoint. A quiet process commits
/// every job at once, as before; a poll of a thousand feeds pays a few fsyncs instead of a
/// thousand, whatever `synchronous` says.
///
/// A job that throws rolls back only its savepoint and gets its own error; a transaction that
/// fails to commit fails every job in it (none of them took effect).
final class GroupCommit: Sendable {
    private let pool: DatabasePool
    private let state = Mutex(State())

    private struct State {
        var queue: [any GroupCommitJob] = []
        var flushing = false
    }

    init(pool: DatabasePool) {
        self.pool = pool
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let job = Job(body: body, continuation: continuation)
            let startFlushing = state.withLock { state -> Bool in
                state.queue.append(job)
                guard !state.flushing else { return false }
                state.flushing = true
                return true
            }
            if startFlushing { Task { await self.flush() } }
        }
    }

    /// Commits what is queued, then what queued up meanwhile, until the queue is empty.
    private func flush() async {
        while true {
            let jobs = state.withLock { state -> [any GroupCommitJob] in
                defer { state.queue = [] }
                if state.queue.isEmpty { state.flushing = false }
                return state.queue
            }
            if jobs.isEmpty { return }
            do {
                try await pool.write { db in
                    for job in jobs { job.run(in: db) }
                }
                for job in jobs { job.complete() }
            } catch {
                for job in jobs { job.fail(error) }
            }
        }
    }
}

private protocol GroupCommitJob: Sendable {
    func run(in db: Database)
    func complete()
    func fail(_ error: any Error)
}

private final class Job<T: Sendable>: GroupCommitJob {
    let body: @Sendable (Database) throws -> T
    let continuation: CheckedContinuation<T, any Error>
    let result = Mutex<Result<T, any Error>?>(nil)

    init(body: @escaping @Sendable (Database) throws -> T, continuation: CheckedContinuation<T, any Error>) {
        self.body = body
        self.continuation = continuation
    }

    func run(in db: Database) {
        do {
            var value: T?
            try db.inSavepoint {
                value = try body(db)
                return .commit
            }
            let done = value!
            result.withLock { $0 = .success(done) }
        } catch {
            result.withLock { $0 = .failure(error) }
        }
    }

    func complete() {
        continuation.resume(with: result.withLock { $0 } ?? .failure(DatabaseError(message: "job did not run")))
    }

    func fail(_ error: any Error) {
        continuation.resume(throwing: error)
    }
}

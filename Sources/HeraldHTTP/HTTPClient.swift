import CCurl
import Foundation
import Synchronization

/// Herald's HTTP client: libcurl's multi interface, driven by one thread of its own.
///
/// Every transfer — feed fetches and webhook posts alike — runs on that thread, so no blocking call
/// ever sits on Swift's cooperative pool. The client enforces a global limit on concurrent transfers
/// and runs at most one transfer per host at a time; requests beyond either limit wait in FIFO order.
public final class HTTPClient: Sendable {
    /// Limits and identity for every transfer of this client.
    public struct Configuration: Sendable {
        /// Transfers in flight at once, across all hosts.
        public var maxConcurrentTransfers: Int
        /// Transfers in flight at once to one host (publishers ban aggressive pollers).
        public var maxTransfersPerHost: Int
        public var userAgent: String
        /// What "private network" means for requests that do not allow one. Production keeps
        /// `.standard`; tests exempt a loopback address to play a public server.
        public var addressPolicy: NetworkAddressPolicy

        public init(
            maxConcurrentTransfers: Int = 8, maxTransfersPerHost: Int = 1,
            userAgent: String = HTTPClient.defaultUserAgent, addressPolicy: NetworkAddressPolicy = .standard
        ) {
            self.maxConcurrentTransfers = max(1, maxConcurrentTransfers)
            self.maxTransfersPerHost = max(1, maxTransfersPerHost)
            self.userAgent = userAgent
            self.addressPolicy = addressPolicy
        }
    }

    public static let defaultUserAgent = "Herald/0.1 (feed monitor; +https://github.com/herald-feeds/herald)"

    private struct Submission {
        var id: UInt64
        var request: HTTPRequest
        var continuation: CheckedContinuation<HTTPResponse, any Error>
    }

    private struct Shared {
        var nextID: UInt64 = 0
        var submitted: [Submission] = []
        var cancelled: Set<UInt64> = []
        var running = true
    }

    /// The multi handle, used from other threads only for `curl_multi_wakeup`, which libcurl
    /// documents as thread-safe; every other call on it happens on the curl thread.
    private struct MultiHandle: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
    }

    private let configuration: Configuration
    private let multi: MultiHandle
    private let shared = Mutex(Shared())
    private let stopped = Mutex<CheckedContinuation<Void, Never>?>(nil)
    private let finished = Mutex(false)

    public init(configuration: Configuration = .init()) {
        Self.initializeLibcurl
        self.configuration = configuration
        guard let handle = curl_multi_init() else { fatalError("curl_multi_init failed: out of memory") }
        multi = MultiHandle(pointer: handle)
        let thread = Thread { [self] in runLoop() }
        thread.name = "herald-curl"
        thread.start()
    }

    /// `curl_global_init` is not thread-safe; run it once, before any handle exists.
    private static let initializeLibcurl: Void = {
        curl_global_init(Int(CURL_GLOBAL_ALL))
    }()

    /// Runs one request and returns the response, whatever its status (a 404 or 503 is a response:
    /// callers need its headers). Throws `HTTPError` when no response came.
    public func execute(_ request: HTTPRequest) async throws -> HTTPResponse {
        let id = shared.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let accepted = shared.withLock { state -> Bool in
                    guard state.running else { return false }
                    state.submitted.append(Submission(id: id, request: request, continuation: continuation))
                    return true
                }
                if accepted {
                    curl_multi_wakeup(multi.pointer)
                } else {
                    continuation.resume(
                        throwing: HTTPError(.cancelled, url: request.url, message: "HTTP client is shut down"))
                }
            }
        } onCancel: {
            shared.withLock { _ = $0.cancelled.insert(id) }
            curl_multi_wakeup(multi.pointer)
        }
    }

    /// Stops the curl thread: transfers still queued or running fail with `.cancelled`.
    public func shutdown() async {
        let alreadyDone = finished.withLock { $0 }
        if alreadyDone { return }
        await withCheckedContinuation { continuation in
            stopped.withLock { $0 = continuation }
            shared.withLock { $0.running = false }
            curl_multi_wakeup(multi.pointer)
        }
    }

    // MARK: - The curl thread

    private func runLoop() {
        var waiting: [Submission] = []
        var active: [UInt64: CurlTransfer] = [:]
        var perHost: [String: Int] = [:]

        func complete(_ transfer: CurlTransfer, _ result: Result<HTTPResponse, HTTPError>) {
            curl_multi_remove_handle(multi.pointer, transfer.easy)
            active[transfer.id] = nil
            perHost[transfer.request.hostKey, default: 1] -= 1
            switch result {
            case .success(let response): transfer.continuation.resume(returning: response)
            case .failure(let error): transfer.continuation.resume(throwing: error)
            }
        }

        while true {
            let (incoming, cancelled, running) = shared.withLock { state in
                defer {
                    state.submitted.removeAll()
                    state.cancelled.removeAll()
                }
                return (state.submitted, state.cancelled, state.running)
            }
            waiting.append(contentsOf: incoming)

            let cancelledError = { (url: URL) in HTTPError(.cancelled, url: url, message: "transfer cancelled") }
            if !running {
                for submission in waiting {
                    submission.continuation.resume(throwing: cancelledError(submission.request.url))
                }
                for transfer in active.values { complete(transfer, .failure(cancelledError(transfer.request.url))) }
                break
            }
            if !cancelled.isEmpty {
                waiting.removeAll { submission in
                    guard cancelled.contains(submission.id) else { return false }
                    submission.continuation.resume(throwing: cancelledError(submission.request.url))
                    return true
                }
                for id in cancelled {
                    if let transfer = active[id] { complete(transfer, .failure(cancelledError(transfer.request.url))) }
                }
            }

            // Start what the limits allow, oldest first; a busy host does not hold up other hosts.
            var index = 0
            while index < waiting.count, active.count < configuration.maxConcurrentTransfers {
                let submission = waiting[index]
                let host = submission.request.hostKey
                guard perHost[host, default: 0] < configuration.maxTransfersPerHost else {
                    index += 1
                    continue
                }
                waiting.remove(at: index)
                guard let easy = curl_easy_init() else {
                    submission.continuation.resume(
                        throwing: HTTPError(.transfer, url: submission.request.url, message: "curl_easy_init failed"))
                    continue
                }
                let transfer = CurlTransfer(
                    id: submission.id, request: submission.request, continuation: submission.continuation, easy: easy,
                    addressPolicy: configuration.addressPolicy)
                if let error = transfer.configure(userAgent: configuration.userAgent) {
                    submission.continuation.resume(throwing: error)
                    continue
                }
                active[transfer.id] = transfer
                perHost[host, default: 0] += 1
                curl_multi_add_handle(multi.pointer, easy)
            }

            var stillRunning: Int32 = 0
            curl_multi_perform(multi.pointer, &stillRunning)
            var remaining: Int32 = 0
            var completedAny = false
            while let message = curl_multi_info_read(multi.pointer, &remaining) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
                var pointer: UnsafeMutableRawPointer?
                herald_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &pointer)
                guard let pointer else { continue }
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(pointer).takeUnretainedValue()
                complete(transfer, transfer.finish(code: message.pointee.data.result))
                completedAny = true
            }
            // A finished transfer may free a host or a slot for a waiting one: go round at once.
            if completedAny && !waiting.isEmpty { continue }
            // Sleeps until a socket is ready, a timer of libcurl's is due, or `curl_multi_wakeup`.
            var ready: Int32 = 0
            curl_multi_poll(multi.pointer, nil, 0, 1000, &ready)
        }

        curl_multi_cleanup(multi.pointer)
        finished.withLock { $0 = true }
        let continuation = stopped.withLock { $0.take() }
        continuation?.resume()
    }
}

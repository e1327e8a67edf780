import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Responses from servers that misbehave on purpose — too slow, too big, cut short — for the
/// fetcher's "hard to hurt" tests. Each reports the bytes it got onto the wire through `sent`, so a
/// test can tell that the client hung up early rather than the server running out of things to say.
extension TestHTTPServer.Response {
    /// The whole response — status line, headers, body — one byte every `interval`.
    public static func trickle(_ text: String, every interval: Duration, sent: Locked<Int>) -> Self {
        .raw { connection in
            var bytes = Data("HTTP/1.1 200 OK\r\nContent-Length: \(text.utf8.count)\r\n\r\n\(text)".utf8)[...]
            while let byte = bytes.popFirst() {
                guard connection.write(Data([byte])) else { break }
                sent.value = connection.bytesSent
                guard connection.pause(interval) else { break }
            }
        }
    }

    /// A status line and then header lines of about 1 KiB each, up to `total` bytes.
    public static func headerFlood(total: Int, sent: Locked<Int>) -> Self {
        .raw { connection in
            connection.write("HTTP/1.1 200 OK\r\n")
            let filler = String(repeating: "a", count: 1000)
            var line = 0
            while connection.bytesSent < total {
                line += 1
                guard connection.write("X-Flood-\(line): \(filler)\r\n") else { break }
            }
            sent.value = connection.bytesSent
        }
    }

    /// A status line and then one header line that never ends, up to `total` bytes.
    public static func endlessHeaderLine(total: Int, sent: Locked<Int>) -> Self {
        .raw { connection in
            connection.write("HTTP/1.1 200 OK\r\nX-Endless: ")
            let filler = String(repeating: "a", count: 64 << 10)
            while connection.bytesSent < total {
                guard connection.write(filler) else { break }
            }
            sent.value = connection.bytesSent
        }
    }

    /// Announces `announced` body bytes, sends `body`, and closes.
    public static func truncated(_ body: Data, announced: Int) -> Self {
        .raw { connection in
            connection.write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Length: \(announced)\r\n\r\n")
            connection.write(body)
        }
    }

    /// A gzip bomb, streamed: the system's `gzip -1` squeezes endless zeros (about 230:1; fastest
    /// level, so the test does not wait on it) and the output goes out as it comes, up to `wireLimit`
    /// bytes — 10 MB of it is some 2.3 GB inflated. Only what the client reads is ever made.
    public static func gzipBomb(wireLimit: Int, sent: Locked<Int>) -> Self {
        .raw { connection in
            connection.write("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Encoding: gzip\r\n\r\n")
            guard let zeros = FileHandle(forReadingAtPath: "/dev/zero") else { return }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/gzip")
            process.arguments = ["-1", "-c"]
            let output = Pipe()
            process.standardInput = zeros
            process.standardOutput = output
            guard (try? process.run()) != nil else { return }
            defer {
                // SIGKILL: SIGTERM may be blocked in the child (see `SelfSignedTLSServer.stop`).
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                try? output.fileHandleForReading.close()
                try? zeros.close()
            }
            while connection.bytesSent < wireLimit {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                let room = wireLimit - connection.bytesSent
                guard connection.write(chunk.prefix(room)) else { break }
            }
            sent.value = connection.bytesSent
        }
    }
}

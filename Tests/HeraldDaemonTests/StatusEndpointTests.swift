import Foundation
import HeraldCore
import HeraldTestSupport
import Synchronization
import Testing

@testable import HeraldDaemon

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Status endpoint: /metrics, /healthz, /status.json and the status page")
struct StatusEndpointTests {
    @Test("listen addresses: loopback only, with a port")
    func listenAddresses() throws {
        #expect(try ListenAddress(parsing: "127.0.0.1:9464").description == "127.0.0.1:9464")
        #expect(try ListenAddress(parsing: "[::1]:0").description == "[::1]:0")
        #expect(try ListenAddress(parsing: "localhost:8080").host == "127.0.0.1")
        #expect(try ListenAddress(parsing: "127.3.2.1:1").port == 1)
        for bad in ["0.0.0.0:9464", "192.168.1.10:80", "[::]:9464", "example.org:80", "9464", "127.0.0.1:70000", ""] {
            #expect(throws: ListenAddressError.self, "\(bad)") { try ListenAddress(parsing: bad) }
        }
    }

    /// A Herald that has polled one good feed (two matches, delivered to a file) and one failing feed,
    /// and whose state includes an item title with markup, to check the page escapes it.
    static func pollOnce(_ workspace: Workspace, feeds: TestHTTPServer) async throws -> Herald {
        let config = HeraldConfig(
            file: workspace.path("h.yaml"),
            feeds: [
                FeedConfig(name: "wire", url: feeds.url("/rss"), firstPollWindow: nil, allowPrivateNetwork: true),
                FeedConfig(name: "down", url: feeds.url("/down"), allowPrivateNetwork: true),
            ],
            // Every matching item sent: the figures count deliveries per item, not per story.
            rules: [RuleConfig(name: "talks", query: Fixtures.talksQuery, story: StoryPolicy(followUps: .each))],
            sinks: [SinkConfig(name: "archive", kind: .file(path: workspace.path("alerts.jsonl")))])
        let herald = try buildHerald(
            config: config, options: HeraldOptions(statePath: workspace.path("s.sqlite")), logger: testLogger)
        _ = await herald.poll()
        _ = await herald.deliver()
        return herald
    }

    static let markupItem = """
        <item><guid>wire-105</guid><title>Paris talks: Syria, Israel &amp; the &lt;b&gt;"security" file&lt;/b&gt;</title>
          <link>https://wire.example.org/105</link></item>
        """

    static func feedServer() throws -> TestHTTPServer {
        try TestHTTPServer { request in
            request.path == "/rss" ? .init(text: Fixtures.rss(extraItems: markupItem)) : .init(status: 503)
        }
    }

    @Test("/metrics is Prometheus text with the poll, delivery and queue figures")
    func metrics() async throws {
        let workspace = try Workspace()
        let feeds = try Self.feedServer()
        let herald = try await Self.pollOnce(workspace, feeds: feeds)
        let server = try StatusServer(address: try ListenAddress(parsing: "127.0.0.1:0"), herald: herald) { true }
        defer { server.stop() }

        let response = try await LoopbackGet.fetch(port: server.port, path: "/metrics")
        #expect(response.status == 200)
        #expect(response.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        let lines = response.body.split(separator: "\n").map(String.init)
        for expected in [
            #"herald_polls_total{result="fetched"} 1"#, #"herald_polls_total{result="failed"} 1"#,
            #"herald_poll_errors_total{class="http"} 1"#, "herald_new_items_total 4", "herald_alerts_total 3",
            #"herald_deliveries_total{sink="archive",result="delivered"} 3"#,
            #"herald_outbox_pending{sink="archive"} 0"#, #"herald_feeds{health="ok"} 1"#,
            #"herald_feeds{health="failing"} 1"#, #"herald_rule_hits_24h{rule="talks"} 3"#,
            #"herald_delivery_latency_seconds_bucket{le="+Inf"} 3"#, "herald_delivery_latency_seconds_count 3",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)")
        }
        // Every line is a comment or `name{labels} number`, and every family is typed before use.
        let sample = /^([a-z0-9_]+)(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? -?[0-9.e+]+$/
        var typed = Set<String>()
        for line in lines {
            if let type = line.firstMatch(of: /^# TYPE ([a-z0-9_]+) (counter|gauge|histogram)$/) {
                typed.insert(String(type.1))
            } else if !line.hasPrefix("# HELP ") {
                let match = try #require(line.wholeMatch(of: sample), "not a sample line: \(line)")
                let family = String(match.1).replacing(/_(bucket|sum|count)$/, with: "")
                #expect(typed.contains(family) || typed.contains(String(match.1)), "untyped: \(line)")
            }
        }
        await herald.shutdown()
    }

    @Test("/healthz follows the health check; /status.json is the status report; unknown paths 404")
    func health() async throws {
        let workspace = try Workspace()
        let feeds = try Self.feedServer()
        let herald = try await Self.pollOnce(workspace, feeds: feeds)
        let (_, update) = try await seedStory(in: herald.store, sinks: [], feed: "levant")
        let healthy = Mutex(true)
        let server = try StatusServer(address: try ListenAddress(parsing: "127.0.0.1:0"), herald: herald) {
            healthy.withLock { $0 }
        }
        defer { server.stop() }

        #expect(try await LoopbackGet.fetch(port: server.port, path: "/healthz").status == 200)
        healthy.withLock { $0 = false }
        let sick = try await LoopbackGet.fetch(port: server.port, path: "/healthz")
        #expect(sick.status == 503)
        #expect(sick.body == "unhealthy\n")

        let json = try await LoopbackGet.fetch(port: server.port, path: "/status.json")
        #expect(json.status == 200)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [String: Any])
        let feedList = try #require(object["feeds"] as? [[String: Any]])
        #expect(feedList.compactMap { $0["name"] as? String } == ["wire", "down"])
        #expect(feedList.compactMap { $0["health"] as? String } == ["ok", "failing"])
        // The latest follow-ups and updates, newest first, with their story's outlets.
        let followUp = try #require((object["followUps"] as? [[String: Any]])?.first)
        #expect(followUp["id"] as? String == update.id)
        #expect(followUp["kind"] as? String == "story-update")
        let story = try #require(followUp["story"] as? [String: Any])
        #expect(story["outlets"] as? [String] == ["Levant Wire", "سانا", "Gulf Daily"])
        let text = try await StatusReport.build(config: herald.config, store: herald.store).renderText()
        #expect(text.contains("s0123456789abcde  3: Levant Wire, سانا, Gulf Daily"))

        #expect(try await LoopbackGet.fetch(port: server.port, path: "/nope").status == 404)
        #expect(try await LoopbackGet.fetch(port: server.port, path: "/metrics", method: "POST").status == 405)
        await herald.shutdown()
    }

    @Test("the status page lists feeds, sinks, rules and the latest alerts, escaping feed text")
    func page() async throws {
        let workspace = try Workspace()
        let feeds = try Self.feedServer()
        let herald = try await Self.pollOnce(workspace, feeds: feeds)
        let server = try StatusServer(address: try ListenAddress(parsing: "127.0.0.1:0"), herald: herald) { true }
        defer { server.stop() }

        let page = try await LoopbackGet.fetch(port: server.port, path: "/")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains(#"<tr data-feed="wire">"#))
        #expect(page.body.contains(#"<td class="health failing">failing ×1</td>"#))
        #expect(page.body.contains("Syria and Israel open security talks in Paris"))
        #expect(page.body.contains("&lt;b&gt;&quot;security&quot; file&lt;/b&gt;"))
        #expect(!page.body.contains("<b>\"security\""))
        await herald.shutdown()
    }

    /// The page as a browser renders it: headless Chromium loads it and dumps the DOM it built.
    @Test(
        "headless Chromium renders the status page with the feeds and alerts",
        .enabled(if: Chromium.path != nil, "needs Debian's chromium package (.ci/run installs it)"))
    func chromium() async throws {
        let workspace = try Workspace()
        let feeds = try Self.feedServer()
        let herald = try await Self.pollOnce(workspace, feeds: feeds)
        // A story's first alert and its "also reported by" update, from a feed outside the config.
        let (_, update) = try await seedStory(in: herald.store, sinks: [], feed: "levant")
        let server = try StatusServer(address: try ListenAddress(parsing: "127.0.0.1:0"), herald: herald) { true }
        defer { server.stop() }

        let dom = try await Chromium.dumpDOM(server.url, profile: workspace.path("chromium"))
        #expect(dom.contains("<title>Herald status</title>"))
        let feedRows = dom.matches(of: /<tr data-feed="([a-z]+)">/).map { String($0.1) }
        #expect(feedRows == ["wire", "down"])
        // The poll's three alerts and the seeded story's two.
        let alertRows = dom.matches(of: /<tr data-alert="[0-9a-f]+">/).count
        #expect(alertRows == 5)
        // The update is listed with its story and the outlets so far.
        let followUp = try #require(
            dom.firstMatch(
                of: /<tr data-alert="([0-9a-f]+)" data-story="(s[0-9a-f]+)">(.*?)<\/tr>/.dotMatchesNewlines()))
        #expect(String(followUp.1) == update.id)
        #expect(String(followUp.2) == "s0123456789abcde")
        #expect(followUp.3.contains("update"))
        #expect(followUp.3.contains("3 outlets: Levant Wire, سانا, Gulf Daily"))
        #expect(dom.contains("Barrak: Paris talks between Damascus and 'Israel' to resume"))
        // The markup in the item title stayed text: the browser built no <b> element from it.
        #expect(!dom.contains("<b>"))
        #expect(dom.contains("1/2 feeds ok, 1 failing"))
        await herald.shutdown()
    }
}

/// One HTTP/1.1 request over a plain loopback socket, so these tests depend on nothing but the
/// server under test.
enum LoopbackGet {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// Runs on a thread of its own: blocking socket calls must not hold a thread of the pool the
    /// server's own tasks need.
    static func fetch(port: Int, path: String, method: String = "GET") async throws -> Response {
        try await onOwnThread { try fetchBlocking(port: port, path: path, method: method) }
    }

    static func fetchBlocking(port: Int, path: String, method: String) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let request = Array("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var data = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &chunk, chunk.count)
            if count <= 0 { break }
            data += chunk[..<count]
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw POSIXError(.EBADMSG) }
        let head = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}

/// Debian's Chromium, run headless.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func dumpDOM(_ url: URL, profile: String) async throws -> String {
        let executable = try #require(path)
        return try await onOwnThread { try dumpBlocking(url, profile: profile, executable: executable) }
    }

    static func dumpBlocking(_ url: URL, profile: String, executable: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile)", "--dump-dom", url.absoluteString,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// Runs blocking work on a new thread and awaits its result.
func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

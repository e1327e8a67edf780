import Foundation
import HeraldCore
import Testing

@testable import HeraldDaemon

/// The config keys of the fetcher: the private-network permission and the HTTP client's limits.
@Suite("Fetch config keys")
struct FetchConfigTests {
    static func yaml(
        defaults: String = "", http: String = "", url: String = "http://intranet.example/rss", feedExtra: String = ""
    ) -> String {
        """
        \(defaults.isEmpty ? "" : "defaults:\n\(defaults)")
        \(http.isEmpty ? "" : "http:\n\(http)")
        feeds:
          - name: intranet
            url: \(url)
        \(feedExtra)
          - name: public
            url: https://news.example.org/rss
            allow_private_network: false
        rules:
          - name: any
            query: 'Syria'
        sinks:
          - name: console
            type: stdout
        """
    }

    func problems(_ yaml: String) -> [ConfigProblem] {
        do {
            _ = try ConfigLoader.parse(yaml, file: "/tmp/h.yaml")
            return []
        } catch {
            return error.problems
        }
    }

    @Test("allow_private_network is off unless the feed or defaults turn it on; a feed's own value wins")
    func allowPrivateNetwork() throws {
        let plain = try ConfigLoader.parse(Self.yaml(), file: "/tmp/h.yaml")
        #expect(plain.feeds.map(\.allowPrivateNetwork) == [false, false])

        let perFeed = try ConfigLoader.parse(
            Self.yaml(feedExtra: "    allow_private_network: true"), file: "/tmp/h.yaml")
        #expect(perFeed.feeds.map(\.allowPrivateNetwork) == [true, false])

        let byDefault = try ConfigLoader.parse(
            Self.yaml(defaults: "  allow_private_network: true"), file: "/tmp/h.yaml")
        #expect(byDefault.feeds.map(\.allowPrivateNetwork) == [true, false])
    }

    @Test(
        "a URL that names a private address outright is a config problem without allow_private_network",
        arguments: [
            ("http://10.1.2.3/rss", "10.1.2.3 is a private (RFC 1918) address"),
            ("http://127.0.0.1:8080/rss", "127.0.0.1 is a loopback address"),
            ("http://[::1]/rss", "::1 is a loopback address"),
            ("http://[::ffff:169.254.169.254]/latest", "::ffff:169.254.169.254 is an IPv4-mapped form"),
            ("http://LOCALHOST:9000/rss", "'localhost' is a loopback name"),
        ])
    func literalPrivateAddress(url: String, reason: String) throws {
        let found = problems(Self.yaml(url: url))
        #expect(found.map(\.path) == ["feeds[0].url"])
        #expect(found.first?.message.hasPrefix(reason) == true)
        #expect(found.first?.message.contains("set `allow_private_network: true` on the feed") == true)
        // With the permission, on the feed or in defaults, the same URL is fine.
        #expect(problems(Self.yaml(url: url, feedExtra: "    allow_private_network: true")).isEmpty)
        #expect(problems(Self.yaml(defaults: "  allow_private_network: true", url: url)).isEmpty)
    }

    @Test("public literals and names are not judged at config time")
    func publicLiterals() {
        for url in ["http://93.184.216.34/rss", "https://[2606:4700::1111]/feed", "https://localhost.example.org/rss"] {
            #expect(problems(Self.yaml(url: url)).isEmpty, "\(url)")
        }
    }

    @Test("http: sets the transfer limits; without it, 8 in all and 1 per host")
    func httpLimits() throws {
        let plain = try ConfigLoader.parse(Self.yaml(), file: "/tmp/h.yaml")
        #expect(plain.http == HTTPSettings(maxTransfers: 8, perHost: 1))
        let set = try ConfigLoader.parse(
            Self.yaml(http: "  max_transfers: 16\n  per_host: 2"), file: "/tmp/h.yaml")
        #expect(set.http == HTTPSettings(maxTransfers: 16, perHost: 2))
    }

    @Test("bad values are reported with their key paths")
    func badValues() {
        let found = problems(
            Self.yaml(
                defaults: "  allow_private_network: maybe", http: "  per_host: 0\n  max_transfers: many\n  burst: 3"))
        #expect(
            Set(found.map(\.path))
                == ["defaults.allow_private_network", "http.per_host", "http.max_transfers", "http.burst"])
        #expect(found.first { $0.path == "http.per_host" }?.message == "at least 1")
    }
}

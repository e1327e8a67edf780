import Foundation
import HeraldCore
import Logging

@testable import HeraldDaemon

/// Feed documents written for these tests: two items about the Paris talks, one unrelated.
enum Fixtures {
    static func rss(extraItems: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel>
        <title>Levant Test Wire</title><link>https://wire.example.org/</link>
        \(extraItems)
        <item><guid>wire-101</guid><title>Syria and Israel open security talks in Paris</title>
          <link>https://wire.example.org/101</link>
          <description>Foreign Minister al-Shaibani met Israeli officials, with US envoy Tom Barrack mediating.</description>
          <pubDate>Tue, 06 Jan 2026 10:00:00 GMT</pubDate></item>
        <item><guid>wire-102</guid><title>Aleppo braces for a cold week</title>
          <link>https://wire.example.org/102</link>
          <description>Forecasters expect snow in northern Syria.</description></item>
        <item><guid>wire-103</guid><title>Barrak: Paris talks between Damascus and 'Israel' to resume</title>
          <link>https://wire.example.org/103</link>
          <description>The US envoy said a second round of talks is planned.</description></item>
        </channel></rss>
        """
    }

    static let newItem = """
        <item><guid>wire-104</guid><title>Shaibani returns from Paris; Syria says talks with Israel were serious</title>
          <link>https://wire.example.org/104</link><description>Second round expected.</description></item>
        """

    static let talksQuery = "(Syria OR Damascus OR Shaibani) (Israel OR Israeli) (Paris OR talks)"
}

/// A temporary folder for one test's state file and sink files.
final class Workspace {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The JSON lines of a file sink, decoded.
    func alertLines(_ name: String) throws -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: path(name), encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
    }
}

let testLogger = Logger(label: "herald-test") { _ in SwiftLogNoOpLogHandler() }

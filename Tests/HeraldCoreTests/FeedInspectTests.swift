import Foundation
import Testing

/// `herald inspect`, run as the real binary on fixture files and standard input.
@Suite("herald inspect", .serialized)
final class FeedInspectTests {
    /// This test's own folder for fixture files, removed when the test ends.
    private let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "herald-inspect-\(UUID().uuidString)")

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// `swift build` puts the executable next to the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("herald")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    private func inspect(_ arguments: [String], stdin: Data? = nil) throws -> Run {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["inspect"] + arguments
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    private func fixture(_ name: String, _ data: Data) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        try data.write(to: file)
        return file.path
    }

    /// An Arabic RSS feed in windows-1256, its Arabic written byte by byte from the code chart.
    private static let arabicFeed: Data = {
        // خ=CE ب=C8 ر=D1 ; ع=DA ا=C7 ج=CC ل=E1
        let news: [UInt8] = [0xCE, 0xC8, 0xD1]  // خبر
        let urgent: [UInt8] = [0xDA, 0xC7, 0xCC, 0xE1]  // عاجل
        var bytes = Array(
            """
            <?xml version="1.0" encoding="windows-1256"?>
            <rss version="2.0"><channel><title>
            """.utf8)
        bytes += news
        bytes += Array(
            """
            </title><link>https://news.example/</link><language>ar</language><ttl>15</ttl>
            <item><title>
            """.utf8)
        bytes += urgent
        bytes += Array(
            """
            : test</title><link>/a/1?utm_source=x</link><guid isPermaLink="false">a-1</guid>
            <pubDate>Tue, 05 Mar 2024 15:00:00 +0300</pubDate>
            <category>politics</category>
            <enclosure url="https://news.example/a/1.mp3" length="12345" type="audio/mpeg"/>
            <description>&lt;p&gt;First&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;</description></item>
            </channel></rss>
            """.utf8)
        return Data(bytes)
    }()

    @Test("--json gives the documented fields, dates in ISO-8601 UTC")
    func json() throws {
        let path = try fixture("arabic.xml", Self.arabicFeed)
        let run = try inspect([path, "--json", "--base", "https://news.example/feed.xml"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "rss2.0")
        #expect(object["encoding"] as? String == "windows-1256")
        #expect(object["encoding_reason"] as? String == "XML declaration")
        let feed = try #require(object["feed"] as? [String: Any])
        #expect(feed["title"] as? String == "خبر")
        #expect(feed["link"] as? String == "https://news.example/")
        #expect(feed["language"] as? String == "ar")
        #expect(feed["subtitle"] is NSNull)
        #expect(feed["ttl_seconds"] as? Int == 900)
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 1)
        let item = items[0]
        #expect(item["id"] as? String == "a-1")
        #expect(item["title"] as? String == "عاجل: test")
        #expect(item["link"] as? String == "https://news.example/a/1?utm_source=x")
        #expect(item["published"] as? String == "2024-03-05T12:00:00Z")
        #expect(item["updated"] is NSNull)
        #expect(item["summary_text"] as? String == "First\n\nSecond")
        #expect(item["content_text"] as? String == "")
        #expect(item["categories"] as? [String] == ["politics"])
        #expect(item["author"] is NSNull)
        let enclosures = try #require(item["enclosures"] as? [[String: Any]])
        #expect(enclosures.first?["url"] as? String == "https://news.example/a/1.mp3")
        #expect(enclosures.first?["type"] as? String == "audio/mpeg")
        #expect(enclosures.first?["length"] as? Int == 12345)
        let keys = try #require(item["keys"] as? [String: Any])
        #expect((keys["strong"] as? [String])?.isEmpty == false)
        #expect((keys["fingerprint"] as? String)?.hasPrefix("fp:") == true)
    }

    @Test("the listing shows the charset decision and each item")
    func listing() throws {
        let path = try fixture("arabic-listing.xml", Self.arabicFeed)
        let run = try inspect([path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Format:     RSS 2.0"))
        #expect(run.stdout.contains("Encoding:   windows-1256 (decided by: XML declaration)"))
        #expect(run.stdout.contains("Title:      خبر"))
        #expect(run.stdout.contains("[1] عاجل: test"))
        #expect(run.stdout.contains("published:  2024-03-05T12:00:00Z"))
        #expect(run.stdout.contains("enclosure:  https://news.example/a/1.mp3 (audio/mpeg, 12345 bytes)"))
        #expect(run.stdout.contains("TTL:        15 min"))
    }

    @Test("the HTTP charset given with --content-type wins over the XML declaration")
    func contentTypeOverride() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"iso-8859-6\"?><rss version=\"2.0\"><channel><title>".utf8)
        bytes += [0xCE, 0xC8, 0xD1]  // خبر in windows-1256
        bytes += Array("</title></channel></rss>".utf8)
        let path = try fixture("override.xml", Data(bytes))
        let run = try inspect([path, "--json", "--content-type", "text/xml; charset=windows-1256"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["encoding"] as? String == "windows-1256")
        #expect(object["encoding_reason"] as? String == "HTTP Content-Type")
        #expect((object["feed"] as? [String: Any])?["title"] as? String == "خبر")
    }

    @Test("'-' reads standard input (a JSON Feed here)")
    func standardInput() throws {
        let feed = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Stdin feed",
             "items": [{"id": "1", "url": "https://x.example/1", "content_text": "Hello",
                        "date_published": "2024-03-05T10:00:00+01:00", "authors": [{"name": "Ana"}]}]}
            """
        let run = try inspect(["-", "--json"], stdin: Data(feed.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "json1.1")
        #expect(object["encoding"] is NSNull)
        let item = try #require((object["items"] as? [[String: Any]])?.first)
        #expect(item["published"] as? String == "2024-03-05T09:00:00Z")
        #expect(item["author"] as? String == "Ana")
        #expect(item["content_text"] as? String == "Hello")
    }

    @Test("a broken feed exits 1 with the parser's message and line")
    func brokenFeed() throws {
        let path = try fixture("broken.xml", Data("<rss version=\"2.0\">\n<channel><title>x</channel></rss>".utf8))
        let run = try inspect([path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("closing tag does not match"), "\(run.stderr)")
        #expect(run.stderr.contains("line 2"))
        #expect(run.stdout.isEmpty)
    }

    @Test("a missing file exits 1 and says so")
    func missingFile() throws {
        let run = try inspect(["/nonexistent/feed.xml"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot read the file"))
    }
}

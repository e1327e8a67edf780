import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldCore

#if canImport(Glibc)
    import Glibc
#endif

/// Documents written to hurt a feed reader. Each must end in a `FeedParseError` that says what is
/// wrong, quickly and without the memory the attack is after.
@Suite("Hostile feed documents")
struct HostileInputTests {
    /// The error parsing `document` ends in, with the time it took and the growth of the process's
    /// peak memory (ru_maxrss) while it ran.
    private func failure(_ document: String, contentType: String? = nil) -> (FeedParseError?, Duration, Int) {
        let peakBefore = peakMemory()
        let start = ContinuousClock.now
        var error: FeedParseError?
        do {
            _ = try FeedParser.parse(Data(document.utf8), contentType: contentType)
        } catch let parseError {
            error = parseError
        }
        return (error, ContinuousClock.now - start, peakMemory() - peakBefore)
    }

    private func peakMemory() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return usage.ru_maxrss * 1024
    }

    private static let fiftyMegabytes = 50 * 1024 * 1024

    @Test("billion laughs: refused before anything is expanded")
    func billionLaughs() {
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            let previous = String(repeating: "&lol\(level - 1);", count: 10)
            declarations += "<!ENTITY lol\(level) \"\(previous)\">\n"
        }
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [
            \(declarations)]>
            <rss version="2.0"><channel><title>&lol9;</title></channel></rss>
            """
        let (error, elapsed, memory) = failure(document)
        #expect(error?.kind == .malformed)
        #expect(error?.message.contains("beyond the size limit") == true, "\(String(describing: error))")
        #expect(elapsed < .seconds(1))
        #expect(memory < Self.fiftyMegabytes)
    }

    @Test("billion laughs hidden in an element Herald ignores is still refused")
    func billionLaughsUnused() {
        var declarations = "<!ENTITY a0 \"ha\">"
        for level in 1...9 {
            declarations += "<!ENTITY a\(level) \"\(String(repeating: "&a\(level - 1);", count: 10))\">"
        }
        let document = """
            <!DOCTYPE rss [\(declarations)]>
            <rss version="2.0"><channel><title>t</title><x>&a9;</x></channel></rss>
            """
        let (error, elapsed, _) = failure(document)
        #expect(error?.message.contains("beyond the size limit") == true, "\(String(describing: error))")
        #expect(elapsed < .seconds(1))
    }

    @Test("quadratic blowup: one large entity used many times stops at the expansion budget")
    func quadraticBlowup() {
        let large = String(repeating: "x", count: 100_000)
        let references = String(repeating: "&big;", count: 20_000)
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY big "\(large)">]>
            <rss version="2.0"><channel><title>t</title>
            <item><title>boom</title><description>\(references)</description></item>
            </channel></rss>
            """
        let (error, elapsed, memory) = failure(document)
        #expect(error?.kind == .malformed)
        #expect(error?.message.contains("beyond the size limit") == true, "\(String(describing: error))")
        #expect(elapsed < .seconds(1))
        #expect(memory < Self.fiftyMegabytes)
    }

    @Test("an entity that refers to itself is refused")
    func recursiveEntity() {
        let document = """
            <!DOCTYPE rss [<!ENTITY a "x&b;"><!ENTITY b "y&a;">]>
            <rss version="2.0"><channel><title>&a;</title></channel></rss>
            """
        let (error, _, _) = failure(document)
        #expect(error?.message.contains("refers to itself") == true, "\(String(describing: error))")
    }

    @Test("XXE to file:///etc/passwd: refused, and nothing of the file appears")
    func externalEntityFile() {
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>Leak: &xxe;</title>
            <item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>
            """
        let (error, _, _) = failure(document)
        let message = error?.description ?? ""
        #expect(error?.kind == .malformed)
        #expect(message.contains("external entity &xxe; is not loaded"), "\(message)")
        #expect(!message.contains("root:"))
    }

    @Test("XXE and external DTDs pointing at a loopback server: refused, and no request arrives")
    func externalEntityCanary() throws {
        let server = try TestHTTPServer { _ in .init(text: "<!ENTITY leak \"pwned\">canary-secret") }
        defer { server.stop() }
        let canary = server.url("/canary").absoluteString
        let documents = [
            // A general entity.
            """
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "\(canary)">]>
            <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
            """,
            // A parameter entity, the usual way to exfiltrate.
            """
            <!DOCTYPE rss [<!ENTITY % remote SYSTEM "\(canary)"> %remote;]>
            <rss version="2.0"><channel><title>&leak;</title></channel></rss>
            """,
            // An external DTD subset.
            """
            <!DOCTYPE rss SYSTEM "\(canary)">
            <rss version="2.0"><channel><title>&leak;</title></channel></rss>
            """,
            // A PUBLIC entity.
            """
            <!DOCTYPE rss [<!ENTITY xxe PUBLIC "-//X//Y" "\(canary)">]>
            <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
            """,
        ]
        for (index, document) in documents.enumerated() {
            let (error, _, _) = failure(document)
            let message = error?.description ?? "no error"
            // The external DTD subset case has no entity declared anywhere Herald reads: &leak;
            // then stands for nothing, and the feed parses with an empty title; the others fail.
            if index == 2 {
                #expect(error == nil || !message.contains("pwned"))
                if error == nil {
                    let feed = try FeedParser.parse(Data(document.utf8))
                    #expect(!feed.title.contains("pwned") && !feed.title.contains("canary"))
                }
            } else {
                #expect(error?.kind == .malformed, "document \(index): \(message)")
                #expect(message.contains("is not loaded"), "document \(index): \(message)")
            }
            #expect(!message.contains("canary-secret") && !message.contains("pwned"))
        }
        // Give a request that was (wrongly) sent time to arrive before counting.
        Thread.sleep(forTimeInterval: 0.2)
        #expect(server.requests.isEmpty)
    }

    @Test("10,000 nested elements: refused at the nesting limit, without deep recursion")
    func deepNesting() {
        let depth = 10_000
        let document =
            "<rss version=\"2.0\"><channel><title>deep</title>"
            + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth)
            + "</channel></rss>"
        let (error, elapsed, memory) = failure(document)
        #expect(error?.kind == .malformed)
        #expect(error?.message.contains("nested deeper than") == true, "\(String(describing: error))")
        #expect(elapsed < .seconds(1))
        #expect(memory < Self.fiftyMegabytes)
    }

    @Test("a truncated document is an error naming the unclosed element and its line")
    func truncated() {
        let document = """
            <?xml version="1.0"?>
            <rss version="2.0">
            <channel><title>Cut short</title>
            <item><title>First</title><description>Lorem ipsum
            """
        let (error, _, _) = failure(document)
        #expect(error?.kind == .malformed)
        #expect(error?.message.contains("ends prematurely") == true, "\(String(describing: error))")
        #expect(error?.line != nil)
    }

    @Test("a document cut just before the root's final '>' has lost nothing: read, with a problem noted")
    func cutInsideRootEndTag() throws {
        let feed = try FeedParser.parse(
            Data("<rss version=\"2.0\"><channel><title>t</title><item><title>i</title></item></channel></rss".utf8))
        #expect(feed.items.count == 1)
        #expect(feed.problems.contains { $0.contains("ends before") })
        let (error, _, _) = failure("<rss version=\"2.0\"><channel><title>t</title></channel></rs")
        #expect(error?.kind == .malformed)
    }

    @Test("a document cut inside a tag, a comment or CDATA is an error too")
    func truncatedInsideConstructs() {
        for document in [
            "<rss version=\"2.0\"><channel><title>x</title><item><link href=\"http://a",
            "<rss version=\"2.0\"><channel><!-- comment that never ends",
            "<rss version=\"2.0\"><channel><description><![CDATA[never closed",
            "<rss version=\"2.0\"><channel><title>x</ti",
        ] {
            let (error, _, _) = failure(document)
            #expect(error?.kind == .malformed, "\(document)")
        }
    }

    @Test("mismatched tags are an error with the line")
    func mismatched() {
        let (error, _, _) = failure("<rss version=\"2.0\">\n<channel><title>x</channel></title></rss>")
        #expect(error?.kind == .malformed)
        #expect(error?.line == 2)
    }
}

import Foundation
import Testing

@testable import HeraldCore

private func parse(_ text: String, contentType: String? = nil, url: String? = nil) throws -> ParsedFeed {
    try FeedParser.parse(Data(text.utf8), contentType: contentType, url: url.flatMap(URL.init(string:)))
}

/// Arabic in windows-1256, from the code chart (letters used here only).
private let windows1256: [Character: UInt8] = [
    "ا": 0xC7, "ب": 0xC8, "ت": 0xCA, "ج": 0xCC, "ح": 0xCD, "خ": 0xCE, "د": 0xCF, "ر": 0xD1, "س": 0xD3,
    "ع": 0xDA, "ق": 0xDE, "ل": 0xE1, "م": 0xE3, "ن": 0xE4, "ه": 0xE5, "و": 0xE6, "ي": 0xED, "ة": 0xC9,
]

private func encode1256(_ text: String) -> [UInt8] {
    text.map { character in
        if let byte = windows1256[character] { return byte }
        precondition(character.isASCII, "no windows-1256 byte for \(character) in the test table")
        return character.asciiValue!
    }
}

@Suite("Feed fields: ttl, enclosures, language, authors, categories")
struct FeedFieldsTests {
    @Test func rssTTLEnclosuresAndLanguage() throws {
        let feed = try parse(
            """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <channel><title>Pods</title><language>en_GB</language><ttl>90</ttl>
            <managingEditor>desk@pods.example (The Desk)</managingEditor>
            <item><title>One</title><link>https://pods.example/1</link>
              <enclosure url="/media/1.mp3" length="123456" type="audio/mpeg"/>
              <media:content url="https://cdn.example/1.mp4" type="video/mp4" fileSize="99"/>
              <media:thumbnail url="https://cdn.example/1.jpg"/>
              <category domain="https://pods.example/tags">science</category>
              <dc:language>fr</dc:language>
            </item>
            <item><title>Two</title><enclosure url="https://pods.example/2.mp3" length="junk" type="audio/mpeg"/>
              <author>Jane Doe &lt;jane@pods.example&gt;</author></item>
            </channel></rss>
            """, url: "https://pods.example/feed.xml")
        #expect(feed.ttl == .seconds(90 * 60))
        #expect(feed.language == "en-GB")
        #expect(feed.authors == [Person(name: "The Desk", email: "desk@pods.example")])
        let one = feed.items[0]
        #expect(
            one.enclosures == [
                Enclosure(url: "https://pods.example/media/1.mp3", type: "audio/mpeg", length: 123_456),
                Enclosure(url: "https://cdn.example/1.mp4", type: "video/mp4", length: 99),
                Enclosure(url: "https://cdn.example/1.jpg", type: "image", length: nil),
            ])
        #expect(one.language == "fr")
        #expect(one.categoryDetails == [FeedCategory(term: "science", scheme: "https://pods.example/tags")])
        let two = feed.items[1]
        #expect(two.enclosures.first?.length == nil)
        #expect(two.language == "en-GB")
        #expect(two.authors == [Person(name: "Jane Doe", email: "jane@pods.example")])
        #expect(two.author == "Jane Doe")
    }

    @Test func atomAuthorsCategoriesEnclosuresAndLanguage() throws {
        let feed = try parse(
            """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de"><title>T</title><id>urn:feed</id>
            <author><name>Desk</name><email>desk@x.example</email><uri>/about</uri></author>
            <entry><title>E</title><id>urn:e1</id><updated>2024-01-01T00:00:00Z</updated>
              <link rel="enclosure" href="/e1.ogg" type="audio/ogg" length="42"/>
              <category term="tech" scheme="urn:s" label="Technology"/>
            </entry>
            <entry xml:lang="en"><title>F</title><id>urn:e2</id><author><name>Ann</name></author></entry>
            </feed>
            """, url: "https://x.example/atom.xml")
        #expect(feed.id == "urn:feed")
        #expect(feed.language == "de")
        #expect(feed.authors == [Person(name: "Desk", email: "desk@x.example", url: "https://x.example/about")])
        let first = feed.items[0]
        #expect(first.authors == feed.authors)
        #expect(first.author == "Desk")
        #expect(first.language == "de")
        #expect(first.enclosures == [Enclosure(url: "https://x.example/e1.ogg", type: "audio/ogg", length: 42)])
        #expect(first.categoryDetails == [FeedCategory(term: "tech", scheme: "urn:s", label: "Technology")])
        #expect(first.categories == ["tech"])
        #expect(feed.items[1].language == "en")
        #expect(feed.items[1].author == "Ann")
    }

    @Test func jsonFeedAttachmentsAndAuthors() throws {
        let feed = try parse(
            """
            {"version": "https://jsonfeed.org/version/1.1", "title": "J", "language": "ar",
             "authors": [{"name": "Desk", "url": "https://j.example/"}],
             "items": [{"id": "1", "content_html": "<a href=\\"/x\\">x</a>",
                        "attachments": [{"url": "/a.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 10}]}]}
            """, url: "https://j.example/feed.json")
        let item = feed.items[0]
        #expect(item.enclosures == [Enclosure(url: "https://j.example/a.mp3", type: "audio/mpeg", length: 10)])
        #expect(item.authors == [Person(name: "Desk", url: "https://j.example/")])
        #expect(item.language == "ar")
        #expect(item.contentHTML == "<a href=\"https://j.example/x\">x</a>")
    }

    @Test func relativeLinksInHTMLAreResolved() throws {
        let feed = try parse(
            """
            <rss version="2.0"><channel><title>T</title><item><title>I</title>
            <description>&lt;a href="/story?id=1&amp;amp;p=2"&gt;story&lt;/a&gt; &lt;img src='pic.jpg'&gt; &lt;a href="#top"&gt;top&lt;/a&gt; &lt;a href="mailto:x@y"&gt;m&lt;/a&gt;</description>
            </item></channel></rss>
            """, url: "https://news.example/section/feed.xml")
        let html = try #require(feed.items[0].summaryHTML)
        #expect(html.contains("href=\"https://news.example/story?id=1&amp;p=2\""))
        #expect(html.contains("src='https://news.example/section/pic.jpg'"))
        #expect(html.contains("href=\"#top\""))
        #expect(html.contains("href=\"mailto:x@y\""))
    }

    @Test("an item without its text keeps its identity, dates and title")
    func droppingText() throws {
        let feed = try parse(
            """
            <rss version="2.0"><channel><title>T</title><item><title>Talks in Paris</title>
            <guid>g1</guid><link>https://news.example/a</link><pubDate>Mon, 05 Jan 2026 14:20:00 GMT</pubDate>
            <description>&lt;p&gt;Officials met.&lt;/p&gt;</description>
            <content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/">&lt;p&gt;Long text.&lt;/p&gt;</content:encoded>
            </item></channel></rss>
            """, url: "https://news.example/feed.xml")
        var item = feed.items[0]
        #expect(item.bodyText == "Long text.")
        item.dropText()
        #expect(item.summaryText.isEmpty && item.contentText.isEmpty && item.bodyText.isEmpty)
        #expect(item.summaryHTML == nil && item.contentHTML == nil)
        #expect(item.title == "Talks in Paris")
        #expect(item.guid == "g1")
        #expect(item.link == "https://news.example/a")
        #expect(item.published == feed.items[0].published && item.published != nil)
    }

    @Test func mojibakeAndC1ControlsAreRepaired() throws {
        let feed = try parse(
            """
            <rss version="2.0"><channel><title>T</title>
            <item><title>Itâ€™s here</title><description>don&#146;t â€¦ café crème</description></item>
            </channel></rss>
            """)
        #expect(feed.items[0].title == "It’s here")
        #expect(feed.items[0].summaryText == "don’t … café crème")
    }
}

@Suite("Feed charsets: the decision and its reason")
struct FeedCharsetDecisionTests {
    private func arabicFeed(declaration: String?) -> Data {
        var bytes = Array((declaration.map { "<?xml version=\"1.0\" encoding=\"\($0)\"?>\n" } ?? "").utf8)
        bytes += Array("<rss version=\"2.0\"><channel><title>".utf8)
        bytes += encode1256("عاجل: خبر")
        bytes += Array("</title><item><title>".utf8)
        bytes += encode1256("مدينة حلب")
        bytes += Array("</title></item></channel></rss>".utf8)
        return Data(bytes)
    }

    @Test func declarationDecides() throws {
        let feed = try FeedParser.parse(arabicFeed(declaration: "windows-1256"))
        #expect(feed.title == "عاجل: خبر")
        #expect(feed.items[0].title == "مدينة حلب")
        #expect(feed.encoding == "windows-1256")
        #expect(feed.encodingReason == .xmlDeclaration)
        #expect(feed.problems.isEmpty)
    }

    @Test func httpCharsetWinsOverTheDeclaration() throws {
        let feed = try FeedParser.parse(
            arabicFeed(declaration: "utf-8"), contentType: "application/rss+xml; charset=\"Windows-1256\"")
        #expect(feed.title == "عاجل: خبر")
        #expect(feed.encoding == "windows-1256")
        #expect(feed.encodingReason == .httpContentType)
    }

    @Test func byteOrderMarkWinsOverEverything() throws {
        var data = Data([0xFF, 0xFE])
        let text =
            "<?xml version=\"1.0\" encoding=\"windows-1256\"?><rss version=\"2.0\"><channel><title>حلب</title></channel></rss>"
        data.append(contentsOf: text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let feed = try FeedParser.parse(data, contentType: "text/xml; charset=iso-8859-1")
        #expect(feed.title == "حلب")
        #expect(feed.encoding == "utf-16le")
        #expect(feed.encodingReason == .byteOrderMark)
    }

    @Test func undeclaredNonUTF8FallsBackToWindows1252WithAProblem() throws {
        var bytes = Array("<rss version=\"2.0\"><channel><title>caf".utf8)
        bytes += [0xE9, 0x20, 0x93, 0x71, 0x94]  // "é “q”" in windows-1252
        bytes += Array("</title></channel></rss>".utf8)
        let feed = try FeedParser.parse(Data(bytes))
        #expect(feed.title == "café “q”")
        #expect(feed.encoding == "windows-1252")
        #expect(feed.encodingReason == .fallbackWindows1252)
        #expect(!feed.problems.isEmpty)
    }

    @Test func plainUTF8IsTheDefault() throws {
        let feed = try FeedParser.parse(Data("<rss version=\"2.0\"><channel><title>حلب</title></channel></rss>".utf8))
        #expect(feed.encoding == "utf-8")
        #expect(feed.encodingReason == .defaultUTF8)
    }

    @Test func declaredUTF8ThatIsNotIsAnError() {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>".utf8)
        bytes += encode1256("حلب")
        bytes += Array("</title></channel></rss>".utf8)
        #expect(throws: FeedParseError.self) { try FeedParser.parse(Data(bytes)) }
    }

    @Test func unknownCharsetIsAClearError() {
        do {
            _ = try FeedParser.parse(arabicFeed(declaration: "x-no-such-charset"))
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .undecodable)
            #expect(error.message.contains("x-no-such-charset"))
        }
    }

    @Test func servedAsPlainTextIsAProblemNotAnError() throws {
        let feed = try FeedParser.parse(
            Data("<rss version=\"2.0\"><channel><title>t</title></channel></rss>".utf8), contentType: "text/plain")
        #expect(feed.problems.contains { $0.contains("text/plain") })
    }
}

import Foundation
import Testing

@testable import HeraldCore

@Suite("OPML")
struct OPMLTests {
    static let exported = """
        <?xml version="1.0" encoding="UTF-8"?>
        <opml version="1.0"><head><title>My reader</title></head><body>
          <outline text="Syria">
            <outline text="Enab Baladi" type="rss" xmlUrl="https://english.enabbaladi.net/feed/"/>
            <outline text="Regional">
              <outline title="Asharq Al-Awsat" xmlUrl="https://english.aawsat.com/feed" htmlUrl="https://english.aawsat.com"/>
            </outline>
          </outline>
          <outline text="Loose &amp; unfiled" xmlUrl="https://example.org/rss?a=1&amp;b=2"/>
          <outline text="A folder with no feeds"/>
        </body></opml>
        """

    @Test("subscriptions at any depth, with the nearest folder as category")
    func parse() throws {
        let found = try OPML.subscriptions(in: Data(Self.exported.utf8))
        #expect(found.map(\.title) == ["Enab Baladi", "Asharq Al-Awsat", "Loose & unfiled"])
        #expect(
            found.map(\.url) == [
                "https://english.enabbaladi.net/feed/", "https://english.aawsat.com/feed",
                "https://example.org/rss?a=1&b=2",
            ])
        #expect(found.map(\.category) == ["Syria", "Regional", nil])
    }

    @Test("export then import gives back every feed, grouped by its first tag")
    func roundTrip() throws {
        let feeds = [
            FeedConfig(
                name: "sana-en", url: URL(string: "https://sana.sy/en/?feed=rss2&x=<1>")!, tags: ["state-media"]),
            FeedConfig(name: "enab-ar", url: URL(string: "https://www.enabbaladi.net/feed")!, tags: ["syria", "ar"]),
            FeedConfig(name: "untagged", url: URL(string: "https://example.org/feed")!),
        ]
        let document = OPML.document(feeds: feeds)
        let back = try OPML.subscriptions(in: Data(document.utf8))
        #expect(Set(back.map(\.url)) == Set(feeds.map(\.url.absoluteString)))
        #expect(
            Set(back.map { "\($0.title)|\($0.category ?? "-")" }) == [
                "sana-en|state-media", "enab-ar|syria", "untagged|-",
            ])
    }

    @Test("names for the config are made from titles")
    func names() {
        #expect(OPML.feedName(for: "Asharq Al-Awsat (English)", fallback: "x") == "asharq-al-awsat-english")
        #expect(OPML.feedName(for: "الشرق الأوسط", fallback: "feed-3") == "feed-3")
    }

    @Test("a document that is not OPML, or not XML, is a clear error")
    func errors() {
        #expect(throws: FeedParseError.self) { try OPML.subscriptions(in: Data("<rss><channel/></rss>".utf8)) }
        #expect(throws: FeedParseError.self) { try OPML.subscriptions(in: Data("<opml><body><outline".utf8)) }
    }
}

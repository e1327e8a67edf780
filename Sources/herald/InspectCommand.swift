import ArgumentParser
import Foundation
import HeraldCore
import HeraldHTTP

#if canImport(Glibc)
    import Glibc
#endif

/// `herald inspect URL|FILE|-`: what Herald makes of one feed, for debugging a feed or a rule.
struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what Herald parses from one feed: format, charset, items, identity keys and text.",
        discussion: """
            SOURCE is an http(s) URL (fetched as the daemon would, with no stored validators), a file, or \
            '-' for standard input. The output is a readable listing, or with --json one JSON document whose \
            fields are described in docs/feeds.md. Dates are ISO-8601 in UTC.

            Exit status: 0 the feed was parsed; 1 it could not be fetched or parsed (the reason is on \
            stderr); 64 bad command line.
            """)

    @Argument(help: ArgumentHelp("The feed: a URL, a file, or '-' for standard input.", valueName: "source"))
    var source: String

    @Flag(help: "Print one JSON document instead of the listing.")
    var json = false

    @Option(
        help: ArgumentHelp(
            "The Content-Type to assume for a file or standard input (its charset parameter counts).",
            valueName: "type"))
    var contentType: String?

    @Option(help: ArgumentHelp("The URL relative links in a file resolve against.", valueName: "url"))
    var base: String?

    @Option(help: ArgumentHelp("Characters of each item's text to show in the listing (0: all).", valueName: "n"))
    var textLength = 400

    func run() async throws {
        let document: FetchedDocument
        do {
            document = try await load()
        } catch let failure as InspectFailure {
            FileHandle.standardError.write(Data("herald inspect: \(failure.message)\n".utf8))
            throw ExitCode(1)
        }
        let feed: ParsedFeed
        do {
            feed = try FeedParser.parse(
                document.body, contentType: contentType ?? document.contentType,
                url: base.flatMap(URL.init(string:)) ?? (document.finalURL.isFileURL ? nil : document.finalURL))
        } catch {
            FileHandle.standardError.write(Data("herald inspect: \(source): \(error)\n".utf8))
            throw ExitCode(1)
        }
        let report = FeedInspection(source: source, document: document, feed: feed)
        print(json ? report.json() : report.listing(textLength: textLength))
    }

    private struct InspectFailure: Error {
        var message: String
    }

    private func load() async throws -> FetchedDocument {
        if source == "-" {
            let body = FileHandle.standardInput.readDataToEndOfFile()
            return FetchedDocument(body: body, finalURL: URL(fileURLWithPath: "/dev/stdin"))
        }
        if let url = URL(string: source), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" {
            let client = HTTPClient()
            // A URL typed on the command line is the user's own choice, loopback and private included.
            let request = FeedFetchRequest(url: url, allowPrivateNetwork: true)
            let outcome = await FeedFetcher(client: client).fetch(request)
            await client.shutdown()
            switch outcome {
            case .fetched(let document): return document
            case .notModified: throw InspectFailure(message: "\(source): 304 Not Modified")
            case .failed(let failure): throw InspectFailure(message: "\(source): \(failure)")
            }
        }
        let path = source.hasPrefix("file://") ? (URL(string: source)?.path ?? source) : source
        guard let body = FileManager.default.contents(atPath: path) else {
            throw InspectFailure(message: "\(path): cannot read the file")
        }
        return FetchedDocument(body: body, finalURL: URL(fileURLWithPath: path))
    }
}

/// The inspection of one parsed feed, as a listing or as JSON.
struct FeedInspection {
    var source: String
    var document: FetchedDocument
    var feed: ParsedFeed

    /// The feed name identity keys are computed for: the source itself.
    private var feedName: String { source }

    // MARK: JSON

    func json() -> String {
        let object: [String: Any] = [
            "source": source,
            "content_type": value(document.contentType),
            "format": feed.format.rawValue,
            "encoding": value(feed.encoding),
            "encoding_reason": value(feed.encodingReason?.rawValue),
            "problems": feed.problems,
            "feed": [
                "title": feed.title,
                "link": value(feed.link),
                "subtitle": value(feed.subtitle),
                "language": value(feed.language),
                "updated": value(feed.updated.map(Self.iso)),
                "id": value(feed.id),
                "ttl_seconds": value(feed.ttl.map { Int($0.components.seconds) }),
                "authors": feed.authors.map(Self.person),
                "categories": feed.categories.map(\.term),
            ] as [String: Any],
            "items": feed.items.map(item),
        ]
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: options) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private func item(_ item: Item) -> [String: Any] {
        let keys = ItemIdentity.keys(feed: feedName, item: item)
        return [
            "id": value(item.guid),
            "link": value(item.link),
            "title": item.title,
            "summary_text": item.summaryText,
            "content_text": item.contentText,
            "summary_html": value(item.summaryHTML),
            "content_html": value(item.contentHTML),
            "published": value(item.published.map(Self.iso)),
            "updated": value(item.updated.map(Self.iso)),
            "author": value(item.author),
            "authors": item.authors.map(Self.person),
            "categories": item.categories,
            "language": value(item.language),
            "enclosures": item.enclosures.map { enclosure -> [String: Any] in
                ["url": enclosure.url, "type": value(enclosure.type), "length": value(enclosure.length)]
            },
            "keys": ["strong": keys.strong, "fingerprint": keys.fingerprint],
        ]
    }

    private func value(_ optional: (some Any)?) -> Any {
        optional.map { $0 as Any } ?? NSNull()
    }

    private static func person(_ person: Person) -> [String: Any] {
        ["name": person.name ?? NSNull(), "email": person.email ?? NSNull(), "url": person.url ?? NSNull()]
    }

    /// ISO-8601 in UTC, to the second.
    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    // MARK: Listing

    func listing(textLength: Int) -> String {
        var lines: [String] = []
        func field(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append(name.padding(toLength: 12, withPad: " ", startingAt: 0) + value)
        }
        field("Source:", source)
        field("Format:", Self.formatName(feed.format))
        if let encoding = feed.encoding {
            field("Encoding:", encoding + (feed.encodingReason.map { " (decided by: \($0.rawValue))" } ?? ""))
        }
        field("Title:", feed.title.isEmpty ? "(none)" : feed.title)
        field("Link:", feed.link)
        field("Subtitle:", feed.subtitle.map { Self.clip($0, 200) })
        field("Language:", feed.language)
        field("Updated:", feed.updated.map(Self.iso))
        field("TTL:", feed.ttl.map { "\($0.components.seconds / 60) min" })
        field("Authors:", feed.authors.compactMap(\.displayName).joined(separator: ", "))
        for problem in feed.problems { field("Problem:", problem) }
        field("Items:", String(feed.items.count))
        for (index, item) in feed.items.enumerated() {
            lines.append("")
            lines.append("[\(index + 1)] \(item.title.isEmpty ? "(untitled)" : item.title)")
            func itemField(_ name: String, _ value: String?) {
                guard let value, !value.isEmpty else { return }
                lines.append("    " + name.padding(toLength: 12, withPad: " ", startingAt: 0) + value)
            }
            itemField("id:", item.guid)
            itemField("link:", item.link)
            itemField("published:", item.published.map(Self.iso))
            itemField("updated:", item.updated.map(Self.iso))
            itemField("author:", item.author)
            itemField("categories:", item.categories.joined(separator: ", "))
            itemField("language:", item.language)
            for enclosure in item.enclosures {
                let details = [enclosure.type, enclosure.length.map { "\($0) bytes" }].compactMap { $0 }
                itemField(
                    "enclosure:", enclosure.url + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"))
            }
            let keys = ItemIdentity.keys(feed: feedName, item: item)
            itemField("keys:", keys.all.joined(separator: "  "))
            let text = item.bodyText
            if !text.isEmpty {
                let shown = textLength > 0 ? Self.clip(text, textLength) : text
                lines.append("    text:")
                lines.append(
                    contentsOf: shown.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 })
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func clip(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length)) + "…"
    }

    static func formatName(_ format: FeedFormat) -> String {
        switch format {
        case .rss090: "RSS 0.90"
        case .rss091: "RSS 0.91 (UserLand)"
        case .rss091Netscape: "RSS 0.91 (Netscape)"
        case .rss092: "RSS 0.92"
        case .rss093: "RSS 0.93"
        case .rss094: "RSS 0.94"
        case .rss10: "RSS 1.0 (RDF)"
        case .rss20: "RSS 2.0"
        case .rssUnversioned: "RSS (no version; read as 2.0)"
        case .atom03: "Atom 0.3"
        case .atom10: "Atom 1.0"
        case .jsonFeed10: "JSON Feed 1.0"
        case .jsonFeed11: "JSON Feed 1.1"
        case .cdf: "CDF"
        }
    }
}

import Foundation
import HeraldCore
import HeraldHTTP

/// One item for `herald rules test`: an id to report it by, its title, and the document rules
/// see.
public struct RuleTestItem: Sendable {
    public var id: String
    public var title: String
    public var document: MatchDocument

    public init(id: String, title: String, document: MatchDocument) {
        self.id = id
        self.title = title
        self.document = document
    }
}

/// Why `herald rules test` could not read its input.
public struct RuleTestInputError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

/// Reads what `herald rules test` matches: a feed document or plain text from a file, a URL, a
/// configured feed or standard input, or JSON lines of items.
public enum RuleTestInput {
    /// One item per line of `text`: `{"id", "title", "summary", "lang", "source", "link"}`, every
    /// key optional; blank lines skipped. A line that is not such an object is an error naming it.
    public static func jsonLines(_ text: String) throws(RuleTestInputError) -> [RuleTestItem] {
        var items: [RuleTestItem] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy(\.isWhitespace) { continue }
            let object: [String: Any]
            do {
                guard let value = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw RuleTestInputError(description: "line \(index + 1): expected a JSON object")
                }
                object = value
            } catch let error as RuleTestInputError {
                throw error
            } catch {
                throw RuleTestInputError(description: "line \(index + 1): not valid JSON")
            }
            func field(_ key: String) -> String? {
                switch object[key] {
                case let string as String: string
                case let number as NSNumber: number.stringValue
                default: nil
                }
            }
            let title = field("title") ?? ""
            items.append(
                RuleTestItem(
                    id: field("id") ?? "line-\(index + 1)", title: title,
                    document: MatchDocument(
                        title: title, text: field("summary") ?? "", source: field("source") ?? "",
                        language: field("lang"), url: field("link"))))
        }
        return items
    }

    /// The items of a feed document, or — when `data` is not a feed — the text as one item whose
    /// title is its first non-blank line and whose text is the rest.
    public static func items(
        of data: Data, contentType: String? = nil, url: URL? = nil, name: String, feed: FeedConfig? = nil
    ) -> [RuleTestItem] {
        do throws(FeedParseError) {
            let parsed = try FeedParser.parse(data, contentType: contentType, url: url)
            let source = parsed.title.isEmpty ? nil : parsed.title
            return parsed.items.enumerated().map { index, item in
                RuleTestItem(
                    id: item.guid ?? item.link ?? "\(name)#\(index + 1)", title: item.title,
                    document: MatchDocument(item: item, feed: feed, source: source))
            }
        } catch {
            let text = String(decoding: data, as: UTF8.self)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
            while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
            let title = lines.first.map(String.init) ?? ""
            let rest = lines.dropFirst().joined(separator: "\n")
            return [RuleTestItem(id: name, title: title, document: MatchDocument(title: title, text: rest))]
        }
    }

    /// Fetches `url` (a configured feed's when `feed` is given) and reads its items.
    public static func fetch(
        _ url: URL, feed: FeedConfig? = nil, name: String
    ) async throws(RuleTestInputError) -> [RuleTestItem] {
        let client = HTTPClient()
        let request = FeedFetchRequest(
            // A URL typed on the command line is the user's own choice; a configured feed keeps its setting.
            url: url, allowFile: feed?.allowFile ?? false, allowPrivateNetwork: feed?.allowPrivateNetwork ?? true,
            timeout: feed?.timeout ?? .seconds(30),
            maxBodyBytes: feed?.maxBodyBytes ?? FeedConfig.defaultMaxBodyBytes)
        let outcome = await FeedFetcher(client: client).fetch(request)
        await client.shutdown()
        switch outcome {
        case .fetched(let document):
            return items(
                of: document.body, contentType: document.contentType, url: document.finalURL, name: name, feed: feed)
        case .notModified:
            return []
        case .failed(let failure):
            throw RuleTestInputError(description: "cannot fetch \(url.absoluteString): \(failure.message)")
        }
    }
}

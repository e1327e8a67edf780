import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
///
/// Decoded with `JSONSerialization` rather than `Codable` because feeds in the wild bend the spec
/// (numeric ids, a 1.0 `author` next to 1.1 `authors`, a string where an object belongs), and one
/// odd value must cost that value, not the whole feed.
enum JSONFeedParser {
    static func parse(_ data: Data, url: URL?) throws(FeedParseError) -> ParsedFeed {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            let description = Self.describe(error)
            throw FeedParseError(
                .malformed, "JSON is malformed: \(description)", line: Self.line(of: description, in: data))
        }
        guard let root = object as? [String: Any] else {
            throw FeedParseError(.notAFeed, "JSON document is not a JSON Feed (not an object)")
        }
        guard let version = root["version"] as? String, version.contains("jsonfeed.org/version/") else {
            throw FeedParseError(.notAFeed, "JSON document is not a JSON Feed (no jsonfeed.org version)")
        }
        let format: FeedFormat =
            version.hasSuffix("/version/1") || version.hasSuffix("/version/1/") ? .jsonFeed10 : .jsonFeed11

        let homePage = string(root["home_page_url"]).flatMap { FeedURL.resolve($0, against: url) }
        // Item URLs may be relative; the feed's home page is the natural base, the feed URL the next.
        let base = homePage.flatMap(URL.init(string:)) ?? url
        let feedAuthor = authors(root)
        var feed = ParsedFeed(
            format: format,
            title: string(root["title"]).map(HTMLText.decodedLine) ?? "",
            link: homePage,
            subtitle: string(root["description"]).map(HTMLText.normalizedPlain).flatMap { $0.isEmpty ? nil : $0 },
            language: string(root["language"])
        )
        let entries = root["items"] as? [Any] ?? []
        feed.items = entries.compactMap { $0 as? [String: Any] }.map {
            item(from: $0, base: base, feedAuthor: feedAuthor)
        }
        return feed
    }

    private static func item(from object: [String: Any], base: URL?, feedAuthor: String?) -> Item {
        var item = Item()
        item.guid = scalarString(object["id"]).map { $0.trimmingWhitespace() }
            .flatMap { $0.isEmpty ? nil : $0 }
        item.link = (string(object["url"]) ?? string(object["external_url"])).flatMap {
            FeedURL.resolve($0, against: base)
        }
        item.title = string(object["title"]).map(HTMLText.decodedLine) ?? ""
        if let html = string(object["content_html"])?.trimmingWhitespace(), !html.isEmpty {
            item.contentHTML = html
            item.contentText = HTMLText.plainText(html)
        } else if let text = string(object["content_text"]) {
            item.contentText = HTMLText.normalizedPlain(text)
        }
        if let summary = string(object["summary"]) { item.summaryText = HTMLText.normalizedPlain(summary) }
        item.published = string(object["date_published"]).flatMap(FeedDate.parse)
        item.updated = string(object["date_modified"]).flatMap(FeedDate.parse)
        item.author = authors(object) ?? feedAuthor
        var seen = Set<String>()
        item.categories = (object["tags"] as? [Any] ?? []).compactMap(scalarString)
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        return item
    }

    /// Names from 1.1 `authors` or, failing that, 1.0 `author`.
    private static func authors(_ object: [String: Any]) -> String? {
        var list = object["authors"] as? [Any] ?? []
        if list.isEmpty, let single = object["author"] { list = [single] }
        let names = list.compactMap { entry -> String? in
            // A bare string is not the spec's shape but is what some generators write.
            let name = (entry as? [String: Any]).flatMap { string($0["name"]) } ?? string(entry)
            return name.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }

    private static func string(_ value: Any?) -> String? {
        value as? String
    }

    /// Strings as they are, numbers in their shortest integral or decimal form: feeds do send
    /// `"id": 1234`, and that id must not become "1234.0".
    private static func scalarString(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        if let number = value as? NSNumber {
            // Booleans also arrive as NSNumber (type code "c"); an id of `true` is no id.
            if String(cString: number.objCType) == "c" { return nil }
            let double = number.doubleValue
            if double.rounded() == double, abs(double) < 1e15 { return String(Int64(double)) }
            return number.stringValue
        }
        return nil
    }

    /// The line of the "around character N" Foundation's JSON errors mention, when they do.
    private static func line(of description: String, in data: Data) -> Int? {
        guard let marker = description.range(of: "character ") else { return nil }
        guard let offset = Int(description[marker.upperBound...].prefix(while: \.isNumber)) else { return nil }
        return data.prefix(offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    private static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}

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
        let feedAuthors = persons(root, base: url)
        var feed = ParsedFeed(
            format: format,
            title: string(root["title"]).map(HTMLText.decodedLine) ?? "",
            link: homePage,
            subtitle: string(root["description"]).map(HTMLText.normalizedPlain).flatMap { $0.isEmpty ? nil : $0 },
            language: string(root["language"])
        )
        feed.authors = feedAuthors
        feed.id = string(root["feed_url"])
        let entries = root["items"] as? [Any] ?? []
        let language = feed.language
        feed.items = entries.compactMap { $0 as? [String: Any] }.map {
            item(from: $0, base: base, feedAuthors: feedAuthors, language: language)
        }
        return feed
    }

    private static func item(from object: [String: Any], base: URL?, feedAuthors: [Person], language: String?)
        -> Item
    {
        var item = Item()
        item.guid = scalarString(object["id"]).map { $0.trimmingWhitespace() }
            .flatMap { $0.isEmpty ? nil : $0 }
        item.link = (string(object["url"]) ?? string(object["external_url"])).flatMap {
            FeedURL.resolve($0, against: base)
        }
        item.title = string(object["title"]).map(HTMLText.decodedLine) ?? ""
        if let html = string(object["content_html"])?.trimmingWhitespace(), !html.isEmpty {
            item.contentMarkup = FeedMarkup(source: html, base: base)
            item.contentText = HTMLText.plainText(html)
        } else if let text = string(object["content_text"]) {
            item.contentText = HTMLText.normalizedPlain(text)
        }
        if let summary = string(object["summary"]) { item.summaryText = HTMLText.normalizedPlain(summary) }
        item.published = string(object["date_published"]).flatMap(FeedDate.parse)
        item.updated = string(object["date_modified"]).flatMap(FeedDate.parse)
        let own = persons(object, base: base)
        item.authors = own.isEmpty ? feedAuthors : own
        item.author = names(item.authors)
        item.enclosures = (object["attachments"] as? [Any] ?? []).compactMap { entry -> Enclosure? in
            guard let attachment = entry as? [String: Any],
                let url = string(attachment["url"]).flatMap({ FeedURL.resolve($0, against: base) })
            else { return nil }
            let length = (attachment["size_in_bytes"] as? NSNumber).map { $0.int64Value }.flatMap { $0 >= 0 ? $0 : nil }
            return Enclosure(url: url, type: string(attachment["mime_type"]), length: length)
        }
        item.language = string(object["language"]) ?? language
        var seen = Set<String>()
        item.categories = (object["tags"] as? [Any] ?? []).compactMap(scalarString)
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        return item
    }

    /// People from 1.1 `authors` or, failing that, 1.0 `author`.
    private static func persons(_ object: [String: Any], base: URL?) -> [Person] {
        var list = object["authors"] as? [Any] ?? []
        if list.isEmpty, let single = object["author"] { list = [single] }
        return list.compactMap { entry -> Person? in
            func clean(_ value: Any?) -> String? {
                string(value).map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
            }
            // A bare string is not the spec's shape but is what some generators write.
            guard let fields = entry as? [String: Any] else { return clean(entry).map { Person(name: $0) } }
            let person = Person(
                name: clean(fields["name"]), url: clean(fields["url"]).flatMap { FeedURL.resolve($0, against: base) })
            return person.name == nil && person.url == nil ? nil : person
        }
    }

    private static func names(_ persons: [Person]) -> String? {
        let names = persons.compactMap(\.name)
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

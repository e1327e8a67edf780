import Foundation
import HeraldCore

/// The body each kind of target receives for one alert.
///
/// Limits are the services' own, in their own units (see `Limits`); feed text is escaped for the
/// service's markup and its mention syntax broken with a zero-width space, so an item titled
/// `@everyone <!channel>` reads the same and pings nobody.
extension WebhookTarget {
    /// Every limit, in the unit the service counts in.
    enum Limits {
        /// Slack `text`: 3,000 characters per text object (counted here in UTF-16 units).
        static let slack = 3_000
        /// Discord `content`: 2,000 characters (UTF-16 units).
        static let discord = 2_000
        /// Teams: a card's whole payload must stay under 28 KB; Herald keeps the text under 20,000 JSON bytes.
        static let teamsText = 20_000
        /// Mattermost `text`: 16,383 runes (scalars).
        static let mattermost = 16_383
        /// Rocket.Chat: `Message_MaxAllowedSize`, 5,000 characters by default (UTF-16 units).
        static let rocketChat = 5_000
        /// Google Chat `text`: 4,096 characters; Herald counts UTF-8 bytes, the stricter reading.
        static let googleChat = 4_096
        /// Matrix events are at most 65,536 bytes: 16 KiB of plain text and 32 KiB of HTML.
        static let matrixText = 16 << 10
        static let matrixHTML = 32 << 10
        /// ntfy: messages over 4,096 bytes become attachments; titles are kept short.
        static let ntfyMessage = 4_096
        static let ntfyTitle = 250
        /// Gotify has no documented limit; Herald keeps messages under 16 KiB.
        static let gotifyMessage = 16 << 10
        static let gotifyTitle = 250
        /// Telegram `text`: 4,096 UTF-16 units after entity parsing.
        static let telegram = 4_096
    }

    /// Characters percent-encoded in item links on top of `SafeLink`'s own, so that a link cannot end
    /// a Markdown link, a Slack `<link|text>` or an emphasis around it.
    static let linkEncoding: Set<Unicode.Scalar> = ["(", ")", "[", "]", "<", ">", "|", "*", "_"]

    func body(for alert: Alert, template: MessageTemplate? = nil) -> JSONValue {
        let view = AlertView(alert, linkEncoding: Self.linkEncoding)
        switch kind {
        case .json:
            let line = AlertFormat.jsonLine(alert)
            // The alert's fields stay as they are; the template's text is one more, `text`, first.
            guard let text = MessageLayout.unlimitedText.render(template, alert) else {
                return .raw(line)
            }
            return .raw(
                "{\"text\":" + String(decoding: JSONValue.string(text).data, as: UTF8.self) + "," + line.dropFirst())
        case .slack:
            let layout = MessageLayout(limit: Limits.slack, unit: .utf16, escaper: .slack)
            let text =
                layout.render(template, alert)
                ?? layout.render(
                    headingPieces(view, linked: { "*<\($0)|" }, plain: "*", close: { $0 ? ">*" : "*" })
                        + [.init(text: view.details, cap: 600, priority: 1), .init(text: view.summary, priority: 2)])
            return .fields([("text", .string(text)), ("unfurl_links", .bool(false))])
        case .discord:
            let layout = MessageLayout(limit: Limits.discord, unit: .utf16, escaper: .discord)
            let text =
                layout.render(template, alert)
                ?? layout.render([
                    .init(before: "**", text: view.heading, after: "**", cap: 300, priority: 0),
                    .init(before: "<", text: view.link ?? "", after: ">", priority: 1, verbatim: true),
                    .init(text: view.details, cap: 400, priority: 2),
                    .init(text: view.summary, priority: 3),
                ])
            return .fields([
                ("content", .string(text)),
                ("allowed_mentions", .object([("parse", .array([]))])),
            ])
        case .teams:
            let heading = TextFit.fit(view.heading, limit: 1_000, unit: .jsonBytes, escaper: .teams)
            let details = TextFit.fit(view.details, limit: 1_000, unit: .jsonBytes, escaper: .teams)
            let summary = TextFit.fit(view.summary, limit: Limits.teamsText, unit: .jsonBytes, escaper: .teams)
            let templated = MessageLayout(limit: Limits.teamsText, unit: .jsonBytes, escaper: .teams)
                .render(template, alert)
            var blocks: [JSONValue] = [
                .fields([
                    ("type", .string("TextBlock")), ("text", .string(heading)), ("weight", .string("Bolder")),
                    ("size", .string("Medium")), ("wrap", .bool(true)),
                ]),
                .fields([
                    ("type", .string("TextBlock")), ("text", .string(details)), ("isSubtle", .bool(true)),
                    ("size", .string("Small")), ("wrap", .bool(true)),
                ]),
            ]
            if let templated {
                blocks = [
                    .fields([("type", .string("TextBlock")), ("text", .string(templated)), ("wrap", .bool(true))])
                ]
            } else if !summary.isEmpty {
                blocks.append(
                    .fields([("type", .string("TextBlock")), ("text", .string(summary)), ("wrap", .bool(true))]))
            }
            let card = JSONValue.fields([
                ("$schema", .string("http://adaptivecards.io/schemas/adaptive-card.json")),
                ("type", .string("AdaptiveCard")), ("version", .string("1.4")), ("body", .array(blocks)),
                (
                    "actions",
                    view.link.map { link in
                        .array([
                            .fields([
                                ("type", .string("Action.OpenUrl")), ("title", .string("Open")), ("url", .string(link)),
                            ])
                        ])
                    }
                ),
            ])
            return .fields([
                ("type", .string("message")),
                (
                    "attachments",
                    .array([
                        .fields([
                            ("contentType", .string("application/vnd.microsoft.card.adaptive")), ("content", card),
                        ])
                    ])
                ),
            ])
        case .mattermost, .rocketChat:
            let limit = kind == .mattermost ? Limits.mattermost : Limits.rocketChat
            let layout = MessageLayout(
                limit: limit, unit: kind == .mattermost ? .scalars : .utf16, escaper: .markdown)
            let text =
                layout.render(template, alert)
                ?? layout.render(
                    headingPieces(view, linked: { "**[" + "\u{0}" + $0 }, plain: "**", close: { _ in "**" })
                        .map { piece in Self.markdownLink(piece) }
                        + [.init(text: view.details, cap: 600, priority: 1), .init(text: view.summary, priority: 2)])
            return .fields([("text", .string(text))])
        case .googleChat:
            let layout = MessageLayout(limit: Limits.googleChat, unit: .utf8, escaper: .googleChat)
            let text =
                layout.render(template, alert)
                ?? layout.render([
                    .init(before: "*", text: view.heading, after: "*", cap: 300, priority: 0),
                    .init(before: "<", text: view.link ?? "", after: "|open>", priority: 1, verbatim: true),
                    .init(text: view.details, cap: 600, priority: 2),
                    .init(text: view.summary, priority: 3),
                ])
            return .fields([("text", .string(text))])
        case .matrix:
            let plainLayout = MessageLayout(limit: Limits.matrixText, unit: .utf8, escaper: .mentionsOnly)
            let htmlLayout = MessageLayout(
                limit: Limits.matrixHTML, unit: .utf8, escaper: .matrixHTML, separator: "<br>")
            // A template writes the HTML body; the plain body is the same without the template's tags.
            if let html = htmlLayout.render(template, alert),
                let plain = plainLayout.render(template, alert, plainText: true)
            {
                return .fields([("id", .string(alert.id)), ("text", .string(plain)), ("html", .string(html))])
            }
            let plain = plainLayout.render([
                .init(text: view.heading, cap: 1_000, priority: 0),
                .init(text: view.link ?? "", priority: 1, verbatim: true),
                .init(text: view.details, cap: 1_000, priority: 2),
                .init(text: view.summary, priority: 3),
            ])
            let html =
                htmlLayout
                .render(
                    headingPieces(view, linked: { "<strong><a href=\"\(Self.attribute($0))\">" }, plain: "<strong>") {
                        $0 ? "</a></strong>" : "</strong>"
                    } + [
                        .init(before: "<em>", text: view.details, after: "</em>", cap: 2_000, priority: 1),
                        .init(text: view.summary, priority: 2),
                    ])
            return .fields([("id", .string(alert.id)), ("text", .string(plain)), ("html", .string(html))])
        case .ntfy:
            let title = TextFit.fit(view.heading, limit: Limits.ntfyTitle, unit: .utf8)
            let layout = MessageLayout(limit: Limits.ntfyMessage, unit: .utf8, escaper: .plain)
            let message =
                layout.render(template, alert)
                ?? layout.render([
                    .init(text: view.details, cap: 600, priority: 0),
                    .init(text: view.summary, priority: 1),
                ])
            return .fields([
                ("topic", .string(options.topic ?? "")), ("title", .string(title)), ("message", .string(message)),
                ("click", view.link.map(JSONValue.string)), ("priority", options.priority.map(JSONValue.int)),
                ("tags", .array([.string(view.isNotice ? "warning" : "newspaper")])),
            ])
        case .gotify:
            let title = TextFit.fit(view.heading, limit: Limits.gotifyTitle, unit: .utf8)
            let layout = MessageLayout(limit: Limits.gotifyMessage, unit: .utf8, escaper: .plain)
            let message =
                layout.render(template, alert)
                ?? layout.render([
                    .init(text: view.link ?? "", priority: 0, verbatim: true),
                    .init(text: view.details, cap: 600, priority: 1),
                    .init(text: view.summary, priority: 2),
                ])
            return .fields([
                ("title", .string(title)), ("message", .string(message)),
                ("priority", options.priority.map(JSONValue.int)),
                (
                    "extras",
                    .fields([
                        ("client::display", .object([("contentType", .string("text/plain"))])),
                        (
                            "client::notification",
                            view.link.map { .object([("click", .object([("url", .string($0))]))]) }
                        ),
                    ])
                ),
            ])
        case .telegram:
            let layout = MessageLayout(
                limit: Limits.telegram, unit: .utf16, escaper: .telegram, measureSource: true)
            let text =
                layout.render(template, alert)
                ?? layout.render(
                    headingPieces(view, linked: { "<b><a href=\"\(Self.attribute($0))\">" }, plain: "<b>") {
                        $0 ? "</a></b>" : "</b>"
                    } + [
                        .init(before: "<i>", text: view.details, after: "</i>", cap: 600, priority: 1),
                        .init(text: view.summary, priority: 2),
                    ])
            return .fields([
                ("chat_id", .string(options.chatID ?? "")), ("text", .string(text)), ("parse_mode", .string("HTML")),
                ("link_preview_options", .object([("is_disabled", .bool(true))])),
            ])
        }
    }

    /// The heading, wrapped in a link when the alert has one.
    private func headingPieces(
        _ view: AlertView, linked: (String) -> String, plain: String, close: (Bool) -> String
    ) -> [MessageLayout.Piece] {
        let opening = view.link.map(linked) ?? plain
        return [.init(before: opening, text: view.heading, after: close(view.link != nil), cap: 300, priority: 0)]
    }

    /// `**[` NUL link → `**[` heading `](link)**`: Markdown puts the link after the text.
    private static func markdownLink(_ piece: MessageLayout.Piece) -> MessageLayout.Piece {
        var piece = piece
        guard let marker = piece.before.firstIndex(of: "\u{0}") else { return piece }
        let link = String(piece.before[piece.before.index(after: marker)...])
        piece.before = String(piece.before[..<marker])
        piece.after = "](\(link))**"
        return piece
    }

    /// A link inside an HTML attribute: `SafeLink` already encoded quotes; `&` becomes `&amp;`.
    private static func attribute(_ link: String) -> String {
        link.replacingOccurrences(of: "&", with: "&amp;")
    }
}

extension Escaper {
    /// Discord Markdown: backslash the syntax characters; break `@` so `@everyone`, `@here` and
    /// `<@id>` are plain text even where `allowed_mentions` is not honoured.
    static let discord = Escaper(
        backslashed: Set("\\*_~`[]#".unicodeScalars), breakAfter: ["@"])

    /// Mattermost and Rocket.Chat Markdown: backslash escapes; break `@` (`@channel`, `@all`, `@here`).
    static let markdown = Escaper(
        backslashed: Set("\\*_~`[]#".unicodeScalars), breakAfter: ["@"])

    /// Adaptive Card text: no escapes exist, so Markdown syntax and `<at>` are broken with a zero-width space.
    static let teams = Escaper(breakAfter: Set("<*_[]#~`".unicodeScalars))

    /// Google Chat: `<users/all>` and links use `<…>`; `*_~` are formatting.
    static let googleChat = Escaper(breakAfter: Set("<*_~`".unicodeScalars))

    /// Plain text where only mentions matter (Matrix `text`: `@room`).
    static let mentionsOnly = Escaper(breakAfter: ["@"])

    /// Matrix `formatted_body`: HTML text, with `@room` broken.
    static let matrixHTML = Escaper(entities: ["&": "&amp;", "<": "&lt;", ">": "&gt;"], breakAfter: ["@"])

    /// Telegram HTML parse mode: the three entities it knows, and `@` broken so no username links.
    static let telegram = Escaper(entities: ["&": "&amp;", "<": "&lt;", ">": "&gt;"], breakAfter: ["@"])
}

import Foundation

extension WebhookTarget {
    /// Reads a sink's `url`: an Apprise-style URL, a service's own https webhook URL (recognised by
    /// host and path), or any other http(s) URL, which receives Herald's JSON.
    ///
    /// | form | kind |
    /// |---|---|
    /// | `json://HOST[:PORT]/PATH`, `jsons://…` | Herald JSON over http, https |
    /// | `slack://T…/B…/SECRET`, `https://hooks.slack.com/services/…` | Slack |
    /// | `slack://xoxb-TOKEN/#channel` (`@user`, `+CHANNELID`) | Slack Web API (threads follow-ups) |
    /// | `discord://ID/TOKEN`, `https://discord.com/api/webhooks/ID/TOKEN` | Discord (`?wait=true` added) |
    /// | `workflows://HOST/PATH?QUERY`, `https://…logic.azure.com/…`, `https://…powerplatform.com/…` | Teams |
    /// | `mmost://HOST/KEY`, `mmosts://…` | Mattermost |
    /// | `rocket://HOST/ID/TOKEN`, `rockets://…` | Rocket.Chat |
    /// | `gchat://SPACE/KEY/TOKEN`, `https://chat.googleapis.com/v1/spaces/…` | Google Chat |
    /// | `hookshot://HOST/ID`, `hookshots://…` | Matrix (hookshot) |
    /// | `ntfy://HOST/TOPIC`, `ntfys://…`, `https://ntfy.sh/TOPIC` | ntfy |
    /// | `gotify://HOST/TOKEN`, `gotifys://…` | Gotify |
    /// | `tgram://TOKEN/CHAT`, `https://api.telegram.org/botTOKEN/sendMessage?chat_id=CHAT` | Telegram |
    ///
    /// The `s` forms (`jsons`, `mmosts`, …) use https; the plain ones http, as Apprise does.
    /// Errors never quote the URL: it holds the secret.
    public static func parse(_ text: String) throws(TargetError) -> WebhookTarget {
        let parts = try TargetURL.split(text)
        let (base, secure) = Self.baseScheme(parts.scheme)
        let web = secure ? "https" : "http"
        switch base {
        case "json":
            let host = try parts.hostPort(example: "json://example.org/hooks/herald")
            let path = parts.path.joined(separator: "/")
            let query = parts.rawQuery.map { "?" + $0 } ?? ""
            let url = try TargetURL.make("\(web)://\(host)/\(path)\(query)", example: "jsons://example.org/hook")
            return WebhookTarget(
                kind: .json, url: url, redacted: "\(parts.scheme)://\(host)/\(mask)",
                secrets: [text, url.absoluteString] + Self.tokenLike(parts))
        case "slack":
            if parts.authority.hasPrefix("xox") { return try slackBot(parts, raw: text) }
            let example = "slack://T000/B000/XXXXXXXX"
            let tokens = [parts.authority] + parts.path
            guard tokens.count == 3, tokens.allSatisfy({ TargetURL.isToken($0) }) else {
                throw TargetError("a slack URL needs three tokens", example: example)
            }
            let url = try TargetURL.make(
                "https://hooks.slack.com/services/\(tokens.joined(separator: "/"))", example: example)
            return WebhookTarget(
                kind: .slack, url: url, redacted: "slack://\(tokens[0])/\(mask)",
                secrets: [text, url.absoluteString, tokens[2]])
        case "discord":
            let example = "discord://123456789/TOKEN"
            guard parts.path.count == 1, TargetURL.isToken(parts.authority), TargetURL.isToken(parts.path[0]) else {
                throw TargetError("a discord URL needs the webhook id and token", example: example)
            }
            return try discord(id: parts.authority, token: parts.path[0], raw: text)
        case "workflows", "teams":
            let host = try parts.hostPort(example: "workflows://prod-00.westus.logic.azure.com/workflows/ID/triggers/…")
            let query = parts.rawQuery.map { "?" + $0 } ?? ""
            let url = try TargetURL.make(
                "https://\(host)/\(parts.path.joined(separator: "/"))\(query)", example: "workflows://HOST/PATH?QUERY")
            return WebhookTarget(
                kind: .teams, url: url, redacted: "workflows://\(host)/\(mask)",
                secrets: [text, url.absoluteString] + (parts.rawQuery.map { [$0] } ?? []))
        case "mmost":
            return try selfHostedHook(
                parts, raw: text, web: web, kind: .mattermost, segment: "hooks", service: "a mattermost URL",
                needs: "the hook key", example: "mmosts://chat.example.org/KEY")
        case "rocket":
            let host = try parts.hostPort(example: "rockets://chat.example.org/ID/TOKEN")
            guard parts.path.count == 2, parts.path.allSatisfy({ TargetURL.isToken($0) }) else {
                throw TargetError("a rocket.chat URL needs the hook id and token", example: "rockets://HOST/ID/TOKEN")
            }
            let url = try TargetURL.make(
                "\(web)://\(host)/hooks/\(parts.path[0])/\(parts.path[1])", example: "rockets://HOST/ID/TOKEN")
            return WebhookTarget(
                kind: .rocketChat, url: url, redacted: "\(parts.scheme)://\(host)/\(mask)",
                secrets: [text, url.absoluteString, parts.path[1]])
        case "gchat":
            let example = "gchat://SPACE/KEY/TOKEN"
            let tokens = [parts.authority] + parts.path
            guard tokens.count == 3, tokens.allSatisfy({ TargetURL.isToken($0) }) else {
                throw TargetError("a gchat URL needs the space, key and token", example: example)
            }
            let url = try TargetURL.make(
                "https://chat.googleapis.com/v1/spaces/\(tokens[0])/messages?key=\(tokens[1])&token=\(tokens[2])",
                example: example)
            return WebhookTarget(
                kind: .googleChat, url: url, redacted: "gchat://\(tokens[0])/\(mask)",
                secrets: [text, url.absoluteString, tokens[1], tokens[2]])
        case "hookshot":
            return try selfHostedHook(
                parts, raw: text, web: web, kind: .matrix, segment: "webhook", service: "a hookshot URL",
                needs: "the webhook id", example: "hookshots://matrix.example.org/ID")
        case "ntfy":
            let host = try parts.hostPort(example: "ntfys://ntfy.sh/TOPIC")
            guard parts.path.count == 1, TargetURL.isToken(parts.path[0]) else {
                throw TargetError("an ntfy URL needs one topic", example: "ntfys://ntfy.sh/TOPIC")
            }
            try parts.rejectOptions(except: ["priority"], kind: "ntfy", example: "ntfys://ntfy.sh/TOPIC")
            let url = try TargetURL.make("\(web)://\(host)/", example: "ntfys://ntfy.sh/TOPIC")
            return WebhookTarget(
                kind: .ntfy, url: url,
                options: Options(topic: parts.path[0], priority: try priority(parts, range: 1...5)),
                redacted: "\(parts.scheme)://\(host)/\(mask)", secrets: [text, parts.path[0]])
        case "gotify":
            let host = try parts.hostPort(example: "gotifys://push.example.org/TOKEN")
            guard let token = parts.path.last, TargetURL.isToken(token) else {
                throw TargetError("a gotify URL needs the app token", example: "gotifys://HOST/TOKEN")
            }
            try parts.rejectOptions(except: ["priority"], kind: "gotify", example: "gotifys://HOST/TOKEN")
            let prefix = parts.path.dropLast().joined(separator: "/")
            let url = try TargetURL.make(
                "\(web)://\(host)/\(prefix.isEmpty ? "" : prefix + "/")message?token=\(token)",
                example: "gotify://HOST/TOKEN")
            return WebhookTarget(
                kind: .gotify, url: url, options: Options(priority: try priority(parts, range: 0...10)),
                redacted: "\(parts.scheme)://\(host)/\(mask)", secrets: [text, url.absoluteString, token])
        case "tgram":
            let example = "tgram://123456:ABC-DEF/-1001234567890"
            guard parts.path.count == 1, TargetURL.isToken(parts.authority, extra: ":"),
                TargetURL.isToken(parts.path[0], extra: "@")
            else {
                throw TargetError("a tgram URL needs the bot token and the chat id", example: example)
            }
            return try telegram(token: parts.authority, chat: parts.path[0], raw: text)
        case "http":
            return try webTarget(parts, raw: text)
        default:
            throw TargetError(
                "the target URL's scheme is not one Herald knows",
                example: "https://…, json://, slack://, discord://, workflows://, mmost://, rocket://, gchat://, "
                    + "hookshot://, ntfy://, gotify://, tgram://")
        }
    }

    /// Parts of a generic URL that look like tokens (16 characters or more), and the query: a
    /// receiver quoting one back in an error must not put it in a log.
    private static func tokenLike(_ parts: TargetURL) -> [String] {
        parts.path.filter { $0.count >= 16 } + parts.query.map(\.1).filter { $0.count >= 6 }
            + (parts.rawQuery.map { [$0] } ?? [])
    }

    /// A self-hosted service's hook: `SCHEME://HOST[/PREFIX…]/TOKEN` → `WEB://HOST[/PREFIX…]/SEGMENT/TOKEN`
    /// (Mattermost's `hooks/KEY`, hookshot's `webhook/ID`).
    private static func selfHostedHook(
        _ parts: TargetURL, raw: String, web: String, kind: Kind, segment: String, service: String, needs: String,
        example: String
    ) throws(TargetError) -> WebhookTarget {
        let host = try parts.hostPort(example: example)
        guard let token = parts.path.last, TargetURL.isToken(token) else {
            throw TargetError("\(service) needs \(needs)", example: example)
        }
        let prefix = parts.path.dropLast().map { $0 + "/" }.joined()
        let url = try TargetURL.make("\(web)://\(host)/\(prefix)\(segment)/\(token)", example: example)
        return WebhookTarget(
            kind: kind, url: url, redacted: "\(parts.scheme)://\(host)/\(mask)",
            secrets: [raw, url.absoluteString, token])
    }

    /// `ntfys` → (`ntfy`, true); `https` → (`http`, true).
    private static func baseScheme(_ scheme: String) -> (String, Bool) {
        let known = ["json", "mmost", "rocket", "hookshot", "ntfy", "gotify", "http"]
        if scheme.hasSuffix("s"), known.contains(String(scheme.dropLast())) { return (String(scheme.dropLast()), true) }
        return (scheme, false)
    }

    private static func priority(_ parts: TargetURL, range: ClosedRange<Int>) throws(TargetError) -> Int? {
        guard let raw = parts.option("priority") else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            throw TargetError("priority must be a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    private static func discord(id: String, token: String, raw: String) throws(TargetError) -> WebhookTarget {
        let url = try TargetURL.make(
            "https://discord.com/api/webhooks/\(id)/\(token)?wait=true", example: "discord://ID/TOKEN")
        return WebhookTarget(
            kind: .discord, url: url, redacted: "discord://\(id)/\(mask)", secrets: [raw, url.absoluteString, token])
    }

    private static func telegram(token: String, chat: String, raw: String) throws(TargetError) -> WebhookTarget {
        let url = try TargetURL.make("https://api.telegram.org/bot\(token)/sendMessage", example: "tgram://TOKEN/CHAT")
        return WebhookTarget(
            kind: .telegram, url: url, options: Options(chatID: chat), redacted: "tgram://\(mask)/\(chat)",
            secrets: [raw, url.absoluteString, token])
    }

    /// A service's own https URL, or Herald JSON for any other.
    private static func webTarget(_ parts: TargetURL, raw: String) throws(TargetError) -> WebhookTarget {
        let host = try parts.hostPort(example: "https://example.org/hooks/herald")
        // Recognised by the host name alone: `:443` changes nothing.
        let lower = parts.host.lowercased()
        let path = parts.path
        guard let url = URL(string: raw.trimmingCharacters(in: .whitespacesAndNewlines)), url.host != nil else {
            throw TargetError("the target URL is not valid", example: "https://example.org/hooks/herald")
        }
        let redacted = "\(parts.scheme)://\(host)/\(mask)"
        let secrets = [raw, url.absoluteString] + Self.tokenLike(parts)
        if lower == "hooks.slack.com" {
            return WebhookTarget(kind: .slack, url: url, redacted: redacted, secrets: secrets)
        }
        if lower == "discord.com" || lower == "discordapp.com", path.count >= 4, path[0] == "api",
            let index = path.firstIndex(of: "webhooks"), path.count > index + 2
        {
            return try discord(id: path[index + 1], token: path[index + 2], raw: raw)
        }
        if lower.hasSuffix(".logic.azure.com") || lower.hasSuffix(".powerplatform.com")
            || lower.hasSuffix(".powerautomate.com")
        {
            return WebhookTarget(kind: .teams, url: url, redacted: redacted, secrets: secrets)
        }
        if lower == "chat.googleapis.com" {
            return WebhookTarget(kind: .googleChat, url: url, redacted: redacted, secrets: secrets)
        }
        if lower == "api.telegram.org", path.count == 2, path[0].hasPrefix("bot"),
            let chat = parts.option("chat_id")
        {
            return try telegram(token: String(path[0].dropFirst(3)), chat: chat, raw: raw)
        }
        if lower == "ntfy.sh", path.count == 1 {
            let root = try TargetURL.make("https://ntfy.sh/", example: "https://ntfy.sh/TOPIC")
            return WebhookTarget(
                kind: .ntfy, url: root, options: Options(topic: path[0]), redacted: redacted, secrets: [raw, path[0]])
        }
        // Self-hosted services (Mattermost, Rocket.Chat, hookshot, Gotify) cannot be told from a
        // generic receiver by their https URL: they take their Apprise-style scheme.
        return WebhookTarget(kind: .json, url: url, redacted: redacted, secrets: secrets)
    }
}

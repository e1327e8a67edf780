import Foundation
import HeraldCore
import HeraldHTTP

/// A story's follow-ups and updates on chat targets that can attach them to the first alert's
/// message, using the id the receiver gave for that message:
///
/// - Slack through the Web API (`slack://xoxb-…/#channel`): a reply in the first alert's thread
///   (`thread_ts`, `reply_broadcast: false`). An incoming webhook answers only "ok" and cannot thread.
/// - Discord: an edit (PATCH `…/messages/ID`) of the first alert's message, adding or refreshing its
///   "Also reported by N outlets: …" line; mentions stay off.
/// - Telegram: a reply to the first alert's message (`reply_parameters`), sent even if that message
///   is gone.
///
/// Every other target, and these when no id is known, receive the follow-up as a message of its own.
extension WebhookTarget {
    /// The POST for `alert`: URL, headers (`webhook-id` always) and body, replying in `thread`
    /// where the target threads replies.
    ///
    /// With a `template`, the template writes the message text the service shows (see docs/templates.md);
    /// the envelope, the escaping of feed text and the limit stay the target's.
    public func payload(
        for alert: Alert, thread: StoryThread? = nil, template: MessageTemplate? = nil
    ) -> WebhookPayload {
        var extra: [(String, JSONValue?)] = []
        if kind == .slack, let channel = options.channel {
            extra.append(("channel", .string(thread?.message.channel ?? channel)))
            if let thread {
                extra += [("thread_ts", .string(thread.message.id)), ("reply_broadcast", .bool(false))]
            }
        } else if kind == .telegram, let thread, let id = Int(thread.message.id) {
            extra.append(
                (
                    "reply_parameters",
                    .fields([("message_id", .int(id)), ("allow_sending_without_reply", .bool(true))])
                ))
        }
        return WebhookPayload.json(body(for: alert, template: template).adding(extra), to: self, alert: alert)
    }

    /// For targets that edit the first alert's message instead of posting (Discord): the edit
    /// request for `alert`, or nil when this target does not edit.
    public func editPayload(
        for alert: Alert, thread: StoryThread, template: MessageTemplate? = nil
    ) -> WebhookPayload? {
        guard kind == .discord, let url = messageURL(thread.message.id) else { return nil }
        var edited = thread.first
        let story = alert.story ?? thread.first.story
        edited.story = story
        let line = story.map { $0.alsoReportedBy ?? "\($0.items) reports" } ?? ""
        edited.summary = [line, thread.first.summary].filter { !$0.isEmpty }.joined(separator: "\n")
        return WebhookPayload.json(body(for: edited, template: template), to: self, url: url, alert: alert)
    }

    /// Discord's `…/webhooks/ID/TOKEN/messages/MESSAGE` for the webhook at `url`.
    private func messageURL(_ message: String) -> URL? {
        guard TargetURL.isToken(message), var components = URLComponents(url: url, resolvingAgainstBaseURL: false)
        else { return nil }
        components.percentEncodedPath += "/messages/" + message
        components.query = nil
        return components.url
    }

    /// The receiver's id of the message a successful response created, when this target names
    /// it: Discord's `id` (with `?wait=true`), Slack Web API's `ts` and `channel`, Telegram's
    /// `result.message_id`. Ids are kept only when they have the service's shape.
    func remoteMessage(in response: HTTPResponse) -> RemoteMessage? {
        guard (200..<300).contains(response.status), !response.bodyTruncated, response.body.first == UInt8(ascii: "{"),
            let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any]
        else { return nil }
        switch kind {
        case .discord:
            guard let id = object["id"] as? String, Self.isDigits(id) else { return nil }
            return RemoteMessage(
                id: id, channel: (object["channel_id"] as? String).flatMap { Self.isDigits($0) ? $0 : nil })
        case .slack where options.channel != nil:
            guard let ts = object["ts"] as? String, TargetURL.isToken(ts), let channel = object["channel"] as? String,
                TargetURL.isToken(channel)
            else { return nil }
            return RemoteMessage(id: ts, channel: channel)
        case .telegram:
            guard let result = object["result"] as? [String: Any], let id = result["message_id"] as? NSNumber else {
                return nil
            }
            let chat = (result["chat"] as? [String: Any])?["id"] as? NSNumber
            return RemoteMessage(id: String(id.int64Value), channel: chat.map { String($0.int64Value) })
        default:
            return nil
        }
    }

    private static func isDigits(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// `slack://xoxb-TOKEN/#channel`, `…/@user`, `…/+C0123ABCD` (a channel id), or a bare
    /// channel name (`#` is added) or id (`C…`, `G…`, `D…` in capitals and digits): Slack's Web API
    /// `chat.postMessage` with the bot token, as Apprise spells it.
    static func slackBot(_ parts: TargetURL, raw: String) throws(TargetError) -> WebhookTarget {
        let example = "slack://xoxb-1234-5678-abcdef/#alerts"
        let token = parts.authority
        guard TargetURL.isToken(token) else { throw TargetError("a slack bot token has characters a token never has") }
        let written: String
        if let fragment = parts.fragment, parts.path.isEmpty {
            written = "#" + fragment
        } else if parts.path.count == 1, !parts.hasFragment {
            written = parts.path[0].removingPercentEncoding ?? parts.path[0]
        } else {
            throw TargetError("a slack bot URL needs the bot token and one channel", example: example)
        }
        let channel: String
        if written.hasPrefix("+") {
            channel = String(written.dropFirst())
        } else if written.hasPrefix("#") || written.hasPrefix("@") {
            channel = written
        } else if written.wholeMatch(of: /[CGD][A-Z0-9]{8,}/) != nil {
            channel = written
        } else {
            channel = "#" + written
        }
        guard channel.count > 1, TargetURL.isToken(channel, extra: "#@") else {
            throw TargetError("a slack bot URL needs a channel: #name, @user or +ID", example: example)
        }
        guard parts.rawQuery == nil else { throw TargetError("a slack bot URL takes no options", example: example) }
        let url = try TargetURL.make("https://slack.com/api/chat.postMessage", example: example)
        return WebhookTarget(
            kind: .slack, url: url, headers: [("Authorization", "Bearer \(token)")], options: Options(channel: channel),
            redacted: "slack://\(mask)/\(channel)", secrets: [raw, token])
    }
}

extension JSONValue {
    /// This object with `members` added at the end (nil values left out); other values unchanged.
    func adding(_ members: [(String, JSONValue?)]) -> JSONValue {
        guard case .object(let existing) = self, !members.isEmpty else { return self }
        return .object(existing + members.compactMap { key, value in value.map { (key, $0) } })
    }
}

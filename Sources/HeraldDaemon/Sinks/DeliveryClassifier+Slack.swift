import Foundation
import HeraldCore
import HeraldHTTP

/// Slack's Web API answers most failures with HTTP 200 and `{"ok": false, "error": "…"}`: the
/// error name decides what the lane does, as a status code does elsewhere.
extension DeliveryClassifier {
    /// The token or its app is gone, or the bot cannot post where it is told to: switch the sink off.
    static let slackDisabling: Set<String> = [
        "not_authed", "invalid_auth", "account_inactive", "token_revoked", "token_expired", "no_permission",
        "missing_scope", "org_login_required", "ekm_access_denied", "access_denied", "team_access_not_granted",
        "channel_not_found", "not_in_channel", "is_archived", "restricted_action",
    ]
    /// Slack's own trouble: try again later.
    static let slackRetried: Set<String> = [
        "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
    ]
    /// The message a reply was meant for is gone: the reply goes out as a message of its own.
    static let slackThreadGone: Set<String> = ["thread_not_found", "message_not_found"]

    /// For a 2xx from Slack's Web API: the failure it reports (`ok: false`), with Slack's error
    /// name; nil when it says `ok: true` or is not the Web API's JSON.
    static func slackAPIFailure(
        _ response: HTTPResponse, sink: String, target: String, redactor: Redactor
    ) -> (error: SinkError, code: String)? {
        guard response.body.first == UInt8(ascii: "{"),
            let object = try? JSONSerialization.jsonObject(with: response.body) as? [String: Any],
            object["ok"] as? Bool == false
        else { return nil }
        let code = (object["error"] as? String).map { String($0.prefix(80)) } ?? "unknown_error"
        let disposition: SinkError.Disposition =
            slackDisabling.contains(code) ? .disableSink : slackRetried.contains(code) ? .retry : .deadLetter
        let excerpt = redactor.redact(String(decoding: response.body.prefix(excerptBytes), as: UTF8.self))
        return (
            SinkError(
                sink: sink, message: redactor.redact("Slack error \(code) from \(target)"), disposition: disposition,
                status: response.status, excerpt: excerpt),
            code
        )
    }
}

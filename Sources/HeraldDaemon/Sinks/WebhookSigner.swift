import Crypto
import Foundation

/// Signs webhook bodies the Standard Webhooks way (standardwebhooks.com), plus one GitHub-style
/// header for receivers that only check a body HMAC.
///
/// - `webhook-id`: the alert's id (the same on every re-send).
/// - `webhook-timestamp`: Unix seconds of this attempt.
/// - `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`.
/// - `X-Herald-Signature-256: sha256=<hex HMAC-SHA256 of the body>`.
///
/// The key is the base64 text after `whsec_`.
public struct WebhookSigner: Sendable {
    let key: SymmetricKey

    /// Nil, with the reason, when the secret is not `whsec_` followed by base64.
    public static func make(secret: String) -> Result<WebhookSigner, SignerError> {
        guard secret.hasPrefix("whsec_") else { return .failure(SignerError(message: "must start with whsec_")) }
        guard let bytes = Data(base64Encoded: String(secret.dropFirst(6))), bytes.count >= 16 else {
            return .failure(SignerError(message: "the part after whsec_ must be base64 of at least 16 bytes"))
        }
        return .success(WebhookSigner(key: SymmetricKey(data: bytes)))
    }

    /// What went wrong with a signing secret (never quoting it).
    public struct SignerError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// `v1,<base64>` for one message.
    public func signature(id: String, timestamp: Int, body: Data) -> String {
        var message = Data("\(id).\(timestamp).".utf8)
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: key)
        return "v1," + Data(mac).base64EncodedString()
    }

    /// `sha256=<hex>` of the body alone.
    public func bodySignature(_ body: Data) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: key)
        return "sha256=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// The three signing headers for one attempt.
    public func headers(id: String, timestamp: Int, body: Data) -> [(String, String)] {
        [
            ("webhook-timestamp", String(timestamp)),
            ("webhook-signature", signature(id: id, timestamp: timestamp, body: body)),
            ("X-Herald-Signature-256", bodySignature(body)),
        ]
    }
}

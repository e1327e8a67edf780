import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldDaemon

/// Standard Webhooks signatures, checked against the specification's own example and against
/// an HMAC computed by openssl, a separate implementation.
@Suite("Webhook signing")
struct SigningTests {
    @Test("the Standard Webhooks known-answer vector")
    func knownAnswer() throws {
        // From the Standard Webhooks specification's reference tests.
        let signer = try WebhookSigner.make(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").get()
        let signature = signer.signature(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Data(#"{"test": 2432232314}"#.utf8))
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test("secrets that are not whsec_ base64 are refused without being quoted")
    func badSecrets() {
        for secret in ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_!!notbase64!!", "whsec_c2hvcnQ="] {
            guard case .failure(let error) = WebhookSigner.make(secret: secret) else {
                Issue.record("accepted \(secret)")
                continue
            }
            #expect(!error.description.contains(secret))
        }
    }

    @Test("a signed POST carries webhook-id, webhook-timestamp and both signatures, and openssl agrees")
    func signedPost() async throws {
        let receiver = try ScriptedReceiver([.respond(status: 204)])
        let workspace = try Workspace()
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let herald = try deliveryHerald(
            [.hook("hook", receiver.url().absoluteString, signingSecret: secret)], workspace: workspace)
        let alerts = try await seedAlerts(1, in: herald.store, sinks: ["hook"])
        #expect(await herald.deliver().delivered == 1)
        let request = try #require(receiver.requests.first)
        let id = try #require(request.header("webhook-id"))
        let timestamp = try #require(request.header("webhook-timestamp"))
        #expect(id == alerts[0].id)
        #expect(abs((Double(timestamp) ?? 0) - Date().timeIntervalSince1970) < 60)
        let body = try JSONSerialization.jsonObject(with: request.body) as? [String: Any]
        #expect(body?["id"] as? String == id)

        let key = try #require(Data(base64Encoded: "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        var signed = Data("\(id).\(timestamp).".utf8)
        signed.append(request.body)
        let expected = try openssl(hmacOf: signed, key: key)
        #expect(request.header("webhook-signature") == "v1," + expected.base64EncodedString())
        let bodyMAC = try openssl(hmacOf: request.body, key: key)
        #expect(
            request.header("X-Herald-Signature-256") == "sha256=" + bodyMAC.map { String(format: "%02x", $0) }.joined())
        await herald.shutdown()
    }

    /// HMAC-SHA256 by the openssl command-line tool.
    func openssl(hmacOf data: Data, key: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        let hexKey = key.map { String(format: "%02x", $0) }.joined()
        process.arguments = ["dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:\(hexKey)", "-binary"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: data)
        try input.fileHandleForWriting.close()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return result
    }
}

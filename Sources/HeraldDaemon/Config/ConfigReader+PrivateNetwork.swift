import Foundation
import HeraldHTTP

extension ConfigReader {
    /// Why a feed URL names a private address outright — an IP literal in a range the fetcher's
    /// guard refuses, or `localhost` — or nil. Host names that resolve to such an address are only
    /// caught at connect time; this spares the user a failed poll to learn what the config says.
    static func privateAddress(in url: URL) -> String? {
        guard var host = url.host?.lowercased() else { return nil }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host.hasSuffix(".localhost") { return "'\(host)' is a loopback name" }
        guard let address = IPAddress(host) else { return nil }
        return NetworkAddressPolicy.standard.refusal(for: address).map { "\(address) is \($0)" }
    }
}

/// Which addresses a feed fetch may connect to when its feed does not allow private networks.
///
/// A feed URL is data from a config file, and a redirect is data from a stranger: neither may make
/// Herald probe the host it runs on or the networks behind it (server-side request forgery). The
/// guard judges the address libcurl is about to connect to — after DNS, on every redirect hop — so
/// a name that resolves (or re-resolves) to 127.0.0.1 is caught too.
///
/// Refused: IPv4 0.0.0.0/8, 10/8, 100.64/10 (CGNAT), 127/8, 169.254/16, 172.16/12, 192.0.0/24
/// (IETF protocol assignments), 192.168/16, 198.18/15 (benchmarking), 224/4 (multicast), 240/4
/// (reserved, broadcast); IPv6 `::`, `::1`, 64:ff9b:1::/48 (local-use NAT64), fc00::/7 (ULA),
/// fe80::/10, fec0::/10 (old site-local), ff00::/8 (multicast). IPv6 forms that carry an IPv4 address —
/// IPv4-mapped `::ffff:0:0/96`, IPv4-compatible `::/96`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`
/// and Teredo `2001::/32` (server and de-obfuscated client) — are judged by that IPv4 address.
public struct NetworkAddressPolicy: Sendable {
    /// Addresses treated as public although a refused range holds them. Empty in production; tests
    /// use it to let one loopback address stand in for a public server.
    public var exemptions: [IPNetwork]

    public init(exemptions: [IPNetwork] = []) {
        self.exemptions = exemptions
    }

    /// The policy of every production client: no exemptions.
    public static let standard = NetworkAddressPolicy()

    /// Why a guarded transfer must not connect to `address` ("a loopback address"), or nil when it may.
    public func refusal(for address: IPAddress) -> String? {
        if exemptions.contains(where: { $0.contains(address) }) { return nil }
        if address.isIPv4 { return Self.refusal(ipv4: address) }
        if let (embedded, form) = Self.embeddedIPv4(in: address) {
            return refusal(for: embedded).map { "\(form) of \(embedded), \($0)" }
        }
        return Self.ipv6Ranges.first { $0.network.contains(address) }.map(\.reason)
    }

    private static func refusal(ipv4 address: IPAddress) -> String? {
        ipv4Ranges.first { $0.network.contains(address) }.map(\.reason)
    }

    private static let ipv4Ranges = ranges([
        ("0.0.0.0/8", "a 'this network' address"),
        ("10.0.0.0/8", "a private (RFC 1918) address"),
        ("100.64.0.0/10", "a carrier-grade NAT address"),
        ("127.0.0.0/8", "a loopback address"),
        ("169.254.0.0/16", "a link-local address"),
        ("172.16.0.0/12", "a private (RFC 1918) address"),
        ("192.0.0.0/24", "an IETF protocol assignment address"),
        ("192.168.0.0/16", "a private (RFC 1918) address"),
        ("198.18.0.0/15", "a benchmarking address"),
        ("224.0.0.0/4", "a multicast address"),
        ("240.0.0.0/4", "a reserved or broadcast address"),
    ])

    private static let ipv6Ranges = ranges([
        ("::/128", "the unspecified address"),
        ("::1/128", "a loopback address"),
        // RFC 8215: a site's own NAT64 prefix, which may embed the IPv4 address anywhere.
        ("64:ff9b:1::/48", "a local-use NAT64 address"),
        ("fc00::/7", "a unique local address"),
        ("fe80::/10", "a link-local address"),
        ("fec0::/10", "a site-local address"),
        ("ff00::/8", "a multicast address"),
    ])

    private static func ranges(_ table: [(String, String)]) -> [(network: IPNetwork, reason: String)] {
        table.map { (IPNetwork($0.0)!, $0.1) }
    }

    private static let mapped = IPNetwork("::ffff:0:0/96")!
    private static let compatible = IPNetwork("::/96")!
    private static let nat64 = IPNetwork("64:ff9b::/96")!
    private static let sixToFour = IPNetwork("2002::/16")!
    private static let teredo = IPNetwork("2001::/32")!

    /// The IPv4 address an IPv6 address routes to, if it is one of the forms that carry one.
    /// Teredo carries two (server and client); the worse of them is returned.
    private static func embeddedIPv4(in address: IPAddress) -> (IPAddress, String)? {
        let bytes = address.bytes
        func ipv4(_ slice: ArraySlice<UInt8>) -> IPAddress { IPAddress(bytes: Array(slice))! }
        // `::` and `::1` sit inside ::/96 but are IPv6's own; the range table names them better.
        if address == IPAddress("::")! || address == IPAddress("::1")! { return nil }
        if mapped.contains(address) { return (ipv4(bytes[12..<16]), "an IPv4-mapped form") }
        if compatible.contains(address) { return (ipv4(bytes[12..<16]), "an IPv4-compatible form") }
        if nat64.contains(address) { return (ipv4(bytes[12..<16]), "a NAT64 form") }
        if sixToFour.contains(address) { return (ipv4(bytes[2..<6]), "a 6to4 form") }
        if teredo.contains(address) {
            let server = ipv4(bytes[4..<8])
            // RFC 4380: the client's public IPv4 address is stored with every bit inverted.
            let client = IPAddress(bytes: bytes[12..<16].map { ~$0 })!
            let worse = refusal(ipv4: client) != nil ? client : server
            return (worse, "a Teredo form")
        }
        return nil
    }
}

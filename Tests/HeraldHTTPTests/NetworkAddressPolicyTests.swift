import Testing

@testable import HeraldHTTP

/// The private-network guard's address table, range by range, with neighbours just outside.
@Suite("NetworkAddressPolicy")
struct NetworkAddressPolicyTests {
    static let refused: [String] = [
        // 0.0.0.0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12, 192.168/16, 224/4, 240/4
        "0.0.0.0", "0.255.255.255", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.255",
        "127.0.0.1", "127.255.255.254", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.168.1.1",
        "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255", "192.0.0.8", "198.18.0.1",
        "198.19.255.255",
        // IPv6 unspecified, loopback, link-local, ULA, site-local, multicast
        "::", "::1", "64:ff9b:1::a00:1", "64:ff9b:1:ffff::1", "fe80::1", "febf:ffff::1", "fc00::1", "fdff:ffff::1",
        "fec0::1", "ff02::1",
        // IPv4-mapped, IPv4-compatible, NAT64, 6to4 carrying private IPv4 addresses
        "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::ffff:169.254.169.254", "::127.0.0.1",
        "64:ff9b::7f00:1", "64:ff9b::a00:1", "2002:7f00:1::1", "2002:c0a8:101::1",
        // Teredo: client 127.0.0.1 (stored inverted as 80ff:fffe) behind a public server,
        // and a public client (8.8.8.8) behind server 10.0.0.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe", "2001:0:a00:1:8000:63bf:f7f7:f7f7",
    ]

    static let allowed: [String] = [
        "1.1.1.1", "8.8.8.8", "93.184.216.34", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
        "126.255.255.255", "128.0.0.0", "169.253.255.255", "169.255.0.0", "172.15.255.255", "172.32.0.0",
        "192.167.255.255", "192.169.0.0", "223.255.255.255", "192.0.1.0", "198.17.255.255", "198.20.0.0",
        "2606:4700::1111", "2001:4860:4860::8888", "fbff::1", "fe7f::1", "::2:1:1:1",
        "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7",
    ]

    @Test("refused addresses", arguments: refused)
    func refusedAddress(text: String) throws {
        let address = try #require(IPAddress(text))
        #expect(NetworkAddressPolicy.standard.refusal(for: address) != nil)
    }

    @Test("allowed addresses", arguments: allowed)
    func allowedAddress(text: String) throws {
        let address = try #require(IPAddress(text))
        #expect(NetworkAddressPolicy.standard.refusal(for: address) == nil)
    }

    @Test("the reason names the range, and the IPv4 address inside an IPv6 form")
    func reasons() throws {
        let policy = NetworkAddressPolicy.standard
        #expect(policy.refusal(for: try #require(IPAddress("127.0.0.1"))) == "a loopback address")
        #expect(policy.refusal(for: try #require(IPAddress("100.100.1.1"))) == "a carrier-grade NAT address")
        #expect(
            policy.refusal(for: try #require(IPAddress("::ffff:192.168.0.1")))
                == "an IPv4-mapped form of 192.168.0.1, a private (RFC 1918) address")
        #expect(
            policy.refusal(for: try #require(IPAddress("2001:0:4136:e378:8000:63bf:80ff:fffe")))
                == "a Teredo form of 127.0.0.1, a loopback address")
    }

    @Test("an exemption lets exactly its network through, in IPv4-mapped form too")
    func exemptions() throws {
        let policy = NetworkAddressPolicy(exemptions: [try #require(IPNetwork("127.0.0.2/32"))])
        #expect(policy.refusal(for: try #require(IPAddress("127.0.0.2"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("::ffff:127.0.0.2"))) == nil)
        #expect(policy.refusal(for: try #require(IPAddress("127.0.0.1"))) == "a loopback address")
        #expect(policy.refusal(for: try #require(IPAddress("127.0.0.3"))) != nil)
    }
}

@Suite("IPAddress and IPNetwork")
struct IPAddressTests {
    @Test("text forms parse to bytes and print canonically")
    func parsing() throws {
        #expect(IPAddress("10.1.2.3")?.bytes == [10, 1, 2, 3])
        #expect(IPAddress("::ffff:7f00:1")?.description == "::ffff:127.0.0.1")
        #expect(IPAddress("FE80:0:0::1")?.description == "fe80::1")
        #expect(IPAddress("2001:db8::1")?.bytes.count == 16)
        #expect(IPAddress("127.1") == nil)
        #expect(IPAddress("localhost") == nil)
        #expect(IPAddress(bytes: [1, 2, 3]) == nil)
    }

    @Test("CIDR blocks contain their addresses and nothing else")
    func networks() throws {
        let ten = try #require(IPNetwork("10.0.0.0/8"))
        #expect(ten.contains(try #require(IPAddress("10.200.3.4"))))
        #expect(!ten.contains(try #require(IPAddress("11.0.0.0"))))
        #expect(!ten.contains(try #require(IPAddress("::ffff:10.0.0.1"))))
        let cgnat = try #require(IPNetwork("100.64.0.0/10"))
        #expect(cgnat.contains(try #require(IPAddress("100.127.0.1"))))
        #expect(!cgnat.contains(try #require(IPAddress("100.128.0.1"))))
        let linkLocal = try #require(IPNetwork("fe80::/10"))
        #expect(linkLocal.contains(try #require(IPAddress("febf::1"))))
        #expect(!linkLocal.contains(try #require(IPAddress("fec0::1"))))
        #expect(IPNetwork("10.0.0.0/33") == nil)
        #expect(IPNetwork("10.0.0.0/x") == nil)
        #expect(IPNetwork("8.8.8.8")?.prefixLength == 32)
        #expect(IPNetwork("0.0.0.0/0")?.contains(try #require(IPAddress("203.0.113.9"))) == true)
    }
}

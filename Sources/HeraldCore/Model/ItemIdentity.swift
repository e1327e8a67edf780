import Foundation

/// Which of an item's keys make it "seen" for a feed (config `identity:`).
public enum IdentityKeyKind: String, Sendable, Hashable, CaseIterable {
    /// The publisher's guid / id, scoped to the feed (publishers reuse short ids such as "1").
    case guid
    /// The canonical link, global: the same article reached through two feeds is judged once.
    case link
    /// A hash of the normalised title and text, scoped to the feed.
    case fingerprint
}

/// The identity keys of one item.
public struct ItemKeys: Sendable, Hashable {
    /// Keys that make the item "seen" under the feed's policy, strongest first. Never empty: an item
    /// with none of the policy's keys falls back to its fingerprint.
    public var strong: [String]
    /// The fingerprint key, always computed: it recognises items whose guid and link changed
    /// (churn) and items whose text changed (edits).
    public var fingerprint: String

    public init(strong: [String], fingerprint: String) {
        self.strong = strong.isEmpty ? [fingerprint] : strong
        self.fingerprint = fingerprint
    }

    /// The key alert ids are derived from.
    public var primary: String { strong[0] }

    /// Every key to remember for the item.
    public var all: [String] { strong.contains(fingerprint) ? strong : strong + [fingerprint] }
}

/// The keys by which Herald recognises an item it has already judged.
public enum ItemIdentity {
    public static let defaultPolicy: [IdentityKeyKind] = [.guid, .link]

    /// The item's keys under `policy` (the kinds that count as strong, in order).
    public static func keys(feed: String, item: Item, policy: [IdentityKeyKind] = defaultPolicy) -> ItemKeys {
        let fingerprint = fingerprintPrefix(feed) + contentHash(item)
        var strong: [String] = []
        for kind in policy {
            switch kind {
            case .guid:
                if let guid = item.guid, !guid.isEmpty { strong.append(guidPrefix(feed) + guid) }
            case .link:
                if let link = item.link.flatMap(canonicalLink) { strong.append("link:\(link)") }
            case .fingerprint:
                strong.append(fingerprint)
            }
        }
        return ItemKeys(strong: strong, fingerprint: fingerprint)
    }

    /// Whether `key` belongs to one feed (guid and fingerprint keys name their feed) rather than
    /// to every feed (links).
    public static func isFeedScoped(_ key: String) -> Bool { !key.hasPrefix("link:") }

    /// What every feed-scoped key of `feed` starts with; each ends in a unit separator (U+001F).
    public static func scopedKeyPrefixes(feed: String) -> [String] { [guidPrefix(feed), fingerprintPrefix(feed)] }

    private static func guidPrefix(_ feed: String) -> String { "guid:\(feed)\u{1F}" }
    private static func fingerprintPrefix(_ feed: String) -> String { "fp:\(feed)\u{1F}" }

    /// Title and text reduced to lower-cased letters, marks and digits (Unicode categories L, M and
    /// N) separated by single spaces, so re-rendered markup, whitespace or punctuation changes are
    /// not "edits". Runs on every item of every poll, so it works on scalars and bytes, with an
    /// ASCII fast path, rather than through `CharacterSet`.
    static func normalizedContent(_ item: Item) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(item.title.utf8.count + item.bodyText.utf8.count + 3)
        var writer = NormalizedTextWriter(output: bytes)
        writer.append(item.title)
        writer.separate()
        writer.append(item.bodyText)
        return String(decoding: writer.output, as: UTF8.self)
    }

    /// `StableHash.hex128(normalizedContent(item))`, without building the normalised text: its
    /// bytes go straight into the hash.
    static func contentHash(_ item: Item) -> String {
        var writer = NormalizedTextWriter(output: HashedText())
        writer.append(item.title)
        writer.separate()
        writer.append(item.bodyText)
        return writer.output.hasher.hex128
    }

    /// Query parameters that only track readers; dropping them makes one article one link.
    static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src", "cmpid", "at_medium",
        "at_campaign", "ocid", "spm", "yclid",
    ]

    /// The link with scheme and host lower-cased, default port, fragment and tracking parameters
    /// removed. Nil for something that is not an absolute http(s) URL.
    public static func canonicalLink(_ link: String) -> String? {
        if let plain = plainLink(link) { return plain }
        return parsedCanonicalLink(link)
    }

    /// Most links are already canonical: `http(s)://` + a lower-case host + a path of unreserved
    /// characters, with no port, query or fragment. Those are returned as they are (with "/" for an
    /// empty path) without building `URLComponents`; nil for anything else.
    static func plainLink(_ link: String) -> String? {
        var link = link
        return link.withUTF8 { bytes -> String? in
            let prefix: Int
            if bytes.starts(with: "https://".utf8) {
                prefix = 8
            } else if bytes.starts(with: "http://".utf8) {
                prefix = 7
            } else {
                return nil
            }
            var index = prefix
            while index < bytes.count, bytes[index] != UInt8(ascii: "/") {
                switch bytes[index] {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."),
                    UInt8(ascii: "-"):
                    index += 1
                default: return nil
                }
            }
            guard index > prefix, bytes[index - 1] != UInt8(ascii: "."), bytes[prefix] != UInt8(ascii: ".") else {
                return nil
            }
            if index == bytes.count { return String(decoding: bytes, as: UTF8.self) + "/" }
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                    UInt8(ascii: "~"), UInt8(ascii: "/"):
                    index += 1
                default: return nil
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    static func parsedCanonicalLink(_ link: String) -> String? {
        guard var components = URLComponents(string: link.trimmingCharacters(in: .whitespacesAndNewlines)),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { return nil }
        components.scheme = scheme
        components.host = host.lowercased()
        if (scheme == "http" && components.port == 80) || (scheme == "https" && components.port == 443) {
            components.port = nil
        }
        components.fragment = nil
        if let items = components.queryItems {
            let kept = items.filter { item in
                let name = item.name.lowercased()
                return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
            }
            components.queryItems = kept.isEmpty ? nil : kept
        }
        if components.path.isEmpty { components.path = "/" }
        return components.string
    }
}

/// Where `NormalizedTextWriter` puts the UTF-8 it writes.
protocol NormalizedTextOutput {
    /// Nothing written yet (a space is never written first).
    var isEmpty: Bool { get }
    mutating func append(_ byte: UInt8)
}

extension [UInt8]: NormalizedTextOutput {}

/// Normalised text that is only hashed.
struct HashedText: NormalizedTextOutput {
    var hasher = StableHash.Hasher()
    var isEmpty = true

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        isEmpty = false
        hasher.combine(byte)
    }
}

/// Writes the normalized form of `ItemIdentity.normalizedContent` as UTF-8 to its output.
struct NormalizedTextWriter<Output: NormalizedTextOutput> {
    private(set) var output: Output
    private var pendingSpace = false

    init(output: Output) { self.output = output }

    /// The title/text boundary: a unit separator standing as a word of its own.
    mutating func separate() {
        pendingSpace = true
        emit(0x1F)
        pendingSpace = true
    }

    mutating func append(_ text: String) {
        var text = text
        let ascii = NormalizedTextTables.ascii
        let twoByte = NormalizedTextTables.twoByte
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let lead = utf8[index]
                if lead < 0x80 {
                    let mapped = ascii[Int(lead)]
                    if mapped != 0 { emit(mapped) } else { pendingSpace = true }
                    index += 1
                    continue
                }
                // A multi-byte scalar: the String's bytes are valid UTF-8.
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
                index += length
                if value < 0x800 {
                    switch twoByte[Int(value - 0x80)] {
                    case .separator:
                        pendingSpace = true
                        continue
                    case .kept:
                        emit(scalar: value, bytes: utf8[(index - length)..<index])
                        continue
                    case .lowercased: break
                    }
                } else if (0x2000...0x206F).contains(value) {
                    // General Punctuation: spaces, dashes, quotes, joiners — no letters or digits.
                    pendingSpace = true
                    continue
                }
                let scalar = Unicode.Scalar(value)!
                if scalar.properties.changesWhenLowercased {
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { take(lower) }
                } else {
                    take(scalar)
                }
            }
        }
    }

    /// A scalar kept as it is, copied from the text's own UTF-8.
    private mutating func emit(scalar: UInt32, bytes: Slice<UnsafeBufferPointer<UInt8>>) {
        if pendingSpace && !output.isEmpty { output.append(0x20) }
        pendingSpace = false
        for byte in bytes { output.append(byte) }
    }

    private mutating func take(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A, 0x1F: emit(UInt8(value))
            case 0x41...0x5A: emit(UInt8(value + 0x20))
            default: pendingSpace = true
            }
            return
        }
        if NormalizedTextTables.isWordScalar(scalar) {
            if pendingSpace && !output.isEmpty { output.append(0x20) }
            pendingSpace = false
            for byte in UTF8.encode(scalar)! { output.append(byte) }
        } else {
            pendingSpace = true
        }
    }

    private mutating func emit(_ byte: UInt8) {
        if pendingSpace && !output.isEmpty { output.append(0x20) }
        pendingSpace = false
        output.append(byte)
    }
}

/// The tables `NormalizedTextWriter` reads (a generic type cannot hold static stored properties).
enum NormalizedTextTables {
    /// What `take` does with each scalar from U+0080 to U+07FF (Latin, Greek, Cyrillic, Hebrew,
    /// Arabic...), worked out once from the same Unicode properties.
    enum TwoByte { case separator, kept, lowercased }

    static let twoByte: [TwoByte] = (0x80..<0x800).map { value -> TwoByte in
        let scalar = Unicode.Scalar(UInt32(value))!
        if scalar.properties.changesWhenLowercased { return .lowercased }
        return isWordScalar(scalar) ? .kept : .separator
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .nonspacingMark,
            .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            true
        default: false
        }
    }

    /// ASCII letters lower-cased, digits and the unit separator as themselves; 0 for the rest.
    static let ascii: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x30...0x39, 0x61...0x7A, 0x1F: UInt8(byte)
        case 0x41...0x5A: UInt8(byte + 0x20)
        default: 0
        }
    }
}

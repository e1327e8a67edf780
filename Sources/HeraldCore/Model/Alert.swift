import Foundation

/// One rule matching one item: what every sink receives.
///
/// The id is derived from the rule name and the item's primary identity key, so the same match
/// always has the same id — after a crash and re-poll, or on a re-send — and receivers can drop
/// duplicates by it.
public struct Alert: Sendable, Hashable, Codable {
    /// What the alert is about.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A rule matched a new item.
        case match
        /// A rule that asks for it (`alert_on_edit`) matched an item whose text changed.
        case edit
        /// A feed has failed `unhealthy_after` times in a row (sent once per streak).
        case feedUnhealthy = "feed-unhealthy"
        /// A feed that was reported unhealthy works again.
        case feedRecovered = "feed-recovered"
        /// A later report of a story the rule already alerted on. Recorded (and shown by `herald
        /// alerts`); sent only when the rule says `followups: each`.
        case followUp = "follow-up"
        /// "Also reported by N outlets: …": the follow-ups of a story gathered into one message,
        /// at most every `followup_interval`.
        case storyUpdate = "story-update"
        /// A match recorded while its story waits for `min_sources` outlets; not sent.
        case held
    }

    public var id: String
    public var kind: Kind
    public var rule: String
    public var feed: String
    /// The feed's own title, when it has one (e.g. "Levant Wire").
    public var source: String?
    public var title: String
    public var link: String?
    public var published: Date?
    /// The start of the item's plain text, for a reader's glance (at most ~280 characters).
    public var summary: String
    /// The rule's terms that matched, as written in the rule.
    public var matchedTerms: [String]
    /// Why the rule matched: clauses, alias variants, offsets and a marked snippet. Nil for
    /// notices, and for alerts stored before explanations existed.
    public var explanation: RuleMatch?
    public var createdAt: Date
    /// The story the item belongs to, with its outlets so far. Nil for notices, and for alerts
    /// stored before stories existed.
    public var story: StoryInfo?

    public init(
        id: String, kind: Kind = .match, rule: String, feed: String, source: String? = nil, title: String,
        link: String? = nil,
        published: Date? = nil, summary: String = "", matchedTerms: [String] = [], explanation: RuleMatch? = nil,
        createdAt: Date = Date(), story: StoryInfo? = nil
    ) {
        self.id = id
        self.kind = kind
        self.rule = rule
        self.feed = feed
        self.source = source
        self.title = title
        self.link = link
        self.published = published
        self.summary = summary
        self.matchedTerms = matchedTerms
        self.explanation = explanation
        self.createdAt = createdAt
        self.story = story
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, rule, feed, source, title, link, published, summary
        case matchedTerms = "matched_terms"
        case explanation
        case createdAt = "created_at"
        case story
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        kind = try container.decodeIfPresent(Kind.self, forKey: .kind) ?? .match
        rule = try container.decode(String.self, forKey: .rule)
        feed = try container.decode(String.self, forKey: .feed)
        source = try container.decodeIfPresent(String.self, forKey: .source)
        title = try container.decode(String.self, forKey: .title)
        link = try container.decodeIfPresent(String.self, forKey: .link)
        published = try container.decodeIfPresent(Date.self, forKey: .published)
        summary = try container.decodeIfPresent(String.self, forKey: .summary) ?? ""
        matchedTerms = try container.decodeIfPresent([String].self, forKey: .matchedTerms) ?? []
        explanation = try container.decodeIfPresent(RuleMatch.self, forKey: .explanation)
        createdAt = try container.decode(Date.self, forKey: .createdAt)
        story = try container.decodeIfPresent(StoryInfo.self, forKey: .story)
    }

    /// The deterministic id of (rule, item): 32 hex digits.
    public static func id(rule: String, itemKey: String) -> String {
        StableHash.hex128("\(rule)\u{1F}\(itemKey)")
    }
}

/// Where an alert's item stands in its story: one event reported by several outlets.
public struct StoryInfo: Sendable, Hashable, Codable {
    /// The story's id (`s` + 15 hex digits), the same for every report of it.
    public var id: String
    /// How many distinct outlets (feeds) reported it so far.
    public var sources: Int
    /// The languages of its reports so far (`ar`, `en`), sorted.
    public var languages: [String]
    /// The outlets so far, first reporter first (feed titles, or feed names).
    public var outlets: [String]
    /// How many reports (items) it has so far.
    public var items: Int
    /// For a follow-up or story update: the id of the story's first alert for this rule.
    public var followUpOf: String?

    public init(
        id: String, sources: Int, languages: [String], outlets: [String], items: Int, followUpOf: String? = nil
    ) {
        self.id = id
        self.sources = sources
        self.languages = languages
        self.outlets = outlets
        self.items = items
        self.followUpOf = followUpOf
    }

    enum CodingKeys: String, CodingKey {
        case id, sources, languages, outlets, items
        case followUpOf = "follow_up_of"
    }
}

/// A stable, platform-independent 128-bit hash (two FNV-1a 64 lanes) for ids and fingerprints.
/// Not cryptographic: it names things, it does not protect them.
public enum StableHash {
    public static func hex128(_ text: String) -> String {
        var hasher = Hasher()
        for byte in text.utf8 { hasher.combine(byte) }
        return hasher.hex128
    }

    /// The same hash fed a byte at a time, for text that is produced only to be hashed (item
    /// fingerprints): `hex128` of a string equals a `Hasher` fed that string's UTF-8.
    struct Hasher {
        private var a: UInt64 = 0xcbf2_9ce4_8422_2325
        private var b: UInt64 = 0x8422_2325_cbf2_9ce4

        @inline(__always)
        mutating func combine(_ byte: UInt8) {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = b.rotatedLeft(by: 7) ^ a
        }

        var hex128: String { hex(a) + hex(b) }
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}

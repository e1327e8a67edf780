/// Many rules prepared for matching items fast: a presearch index in the manner of Lucene's
/// Monitor (Luwak). Each rule is indexed under the keys of its most selective required clause —
/// an item without any of them cannot match — and only the rules whose keys the item contains
/// (plus those with no indexable requirement) are evaluated.
public struct RuleIndex: Sendable {
    /// The rules in the order given.
    public let rules: [(name: String, query: RuleQuery)]
    /// Presearch word → indices of the rules indexed under it.
    private let postings: [IndexTerm: [Int32]]
    /// Hashed wildcard and fuzzy keys (`GramKey`) → indices of the rules indexed under them. A
    /// hash collision only adds a candidate, which verification then rejects.
    private let gramPostings: [UInt64: [Int32]]
    /// Rules with no indexable requirement, verified against every item.
    private let alwaysVerify: [Int32]
    private let needsPrefixKeys: Bool
    private let needsFuzzyKeys: Bool
    /// The hashes of every key above, for a quick "certainly not indexed".
    private let filter: HashFilter

    public init(_ rules: [(name: String, query: RuleQuery)]) {
        self.rules = rules
        var postings: [IndexTerm: [Int32]] = [:]
        var gramPostings: [UInt64: [Int32]] = [:]
        var alwaysVerify: [Int32] = []
        var needsPrefixKeys = false
        var needsFuzzyKeys = false
        for (index, rule) in rules.enumerated() {
            guard let requirement = rule.query.presearchRequirement else {
                alwaysVerify.append(Int32(index))
                continue
            }
            for key in requirement.keys {
                if let gram = GramKey(marked: key) {
                    gramPostings[gram.hash, default: []].append(Int32(index))
                    if gram.kind == GramKey.prefix { needsPrefixKeys = true } else { needsFuzzyKeys = true }
                } else {
                    postings[IndexTerm(key), default: []].append(Int32(index))
                }
            }
        }
        var filter = HashFilter(capacity: postings.count + gramPostings.count)
        for key in postings.keys { filter.insert(key.fnv) }
        for hash in gramPostings.keys { filter.insert(hash) }
        self.filter = filter
        self.postings = postings
        self.gramPostings = gramPostings
        self.alwaysVerify = alwaysVerify
        self.needsPrefixKeys = needsPrefixKeys
        self.needsFuzzyKeys = needsFuzzyKeys
    }

    /// How many rules are verified against every item.
    public var alwaysVerifiedCount: Int { alwaysVerify.count }

    /// Indices (into `rules`, ascending) of the rules that may match `document` and are verified.
    public func candidates(for document: MatchDocument) -> [Int] {
        var found = alwaysVerify
        let grams = needsPrefixKeys || needsFuzzyKeys
        for field in document.fields {
            for key in field.heads.keys {
                // Most of an item's words name no rule: a bit test spares the dictionary look-up.
                if filter.mayContain(key.fnv), let list = postings[key] { found += list }
                if grams { markGrams(of: key.text, in: &found) }
            }
        }
        if found.isEmpty { return [] }
        found.sort()
        var result: [Int] = []
        result.reserveCapacity(found.count)
        var last: Int32 = -1
        for index in found where index != last {
            result.append(Int(index))
            last = index
        }
        return result
    }

    /// Marks the rules indexed under the wildcard and fuzzy keys of an item's word, hashed
    /// straight from its UTF-8 (no strings built: this runs for every word of every item).
    private func markGrams(of word: String, in found: inout [Int32]) {
        var word = word
        word.makeContiguousUTF8()
        word.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            var third = bytes.count
            var fourth = bytes.count
            var last = 0
            var beforeLast = 0
            for position in bytes.indices where bytes[position] & 0xC0 != 0x80 {
                switch count {
                case 2: third = position
                case 3: fourth = position
                default: break
                }
                beforeLast = last
                last = position
                count += 1
            }
            func mark(_ kind: UInt8, _ range: Range<Int>) {
                let hash = GramKey.hash(kind, UnsafeBufferPointer(rebasing: bytes[range]))
                guard filter.mayContain(hash), let list = gramPostings[hash] else { return }
                found += list
            }
            if needsPrefixKeys, count >= RuleLeaf.minimumPrefix { mark(GramKey.prefix, 0..<fourth) }
            if needsFuzzyKeys, count >= RuleLeaf.minimumFuzzy - 1 {
                mark(GramKey.fuzzyHead, 0..<third)
                mark(GramKey.fuzzyTail, beforeLast..<bytes.count)
            }
        }
    }

    /// Indices (into `rules`, ascending) of the rules that match `document`, without building
    /// explanations.
    public func matchingIndices(for document: MatchDocument) -> [Int] {
        candidates(for: document).filter { rules[$0].query.matches(document) }
    }

    /// The rules that match `document`, in rule order, with their explanations.
    public func matches(_ document: MatchDocument) -> [(name: String, match: RuleMatch)] {
        var result: [(name: String, match: RuleMatch)] = []
        for index in candidates(for: document) {
            let rule = rules[index]
            if let match = rule.query.match(document) { result.append((rule.name, match)) }
        }
        return result
    }
}

/// A wildcard or fuzzy presearch key (`PresearchKey`'s marked strings) as a 64-bit FNV-1a hash
/// of its kind and the UTF-8 of its letters.
struct GramKey {
    static let prefix: UInt8 = 1
    static let fuzzyHead: UInt8 = 2
    static let fuzzyTail: UInt8 = 3

    let kind: UInt8
    let hash: UInt64

    /// The key a marked presearch key stands for; nil for a plain word.
    init?(marked key: String) {
        guard let mark = key.unicodeScalars.first else { return nil }
        switch String(mark) {
        case PresearchKey.prefixMark: kind = Self.prefix
        case PresearchKey.fuzzyHeadMark: kind = Self.fuzzyHead
        case PresearchKey.fuzzyTailMark: kind = Self.fuzzyTail
        default: return nil
        }
        hash = Self.hash(kind, Array(key.utf8.dropFirst(mark.utf8.count)))
    }

    static func hash(_ kind: UInt8, _ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(kind)
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}

/// A one-hash Bloom filter over 64-bit hashes, sized at 32 bits per key (about 3% false
/// positives): whether the presearch index may hold a key, without a dictionary look-up.
struct HashFilter: Sendable {
    private var words: [UInt64]
    private let mask: UInt64

    init(capacity: Int) {
        var bits = 1024
        while bits < capacity * 32 { bits <<= 1 }
        words = [UInt64](repeating: 0, count: bits / 64)
        mask = UInt64(bits - 1)
    }

    mutating func insert(_ hash: UInt64) {
        let bit = Self.mix(hash) & mask
        words[Int(bit >> 6)] |= 1 << (bit & 63)
    }

    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let bit = Self.mix(hash) & mask
        return words[Int(bit >> 6)] & (1 << (bit & 63)) != 0
    }

    /// FNV's low bits are weak for short keys: fold the high bits in.
    @inline(__always)
    private static func mix(_ hash: UInt64) -> UInt64 {
        ((hash ^ (hash >> 29)) &* 0xBF58_476D_1CE4_E5B9) >> 20
    }
}

import Foundation

/// The same-text layer's view of an item: is it a copy of something already seen (a wire story
/// republished, a press release, the same page under a tracking URL)?
///
/// - `url`: the link with scheme and host lower-cased, `www.` dropped, tracking parameters
///   (`utm_*`, `fbclid`, `gclid`, …), the fragment and a trailing `/` removed;
/// - `exact`: a hash of the folded words of title and text;
/// - `simhash`: SimHash-64 over word 3-shingles of the body (not the title: copies often run
///   under a headline of their own), for bodies of at least `minimumSimHashWords` words; two
///   items within 3 bits are near-duplicates;
/// - `titleWords`: the distinct folded title words, compared by Jaccard similarity for items
///   too short for a SimHash.
public struct TextFingerprint: Sendable, Hashable {
    public var url: UInt64?
    public var exact: UInt64
    public var simhash: UInt64?
    public var titleWords: [UInt64]

    public static let minimumSimHashWords = 12

    public init(link: String?, words: [String], titleWordCount: Int) {
        url = link.flatMap(Self.canonicalURL).map(StoryHash.fnv64)
        var exact: UInt64 = 0xcbf2_9ce4_8422_2325
        var hashes: [UInt64] = []
        hashes.reserveCapacity(words.count)
        for word in words {
            let hash = StoryHash.fnv64(word)
            hashes.append(hash)
            exact = (exact ^ hash) &* 0x0000_0100_0000_01b3
        }
        self.exact = exact
        titleWords = Array(Set(hashes.prefix(titleWordCount))).sorted()
        // The body alone: copies often run under a headline of their own.
        let body = Array(hashes.dropFirst(titleWordCount))
        simhash = body.count >= Self.minimumSimHashWords ? Self.simhash(body) : nil
    }

    /// SimHash-64 of the 3-word shingles of `hashes` (word hashes in order).
    static func simhash(_ hashes: [UInt64]) -> UInt64 {
        var counts = [Int32](repeating: 0, count: 64)
        counts.withUnsafeMutableBufferPointer { counts in
            for index in 0..<(hashes.count - 2) {
                let shingle = StoryHash.mix(hashes[index] &+ hashes[index + 1].rotatedLeftBy(21) ^ hashes[index + 2])
                // Branch-free over an unchecked buffer, so the compiler can vectorise the 64 lanes.
                for bit in 0..<64 {
                    counts[bit] &+= Int32(truncatingIfNeeded: (shingle &>> UInt64(bit)) & 1) &* 2 &- 1
                }
            }
        }
        var result: UInt64 = 0
        for bit in 0..<64 where counts[bit] > 0 { result |= 1 << UInt64(bit) }
        return result
    }

    /// Jaccard similarity of two sorted, distinct hash lists.
    static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        var i = 0
        var j = 0
        var shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) / Double(a.count + b.count - shared)
    }

    static let trackingParameters: Set<String> = ["fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid", "ocid"]

    /// The link in the one spelling copies of a page share, or nil when it is not an http(s) URL.
    ///
    /// Parsed by hand on UTF-8: Foundation's `URLComponents` cost more than the rest of the
    /// fingerprint.
    public static func canonicalURL(_ link: String) -> String? {
        var bytes = Array(link.utf8)
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { bytes.removeLast() }
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        // Scheme: http or https, then "://".
        var index = start
        while index < bytes.count, bytes[index] != 0x3A { index += 1 }
        let scheme = bytes[start..<index].map(lower)
        guard scheme == Array("http".utf8) || scheme == Array("https".utf8), index + 2 < bytes.count,
            bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F
        else { return nil }
        index += 3
        // Host (lower-cased, without user info or `www.`), up to the path, query or fragment.
        var host: [UInt8] = []
        while index < bytes.count, bytes[index] != 0x2F, bytes[index] != 0x3F, bytes[index] != 0x23 {
            if bytes[index] == 0x40 {
                host = []
            } else {
                host.append(lower(bytes[index]))
            }
            index += 1
        }
        guard !host.isEmpty, !host.contains(where: { $0 <= 0x20 }) else { return nil }
        if host.starts(with: Array("www.".utf8)) { host.removeFirst(4) }
        var path: [UInt8] = []
        while index < bytes.count, bytes[index] != 0x3F, bytes[index] != 0x23 {
            path.append(bytes[index])
            index += 1
        }
        while path.last == 0x2F { path.removeLast() }
        var parameters: [ArraySlice<UInt8>] = []
        if index < bytes.count, bytes[index] == 0x3F {
            index += 1
            let queryStart = index
            while index < bytes.count, bytes[index] != 0x23 { index += 1 }
            for parameter in bytes[queryStart..<index].split(separator: 0x26) {
                let name = String(decoding: parameter.prefix { $0 != 0x3D }.map(lower), as: UTF8.self)
                if !name.hasPrefix("utm_") && !trackingParameters.contains(name) { parameters.append(parameter) }
            }
        }
        var result = host + path
        if !parameters.isEmpty {
            result.append(0x3F)
            result += parameters.sorted { $0.lexicographicallyPrecedes($1) }.joined(separator: [0x26])
        }
        return String(decoding: result, as: UTF8.self)
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedLeftBy(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}

/// Recent fingerprints, and which of them a new item copies. Entries are evicted oldest first by
/// the caller (`evict(upTo:)`), so memory follows the window.
public struct NearDuplicateIndex: Sendable {
    /// What a match returns: the value the copied entry was inserted with.
    public typealias Value = Int

    struct Entry: Sendable {
        var fingerprint: TextFingerprint
        var value: Value
    }

    /// Live entries by sequence number; `base` is the sequence number of `entries[0]`.
    private var entries: [Entry?] = []
    private var base = 0
    /// Index in `entries` of the oldest live entry; the slots before it are compacted away lazily.
    private var head = 0
    private var liveCount = 0
    private var byURL: [UInt64: Int] = [:]
    private var byExact: [UInt64: Int] = [:]
    /// SimHash split in four 16-bit bands: two hashes within 3 bits agree exactly on at least one.
    private var bands: [[UInt16: [Int]]] = Array(repeating: [:], count: 4)
    private var byTitleWord: [UInt64: [Int]] = [:]

    /// Maximum Hamming distance for a near-duplicate.
    public static let maximumDistance = 3
    /// Minimum title-word Jaccard similarity for items without a SimHash.
    public static let minimumTitleJaccard = 0.7
    /// How many recent entries per title word are compared.
    static let titleCandidates = 32

    public init() {}

    public var count: Int { liveCount }

    /// The value of the entry `fingerprint` copies, if any: same canonical URL, same text, a SimHash
    /// within 3 bits, or (without a SimHash) title words with Jaccard ≥ 0.7.
    public func duplicate(of fingerprint: TextFingerprint) -> Value? {
        if let url = fingerprint.url, let sequence = byURL[url], let entry = entry(sequence) { return entry.value }
        if let sequence = byExact[fingerprint.exact], let entry = entry(sequence) { return entry.value }
        if let simhash = fingerprint.simhash {
            for band in 0..<4 {
                let key = UInt16(truncatingIfNeeded: simhash >> UInt64(band * 16))
                for sequence in bands[band][key] ?? [] {
                    guard let entry = entry(sequence), let other = entry.fingerprint.simhash else { continue }
                    if (simhash ^ other).nonzeroBitCount <= Self.maximumDistance { return entry.value }
                }
            }
            return nil
        }
        guard fingerprint.titleWords.count >= 4 else { return nil }
        var checked = Set<Int>()
        for word in fingerprint.titleWords {
            for sequence in (byTitleWord[word] ?? []).suffix(Self.titleCandidates)
            where checked.insert(sequence).inserted {
                guard let entry = entry(sequence), entry.fingerprint.simhash == nil else { continue }
                if TextFingerprint.jaccard(fingerprint.titleWords, entry.fingerprint.titleWords)
                    >= Self.minimumTitleJaccard
                {
                    return entry.value
                }
            }
        }
        return nil
    }

    /// Remembers `fingerprint`; returns its sequence number, for `evict(upTo:)`.
    @discardableResult
    public mutating func insert(_ fingerprint: TextFingerprint, value: Value) -> Int {
        let sequence = base + entries.count
        entries.append(Entry(fingerprint: fingerprint, value: value))
        liveCount += 1
        if let url = fingerprint.url { byURL[url] = sequence }
        byExact[fingerprint.exact] = sequence
        if let simhash = fingerprint.simhash {
            for band in 0..<4 {
                bands[band][UInt16(truncatingIfNeeded: simhash >> UInt64(band * 16)), default: []].append(sequence)
            }
        } else {
            for word in fingerprint.titleWords { byTitleWord[word, default: []].append(sequence) }
        }
        return sequence
    }

    /// Forgets every entry with a sequence number up to and including `sequence`.
    public mutating func evict(upTo sequence: Int) {
        while head < entries.count, base + head <= sequence {
            if let entry = entries[head] { remove(entry.fingerprint, sequence: base + head) }
            entries[head] = nil
            head += 1
        }
        if head >= 1024 && head * 2 >= entries.count {
            entries.removeFirst(head)
            base += head
            head = 0
        }
    }

    private func entry(_ sequence: Int) -> Entry? {
        let index = sequence - base
        guard index >= head, index < entries.count else { return nil }
        return entries[index]
    }

    private mutating func remove(_ fingerprint: TextFingerprint, sequence: Int) {
        liveCount -= 1
        if let url = fingerprint.url, byURL[url] == sequence { byURL[url] = nil }
        if byExact[fingerprint.exact] == sequence { byExact[fingerprint.exact] = nil }
        if let simhash = fingerprint.simhash {
            for band in 0..<4 {
                let key = UInt16(truncatingIfNeeded: simhash >> UInt64(band * 16))
                Self.dropFirst(sequence, from: &bands[band][key])
            }
        } else {
            for word in fingerprint.titleWords { Self.dropFirst(sequence, from: &byTitleWord[word]) }
        }
    }

    /// Entries are evicted oldest first, so the one to drop is at the front of its list.
    private static func dropFirst(_ sequence: Int, from list: inout [Int]?) {
        guard var values = list else { return }
        if let index = values.firstIndex(of: sequence) { values.remove(at: index) }
        list = values.isEmpty ? nil : values
    }
}

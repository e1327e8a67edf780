/// Where an indexed form occurs in a field: the word positions it covers, first and last
/// inclusive. One word for a word or a stem; two or three for a joined hyphenated name.
struct Posting: Sendable, Hashable, Comparable {
    var start: Int32
    var end: Int32

    static func < (lhs: Posting, rhs: Posting) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

/// A folded word as an index key, hashed and compared by its UTF-8 bytes.
///
/// `String` hashes and compares by canonical equivalence, which normalises non-ASCII text on
/// every look-up: a large share of the analysis of Arabic items. Index keys all come out of the
/// same folding (`TextFolding`), so equal words have equal bytes. The 64-bit FNV-1a hash of the
/// bytes is computed once, when the key is made, and reused by every dictionary and by the
/// presearch filter (`RuleIndex`).
struct IndexTerm: Hashable, Sendable {
    let text: String
    let fnv: UInt64

    init(_ text: String) {
        self.text = text
        fnv = text.utf8.withContiguousStorageIfAvailable { Self.fnv($0) } ?? Self.fnv(text.utf8)
    }

    static func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(fnv)
    }

    static func == (lhs: IndexTerm, rhs: IndexTerm) -> Bool {
        lhs.fnv == rhs.fnv && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }
}

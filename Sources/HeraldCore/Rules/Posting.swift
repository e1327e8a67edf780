/// Where an indexed form occurs in a field: the word positions it covers, first and last
/// inclusive. One word for a word or a stem; two or three for a joined hyphenated name.
struct Posting: Sendable, Hashable, Comparable {
    var start: Int32
    var end: Int32

    static func < (lhs: Posting, rhs: Posting) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

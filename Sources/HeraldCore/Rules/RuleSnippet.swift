/// The snippet of a `RuleMatch`: a window of one field around the strongest hit, hits marked
/// `[[…]]` and cuts marked `…`, white space runs collapsed to one space.
///
/// The strongest hit is the one whose neighbourhood holds the most hits; ties go to the text
/// (more context than a title), then to the earliest. `[[ ]]` rather than `« »` because Arabic
/// text uses guillemets as quotation marks.
enum RuleSnippet {
    /// The longest snippet, in `Character`s, markers included.
    static let maximumLength = 240
    private static let before = 60

    static func make(document: MatchDocument, hits: [LeafHit]) -> String {
        var byField: [DocumentField: [Range<Int>]] = [:]
        for hit in hits { byField[hit.field, default: []].append(hit.range) }
        var best: (field: DocumentField, hit: Range<Int>, score: (Int, Int, Int))?
        for (field, ranges) in byField {
            let merged = merge(ranges)
            for range in merged {
                let window = (range.lowerBound - before)..<(range.lowerBound + maximumLength - before)
                let count = merged.filter { window.contains($0.lowerBound) }.count
                let score = (count, field == .text ? 1 : 0, -range.lowerBound)
                if best == nil || score > best!.score { best = (field, range, score) }
            }
        }
        guard let best, let ranges = byField[best.field] else { return "" }
        return render(document[best.field].original, hits: merge(ranges), around: best.hit)
    }

    /// Sorted, with overlapping and touching ranges joined.
    static func merge(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    static func render(_ text: String, hits: [Range<Int>], around center: Range<Int>) -> String {
        let units = Array(text.utf16)
        let count = units.count
        var start = max(0, center.lowerBound - before)
        var end = min(count, start + maximumLength)
        start = max(0, min(start, end - maximumLength))
        // Markers and ellipses count against the length; UTF-16 units bound `Character`s from
        // above, so fitting in units fits in characters.
        for _ in 0..<8 {
            let marked = hits.filter { $0.lowerBound >= start && $0.upperBound <= end }.count
            let cost = (end - start) + 4 * marked + (start > 0 ? 1 : 0) + (end < count ? 1 : 0)
            let over = cost - maximumLength
            if over <= 0 { break }
            if end - over >= center.upperBound {
                end -= over
            } else {
                end = max(center.upperBound, start)
                start = min(start + over, center.lowerBound)
                if end - start > maximumLength - 6 { end = start + maximumLength - 6 }
            }
        }
        let startLimit = min(start + 20, center.lowerBound)
        if start > 0, start < startLimit, let space = (start..<startLimit).first(where: { isSpace(units[$0]) }) {
            start = space + 1
        }
        let endLimit = max(end - 20, center.upperBound)
        if end < count, endLimit < end, let space = (endLimit..<end).last(where: { isSpace(units[$0]) }) {
            end = space
        }
        if start < count, UTF16.isTrailSurrogate(units[start]) { start += 1 }
        if end > 0, end < count, UTF16.isTrailSurrogate(units[end]) { end -= 1 }

        var out: [UInt16] = []
        if start > 0 { out.append(0x2026) }
        var open = hits.filter { $0.lowerBound >= start && $0.upperBound <= end }.makeIterator()
        var next = open.next()
        var closeAt: Int?
        var index = start
        while index < end {
            if let hit = next, hit.lowerBound == index {
                out.append(contentsOf: [0x5B, 0x5B])
                closeAt = hit.upperBound
                next = open.next()
            }
            let unit = units[index]
            if isSpace(unit) {
                if out.last != 0x20 { out.append(0x20) }
            } else {
                out.append(unit)
            }
            index += 1
            if closeAt == index {
                out.append(contentsOf: [0x5D, 0x5D])
                closeAt = nil
            }
        }
        if end < count { out.append(0x2026) }
        return String(decoding: out, as: UTF16.self)
    }

    private static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || unit == 0x0A || unit == 0x0D || unit == 0x09 || unit == 0xA0 || unit == 0x2028
            || unit == 0x2029
    }
}

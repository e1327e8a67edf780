import Foundation

/// Parsers for the value forms config files use.
public enum ConfigValues {
    /// `90s`, `10m`, `1h30m`, `2d`, or a bare number of seconds.
    public static func duration(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let seconds = Int(trimmed) { return seconds >= 0 ? .seconds(seconds) : nil }
        var total = 0
        var number = ""
        var sawUnit = false
        for character in trimmed {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            let multiplier: Int
            switch character {
            case "s": multiplier = 1
            case "m": multiplier = 60
            case "h": multiplier = 3600
            case "d": multiplier = 86400
            default: return nil
            }
            guard let value = Int(number) else { return nil }
            total += value * multiplier
            number = ""
            sawUnit = true
        }
        guard sawUnit, number.isEmpty else { return nil }
        return .seconds(total)
    }

    /// `512KB`, `10MB`, `1GB` (powers of 1024), or a bare number of bytes.
    public static func byteCount(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("B", 1)]
        for (suffix, multiplier) in units where trimmed.hasSuffix(suffix) {
            let number = trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
            return Int(number).flatMap { $0 > 0 ? $0 * multiplier : nil }
        }
        return Int(trimmed).flatMap { $0 > 0 ? $0 : nil }
    }

    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely typo.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 3) ? best.0 : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

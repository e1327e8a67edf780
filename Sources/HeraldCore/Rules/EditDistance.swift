/// Damerau–Levenshtein distance (optimal string alignment) bounded at one edit: enough for
/// `Shaibani~1` and much cheaper than a full distance matrix.
enum EditDistance {
    /// Whether `a` becomes `b` by at most one insertion, deletion, substitution or swap of two
    /// adjacent characters.
    static func withinOne(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        let difference = a.count - b.count
        if difference > 1 || difference < -1 { return false }
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        if prefix == a.count && prefix == b.count { return true }
        switch difference {
        case 0:
            // A substitution at `prefix`, or a swap of `prefix` and the next character.
            if a[(prefix + 1)...] == b[(prefix + 1)...] { return true }
            return prefix + 1 < a.count && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a[(prefix + 2)...] == b[(prefix + 2)...]
        case 1:
            return a[(prefix + 1)...] == b[prefix...]
        default:
            return a[prefix...] == b[(prefix + 1)...]
        }
    }
}

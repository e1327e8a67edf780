/// Item links as chat markup can carry them.
///
/// A feed controls its links, so only http(s) links are kept, and every character a markup could read as
/// syntax (`<`, `>`, `|`, `"`, spaces, non-ASCII) is percent-encoded: the link then cannot close the
/// construct it sits in. Too long a link is dropped rather than cut, since half a link leads nowhere.
enum SafeLink {
    /// Longer links are left out. Browsers and services commonly cap URLs near 2,000 characters.
    static let maxLength = 2_000

    static func web(_ link: String?, alsoEncode extra: Set<Unicode.Scalar> = []) -> String? {
        guard let link else { return nil }
        let trimmed = link.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        let afterScheme = trimmed[trimmed.index(after: trimmed.firstIndex(of: ":")!)...].dropFirst(2)
        guard let hostStart = afterScheme.first, !"/?#".contains(hostStart) else { return nil }
        var out = ""
        for scalar in trimmed.unicodeScalars {
            if allowed.contains(scalar) && !extra.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { out += "%" + hex(byte) }
            }
        }
        return out.utf8.count <= maxLength ? out : nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// RFC 3986 unreserved and reserved characters, and `%` for escapes already present.
    private static let allowed: Set<Unicode.Scalar> = Set(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%".unicodeScalars)
}

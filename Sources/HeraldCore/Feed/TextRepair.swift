/// Repairs for two kinds of damage text picks up on its way through publishing systems.
///
/// - C1 control characters (U+0080–U+009F) are never meant: they are windows-1252 punctuation
///   (curly quotes, dashes, €) that went through a Latin-1 decoder. They are read as windows-1252,
///   as HTML5 does for character references.
/// - UTF-8 decoded as Latin-1 or windows-1252 and encoded again ("â€¦" for "…") is decoded once more,
///   but only where a run of such characters forms valid multi-byte UTF-8, which ordinary text in a
///   Latin script practically never does.
enum TextRepair {
    /// `text` repaired; returned as is (without copying) when it has nothing to repair.
    static func repaired(_ utf8: [UInt8]) -> String {
        // Both kinds of damage show up as UTF-8 lead bytes 0xC2/0xC3 (U+0080–U+00FF) or 0xE2
        // (windows-1252's punctuation above U+2000); text without them needs no look.
        guard utf8.contains(where: { $0 == 0xC2 || $0 == 0xC3 }) else { return String(decoding: utf8, as: UTF8.self) }
        let scalars = Array(String(decoding: utf8, as: UTF8.self).unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            // A run of characters that each stand for one byte of 0x80 or more.
            var end = index
            var bytes: [UInt8] = []
            while end < scalars.count, let byte = highByte(scalars[end]) {
                bytes.append(byte)
                end += 1
            }
            if bytes.isEmpty {
                output.append(scalars[index])
                index += 1
                continue
            }
            var position = 0
            while position < bytes.count {
                if let (scalar, length) = utf8Sequence(bytes, at: position) {
                    output.append(scalar)
                    position += length
                } else {
                    output.append(windows1252(scalars[index + position]))
                    position += 1
                }
            }
            index = end
        }
        return String(output)
    }

    /// The byte a character stands for when UTF-8 was misread as windows-1252 (or Latin-1).
    private static func highByte(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value >= 0x80 && value <= 0xFF { return UInt8(value) }
        return windows1252Bytes[value]
    }

    /// A C1 control read as windows-1252; anything else unchanged.
    static func windows1252(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.value >= 0x80 && scalar.value <= 0x9F else { return scalar }
        return windows1252Scalars[Int(scalar.value - 0x80)]
    }

    /// The scalar a valid two- to four-byte UTF-8 sequence at `start` encodes, and its length.
    private static func utf8Sequence(_ bytes: [UInt8], at start: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[start]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return nil
        }
        guard start + length <= bytes.count else { return nil }
        let sequence = Array(bytes[start..<(start + length)])
        guard sequence.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }),
            let string = String(validating: sequence, as: UTF8.self), let scalar = string.unicodeScalars.first
        else { return nil }
        return (scalar, length)
    }

    /// windows-1252's 0x80–0x9F; the five unassigned bytes stay the C1 controls they are in Latin-1.
    static let windows1252Scalars: [Unicode.Scalar] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ].map { Unicode.Scalar($0)! }

    private static let windows1252Bytes: [UInt32: UInt8] = {
        var bytes: [UInt32: UInt8] = [:]
        for (offset, scalar) in windows1252Scalars.enumerated() where scalar.value > 0xFF {
            bytes[scalar.value] = UInt8(0x80 + offset)
        }
        return bytes
    }()
}

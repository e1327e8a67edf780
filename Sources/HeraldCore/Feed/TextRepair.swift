import Foundation

/// Repairs for two kinds of damage text picks up on its way through publishing systems.
///
/// - C1 control characters (U+0080–U+009F) are never meant: they are windows-1252 punctuation
///   (curly quotes, dashes, €) that went through a Latin-1 decoder. They are read as windows-1252,
///   as HTML5 does for character references.
/// - UTF-8 decoded as Latin-1 or windows-1252 and encoded again ("â€¦" for "…") is decoded once more,
///   but only where a run of such characters forms valid multi-byte UTF-8, which ordinary text in a
///   Latin script practically never does.
enum TextRepair {
    /// `text` repaired; decoded as is when it has nothing to repair (nearly always).
    static func repaired(_ utf8: [UInt8]) -> String {
        guard needsRepair(utf8) else { return String(decoding: utf8, as: UTF8.self) }
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

    /// Whether the UTF-8 bytes hold a C1 control (C2 80–9F) or what double-encoded UTF-8 starts
    /// with: a lead-byte character (U+00C2–U+00F4) followed by a continuation-byte character
    /// (U+0080–U+00BF, or windows-1252 punctuation: C2 xx, C5 xx, C6 92, CB xx, E2 xx xx). Text in
    /// French or German, where é or ü are followed by letters, never is.
    static func needsRepair(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let count = buffer.count
            // C2 then 80–9F: a C1 control.
            var offset = 0
            while offset + 1 < count, let found = memchr(base + offset, 0xC2, count - offset - 1) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[index + 1] <= 0x9F { return true }
                offset = index + 1
            }
            // C3 82–B4, then the first byte of a character standing for 80–BF.
            offset = 0
            while offset + 2 < count, let found = memchr(base + offset, 0xC3, count - offset - 2) {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[index + 1] >= 0x82, buffer[index + 1] <= 0xB4 {
                    switch buffer[index + 2] {
                    case 0xC2, 0xC5, 0xC6, 0xCB, 0xE2: return true
                    default: break
                    }
                }
                offset = index + 1
            }
            return false
        }
    }

    /// The byte a character stands for when UTF-8 was misread as windows-1252 (or Latin-1).
    private static func highByte(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if value >= 0x80 && value <= 0xFF { return UInt8(value) }
        guard value > 0xFF, let offset = windows1252Scalars.firstIndex(where: { $0.value == value }) else { return nil }
        return UInt8(0x80 + offset)
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
}

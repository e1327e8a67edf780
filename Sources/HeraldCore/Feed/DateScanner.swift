/// A cursor over the ASCII bytes of a date string, for `FeedDate`'s hand-written grammar.
struct DateScanner {
    private let bytes: [UInt8]
    private(set) var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { position >= bytes.count }

    func peek(offset: Int = 0) -> UInt8? {
        let index = position + offset
        return index < bytes.count ? bytes[index] : nil
    }

    /// How many ASCII digits follow the cursor.
    func peekDigits() -> Int {
        var count = 0
        while let byte = peek(offset: count), Self.isDigit(byte) { count += 1 }
        return count
    }

    func peekLetter() -> Bool {
        peek().map(Self.isLetter) ?? false
    }

    mutating func take(_ character: Unicode.Scalar) -> Bool {
        guard let byte = peek(), byte == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    mutating func skipSpaces() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
    }

    /// Spaces and the '-' or ',' some feeds put between day, month and year ("02-Jan-2024", "13 Feb, 2012").
    mutating func skipSeparators() {
        while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ",")
        {
            position += 1
        }
    }

    mutating func skipToEnd() {
        position = bytes.count
    }

    /// Exactly `digits` digits, not followed by another digit.
    mutating func number(digits: Int) -> Int? {
        number(minDigits: digits, maxDigits: digits)
    }

    mutating func number(minDigits: Int, maxDigits: Int) -> Int? {
        let available = peekDigits()
        guard available >= minDigits, available <= maxDigits else { return nil }
        var value = 0
        for _ in 0..<available {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
        }
        return value
    }

    /// The digits after a decimal point, as a fraction of a second.
    mutating func fraction() -> Double? {
        let count = peekDigits()
        guard count > 0 else { return nil }
        var value = 0.0
        var scale = 0.1
        for _ in 0..<count {
            // Digits past nanoseconds cannot change a Date meaningfully; they are consumed and ignored.
            if scale > 1e-10 { value += Double(bytes[position] - 0x30) * scale }
            scale /= 10
            position += 1
        }
        return value
    }

    /// A run of ASCII letters, or nil when none follows.
    mutating func word() -> String? {
        let start = position
        while let byte = peek(), Self.isLetter(byte) { position += 1 }
        guard position > start else { return nil }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace (Unicode White_Space, newlines included).
    ///
    /// Foundation's `trimmingCharacters(in:)` goes through `NSString` on Linux and hands back a
    /// UTF-16 string that every later UTF-8 pass must transcode; this stays native.
    func trimmingWhitespace() -> String {
        // Fast path: starts and ends with visible ASCII, so there is nothing to trim.
        let text = Substring(self)
        if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F
        {
            return String(text)
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}

import Foundation

/// Parses the dates feeds carry: RFC 822/1123 (RSS) and RFC 3339/ISO 8601 (Atom, JSON Feed, Dublin Core).
///
/// Hand-written because `DateFormatter` is slow, locale-sensitive and needs one formatter per variant,
/// while feeds in the wild mix variants freely (ISO dates in `pubDate`, missing seconds, day names
/// without commas). Anything that does not look like one of these forms gives nil: a missing date is
/// better than a wrong one.
public enum FeedDate {
    /// The instant the string denotes, or nil when it is not a date this parser can read unambiguously.
    public static func parse(_ string: String) -> Date? {
        // Greek, Hungarian and Korean blog software wrote dates in their own words; spelt in English
        // (and the Korean ones given their +09:00 zone) they read like any other.
        let string = string.utf8.contains(where: { $0 >= 0x80 }) ? LocalizedDates.english(string) : string
        var scanner = DateScanner(Array(string.utf8))
        scanner.skipSpaces()
        guard !scanner.atEnd else { return nil }
        // ISO dates start with a four-digit year followed by '-'; RFC 822 dates never do.
        let iso =
            scanner.peekDigits() == 4
            && (scanner.peek(offset: 4) == UInt8(ascii: "-") || scanner.peek(offset: 4) == nil)
        return iso ? parseISO(&scanner) : parseRFC822(&scanner)
    }

    // MARK: ISO 8601 / RFC 3339

    private static func parseISO(_ s: inout DateScanner) -> Date? {
        guard let year = s.number(digits: 4) else { return nil }
        // W3C-DTF allows a year alone ("2003") or a year and month ("2003-12").
        s.skipSpaces()
        if s.atEnd {
            return makeDate(year: year, month: 1, day: 1, hour: 0, minute: 0, second: 0, fraction: 0, offset: 0)
        }
        guard s.take("-"), let month = s.number(digits: 2) else { return nil }
        s.skipSpaces()
        if s.atEnd {
            return makeDate(year: year, month: month, day: 1, hour: 0, minute: 0, second: 0, fraction: 0, offset: 0)
        }
        guard s.take("-"), let day = s.number(digits: 2) else { return nil }
        var hour = 0
        var minute = 0
        var second = 0
        var fraction = 0.0
        var offset = 0
        s.skipSpaces()
        if !s.atEnd {
            // RFC 3339 allows a space instead of 'T'; by here any spaces are already skipped.
            _ = s.take("T") || s.take("t")
            guard let h = s.number(minDigits: 1, maxDigits: 2), s.take(":"), let m = s.number(digits: 2) else {
                return nil
            }
            hour = h
            minute = m
            if s.take(":") {
                guard let sec = s.number(digits: 2) else { return nil }
                second = sec
                if s.take(".") || s.take(",") {
                    guard let f = s.fraction() else { return nil }
                    fraction = f
                }
            }
            s.skipSpaces()
            if !s.atEnd {
                guard let zone = isoZone(&s) else { return nil }
                offset = zone
            }
            s.skipSpaces()
            guard s.atEnd else { return nil }
        }
        return makeDate(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            fraction: fraction, offset: offset)
    }

    private static func isoZone(_ s: inout DateScanner) -> Int? {
        if s.take("Z") || s.take("z") { return 0 }
        return numericZone(&s)
    }

    /// `+HH:MM`, `+HHMM` or `+HH`, as seconds east of UTC.
    private static func numericZone(_ s: inout DateScanner) -> Int? {
        let sign: Int
        if s.take("+") {
            sign = 1
        } else if s.take("-") {
            sign = -1
        } else {
            return nil
        }
        let hours: Int
        var minutes = 0
        if s.peekDigits() == 4, let packed = s.number(digits: 4) {
            (hours, minutes) = (packed / 100, packed % 100)
        } else {
            guard let h = s.number(digits: 2) else { return nil }
            hours = h
            if s.take(":") {
                guard let m = s.number(digits: 2) else { return nil }
                minutes = m
            }
        }
        guard hours <= 14, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }

    // MARK: RFC 822 / 1123 / 2822

    private static func parseRFC822(_ s: inout DateScanner) -> Date? {
        // An optional day name ("Tue," / "Tuesday" / "Tue"): its value is redundant, so only skip it.
        if s.peekLetter() {
            let word = s.word()
            // No day name after all but a month: "Aug 30 2012 ..." or asctime's "Jan  4 16:29:06 2004".
            if let word, let month = monthNumber(word) { return parseMonthFirst(&s, month: month) }
            _ = s.take(",")
            s.skipSpaces()
            if s.peekLetter(), let name = s.word(), let month = monthNumber(name) {
                return parseMonthFirst(&s, month: month)
            }
        }
        // Perforce writes "2006/09/15 08:19:53 EDT".
        if s.peekDigits() == 4, s.peek(offset: 4) == UInt8(ascii: "/") {
            guard let year = s.number(digits: 4), s.take("/"), let month = s.number(minDigits: 1, maxDigits: 2),
                s.take("/"), let day = s.number(minDigits: 1, maxDigits: 2)
            else { return nil }
            return timeAndZone(&s, year: year, month: month, day: day)
        }
        guard let day = s.number(minDigits: 1, maxDigits: 2) else { return nil }
        s.skipSeparators()
        guard let monthName = s.word(), let month = monthNumber(monthName) else { return nil }
        s.skipSeparators()
        guard let year = year(&s) else { return nil }
        return timeAndZone(&s, year: year, month: month, day: day)
    }

    /// A year of two to four digits; two-digit years below 50 are 20xx, the rest 19xx (RFC 2822 §4.3).
    private static func year(_ s: inout DateScanner) -> Int? {
        let yearStart = s.position
        guard var year = s.number(minDigits: 2, maxDigits: 4) else { return nil }
        switch s.position - yearStart {
        case 2: year += year < 50 ? 2000 : 1900
        case 3: year += 1900
        default: break
        }
        return year
    }

    /// The rest of an RFC 822 date after its year: optional time, optional zone, optional comment.
    private static func timeAndZone(_ s: inout DateScanner, year: Int, month: Int, day: Int) -> Date? {
        s.skipSpaces()
        var hour = 0
        var minute = 0
        var second = 0
        var offset = 0
        if !s.atEnd {
            guard let time = time(&s) else { return nil }
            (hour, minute, second) = time
            s.skipSpaces()
            if !s.atEnd {
                guard let zone = rfc822Zone(&s) else { return nil }
                offset = zone
            }
            s.skipSpaces()
            // A trailing comment such as "(PDT)" after a numeric zone is allowed by RFC 2822.
            if s.take("(") { s.skipToEnd() }
            guard s.atEnd else { return nil }
        }
        return makeDate(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second,
            fraction: 0, offset: offset)
    }

    /// `H:MM` or `HH:MM:SS`.
    private static func time(_ s: inout DateScanner) -> (Int, Int, Int)? {
        guard let hour = s.number(minDigits: 1, maxDigits: 2), s.take(":"), let minute = s.number(digits: 2) else {
            return nil
        }
        var second = 0
        if s.take(":") {
            guard let value = s.number(digits: 2) else { return nil }
            second = value
        }
        return (hour, minute, second)
    }

    /// Dates with the month before the day: JavaScript's "Aug 30 2012 17:26:16 +0200", asctime's
    /// "Jan  4 16:29:06 2004", and Twitter's "Jul 15 01:16:00 +0000 2012".
    private static func parseMonthFirst(_ s: inout DateScanner, month: Int) -> Date? {
        s.skipSeparators()
        guard let day = s.number(minDigits: 1, maxDigits: 2) else { return nil }
        _ = s.take(",")
        s.skipSpaces()
        if s.peekDigits() == 4, s.peek(offset: 4) != UInt8(ascii: ":") {
            guard let year = s.number(digits: 4) else { return nil }
            return timeAndZone(&s, year: year, month: month, day: day)
        }
        guard let (hour, minute, second) = time(&s) else { return nil }
        s.skipSpaces()
        var offset = 0
        if !(s.peekDigits() == 4) {
            guard let zone = rfc822Zone(&s) else { return nil }
            offset = zone
            s.skipSpaces()
        }
        guard let year = s.number(digits: 4) else { return nil }
        s.skipSpaces()
        guard s.atEnd else { return nil }
        return makeDate(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second, fraction: 0,
            offset: offset)
    }

    private static func rfc822Zone(_ s: inout DateScanner) -> Int? {
        if let numeric = numericZone(&s) { return numeric }
        guard var name = s.word() else { return nil }
        // tz database names for UTC: "Etc/GMT", "Etc/UTC".
        if name == "Etc", s.take("/"), let rest = s.word() { name = rest }
        if let hours = namedZones[name.uppercased()] {
            // "GMT+0300" style: a named zone followed by an offset from it.
            if let extra = numericZone(&s) { return hours * 3600 + extra }
            return hours * 3600
        }
        // RFC 2822 §4.3: the RFC 822 military zones had their signs reversed in practice, so any
        // single letter other than Z is to be read as an unknown offset, i.e. UTC ("-0000").
        if name.utf8.count == 1, let letter = name.uppercased().unicodeScalars.first,
            ("A"..."Z").contains(letter), letter != "J"
        {
            return 0
        }
        return nil
    }

    /// Zone names whose offset is unambiguous. Others (IST, BST, CST in Asia...) give nil instead.
    private static let namedZones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "JST": 9, "KST": 9,
        "MET": 1, "MEST": 2, "WET": 0, "WEST": 1, "AST": -4, "ADT": -3, "AKST": -9, "AKDT": -8, "HST": -10,
        // North American zones without their standard/daylight letter, as some feeds write them.
        "AT": -4, "ET": -5, "CT": -6, "MT": -7, "PT": -8,
    ]

    private static let shortMonths = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    private static let fullMonths = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]

    private static func monthNumber(_ name: String) -> Int? {
        let key = name.lowercased()
        // "Sept" is common enough in hand-made feeds to accept alongside the RFC's three letters.
        if key == "sept" { return 9 }
        if let index = shortMonths.firstIndex(of: key) ?? fullMonths.firstIndex(of: key) { return index + 1 }
        return nil
    }

    // MARK: Calendar arithmetic

    private static func makeDate(
        year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, fraction: Double, offset: Int
    ) -> Date? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        // A leap second cannot be represented in Unix time; the instant just before is the honest choice.
        let seconds = min(second, 59)
        let days = daysFromCivil(year: year, month: month, day: day)
        let total = days * 86_400 + hour * 3600 + minute * 60 + seconds - offset
        return Date(timeIntervalSince1970: Double(total) + fraction)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}

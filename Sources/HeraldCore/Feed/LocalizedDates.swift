/// Dates that blog software wrote in Greek, Hungarian or Korean, rewritten in the English and ISO
/// forms `FeedDate` reads. Only called for strings with non-ASCII bytes.
enum LocalizedDates {
    static func english(_ string: String) -> String {
        if let korean = korean(string) { return korean }
        var text = string
        for (local, english) in words where text.contains(local) {
            text = text.replacingOccurrences(of: local, with: english)
        }
        return text
    }

    /// Greek day and month abbreviations, and Hungarian month names (written between ISO dashes,
    /// so they become month numbers).
    private static let words: [(String, String)] = [
        ("Κυρ", "Sun"), ("Δευ", "Mon"), ("Τρι", "Tue"), ("Τετ", "Wed"), ("Πεμ", "Thu"), ("Παρ", "Fri"),
        ("Σαβ", "Sat"),
        ("Ιαν", "Jan"), ("Φεβ", "Feb"), ("Μάώ", "Mar"), ("Μάρ", "Mar"), ("Μαρ", "Mar"), ("Απρ", "Apr"),
        ("Μάι", "May"), ("Μαϊ", "May"), ("Μαι", "May"), ("Ιούν", "Jun"), ("Ιον", "Jun"), ("Ιούλ", "Jul"),
        ("Ιολ", "Jul"), ("Αύγ", "Aug"), ("Αυγ", "Aug"), ("Σεπ", "Sep"), ("Οκτ", "Oct"), ("Νοέ", "Nov"),
        ("Νοε", "Nov"), ("Δεκ", "Dec"),
        ("-január-", "-01-"), ("-február-", "-02-"), ("-március-", "-03-"), ("-április-", "-04-"),
        ("-május-", "-05-"), ("-június-", "-06-"), ("-július-", "-07-"), ("-augusztus-", "-08-"),
        ("-szeptember-", "-09-"), ("-október-", "-10-"), ("-november-", "-11-"), ("-december-", "-12-"),
    ]

    /// "2004년 05월 28일  01:31:15" (OnBlog) and "2004-05-25 오후 11:23:17" (Nate), both in Korean
    /// time: as ISO dates with a +09:00 offset.
    private static func korean(_ string: String) -> String? {
        let digits = string.split { !$0.isNumber }.map(String.init)
        if string.contains("년"), string.contains("월"), string.contains("일"), digits.count >= 5 {
            let seconds = digits.count >= 6 ? digits[5] : "00"
            return
                "\(digits[0])-\(pad(digits[1]))-\(pad(digits[2]))T\(pad(digits[3])):\(pad(digits[4])):\(pad(seconds))+09:00"
        }
        let afternoon = string.contains("오후")
        if afternoon || string.contains("오전"), digits.count >= 5 {
            var hour = Int(digits[3]) ?? 0
            if afternoon && hour < 12 { hour += 12 }
            if !afternoon && hour == 12 { hour = 0 }
            let seconds = digits.count >= 6 ? digits[5] : "00"
            return
                "\(digits[0])-\(pad(digits[1]))-\(pad(digits[2]))T\(pad(String(hour))):\(pad(digits[4])):\(pad(seconds))+09:00"
        }
        return nil
    }

    private static func pad(_ number: String) -> String {
        number.count == 1 ? "0" + number : number
    }
}

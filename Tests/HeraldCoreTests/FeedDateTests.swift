import Foundation
import Testing

@testable import HeraldCore

@Suite("FeedDate")
struct FeedDateTests {
    // MARK: RFC 822 / 1123

    @Test func rfc1123WithDayName() {
        #expect(FeedDate.parse("Tue, 05 Mar 2024 14:30:00 GMT") == utc(2024, 3, 5, 14, 30, 0))
    }

    @Test func rfc822WithoutDayName() {
        #expect(FeedDate.parse("05 Mar 2024 14:30:00 +0000") == utc(2024, 3, 5, 14, 30, 0))
    }

    @Test func missingSeconds() {
        #expect(FeedDate.parse("Tue, 05 Mar 2024 14:30 GMT") == utc(2024, 3, 5, 14, 30, 0))
    }

    @Test func singleDigitDayAndFullNames() {
        #expect(FeedDate.parse("Tue, 5 Mar 2024 14:30:07 GMT") == utc(2024, 3, 5, 14, 30, 7))
        #expect(FeedDate.parse("Tuesday, 05 March 2024 14:30:00 GMT") == utc(2024, 3, 5, 14, 30, 0))
    }

    @Test func numericZones() {
        // +0300 is three hours ahead of UTC, so 14:30 local is 11:30 UTC.
        #expect(FeedDate.parse("Tue, 05 Mar 2024 14:30:00 +0300") == utc(2024, 3, 5, 11, 30, 0))
        #expect(FeedDate.parse("Tue, 05 Mar 2024 14:30:00 -0500") == utc(2024, 3, 5, 19, 30, 0))
        #expect(FeedDate.parse("Tue, 05 Mar 2024 14:30:00 +0530") == utc(2024, 3, 5, 9, 0, 0))
    }

    @Test(
        "named zones",
        arguments: [
            ("GMT", 0), ("UT", 0), ("UTC", 0), ("Z", 0), ("EST", -5), ("EDT", -4), ("CST", -6), ("CDT", -5),
            ("MST", -7), ("MDT", -6), ("PST", -8), ("PDT", -7),
        ])
    func namedZone(zone: String, hoursEast: Int) {
        let parsed = FeedDate.parse("Tue, 05 Mar 2024 12:00:00 \(zone)")
        #expect(parsed == utc(2024, 3, 5, 12 - hoursEast, 0, 0), "zone \(zone)")
    }

    @Test func militaryZonesOtherThanZAreReadAsUTC() {
        // RFC 5322 §4.3: military letters other than Z are of unknown meaning and read as +0000.
        #expect(FeedDate.parse("Tue, 05 Mar 2024 12:00:00 A") == utc(2024, 3, 5, 12, 0, 0))
        #expect(FeedDate.parse("Tue, 05 Mar 2024 12:00:00 N") == utc(2024, 3, 5, 12, 0, 0))
    }

    @Test func twoDigitYears() {
        #expect(FeedDate.parse("Tue, 05 Mar 24 14:30:00 GMT") == utc(2024, 3, 5, 14, 30, 0))
        #expect(FeedDate.parse("Fri, 31 Dec 99 23:59:59 GMT") == utc(1999, 12, 31, 23, 59, 59))
    }

    @Test func trailingZoneComment() {
        #expect(FeedDate.parse("Tue, 05 Mar 2024 14:30:00 -0800 (PST)") == utc(2024, 3, 5, 22, 30, 0))
    }

    @Test func surroundingWhitespace() {
        #expect(FeedDate.parse("\n   Tue, 05 Mar 2024 14:30:00 GMT  \n") == utc(2024, 3, 5, 14, 30, 0))
    }

    // MARK: RFC 3339 / ISO 8601

    @Test func rfc3339UTC() {
        #expect(FeedDate.parse("2024-03-05T14:30:00Z") == utc(2024, 3, 5, 14, 30, 0))
    }

    @Test func rfc3339FractionalSeconds() throws {
        let parsed = try #require(FeedDate.parse("2024-03-05T14:30:00.250Z"))
        #expect(abs(parsed.timeIntervalSince(utc(2024, 3, 5, 14, 30, 0)) - 0.25) < 0.0001)
    }

    @Test func rfc3339Offsets() {
        #expect(FeedDate.parse("2024-03-05T14:30:00+03:00") == utc(2024, 3, 5, 11, 30, 0))
        #expect(FeedDate.parse("2024-03-05T14:30:00-05:00") == utc(2024, 3, 5, 19, 30, 0))
        #expect(FeedDate.parse("2024-03-05T14:30:00+0200") == utc(2024, 3, 5, 12, 30, 0))
    }

    @Test func isoWithoutZoneIsUTC() {
        #expect(FeedDate.parse("2024-03-05T14:30:00") == utc(2024, 3, 5, 14, 30, 0))
    }

    @Test func isoDateOnlyIsMidnightUTC() {
        #expect(FeedDate.parse("2024-03-05") == utc(2024, 3, 5))
    }

    @Test func isoVariants() {
        #expect(FeedDate.parse("2024-03-05 14:30:00Z") == utc(2024, 3, 5, 14, 30, 0))
        #expect(FeedDate.parse("2024-03-05T14:30Z") == utc(2024, 3, 5, 14, 30, 0))
        #expect(FeedDate.parse("2024-03-05t14:30:00z") == utc(2024, 3, 5, 14, 30, 0))
    }

    @Test func leapDay() {
        #expect(FeedDate.parse("2024-02-29T00:00:00Z") == utc(2024, 2, 29))
        #expect(FeedDate.parse("2023-02-29T00:00:00Z") == nil)
    }

    @Test func oldAndFarDates() {
        #expect(FeedDate.parse("1969-07-20T20:17:40Z") == utc(1969, 7, 20, 20, 17, 40))
        #expect(FeedDate.parse("2100-01-01T00:00:00Z") == utc(2100, 1, 1))
    }

    // MARK: Damage

    @Test(
        "damaged dates give nil",
        arguments: [
            "", "   ", "yesterday", "Tue, 05 Mar", "Tue, 05 Mar 2024 14", "Tue, 32 Mar 2024 14:30:00 GMT",
            "Tue, 05 Foo 2024 14:30:00 GMT", "Tue, 05 Mar 2024 25:00:00 GMT", "Tue, 05 Mar 2024 14:61:00 GMT",
            "Tue, 05 Mar 2024 14:30:00 XYZ", "Tue, 05 Mar 2024 14:30:00 +9900", "Tue, 05 Mar 20245 14:30:00 GMT",
            "2024-13-01T00:00:00Z", "2024-02-30", "2024-03-05T", "2024-03-05T14:30:00+0300junk",
            "2024-03-05T14:30:00.Z", "2024-3-5", "05/03/2024", "\u{0}\u{1}\u{2}", "٢٠٢٤-٠٣-٠٥",
        ])
    func damaged(input: String) {
        #expect(FeedDate.parse(input) == nil, "\(input.debugDescription)")
    }
}

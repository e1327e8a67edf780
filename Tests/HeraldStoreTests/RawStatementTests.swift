import Foundation
import GRDB
import Testing

@testable import HeraldStore

@Suite("RawStatement: values bound through SQLite's C API")
struct RawStatementTests {
    @Test("null, integer, real and text (empty, Arabic, with a NUL) are stored as given")
    func roundTrip() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (n, i, r, s, e, a, z)")
            try RawStatement(db, sql: "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)").execute(
                .text(nil as String?), .integer(-42), .real(1.5), .text("Paris talks"), .text(""), .text("الشيباني"),
                .text("a\u{0}b"))
            let row = try #require(try Row.fetchOne(db, sql: "SELECT * FROM t"))
            #expect(row["n"] == DatabaseValue.null)
            #expect(row["i"] == -42)
            #expect(row["r"] == 1.5)
            #expect(row["s"] == "Paris talks")
            #expect(row["e"] == "")
            #expect(row["a"] == "الشيباني")
            #expect(try Int.fetchOne(db, sql: "SELECT length(CAST(z AS BLOB)) FROM t") == 3)
        }
    }

    @Test("a failing insert throws SQLite's error with the statement, and the statement runs again after it")
    func failureAndReuse() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE k (key TEXT PRIMARY KEY)")
            let insert = try RawStatement(db, sql: "INSERT INTO k (key) VALUES (?)")
            try insert.execute(.text("guid:wire\u{1F}1"))
            let error = #expect(throws: DatabaseError.self) { try insert.execute(.text("guid:wire\u{1F}1")) }
            #expect(error?.resultCode == .SQLITE_CONSTRAINT)
            #expect(error?.sql == "INSERT INTO k (key) VALUES (?)")
            try insert.execute(.text("guid:wire\u{1F}2"))
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM k") == 2)
        }
    }
}

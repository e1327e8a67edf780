import GRDB
import GRDBSQLite

/// Runs a cached statement with its values bound straight through SQLite's C API.
///
/// Only for the statements a poll runs once or more per item (the item and key inserts): for
/// those, GRDB's argument handling — boxing each value, validating the count, temporary bindings —
/// cost as much CPU as SQLite's own insert. The statement stays in GRDB's cache; nothing here
/// changes what GRDB knows of the connection (these statements start no transaction and nothing
/// observes the tables).
struct RawStatement {
    private let statement: Statement
    private let db: Database

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds the values (`?1`, `?2`, … in order) and runs the statement to completion.
    func execute(_ values: RawValue...) throws {
        let handle = try bind(values)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let error = failure(code)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Binds the values and calls `row` for each row, with the columns read through SQLite's C
    /// API: for reads of many rows, where GRDB's generic column accessors looked their value types
    /// up at run time for every column of every row.
    func forEachRow(_ values: RawValue..., row: (RawRow) throws -> Void) throws {
        let handle = try bind(values)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code) }
            try row(RawRow(handle: handle))
        }
    }

    /// Resets the statement and binds the values (`?1`, `?2`, … in order); returns its handle.
    private func bind(_ values: [RawValue]) throws -> OpaquePointer? {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let bound =
                switch value {
                case .null: sqlite3_bind_null(handle, index)
                case .integer(let integer): sqlite3_bind_int64(handle, index, integer)
                case .real(let real): sqlite3_bind_double(handle, index, real)
                case .text(let text):
                    // SQLite copies the text (SQLITE_TRANSIENT) before this returns.
                    text.withCString { sqlite3_bind_text(handle, index, $0, Int32(text.utf8.count), rawTransient) }
                }
            // A text over SQLite's length limit is refused here, not truncated.
            guard bound == SQLITE_OK else { throw failure(bound) }
        }
        return handle
    }

    private func failure(_ code: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
            sql: statement.sql)
    }
}

/// The current row of a `RawStatement`, its columns by position (NULL reads as nil).
struct RawRow {
    fileprivate let handle: OpaquePointer?

    func text(_ column: Int32) -> String? {
        guard sqlite3_column_type(handle, column) != SQLITE_NULL, let bytes = sqlite3_column_text(handle, column)
        else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    func real(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }

    func integer(_ column: Int32) -> Int? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : Int(sqlite3_column_int64(handle, column))
    }
}

/// A value to bind; nil optionals bind as NULL.
enum RawValue {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    static func text(_ value: String?) -> RawValue { value.map { .text($0) } ?? .null }
    static func real(_ value: Double?) -> RawValue { value.map { .real($0) } ?? .null }
}

/// SQLite's `SQLITE_TRANSIENT` (a macro Swift cannot import): copy the value before returning.
private let rawTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

import Foundation

/// One problem in a config file: where (file, key path, line) and what to do about it.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// Key path such as `feeds[2].interval`; empty for the document itself.
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)"
    }
}

/// A config that cannot be used, with every problem found (not just the first).
public struct ConfigError: Error, Sendable, CustomStringConvertible {
    public var problems: [ConfigProblem]

    public init(_ problems: [ConfigProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

import Foundation
import HeraldCore
import Yams

/// Reads a YAML config file into a checked `HeraldConfig`.
///
/// Walks the YAML node tree itself (rather than a `Decodable`) so every problem names its key path
/// and line, unknown keys are errors with the closest valid key suggested, and all problems are
/// reported at once.
public enum ConfigLoader {
    public static func load(
        path: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> HeraldConfig {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigError([
                ConfigProblem(
                    file: path, path: "", line: nil,
                    message: "cannot read the config file (\(error.localizedDescription)); pass --config FILE")
            ])
        }
        return try parse(text, file: url.path, environment: environment)
    }

    public static func parse(
        _ text: String, file: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigError) -> HeraldConfig {
        let node: Node?
        do {
            node = try ConfigReader.compose(text)
        } catch let error as YamlError {
            throw ConfigError([
                ConfigProblem(
                    file: file, path: "", line: Self.line(of: error), message: "not valid YAML: \(Self.describe(error))"
                )
            ])
        } catch {
            throw ConfigError([ConfigProblem(file: file, path: "", line: nil, message: "not valid YAML: \(error)")])
        }
        var reader = ConfigReader(file: file, environment: environment)
        let config = reader.readDocument(node)
        guard reader.problems.isEmpty, let config else { throw ConfigError(reader.problems) }
        return config
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): mark.line
        case .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            "\(problem) at column \(mark.column)"
        default: "\(error)"
        }
    }
}

import Foundation
import HeraldCore
import Yams

/// The rule side of a config: `aliases`, and rule files named by `include`.
extension ConfigReader {
    /// A rule file named by `include`, parsed, with a reader that reports problems against it.
    struct RuleFile {
        var reader: ConfigReader
        var keys: [String: Node]
    }

    /// Reads every file `include` names. A file that cannot be read or parsed is a problem of the
    /// `include` entry naming it; the others are still read.
    mutating func readIncludes(_ node: Node?) -> [RuleFile] {
        guard let names = strings(node, "include") else { return [] }
        var files: [RuleFile] = []
        for (index, name) in names.enumerated() {
            let path = resolvePath(name)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                problem("include[\(index)]", node, "cannot read the rule file \(path)")
                continue
            }
            var reader = ConfigReader(file: path, isIncluded: true)
            let root: Node?
            do {
                root = try ConfigReader.compose(text)
            } catch {
                problem("include[\(index)]", node, "the rule file \(path) is not valid YAML: \(error)")
                continue
            }
            guard let root, case .mapping = root else {
                reader.problem("", root, "a rule file is a mapping with `rules` (and optionally `aliases`)")
                problems += reader.problems
                continue
            }
            let keys = reader.mapping(root, path: "", allowed: Self.ruleFileKeys)
            files.append(RuleFile(reader: reader, keys: keys))
        }
        return files
    }

    /// Adds the aliases of an `aliases:` mapping to `aliases`. Each value is a definition string,
    /// or a mapping of language to one variant or a list of them.
    mutating func readAliases(_ node: Node, path: String) {
        guard case .mapping(let mapping) = node else {
            problem(path, node, "expected a mapping of alias names to definitions")
            return
        }
        for (keyNode, value) in mapping {
            guard let name = keyNode.string else { continue }
            let keyPath = "\(path).\(name)"
            guard let definition = aliasDefinition(value, path: keyPath) else { continue }
            do throws(RuleSyntaxError) {
                try aliases.add(name: name, definition: definition)
            } catch {
                problem(keyPath, value, Self.explain(error, in: definition))
            }
        }
    }

    /// The definition string of an alias value; a mapping `{ en: [a, "b c"], ar: [d] }` becomes
    /// `{ en: a | "b c" ; ar: d }`, a variant with spaces being a phrase.
    mutating func aliasDefinition(_ node: Node, path: String) -> String? {
        if case .scalar = node { return string(node, path) }
        guard case .mapping(let groups) = node else {
            problem(path, node, "expected a definition '{ en: a | b ; ar: c }' or a mapping of language to variants")
            return nil
        }
        var parts: [String] = []
        for (languageNode, variantsNode) in groups {
            guard let language = languageNode.string else { continue }
            guard let variants = strings(variantsNode, "\(path).\(language)") else { continue }
            let written = variants.map { variant in
                let quoted = variant.first.map { "\"\u{201C}\u{201D}\u{201E}=".contains($0) } ?? false
                return variant.contains(where: \.isWhitespace) && !quoted ? "\"\(variant)\"" : variant
            }
            parts.append("\(language): " + written.joined(separator: " | "))
        }
        return "{ " + parts.joined(separator: " ; ") + " }"
    }

    /// A syntax error's message, then the offending line with a caret under the position.
    static func explain(_ error: RuleSyntaxError, in text: String) -> String {
        let lines = error.render(query: text).split(separator: "\n", omittingEmptySubsequences: false)
        return "\(error)\n" + lines.map { "    \($0)" }.joined(separator: "\n")
    }
}

import HeraldCore

/// A sentence under a rule's `expect:` or `reject:` that the rule gets wrong, for `herald check`.
public struct RuleExpectationProblem: Sendable, Hashable, CustomStringConvertible {
    public var rule: String
    /// The file the rule is written in.
    public var file: String
    public var failure: RuleExpectationFailure

    public var description: String {
        "\(file): rule '\(rule)': \(failure)"
    }
}

extension HeraldConfig {
    /// Every `expect`/`reject` sentence that does not hold, rule by rule in config order. Each
    /// sentence is matched as an item whose title it is. Rules whose query does not parse are
    /// skipped: loading the config already reported them.
    public func ruleExpectationProblems() -> [RuleExpectationProblem] {
        var problems: [RuleExpectationProblem] = []
        for rule in rules where !rule.expect.isEmpty || !rule.reject.isEmpty {
            guard let query = try? RuleQuery(parsing: rule.query, aliases: aliases) else { continue }
            for failure in query.check(expect: rule.expect, reject: rule.reject) {
                problems.append(RuleExpectationProblem(rule: rule.name, file: rule.file ?? file, failure: failure))
            }
        }
        return problems
    }

    /// How many `expect`/`reject` sentences the rules carry.
    public var ruleExpectationCount: Int {
        rules.reduce(0) { $0 + $1.expect.count + $1.reject.count }
    }
}

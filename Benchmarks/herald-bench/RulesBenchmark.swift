/// Placeholder.
enum RulesBenchmark {
    static func run(_ arguments: [String]) {}
}

import Foundation

// Herald's micro-benchmarks; each subcommand prints its figures. See Benchmarks/README.md.
let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "rules":
    RulesBenchmark.run(Array(arguments.dropFirst()))
case "parse":
    ParseBenchmark.run(Array(arguments.dropFirst()))
case "stories":
    StoriesBenchmark.run(Array(arguments.dropFirst()))
case "record":
    await RecordBenchmark.run(Array(arguments.dropFirst()))
default:
    print("usage: herald-bench <benchmark> [arguments]   (benchmarks: parse, record, rules, stories)")
    exit(arguments.isEmpty ? 0 : 64)
}

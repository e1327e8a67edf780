import Foundation
import HeraldCore

/// `herald-bench rules [items] [rules counts…]`: matching speed of the presearch index against
/// evaluating every rule, on generated ~80-word items in English and Arabic.
///
/// Items draw words from a Zipf distribution over a synthetic vocabulary (as real text does: a few
/// words everywhere, most words rare), in sentences, half English-like and half Arabic with
/// attached proclitics. Rules draw their words from the same vocabulary, mostly away from the
/// most common words, as topic rules do, and use every construct: phrases, OR-groups, NOT,
/// proximity, SENT, wildcards, fuzzy words, exact forms, fields and aliases.
enum RulesBenchmark {
    static func run(_ arguments: [String]) {
        let itemCount = arguments.first.flatMap(Int.init) ?? 20_000
        let ruleCounts = arguments.count > 1 ? arguments.dropFirst().compactMap(Int.init) : [1_000, 10_000]
        var random = SplitMix64(seed: 2026)
        let corpus = Corpus(random: &random)
        let texts = (0..<itemCount).map { index in corpus.item(arabic: index % 2 == 1, random: &random) }
        print(
            "rules benchmark: \(itemCount) items of ~80 words (half English, half Arabic); "
                + "rates are per CPU-second of the one benchmark thread")

        // Analysis alone: tokenising, folding, proclitic stems, postings.
        // Each document is dropped once made, as the pipeline does.
        let analysisStart = CPUClock.now
        var words = 0
        for text in texts {
            words += MatchDocument(title: text.title, text: text.body, language: text.language).wordCount
        }
        let analysis = seconds(CPUClock.now - analysisStart)
        let documents = texts.prefix(2_000).map { text in
            MatchDocument(title: text.title, text: text.body, language: text.language)
        }
        print(
            String(
                format: "  analysis only: %.0f items/s (%.1f words per item)", Double(itemCount) / analysis,
                Double(words) / Double(itemCount)))

        for ruleCount in ruleCounts {
            let sources = (0..<ruleCount).map { _ in corpus.rule(random: &random) }
            let compileStart = CPUClock.now
            var rules: [(name: String, query: RuleQuery)] = []
            for (index, source) in sources.enumerated() {
                do {
                    rules.append(("r\(index)", try RuleQuery(parsing: source, aliases: corpus.aliases)))
                } catch {
                    print("  generated rule did not parse: \(source): \(error)")
                }
            }
            let compile = seconds(CPUClock.now - compileStart)
            let indexStart = CPUClock.now
            let index = RuleIndex(rules)
            let indexing = seconds(CPUClock.now - indexStart)

            // Presearch + verification, with the full analysis of each item included.
            var candidates = 0
            var matches = 0
            let start = CPUClock.now
            let wallStart = ContinuousClock.now
            for text in texts {
                let document = MatchDocument(title: text.title, text: text.body, language: text.language)
                let found = index.candidates(for: document)
                candidates += found.count
                for position in found where rules[position].query.matches(document) { matches += 1 }
            }
            let indexed = seconds(CPUClock.now - start)
            let wall = ContinuousClock.now - wallStart
            let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18

            // Brute force on a sample (every rule on every item is slow at 10,000 rules).
            let sample =
                ProcessInfo.processInfo.environment["HERALD_BENCH_NO_BRUTE"] == nil
                ? min(documents.count, max(200, 2_000_000 / max(ruleCount, 1))) : 0
            var bruteMatches = 0
            var sampleIndexMatches = 0
            let bruteStart = CPUClock.now
            for text in texts.prefix(sample) {
                let document = MatchDocument(title: text.title, text: text.body, language: text.language)
                for rule in rules where rule.query.matches(document) { bruteMatches += 1 }
            }
            let brute = seconds(CPUClock.now - bruteStart)
            for document in documents.prefix(sample) { sampleIndexMatches += index.matches(document).count }

            let rate = Double(itemCount) / indexed
            let bruteRate = Double(sample) / max(brute, 1e-9)
            let hitRate = Double(candidates) / Double(itemCount * rules.count)
            print("  \(rules.count) rules:")
            print(
                String(
                    format: "    compile: %.3f ms per rule (index build %.1f ms total)",
                    compile * 1000 / Double(rules.count),
                    indexing * 1000))
            print(
                String(
                    format: "    presearch + verify: %.0f items/s (wall clock: %.0f items/s, other load included)",
                    rate,
                    Double(itemCount) / wallSeconds))
            print(
                String(
                    format: "    presearch hit rate: %.2f%% of rules verified per item (%.1f of %d), %d matches",
                    hitRate * 100, Double(candidates) / Double(itemCount), rules.count, matches))
            print(String(format: "    brute force (every rule, %d items): %.0f items/s", sample, bruteRate))
            print(String(format: "    speed-up over brute force: %.1fx", rate / bruteRate))
            print(
                "    same matches on the brute-force sample: \(bruteMatches == sampleIndexMatches ? "yes" : "NO") "
                    + "(\(bruteMatches) vs \(sampleIndexMatches))")
        }
    }

    static func seconds(_ duration: Double) -> Double { duration }
}

/// The CPU time this thread has used, in seconds: on a shared machine, wall time would measure
/// the other processes too. The benchmark is single-threaded, so this is "one core".
enum CPUClock {
    static var now: Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// A synthetic bilingual vocabulary with Zipf-distributed word frequencies.
struct Corpus {
    static let size = 20_000
    let english: [String]
    let arabic: [String]
    /// Cumulative Zipf weights over ranks, for sampling by bisection.
    let cumulative: [Double]
    let aliases: AliasTable

    init(random: inout SplitMix64) {
        let consonants = Array("bcdfghklmnprstvz")
        let vowels = Array("aeiou")
        let arabicLetters = Array("بتثجحخدذرزسشصضطظعغفقكلمنهي")
        var english: [String] = []
        var seen = Set<String>()
        while english.count < Self.size {
            let syllables =
                english.count < 200 ? Int.random(in: 1...2, using: &random) : Int.random(in: 2...4, using: &random)
            var word = ""
            for _ in 0..<syllables {
                word.append(consonants.randomElement(using: &random)!)
                word.append(vowels.randomElement(using: &random)!)
            }
            if seen.insert(word).inserted { english.append(word) }
        }
        var arabic: [String] = []
        seen = []
        while arabic.count < Self.size {
            let length =
                arabic.count < 200 ? Int.random(in: 2...3, using: &random) : Int.random(in: 3...6, using: &random)
            let word = String((0..<length).map { _ in arabicLetters.randomElement(using: &random)! })
            if seen.insert(word).inserted { arabic.append(word) }
        }
        self.english = english
        self.arabic = arabic
        var total = 0.0
        cumulative = (1...Self.size).map { rank in
            total += 1 / Double(rank)
            return total
        }
        aliases = try! AliasTable(definitions: [
            "a1": "{ en: \(english[900]) | \"\(english[1200]) \(english[1300])\" ; ar: \(arabic[900]) }",
            "a2": "{ en: \(english[2500]) | \(english[2600])* ; ar: \(arabic[2500]) | \(arabic[2600]) }",
        ])
    }

    func rank(_ random: inout SplitMix64) -> Int {
        let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &random)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    static let proclitics = ["و", "ال", "وال", "ب", "بال", "ل", "لل"]

    func item(arabic: Bool, random: inout SplitMix64) -> (title: String, body: String, language: String) {
        func words(_ count: Int) -> String {
            var text = ""
            for position in 0..<count {
                let rank = self.rank(&random)
                var word = arabic ? self.arabic[rank] : english[rank]
                if arabic, Int.random(in: 0..<4, using: &random) == 0 {
                    word = Self.proclitics.randomElement(using: &random)! + word
                } else if !arabic, Int.random(in: 0..<12, using: &random) == 0 {
                    word = word.prefix(1).uppercased() + word.dropFirst()
                }
                text += word
                if position == count - 1 {
                    text += arabic ? "." : "."
                } else if Int.random(in: 0..<15, using: &random) == 0 {
                    text += arabic ? "؟ " : ". "
                } else if Int.random(in: 0..<10, using: &random) == 0 {
                    text += ", "
                } else {
                    text += " "
                }
            }
            return text
        }
        return (words(10), words(70), arabic ? "ar" : "en")
    }

    /// A word for a rule: ranks 50 to 20,000, skewed towards the rarer half, as topic words are.
    func ruleWord(_ random: inout SplitMix64, arabic: Bool) -> String {
        let rank = Int(50 + pow(Double.random(in: 0..<1, using: &random), 0.7) * Double(Self.size - 51))
        return arabic ? self.arabic[rank] : english[rank]
    }

    func rule(random: inout SplitMix64) -> String {
        let arabic = Bool.random(using: &random)
        func word() -> String { ruleWord(&random, arabic: arabic) }
        func term() -> String {
            switch Int.random(in: 0..<20, using: &random) {
            case 0: return "\"\(word()) \(word())\""
            case 1: return "\"\(word()) \(word())\"~2"
            case 2:
                let stem = word()
                return stem.count >= 4 ? String(stem.prefix(4)) + "*" : stem
            case 3:
                let fuzzy = word()
                return fuzzy.count >= 6 ? fuzzy + "~1" : fuzzy
            case 4: return "=" + word()
            case 5: return ["@a1", "@a2"].randomElement(using: &random)!
            case 6: return "title:" + word()
            default: return word()
            }
        }
        switch Int.random(in: 0..<8, using: &random) {
        case 0: return "(\(term()) OR \(term()) OR \(term())) \(term()) -\(term())"
        case 1: return "\(term()) NEAR/5 \(term())"
        case 2: return "\(term()) SENT (\(term()) OR \(term()))"
        case 3: return "(\(term()) OR \(term())) (\(term()) OR \(term()))"
        case 4: return "\(term()) \(term()) lang:\(arabic ? "ar" : "en")"
        case 5: return "atleast:2(\(term())) \(term())"
        case 6: return "\(term()) PRE/3 \(term()) OR \(term()) \(term())"
        default: return "\(term()) \(term())"
        }
    }
}

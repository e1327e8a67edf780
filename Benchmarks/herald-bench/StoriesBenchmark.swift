import Foundation
import HeraldCore

/// `herald-bench stories [window items] [measured items]`: story assignment and near-duplicate
/// checks with a full window, on generated ~80-word items in English and Arabic.
///
/// Items are the rules benchmark's Zipf text plus the topic words of the story they belong to
/// (stories of 1 to 12 reports; one report in ten is a wire copy of an earlier one). Times are
/// spaced so that the 72-hour window holds `window items` items: after the first fill, every
/// assignment also evicts. Rates are per CPU-second of the one benchmark thread; memory is the
/// process's resident set, printed as the stream goes on to show it stays flat once the window
/// is full.
enum StoriesBenchmark {
    /// Makes the item stream, chunk by chunk, so the benchmark's own memory stays small.
    struct Stream {
        let corpus: Corpus
        var random: SplitMix64
        let start: Date
        let spacing: Double
        var topic: [String] = []
        var left = 0
        var arabic = false
        var recent: [StoryItem] = []
        var index = 0

        mutating func next(_ count: Int) -> [StoryItem] {
            (0..<count).map { _ in next() }
        }

        mutating func next() -> StoryItem {
            defer { index += 1 }
            if left == 0 {
                arabic = Bool.random(using: &random)
                topic = (0..<12).map { _ in corpus.ruleWord(&random, arabic: arabic) }
                left = Int.random(in: 1...12, using: &random)
            }
            left -= 1
            let time = start.addingTimeInterval(Double(index) * spacing)
            if !recent.isEmpty, Int.random(in: 0..<10, using: &random) == 0 {
                var copy = recent.randomElement(using: &random)!
                copy.key = "i\(index)"
                copy.link = "https://copy.example/\(index)"
                copy.time = time
                return copy
            }
            let text = corpus.item(arabic: arabic, random: &random)
            let picked = topic.shuffled(using: &random)
            let item = StoryItem(
                key: "i\(index)", title: picked.prefix(4).joined(separator: " ") + " " + text.title,
                body: picked.joined(separator: " ") + " " + text.body, link: "https://outlet.example/\(index)",
                time: time)
            recent.append(item)
            if recent.count > 64 { recent.removeFirst() }
            return item
        }
    }

    static func run(_ arguments: [String]) {
        let windowItems = arguments.first.flatMap(Int.init) ?? 100_000
        let measured = arguments.count > 1 ? Int(arguments[1]) ?? 20_000 : 20_000
        var random = SplitMix64(seed: 7)
        let corpus = Corpus(random: &random)
        var stream = Stream(
            corpus: corpus, random: random, start: Date(timeIntervalSince1970: 1_767_225_600),
            spacing: 72.0 * 3600 / Double(windowItems))
        print(
            "stories benchmark: window 72h holding \(windowItems) items, \(measured) measured after two window fills; "
                + "rates per CPU-second of one thread (item generation not counted)")

        var clusterer = StoryClusterer(concepts: StoryConcepts(aliases: corpus.aliases))
        var reasons: [StoryAssignment.Reason: Int] = [:]
        /// Assigns `count` items, generated 5,000 at a time outside the timed part; CPU seconds.
        func assign(_ count: Int) -> Double {
            var cpu = 0.0
            var done = 0
            while done < count {
                let chunk = stream.next(min(5_000, count - done))
                let start = CPUClock.now
                for item in chunk { reasons[clusterer.assign(item).reason, default: 0] += 1 }
                cpu += CPUClock.now - start
                done += chunk.count
            }
            return cpu
        }
        let fill = assign(windowItems)
        print(
            String(
                format: "  first fill: %.0f items/s; window %d items, %d stories; RSS %.0f MB",
                Double(windowItems) / fill, clusterer.itemCount, clusterer.storyCount, residentMegabytes()))
        let second = assign(windowItems)
        print(
            String(
                format: "  second fill (evicting): %.0f items/s; window %d items, %d stories; RSS %.0f MB",
                Double(windowItems) / second, clusterer.itemCount, clusterer.storyCount, residentMegabytes()))
        reasons = [:]
        let measure = assign(measured)
        let rate = Double(measured) / measure
        print(
            String(
                format: "  story assignment, full window: %.0f items/s (bar 2,000: %.1f×); window %d items, "
                    + "%d stories; RSS %.0f MB", rate, rate / 2_000, clusterer.itemCount, clusterer.storyCount,
                residentMegabytes()))
        print(
            "  joined: "
                + reasons.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
                .joined(separator: ", "))
        let more = assign(windowItems)
        print(
            String(
                format:
                    "  third fill: %.0f items/s; window %d items, %d stories; RSS %.0f MB (flat: bounded by the window)",
                Double(windowItems) / more, clusterer.itemCount, clusterer.storyCount, residentMegabytes()))

        // The same-text layer alone. Words come from the story layer's analysis in the pipeline
        // (tokenised once per item), so they are made outside the timed part, and tokenising is
        // measured on its own.
        let total = windowItems * 2
        var fingerprintStream = Stream(
            corpus: corpus, random: SplitMix64(seed: 11), start: stream.start, spacing: stream.spacing)
        var index = NearDuplicateIndex()
        var copies = 0
        var tokenising = 0.0
        var layer = 0.0
        var done = 0
        while done < total {
            let chunk = fingerprintStream.next(5_000)
            let tokenStart = CPUClock.now
            let words = chunk.map { item in
                (Tokenizer.tokens(in: item.title).map(\.text), Tokenizer.tokens(in: item.body).map(\.text))
            }
            tokenising += CPUClock.now - tokenStart
            let layerStart = CPUClock.now
            for (offset, item) in chunk.enumerated() {
                let (title, body) = words[offset]
                let fingerprint = TextFingerprint(link: item.link, words: title + body, titleWordCount: title.count)
                if index.duplicate(of: fingerprint) != nil { copies += 1 }
                let position = done + offset
                index.insert(fingerprint, value: position)
                if position >= windowItems { index.evict(upTo: position - windowItems) }
            }
            layer += CPUClock.now - layerStart
            done += chunk.count
        }
        let layerRate = Double(total) / layer
        print(
            String(
                format: "  near-duplicate layer (fingerprint + check + insert + evict), %d in window: %.0f items/s "
                    + "(bar 50,000: %.1f×); %d copies found of ~%d made", windowItems, layerRate, layerRate / 50_000,
                copies, total / 10))
        print(
            String(
                format: "  tokenising alone (shared with the story layer in the pipeline): %.0f items/s",
                Double(total) / tokenising))
    }

    static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}

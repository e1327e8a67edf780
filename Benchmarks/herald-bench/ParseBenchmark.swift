import Foundation
import HeraldCore

/// `herald-bench parse CORPUS_DIR [--jobs N]`: how fast `FeedParser` reads a generated corpus.
///
/// Every file under `CORPUS_DIR/feeds/` is read into memory first, so the figures measure parsing
/// alone, not the disk. Each of three passes is timed in wall-clock and in CPU time (the machine
/// may be shared, and CPU time is what neighbours do not inflate); the best pass of each is
/// reported, for the XML documents alone (what `xmllint` can be compared with) and for all.
/// With `--jobs N` (N > 1) documents are also parsed N at a time, as the daemon parses the feeds
/// it polls concurrently; that line reports wall-clock throughput only.
enum ParseBenchmark {
    static func run(_ arguments: [String]) {
        guard let corpus = arguments.first else {
            print("usage: herald-bench parse CORPUS_DIR")
            exit(64)
        }
        let directory = URL(fileURLWithPath: corpus).appendingPathComponent("feeds")
        let documents = load(directory)
        guard !documents.isEmpty else {
            print("no feeds under \(directory.path); generate them with gen_corpus.py \(corpus)")
            exit(66)
        }
        report("xml", documents.filter { !$0.isJSON })
        report("all", documents)
        if let flag = arguments.firstIndex(of: "--jobs"), flag + 1 < arguments.count,
            let jobs = Int(arguments[flag + 1]),
            jobs > 1
        {
            reportConcurrent(documents.filter { !$0.isJSON }, jobs: jobs)
        }
    }

    private static func reportConcurrent(_ documents: [Document], jobs: Int) {
        let bytes = documents.reduce(0) { $0 + $1.data.count }
        var best = Double.infinity
        for _ in 0..<3 {
            let start = ContinuousClock.now
            DispatchQueue.concurrentPerform(iterations: jobs) { job in
                for index in stride(from: job, to: documents.count, by: jobs) {
                    _ = try? FeedParser.parse(documents[index].data, contentType: documents[index].contentType)
                }
            }
            best = min(best, BenchClock.seconds(ContinuousClock.now - start))
        }
        let megabytes = Double(bytes) / 1_000_000
        print(
            "parse xml, \(jobs) jobs: wall \(String(format: "%.3f", best)) s, "
                + "\(String(format: "%.1f", megabytes / best)) MB/s")
    }

    private static func report(_ label: String, _ documents: [Document]) {
        guard !documents.isEmpty else { return }
        let bytes = documents.reduce(0) { $0 + $1.data.count }
        var bestWall = Double.infinity
        var bestCPU = Double.infinity
        var items = 0
        var failures = 0
        for _ in 0..<3 {
            let cpuStart = BenchClock.cpuSeconds()
            let start = ContinuousClock.now
            (items, failures) = parseAll(documents)
            bestWall = min(bestWall, BenchClock.seconds(ContinuousClock.now - start))
            bestCPU = min(bestCPU, BenchClock.cpuSeconds() - cpuStart)
        }
        let megabytes = Double(bytes) / 1_000_000
        let prefix = "parse \(label):"
        print("\(prefix) \(documents.count) files, \(String(format: "%.1f", megabytes)) MB, \(items) items")
        if failures > 0 { print("\(prefix) \(failures) files failed to parse") }
        print(
            "\(prefix) wall \(String(format: "%.3f", bestWall)) s, \(String(format: "%.1f", megabytes / bestWall)) MB/s, "
                + "\(String(format: "%.0f", Double(items) / bestWall)) items/s")
        print(
            "\(prefix) cpu  \(String(format: "%.3f", bestCPU)) s, \(String(format: "%.1f", megabytes / bestCPU)) MB/s, "
                + "\(String(format: "%.0f", Double(items) / bestCPU)) items/s")
    }

    private struct Document {
        var data: Data
        var contentType: String?
        var isJSON: Bool { contentType != nil }
    }

    private static func load(_ directory: URL) -> [Document] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else {
                return nil
            }
            return Document(data: data, contentType: name.hasSuffix(".json") ? "application/feed+json" : nil)
        }
    }

    private static func parseAll(_ documents: [Document]) -> (items: Int, failures: Int) {
        var items = 0
        var failures = 0
        for document in documents {
            do {
                items += try FeedParser.parse(document.data, contentType: document.contentType).items.count
            } catch {
                failures += 1
            }
        }
        return (items, failures)
    }
}

import Foundation
import HeraldCore

/// `herald-bench parse CORPUS_DIR`: how fast `FeedParser` reads a generated corpus.
///
/// Every file under `CORPUS_DIR/feeds/` is read into memory first, so the figures measure parsing
/// alone, not the disk; the best of three passes is reported because the machine is shared and the
/// slower passes measure the neighbours.
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
        let bytes = documents.reduce(0) { $0 + $1.data.count }
        var best = Double.infinity
        var items = 0
        var failures = 0
        for _ in 0..<3 {
            let start = ContinuousClock.now
            (items, failures) = parseAll(documents)
            best = min(best, seconds(ContinuousClock.now - start))
        }
        let megabytes = Double(bytes) / 1_000_000
        print("parse: \(documents.count) files, \(String(format: "%.1f", megabytes)) MB, \(items) items")
        if failures > 0 { print("parse: \(failures) files failed to parse") }
        print("parse: best of 3: \(String(format: "%.3f", best)) s")
        print("parse: \(String(format: "%.1f", megabytes / best)) MB/s")
        print("parse: \(String(format: "%.0f", Double(items) / best)) items/s")
    }

    private struct Document {
        var data: Data
        var contentType: String?
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

    private static func seconds(_ duration: Duration) -> Double {
        let (whole, fraction) = duration.components
        return Double(whole) + Double(fraction) / 1e18
    }
}

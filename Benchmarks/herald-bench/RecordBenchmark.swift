import Foundation
import HeraldCore
import HeraldStore

#if canImport(Glibc)
    import Glibc
#endif

/// `herald-bench record CORPUS_DIR`: how fast the state file takes a cold poll's items.
///
/// Every feed of the corpus is parsed and keyed first; then each is recorded as a fetch of new
/// items (`HeraldStore.record`, one feed after another) into a fresh state file, as a cold
/// `herald poll` records them. Prints items per second in wall-clock and CPU time (this process's),
/// and the state file's size. The writes are the poll's own: WAL, `synchronous = FULL`, group
/// commit with one writer waiting at a time.
enum RecordBenchmark {
    static func run(_ arguments: [String]) async {
        guard let corpus = arguments.first else {
            print("usage: herald-bench record CORPUS_DIR")
            exit(64)
        }
        let directory = URL(fileURLWithPath: corpus).appendingPathComponent("feeds")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        var fetches: [FetchRecord] = []
        let now = Date()
        for (index, name) in names.enumerated() {
            let feed = String(format: "f%04d", index)
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                let parsed = try? FeedParser.parse(
                    data, contentType: name.hasSuffix(".json") ? "application/feed+json" : nil)
            else { continue }
            let items = parsed.items.map { item in
                JudgedItem(item: item, keys: ItemIdentity.keys(feed: feed, item: item))
            }
            fetches.append(
                FetchRecord(feed: feed, etag: nil, lastModified: nil, at: now, nextDue: now, items: items))
        }
        guard !fetches.isEmpty else {
            print("no feeds under \(directory.path); generate them with gen_corpus.py \(corpus)")
            exit(66)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-record-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let store = try HeraldStore(path: folder.appendingPathComponent("state.sqlite").path)
            let cpuStart = BenchClock.cpuSeconds()
            let start = ContinuousClock.now
            var items = 0
            for fetch in fetches { items += try await store.record(fetch).newItems }
            let seconds = BenchClock.seconds(ContinuousClock.now - start)
            let cpu = BenchClock.cpuSeconds() - cpuStart
            let size = (try? FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int) ?? 0
            print("record: \(fetches.count) fetches, \(items) new items, state file \(size / 1_000_000) MB")
            print(
                "record: wall \(String(format: "%.3f", seconds)) s, "
                    + "\(String(format: "%.0f", Double(items) / seconds)) items/s")
            print(
                "record: cpu  \(String(format: "%.3f", cpu)) s, \(String(format: "%.0f", Double(items) / cpu)) items/s")
        } catch {
            print("record: \(error)")
            exit(1)
        }
    }
}

import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

extension EvaluationSet {
    static func concepts() throws -> StoryConcepts { StoryConcepts(aliases: try aliases()) }
}

/// Pair-counting and BCubed scores of a clustering against gold labels.
struct ClusteringScores: CustomStringConvertible {

    var precision = 0.0
    var recall = 0.0
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    var bcubedPrecision = 0.0
    var bcubedRecall = 0.0
    var bcubedF1: Double {
        bcubedPrecision + bcubedRecall == 0 ? 0 : 2 * bcubedPrecision * bcubedRecall / (bcubedPrecision + bcubedRecall)
    }
    var predictedPairs = 0
    var goldPairs = 0

    var description: String {
        String(
            format: "pairs P %.3f R %.3f F1 %.3f (predicted %d, gold %d) · BCubed P %.3f R %.3f F1 %.3f", precision,
            recall, f1, predictedPairs, goldPairs, bcubedPrecision, bcubedRecall, bcubedF1)
    }

    /// Scores over the pairs `(i, j)` that `include` accepts (e.g. both English, or one of each
    /// language); BCubed over the items `member` accepts, each compared with the others it may pair with.
    init(gold: [String], predicted: [String], include: (Int, Int) -> Bool) {
        var truePairs = 0
        var bcubedP = 0.0
        var bcubedR = 0.0
        var counted = 0
        for i in gold.indices {
            var samePredicted = 1
            var sameGold = 1
            var both = 1
            var pairs = 0
            for j in gold.indices where j != i && include(i, j) {
                pairs += 1
                let p = predicted[i] == predicted[j]
                let g = gold[i] == gold[j]
                if p { samePredicted += 1 }
                if g { sameGold += 1 }
                if p && g { both += 1 }
                if j > i {
                    if p { predictedPairs += 1 }
                    if g { goldPairs += 1 }
                    if p && g { truePairs += 1 }
                }
            }
            guard pairs > 0 else { continue }
            counted += 1
            bcubedP += Double(both) / Double(samePredicted)
            bcubedR += Double(both) / Double(sameGold)
        }
        precision = predictedPairs == 0 ? 1 : Double(truePairs) / Double(predictedPairs)
        recall = goldPairs == 0 ? 1 : Double(truePairs) / Double(goldPairs)
        bcubedPrecision = counted == 0 ? 0 : bcubedP / Double(counted)
        bcubedRecall = counted == 0 ? 0 : bcubedR / Double(counted)
    }
}

@Suite("Story evaluation set")
struct StoryEvaluationTests {
    @Test("the set has at least 300 labelled items in English and Arabic, with copies and near misses")
    func setShape() throws {
        let items = try EvaluationSet.items()
        #expect(items.count >= 300)
        #expect(Set(items.map(\.language)) == ["en", "ar"])
        #expect(items.filter(\.copy).count >= 20)
        #expect(Set(items.map(\.story)).count >= 10)
    }

    @Test("grouping clears the bars: F1 ≥ 0.85 per language, cross-language link precision ≥ 0.90")
    func grouping() throws {
        let scores = try Self.score(EvaluationSet.items(), name: "story evaluation")
        for code in ["en", "ar"] {
            #expect((scores.languages[code]?.f1 ?? 0) >= 0.85, "pair F1 for \(code)")
        }
        #expect(scores.cross.precision >= 0.90, "cross-language link precision")
    }

    @Test("the first held-out part is scored apart; its scores are printed and held above floors")
    func heldOut() throws {
        let items = try EvaluationSet.heldOutItems()
        #expect(items.count >= 60)
        #expect(Set(items.map(\.language)) == ["en", "ar"])
        #expect(items.filter(\.copy).count >= 3)
        // The bars are only just met here (Arabic F1 about 0.86 against 0.85): the scores are
        // printed, and these floors, under today's, keep them from getting much worse.
        // docs/stories.md says by how much and why. (Herald has been tuned with this part in view
        // since; the third held-out part is the fresh measure.)
        let scores = try Self.score(items, name: "held-out")
        for code in ["en", "ar"] {
            #expect((scores.languages[code]?.f1 ?? 0) >= 0.80, "held-out pair F1 for \(code)")
        }
        #expect(scores.cross.precision >= 0.9, "held-out cross-language link precision")
    }

    @Test(
        "the later held-out parts are scored apart and printed, without bars",
        arguments: EvaluationSet.printedHeldOutParts)
    func laterHeldOutParts(part: Int) throws {
        let items = try EvaluationSet.heldOutItems(part: part)
        #expect(items.count >= 35)
        #expect(Set(items.map(\.language)) == ["en", "ar"])
        #expect(items.filter(\.copy).count >= 2)
        // No bars are held here: part 2 was written before Herald was made to generalise and the
        // changes for that were chosen with it in view; parts 3 to 14 were each written as the
        // fresh measure of a later round, and no setting may be chosen on a part before its round
        // is over (docs/stories.md says which have been tuned on).
        _ = try Self.score(items, name: "held-out \(part)")
    }

    /// Groups `items` in time order with one clusterer and prints the scores per language, across
    /// languages and over all pairs.
    static func score(
        _ items: [EvaluationItem], name: String
    ) throws -> (languages: [String: ClusteringScores], cross: ClusteringScores) {
        var clusterer = StoryClusterer(concepts: try EvaluationSet.concepts())
        // As in the replay: every item is judged as the desk's rule matched it.
        let ruleConcepts = Set(EvaluationSet.deskRuleAliases)
        let predicted = items.map { item in
            clusterer.assign(
                StoryItem(
                    key: item.id, title: item.title, body: item.body, link: item.link, time: item.published,
                    ruleConcepts: ruleConcepts)
            ).storyID
        }
        // A story later folded into another is that story now.
        .map { clusterer.currentStoryID($0) ?? $0 }
        let gold = items.map(\.story)
        let language = items.map(\.language)
        var report = ["\(name): \(items.count) items, \(Set(gold).count) stories, \(Set(predicted).count) predicted"]
        var languages: [String: ClusteringScores] = [:]
        for code in ["en", "ar"] {
            let scores = ClusteringScores(gold: gold, predicted: predicted) {
                language[$0] == code && language[$1] == code
            }
            report.append("  \(code): \(scores)")
            languages[code] = scores
        }
        let cross = ClusteringScores(gold: gold, predicted: predicted) { language[$0] != language[$1] }
        report.append("  cross-language: \(cross)")
        let all = ClusteringScores(gold: gold, predicted: predicted) { _, _ in true }
        report.append("  all: \(all)")
        print(report.joined(separator: "\n"))
        return (languages, cross)
    }

    @Test("every wire copy joins its original's story, and at least 80 % are caught by the same-text layer")
    func copies() throws {
        let caught = try Self.copies(EvaluationSet.items(), name: "wire copies")
        #expect(caught >= 0.8)
    }

    @Test("every held-out wire copy joins its original's story")
    func heldOutCopies() throws {
        // Two of its six copies credit the original outlet at the end of a short body and are found
        // by the story layer instead: printed, not held to the 80 %.
        _ = try Self.copies(EvaluationSet.heldOutItems(), name: "held-out wire copies")
    }

    @Test(
        "the later held-out parts' wire copies join their originals' stories",
        arguments: EvaluationSet.printedHeldOutParts)
    func laterHeldOutCopies(part: Int) throws {
        _ = try Self.copies(EvaluationSet.heldOutItems(part: part), name: "held-out \(part) wire copies")
    }

    /// Checks that every copy in `items` joins its original's story; returns the share the
    /// same-text layer caught.
    static func copies(_ items: [EvaluationItem], name: String) throws -> Double {
        var clusterer = StoryClusterer(concepts: try EvaluationSet.concepts())
        // As in the replay: every item is judged as the desk's rule matched it.
        let ruleConcepts = Set(EvaluationSet.deskRuleAliases)
        var assignments: [String: StoryAssignment] = [:]
        // Stories folded into another since (a later report tied them), to the story they went into.
        var foldedInto: [String: String] = [:]
        for item in items {
            let assignment = clusterer.assign(
                StoryItem(
                    key: item.id, title: item.title, body: item.body, link: item.link, time: item.published,
                    ruleConcepts: ruleConcepts))
            assignments[item.id] = assignment
            for folded in assignment.merged { foldedInto[folded] = assignment.storyID }
        }
        let story = { (id: String) -> String? in
            var story = assignments[id]?.storyID
            while let current = story, let next = foldedInto[current] { story = next }
            return story
        }
        let copies = items.filter(\.copy)
        for item in copies {
            let original = try #require(item.copyOf)
            #expect(story(item.id) != nil && story(item.id) == story(original), "\(item.id) copies \(original)")
        }
        let caught = copies.filter { assignments[$0.id]?.reason == .copy }.count
        print("\(name): \(caught) of \(copies.count) caught as copies")
        return Double(caught) / Double(max(copies.count, 1))
    }
}

import Foundation
import HeraldCore

/// One item of `Tests/StoryEvaluation/items.json`, the story evaluation set written for Herald's
/// tests (see the README there).
public struct EvaluationItem: Decodable, Sendable {
    public var id: String
    public var story: String
    public var language: String
    public var outlet: String
    public var title: String
    public var body: String
    public var link: String
    public var published: Date
    public var copy: Bool
    /// For a wire copy: the id of the report it copies.
    public var copyOf: String?

    enum CodingKeys: String, CodingKey {
        case id, story, language, outlet, title, body, link, published, copy
        case copyOf = "copy_of"
    }
}

/// The evaluation set and its alias sets, read from the repository; used by the clustering
/// scores (HeraldCoreTests) and the replay through `herald poll` (HeraldDaemonTests).
public enum EvaluationSet {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("StoryEvaluation")

    /// Every item of the set Herald's settings were chosen on (`items.json`), oldest first.
    public static func items() throws -> [EvaluationItem] {
        try read("items.json")
    }

    /// A held-out part, scored apart from `items()`: `heldout.json` (part 1, written after the
    /// first settings), `heldout2.json` (written before Herald was made to generalise beyond the
    /// alias sets), `heldout3.json` (committed before Herald was tuned on the first two),
    /// `heldout4.json` (committed before the work on split stories), `heldout5.json` (committed
    /// before the third round on how reports find their story), `heldout6.json` (committed before
    /// the fourth round), `heldout7.json` (committed before the fifth round), `heldout8.json`
    /// (committed before the sixth round), `heldout9.json` (committed before the seventh round),
    /// `heldout10.json` (committed before the eighth round), `heldout11.json` (committed before
    /// the ninth round), `heldout12.json` (committed before the tenth round), `heldout13.json`
    /// (committed before the eleventh round) and `heldout14.json` (committed before the twelfth
    /// round).
    /// Tests/StoryEvaluation/README.md tells which have been tuned on since.
    public static func heldOutItems(part: Int = 1) throws -> [EvaluationItem] {
        try read(part == 1 ? "heldout.json" : "heldout\(part).json")
    }

    /// The held-out parts that are printed without bars.
    public static let printedHeldOutParts = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]

    static func read(_ file: String) throws -> [EvaluationItem] {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let data = try Data(contentsOf: folder.appendingPathComponent(file))
        return try decoder.decode([EvaluationItem].self, from: data).sorted { $0.published < $1.published }
    }

    /// The aliases of the desk's rule the replay polls with (`deskRule`).
    public static let deskRuleAliases = ["syria", "damascus", "israel", "turkey", "lebanon", "eu", "aleppo", "fuel"]

    /// The rule a Syria desk would watch these feeds with: any of its aliases.
    public static var deskRule: String { deskRuleAliases.map { "@" + $0 }.joined(separator: " OR ") }

    /// The alias sets the set's stories are grouped with.
    public static func aliases() throws -> AliasTable {
        try AliasTable(parsing: String(contentsOf: folder.appendingPathComponent("concepts.aliases"), encoding: .utf8))
    }
}

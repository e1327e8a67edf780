/// What the story layer reads of an item: its words, reduced to hashed features.
///
/// - **terms**: content words (stop words dropped, Arabic proclitics stripped, English plural and
///   verb endings trimmed), each `t:` + stem;
/// - **concepts**: alias-set names found in the text (`StoryConcepts`), shared across languages;
/// - **numbers**: digit runs of two or more digits (days, counts, years), also language-free.
///
/// Concepts and numbers are *interlingual*: they are what an Arabic and an English report of one
/// event can have in common.
public struct StoryFeatures: Sendable, Hashable {
    /// Distinct feature hashes: the alias concepts first (`conceptCount`), then numbers (with the
    /// concepts, `anchorCount`), then months (with all before, `interlingualCount`), then words.
    public var hashes: [UInt64]
    public var interlingualCount: Int
    /// How many of `hashes` are alias concepts (not months, not numbers): what a cross-language
    /// join must share.
    public var conceptCount: Int
    /// Concepts and numbers: what ties an item to an other-language story.
    public var anchorCount: Int
    /// `ar` when most words are in Arabic script, else `en`.
    public var language: String
    /// The folded words of the text, for the near-duplicate layer.
    public var words: [String]
    /// How many of `words` belong to the title.
    public var titleWordCount: Int

    public init(title: String, body: String, concepts: StoryConcepts) {
        let titleWords = Tokenizer.tokens(in: title).map(\.text)
        let bodyWords = Tokenizer.tokens(in: body).map(\.text)
        words = titleWords + bodyWords
        titleWordCount = titleWords.count
        var arabic = 0
        var stems: [String] = []
        stems.reserveCapacity(words.count)
        for word in words {
            if ArabicClitics.isArabic(word) {
                arabic += 1
                stems.append(ArabicClitics.stems(of: word).last ?? word)
            } else {
                stems.append(Self.englishStem(word))
            }
        }
        language = arabic * 2 > words.count ? "ar" : "en"
        var named: [UInt64] = []
        var numbers: [UInt64] = []
        var interlingual: [UInt64] = []
        var terms: [UInt64] = []
        var seen = Set<UInt64>()
        var index = 0
        while index < words.count {
            if let (concept, length) = concepts.match(words, stems: stems, at: index) {
                let hash = StoryHash.fnv64("c:" + concept)
                if seen.insert(hash).inserted {
                    if concept.hasPrefix(StoryConcepts.monthPrefix) {
                        interlingual.append(hash)
                    } else {
                        named.append(hash)
                    }
                }
                index += length
                continue
            }
            let word = words[index]
            let stem = stems[index]
            index += 1
            if word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                // Two digits at least; and not this century's years, which every report carries.
                guard word.utf8.count >= 2, let value = Int(word), !(2000...2099).contains(value) else { continue }
                let hash = StoryHash.fnv64("n:" + String(value))
                if seen.insert(hash).inserted { numbers.append(hash) }
                continue
            }
            // Stop words are looked up by hash: comparing Strings costs a normalisation check each.
            guard stem.unicodeScalars.count >= 3, !StopWords.hashes.contains(StoryHash.fnv64(word)),
                !StopWords.hashes.contains(StoryHash.fnv64(stem))
            else { continue }
            let hash = StoryHash.fnv64("t:" + stem)
            if seen.insert(hash).inserted { terms.append(hash) }
        }
        hashes = named + numbers + interlingual + terms
        conceptCount = named.count
        anchorCount = named.count + numbers.count
        interlingualCount = named.count + numbers.count + interlingual.count
    }

    /// A light English stemmer: enough for "talks"/"talk", "meeting"/"meet", "agreed"/"agree".
    static func englishStem(_ word: String) -> String {
        let count = word.utf8.count
        if count > 5, word.hasSuffix("ing") { return String(word.dropLast(3)) }
        if count > 5, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if count > 4, word.hasSuffix("ed") { return String(word.dropLast(2)) }
        if count > 4, word.hasSuffix("es"), !word.hasSuffix("ses") { return String(word.dropLast(2)) }
        if count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }
}

/// Stable 64-bit hashes (FNV-1a) for story features and fingerprints: the same on every run and
/// platform, unlike `Hasher`.
public enum StoryHash {
    @inline(__always)
    public static func fnv64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// A 64-bit mix (splitmix64's finaliser), to derive well-spread bits from a combined hash.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// Words too common in news to say which story an item tells, in folded form.
enum StopWords {
    static let all: Set<String> = Set(english + arabic)
    static let hashes: Set<UInt64> = Set(all.map(StoryHash.fnv64))

    static let english = """
        the and for that with from this have has had was were are been being its his her their they them \
        who whom which what when where while will would could should can may might must not but also into \
        over after before about than then there these those such said says say saying told tell according \
        report reports reported reporting news new year years week day days today yesterday tomorrow \
        monday tuesday wednesday thursday friday saturday sunday one two three four five six seven eight \
        nine ten first second third last more most other some any all each both our out just very \
        agency statement official officials source sources spokesman spokeswoman added did does done \
        under between against during without within upon via per amid among because since until him she \
        him himself itself you your we us i it he an as at be by if in is no of on or so to up
        """.split(separator: " ").map(String.init)

    static let arabic = """
        في من على إلى الى عن أن ان إن مع هذا هذه ذلك تلك التي الذي الذين اللذين هو هي هم كان كانت يكون \
        قد لقد ما لا لم لن إذا اذا حيث بعد قبل خلال بين عند منذ حتى أو او ثم كل بعض غير أي اي وقال قال \
        قالت وقالت يقول أفاد افاد ذكر ذكرت أضاف اضاف وأضاف أكد اكد وأكد أعلن اعلن وأعلن أعلنت اعلنت \
        اليوم أمس امس غدا يوم الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت وكالة مصدر مصادر \
        مسؤول مسؤولون بيان عام أيضا ايضا وفق وفقا نحو عبر لدى إنه انه أنه أنها انها إنها عليه عليها \
        فيه فيها منه منها له لها به بها وهو وهي كما لكن ولكن وفي ومن وعلى
        """.split(whereSeparator: \.isWhitespace).map { TextFolding.fold(String($0)) }
}

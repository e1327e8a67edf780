import Foundation
import Testing

@testable import HeraldCore

@Suite("Same-text layer")
struct SameTextTests {
    static let body = """
        Syrian Foreign Minister Asaad al-Shaibani met Israeli Strategic Affairs Minister Ron Dermer in Paris \
        on Monday. The meeting was mediated by US envoy Tom Barrack and focused on a security arrangement for \
        southern Syria. Officials said the two delegations discussed a de-escalation framework along the 1974 \
        disengagement line, and agreed to meet again within two weeks, a diplomat familiar with the talks said.
        """

    func fingerprint(title: String, body: String, link: String? = nil) -> TextFingerprint {
        let features = StoryFeatures(title: title, body: body, concepts: StoryConcepts())
        return TextFingerprint(link: link, words: features.words, titleWordCount: features.titleWordCount)
    }

    @Test("canonical URLs drop tracking parameters, www, fragments and trailing slashes")
    func canonicalURL() {
        #expect(
            TextFingerprint.canonicalURL("https://WWW.Levantwire.example/news/101/?utm_source=x&id=4#top")
                == "levantwire.example/news/101?id=4")
        #expect(
            TextFingerprint.canonicalURL("http://levantwire.example/news/101?fbclid=abc")
                == TextFingerprint.canonicalURL("https://www.levantwire.example/news/101/"))
        #expect(TextFingerprint.canonicalURL("ftp://example.org/x") == nil)
        #expect(TextFingerprint.canonicalURL("not a url") == nil)
    }

    @Test("a copy with a new headline or one word changed is a near-duplicate; another report is not")
    func nearDuplicates() {
        var index = NearDuplicateIndex()
        index.insert(fingerprint(title: "Syria and Israel meet in Paris", body: Self.body), value: 1)
        let retitled = fingerprint(title: "Paris hosts Syria-Israel security talks", body: Self.body)
        #expect(index.duplicate(of: retitled) == 1)
        let edited = fingerprint(
            title: "x", body: Self.body.replacingOccurrences(of: "two weeks", with: "three weeks"))
        let original = fingerprint(title: "x", body: Self.body)
        let distance = ((edited.simhash ?? 0) ^ (original.simhash ?? 0)).nonzeroBitCount
        #expect(distance <= 3, "SimHash distance \(distance)")
        #expect(index.duplicate(of: edited) == 1)
        let other = fingerprint(
            title: "Israeli strikes hit depots near Damascus airport",
            body: """
                Israeli warplanes struck weapons depots near Damascus International Airport early on Thursday, \
                a war monitor said, adding that at least four soldiers were killed and nine wounded in the raids \
                and that flights were briefly suspended.
                """)
        #expect(index.duplicate(of: other) == nil)
        let sameLink = fingerprint(
            title: "Anything", body: "short", link: "https://www.wire.example/a?utm_medium=rss")
        index.insert(fingerprint(title: "Other", body: "text", link: "https://wire.example/a"), value: 2)
        #expect(index.duplicate(of: sameLink) == 2)
    }

    @Test("items without a body compare title words (Jaccard ≥ 0.7)")
    func titles() {
        var index = NearDuplicateIndex()
        index.insert(fingerprint(title: "Syria and Israel open security talks in Paris today", body: ""), value: 7)
        #expect(index.duplicate(of: fingerprint(title: "Syria and Israel open security talks in Paris", body: "")) == 7)
        #expect(
            index.duplicate(of: fingerprint(title: "Syria and Turkey sign a water deal in Ankara", body: "")) == nil)
    }

    @Test("evicted entries are forgotten")
    func eviction() {
        var index = NearDuplicateIndex()
        let copy = fingerprint(title: "t", body: Self.body)
        let sequence = index.insert(copy, value: 1)
        index.evict(upTo: sequence)
        #expect(index.count == 0)
        #expect(index.duplicate(of: copy) == nil)
    }
}

@Suite("Same-story layer")
struct SameStoryTests {
    static let aliases = """
        @syria = { en: Syria | Syrian ; ar: سوري* }
        @israel = { en: Israel | Israeli ; ar: إسرائيل* }
        @shaibani = { en: al-Shaibani | Shaibani ; ar: الشيباني }
        @dermer = { en: Dermer ; ar: ديرمر }
        @barrack = { en: Barrack ; ar: براك }
        @paris = { en: Paris ; ar: باريس }
        @fidan = { en: Fidan ; ar: فيدان }
        @ankara = { en: Ankara ; ar: أنقرة }
        @talks = { en: talks | meeting ; ar: محادثات | اجتماع }
        """
    static let t0 = Date(timeIntervalSince1970: 1_767_600_000)

    func clusterer(_ settings: StoryClusterer.Settings = .init()) throws -> StoryClusterer {
        StoryClusterer(concepts: StoryConcepts(aliases: try AliasTable(parsing: Self.aliases)), settings: settings)
    }

    /// The names of a title (`StoryFeatures.nameIndices`: keys and places), the window having seen
    /// the name keys `known`.
    static func nameFeatures(
        _ title: String, concepts: StoryConcepts = StoryConcepts(), known: Set<UInt64> = []
    ) -> Set<UInt64> {
        let features = StoryFeatures(title: title, body: "", concepts: concepts, knownName: { known.contains($0) })
        return Set(features.hashes[features.nameIndices])
    }

    /// The alias concepts of a title.
    static func conceptFeatures(_ title: String, concepts: StoryConcepts) -> Set<UInt64> {
        let features = StoryFeatures(title: title, body: "", concepts: concepts)
        return Set(features.hashes.prefix(features.conceptCount))
    }

    /// The names every one of `titles` gives.
    static func sharedNames(_ titles: [String]) -> Set<UInt64> {
        let sets = titles.map { nameFeatures($0) }
        return sets.dropFirst().reduce(sets[0]) { $0.intersection($1) }
    }

    @Test("alias variants in both languages, with proclitics and prefixes, are one concept")
    func concepts() throws {
        let concepts = StoryConcepts(aliases: try AliasTable(parsing: Self.aliases))
        let english = StoryFeatures(title: "al-Shaibani in Paris", body: "", concepts: concepts)
        let arabic = StoryFeatures(title: "والشيباني في باريس", body: "", concepts: concepts)
        #expect(english.language == "en")
        #expect(arabic.language == "ar")
        #expect(
            Set(english.hashes.prefix(english.interlingualCount)) == Set(arabic.hashes.prefix(arabic.interlingualCount))
        )
        #expect(english.interlingualCount == 2)
        let prefixed = StoryFeatures(title: "الحكومة السورية", body: "", concepts: concepts)
        let plain = StoryFeatures(title: "Syria", body: "", concepts: concepts)
        #expect(prefixed.hashes.prefix(prefixed.interlingualCount) == plain.hashes.prefix(plain.interlingualCount))
        let months = StoryFeatures(title: "12 January", body: "", concepts: StoryConcepts())
        let arabicMonths = StoryFeatures(title: "12 كانون الثاني", body: "", concepts: StoryConcepts())
        #expect(Set(months.hashes) == Set(arabicMonths.hashes))
    }

    /// Everyday diplomatic news in both languages, so that words like "minister" or "التقى" are as
    /// common in the window as they are in a real one.
    func background(_ stories: inout StoryClusterer) {
        let cities = ["Rome", "Cairo", "Doha", "Oslo", "Baku", "Tunis", "Rabat", "Muscat", "Vienna", "Madrid"]
        let arabicCities = ["روما", "القاهرة", "الدوحة", "أوسلو", "باكو", "تونس", "الرباط", "مسقط", "فيينا", "مدريد"]
        for (index, city) in cities.enumerated() {
            _ = stories.assign(
                StoryItem(
                    key: "bg-en-\(index)", title: "Foreign minister meets counterpart in \(city)",
                    body: "The foreign minister met his counterpart in \(city) to discuss trade and cooperation, "
                        + "officials said.", time: Self.t0.addingTimeInterval(Double(index - 20) * 600)))
            _ = stories.assign(
                StoryItem(
                    key: "bg-ar-\(index)", title: "وزير الخارجية يلتقي نظيره في \(arabicCities[index])",
                    body: "التقى وزير الخارجية نظيره في \(arabicCities[index]) لبحث التجارة والتعاون الثنائي.",
                    time: Self.t0.addingTimeInterval(Double(index - 20) * 600 + 300)))
        }
    }

    @Test("an Arabic report joins the English story through concepts; a near miss on the same actors does not")
    func crossLanguage() throws {
        var stories = try clusterer()
        background(&stories)
        let first = stories.assign(
            StoryItem(
                key: "en-1", title: "Shaibani and Dermer hold security talks in Paris",
                body: "Syrian Foreign Minister al-Shaibani met Israeli minister Dermer in Paris with US envoy Barrack, "
                    + "discussing the 1974 disengagement line.", time: Self.t0))
        #expect(first.reason == .new)
        let arabic = stories.assign(
            StoryItem(
                key: "ar-1", title: "الشيباني وديرمر يعقدان محادثات أمنية في باريس",
                body: "التقى وزير الخارجية السوري الشيباني الوزير الإسرائيلي ديرمر في باريس بوساطة براك وبحثا خط 1974.",
                time: Self.t0.addingTimeInterval(1800)))
        #expect(arabic.storyID == first.storyID)
        #expect(arabic.reason == .crossLanguage)
        let nearMiss = stories.assign(
            StoryItem(
                key: "ar-2", title: "الشيباني يلتقي فيدان في أنقرة",
                body: "التقى وزير الخارجية السوري الشيباني نظيره التركي فيدان في أنقرة لبحث مياه الفرات.",
                time: Self.t0.addingTimeInterval(3600)))
        #expect(nearMiss.storyID != first.storyID)
    }

    @Test("a short reaction naming only a live story's names joins it, unless they are all the rule's aliases")
    func reactionJoinsLiveStory() throws {
        // Words alone cannot join here (the same-language threshold is out of reach): what is
        // tested is the concepts' way in.
        var settings = StoryClusterer.Settings()
        settings.sameLanguageThreshold = 2
        var stories = try clusterer(settings)
        background(&stories)
        let rule: Set<String> = ["syria", "israel"]
        let first = stories.assign(
            StoryItem(
                key: "en-1", title: "Shaibani and Dermer hold security talks in Paris",
                body: "Syrian Foreign Minister al-Shaibani met Israeli minister Dermer in Paris with US envoy Barrack, "
                    + "discussing the 1974 disengagement line.", time: Self.t0, ruleConcepts: rule))
        // Names only Syria and Israel, both of them what the rule selects on: another story. (In
        // Arabic, so that only concepts can tie it to the English story.)
        let strike = stories.assign(
            StoryItem(
                key: "ar-2", title: "طائرات إسرائيلية تقصف مستودعات في سوريا",
                body: "قصفت طائرات حربية إسرائيلية مستودعات أسلحة في سوريا فجرا وقال مرصد إن أربعة جنود قتلوا.",
                time: Self.t0.addingTimeInterval(1200), ruleConcepts: rule))
        #expect(strike.storyID != first.storyID, "\(strike.reason) \(strike.score)")
        // Names Syria and Paris, both the story's, and Paris is not the rule's: the same story.
        let reaction = stories.assign(
            StoryItem(
                key: "en-3", title: "Exiles split over the encounter",
                body: "Exiled Syrian politicians gathered in cafés across Europe called the encounter in Paris a "
                    + "betrayal of the revolution's martyrs, while others described it as painful but necessary.",
                time: Self.t0.addingTimeInterval(2400), ruleConcepts: rule))
        #expect(reaction.storyID == first.storyID)
        #expect(reaction.reason == .concepts, "\(reaction.reason) \(reaction.score)")
    }

    @Test("reports sharing only the aliases the rule matched them by stay apart; sharing more, they join")
    func ruleAliasesAloneDoNotJoin() throws {
        var stories = try clusterer()
        background(&stories)
        let rule: Set<String> = ["syria", "israel"]
        let talks = stories.assign(
            StoryItem(
                key: "en-1", title: "Syria and Israel open security talks in Paris",
                body: "Syrian Foreign Minister al-Shaibani met Israeli minister Dermer in Paris, with US envoy "
                    + "Barrack mediating.", time: Self.t0, ruleConcepts: rule))
        let strike = stories.assign(
            StoryItem(
                key: "en-2", title: "Israeli strikes hit weapons depots near Syrian airport",
                body: "Israeli warplanes struck depots near the airport; a monitor said soldiers were killed.",
                time: Self.t0.addingTimeInterval(300), ruleConcepts: rule))
        #expect(strike.storyID != talks.storyID, "\(strike.reason) \(strike.score)")
        let more = stories.assign(
            StoryItem(
                key: "en-3", title: "Warplanes hit depots near airport, soldiers killed",
                body: "A monitor said Israeli warplanes struck weapons depots near the Syrian airport.",
                time: Self.t0.addingTimeInterval(900), ruleConcepts: rule))
        #expect(more.storyID == strike.storyID, "\(more.reason) \(more.score)")
    }

    @Test("a story quiet for two days is harder to join than a live one")
    func staleStory() throws {
        let title = "Shaibani and Fidan discuss Euphrates water"
        let body = "Foreign ministers Shaibani and Fidan discussed water sharing on the river and a joint committee."
        let later = "Ministers agree on water committee for the river"
        let laterBody = "Shaibani and Fidan agreed a committee to monitor water releases from dams."
        for (hours, joins) in [(3.0, true), (48.0, false)] {
            var stories = try clusterer()
            background(&stories)
            let first = stories.assign(StoryItem(key: "en-1", title: title, body: body, time: Self.t0))
            let next = stories.assign(
                StoryItem(key: "en-2", title: later, body: laterBody, time: Self.t0.addingTimeInterval(hours * 3600)))
            #expect((next.storyID == first.storyID) == joins, "\(hours) h: \(next.reason) \(next.score)")
        }
    }

    @Test("a report naming a new place does not join a story quiet since the day before; naming its place, it does")
    func newNameAfterQuiet() throws {
        let title = "Israeli jets strike weapons depot near Homs"
        let body = "Israeli aircraft hit a weapons depot west of Homs late on Tuesday, a war monitor said."
        let homs = "Israeli jets strike weapons depot near Homs again, war monitor says"
        let palmyra = "Israeli jets strike weapons depot near Palmyra, a day after Homs"
        let laterBody = "Israeli aircraft hit a weapons depot late on Wednesday, a war monitor said."
        var settings = StoryClusterer.Settings()
        let rule: Set<String> = ["syria", "israel"]
        for (later, bar, joins) in [(palmyra, true, false), (palmyra, false, true), (homs, true, true)] {
            settings.newNameBarsAfter = bar ? 12 * 3600 : nil
            var stories = try clusterer(settings)
            background(&stories)
            let first = stories.assign(
                StoryItem(key: "en-1", title: title, body: body, time: Self.t0, ruleConcepts: rule))
            let next = stories.assign(
                StoryItem(
                    key: "en-2", title: later, body: laterBody, time: Self.t0.addingTimeInterval(18 * 3600),
                    ruleConcepts: rule))
            #expect((next.storyID == first.storyID) == joins, "\(later), bar \(bar): \(next.reason) \(next.score)")
        }
    }

    @Test("the next day's analysis joins its quiet story; the same report without the label does not")
    func commentaryNextDay() throws {
        let title = "Israeli jets strike weapons depot near Homs"
        let body =
            "Israeli aircraft hit a weapons depot west of Homs late on Tuesday, a war monitor said, "
            + "and fires burned until dawn."
        let rule: Set<String> = ["syria", "israel"]
        // The second title names Damascus, which the story never named: only commentary is not barred.
        let titles = ["Homs depot strikes test the patience of the government", "Homs depot strikes test Damascus"]
        for (label, decay, headline, joins) in [
            ("Analysis: ", 48.0, 0, true), ("", 48.0, 0, false), ("Analysis: ", nil, 0, false),
            ("Analysis: ", 48.0, 1, true), ("", 48.0, 1, false),
        ] as [(String, Double?, Int, Bool)] {
            var settings = StoryClusterer.Settings()
            settings.commentaryDecay = decay.map { $0 * 3600 }
            var stories = try clusterer(settings)
            background(&stories)
            let first = stories.assign(
                StoryItem(key: "en-1", title: title, body: body, time: Self.t0, ruleConcepts: rule))
            let analysis = stories.assign(
                StoryItem(
                    key: "en-2", title: label + titles[headline],
                    body: "Each raid on a weapons depot around Homs, fires burning for hours, has drawn only a "
                        + "written protest, a war monitor noted; officials talk of asking Washington to restrain its ally.",
                    time: Self.t0.addingTimeInterval(30 * 3600), ruleConcepts: rule))
            #expect(
                (analysis.storyID == first.storyID) == joins,
                "\(label)\(titles[headline]), \(String(describing: decay)): \(analysis.reason) \(analysis.score)")
        }
    }

    @Test("a title that opens as commentary is commentary, in English and Arabic; news is not")
    func commentaryLabels() {
        let commentary = { (title: String) in
            StoryFeatures(title: title, body: "", concepts: StoryConcepts()).commentary
        }
        for title in [
            "Analysis: Damascus turns west", "What Shaibani took home", "قراءة: لماذا قبلت دمشق", "ماذا نعرف عن العقد؟",
        ] {
            #expect(commentary(title), "\(title)")
        }
        for title in ["Israeli jets strike depot near Homs", "Shaibani analysis of the talks", "غارات على حمص"] {
            #expect(!commentary(title), "\(title)")
        }
    }

    @Test("a name new only to a report's body bars a quiet story when it is a town, not when it is a city or person")
    func newNameInBody() throws {
        let title = "Israeli jets strike weapons depot near Homs"
        let body = "Israeli aircraft hit a weapons depot west of Homs late on Tuesday, a war monitor said."
        let later = "Israeli jets strike weapons depot near Homs again, war monitor says"
        let laterBody = { (name: String) in
            "Israeli aircraft hit a weapons depot late on Wednesday, a war monitor said; trucks were seen on the "
                + "road to \(name)."
        }
        let rule: Set<String> = ["syria", "israel"]
        // Hasakah is a governorate's capital and Mazloum a person: context. Talbiseh is a town of
        // Homs's countryside: where another strike would be.
        for (name, joins) in [("Hasakah", true), ("Mazloum", true), ("Talbiseh", false)] {
            var stories = try clusterer()
            background(&stories)
            let first = stories.assign(
                StoryItem(key: "en-1", title: title, body: body, time: Self.t0, ruleConcepts: rule))
            let next = stories.assign(
                StoryItem(
                    key: "en-2", title: later, body: laterBody(name), time: Self.t0.addingTimeInterval(18 * 3600),
                    ruleConcepts: rule))
            #expect((next.storyID == first.storyID) == joins, "\(name): \(next.reason) \(next.score)")
        }
    }

    /// An English report of a strike near Jableh and, ten minutes later, an Arabic one that shares
    /// no alias and no name with it: two stories, as the test checks.
    func jablehStrikeInTwoStories(
        _ stories: inout StoryClusterer
    ) -> (english: StoryAssignment, arabic: StoryAssignment) {
        let english = stories.assign(
            StoryItem(
                key: "en-1", title: "Blasts shake Jableh as jets hit coastal air defence site",
                body: "Strong explosions were heard around Jableh late on Monday near a coastal air defence site.",
                time: Self.t0))
        let arabic = stories.assign(
            StoryItem(
                key: "ar-1", title: "غارات إسرائيلية على الساحل السوري",
                body: "غارات تستهدف موقعا للدفاع الجوي على الساحل.", time: Self.t0.addingTimeInterval(600)))
        #expect(arabic.storyID != english.storyID)
        return (english, arabic)
    }

    @Test("a report that ties two stories started in the same hours folds the younger into the older")
    func tiedStoriesFold() throws {
        var settings = StoryClusterer.Settings()
        for merges in [true, false] {
            settings.mergeSpan = merges ? 12 * 3600 : nil
            var stories = try clusterer(settings)
            background(&stories)
            let (english, arabic) = jablehStrikeInTwoStories(&stories)
            // Words and Jableh tie it to the English story; Israel and Syria to the Arabic one.
            let both = stories.assign(
                StoryItem(
                    key: "en-2", title: "Israel confirms strike on Syrian air defence site near Jableh",
                    body: "The Israeli military said its jets hit an air defence site on the Syrian coast near Jableh.",
                    time: Self.t0.addingTimeInterval(3600)))
            #expect(both.storyID == english.storyID, "\(both.reason) \(both.score)")
            #expect(both.merged == (merges ? [arabic.storyID] : []))
            #expect(stories.currentStoryID(arabic.storyID) == (merges ? english.storyID : arabic.storyID))
            // A later Arabic report finds the one story either way it is written.
            let next = stories.assign(
                StoryItem(
                    key: "ar-2", title: "غارات إسرائيلية على موقع للدفاع الجوي في الساحل السوري",
                    body: "استهدفت غارات إسرائيلية موقعا للدفاع الجوي على الساحل السوري.",
                    time: Self.t0.addingTimeInterval(4000)))
            #expect(next.storyID == (merges ? english.storyID : arabic.storyID), "\(next.reason) \(next.score)")
        }
    }

    @Test("a name outside the alias sets ties an Arabic report to the English story that named it")
    func namesOutsideAliases() throws {
        #expect(NameKey.key(of: "homs", arabic: false) == NameKey.key(of: "حمص", arabic: true))
        #expect(NameKey.key(of: "qusayr", arabic: false) == NameKey.key(of: "قصير", arabic: true))
        #expect(NameKey.key(of: "homs", arabic: false) != NameKey.key(of: "hama", arabic: false))
        var stories = try clusterer()
        background(&stories)
        let rule: Set<String> = ["syria", "israel"]
        let english = stories.assign(
            StoryItem(
                key: "en-1", title: "Israeli jets strike depot near Homs",
                body: "Israeli aircraft hit a weapons depot west of Homs on Tuesday evening, a monitor said.",
                time: Self.t0, ruleConcepts: rule))
        // Shares Israel and Syria (the rule's) with it, and Homs, which no alias names.
        let arabic = stories.assign(
            StoryItem(
                key: "ar-1", title: "غارة إسرائيلية على مستودع في ريف حمص",
                body: "استهدفت طائرات إسرائيلية مستودعا للأسلحة غرب حمص في سوريا مساء الثلاثاء.",
                time: Self.t0.addingTimeInterval(1200), ruleConcepts: rule))
        #expect(arabic.storyID == english.storyID, "\(arabic.reason) \(arabic.score)")
        #expect(arabic.reason == .crossLanguage)
    }

    @Test("a rare name alone ties an Arabic report to a live English story, not to one quiet for hours")
    func rareNameAloneWhileLive() throws {
        for (hours, joins) in [(2.0, true), (10.0, false)] {
            var stories = try clusterer()
            background(&stories)
            let english = stories.assign(
                StoryItem(
                    key: "en-1", title: "Floods sweep displacement camps near Atmeh",
                    body:
                        "Heavy rain flooded hundreds of tents in the camps around Atmeh on Thursday, aid workers said.",
                    time: Self.t0))
            // No alias and no word in common: only Atmeh (أطمة).
            let arabic = stories.assign(
                StoryItem(
                    key: "ar-1", title: "الوحل والبرد يحاصران سكان أطمة",
                    body: "يعيش سكان المخيمات في أطمة بين الوحل والبرد بعد الأمطار.",
                    time: Self.t0.addingTimeInterval(hours * 3600)))
            #expect((arabic.storyID == english.storyID) == joins, "\(hours) h: \(arabic.reason) \(arabic.score)")
        }
    }

    @Test(
        "a report of the same hours naming a live story's rare place joins it, although it names an alias the story has not"
    )
    func liveRareNameIsEnoughAnchors() throws {
        for anchors in [3, 2] {
            // Words alone cannot join here (the same-language threshold is out of reach, and the
            // town's lower one is off): what is tested is the concepts' way in.
            var settings = StoryClusterer.Settings()
            settings.sameLanguageThreshold = 2
            settings.placeWordThreshold = nil
            settings.liveRareNameAnchors = anchors
            var stories = try clusterer(settings)
            background(&stories)
            let blasts = stories.assign(
                StoryItem(
                    key: "en-1", title: "Loud blasts heard across the coast",
                    body: "Residents of Jableh reported several explosions near a coastal air defence site.",
                    time: Self.t0))
            // Shares Jableh, a rare name, and names Israel, which the story does not.
            let claim = stories.assign(
                StoryItem(
                    key: "en-2", title: "Israel says it hit radar outside Jableh",
                    body: "The military said its jets destroyed a radar it called a threat to its aircraft.",
                    time: Self.t0.addingTimeInterval(1800)))
            #expect((claim.storyID == blasts.storyID) == (anchors == 3), "\(anchors): \(claim.reason) \(claim.score)")
            // The next night, the same place names no longer tie it: the story is not live.
            let later = stories.assign(
                StoryItem(
                    key: "en-3", title: "Israel says it hit depot outside Jableh",
                    body: "The military said its jets destroyed a depot it called a threat to its aircraft.",
                    time: Self.t0.addingTimeInterval(20 * 3600)))
            #expect(later.storyID != blasts.storyID, "\(later.reason) \(later.score)")
        }
    }

    @Test("a rare name shared with a live story lowers the concepts threshold; not with a quiet one")
    func liveNameThreshold() throws {
        for (threshold, hours, joins) in [(0.25, 1.0, true), (0.33, 1.0, false), (0.25, 8.0, false)] {
            var settings = StoryClusterer.Settings()
            settings.sameLanguageThreshold = 2
            settings.liveNameThreshold = threshold
            var stories = try clusterer(settings)
            background(&stories)
            let first = stories.assign(
                StoryItem(
                    key: "en-1", title: "Shaibani and Dermer meet again, this time near Kessab",
                    body: "Syrian Foreign Minister al-Shaibani and Israeli minister Dermer met at a hotel in Kessab "
                        + "with US envoy Barrack after rounds in Paris and Ankara; officials from Latakia, Tartus and Hama attended.",
                    time: Self.t0))
            // Names Kessab (كسب, known from the English report), Syria and a number the story has
            // not: the story's other names and concepts dilute the match to between 0.25 and 0.33.
            let arabic = stories.assign(
                StoryItem(
                    key: "ar-1", title: "فنادق كسب ممتلئة بالوفود السورية",
                    body: "امتلأت فنادق كسب بنحو 300 من الصحفيين والوفود.",
                    time: Self.t0.addingTimeInterval(hours * 3600)))
            #expect(
                (arabic.storyID == first.storyID) == joins,
                "\(threshold), \(hours) h: \(arabic.reason) \(arabic.score)")
        }
    }

    @Test("two rare names shared with a live story lower the concepts threshold again; one does not")
    func liveNamesThreshold() throws {
        let english = StoryItem(
            key: "en-1", title: "Kallas joins Shaibani and Dermer at talks in Kessab",
            body:
                "The European envoy Kallas joined al-Shaibani, Israeli minister Dermer and US envoy Barrack in Kessab "
                + "after rounds in Paris and Ankara; officials from Latakia, Tartus and Hama attended.",
            time: Self.t0)
        // Shares Kallas (كالاس, known from the English report) and Kessab (كسب), and adds figures of
        // its own: against the story's other names and concepts, between 0.10 and 0.25.
        let both = StoryItem(
            key: "ar-1", title: "كالاس في كسب: 25 مليون يورو",
            body: "قالت كالاس في كسب إن 25 مليون يورو و 100 منحة و 60 مولدة في الطريق.",
            time: Self.t0.addingTimeInterval(3600))
        let kessabOnly = StoryItem(
            key: "ar-1", title: "في كسب: 25 مليون يورو",
            body: "قال مسؤول في كسب إن 25 مليون يورو و 100 منحة و 60 مولدة في الطريق.",
            time: Self.t0.addingTimeInterval(3600))
        for (threshold, report, joins) in [(0.10, both, true), (0.25, both, false), (0.10, kessabOnly, false)] {
            var settings = StoryClusterer.Settings()
            settings.sameLanguageThreshold = 2
            settings.liveNamesThreshold = threshold
            var stories = try clusterer(settings)
            background(&stories)
            let first = stories.assign(english)
            let arabic = stories.assign(report)
            #expect(
                (arabic.storyID == first.storyID) == joins,
                "\(threshold), \(report.title): \(arabic.reason) \(arabic.score)")
        }
    }

    @Test("a short report naming one alias of a live story, not the rule's, joins it; the rule's alias alone does not")
    func containedReportWithOneConcept() throws {
        for needed in [1, 2] {
            var settings = StoryClusterer.Settings()
            settings.sameLanguageThreshold = 2
            settings.containedSharedConcepts = needed
            var stories = try clusterer(settings)
            background(&stories)
            let rule: Set<String> = ["syria"]
            let first = stories.assign(
                StoryItem(
                    key: "en-1", title: "Syrian exiles rally in Paris",
                    body: "Thousands of Syrian exiles marched through Paris on Saturday.", time: Self.t0,
                    ruleConcepts: rule))
            // Names Paris only (not the rule's alias): the story's.
            let arabic = stories.assign(
                StoryItem(
                    key: "ar-1", title: "مسيرة حاشدة في باريس", body: "آلاف المتظاهرين جابوا شوارع باريس.",
                    time: Self.t0.addingTimeInterval(1800), ruleConcepts: rule))
            #expect((arabic.storyID == first.storyID) == (needed == 1), "\(needed): \(arabic.reason) \(arabic.score)")
            // Names Syria only, the rule's alias: it says nothing about which story.
            let other = stories.assign(
                StoryItem(
                    key: "ar-2", title: "السوريون يترقبون الموسم", body: "ينتظر السوريون موسما أفضل.",
                    time: Self.t0.addingTimeInterval(2400), ruleConcepts: rule))
            #expect(other.storyID != first.storyID, "\(other.reason) \(other.score)")
        }
    }

    @Test("an English report meets the Arabic story that named its place before any English report had")
    func placeNamedFirstInArabic() throws {
        var settings = StoryClusterer.Settings()
        let rule: Set<String> = ["syria", "israel"]
        for unconfirmed in [true, false] {
            settings.unconfirmedNames = unconfirmed
            var stories = try clusterer(settings)
            background(&stories)
            let arabic = stories.assign(
                StoryItem(
                    key: "ar-1", title: "طائرات إسرائيلية تقصف موقعا قرب إنخل",
                    body: "قصفت طائرات إسرائيلية موقعا عسكريا في سوريا ليل الأربعاء.", time: Self.t0,
                    ruleConcepts: rule))
            // Israel and Syria are the rule's: only Inkhil (إنخل), a town no table holds, says which
            // story it is. (Shayrat, an air base, is a place of the gazetteer: it would tie them either way.)
            let english = stories.assign(
                StoryItem(
                    key: "en-1", title: "Israeli jets hit army site near Inkhil",
                    body: "The site in Syria was struck late on Wednesday.", time: Self.t0.addingTimeInterval(3600),
                    ruleConcepts: rule))
            #expect(
                (english.storyID == arabic.storyID) == unconfirmed,
                "unconfirmed \(unconfirmed): \(english.reason) \(english.score)")
        }
    }

    @Test("a fold recorded by another window is done again: the folded story's reports and id are the other's")
    func foldByID() throws {
        var settings = StoryClusterer.Settings()
        settings.mergeSpan = nil
        var stories = try clusterer(settings)
        background(&stories)
        let (english, arabic) = jablehStrikeInTwoStories(&stories)
        let count = stories.storyCount
        stories.fold("s-unknown", into: english.storyID)
        stories.fold(english.storyID, into: english.storyID)
        #expect(stories.storyCount == count)
        stories.fold(arabic.storyID, into: english.storyID)
        #expect(stories.storyCount == count - 1)
        #expect(stories.currentStoryID(arabic.storyID) == english.storyID)
        // The Arabic story's next report (which joins it when no fold is done) finds the one story.
        let next = stories.assign(
            StoryItem(
                key: "ar-2", title: "غارات إسرائيلية على موقع للدفاع الجوي في الساحل السوري",
                body: "استهدفت غارات إسرائيلية موقعا للدفاع الجوي على الساحل السوري.",
                time: Self.t0.addingTimeInterval(4000)))
        #expect(next.storyID == english.storyID, "\(next.reason) \(next.score)")
    }

    @Test("numbers written as words are the numbers, in both languages")
    func numberWords() throws {
        let concepts = StoryConcepts(aliases: try AliasTable(parsing: Self.aliases))
        let anchors = { (title: String) in
            let features = StoryFeatures(title: title, body: "", concepts: concepts)
            return Set(features.hashes.prefix(features.anchorCount))
        }
        let ten = StoryHash.fnv64("n:10")
        let thirty = StoryHash.fnv64("n:30")
        #expect(anchors("Power supply extended to ten hours a day").contains(ten))
        #expect(anchors("رفع ساعات التغذية إلى عشر ساعات يوميا").contains(ten))
        #expect(anchors("رفع ساعات التغذية إلى 10 ساعات").contains(ten))
        #expect(anchors("A concession for thirty years").contains(thirty))
        #expect(anchors("عقد لمدة ثلاثين عاما").contains(thirty))
        #expect(anchors("بعد ثلاثين عاما").contains(thirty))
        #expect(!anchors("A concession for many years").contains(thirty))
    }

    @Test("a place whose English name is no spelling of its Arabic one is one name in both; an alias wins")
    func placeNames() throws {
        let names = { (title: String, aliases: String) in
            let concepts = StoryConcepts(aliases: try AliasTable(parsing: aliases))
            let features = StoryFeatures(title: title, body: "", concepts: concepts, knownName: { _ in true })
            return (Set(features.hashes[features.nameIndices]), Set(features.hashes.prefix(features.conceptCount)))
        }
        for (english, arabic) in [
            ("Palmyra", "تدمر"), ("Tadmur", "بتدمر"), ("Aleppo", "حلب"), ("Latakia", "اللاذقية"),
            ("Euphrates", "الفرات"),
            ("Egypt", "مصر"), ("Kobani", "عين العرب"), ("Bethlehem", "بيت لحم"),
        ] {
            let (englishNames, _) = try names("Strike reported near \(english) overnight", "")
            // Any case, anywhere in the sentence.
            let (lowerNames, _) = try names("\(english.lowercased()) strike overnight", "")
            let (arabicNames, _) = try names("غارة قرب \(arabic) ليلا", "")
            let shared = englishNames.intersection(arabicNames)
            #expect(!shared.isEmpty, "\(english) and \(arabic)")
            #expect(!shared.intersection(lowerNames).isEmpty, "\(english) in lower case")
        }
        // Arabic words with the consonants of a place are not the place, even when every key is known.
        let egypt = try names("Shaibani in Egypt for talks", "").0
        #expect(egypt.intersection(try names("مسيرة إسرائيلية تستهدف سيارة", "").0).isEmpty)
        let palmyra = try names("Strike reported near Palmyra overnight", "").0
        #expect(palmyra.intersection(try names("تدمير مستودع للأسلحة", "").0).isEmpty)
        // Nor does a table name give the key of its consonants, which those words share.
        var buffer: [UInt8] = []
        let tadmurKey = try #require(NameKey.hash(of: "tadmur", arabic: false, buffer: &buffer))
        #expect(try !names("Strike reported near Tadmur overnight", "").0.contains(tadmurKey))
        #expect(try !names("غارة قرب تدمر ليلا", "").0.contains(tadmurKey))
        #expect(palmyra.intersection(try names("Strike reported near Homs overnight", "").0).isEmpty)
        // An alias of the config names the place first: the concept, not the place.
        let alias = "@palmyra = { en: Palmyra ; ar: تدمر }"
        let (aliased, concepts) = try names("Strike reported near Palmyra overnight", alias)
        #expect(aliased.intersection(palmyra).isEmpty)
        #expect(concepts.contains(StoryHash.fnv64("c:palmyra")))
        #expect(try names("غارة قرب تدمر ليلا", alias).1.contains(StoryHash.fnv64("c:palmyra")))
    }

    @Test("a Raqqa report in English and one in Arabic join through the gazetteer's place")
    func gazetteerJoinsRaqqa() throws {
        var stories = try clusterer()
        background(&stories)
        // No alias, no number and no word in common: only Raqqa, whose Arabic name (الرقة) has no
        // key its English spellings share.
        let english = stories.assign(
            StoryItem(
                key: "en-1", title: "Cholera cases climb in Raqqa",
                body:
                    "Doctors in Raqa recorded dozens of suspected cases in villages that drink untreated river water.",
                time: Self.t0))
        let arabic = stories.assign(
            StoryItem(
                key: "ar-1", title: "مخاوف من انتشار الكوليرا في الرقة",
                body: "حذر أطباء بالرقة من تفشي المرض في القرى التي تشرب من النهر مباشرة.",
                time: Self.t0.addingTimeInterval(1800)))
        #expect(arabic.storyID == english.storyID, "\(arabic.reason) \(arabic.score)")
    }

    @Test("a spelling of a gazetteer place one letter from a listed one is the place; a short or distant name is not")
    func gazetteerVariants() {
        let names = { (title: String) in Self.nameFeatures(title) }
        #expect(Self.sharedNames(["Blast in Qudssaya", "Blast in Qudsaya", "انفجار في قدسيا"]).count == 1)
        #expect(Self.sharedNames(["Flights to the Emirates", "Emirati carriers", "رحلات إلى الإمارات"]).count == 1)
        // Hamas has Homs's consonants but is two letters from it; Homes is one letter from it but
        // short, as a word of a headline in title case can be; Bayan has two consonants.
        #expect(names("Statement by Hamas").isDisjoint(with: names("Strike on Homs")))
        #expect(names("Flood Destroys Homes").isDisjoint(with: names("Strike on Homs")))
        #expect(names("Talks at Bayan palace").isDisjoint(with: names("Shelling near Banan")))
    }

    @Test("a place of the gazetteer is one name however each language spells it; two places are two")
    func gazetteerSpellings() {
        let names = { (title: String) in Self.nameFeatures(title) }
        for spellings in [
            [
                "Cholera spreads in Raqqa", "cholera spreads in rakka", "الكوليرا تنتشر في الرقة", "إصابات بالرقة",
                "مساعدات للرقة",
            ],
            [
                "Power cuts in Deir ez-Zor", "Power cuts in Deir al-Zour", "Power cuts in Deir Ezzor",
                "انقطاع الكهرباء في دير الزور",
            ],
            ["Fires near Qamishli", "Fires near Kamishli", "حرائق قرب القامشلي"],
            ["Strikes on Mezzeh air base", "Strikes on Mazzeh", "غارات على مطار المزة"],
            ["Crossing at Bab al-Hawa reopens", "إعادة فتح معبر باب الهوى"],
            ["Trucks wait at Tell Abyad", "Trucks wait at Tal Abyad", "شاحنات تنتظر في تل أبيض"],
        ] {
            #expect(Self.sharedNames(spellings).count == 1, "\(spellings)")
        }
        #expect(names("Cholera spreads in Raqqa").isDisjoint(with: names("Cholera spreads in Hasakah")))
        #expect(names("Power cuts in Deir ez-Zor").isDisjoint(with: names("Talks at Deir Ali")))
    }

    @Test("a report naming places only in another area does not join on shared words; one naming none does")
    func placesApart() throws {
        let strike = StoryItem(
            key: "en-1", title: "Explosions at Dumayr air base",
            body: "Several explosions hit the military air base at Dumayr overnight, the defence ministry said, "
                + "and air defences engaged hostile targets over the base.",
            time: Self.t0)
        // Three hours later, the same words (military, air base, defence ministry) of another place.
        let delegation = { (place: String) in
            StoryItem(
                key: "en-2", title: "Military delegation visits \(place) air base",
                body: "A military delegation toured the air base at \(place), the defence ministry said, and "
                    + "inspected air defences at the base after the explosions overnight.",
                time: Self.t0.addingTimeInterval(3 * 3600))
        }
        for apart in [true, false] {
            var settings = StoryClusterer.Settings()
            settings.placesApart = apart
            for (place, joins) in [("Hmeimim", !apart), ("Sayqal", true), ("the capital", true)] {
                var stories = try clusterer(settings)
                background(&stories)
                let first = stories.assign(strike)
                let next = stories.assign(delegation(place))
                #expect(
                    (next.storyID == first.storyID) == joins,
                    "\(place), places apart \(apart): \(next.reason) \(next.score)")
            }
        }
    }

    @Test("a country and its people are one name in both languages; US and Polish are no countries")
    func countries() {
        let names = { (title: String) in Self.nameFeatures(title) }
        let greece = names("Talks with Greek and Cypriot ministers")
        #expect(greece.count == 2)
        #expect(names("Greece and Cyprus press for a deal") == greece)
        #expect(names("اليونان وقبرص تطالبان باتفاق") == greece)
        #expect(names("وزيرا الخارجية اليوناني والقبرصية") == greece)
        #expect(names("Iraqi trucks cross the border") == names("شاحنات عراقية تعبر الحدود"))
        #expect(names("Iraqi trucks cross the border").isDisjoint(with: names("Iranian trucks cross the border")))
        #expect(names("Let us polish the text").isEmpty)
    }

    @Test("a people in the Arabic plural is its country; Japan and اليابان are one name")
    func countryPeoplePlural() {
        let names = { (title: String) in Self.nameFeatures(title) }
        let japan = names("Japan pledges aid")
        #expect(japan.count == 1)
        for title in [
            "Japanese experts arrive", "اليابان تتعهد بالمساعدة", "خبراء يابانيون يصلون", "تدريب مع اليابانيين",
        ] {
            #expect(names(title) == japan, "\(title)")
        }
        #expect(names("عودة الأردنيين إلى ديارهم") == names("Jordan reopens the crossing"))
        // A town's name ending in ي is no people: its plural is no place.
        #expect(names("مزارعو القامشليين").isEmpty)
    }

    @Test("an alias that names a built-in place takes all the place's spellings: one concept, not two names")
    func aliasTakesPlace() throws {
        let aliased = StoryConcepts(aliases: try AliasTable(parsing: "@turkey = { en: Turkey ; ar: تركيا }"))
        let features = { (title: String, concepts: StoryConcepts) in
            (Self.conceptFeatures(title, concepts: concepts), Self.nameFeatures(title, concepts: concepts))
        }
        let turkey = StoryHash.fnv64("c:turkey")
        for title in ["Turkey closes the crossing", "Turkish troops close the crossing", "القوات التركية تغلق المعبر"] {
            let (concepts, names) = features(title, aliased)
            #expect(concepts == [turkey], "\(title)")
            #expect(names.isEmpty, "\(title)")
        }
        // Without the alias, the country is a place, one name however it is written.
        let (concepts, names) = features("Turkish troops close the crossing", StoryConcepts())
        #expect(concepts.isEmpty)
        #expect(names == features("القوات التركية تغلق المعبر", StoryConcepts()).1)
    }

    @Test(
        "a report naming the town a story named within the day needs half the wording; without the town, it does not join"
    )
    func placeWords() throws {
        let strike = StoryItem(
            key: "en-1", title: "Air strikes hit warehouses near Qusayr",
            body: "Several strikes hit warehouses on the edge of Qusayr after midnight, witnesses said, and fires "
                + "burned in the orchards until dawn.",
            time: Self.t0)
        let morning = { (place: String, hours: Double) in
            StoryItem(
                key: "en-2", title: "Farmers inspect damage in \(place) after night of blasts",
                body: "Farmers counted dead livestock in the orchards and a destroyed shed on Friday morning, and the "
                    + "local council asked for compensation.",
                time: Self.t0.addingTimeInterval(hours * 3600))
        }
        // The next day's report, 16 hours on, still shares the town: within the day, not after 12 h.
        for (threshold, place, hours, window, joins) in [
            (0.06, "Qusair", 8, 24, true), (nil, "Qusair", 8, 24, false), (0.06, "the town", 8, 24, false),
            (0.06, "Qusair", 16, 24, true), (0.06, "Qusair", 16, 12, false),
        ] as [(Double?, String, Double, Double, Bool)] {
            var settings = StoryClusterer.Settings()
            settings.placeWordThreshold = threshold
            settings.placeWordWindow = window * 3600
            var stories = try clusterer(settings)
            background(&stories)
            let first = stories.assign(strike)
            let next = stories.assign(morning(place, hours))
            #expect(
                (next.storyID == first.storyID) == joins,
                "\(place) \(hours) h, \(String(describing: threshold)), \(window) h: \(next.reason) \(next.score)")
        }
    }

    @Test("a report whose title names a place in another area still joins a live story it shares a rare name with")
    func placesApartSharedName() throws {
        for exempt in [true, false] {
            var stories = try clusterer()
            background(&stories)
            let talks = stories.assign(
                StoryItem(
                    key: "en-1", title: "Shaibani in Kirkuk talks on reopening the Albu Kamal crossing",
                    body: "Syria's foreign minister arrived in Kirkuk for talks with officials there on trade and "
                        + "on reopening the Albu Kamal crossing to trucks.",
                    time: Self.t0))
            // Hours later, the same talks under a headline on the camp (al-Hol, Hasakah; Albu Kamal is
            // in Deir ez-Zor); without Kirkuk, only words tie it.
            let city = exempt ? "Kirkuk" : "the northern city"
            let camp = stories.assign(
                StoryItem(
                    key: "en-2", title: "Al-Hol camp detainees on the table at \(city) talks",
                    body: "Officials pressed Syria's foreign minister at the talks in \(city) on trade and on "
                        + "taking back detainees held in the al-Hol camp, officials said.",
                    time: Self.t0.addingTimeInterval(3 * 3600)))
            #expect((camp.storyID == talks.storyID) == exempt, "\(city): \(camp.reason) \(camp.score)")
        }
    }

    @Test("a place below its area's own name has the area it lies in; a governorate's capital has none")
    func placeAreas() {
        let features = Set(PlaceNames.places.map { PlaceNames.feature($0.english[0]) })
        #expect(features.count == PlaceNames.places.count, "two places of one name")
        let area = { (title: String) in StoryFeatures(title: title, body: "", concepts: StoryConcepts()).areas }
        let bit = { (area: PlaceNames.Area) in UInt32(1) << UInt32(area.rawValue) }
        #expect(area("Jets over Sayqal and Dumayr") == bit(.damascus))
        #expect(area("Shelling in Jobar") == bit(.damascus))
        #expect(area("وفد في قاعدة حميميم") == bit(.latakia))
        #expect(area("Detour via Talbiseh after the Rastan crash") == bit(.homs))
        #expect(area("Crossing at Bab al-Hawa reopens; trucks wait at Tell Abyad") == bit(.idlib) | bit(.raqqa))
        #expect(area("Floods in Hama") == 0)
        #expect(area("Talks in Cairo") == 0)
    }

    @Test("the later words of a place of several words are the place, not words of their own")
    func placeOfSeveralWords() {
        for (title, later) in [("Power cuts in Deir ez-Zor", "zor"), ("انقطاع الكهرباء في دير الزور", "زور")] {
            let features = StoryFeatures(title: title, body: "", concepts: StoryConcepts())
            #expect(features.nameCount == 1, "\(title)")
            #expect(!features.hashes.contains(StoryHash.fnv64("t:" + later)), "\(title)")
        }
    }

    @Test("an Arabic place name that is also a common word is a place only in context or once named")
    func gazetteerCommonWords() {
        let names = { (title: String, known: Set<UInt64>) in Self.nameFeatures(title, known: known) }
        let dumayr = names("Israeli jets hit Dumayr air base", [])
        // The conscience (الضمير) is not the town; its airport is, and so is the town once named.
        #expect(names("صحوة الضمير لدى المجتمع الدولي", []).isDisjoint(with: dumayr))
        #expect(!names("غارات على مطار الضمير", []).isDisjoint(with: dumayr))
        #expect(!names("انفجارات في الضمير", dumayr).isDisjoint(with: dumayr))
        // The door (الباب) is not al-Bab; the town of al-Bab is.
        let bab = names("Shelling hits al-Bab", [])
        #expect(names("فتح الباب أمام المفاوضات", []).isDisjoint(with: bab))
        #expect(!names("قصف على مدينة الباب", []).isDisjoint(with: bab))
        // The hill (التل) is not al-Tall; protectors (حماة) are not Hama.
        let tall = names("Arrests in al-Tall", [])
        #expect(names("جنود على التل", []).isDisjoint(with: tall))
        #expect(!names("اعتقالات في مدينة التل", []).isDisjoint(with: tall))
        let hama = names("Floods in Hama", [])
        #expect(names("حماة الديار", []).isDisjoint(with: hama))
        #expect(!names("فيضانات في مدينة حماة", []).isDisjoint(with: hama))
        // English words that spell places left out are no places: a tall harem; the Duma is not Douma.
        #expect(names("a tall harem", []).isEmpty)
        #expect(names("Vote in the Duma", []).isDisjoint(with: names("Strike on Douma", [])))
    }

    @Test("a sub-district seat or a region of the gazetteer is one name in English and Arabic")
    func gazetteerSubDistricts() {
        let names = { (title: String) in Self.nameFeatures(title) }
        for spellings in [
            ["Shelling on Khan Shaykhun", "Shelling on Khan Sheikhoun", "قصف على خان شيخون"],
            ["Bus crash near Talbiseh", "Bus crash near Talbisah", "حادث قرب تلبيسة"],
            ["Protest in Saraqib", "مظاهرة في سراقب"],
            ["Aid reaches Eastern Ghouta", "Aid reaches East Ghouta", "مساعدات إلى الغوطة الشرقية"],
            ["Farmers of the Ghab plain", "مزارعو سهل الغاب"],
        ] {
            #expect(Self.sharedNames(spellings).count == 1, "\(spellings)")
        }
        #expect(names("Shelling on Khan Shaykhun").isDisjoint(with: names("Shelling on Khan al-Shih")))
    }

    @Test("a sub-district seat whose Arabic name is a common word is the place only in context")
    func gazetteerSubDistrictCommonWords() {
        let names = { (title: String, known: Set<UInt64>) in Self.nameFeatures(title, known: known) }
        // Nawa (نوى, he intended) and al-Hirak (الحراك, the movement) in English are the places.
        let nawa = names("Relatives of the victims gather in Nawa", [])
        #expect(!nawa.isEmpty)
        #expect(names("نوى الوزير السفر إلى عمان", []).isDisjoint(with: nawa))
        #expect(!names("تشييع الضحايا في مدينة نوى", []).isDisjoint(with: nawa))
        let hirak = names("Clashes in al-Hirak", [])
        #expect(names("الحراك الشعبي مستمر", []).isDisjoint(with: hirak))
        #expect(!names("اشتباكات في بلدة الحراك", []).isDisjoint(with: hirak))
        // In this regard (في هذا الصدد) is not Sadad; the desert (البادية) is the Badia only in context.
        let sadad = names("Fire near Sadad", [])
        #expect(names("وفي هذا الصدد قال الوزير", []).isDisjoint(with: sadad))
        let badia = names("Attack in the Syrian Badia", [])
        #expect(names("حياة البادية", []).isDisjoint(with: badia))
        #expect(!names("هجوم في البادية السورية", []).isDisjoint(with: badia))
        // The nerve agent is not Sarrin, whose common English spelling "Sarin" is left out.
        #expect(names("Sarin attack anniversary", []).isEmpty)
    }

    @Test("a short name of one repeated consonant keeps the repeat in both languages; other words do not")
    func repeatedConsonantNames() {
        #expect(NameKey.key(of: "sasa", arabic: false) == "ss")
        #expect(NameKey.key(of: "سعسع", arabic: true) == "ss")
        // Politics (سياسة) repeats s across ي and ا, not ʿayn: no key, as before.
        #expect(NameKey.key(of: "سياسة", arabic: true) == nil)
        #expect(NameKey.key(of: "سياسه", arabic: true) == nil)
        // Short words, and a doubled letter with no vowel between, give none.
        #expect(NameKey.key(of: "sas", arabic: false) == nil)
        #expect(NameKey.key(of: "ssss", arabic: false) == nil)
        // Names with other consonants keep their keys, doubled letters once.
        #expect(NameKey.key(of: "homs", arabic: false) == "hms")
        #expect(NameKey.key(of: "baghdad", arabic: false) == NameKey.key(of: "بغداد", arabic: true))
        #expect(NameKey.key(of: "qusayr", arabic: false) == NameKey.key(of: "قصير", arabic: true))
    }

    @Test("an Arabic teen is its number, not ten; ten alone is still ten")
    func arabicTeens() throws {
        let concepts = StoryConcepts(aliases: try AliasTable(parsing: Self.aliases))
        let anchors = { (title: String) in
            let features = StoryFeatures(title: title, body: "", concepts: concepts)
            return Set(features.hashes.prefix(features.anchorCount))
        }
        let number = { (value: Int) in StoryHash.fnv64("n:\(value)") }
        for (text, value) in [
            ("مقتل ثلاثة عشر شخصا", 13), ("خمسة عشر جريحا", 15), ("منذ خمس عشرة سنة", 15), ("أحد عشر جنديا", 11),
            ("اثنا عشر عاما", 12), ("لمدة تسعة عشر يوما", 19), ("ثماني عشرة ساعة", 18), ("بعد سبعة عشر شهرا", 17),
            ("قرابة الحادية عشرة ليلا", 11), ("في الثالث عشر من تموز", 13), ("عند الثانية عشرة ظهرا", 12),
        ] {
            let found = anchors(text)
            #expect(found.contains(number(value)), "\(text) is \(value)")
            #expect(!found.contains(number(10)), "\(text) is not ten")
            // The same number in digits, as the other report may write it.
            #expect(found.isSuperset(of: anchors("\(value)")), "\(text) and \(value)")
        }
        #expect(anchors("عشر ساعات").contains(number(10)))
        #expect(anchors("عند العاشرة ليلا").contains(number(10)))
        #expect(!anchors("للمرة الثانية").contains(number(12)))
        #expect(!anchors("ثلاثة أيام").contains(number(13)))
        #expect(!anchors("ثلاثة أيام عشر").contains(number(13)))
    }

    @Test("names of two words and names ending in ة or h share a key across the languages")
    func joinedNames() throws {
        let fold = { TextFolding.fold($0) }
        var buffer: [UInt8] = []
        // ة is folded to ه, which English writes with a vowel or a silent h.
        #expect(NameKey.key(of: "hama", arabic: false) == NameKey.key(of: fold("حماة"), arabic: true))
        #expect(NameKey.key(of: "jableh", arabic: false) == NameKey.key(of: fold("جبلة"), arabic: true))
        #expect(NameKey.key(of: "shaykh", arabic: false) != NameKey.key(of: "shayk", arabic: false))
        // One word in English, two in Arabic; two in both, with a particle or an article.
        let gaziantep = try #require(NameKey.hash(of: "gaziantep", arabic: false, buffer: &buffer))
        #expect(NameKey.joinedHash(fold("غازي"), fold("عنتاب"), arabic: true, buffer: &buffer) == gaziantep)
        #expect(
            NameKey.joinedHash("abu", "dhabi", arabic: false, buffer: &buffer)
                == NameKey.joinedHash(fold("أبو"), fold("ظبي"), arabic: true, buffer: &buffer))
        #expect(
            NameKey.joinedHash("ras", "ain", arabic: false, buffer: &buffer)
                == NameKey.joinedHash(fold("رأس"), fold("العين"), arabic: true, buffer: &buffer))
        #expect(
            NameKey.joinedHash("ras", "ain", arabic: false, buffer: &buffer)
                != NameKey.joinedHash("abu", "dhabi", arabic: false, buffer: &buffer))
        // In the features: the Arabic pair gives the English name's key once a report has used it;
        // a name of two capitalised words gives their joined key (Ras Shamra; Ras al-Ain is a place of
        // the gazetteer, which gives no key).
        let concepts = StoryConcepts(aliases: try AliasTable(parsing: Self.aliases))
        let arabic = StoryFeatures(
            title: "الشيباني يصل إلى غازي عنتاب", body: "", concepts: concepts, knownName: { $0 == gaziantep })
        #expect(arabic.hashes.prefix(arabic.interlingualCount).contains(gaziantep))
        let unknown = StoryFeatures(title: "الشيباني يصل إلى غازي عنتاب", body: "", concepts: concepts)
        #expect(!unknown.hashes.contains(gaziantep))
        let rasShamra = try #require(NameKey.joinedHash("ras", "shamra", arabic: false, buffer: &buffer))
        #expect(rasShamra == NameKey.joinedHash(fold("رأس"), fold("شمرا"), arabic: true, buffer: &buffer))
        let english = StoryFeatures(title: "Excavations resume at Ras Shamra", body: "", concepts: concepts)
        #expect(english.hashes.prefix(english.interlingualCount).contains(rasShamra))
    }

    @Test("reports in the same hours that share only rare words join; a day later they do not")
    func rareWordsInLiveStory() throws {
        let title = "Government raises public-sector salaries by a third"
        let body = "State employees will see their monthly salaries rise from next month, the finance ministry said."
        let later = "Teachers welcome the decree but fear inflation"
        let laterBody =
            "Teachers in state schools said the higher salaries were overdue after years of hardship, but "
            + "parents, shopkeepers and economists warned that rising food prices, rents and transport fares "
            + "would soon eat into the monthly increase. Unions plan to press for pensions, overtime and housing "
            + "allowances before the summer."
        var settings = StoryClusterer.Settings()
        for (hours, rareWords, joins) in [(3.0, 2, true), (3.0, 100, false), (30.0, 2, false)] {
            settings.minimumRareWords = rareWords
            var stories = try clusterer(settings)
            background(&stories)
            let first = stories.assign(StoryItem(key: "en-1", title: title, body: body, time: Self.t0))
            let next = stories.assign(
                StoryItem(key: "en-2", title: later, body: laterBody, time: Self.t0.addingTimeInterval(hours * 3600)))
            #expect(
                (next.storyID == first.storyID) == joins,
                "\(hours) h, \(rareWords) rare words: \(next.reason) \(next.score)")
        }
    }

    @Test("an Arabic broken plural of the table is its singular's term; one left out is not")
    func brokenPlurals() {
        let terms = { (title: String) in
            let features = StoryFeatures(title: title, body: "", concepts: StoryConcepts())
            return Set(features.hashes[features.interlingualCount...])
        }
        // Ammunition, the dead: plural and singular are one word.
        #expect(terms("انفجار مستودع ذخيرة").isSuperset(of: terms("الذخائر")))
        #expect(terms("سقوط قتيل").isSuperset(of: terms("القتلى")))
        #expect(terms("أمطار غزيرة") == terms("مطر غزير"))
        // Ministers are left out: every story has them.
        #expect(terms("الوزراء").isDisjoint(with: terms("وزير")))
    }

    @Test("Arabic plural, feminine and relative endings share a term; English is left alone")
    func arabicEndings() {
        let stem = { StoryFeatures.arabicStem(TextFolding.fold($0)) }
        #expect(stem("غارة") == stem("غارات"))
        #expect(stem("إسرائيلية") == stem("إسرائيلي"))
        #expect(stem("مزارعون") == stem("مزارعين"))
        #expect(stem("حمص") == TextFolding.fold("حمص"))
        #expect(StoryFeatures.arabicStem("raids") == "raids")
    }

    @Test("the window forgets: a copy four days later starts a new story, and memory holds only the window")
    func window() throws {
        var stories = try clusterer()
        let item = StoryItem(
            key: "a", title: "Syria and Israel hold security talks in Paris",
            body: SameTextTests.body, link: "https://wire.example/1", time: Self.t0)
        let first = stories.assign(item)
        var copy = item
        copy.key = "b"
        copy.time = Self.t0.addingTimeInterval(3600)
        #expect(stories.assign(copy).reason == .copy)
        for hour in 2..<200 {
            _ = stories.assign(
                StoryItem(
                    key: "filler-\(hour)", title: "Item \(hour) about weather number \(hour * 7919)",
                    body: "Rain expected in region \(hour * 104_729) with winds of \(hour) knots",
                    time: Self.t0.addingTimeInterval(Double(hour) * 3600)))
        }
        #expect(stories.itemCount <= 73)
        var late = item
        late.key = "c"
        late.time = Self.t0.addingTimeInterval(200 * 3600)
        let again = stories.assign(late)
        #expect(again.reason == .new)
        #expect(again.storyID != first.storyID)
    }
}

import Foundation

/// One item as the story layer sees it.
public struct StoryItem: Sendable, Hashable {
    /// The item's identity key: names the story the item starts, if it starts one.
    public var key: String
    public var title: String
    public var body: String
    public var link: String?
    /// When the item counts as reported: its publication time, or when Herald first saw it.
    public var time: Date
    /// The aliases by which a rule matched the item (`@syria` is `syria`): what selected it, so
    /// they say little about which of the rule's stories it tells.
    public var ruleConcepts: Set<String>

    public init(
        key: String, title: String, body: String, link: String? = nil, time: Date, ruleConcepts: Set<String> = []
    ) {
        self.key = key
        self.title = title
        self.body = body
        self.link = link
        self.time = time
        self.ruleConcepts = ruleConcepts
    }
}

/// Which story an item belongs to, and why.
public struct StoryAssignment: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        /// No story in the window was similar enough: the item starts one.
        case new
        /// A copy of an item already in the story (same URL, same text, or a near-duplicate).
        case copy
        /// Similar enough to the story's reports in the item's language.
        case similar
        /// Joined an other-language story through shared concepts, names and numbers.
        case crossLanguage = "cross-language"
        /// Joined a story with reports in its language through shared concepts and numbers,
        /// although worded differently.
        case concepts
    }

    public var storyID: String
    public var reason: Reason
    /// The similarity that decided it (1 for a copy, 0 for a new story).
    public var score: Double
    /// `ar` or `en`, as `StoryFeatures` detects it.
    public var language: String
    /// Ids of live stories the item tied to `storyID` and that were folded into it: from now on
    /// they are that story.
    public var merged: [String] = []
}

/// The two story layers over a sliding time window: an item that copies a recent one joins its
/// story; else it joins the most similar story of the window when the similarity clears a
/// threshold; else it starts a new story.
///
/// Similarity is the cosine of IDF-weighted features (`StoryFeatures`), taken two ways: the item's
/// features against the sum of the story's reports in the item's language (which must share more
/// than the aliases the item's rule matched it by); and its concepts, numbers, months and names
/// against the whole story's, whatever the languages — which must share at least
/// `minimumSharedConcepts` alias concepts and `minimumSharedAnchors` concepts and numbers
/// together, a rare name outside the alias sets counting as a concept and an anchor. The better
/// margin over its threshold counts, lowered when the story has been quiet for hours
/// (`staleAfter`).
///
/// Everything older than `window` (behind the newest time seen) is forgotten: document
/// frequencies, fingerprints, stories whose last report left the window. Memory follows the
/// number of items in the window. Not thread-safe: the owner serialises calls.
public struct StoryClusterer: Sendable {
    /// Tuning knobs; the defaults are what the evaluation set in `Tests/StoryEvaluation` was
    /// measured with.
    public struct Settings: Sendable, Hashable {
        public var window: TimeInterval = 72 * 3600
        public var sameLanguageThreshold = 0.12
        /// The share of `sameLanguageThreshold` the item's words must reach against the story's
        /// without the aliases its rule matched it by: a Syria desk's rule selects every report on
        /// Syria and Israel, so sharing those alone says nothing about which story a report tells.
        public var distinctShare = 0.25
        public var crossLanguageThreshold = 0.33
        /// Alias concepts (not months or numbers) an item must share with an other-language story.
        public var minimumSharedConcepts = 2
        /// Concepts and numbers (not months) it must share: two common names alone are weak evidence.
        public var minimumSharedAnchors = 3
        /// A short report that names nothing the story does not — every concept and number of it
        /// is the story's, `minimumSharedConcepts` of them at least, and one of those not an alias
        /// its rule matched it by — needs no more anchors while the story is live: its last report
        /// at most this long before. A flash or a reaction names few things; its story names them
        /// all. The rule's own aliases (Syria, for a Syria desk) do not count as that one.
        public var liveStoryWindow: TimeInterval = 6 * 3600
        /// Weight of a concept or number relative to a word of the same rarity.
        public var interlingualBoost: Float = 1.5
        /// How many of the item's rarest features fetch candidate stories.
        public var probeFeatures = 12
        /// How many of the most recent stories per feature are compared.
        public var candidatesPerFeature = 48
        /// How many of the best-ranked candidates get a full similarity.
        public var rescoredCandidates = 12
        /// Features kept per story and language (the heaviest).
        public var maximumStoryFeatures = 600
        /// Reports of one event come within hours of each other; two events on the same actors, a
        /// day or more apart. A story whose last report is older than `staleAfter` is harder to
        /// join: the item's margin over the threshold is multiplied by
        /// exp(−(age − `staleAfter`) / `staleDecay`), so a story quiet for a day needs about twice
        /// the similarity.
        public var staleAfter: TimeInterval = 6 * 3600
        public var staleDecay: TimeInterval = 24 * 3600
        /// `staleDecay` for a report whose title opens as commentary (`StoryFeatures.commentary`:
        /// "Analysis: …", "Explainer: …", "What…", "قراءة: …", "ماذا…"), which no new name bars
        /// either (`newNameBarsAfter`): the next day's analysis of a visit recalls the visit and
        /// the names around it, and reports no new event. Nil treats it as any report.
        public var commentaryDecay: TimeInterval? = 48 * 3600
        /// A name outside the alias sets (`NameKey`) the item shares with a story counts as a shared
        /// concept and anchor when few of the window's reports have it: at most this share of them,
        /// or `rareNameMinimum`, whichever is more. A rare place or person, shared, ties two
        /// reports as an alias does; a name every other report carries does not. While the story is
        /// live (`liveStoryWindow`), a shared rare name counts as two concepts and
        /// `liveRareNameAnchors` anchors: a report in the same hours naming the same village (Atmeh,
        /// أطمة) tells the same event.
        public var rareNameShare = 0.005
        public var rareNameMinimum = 10
        /// The anchors a shared rare name counts for while the story is live: with three, the rare
        /// name alone meets `minimumSharedAnchors`, so a report of the same hours naming the same
        /// place (Jableh, Hasaka) joins although it names an alias the story has not (Israel).
        public var liveRareNameAnchors = 3
        /// The concepts-and-names threshold when the item shares a rare name with a live story
        /// (instead of `crossLanguageThreshold`): the story's other names and concepts, which a
        /// short report does not repeat, weigh less against it.
        public var liveNameThreshold = 0.25
        /// The same when it shares two rare names or more with the live story: two places or people
        /// few other reports of the window name (a visiting minister and his country; a town and
        /// its province) tell the same event, however many names and figures of its own the report
        /// adds (the next morning's pledges in euros, scholarships and buses).
        public var liveNamesThreshold = 0.10
        /// The alias concepts a short report needs when everything it names (concepts and numbers)
        /// is a live story's and at least one of them is not an alias its rule matched it by: one
        /// (the governor of Idlib, the day Idlib's camps flooded), where other reports need
        /// `minimumSharedConcepts`.
        public var containedSharedConcepts = 1
        /// A live story (`liveStoryWindow`) that shares `minimumRareWords` rare words with the item
        /// — content words, not aliases its rule matched it by, that at most `rareWordShare` of the
        /// window's reports have, or `rareWordMinimum`, whichever is more — needs only
        /// `liveWordThreshold` in the item's language: freely written reports of one event in the
        /// same hours share few words, but those few are rare (salaries, wages; tents, flooding).
        public var liveWordThreshold = 0.10
        public var minimumRareWords = 2
        public var rareWordShare = 0.002
        public var rareWordMinimum = 3
        /// A report that names a rare name (`rareNameShare`) a story has never named — in its title,
        /// or a town, base or quarter of Syria (`PlaceNames.Area`) anywhere — does not join it once
        /// the story has been quiet this long: the next day's strike on another town, or the next
        /// meeting in another city, is another event, even when its report recalls the last one ("a
        /// day after the raid near Homs"). A name new only to the body that is no such place (a
        /// capital, a region, a person) does not bar: the next day's explainer of a bridge names the
        /// city its road leads to. Nil turns it off.
        public var newNameBarsAfter: TimeInterval? = 12 * 3600
        /// A report that clears the threshold of two or more live stories (`liveStoryWindow`) that
        /// started within `mergeSpan` of each other ties them: they are one event that began as
        /// two stories (an English and an Arabic report in the same minutes, each sharing too
        /// little with the other), and the younger fold into the oldest. Stories that started
        /// further apart stay apart — the next day's event on the same actors. Nil turns it off.
        public var mergeSpan: TimeInterval? = 12 * 3600
        /// An Arabic word gives a name key only once an English report has used it (`StoryFeatures`),
        /// so an Arabic report that names a place first (تدمر) would never meet the English reports
        /// that name it after (Tadmur). A story keeps the keys of its Arabic titles' words, and an
        /// item's rare name found among them counts as shared.
        public var unconfirmedNames = true
        /// A report whose title names places of Syria (`PlaceNames.Area`) only in areas where the
        /// story's titles named none does not join it — another place, another event — unless it
        /// shares a rare name that is no such place with it (Baghdad, for talks there about places
        /// in two areas). False turns it off.
        public var placesApart = true
        /// A report that names a place of Syria below its area's own name (`PlaceNames.Area`: a
        /// town, a base, a quarter) that a story in its language named in the last
        /// `placeWordWindow` needs only this in its language instead of `sameLanguageThreshold`:
        /// the morning's report of the night's strike on the same air base, or of the tankers in
        /// the town whose water was cut, shares the place and little wording; so does the next
        /// day's report from the camps around the same town (the story's quiet hours still weigh
        /// against it, `staleAfter`). Nil turns it off.
        public var placeWordThreshold: Double? = 0.06
        public var placeWordWindow: TimeInterval = 24 * 3600

        public init() {}
    }

    struct Story: Sendable {
        var id: String
        var first: Double
        var last: Double
        var centroids: [String: [UInt64: Float]] = [:]
        var norms: [String: Float] = [:]
        var interlingual: [UInt64: Float] = [:]
        var interlingualNorm: Float = 0
        var members = 0
        /// Ids of the stories folded into this one.
        var folded: [String] = []
        /// Name keys of its Arabic titles' words that were not known as names (`StoryFeatures`).
        var unconfirmedKeys: Set<UInt64> = []
        /// The areas of the places its reports' titles named (`StoryFeatures.areas`).
        var areas: UInt32 = 0
    }

    struct Member: Sendable {
        var time: Double
        var slot: Int
        var hashes: [UInt64]
        var duplicateSequence: Int
    }

    public let settings: Settings
    public let concepts: StoryConcepts
    private var stories: [Int: Story] = [:]
    private var slotByID: [String: Int] = [:]
    private var nextSlot = 0
    private var members: [Member] = []
    private var head = 0
    private var documentFrequency: [UInt64: Int32] = [:]
    private var postings: [UInt64: [Int]] = [:]
    private var insertsSinceCompaction = 0
    private var duplicates = NearDuplicateIndex()
    /// Slots of folded stories, to the slot of the story they were folded into.
    private var forwarding: [Int: Int] = [:]
    /// The newest item time seen: the window ends here.
    private var clock = -Double.infinity

    public init(concepts: StoryConcepts = StoryConcepts(), settings: Settings = Settings()) {
        self.concepts = concepts
        self.settings = settings
    }

    /// Items in the window.
    public var itemCount: Int { members.count - head }
    /// Stories with a report in the window.
    public var storyCount: Int { stories.count }

    /// Assigns `item` to a story and remembers it.
    public mutating func assign(_ item: StoryItem) -> StoryAssignment {
        assign(item, into: nil)
    }

    /// Puts `item` into the story `storyID` whatever its similarity, as when rebuilding the window
    /// from what was recorded before.
    public mutating func restore(_ item: StoryItem, storyID: String) {
        _ = assign(item, into: storyID)
    }

    private mutating func assign(_ item: StoryItem, into forced: String?) -> StoryAssignment {
        let features = StoryFeatures(
            title: item.title, body: item.body, concepts: concepts, knownName: { documentFrequency[$0] != nil })
        let fingerprint = TextFingerprint(
            link: item.link, words: features.words, titleWordCount: features.titleWordCount)
        let time = item.time.timeIntervalSince1970
        advance(to: time)
        let weights = weigh(features)
        var slot: Int
        var assignment: StoryAssignment
        if let forced {
            slot = slotByID[forced] ?? newStory(id: forced, time: time)
            assignment = StoryAssignment(storyID: forced, reason: .similar, score: 0, language: features.language)
        } else if let copied = duplicates.duplicate(of: fingerprint).map(resolve), let story = stories[copied],
            story.last >= time - settings.window
        {
            slot = copied
            assignment = StoryAssignment(storyID: story.id, reason: .copy, score: 1, language: features.language)
        } else if let (best, score, reason, others) = bestStory(
            features, weights: weights, time: time,
            ruleConcepts: Set(item.ruleConcepts.map { StoryHash.fnv64("c:" + $0) }))
        {
            slot = best
            var merged: [String] = []
            if !others.isEmpty {
                // The report ties live stories together: the younger ones fold into the oldest.
                let all = ([best] + others).sorted { (stories[$0]?.first ?? 0, $0) < (stories[$1]?.first ?? 0, $1) }
                slot = all[0]
                for other in all.dropFirst() {
                    if let id = stories[other]?.id { merged.append(id) }
                    fold(other, into: slot)
                }
            }
            assignment = StoryAssignment(
                storyID: stories[slot]?.id ?? "", reason: reason, score: score, language: features.language)
            assignment.merged = merged
        } else {
            let id = "s" + String(StableHash.hex128(item.key).prefix(15))
            slot = slotByID[id] ?? newStory(id: id, time: time)
            assignment = StoryAssignment(storyID: id, reason: .new, score: 0, language: features.language)
        }
        add(features, weights: weights, to: slot, time: time)
        let sequence = duplicates.insert(fingerprint, value: slot)
        members.append(Member(time: time, slot: slot, hashes: features.hashes, duplicateSequence: sequence))
        for hash in features.hashes { documentFrequency[hash, default: 0] += 1 }
        return assignment
    }

    private mutating func newStory(id: String, time: Double) -> Int {
        let slot = nextSlot
        nextSlot += 1
        stories[slot] = Story(id: id, first: time, last: time)
        slotByID[id] = slot
        return slot
    }

    /// IDF weight of each feature, from the window's document frequencies before this item.
    private func weigh(_ features: StoryFeatures) -> [Float] {
        let documents = Float(itemCount + 1)
        return features.hashes.enumerated().map { index, hash in
            let frequency = Float(documentFrequency[hash] ?? 0)
            let idf = logf((documents + 1) / (frequency + 1)) + 1
            // Name keys weigh as words: the name's word is a feature too.
            let boosted = index < features.nameIndices.lowerBound
            return boosted ? idf * settings.interlingualBoost : idf
        }
    }

    private func bestStory(
        _ features: StoryFeatures, weights: [Float], time: Double, ruleConcepts: Set<UInt64>
    ) -> (slot: Int, score: Double, reason: StoryAssignment.Reason, others: [Int])? {
        // Candidates: recent stories holding one of the item's rarest features that the window has
        // seen (an unseen word finds nothing, however rare).
        let probes = features.hashes.indices.filter { documentFrequency[features.hashes[$0]] != nil }
            .sorted { weights[$0] > weights[$1] }.prefix(settings.probeFeatures)
        // Each candidate's share of the probe weight ranks them; only the best few get a full cosine.
        var overlap: [Int: Float] = [:]
        overlap.reserveCapacity(probes.count * settings.candidatesPerFeature)
        for index in probes {
            guard let list = postings[features.hashes[index]] else { continue }
            let weight = weights[index]
            for slot in list.suffix(settings.candidatesPerFeature) { overlap[slot, default: 0] += weight }
        }
        let candidates = overlap.sorted { $0.value > $1.value }.prefix(settings.rescoredCandidates).map(\.key)
        guard !candidates.isEmpty else { return nil }
        let rareName = Int32(max(Double(settings.rareNameMinimum), settings.rareNameShare * Double(itemCount)))
        let rareWord = Int32(max(Double(settings.rareWordMinimum), settings.rareWordShare * Double(itemCount)))
        var itemNorm: Float = 0
        var interlingualNorm: Float = 0
        for (index, weight) in weights.enumerated() {
            itemNorm += weight * weight
            if index < features.interlingualCount { interlingualNorm += weight * weight }
        }
        itemNorm = itemNorm.squareRoot()
        interlingualNorm = interlingualNorm.squareRoot()
        var best: (slot: Int, score: Double, reason: StoryAssignment.Reason, margin: Double)?
        var tied: [Int] = []
        for slot in candidates {
            guard let story = stories[slot], story.last >= time - settings.window,
                story.first <= time + settings.window
            else { continue }
            // A report whose title names places only in other areas than the story's titles tells of
            // another place: the delegation at Hmeimim is not the strike on Dumayr, however many
            // words (air base, military, ministry) the two share. Unless it shares a rare name that
            // is no such place: talks in Baghdad touch the al-Hol camp and the Albu Kamal crossing.
            let apart =
                settings.placesApart && features.areas != 0 && story.areas != 0 && features.areas & story.areas == 0
            var sharedNames = 0
            // Two ways in; the better margin over its threshold counts. The item's words against the
            // story's reports in its language; and, whatever the languages, the concepts and numbers
            // it shares with the whole story (a report in other words still names the same people,
            // places and figures).
            var score = 0.0
            var reason = StoryAssignment.Reason.similar
            var margin = 0.0
            if let centroid = story.centroids[features.language], let norm = story.norms[features.language] {
                var dot: Float = 0
                var distinct: Float = 0
                var rareWords = 0
                var sharedPlace = false
                for (index, hash) in features.hashes.enumerated() {
                    if let value = centroid[hash] {
                        dot += value * weights[index]
                        if features.nameIndices.contains(index), PlaceNames.areas[hash] != nil { sharedPlace = true }
                        if index >= features.conceptCount || !ruleConcepts.contains(hash) {
                            distinct += value * weights[index]
                            if index >= features.interlingualCount, documentFrequency[hash] ?? 0 <= rareWord {
                                rareWords += 1
                            }
                        }
                    }
                }
                score = Double(dot / max(norm * itemNorm, .leastNormalMagnitude))
                let distinctScore = Double(distinct / max(norm * itemNorm, .leastNormalMagnitude))
                if distinctScore >= settings.distinctShare * settings.sameLanguageThreshold {
                    margin = score / settings.sameLanguageThreshold
                    // A story reported in the last hours that shares rare words: its own wording (the
                    // pay rise's salaries and wages, no alias, no name) is the evidence left.
                    if rareWords >= settings.minimumRareWords, time - story.last <= settings.liveStoryWindow {
                        margin = max(margin, score / settings.liveWordThreshold)
                    }
                    // The same town or base named in the last day: half the wording is enough.
                    if sharedPlace, let threshold = settings.placeWordThreshold,
                        time - story.last <= settings.placeWordWindow
                    {
                        margin = max(margin, score / threshold)
                    }
                }
            }
            if interlingualNorm > 0, story.interlingualNorm > 0 {
                var dot: Float = 0
                var concepts = 0
                var beyondRule = 0
                var anchors = 0
                var rareNames = 0
                let names = features.nameIndices
                for index in 0..<features.interlingualCount {
                    if let value = story.interlingual[features.hashes[index]] {
                        dot += value * weights[index]
                        if index < features.conceptCount {
                            concepts += 1
                            if !ruleConcepts.contains(features.hashes[index]) { beyondRule += 1 }
                        }
                        if index < features.anchorCount { anchors += 1 }
                        if names.contains(index), documentFrequency[features.hashes[index]] ?? 0 <= rareName {
                            rareNames += 1
                            if PlaceNames.areas[features.hashes[index]] == nil { sharedNames += 1 }
                        }
                    }
                }
                if settings.unconfirmedNames, !story.unconfirmedKeys.isEmpty {
                    // A rare name of the item that the story's Arabic titles wrote before any English
                    // report had named it: shared, as though the story had named it once.
                    for index in names where story.interlingual[features.hashes[index]] == nil {
                        let hash = features.hashes[index]
                        if story.unconfirmedKeys.contains(hash), documentFrequency[hash] ?? 0 <= rareName {
                            rareNames += 1
                            sharedNames += 1
                            dot += weights[index] * weights[index]
                        }
                    }
                }
                let live = time - story.last <= settings.liveStoryWindow
                let contained = anchors == features.anchorCount && beyondRule + rareNames >= 1 && live
                // A shared rare name is worth two concepts and `liveRareNameAnchors` anchors while the
                // story is live.
                let named = anchors + rareNames * (live ? settings.liveRareNameAnchors : 1)
                let enoughConcepts =
                    concepts + rareNames * (live ? 2 : 1) >= settings.minimumSharedConcepts
                    || (contained && beyondRule >= 1 && concepts >= settings.containedSharedConcepts)
                if enoughConcepts, named >= settings.minimumSharedAnchors || contained {
                    let conceptScore = Double(dot / (story.interlingualNorm * interlingualNorm))
                    let threshold =
                        switch (live, rareNames) {
                        case (true, 2...): min(settings.crossLanguageThreshold, settings.liveNamesThreshold)
                        case (true, 1): min(settings.crossLanguageThreshold, settings.liveNameThreshold)
                        default: settings.crossLanguageThreshold
                        }
                    if conceptScore / threshold > margin {
                        score = conceptScore
                        margin = conceptScore / threshold
                        reason = story.centroids[features.language] == nil ? .crossLanguage : .concepts
                    }
                }
            }
            let quiet = time - story.last - settings.staleAfter
            if quiet > 0 {
                // Commentary (an analysis, an explainer) comes a day after its event and recalls
                // the names around it; it tells of no new event, so no new name bars it.
                let commentaryDecay = features.commentary ? settings.commentaryDecay : nil
                margin *= exp(-quiet / (commentaryDecay ?? settings.staleDecay))
                if margin >= 1, commentaryDecay == nil, let bar = settings.newNameBarsAfter, time - story.last >= bar,
                    Self.namesAnew(features, story: story, rareName: rareName, frequency: documentFrequency)
                {
                    margin = 0
                }
            }
            if apart, sharedNames == 0 { margin = 0 }
            if margin >= 1, margin > best?.margin ?? 0 { best = (slot, score, reason, margin) }
            if margin >= 1, settings.mergeSpan != nil, time - story.last <= settings.liveStoryWindow {
                tied.append(slot)
            }
        }
        guard let best else { return nil }
        let start = stories[best.slot]?.first ?? time
        let span = settings.mergeSpan ?? 0
        let others = tied.filter { $0 != best.slot && abs((stories[$0]?.first ?? -.infinity) - start) <= span }
        return (best.slot, best.score, best.reason, others)
    }

    /// The slot a folded story's slot now stands for.
    private func resolve(_ slot: Int) -> Int {
        var slot = slot
        while let next = forwarding[slot] { slot = next }
        return slot
    }

    /// The id of the story that `id` names now: itself, or the story it was folded into; nil once
    /// the story has left the window.
    public func currentStoryID(_ id: String) -> String? {
        slotByID[id].flatMap { stories[$0]?.id }
    }

    /// Folds the story `id` into the story `survivor`, as another process's window did (a report
    /// tied them there): nothing happens if either has left the window or they are one story already.
    public mutating func fold(_ id: String, into survivor: String) {
        guard let slot = slotByID[id].map(resolve), let kept = slotByID[survivor].map(resolve), slot != kept else {
            return
        }
        fold(slot, into: kept)
    }

    /// Folds the story at `slot` into the one at `survivor`: their reports, sums and names become one
    /// story's, under the survivor's id; the folded id names the survivor from now on.
    private mutating func fold(_ slot: Int, into survivor: Int) {
        guard slot != survivor, let folded = stories.removeValue(forKey: slot),
            var story = stories.removeValue(forKey: survivor)
        else { return }
        var added = Set<UInt64>()
        for centroid in folded.centroids.values {
            for hash in centroid.keys where added.insert(hash).inserted {
                if story.interlingual[hash] == nil, !story.centroids.values.contains(where: { $0[hash] != nil }) {
                    postings[hash, default: []].append(survivor)
                }
            }
        }
        for (language, centroid) in folded.centroids {
            var sum = story.centroids[language] ?? [:]
            for (hash, value) in centroid { sum[hash, default: 0] += value }
            sum = bounded(sum)
            story.centroids[language] = sum
            story.norms[language] = sum.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
        for (hash, value) in folded.interlingual { story.interlingual[hash, default: 0] += value }
        story.interlingualNorm = story.interlingual.values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        story.first = min(story.first, folded.first)
        story.last = max(story.last, folded.last)
        story.members += folded.members
        story.unconfirmedKeys.formUnion(folded.unconfirmedKeys)
        story.areas |= folded.areas
        story.folded += [folded.id] + folded.folded
        for id in [folded.id] + folded.folded { slotByID[id] = survivor }
        forwarding[slot] = survivor
        stories[survivor] = story
    }

    /// Whether the item names a rare name (a key of `NameKey`, at most `rareName` reports of the
    /// window) that the story does not have.
    private static func namesAnew(
        _ features: StoryFeatures, story: Story, rareName: Int32, frequency: [UInt64: Int32]
    ) -> Bool {
        for index in features.nameIndices {
            let hash = features.hashes[index]
            // In the body, only a town, base or quarter of Syria is another event's place: a
            // capital, a region, a country or a person there is what the story touches (the road
            // from Deir ez-Zor's bridge to Hasakah).
            if !features.titleNameIndices.contains(index), PlaceNames.areas[hash] == nil { continue }
            if story.interlingual[hash] == nil, frequency[hash] ?? 0 <= rareName { return true }
        }
        return false
    }

    private mutating func add(_ features: StoryFeatures, weights: [Float], to slot: Int, time: Double) {
        guard var story = stories[slot] else { return }
        stories[slot] = nil  // edit in place without a copy
        story.first = min(story.first, time)
        story.last = max(story.last, time)
        story.members += 1
        if settings.unconfirmedNames { story.unconfirmedKeys.formUnion(features.unconfirmedTitleKeys) }
        story.areas |= features.areas
        var centroid = story.centroids.removeValue(forKey: features.language) ?? [:]
        var normSquared = (story.norms[features.language] ?? 0) * (story.norms[features.language] ?? 0)
        for (index, hash) in features.hashes.enumerated() {
            let weight = weights[index]
            let old = centroid[hash] ?? 0
            if old == 0 && story.interlingual[hash] == nil { postings[hash, default: []].append(slot) }
            centroid[hash] = old + weight
            normSquared += (old + weight) * (old + weight) - old * old
            if index < features.interlingualCount {
                let before = story.interlingual[hash] ?? 0
                story.interlingual[hash] = before + weight
                story.interlingualNorm =
                    (story.interlingualNorm * story.interlingualNorm
                    + (before + weight) * (before + weight) - before * before).squareRoot()
            }
        }
        if centroid.count > settings.maximumStoryFeatures {
            centroid = bounded(centroid)
            normSquared = centroid.values.reduce(0) { $0 + $1 * $1 }
        }
        story.centroids[features.language] = centroid
        story.norms[features.language] = normSquared.squareRoot()
        stories[slot] = story
        insertsSinceCompaction += 1
    }

    /// A story's sum in one language with at most `maximumStoryFeatures` features: past that, the
    /// heaviest three quarters are kept, so a long-running story's sum stays bounded.
    private func bounded(_ centroid: [UInt64: Float]) -> [UInt64: Float] {
        guard centroid.count > settings.maximumStoryFeatures else { return centroid }
        let kept = centroid.sorted { $0.value > $1.value }.prefix(settings.maximumStoryFeatures * 3 / 4)
        return Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
    }

    /// Moves the window's end to `time` and forgets what fell out of it.
    private mutating func advance(to time: Double) {
        guard time > clock else { return }
        clock = time
        let horizon = time - settings.window
        var lastSequence: Int?
        while head < members.count, members[head].time < horizon {
            for hash in members[head].hashes {
                if let frequency = documentFrequency[hash] {
                    documentFrequency[hash] = frequency > 1 ? frequency - 1 : nil
                }
            }
            lastSequence = members[head].duplicateSequence
            let slot = resolve(members[head].slot)
            if let story = stories[slot], story.last < horizon {
                // Its last report is leaving: the story is closed. Posting entries go at compaction.
                close(slot)
            }
            members[head].hashes = []
            head += 1
        }
        if let lastSequence { duplicates.evict(upTo: lastSequence) }
        if head >= 1024 && head * 2 >= members.count {
            members.removeFirst(head)
            head = 0
        }
        if insertsSinceCompaction >= max(4096, itemCount / 2) {
            compact(horizon: horizon)
        }
    }

    /// Forgets the story at `slot`, and its id and the ids of the stories folded into it.
    private mutating func close(_ slot: Int) {
        guard let story = stories.removeValue(forKey: slot) else { return }
        slotByID[story.id] = nil
        for id in story.folded { slotByID[id] = nil }
    }

    /// Drops stories whose last report left the window, and their posting entries.
    private mutating func compact(horizon: Double) {
        insertsSinceCompaction = 0
        for (slot, story) in stories where story.last < horizon { close(slot) }
        forwarding = forwarding.filter { stories[resolve($0.value)] != nil }
        postings = postings.compactMapValues { list in
            let live = list.filter { stories[$0] != nil }
            return live.isEmpty ? nil : live
        }
    }
}

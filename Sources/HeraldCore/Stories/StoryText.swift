/// What the story layer reads of an item: its words, reduced to hashed features.
///
/// - **terms**: content words (stop words dropped, Arabic proclitics and plural, dual, feminine
///   and relative endings stripped, English plural and verb endings trimmed), each `t:` + stem;
/// - **concepts**: alias-set names found in the text (`StoryConcepts`), shared across languages;
/// - **numbers**: digit runs of two or more digits (days, counts, years), also language-free;
/// - **names**: for a name outside the alias sets — an English word capitalised inside a
///   sentence, or an Arabic word whose key an English name in the window already had — its
///   spelling-free key (`NameKey`), `k:` + key, besides its word.
///
/// Concepts, numbers, months and names are *interlingual*: they are what an Arabic and an English
/// report of one event can have in common.
public struct StoryFeatures: Sendable, Hashable {
    /// Distinct feature hashes: the alias concepts first (`conceptCount`), then numbers (with the
    /// concepts, `anchorCount`), then months and name keys (with all before,
    /// `interlingualCount`), then words.
    public var hashes: [UInt64]
    public var interlingualCount: Int
    /// How many of `hashes` are alias concepts (not months, not numbers): what a cross-language
    /// join must share.
    public var conceptCount: Int
    /// Concepts and numbers: what ties an item to an other-language story.
    public var anchorCount: Int
    /// How many of `hashes`, the last of the interlingual ones, are name keys (`NameKey`): names
    /// outside the alias sets, weighed as words.
    public var nameCount: Int
    /// Where the name keys are in `hashes`.
    public var nameIndices: Range<Int> { (interlingualCount - nameCount)..<interlingualCount }
    /// How many of the name keys, the first, the title gave.
    public var titleNameCount = 0
    /// Where the title's name keys are in `hashes`.
    public var titleNameIndices: Range<Int> {
        (interlingualCount - nameCount)..<(interlingualCount - nameCount + titleNameCount)
    }
    /// `ar` when most words are in Arabic script, else `en`.
    public var language: String
    /// The folded words of the text, for the near-duplicate layer.
    public var words: [String]
    /// How many of `words` belong to the title.
    public var titleWordCount: Int
    /// The name keys of the Arabic title's words (as written and without proclitics) that no
    /// English report had given yet, so that were not taken as names: a story keeps them, and an
    /// English report that names the place later (Tadmur, after تدمر) can still meet it.
    public var unconfirmedTitleKeys: [UInt64] = []
    /// The areas of Syria (`PlaceNames.Area`, one bit each) of the places its title names below an
    /// area's own name: a town, a base, a crossing, a quarter. A headline says where the event is;
    /// the body may name other places it touches (a camp the talks in Baghdad were about). Two
    /// reports whose titles name places only in different areas (Dumayr and Hmeimim) tell of
    /// different places.
    public var areas: UInt32 = 0
    /// Whether the title opens as commentary on news rather than news (`CommentaryLabels`:
    /// Analysis, Explainer, What…, Why…; قراءة, تحليل, ماذا, لماذا): written a day after the event,
    /// about it, rather than of a new one.
    public var commentary = false

    /// `knownName` says whether a name key (`NameKey`) has been seen in an English name: only
    /// then does an Arabic word of that key count as a name.
    public init(
        title: String, body: String, concepts: StoryConcepts, knownName: (UInt64) -> Bool = { _ in false }
    ) {
        let titleTokens = Tokenizer.tokens(in: title)
        let bodyTokens = Tokenizer.tokens(in: body)
        let titleWords = titleTokens.map(\.text)
        let bodyWords = bodyTokens.map(\.text)
        words = titleWords + bodyWords
        titleWordCount = titleWords.count
        let capitalised = NameKey.capitalised(titleTokens, in: title) + NameKey.capitalised(bodyTokens, in: body)
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
        var names: [UInt64] = []
        var keyBuffer: [UInt8] = []
        var areas: UInt32 = 0
        keyBuffer.reserveCapacity(32)
        var seen = Set<UInt64>()
        var index = 0
        var titleNames = 0
        while index < words.count {
            if index <= titleWordCount { titleNames = names.count }
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
                let hash = NumberWords.feature(value)
                if seen.insert(hash).inserted { numbers.append(hash) }
                continue
            }
            // Number words and stop words are looked up by hash: comparing Strings costs a
            // normalisation check each.
            let wordHash = StoryHash.fnv64(word)
            let stemHash = stem == word ? wordHash : StoryHash.fnv64(stem)
            // An Arabic teen is two words, a unit and ten (ثلاثة عشر, خمس عشرة): the number is
            // the sum, not the ten.
            if index < words.count, ArabicClitics.isArabic(word),
                let unit = NumberWords.units[wordHash] ?? NumberWords.units[stemHash],
                NumberWords.tens.contains(StoryHash.fnv64(words[index]))
            {
                index += 1
                let hash = NumberWords.feature(unit + 10)
                if seen.insert(hash).inserted { numbers.append(hash) }
                continue
            }
            // A number written as a word (ten, عشرة; thirty, ثلاثين) is the number: the other
            // language's report may write it in digits or in words of its own.
            if let hash = NumberWords.features[wordHash] ?? NumberWords.features[stemHash] {
                if seen.insert(hash).inserted { numbers.append(hash) }
                continue
            }
            let isArabicWord = ArabicClitics.isArabic(word)
            let isContent =
                stem.unicodeScalars.count >= 3 && !StopWords.hashes.contains(wordHash)
                && !StopWords.hashes.contains(stemHash)
            // A place of the built-in gazetteer (`PlaceNames`: تدمر, حلب; Deir ez-Zor, دير الزور)
            // is a name whatever the window has seen, and only that: no key of its consonants,
            // which would make the Arabic words of those consonants names (تدمير, destruction, for
            // Tadmur). Looked up before the test of length and stop words: a name may start with
            // a short word (تل أبيض, al-Bab).
            // The words after the first of a name of several (Zor, الزور) are the name too, not words
            // of their own.
            let place =
                isArabicWord
                ? PlaceNames.arabic(
                    hash: wordHash, stemHash: stemHash, next: index < words.count ? words[index] : nil,
                    previousIn: words, stems: stems, at: index - 2, known: knownName)
                : PlaceNames.english(words, at: index - 1, hash: wordHash)
                    ?? (capitalised[index - 1]
                        ? PlaceNames.englishVariant(word, at: index - 1, buffer: &keyBuffer) : nil)
            if let place {
                // A place an alias names is the alias's concept, whichever spelling the report wrote.
                if let concept = concepts.placeConcepts[place.feature] {
                    let hash = StoryHash.fnv64("c:" + concept)
                    if seen.insert(hash).inserted { named.append(hash) }
                } else if seen.insert(place.feature).inserted {
                    names.append(place.feature)
                }
                if index <= titleWordCount { areas |= PlaceNames.areas[place.feature] ?? 0 }
                index = place.end
                continue
            }
            guard isContent else { continue }
            // An Arabic broken plural is its singular's word (ذخائر, ذخيرة: ammunition).
            let hash = StoryHash.fnv64(
                "t:" + (isArabicWord ? Self.arabicStem(BrokenPlurals.singular[stemHash] ?? stem) : stem))
            if seen.insert(hash).inserted { terms.append(hash) }
            // A name outside the alias sets: an English capitalised word, or an Arabic word
            // spelling a name an English report has used, shares its key across the languages.
            if isArabicWord {
                // The word as written or without a proclitic (باكو, whose ب is not one, or القصير).
                let written = NameKey.hash(of: word, arabic: true, buffer: &keyBuffer)
                var name = written.flatMap { knownName($0) ? $0 : nil }
                if name == nil {
                    for spelling in ArabicClitics.stems(of: word) {
                        guard let key = NameKey.hash(of: spelling, arabic: true, buffer: &keyBuffer) else { continue }
                        if knownName(key) {
                            name = key
                            break
                        }
                        if index <= titleWordCount { unconfirmedTitleKeys.append(key) }
                    }
                    if name == nil, index <= titleWordCount, let written { unconfirmedTitleKeys.append(written) }
                }
                if let name, seen.insert(name).inserted { names.append(name) }
                // A name of two words in Arabic (غازي عنتاب) that an English report wrote as one
                // word or two (Gaziantep, Abu Dhabi).
                // The word as written, or without its proclitics (بغازي عنتاب).
                if index < words.count, ArabicClitics.isArabic(words[index]) {
                    var joined = NameKey.joinedHash(word, words[index], arabic: true, buffer: &keyBuffer)
                    if joined.map(knownName) != true, stem != word {
                        joined = NameKey.joinedHash(stem, words[index], arabic: true, buffer: &keyBuffer)
                    }
                    if let joined, knownName(joined), seen.insert(joined).inserted { names.append(joined) }
                }
            } else {
                guard capitalised[index - 1] else { continue }
                if let name = NameKey.hash(of: word, arabic: false, buffer: &keyBuffer), seen.insert(name).inserted {
                    names.append(name)
                }
                // Two capitalised words, or two joined by a particle (Ras al-Ain), are also one name.
                var next = index
                if next + 1 < words.count, NameKey.particles.contains(words[next]) { next += 1 }
                if next < words.count, capitalised[next],
                    let joined = NameKey.joinedHash(word, words[next], arabic: false, buffer: &keyBuffer),
                    seen.insert(joined).inserted
                {
                    names.append(joined)
                }
            }
        }
        hashes = named + numbers + interlingual + names + terms
        conceptCount = named.count
        anchorCount = named.count + numbers.count
        interlingualCount = named.count + numbers.count + interlingual.count + names.count
        nameCount = names.count
        commentary = titleWords.first.map { CommentaryLabels.hashes.contains(StoryHash.fnv64($0)) } ?? false
        titleNameCount = index <= titleWordCount ? names.count : titleNames
        self.areas = areas
    }

    /// A light Arabic suffix stemmer, for a folded word its proclitics are stripped from: the
    /// plural and dual endings (ات ون ين ان), the feminine and relative endings (ية, ة folded to ه,
    /// ي) come off, so that غارة and غارات, إسرائيلية and إسرائيلي, زيادة and الزيادة share a term.
    /// A stem keeps three letters at least.
    static func arabicStem(_ word: String) -> String {
        let bytes = word.utf8
        // Arabic letters are two bytes each in UTF-8; anything else is left alone.
        guard bytes.count >= 8, bytes.count % 2 == 0, bytes.allSatisfy({ $0 >= 0x80 }) else { return word }
        var tail = bytes.index(bytes.endIndex, offsetBy: -4)
        var last: (UInt8, UInt8, UInt8, UInt8) = (bytes[tail], 0, 0, 0)
        tail = bytes.index(after: tail)
        last.1 = bytes[tail]
        tail = bytes.index(after: tail)
        last.2 = bytes[tail]
        last.3 = bytes[bytes.index(after: tail)]
        if bytes.count >= 10 {
            switch last {
            case (0xD8, 0xA7, 0xD8, 0xAA),  // ات
                (0xD9, 0x88, 0xD9, 0x86),  // ون
                (0xD9, 0x8A, 0xD9, 0x86),  // ين
                (0xD8, 0xA7, 0xD9, 0x86),  // ان
                (0xD9, 0x8A, 0xD9, 0x87):  // ية (ة folded to ه)
                return String(decoding: bytes.dropLast(4), as: UTF8.self)
            default: break
            }
        }
        switch (last.2, last.3) {
        case (0xD9, 0x87), (0xD9, 0x8A):  // ة (folded to ه), ي
            return String(decoding: bytes.dropLast(2), as: UTF8.self)
        default: return word
        }
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

/// Places whose names a report may write in either language: general geography built in, as the
/// month names are, so that an English and an Arabic report of one place share a name however
/// each spells it. Each place is a name feature of its own (`p:` and its first English name), given
/// by any of its English spellings, in any case, and by its Arabic name (with or without the
/// article or a proclitic) from the first report. Not a name key: a key would also tie the Arabic
/// words that share its consonants (مسيرة, a drone, and مصر; تدمير, destruction, and تدمر).
///
/// **Which places** (the rule, not a choice by any evaluation's reports):
/// - places of the region whose English name is no spelling of their Arabic one (Palmyra and
///   تدمر, Aleppo and حلب, Kobani and عين العرب), the first table;
/// - the countries of the region and those its news names most, each one name with its people's
///   (Greece, Greek, Greeks, اليونان, اليوناني, اليونانية, and the Arabic plural of the people,
///   اليونانيون, اليونانيين): a report of "Greek and Cypriot ministers" and one of "Greece and
///   Cyprus" name the same two. Left out: English names that are
///   words or names of their own (US, Chad, Georgia, Polish), Oman (عمان is Amman unvowelled) and
///   Morocco (المغرب is also the sunset prayer);
/// - a gazetteer of Syria: the 14 governorates and their capitals; the 65 districts (mintaqa) and
///   their seat towns (Wikipedia's "Districts of Syria"; 64 in, Markaz Rif Dimashq has no seat);
///   the sub-district (nahiya) seats, as OCHA's admin3 list (English and Arabic names, pcodes
///   SY…) and Wikipedia's district pages give them; the main border crossings with Turkey, Iraq,
///   Jordan and Lebanon; the airports and military air bases; the dams of the Euphrates, the
///   Orontes and the Yarmouk; the large quarters of Damascus and Aleppo that the news names
///   often; and the regions the news names as places (the Ghab plain, Eastern and Western Ghouta,
///   Jabal al-Zawiya, the Badia). Each with its common English spellings and its Arabic name as
///   the list writes it; where only the English was found, or the Arabic has three words, the
///   Arabic is left empty.
///
/// **Left out**, because the name is also a common word or another's name: the governorate of Rif
/// Dimashq and its Markaz district (the name is Damascus's countryside), the district of al-Thawrah
/// (الثورة, the revolution; its seat al-Tabqa is in), Damascus's Midan (الميدان, the square),
/// Muhajirin (المهاجرين, the migrants), Dummar (دمر, destroyed), Salihiyah and Malki (الصالحية, a name
/// of many places; المالكي, a surname), Aleppo's Salaheddine (صلاح الدين, a man's name), Sukkari
/// (السكري, diabetes) and Shaar (الشعار, the slogan), the Iraqi side of the Albu Kamal crossing
/// (القائم, the standing), the Nasiriyah air base (an Iraqi city's name too), the 16 Tishreen dam
/// (a month), and the English spellings Duma (the Russian parliament), Harem and Mezze (words of
/// English) and Dar'a (a lone "a" once split). Of the sub-district seats: two Surans (صوران, in
/// Hama and Azaz districts: one name, two towns), Sinjar (Iraq's), al-Nasirah (الناصرة, Nazareth),
/// Sur (صور, Tyre), Susah (سوسة, Sousse), al-Jizah (الجيزة, Giza), al-Mansurah (المنصورة, Egypt's),
/// Hadidah (حديدة: الحديدة is Yemen's Hodeidah), Ayn al-Tinah (عين التينة, a Beirut quarter), al-Hamra
/// (الحمراء, the red; Beirut's), Rabia, Hanadi, Karimah and Dana (names of people), al-Rawda and
/// al-Hamidiyah (names of many places), Shin (شين; an English word), Jasim (جاسم, a man's name in
/// either language), al-Sawda/Khawabi (the list's name for it unclear), Kuweires Sharqi (the air base
/// Kuweires is in), the Arabic of al-Hajar al-Aswad (الحجر الأسود, the Black Stone) and of al-Sura
/// al-Saghira (الصورة الصغيرة, the small picture), since a name of two words is never gated by
/// context, and the lone الغاب (the forest; غاب, he was absent) for the Ghab: سهل الغاب is in. The
/// English spellings Sarin (the nerve agent; Sarrin is in), Raju, Sharan, Shatha, Basira and Hirak
/// (names, or Algeria's movement), Anaza (a tribe) and spellings whose apostrophe leaves a lone
/// syllable (Da'el would make "da" Dael) are left out too.
///
/// **Arabic names that are also common words** give the place only in context: after a word that
/// says what the place is (مدينة, بلدة, قرية, حي, مطار, قاعدة, سد, معبر, منطقة, ريف, ناحية, مخيم,
/// محافظة) or once the window has seen the place named (in English, or in Arabic in context) — as
/// an Arabic word gives a name key only once an English report has used it. They are حماة
/// (protectors), درعا (a shield), دوما (always), التل (the hill), الباب (the door), السفيرة (the
/// ambassador), الميادين (the squares), السلمية (peaceful), المالكية (the Maliki), القصير (the
/// short), الطبقة (the class), الشهباء (Aleppo's byname), كسب (gain), نصيب (a share), العريضة (the
/// petition), الضمير (the conscience), خلخلة (shaking), الجراح (the wounds), التضامن
/// (solidarity), القدم (the foot) and المصنع (the factory); and of the sub-district seats and
/// regions الحاضر (the present), الراعي (the shepherd), بلبل (a nightingale), نبل (nobility),
/// مسكنة (meekness), بنان (fingertips), الحاجب (the eyebrow), الكسوة (clothing), المليحة (the
/// pretty), الرحيبة (the spacious), القريتين (the two villages), مهين (humiliating), صدد (regard),
/// القبو (the cellar), السخنة (the hot), الزيارة (the visit), صبورة (patient), عوج (crooked),
/// دالية (a vine), الفاخورة (the pottery), احسم (decide), العريشة (the arbour), الهول (the
/// horror), كسرة (a crumb), بصيرة (insight), التبني (adoption), هجين (hybrid), الجلاء (the
/// evacuation), الطواحين (the mills), سبة (an insult), السبخة (the salt flat), الكرامة (dignity),
/// سلوك (behaviour), الشجرة (the tree), الحراك (the movement), نوى (he intended), تسيل (flows),
/// المزرعة (the farm), ملح (salt), شقا (toil), العريقة (the ancient), مسعدة (Masada) and البادية
/// (the desert).
///
/// An alias of the config that names the place (`@aleppo`) is matched first and wins, and takes the
/// place's other spellings too (`StoryConcepts.placeConcepts`: Halab is `@aleppo` as well); a desk
/// adds what is missing (a village, a base by its number such as T4) as aliases.
enum PlaceNames {
    struct Place {
        var english: [String]
        var arabic: [String]
        /// Arabic names that are also common words: the place only in context.
        var inContext: [String] = []
        /// Where it lies, for a place of Syria below its area's own name.
        var area: Area?
    }

    static func place(_ english: [String], _ arabic: [String], inContext: [String] = [], in area: Area? = nil)
        -> Place
    {
        Place(english: english, arabic: arabic, inContext: inContext, area: area)
    }

    /// English names (the first names the feature) and Arabic names, without the article.
    static let places: [Place] = [
        // The region: English names that are no spelling of the Arabic.
        place(["Aleppo", "Halab"], ["حلب"]), place(["Damascus", "Dimashq"], ["دمشق"]),
        place(["Latakia", "Lattakia", "Ladhiqiyah"], ["لاذقية"]),
        place(["Palmyra", "Tadmur", "Tadmor"], ["تدمر"], in: .homs),
        place(["Euphrates", "Furat"], ["فرات"]), place(["Tigris"], ["دجلة"]), place(["Golan", "Jawlan"], ["جولان"]),
        place(["Cairo"], ["قاهرة"]),
        place(["Alexandria"], ["إسكندرية"]), place(["Jerusalem"], ["قدس"]), place(["Hebron"], ["خليل"]),
        place(["Bethlehem"], ["بيت لحم"]), place(["Tripoli"], ["طرابلس"]), place(["Sidon", "Saida"], ["صيدا"]),
        place(["Antioch", "Antakya"], ["أنطاكية"]),
        place(["Kobani", "Kobane", "Ain al-Arab", "Ayn al-Arab"], ["عين العرب"], in: .aleppo),
        place(["Hermon"], ["جبل الشيخ"]),

        // Countries, each one name with its people's: a report of "Greek and Cypriot ministers" and
        // one of "Greece and Cyprus" (اليونان وقبرص; اليوناني, القبرصية) name the same two. The
        // Arabic adjective's masculine and feminine are written out; plural peoples in English too.
        place(["Jordan", "Jordanian", "Jordanians"], ["أردن", "أردني", "أردنية"]),
        place(["Egypt", "Misr", "Egyptian", "Egyptians"], ["مصر", "مصري", "مصرية"]),
        place(["Iraq", "Iraqi", "Iraqis"], ["عراق", "عراقي", "عراقية"]),
        place(["Iran", "Iranian", "Iranians"], ["إيران", "إيراني", "إيرانية"]),
        place(["Russia", "Russian", "Russians"], ["روسيا", "روسي", "روسية"]),
        place(["Turkey", "Turkiye", "Türkiye", "Turkish", "Turks"], ["تركيا", "تركي", "تركية"]),
        place(["Lebanon", "Lebanese"], ["لبنان", "لبناني", "لبنانية"]),
        place(["Saudi Arabia", "Saudi", "Saudis"], ["سعودية", "سعودي"]),
        place(["Qatar", "Qatari", "Qataris"], ["قطر", "قطري", "قطرية"]),
        place(["Kuwait", "Kuwaiti", "Kuwaitis"], ["كويت", "كويتي", "كويتية"]),
        place(["United Arab Emirates", "UAE", "Emirati", "Emiratis"], ["إمارات", "إماراتي", "إماراتية"]),
        place(["Bahrain", "Bahraini"], ["بحرين", "بحريني", "بحرينية"]),
        place(["Yemen", "Yemeni", "Yemenis"], ["يمن", "يمني", "يمنية"]),
        place(["Palestine", "Palestinian", "Palestinians"], ["فلسطين", "فلسطيني", "فلسطينية"]),
        place(["Libya", "Libyan", "Libyans"], ["ليبيا", "ليبي", "ليبية"]),
        place(["Sudan", "Sudanese"], ["سودان", "سوداني", "سودانية"]),
        place(["Algeria", "Algerian", "Algerians"], ["جزائر", "جزائري", "جزائرية"]),
        place(["Tunisia", "Tunisian", "Tunisians"], ["تونس", "تونسي", "تونسية"]),
        place(["Cyprus", "Cypriot", "Cypriots"], ["قبرص", "قبرصي", "قبرصية"]),
        place(["Greece", "Greek", "Greeks"], ["يونان", "يوناني", "يونانية"]),
        place(["Azerbaijan", "Azerbaijani", "Azeri", "Azeris"], ["أذربيجان", "أذربيجاني", "أذربيجانية"]),
        place(["Armenia", "Armenian", "Armenians"], ["أرمينيا", "أرمني", "أرمنية"]),
        place(["Kurdistan", "Kurdish", "Kurds"], ["كردستان", "كردي", "كردية", "أكراد"]),
        place(["Germany", "German", "Germans"], ["ألمانيا", "ألماني", "ألمانية"]),
        place(["France", "French"], ["فرنسا", "فرنسي", "فرنسية"]),
        place(["Britain", "United Kingdom", "British"], ["بريطانيا", "بريطاني", "بريطانية", "المملكة المتحدة"]),
        place(["Italy", "Italian", "Italians"], ["إيطاليا", "إيطالي", "إيطالية"]),
        place(["Spain", "Spanish"], ["إسبانيا", "إسباني", "إسبانية"]),
        place(["Netherlands", "Dutch"], ["هولندا", "هولندي", "هولندية"]),
        place(["Austria", "Austrian", "Austrians"], ["النمسا", "نمساوي", "نمساوية"]),
        place(["Sweden", "Swedish"], ["السويد", "سويدي", "سويدية"]),
        place(["Ukraine", "Ukrainian", "Ukrainians"], ["أوكرانيا", "أوكراني", "أوكرانية"]),
        place(["China", "Chinese"], ["الصين", "صيني", "صينية"]),
        place(["Japan", "Japanese"], ["اليابان", "ياباني", "يابانية"]),
        place(["Switzerland", "Swiss"], ["سويسرا", "سويسري", "سويسرية"]),
        place(["Canada", "Canadian", "Canadians"], ["كندا", "كندية"]),
        place(["Belgium", "Belgian", "Belgians"], ["بلجيكا", "بلجيكي", "بلجيكية"]),
        place(["Norway", "Norwegian", "Norwegians"], ["النرويج", "نرويجي", "نرويجية"]),
        place(["Denmark", "Danish"], ["الدنمارك", "دنماركي", "دنماركية"]),
        place(["Kazakhstan", "Kazakh"], ["كازاخستان", "كازاخستاني", "كازاخي"]),
        place(
            ["United States", "American", "Americans"], ["الولايات المتحدة", "أمريكي", "أمريكية", "أميركي", "أميركية"]),

        // Syria's governorates and their capitals (Aleppo, Damascus, Latakia above; Rif Dimashq left out).
        place(["Homs", "Hims"], ["حمص"]), place(["Hama", "Hamah"], [], inContext: ["حماة"]),
        place(["Tartus", "Tartous"], ["طرطوس"]), place(["Idlib", "Idleb"], ["إدلب"]),
        place(["Raqqa", "Raqa", "Rakka", "Raqqah"], ["رقة"]),
        place(
            ["Deir ez-Zor", "Deir al-Zour", "Deir ez-Zour", "Deir al-Zor", "Deir Ezzor", "Dayr az-Zawr", "Deirezzor"],
            ["دير الزور"]),
        place(["Hasakah", "Hasaka", "Hasakeh", "Hassakeh", "Hasseke", "Hassake"], ["حسكة"]),
        place(["Daraa", "Deraa"], [], inContext: ["درعا"]),
        place(["Suwayda", "Sweida", "Suwaida", "Sueida", "Swaida", "Suweida", "Sweyda"], ["سويداء", "سويدا"]),
        place(["Quneitra", "Kuneitra", "Qunaytirah"], ["قنيطرة"]),

        // Districts (mintaqa) and their seats, by governorate.
        // Aleppo (Ain al-Arab is Kobani, above).
        place(["Jebel Saman", "Jabal Saman", "Mount Simeon"], ["جبل سمعان"], in: .aleppo),
        place(["Afrin", "Efrin", "Afreen"], ["عفرين"], in: .aleppo),
        place(["Azaz", "Aazaz", "Izaz"], ["أعزاز"], in: .aleppo),
        place(["al-Bab"], [], inContext: ["باب"], in: .aleppo),
        place(["Jarabulus", "Jarablus", "Jerablus"], ["جرابلس"], in: .aleppo),
        place(["Manbij", "Menbij", "Manbej"], ["منبج"], in: .aleppo),
        place(["Safira", "Safirah", "Sfireh"], [], inContext: ["سفيرة"], in: .aleppo),
        place(["Atarib", "Atareb"], ["أتارب"], in: .aleppo),
        place(["Deir Hafer", "Dayr Hafir", "Deir Hafir"], ["دير حافر"], in: .aleppo),
        // Rif Dimashq (its Markaz district has no seat of its own).
        place(["Douma"], [], inContext: ["دوما"], in: .damascus),
        place(["Qutayfah", "Qutaifah", "Qteifeh"], ["قطيفة"], in: .damascus),
        place(["al-Tall"], [], inContext: ["تل"], in: .damascus),
        place(["Darayya", "Daraya"], ["داريا"], in: .damascus),
        place(["Qatana", "Katana", "Qatanah"], ["قطنا"], in: .damascus),
        place(["Yabroud", "Yabrud"], ["يبرود"], in: .damascus),
        place(["Nabek", "Nabk"], ["نبك"], in: .damascus), place(["Zabadani"], ["زبداني"], in: .damascus),
        place(["Qudsaya", "Qudsayya"], ["قدسيا"], in: .damascus),
        // Daraa.
        place(["Izra", "Izraa", "Ezraa"], ["إزرع"], in: .daraa),
        place(["Sanamayn", "Sanamein", "Sanamain"], ["صنمين"], in: .daraa),
        // Deir ez-Zor.
        place(["Abu Kamal", "Albu Kamal", "Bukamal", "Boukamal", "Abukamal"], ["بوكمال", "أبو كمال"], in: .deirEzZor),
        place(["Mayadin", "Mayadeen"], [], inContext: ["ميادين"], in: .deirEzZor),
        // Hama.
        place(["Masyaf", "Misyaf", "Masiaf"], ["مصياف"], in: .hama),
        place(["Mhardeh", "Mahardah", "Muhradah"], ["محردة"], in: .hama),
        place(["Suqaylabiyah", "Suqaylabiyeh", "Skeilbiyeh"], ["سقيلبية"], in: .hama),
        place(["Salamiyah", "Salamiyeh", "Salamieh", "Salamiya", "Salamiyya"], [], inContext: ["سلمية"], in: .hama),
        // Hasakah.
        place(["Qamishli", "Kamishli", "Qamishlo", "Qameshli"], ["قامشلي"], in: .hasakah),
        place(["Ras al-Ain", "Ras al-Ayn", "Ras Alain", "Serekaniye"], ["رأس العين"], in: .hasakah),
        place(["Malikiyah", "Malikiyeh", "Derik"], [], inContext: ["مالكية"], in: .hasakah),
        // Homs (Tadmur is Palmyra, above).
        place(["Mukharram", "Mukharam"], ["مخرم"], in: .homs),
        place(["Qusayr", "Qusair", "Qseir"], [], inContext: ["قصير"], in: .homs),
        place(["Rastan"], ["رستن"], in: .homs),
        place(["Talkalakh", "Tal Kalakh", "Tell Kalakh"], ["تلكلخ", "تل كلخ"], in: .homs),
        place(["Taldou", "Taldu", "Tal Dou"], ["تلدو"], in: .homs),
        // Idlib.
        place(["Ariha"], ["أريحا"], in: .idlib), place(["Harim"], ["حارم"], in: .idlib),
        place(
            ["Jisr al-Shughur", "Jisr ash-Shughur", "Jisr al-Shoghour", "Jisr al-Shughour"], ["جسر الشغور"], in: .idlib),
        place(
            ["Maarat al-Numan", "Maarrat al-Numan", "Maaret al-Numan", "Maarat al-Nouman"], ["معرة النعمان"], in: .idlib
        ),
        // Latakia.
        place(["Haffa", "Haffah"], ["حفة"], in: .latakia),
        place(["Jableh", "Jabla", "Jebleh", "Jablah"], ["جبلة"], in: .latakia),
        place(["Qardaha", "Qardahah", "Kardaha"], ["قرداحة"], in: .latakia),
        // Quneitra.
        place(["Fiq"], ["فيق"], in: .quneitra),
        // Raqqa (al-Thawrah left out; its seat is al-Tabqa).
        place(["Tell Abyad", "Tal Abyad", "Tel Abyad"], ["تل أبيض"], in: .raqqa),
        place(["Tabqa", "Tabaqa", "Tabqah"], [], inContext: ["طبقة"], in: .raqqa),
        // Suwayda.
        place(["Salkhad"], ["صلخد"], in: .suwayda), place(["Shahba"], [], inContext: ["شهباء", "شهبا"], in: .suwayda),
        // Tartus.
        place(["Baniyas", "Banias", "Banyas"], ["بانياس"], in: .tartus),
        place(["Sheikh Badr", "Shaykh Badr"], ["الشيخ بدر"], in: .tartus),
        place(["Dreikish", "Duraykish", "Draykish"], ["دريكيش"], in: .tartus),
        place(["Safita"], ["صافيتا"], in: .tartus),

        // Sub-district (nahiya) seats, by governorate and district, from OCHA's admin3 list (English
        // and Arabic names, pcodes SY…) and Wikipedia's district pages; the district seats are above.
        // Aleppo: Mount Simeon (Atarib above), al-Bab (Deir Hafer above), Afrin, Azaz, Manbij, Ayn
        // al-Arab, Safira, Jarabulus.
        place(["Tell al-Daman", "Tall al-Daman", "Tal al-Daman", "Tall ed-Daman"], ["تل الضمان"], in: .aleppo),
        place(["Haritan", "Hritan", "Huraytan"], ["حريتان"], in: .aleppo),
        place(["Darat Izza", "Daret Azza", "Darat Azza"], ["دارة عزة"], in: .aleppo),
        place(["Zirbah", "Zarbah", "Zerbeh"], ["زربة"], in: .aleppo),
        place(["al-Hadir", "al-Hader", "al-Hadher"], [], inContext: ["حاضر"], in: .aleppo),
        place(["Tadef", "Tadif", "Tadaf"], ["تادف"], in: .aleppo),
        place(["al-Rai", "ar-Rai"], [], inContext: ["راعي"], in: .aleppo),
        place(["Arima", "Arimah"], ["عريمة"], in: .aleppo), place(["Rasm Haram al-Imam"], [], in: .aleppo),
        place(["Bulbul", "Bilbile"], [], inContext: ["بلبل"], in: .aleppo),
        place(["Jindires", "Jandairis", "Jinderes", "Jandaris"], ["جنديرس"], in: .aleppo),
        place(["Rajo"], ["راجو"], in: .aleppo),
        place(["Sharran", "Sheran"], ["شران"], in: .aleppo),
        place(["Sheikh al-Hadid", "Shaykh al-Hadid", "Sheikh Hadid"], ["شيخ الحديد"], in: .aleppo),
        place(["Maabatli", "Mabatli"], ["معبطلي"], in: .aleppo),
        place(["Akhtarin", "Aghtrin", "Akhtarein"], ["أخترين"], in: .aleppo),
        place(["Tell Rifaat", "Tal Rifaat", "Tall Rifaat", "Tel Rifaat", "Tell Refaat"], ["تل رفعت"], in: .aleppo),
        place(["Marea", "Maarea"], ["مارع"], in: .aleppo),
        place(["Nubl", "Nubbul", "Nabul"], [], inContext: ["نبل"], in: .aleppo),
        place(["Abu Qalqal", "Abu Kalkal"], ["أبو قلقل"], in: .aleppo),
        place(["Khafsah", "Khafsa"], ["خفسة"], in: .aleppo),
        place(["Maskanah", "Maskana", "Meskeneh"], [], inContext: ["مسكنة"], in: .aleppo),
        place(["Shuyukh Tahtani", "Shyookh Tahtani"], ["شيوخ تحتاني"], in: .aleppo),
        place(["Sarrin", "Serrin"], ["صرين"], in: .aleppo),
        place(["Khanasir", "Khanaser", "Khanasser"], ["خناصر"], in: .aleppo),
        place(["Banan"], [], inContext: ["بنان"], in: .aleppo),
        place(["al-Hajib", "al-Hajeb"], [], inContext: ["حاجب"], in: .aleppo),
        place(["Ghandoura", "Ghandura", "Ghandorah"], ["غندورة"], in: .aleppo),
        // Rif Dimashq: Markaz Rif Dimashq (Jaramana and Qudsaya above), Douma (Dumayr below),
        // Qutayfah, al-Tall, Yabroud, Nabek, Zabadani, Qatana, Darayya.
        place(["Kisweh", "Kiswah", "Kiswa"], [], inContext: ["كسوة"], in: .damascus),
        place(["Babbila", "Babila"], ["ببيلا"], in: .damascus),
        place(["al-Malihah", "al-Maliha", "Mleiha", "Mliha"], [], inContext: ["مليحة"], in: .damascus),
        place(["Kafr Batna", "Kfar Batna", "Kafarbatna"], ["كفر بطنا"], in: .damascus),
        place(["Arbin", "Irbin", "Arbeen"], ["عربين"], in: .damascus),
        place(["Harasta"], ["حرستا"], in: .damascus),
        place(["Sabe Biyar", "Sabe Byar", "Saba Biyar"], ["السبع بيار"], in: .damascus),
        place(["Nashabiyah", "Nashabiyeh", "Nashabiyyeh"], ["نشابية"], in: .damascus),
        place(["Ghizlaniyah", "Ghizlaniyyeh", "Ghuzlaniyah"], ["غزلانية"], in: .damascus),
        place(["Harran al-Awamid", "Haran al-Awamid"], ["حران العواميد"], in: .damascus),
        place(["Jirud", "Jayrud", "Jeiroud"], ["جيرود"], in: .damascus),
        place(["Maaloula", "Maalula"], ["معلولا"], in: .damascus),
        place(["Ruhaybah", "Raheiba", "Rhaibeh"], [], inContext: ["رحيبة"], in: .damascus),
        place(["Saidnaya", "Sednaya", "Saydnaya", "Sidnaya"], ["صيدنايا"], in: .damascus),
        place(["Rankous", "Rankus"], ["رنكوس"], in: .damascus),
        place(["Assal al-Ward", "Asal al-Ward", "Esal El-Ward"], ["عسال الورد"], in: .damascus),
        place(["Deir Atiyah", "Deir Attiyeh", "Dayr Atiyah"], ["دير عطية"], in: .damascus),
        place(["al-Dimas"], ["ديماس"], in: .damascus),
        place(["Ain al-Fijah", "Ayn al-Fijah", "Ain Fijeh", "Ein Elfijeh"], ["عين الفيجة"], in: .damascus),
        place(["Madaya"], ["مضايا"], in: .damascus), place(["Serghaya", "Sarghaya"], ["سرغايا"], in: .damascus),
        place(["Beit Jinn", "Beit Jann", "Bayt Jin"], ["بيت جن"], in: .damascus),
        place(["Sasa", "Saasaa"], ["سعسع"], in: .damascus),
        place(["Sahnaya"], ["صحنايا"], in: .damascus), place(["Hajar al-Aswad"], [], in: .damascus),
        // Homs: Homs (Taldou above), Talkalakh, Rastan, Tadmur, Mukharram.
        place(["Khirbet Tin Nur", "Kherbet Tin Noor"], [], in: .homs),
        place(["Ayn al-Niser", "Ain al-Nisr", "Ein Elniser"], ["عين النسر"], in: .homs),
        place(["Furqlus", "Farqalas"], ["فرقلس"], in: .homs), place(["Riqama", "Raqama"], ["رقاما"], in: .homs),
        place(["Qaryatayn", "Qaryatein", "Qaryatain"], [], inContext: ["قريتين"], in: .homs),
        place(["Mahin", "Maheen"], [], inContext: ["مهين"], in: .homs),
        place(["Hisyah", "Hasya", "Hasyaa", "Hisya"], ["حسياء"], in: .homs),
        place(["Sadad"], [], inContext: ["صدد"], in: .homs), place(["Qabu"], [], inContext: ["قبو"], in: .homs),
        place(["Hawash"], ["حواش"], in: .homs), place(["Talbiseh", "Talbisah", "Telbiseh"], ["تلبيسة"], in: .homs),
        place(["Sukhnah", "al-Sukhna", "Sokhneh"], [], inContext: ["سخنة"], in: .homs),
        place(["Jubb al-Jarrah", "Jub al-Jarrah", "Jeb Ej-Jarrah"], ["جب الجراح"], in: .homs),
        // Hama: Hama, Suqaylabiyah, Salamiyah, Masyaf, Mhardeh.
        place(["Harbinafsah", "Harbnafseh", "Harbanifse"], ["حربنفسه"], in: .hama),
        place(["Tell Salhab", "Tall Salhab", "Tal Salhab"], ["تلسلحب"], in: .hama),
        place(["Ziyarah", "Ziyara"], [], inContext: ["زيارة"], in: .hama), place(["Shathah"], ["شطحة"], in: .hama),
        place(["Qalaat al-Madiq", "Qalat al-Madiq", "Qalaat al-Mudiq", "Madiq Castle"], ["قلعة المضيق"], in: .hama),
        place(["Bari Sharqi", "Barri Sharqi", "Eastern Bari"], ["بري شرقي"], in: .hama),
        place(["al-Saan"], ["سعن"], in: .hama),
        place(["Sabburah", "Saboura", "Sabboura"], [], inContext: ["صبورة"], in: .hama),
        place(["Uqayribat", "Oqeirbat", "Aqirbat", "Akeirbat"], ["عقيربات"], in: .hama),
        place(["Jubb Ramlah", "Jeb Ramleh"], ["جب رملة"], in: .hama), place(["Awj"], [], inContext: ["عوج"], in: .hama),
        place(["Ayn Halaqim", "Ain Halaqim", "Ein Halaqim"], ["عين حلاقيم"], in: .hama),
        place(["Wadi al-Uyun", "Wadi al-Oyoun"], ["وادي العيون"], in: .hama),
        place(["Kafr Zita", "Kafr Zeita", "Kafrzita"], ["كفرزيتا"], in: .hama), place(["Karnaz"], ["كرناز"], in: .hama),
        // Latakia: Latakia (Kasab below), Jableh, Haffa, Qardaha.
        place(["Bahluliyah", "Bahlolieh", "Bahlouliyeh"], ["بهلولية"], in: .latakia),
        place(["Ayn al-Bayda", "Ain al-Bayda", "Ein El-Bayda"], ["عين البيضا"], in: .latakia),
        place(["Qastal Maaf"], ["قسطل معاف"], in: .latakia),
        place(["Ayn al-Sharqiyah", "Ain al-Sharqiyah", "Ein Elsharqiyeh"], ["عين الشرقية"], in: .latakia),
        place(["Qutayliba", "Qteilbiyyeh", "Qutailibiyah"], ["قطيلبية"], in: .latakia),
        place(["Ayn Shiqaq", "Ain Shiqaq", "Ein Shaqaq"], ["عين شقاق"], in: .latakia),
        place(["Daliyah", "Dalyeh"], [], inContext: ["دالية"], in: .latakia),
        place(["Beit Yashout", "Bayt Yashut"], ["بيت ياشوط"], in: .latakia),
        place(["Slinfah", "Salanfa", "Slenfeh", "Slunfeh"], ["صلنفة"], in: .latakia),
        place(["Kinsabba", "Kansaba", "Kansabba"], ["كنسبا"], in: .latakia),
        place(["Muzayraa", "Mzeiraa"], ["مزيرعة"], in: .latakia),
        place(["Harf al-Musaytirah", "Harf Elmseitra", "Harf al-Msaytra"], ["حرف المسيترة"], in: .latakia),
        place(["Fakhurah", "Fakhura"], [], inContext: ["فاخورة"], in: .latakia),
        place(["Jobet Burghal", "Jobet Berghal", "Jawbat Burghal"], ["جوبة برغال"], in: .latakia),
        // Idlib: Idlib (Abu al-Duhur and Taftanaz below), Maarat al-Numan, Harim, Jisr al-Shughur, Ariha.
        place(["Binnish", "Binnesh", "Benesh", "Bennsh"], ["بنش"], in: .idlib),
        place(["Saraqib", "Saraqeb"], ["سراقب"], in: .idlib),
        place(
            ["Maarrat Misrin", "Maaret Misrin", "Maarat Misrin", "Maaret Tamsrin"], ["معرة مصرين", "معرة تمصرين"],
            in: .idlib),
        place(["Sarmin", "Sarmeen"], ["سرمين"], in: .idlib),
        place(["Khan Shaykhun", "Khan Sheikhoun", "Khan Shaykhoun", "Khan Sheikhun"], ["خان شيخون"], in: .idlib),
        place(["Kafr Nabl", "Kafranbel", "Kafr Nobol", "Kafrnabel"], ["كفر نبل"], in: .idlib),
        place(["Tamanah", "Tamanaa"], ["تمانعة"], in: .idlib), place(["Hish", "Heish"], ["حيش"], in: .idlib),
        place(["Salqin", "Salqeen"], ["سلقين"], in: .idlib), place(["Kafr Takharim"], ["كفر تخاريم"], in: .idlib),
        place(["Qurqania", "Qourqeena", "Kurkania"], ["قورقينا"], in: .idlib),
        place(["Armanaz"], ["أرمناز"], in: .idlib),
        place(["Badama"], ["بداما"], in: .idlib), place(["Darkush", "Darkoush", "Darkosh"], ["دركوش"], in: .idlib),
        place(["Janudiyah", "Janoudiyeh", "Janudiyeh"], ["جانودية"], in: .idlib),
        place(["Ihsim", "Ehsem", "Ahsim"], [], inContext: ["احسم"], in: .idlib),
        place(["Muhambal", "Mhambal"], ["محمبل"], in: .idlib),
        // Hasakah: Hasakah, Qamishli, Malikiyah (Yarubiyah below), Ras al-Ain.
        place(["Tell Tamer", "Tal Tamr", "Tell Tamr", "Tal Tamer"], ["تل تمر"], in: .hasakah),
        place(["Shaddadi", "Shadadi", "Shaddadeh", "Shadadah"], ["شدادة"], in: .hasakah),
        place(["Markada", "Markadah"], ["مركدة"], in: .hasakah),
        place(["Bir al-Hulu", "Bir al-Helou"], [], in: .hasakah),
        place(["al-Arishah", "al-Arisha", "Areesheh"], [], inContext: ["عريشة"], in: .hasakah),
        place(["al-Hawl", "al-Hol"], [], inContext: ["هول"], in: .hasakah),
        place(["Tell Hamis", "Tal Hamis", "Tal Hmis", "Tell Hmis"], ["تل حميس"], in: .hasakah),
        place(["Amuda", "Amude", "Amouda"], ["عامودا"], in: .hasakah),
        place(["Qahtaniyah", "Qahtaniyeh", "Qahtaniyyeh"], ["قحطانية"], in: .hasakah),
        place(["Jawadiyah", "Jawadiyeh", "Jawadiya"], ["جوادية"], in: .hasakah),
        place(["Darbasiyah", "Darbasiyeh", "Derbasiyah", "Darbasiyya"], ["درباسية"], in: .hasakah),
        // Deir ez-Zor: Deir ez-Zor, Abu Kamal, Mayadin.
        place(["Kisrah", "Kasrah", "Kisreh", "Kesra"], [], inContext: ["كسرة"], in: .deirEzZor),
        place(["Busayrah", "Busaira", "Busayra"], [], inContext: ["بصيرة"], in: .deirEzZor),
        place(["Muhasan", "Muhassan", "Mohasan"], ["موحسن"], in: .deirEzZor),
        place(["Tabni"], [], inContext: ["تبني"], in: .deirEzZor),
        place(["Khasham", "Khosham", "Khusham"], ["خشام"], in: .deirEzZor),
        place(["Hajin", "Hajeen"], [], inContext: ["هجين"], in: .deirEzZor),
        place(["Jalaa"], [], inContext: ["جلاء"], in: .deirEzZor),
        place(["Dhiban", "Thiban", "Diban"], ["ذيبان"], in: .deirEzZor),
        place(["Asharah", "Ashara"], ["عشارة"], in: .deirEzZor),
        // Tartus: Tartus, Baniyas, Safita, Dreikish, Sheikh Badr. Qadmus is a district of OCHA's list
        // (SY1006), a sub-district seat of Baniyas on Wikipedia's.
        place(["Arwad"], ["أرواد"], in: .tartus),
        place(["Khirbet al-Maaza", "Kherbet al-Maaza"], ["خربة المعزة"], in: .tartus),
        place(["Safsafah", "Safsafa"], ["صفصافة"], in: .tartus), place(["Qadmus", "Qadmous"], ["قدموس"], in: .tartus),
        place(["Taleen"], ["تالين"], in: .tartus), place(["al-Annazah", "al-Anazah"], ["عنازة"], in: .tartus),
        place(["Hammam Wasil", "Hamam Wasil"], ["حمام واصل"], in: .tartus),
        place(["Tawahin"], [], inContext: ["طواحين"], in: .tartus),
        place(["Mashta al-Helu", "Mashta al-Hilu", "Mashta Helu"], ["مشتى الحلو"], in: .tartus),
        place(["Bariqiyah", "Bariqiyeh"], ["بارقية"], in: .tartus),
        place(["Sebbeh", "Sibbeh"], [], inContext: ["سبة"], in: .tartus),
        place(["Sisiniyah", "Sisniyyeh"], ["سيسنية"], in: .tartus),
        place(["Ras al-Khashufah", "Ras al-Khashoufa", "Ras El-Khashufeh"], ["رأس الخشوفة"], in: .tartus),
        place(["Junaynet Ruslan", "Jneinet Raslan"], ["جنينة رسلان"], in: .tartus),
        place(["Hamin", "Hmeen"], ["حمين"], in: .tartus),
        place(["Duwayr Ruslan", "Dweir Raslan"], ["دوير رسلان"], in: .tartus),
        place(
            ["Brummanet al-Mashayekh", "Barmanet al-Mashayekh", "Baramanet Elmashayekh"], ["برمانة المشايخ"],
            in: .tartus),
        place(["Qamsiyah", "Qumseyyeh", "Qumsiyeh"], ["قمصية"], in: .tartus),
        // Raqqa: Raqqa, Tell Abyad, al-Thawrah.
        place(["al-Sabkhah", "al-Sabkha"], [], inContext: ["سبخة"], in: .raqqa),
        place(["al-Karamah", "al-Karama"], [], inContext: ["كرامة"], in: .raqqa),
        place(["Maadan"], ["معدان"], in: .raqqa),
        place(["Suluk", "Sluk", "Sulouk"], [], inContext: ["سلوك"], in: .raqqa),
        place(["Ain Issa", "Ayn Issa", "Ein Issa", "Ain Eisa"], ["عين عيسى"], in: .raqqa),
        place(["Jarniyah", "Jurneyyeh", "Jurniyah"], ["جرنية"], in: .raqqa),
        // Daraa: Daraa, Sanamayn, Izra.
        place(
            ["Bosra", "Busra", "Busra al-Sham", "Bosra al-Sham", "Busra Esh-Sham", "Bosra ash-Sham"], ["بصرى الشام"],
            in: .daraa),
        place(
            ["Khirbet Ghazaleh", "Khirbet al-Ghazaleh", "Kherbet Ghazala", "Khirbat Ghazalah"], ["خربة غزالة"],
            in: .daraa),
        place(["al-Shajara", "al-Shajarah"], [], inContext: ["شجرة"], in: .daraa),
        place(["Dael"], ["داعل"], in: .daraa),
        place(["Muzayrib", "Mzeireb", "Mzerib", "Muzeirib"], ["مزيريب"], in: .daraa),
        place(["Musayfirah", "Mseifra", "Msayfrah"], ["مسيفرة"], in: .daraa),
        place(["Masmiyah", "Masmiyeh", "Mismiyah"], ["مسمية"], in: .daraa),
        place(["Ghabaghib", "Ghabagheb"], ["غباغب"], in: .daraa),
        place(["al-Hirak", "al-Harak"], [], inContext: ["حراك"], in: .daraa),
        place(["Nawa"], [], inContext: ["نوى"], in: .daraa),
        place(["Sheikh Miskin", "Shaykh Maskin", "Sheikh Maskin", "Shaykh Miskin"], ["الشيخ مسكين"], in: .daraa),
        place(["Tasil", "Tseel", "Tsil"], [], inContext: ["تسيل"], in: .daraa),
        // Suwayda: Suwayda, Salkhad, Shahba.
        place(["al-Mazraa"], [], inContext: ["مزرعة"], in: .suwayda), place(["Mashnaf"], ["مشنف"], in: .suwayda),
        place(["Qrayya", "Qarayya", "Qurayya"], ["قريا"], in: .suwayda),
        place(["Ghariyah", "Ghariyeh", "Gharyeh"], ["غارية"], in: .suwayda),
        place(["Dhibin", "Thibeen", "Dhibeen"], ["ذيبين"], in: .suwayda),
        place(["Malah", "Milh", "Mlah"], [], inContext: ["ملح"], in: .suwayda),
        place(["Shaqqa", "Shaqa"], [], inContext: ["شقا"], in: .suwayda),
        place(["Ariqah", "Ariqa", "Areeqa"], [], inContext: ["عريقة"], in: .suwayda),
        place(["Sura al-Saghira", "Little Sura"], [], in: .suwayda),
        // Quneitra: Quneitra, Fiq.
        place(["Khan Arnabah", "Khan Arnaba", "Khan Arnabeh"], ["خان أرنبة"], in: .quneitra),
        place(["Khushniyah", "Khashniyyeh"], ["خشنية"], in: .quneitra),
        place(["Masaada", "Masadah"], [], inContext: ["مسعدة"], in: .quneitra),
        place(["Butayhah", "Butaiha"], ["بطيحة"], in: .quneitra),

        // Regions the news names as places.
        place(["Ghab", "Sahl al-Ghab"], ["سهل الغاب"], in: .hama),
        place(["Eastern Ghouta", "East Ghouta", "Eastern Ghuta", "Eastern Ghota"], ["الغوطة الشرقية"], in: .damascus),
        place(["Western Ghouta", "West Ghouta"], ["الغوطة الغربية"], in: .damascus),
        place(
            ["Jabal al-Zawiya", "Jabal Zawiya", "Jebel Zawiya", "Jabal al-Zawiyah", "Jebel al-Zawiya"], ["جبل الزاوية"],
            in: .idlib),
        place(
            ["Badia", "Badiya", "Badiyah", "Syrian Desert", "Syrian Badia", "Badiyat al-Sham"],
            ["البادية السورية", "بادية الشام"], inContext: ["البادية"]),

        // Border crossings (those in district seats are above).
        place(["Bab al-Hawa"], ["باب الهوى"], in: .idlib),
        place(["Bab al-Salameh", "Bab al-Salama"], ["باب السلامة"], in: .aleppo),
        place(["Kasab", "Kessab", "Kesab"], [], inContext: ["كسب"], in: .latakia),
        place(["Semalka", "Simalka"], ["سيمالكا"], in: .hasakah),
        place(["Yarubiyah", "Yaarubiyah", "Yarubiyeh"], ["يعربية"], in: .hasakah), place(["Tanf"], ["تنف"], in: .homs),
        place(["Nasib", "Naseeb"], [], inContext: ["نصيب"], in: .daraa),
        place(
            ["Jdeidet Yabous", "Jdeidat Yabus", "Jdaidet Yabous", "Masnaa", "Masna'a"], ["جديدة يابوس", "يابوس"],
            inContext: ["مصنع"], in: .damascus),
        place(["Jusiyah", "Jousieh", "Joussieh"], ["جوسية"], in: .homs),
        place(["Dabbousieh", "Dabousiyah"], ["دبوسية"], in: .homs),
        place(["Arida", "Arideh"], [], inContext: ["عريضة"], in: .tartus),

        // Airports and air bases (those named by their city are above).
        place(["Hmeimim", "Khmeimim", "Humaymim", "Hmaimim"], ["حميميم"], in: .latakia),
        place(["Mezzeh", "Mazzeh", "Mezza", "Mazza"], ["مزة"], in: .damascus),
        place(["Tiyas", "Tayfur"], ["تيفور", "تياس"], in: .homs),
        place(["Shayrat", "Shairat", "Shuayrat"], ["شعيرات"], in: .homs),
        place(["Dumayr", "Dumair", "Dmeir", "Dmair", "Dumeir"], [], inContext: ["ضمير"], in: .damascus),
        place(["Kweires", "Kuweires", "Kuweiris"], ["كويرس"], in: .aleppo),
        place(["Abu al-Duhur", "Abu al-Dhuhur", "Abu Dhuhur", "Abu al-Zuhur"], ["أبو الظهور"], in: .idlib),
        place(["Taftanaz"], ["تفتناز"], in: .idlib), place(["Nayrab", "Nairab", "Neirab"], ["نيرب"], in: .aleppo),
        place(["Menagh", "Minakh"], ["منغ"], in: .aleppo),
        place(["Khalkhalah", "Khalkhala"], [], inContext: ["خلخلة"], in: .suwayda),
        place(["Sayqal", "Seikal"], ["صيقل"], in: .damascus), place(["Jirah"], [], inContext: ["جراح"], in: .aleppo),

        // Dams (Tabqa, Rastan, Mhardeh above).
        place(["Tishrin Dam", "Tishreen Dam"], ["سد تشرين"], in: .aleppo),
        place(["Baath Dam"], ["سد البعث"], in: .raqqa),
        place(["Zeyzoun", "Zeizoun", "Zayzun"], ["زيزون"]),
        place(["Qattinah", "Qattina", "Qattineh"], ["قطينة"], in: .homs),
        place(["Wahda Dam"], ["سد الوحدة"], in: .daraa),

        // Quarters of Damascus (Mezzeh above).
        place(["Jobar", "Jawbar"], ["جوبر"], in: .damascus), place(["Qaboun", "Qabun"], ["قابون"], in: .damascus),
        place(["Barzeh", "Barza", "Barzah"], ["برزة"], in: .damascus),
        place(["Rukn al-Din", "Rukn ad-Din", "Rukneddine"], ["ركن الدين"], in: .damascus),
        place(["Kafr Sousa", "Kafr Souseh", "Kafrsouseh", "Kafarsouseh"], ["كفرسوسة", "كفر سوسة"], in: .damascus),
        place(["Bab Touma", "Bab Tuma"], ["باب توما"], in: .damascus), place(["Qassaa"], ["قصاع"], in: .damascus),
        place(["Yarmouk", "Yarmuk"], ["يرموك"], in: .damascus),
        place(["Tadamon", "Tadamun"], [], inContext: ["تضامن"], in: .damascus),
        place(["Abu Rummaneh", "Abu Rumaneh"], ["أبو رمانة"], in: .damascus),
        place(["Shaghour", "Shaghur"], ["شاغور"], in: .damascus),
        place(["Jaramana", "Jaramanah"], ["جرمانا"], in: .damascus),
        place(["Qadam"], [], inContext: ["قدم"], in: .damascus),
        // Quarters of Aleppo.
        place(["Sheikh Maqsoud", "Sheikh Maksoud", "Shaykh Maqsud"], ["الشيخ مقصود"], in: .aleppo),
        place(["Ashrafieh", "Ashrafiyah", "Ashrafiya", "Achrafieh"], ["أشرفية"], in: .aleppo),
        place(["Hamdaniyah", "Hamdaniya", "Hamdaniyeh"], ["حمدانية"], in: .aleppo),
        place(["Bustan al-Qasr"], ["بستان القصر"], in: .aleppo),
        place(["Aziziyah", "Aziziyeh", "Azizieh"], ["عزيزية"], in: .aleppo),
        place(["Jamiliyah", "Jamiliyeh", "Jamilieh"], ["جميلية"], in: .aleppo),
        place(["Hanano", "Hananu"], ["هنانو"], in: .aleppo),
        place(["Sheikh Najjar"], ["الشيخ نجار"], in: .aleppo),
    ]

    static func feature(_ name: String) -> UInt64 { StoryHash.fnv64("p:" + name.lowercased()) }

    /// Where a place of Syria below its area's own name lies: its governorate, Damascus and its
    /// countryside taken as one (the city's quarters and the suburbs around it are one area to a
    /// reader). A governorate, its capital, a region or a place abroad has none: "Hama hospitals"
    /// may take the wounded of a crash near Rastan, in Homs governorate.
    enum Area: Int {
        case aleppo, damascus, daraa, deirEzZor, hama, hasakah, homs, idlib, latakia, quneitra, raqqa, suwayda
        case tartus
    }

    /// An Arabic name without the article, with it, and after لل (للرقة).
    static func forms(_ name: String) -> [String] {
        let bare = name.hasPrefix("ال") && name.unicodeScalars.count >= 5 ? String(name.dropFirst(2)) : name
        return [bare, "ال" + bare, "لل" + bare]
    }

    /// A place's feature → its area's bit.
    static let areas: [UInt64: UInt32] = Dictionary(
        places.compactMap { place in place.area.map { (feature(place.english[0]), UInt32(1) << UInt32($0.rawValue)) } },
        uniquingKeysWith: |)

    /// Folded English word → the place's feature (names of one word).
    static let english: [UInt64: UInt64] = tables.english
    /// English names of several words (Deir ez-Zor, Bab al-Hawa): the first word's hash → the
    /// others' (particles left out), longest first, and the place's feature.
    static let englishSequences: [UInt64: [(rest: [UInt64], place: UInt64)]] = tables.sequences
    /// Folded Arabic word, bare, with the article and after لل → the place's feature.
    static let arabic: [UInt64: UInt64] = tables.arabic
    /// The same for Arabic names that are also common words: the place only in context.
    static let arabicInContext: [UInt64: UInt64] = tables.inContext
    /// Names of two Arabic words (دير الزور): the first word's hash (bare, with the article, after
    /// لل) → (the second's, with and without the article) → the place's feature.
    static let arabicPairs: [UInt64: [UInt64: UInt64]] = tables.pairs
    /// Words that say an Arabic word after them is a place (مدينة, مطار, سد…), folded.
    static let contextWords: Set<UInt64> = Set(
        ["مدينة", "بلدة", "قرية", "حي", "مطار", "قاعدة", "سد", "معبر", "منطقة", "ريف", "ناحية", "مخيم", "محافظة"]
            .flatMap { Tokenizer.tokens(in: $0).map { StoryHash.fnv64($0.text) } })

    private static let tables:
        (
            english: [UInt64: UInt64], sequences: [UInt64: [(rest: [UInt64], place: UInt64)]],
            arabic: [UInt64: UInt64], inContext: [UInt64: UInt64], pairs: [UInt64: [UInt64: UInt64]]
        ) = {
            var english: [UInt64: UInt64] = [:]
            var sequences: [UInt64: [(rest: [UInt64], place: UInt64)]] = [:]
            var arabic: [UInt64: UInt64] = [:]
            var inContext: [UInt64: UInt64] = [:]
            var pairs: [UInt64: [UInt64: UInt64]] = [:]
            for entry in places {
                let place = feature(entry.english[0])
                for name in entry.english {
                    let words = Tokenizer.tokens(in: name).map(\.text)
                    guard let first = words.first else { continue }
                    let rest = words.dropFirst().filter { !NameKey.particles.contains($0) }
                    if rest.isEmpty {
                        english[StoryHash.fnv64(first)] = place
                    } else {
                        sequences[StoryHash.fnv64(first), default: []].append((rest.map(StoryHash.fnv64), place))
                    }
                }
                for (names, context) in [(entry.arabic, false), (entry.inContext, true)] {
                    for name in names {
                        let words = Tokenizer.tokens(in: name).map(\.text)
                        if words.count == 1 {
                            // A people's adjective (ياباني) in the plural too: خبراء يابانيون,
                            // اليابانيين. Only countries have no area and such a name.
                            let people =
                                entry.area == nil && (words[0].hasSuffix("ي") || words[0].hasSuffix("ى"))
                                ? [words[0] + "ون", words[0] + "ين"] : []
                            for form in ([words[0]] + people).flatMap(forms) {
                                if context {
                                    inContext[StoryHash.fnv64(form)] = place
                                } else {
                                    arabic[StoryHash.fnv64(form)] = place
                                }
                            }
                        } else if words.count == 2 {
                            for first in forms(words[0]) {
                                for second in forms(words[1]).prefix(2) {
                                    pairs[StoryHash.fnv64(first), default: [:]][StoryHash.fnv64(second)] = place
                                }
                            }
                        }
                    }
                }
            }
            for key in sequences.keys { sequences[key]?.sort { $0.rest.count > $1.rest.count } }
            return (english, sequences, arabic, inContext, pairs)
        }()

    /// The place an English name starting at `words[index]` (of hash `hash`) names — a name of
    /// several words (the text's particles skipped), else one of one word — and the index of the
    /// first word after it.
    @inline(__always)
    static func english(_ words: [String], at index: Int, hash: UInt64) -> (feature: UInt64, end: Int)? {
        if let candidates = englishSequences[hash] {
            for (rest, place) in candidates {
                var next = index + 1
                var matched = true
                for part in rest {
                    while next < words.count, NameKey.particles.contains(words[next]) { next += 1 }
                    guard next < words.count, StoryHash.fnv64(words[next]) == part else {
                        matched = false
                        break
                    }
                    next += 1
                }
                if matched { return (place, next) }
            }
        }
        return english[hash].map { ($0, index + 1) }
    }

    /// The place a capitalised English word that is no listed spelling names when it spells one a
    /// letter apart with the same consonants (`NameKey`): Qudssaya for Qudsaya, Emirates for
    /// Emiratis. Six letters and three consonants at least, so that short names and words stay
    /// apart (Bayan and Banan; Homes, in a headline in title case, and Homs).
    static func englishVariant(_ word: String, at index: Int, buffer: inout [UInt8]) -> (feature: UInt64, end: Int)? {
        guard word.utf8.count >= 6, let key = NameKey.hash(of: word, arabic: false, buffer: &buffer),
            buffer.count >= 3, let spellings = englishByKey[key]
        else { return nil }
        let scalars = Array(word.unicodeScalars)
        for (spelling, place) in spellings where EditDistance.withinOne(scalars, spelling) {
            return (place, index + 1)
        }
        return nil
    }

    /// A one-word English spelling's key (`NameKey`) → the spellings of that key and their places.
    static let englishByKey: [UInt64: [(spelling: [Unicode.Scalar], place: UInt64)]] = {
        var table: [UInt64: [(spelling: [Unicode.Scalar], place: UInt64)]] = [:]
        var buffer: [UInt8] = []
        for entry in places {
            let place = feature(entry.english[0])
            for name in entry.english {
                let words = Tokenizer.tokens(in: name).map(\.text)
                guard words.count == 1, let key = NameKey.hash(of: words[0], arabic: false, buffer: &buffer) else {
                    continue
                }
                table[key, default: []].append((Array(words[0].unicodeScalars), place))
            }
        }
        return table
    }()

    /// The place an Arabic word (of hashes `hash` as written and `stemHash` without its
    /// proclitics, at `words[previous + 1]`) names — a name of two words with the next, else one of
    /// one word; a name that is also a common word only after a word that says it is a place
    /// (`words[previous]`, as written or without proclitics) or once `known` says the window has
    /// seen the place — and the index of the first word after it.
    @inline(__always)
    static func arabic(
        hash: UInt64, stemHash: UInt64, next: String?, previousIn words: [String], stems: [String], at previous: Int,
        known: (UInt64) -> Bool
    ) -> (feature: UInt64, end: Int)? {
        if let next, let seconds = arabicPairs[hash] ?? arabicPairs[stemHash],
            let place = seconds[StoryHash.fnv64(next)]
        {
            return (place, previous + 3)
        }
        if let place = arabic[hash] ?? arabic[stemHash] { return (place, previous + 2) }
        guard let place = arabicInContext[hash] ?? arabicInContext[stemHash] else { return nil }
        if known(place) { return (place, previous + 2) }
        guard previous >= 0, previous < words.count else { return nil }
        return contextWords.contains(StoryHash.fnv64(words[previous]))
            || contextWords.contains(StoryHash.fnv64(stems[previous])) ? (place, previous + 2) : nil
    }
}

/// A spelling-free key for a name, shared by its English and Arabic spellings ("Homs" and حمص
/// are both `hms`): its consonants, each mapped to one class for the letters transliteration
/// confuses (q/k/ق/ك, d/dh/د/ض/ذ, g/j/ج/غ), vowels, w, y and the Arabic long vowels and ʿayn
/// dropped, doubled letters written once.
enum NameKey {
    /// Whether each token is capitalised in `text` and does not start it or a sentence: a name.
    static func capitalised(_ tokens: [TextToken], in text: String) -> [Bool] {
        let utf16 = Array(text.utf16)
        return tokens.enumerated().map { index, token in
            // An ASCII capital (English names; other scripts have no case to tell).
            guard index > 0, token.range.lowerBound < utf16.count,
                (0x41...0x5A).contains(utf16[token.range.lowerBound])
            else { return false }
            var before = token.range.lowerBound - 1
            while before >= 0, utf16[before] == 0x20 || utf16[before] == 0x22 || utf16[before] == 0x27 {
                before -= 1
            }
            guard before >= 0 else { return false }
            // After a full stop, a question or exclamation mark or a colon a new sentence starts.
            return ![0x2E, 0x3F, 0x21, 0x3A].contains(utf16[before])
        }
    }

    /// The key of a word: three consonants at least, or two in a word of four letters or more.
    static func key(of word: String, arabic: Bool) -> String? {
        var buffer: [UInt8] = []
        return letters(of: word, arabic: arabic, into: &buffer) ? String(decoding: buffer, as: UTF8.self) : nil
    }

    /// The feature hash of a word's key, `StoryHash.fnv64("k:" + key)`, computed in `buffer`.
    static func hash(of word: String, arabic: Bool, buffer: inout [UInt8]) -> UInt64? {
        guard letters(of: word, arabic: arabic, into: &buffer) else { return nil }
        var hash = prefixHash
        for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    static let prefixHash = StoryHash.fnv64("k:")

    /// Writes the key's letters (one ASCII byte per class) into `key`; false when the word has no key.
    ///
    /// A name of four letters or more whose consonants are all of one class, repeated across a
    /// vowel (Sasa) or, in Arabic, across ʿayn alone (سعسع), keeps the repeat (`ss`): collapsed,
    /// it would have no key at all. Only ʿayn counts in Arabic, so that سياسة (politics) stays
    /// without one.
    static func letters(of word: String, arabic: Bool, into key: inout [UInt8], minimum: Int = 0) -> Bool {
        key.removeAll(keepingCapacity: true)
        var length = 0
        // Consonants that repeat the one before across a gap of ʿayn (Arabic) or vowels (English).
        var repeats = 0
        var gap = false
        var otherGap = false
        /// A letter's class into the key; a silent one opens a gap between consonants, which a
        /// repeat may span only when every silent letter in it `spans`.
        func add(_ mapped: UInt8, spans: Bool) {
            if mapped == silent {
                if spans { gap = true } else { otherGap = true }
                return
            }
            if key.last != mapped {
                key.append(mapped)
            } else if gap && !otherGap {
                repeats += 1
            }
            gap = false
            otherGap = false
        }
        if arabic {
            // Arabic letters (U+0620–U+064A) are D8 xx or D9 xx in UTF-8.
            var bytes = word.utf8.makeIterator()
            var next = bytes.next()
            while let lead = next {
                length += 1
                guard lead == 0xD8 || lead == 0xD9, let trail = bytes.next() else { return false }
                next = bytes.next()
                let scalar = Int(lead & 0x1F) << 6 | Int(trail & 0x3F)
                guard scalar >= 0x0620, scalar <= 0x064A else { return false }
                let mapped = arabicTable[scalar - 0x0620]
                if mapped == invalid { return false }
                // A final ه is most often a folded ة (حماة, جبلة), which English spells with a
                // vowel or a silent h (Hama, Jableh).
                if scalar == 0x0647, next == nil, length > 2 { continue }
                add(mapped, spans: scalar == 0x0639)
            }
        } else {
            var bytes = word.utf8.makeIterator()
            var next = bytes.next()
            var previous: UInt8 = 0
            while let letter = next {
                length += 1
                next = bytes.next()
                guard letter < 0x80 else { return false }
                var mapped = latinTable[Int(letter)]
                if next == UInt8(ascii: "h"), digraphTable[Int(letter)] != silent {
                    mapped = digraphTable[Int(letter)]
                    next = bytes.next()
                }
                if mapped == invalid { return false }
                // A final h after a vowel writes ة or ه (Jableh, جبلة): silent, as the Arabic one is.
                if letter == UInt8(ascii: "h"), next == nil, length > 2, latinTable[Int(previous)] == silent {
                    continue
                }
                previous = letter
                add(mapped, spans: true)
            }
        }
        if minimum > 0 { return key.count >= minimum }
        if key.count == 1, repeats > 0, length >= 4 { key.append(key[0]) }
        return key.count >= 3 || (key.count == 2 && length >= 4)
    }

    /// The feature hash of a name of two words read as one (Abu Dhabi, أبو ظبي; غازي عنتاب, which
    /// English writes Gaziantep): the keys of both words run together, doubled letters once, the
    /// second word's Arabic article (ال) left out. Three consonants at least.
    static func joinedHash(_ first: String, _ second: String, arabic: Bool, buffer: inout [UInt8]) -> UInt64? {
        guard letters(of: first, arabic: arabic, into: &buffer, minimum: 1) else { return nil }
        let firstLetters = buffer
        var tail = Substring(second)
        if arabic, tail.hasPrefix("ال"), tail.unicodeScalars.count >= 5 { tail = tail.dropFirst(2) }
        guard letters(of: String(tail), arabic: arabic, into: &buffer, minimum: 1) else { return nil }
        var joined = firstLetters
        for letter in buffer where joined.last != letter { joined.append(letter) }
        guard joined.count >= 3 else { return nil }
        var hash = prefixHash
        for byte in joined { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// English particles inside a name of several words (Ras al-Ain, Deir ez-Zor): left out of a
    /// joined key, as the Arabic article is.
    static let particles: Set<String> = ["al", "el", "ez", "ed", "es", "ad", "as", "ash", "ar", "an", "at", "az", "ul"]

    static let silent: UInt8 = 0
    static let invalid: UInt8 = 0xFF

    /// Letter classes: `th` and ث are `T`, `sh`, `ch` and ش `S`, `kh` and خ `x`; q, k, c, ق, ك are
    /// `k`; g, j, ج, غ `j`; d, dh, د, ذ, ض, ظ `d`; vowels, w, y and the Arabic long vowels, hamza
    /// carriers and ʿayn are silent.
    static let digraphs: [Character: Character] = ["s": "S", "c": "S", "k": "x", "g": "j", "t": "T", "d": "d"]
    static let latinClasses: [Character: Character] = [
        "b": "b", "p": "b", "t": "t", "d": "d", "z": "z", "s": "s", "c": "k", "k": "k", "q": "k", "g": "j",
        "j": "j", "h": "h", "f": "f", "v": "f", "l": "l", "m": "m", "n": "n", "r": "r",
    ]
    static let arabicClasses: [Character: Character] = [
        "ب": "b", "ت": "t", "ث": "T", "ج": "j", "ح": "h", "خ": "x", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
        "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "غ": "j", "ف": "f", "ق": "k", "ك": "k",
        "ل": "l", "م": "m", "ن": "n", "ه": "h",
    ]
    static let arabicSilent: Set<Character> = ["ا", "و", "ي", "ى", "ة", "ع", "ء", "أ", "إ", "آ", "ئ", "ؤ"]

    /// ASCII byte → class; a–z not in `latinClasses` are silent, anything else invalid.
    static let latinTable: [UInt8] = (0..<128).map { byte in
        let letter = Character(Unicode.Scalar(UInt8(byte)))
        if let mapped = latinClasses[letter] { return mapped.asciiValue ?? invalid }
        return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(UInt8(byte)) ? silent : invalid
    }
    /// ASCII byte → class of the letter followed by `h`, or `silent` when it is no digraph.
    static let digraphTable: [UInt8] = (0..<128).map { byte in
        digraphs[Character(Unicode.Scalar(UInt8(byte)))]?.asciiValue ?? silent
    }
    /// U+0620 + index → class, `silent`, or `invalid`.
    static let arabicTable: [UInt8] = (0x0620...0x064A).map { value in
        let letter = Character(Unicode.Scalar(UInt16(value)) ?? " ")
        if let mapped = arabicClasses[letter] { return mapped.asciiValue ?? invalid }
        return arabicSilent.contains(letter) ? silent : invalid
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
/// Arabic broken plurals of the news's concrete nouns, to their singular (folded): the plural is
/// another word to a suffix stemmer (ذخائر and ذخيرة, قتلى and قتيل), though one report writes
/// "an ammunition depot" and the next "the ammunition". Sound plurals (ات, ون, ين) are cut by
/// `StoryFeatures.arabicStem` instead. Nouns every story uses (ministers, residents, towns, areas,
/// reports) are left out: in a window of few reports they would tie stories as their singulars do
/// not.
enum BrokenPlurals {
    static let singular: [UInt64: String] = {
        let words = pairs.split(whereSeparator: \.isWhitespace).map { TextFolding.fold(String($0)) }
        var singular: [UInt64: String] = [:]
        for index in stride(from: 0, to: words.count - 1, by: 2) {
            singular[StoryHash.fnv64(words[index])] = words[index + 1]
        }
        return singular
    }()

    /// Plural and singular, pair after pair.
    static let pairs = """
        ذخائر ذخيرة أسلحة سلاح صواريخ صاروخ قذائف قذيفة ألغام لغم أنفاق نفق قتلى قتيل جرحى جريح
        ضحايا ضحية أسرى أسير جنود جندي ضباط ضابط سجون سجن مخازن مخزن جسور جسر حقول حقل مزارع مزرعة
        أشجار شجرة مصانع مصنع أسعار سعر رواتب راتب أجور أجر بنوك بنك مصارف مصرف مدارس مدرسة
        مشافي مشفى أدوية دواء أفران فرن أمطار مطر سيول سيل ثلوج ثلج خيام خيمة قوارب قارب سفن سفينة
        معارك معركة
        """
}

/// The words a title opens with when it comments on news (`StoryFeatures.commentary`), folded.
enum CommentaryLabels {
    static let hashes: Set<UInt64> = Set(
        [
            "Analysis", "Explainer", "Opinion", "Commentary", "Comment", "Factbox", "Insight", "What", "Why",
            "قراءة", "تحليل", "ماذا", "لماذا",
        ].flatMap { Tokenizer.tokens(in: $0).map { StoryHash.fnv64($0.text) } })
}

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

/// Numbers of two digits written as words, in English and in folded Arabic (`TextFolding`): the
/// number's feature by the hash of the word, as a report in the other language may write it in digits.
enum NumberWords {
    /// The feature of a number, however it was written.
    static func feature(_ value: Int) -> UInt64 { StoryHash.fnv64("n:" + String(value)) }

    static let features: [UInt64: UInt64] = {
        let words: [(String, Int)] = [
            ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15),
            ("sixteen", 16), ("seventeen", 17), ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30),
            ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90),
            ("عشر", 10), ("عشره", 10), ("عاشر", 10), ("عاشره", 10), ("عشرين", 20), ("عشرون", 20), ("ثلاثين", 30),
            ("ثلاثون", 30),
            ("اربعين", 40), ("اربعون", 40), ("خمسين", 50), ("خمسون", 50), ("ستين", 60), ("ستون", 60),
            ("سبعين", 70), ("سبعون", 70), ("ثمانين", 80), ("ثمانون", 80), ("تسعين", 90), ("تسعون", 90),
        ]
        return Dictionary(
            words.map { (StoryHash.fnv64($0.0), feature($0.1)) }, uniquingKeysWith: { first, _ in first })
    }()

    /// The Arabic units that make a teen before عشر or عشرة (ثلاثة عشر is 13; the ordinals too,
    /// الحادية عشرة is 11), as folded words (with ة and with its folded ه, with أ/إ and with ا).
    static let units: [UInt64: Int] = {
        let words: [(String, Int)] = [
            ("احد", 1), ("أحد", 1), ("احدى", 1), ("إحدى", 1), ("اثنا", 2), ("اثني", 2), ("اثنتا", 2), ("اثنتي", 2),
            ("ثلاث", 3), ("ثلاثة", 3), ("ثلاثه", 3), ("اربع", 4), ("أربع", 4), ("اربعة", 4), ("أربعة", 4),
            ("اربعه", 4), ("خمس", 5), ("خمسة", 5), ("خمسه", 5), ("ست", 6), ("ستة", 6), ("سته", 6),
            ("سبع", 7), ("سبعة", 7), ("سبعه", 7), ("ثماني", 8), ("ثمان", 8), ("ثمانية", 8), ("ثمانيه", 8),
            ("تسع", 9), ("تسعة", 9), ("تسعه", 9),
            // Ordinals, as in the hours (الحادية عشرة ليلا, 11 pm) and dates (الثالث عشر).
            ("حادي", 1), ("حادية", 1), ("حاديه", 1), ("ثاني", 2), ("ثانية", 2), ("ثانيه", 2), ("ثالث", 3),
            ("ثالثة", 3), ("ثالثه", 3), ("رابع", 4), ("رابعة", 4), ("رابعه", 4), ("خامس", 5), ("خامسة", 5),
            ("خامسه", 5), ("سادس", 6), ("سادسة", 6), ("سادسه", 6), ("سابع", 7), ("سابعة", 7), ("سابعه", 7),
            ("ثامن", 8), ("ثامنة", 8), ("ثامنه", 8), ("تاسع", 9), ("تاسعة", 9), ("تاسعه", 9),
        ]
        return Dictionary(words.map { (StoryHash.fnv64($0.0), $0.1) }, uniquingKeysWith: { first, _ in first })
    }()

    /// عشر and عشرة, as folded words: the ten of an Arabic teen.
    static let tens: Set<UInt64> = Set(["عشر", "عشرة", "عشره"].map { StoryHash.fnv64($0) })
}

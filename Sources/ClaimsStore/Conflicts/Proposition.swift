/// What a claim's content says, in the terms claims are compared in: its predicates (as concepts),
/// the entities and places involved, its content words, its quantities, time scope and polarity.
public struct Proposition: Sendable {
    public let text: String
    /// asserts / denies / unconfirmed, from the claim (or from the statement's own cue or falsity predicate).
    public var stance: Stance
    /// Predicate concepts (`leave`, `capture`, …) and whether each is negated (`لم ينسحب`).
    public var concepts: [String: Bool] = [:]
    /// The words that expressed each concept (for explanations).
    public var conceptWords: [String: String] = [:]
    /// Canonical names of every entity, including the parts of institutions (`السفارة الإيرانية في دمشق`
    /// brings إيران and دمشق).
    public var entities: Set<Word> = []
    /// Places below country level (cities, towns, crossings), which tell events apart.
    public var places: Set<Word> = []
    /// The subject: the first person, organisation or country before the first predicate.
    public var subject: String?
    /// Who acts: the subject, else the first person or organisation after the first predicate
    /// (`انسحاب القوات الحكومية السورية` → الجيش السوري).
    public var agent: String?
    /// Entities that single out an event: places below country level (not capitals), people,
    /// named institutions (`السفارة الإيرانية في دمشق`). Countries and broad actors do not.
    public var specific: Set<Word> = []
    /// The people among the entities.
    public var persons: Set<Word> = []
    /// Topic nouns (`diplomatic` for سفارة, دبلوماسيين …) from `Data/topics.tsv`, names included.
    public var topics: Set<String> = []
    /// Topics that say what a statement is about, without the kind of actor (civilians, armed).
    public var subjectTopics: Set<String> { topics.subtracting(["civilians", "armed"]) }
    /// Who moves or acts, as a kind: the first of `civilians` or `armed` the text names (`آلاف الأشخاص
    /// بدأوا يصلون … خشية التقدم السريع لقوات المعارضة` is about civilians), nil when it names neither.
    public var actorKind: String?
    /// Who made the statement and whom they speak for (set for stored claims and typed reports).
    public var speaker: String?
    public var speakerAffiliation: String?
    /// `ClaimComparer.sourceChain` of this proposition, when its holder computed it once (stored
    /// claims are compared many times).
    public var sourceChain: [String]?
    /// Content words (match keys), without function words and predicate forms.
    public var terms: Set<Word> = []
    public var numbers: [NumberFact] = []
    /// Conditional or future (`سيكون`, `إذا`, `من شأن`): never one side of a contradiction.
    public var hypothetical = false
    /// Countries mentioned (a city names a place; a country the wider frame or the actor).
    /// Includes the countries its actors belong to (الجيش السوري → سوريا).
    public var countries: Set<Word> {
        if let memoisedCountries { return memoisedCountries }
        let context = PropositionContext.shared
        var result = Set<Word>()
        for entity in entities {
            if let country = context.country(of: entity.text) { result.insert(Word(country)) }
        }
        return result
    }

    /// `countries` and `placesWithContainers`, when the holder computed them once (stored claims
    /// are compared with many others; computing them is most of a comparison's cost otherwise).
    var memoisedCountries: Set<Word>?
    var memoisedPlacesWithContainers: Set<Word>?
    var memoisedNameWords: [Word: [Word]]?

    /// The places and those they lie in: a place and what it lies in are one place when telling
    /// events apart (`معبر البوكمال` is in `البوكمال`).
    public var placesWithContainers: Set<Word> {
        if let memoisedPlacesWithContainers { return memoisedPlacesWithContainers }
        return places.union(places.flatMap { PropositionContext.shared.containingPlaces(of: $0.text) }.map { Word($0) })
    }

    /// Computes once what comparisons derive from this proposition (call after its last change).
    mutating func memoiseDerived(sourceChain chain: [String]) {
        sourceChain = chain
        memoisedCountries = countries
        memoisedPlacesWithContainers = places.isEmpty ? [] : placesWithContainers
        memoisedNameWords = nameWords
    }

    /// Words that fix the time or scope (`الجمعة`, `منذ`, `سنوي`, `شهري`).
    public var scope: Set<Word> = []
    /// The date the statement was made (said_on, else the article's date), when known.
    public var date: CalendarDate?

    static let functionWords: Set<String> = [
        "في", "من", "الي", "علي", "عن", "مع", "ان", "انه", "انها", "ما", "لا", "لم", "لن", "قد", "هو", "هي", "هذا", "هذه", "ذلك", "تلك",
        "التي", "الذي", "الذين", "او", "ثم", "كل", "بعد", "قبل", "بين", "عند", "حتي", "منذ", "خلال", "الا", "غير", "ليس", "كان", "كانت",
        "يكون", "تكون", "اي", "بعض", "عبر", "نحو", "حول", "لدي", "اليوم", "امس", "يوم", "ايضا", "كما", "حيث", "بشكل", "اطار", "اخري",
        "اخر", "وقت", "عدد", "بدء", "عشر", "عشره", "كم", "منها", "عليها", "فيها", "لها", "له", "به", "بها", "الانباء", "انباء", "تقارير", "التقارير", "خبر",
        "مزاعم", "ادعاءات", "الادعاءات", "المتعلقه", "الوارده", "وارده", "متعلقه", "بدات", "بدا", "تبدا", "يبدا", "اعلن", "تعلن", "يعلن",
        // Generic place and actor nouns: they say what kind of thing, not which one.
        "مدينه", "بلده", "محافظه", "منطقه", "ريف", "قريه", "حي", "مدن", "قوات", "القوات", "مناطق", "اراضي", "عاصمه", "بلاد",
    ]
    /// How many words after its predicate an agent may stand.
    static let agentReach = 8
    /// Words that make a statement conditional or about the future (`سقوط حمص سيكون كارثة`,
    /// `من شأن سيطرة الفصائل … أن`): such a statement contradicts nothing that happened.
    static let hypotheticalMarkers: Set<String> = [
        "سيكون", "ستكون", "سيكونون", "سوف", "اذا", "لو", "لولا", "شان", "ربما", "المحتمل", "محتمل", "يحتمل", "سيؤدي", "ستؤدي",
    ]
    static let negators: Set<String> = ["لم", "لن", "لا", "ليس", "ليست", "غير", "ولم", "ولا", "ولن", "عدم"]
    static let scopeWords: Set<String> = [
        "منذ", "سنوي", "سنويا", "شهري", "شهريا", "يومي", "يوميا", "اسبوعي", "اسبوعيا", "الاسبوع", "الشهر", "العام", "ليلا", "صباح",
        "مساء", "فجر", "ظهر",
    ]

    /// Longer than any predicate of the lexicon, in tokens (an arrival ending inside a claim may start before it).
    static let longestOccurrence = 8

    /// `items` sorted by their first token, items starting together kept in their order.
    static func sortedByStart<T>(_ items: [T], bounds: (T) -> Range<Int>) -> [T] {
        items.enumerated().sorted { (bounds($0.element).lowerBound, $0.offset) < (bounds($1.element).lowerBound, $1.offset) }.map(\.element)
    }

    /// The items whose tokens lie within `range`, from items sorted by their first token.
    static func within<T>(_ range: Range<Int>, of items: [T], bounds: (T) -> Range<Int>) -> [T] {
        var low = 0, high = items.count
        while low < high {
            let middle = (low + high) / 2
            if bounds(items[middle]).lowerBound < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var result: [T] = []
        var index = low
        while index < items.count, bounds(items[index]).lowerBound < range.upperBound {
            if bounds(items[index]).upperBound <= range.upperBound { result.append(items[index]) }
            index += 1
        }
        return result
    }

    /// An empty proposition (filled by the decoder).
    init(empty text: String) {
        self.text = text
        self.stance = .asserts
    }

    /// Analyses `text` (a claim's content or a typed statement).
    public init(text: String, stance: Stance = .asserts, date: CalendarDate? = nil, context: PropositionContext = .shared) {
        let analyzed = AnalyzedText(text, stemmer: context.stemmer)
        var extraPeople: [String: [String]] = [:]
        let recognized = context.recognizer.recognize(analyzed, cues: context.cues, extraPeople: &extraPeople)
        self.init(analyzed: analyzed, range: 0..<analyzed.tokens.count, recognized: recognized,
                  parts: Self.sortedByStart(context.recognizer.matcher.matches(in: analyzed), bounds: \.range),
                  occurrences: Self.sortedByStart(context.predicates.occurrences(in: analyzed), bounds: \.range),
                  text: text, stance: stance, date: date, context: context)
    }

    /// Analyses the tokens `range` of an article already analysed (the content of a claim), reusing
    /// the entities recognised in the whole article and its predicates (each list sorted by its
    /// first token: `EntityRecognizer.recognize` returns its mentions so; the others go through
    /// `sortedByStart`).
    init(analyzed: AnalyzedText, range: Range<Int>, recognized allRecognized: [EntityRecognizer.Found], parts allParts: [EntityMatcher.Match],
         occurrences allOccurrences: [PredicateLexicon.Occurrence], text: String, stance: Stance, date: CalendarDate?, context: PropositionContext) {
        self.text = text
        self.stance = stance
        self.date = date
        // (All three lists are sorted by their first token: a claim's share is found by binary search,
        // not by a scan of the whole article's for each claim — quadratic in one very long article.)
        let recognized = Self.within(range, of: allRecognized, bounds: \.range)
        let parts = Self.within(range, of: allParts, bounds: \.range)
        var entityTokens = Set<Int>()
        // Where something goes (`توجهت إلى محافظتي حمص`, `باتجاه العراق`) is not where the event is,
        // unless the event is the arrival itself (`وصلت إلى مدينة حمص`).
        let arrivals = Set(Self.within(max(0, range.lowerBound - Self.longestOccurrence)..<range.upperBound, of: allOccurrences, bounds: \.range)
            .filter { $0.concept == "visit" }.map(\.range.upperBound))
        // Where those who arrive come from (`يصلون إلى هناك من حمص`) is not where the event is either.
        // (An arrival ends at most four words before the preposition: `وصلت قوات المعارضة إلى …`.)
        func afterArrival(_ preposition: Int) -> Bool {
            (max(range.lowerBound, preposition - 4)...preposition).contains { arrivals.contains($0) }
        }
        func isDestinationWithin(_ mentionRange: Range<Int>) -> Bool {
            (max(range.lowerBound, mentionRange.lowerBound - 2)..<mentionRange.lowerBound).contains {
                ["الي", "نحو", "باتجاه", "اتجاه", "صوب"].contains(analyzed.normalized[$0]) && !afterArrival($0)
            } || (mentionRange.lowerBound - 1 >= range.lowerBound && analyzed.normalized[mentionRange.lowerBound - 1] == "من"
                  && afterArrival(mentionRange.lowerBound - 1))
        }
        for mention in recognized {
            entities.insert(Word(mention.name))
            if mention.type == .person { persons.insert(Word(mention.name)) }
            if !mention.viaNisba, context.countryOfCapital[mention.name] == nil, !context.isCountry(mention.name), !isDestinationWithin(mention.range),
               mention.type == .place || mention.type == .person || (mention.type == .organization && mention.origin == .discovered) {
                specific.insert(Word(mention.name))
            }
            for i in mention.range { entityTokens.insert(i) }
            if mention.type == .place, !context.isCountry(mention.name), !mention.viaNisba, context.countryOfCapital[mention.name] == nil {
                places.insert(Word(mention.name))
            }
            if let country = context.countryOfCapital[mention.name] { entities.insert(Word(country)) }
        }
        for match in parts {
            let entity = context.recognizer.matcher.gazetteer.entities[match.target.entityIndex]
            entities.insert(Word(entity.name))
            if let country = context.countryOfCapital[entity.name] { entities.insert(Word(country)) }
            if entity.type == .place, !context.isCountry(entity.name), !match.target.viaNisba, context.countryOfCapital[entity.name] == nil {
                places.insert(Word(entity.name))
            }
        }
        // Predicates, each negated when a negator stands just before it.
        // Control as a state (`الخاضعة لسيطرة الحكومة`, `تحت سيطرة`) is no capture.
        let occurrences = Self.within(range, of: allOccurrences, bounds: \.range).filter { occurrence in
            let before = occurrence.range.lowerBound - 1
            return !(occurrence.concept == "capture" && before >= range.lowerBound
                     && (analyzed.keys[before].hasPrefix("خاضع") || analyzed.normalized[before] == "تحت"))
        }
        var predicateTokens = Set<Int>()
        for occurrence in occurrences {
            let start = occurrence.range.lowerBound
            // A negator earlier in the clause (`لم ينفذ أي غارات`); غير only right before (`غير النفطية` is no negation).
            var negated = false
            var k = start - 1
            while k >= max(range.lowerBound, start - 4), !analyzed.gap(before: k + 1, contains: ["،", ",", ".", ":"]) {
                let word = analyzed.normalized[k]
                if word == "غير" { negated = negated || k == start - 1 } else if Self.negators.contains(word) { negated = true }
                k -= 1
            }
            if occurrence.concept == "remain" { negated = false }
            concepts[occurrence.concept] = (concepts[occurrence.concept] ?? false) || negated
            if conceptWords[occurrence.concept] == nil { conceptWords[occurrence.concept] = String(analyzed.slice(occurrence.range)) }
            for i in occurrence.range { predicateTokens.insert(i) }
        }
        // The subject: the first non-place entity before the first predicate (a country counts: `إيران تنفي`).
        let firstPredicate = occurrences.first?.range.lowerBound ?? range.upperBound
        // A name behind a glued preposition (`لقوات`, `بإيران`: its key lost the ب/ل) stands for neither.
        func behindGluedPreposition(_ index: Int) -> Bool {
            let word = analyzed.normalized[index]
            return (word.hasPrefix("ب") || word.hasPrefix("ل")) && analyzed.keys[index] != word && !word.hasPrefix("ال")
        }
        // A name after a preposition (`مدعومة من إيران`) or an adjective (`الإيرانية`) is not the subject.
        subject = recognized.first { mention in
            guard mention.range.lowerBound < firstPredicate, !mention.viaNisba,
                  mention.type != .place || context.isCountry(mention.name) || context.countryOfCapital[mention.name] != nil else { return false }
            let start = mention.range.lowerBound
            let afterPreposition = start > range.lowerBound && ["من", "في", "الي", "علي", "عن", "مع", "ضد", "عبر"].contains(analyzed.normalized[start - 1])
            return !afterPreposition && !behindGluedPreposition(start)
        }.map { context.subjectName(of: $0) }
        // (A named institution after the predicate is what is acted on — `إخلاء السفارة …` — not who acts.)
        // The agent after the predicate stands near it (`انسحاب القوات الحكومية`, `نقلهم …، قادة من فيلق القدس`),
        // not clauses later (`حررت قواتنا آخر قرية … ومن هنا نوجه النداء الأخير لقوات النظام`) nor behind a
        // glued preposition (`لقوات`).
        agent = subject ?? recognized.first { mention in
            guard mention.range.lowerBound >= firstPredicate, mention.range.lowerBound - firstPredicate <= Self.agentReach,
                  mention.type == .person || (mention.type == .organization && mention.origin != .discovered) else { return false }
            return !behindGluedPreposition(mention.range.lowerBound)
        }.map(\.name)
        for i in range where !predicateTokens.contains(i) && !entityTokens.contains(i) {
            let key = analyzed.keys[i]
            if Self.scopeWords.contains(analyzed.normalized[i]) || Self.scopeWords.contains(key) { scope.insert(Word(key)) }
            if CueLexicon.weekdays.contains(analyzed.normalized[i]) || CueLexicon.weekdays.contains("ال" + key) { scope.insert(Word("يوم:" + key)) }
            // A two-letter stem is a content word when it is a definite noun or follows `أي` (`السد`, `أي سد`).
            let isNoun = analyzed.normalized[i].hasPrefix("ال") || (i > range.lowerBound && analyzed.normalized[i - 1] == "اي")
            guard key.count >= 3 || (key.count == 2 && isNoun), !Self.functionWords.contains(analyzed.normalized[i]), !Self.functionWords.contains(key),
                  !key.contains(where: \.isNumber), NumberReader.words[key] == nil, NumberReader.words[analyzed.normalized[i]] == nil,
                  NumberReader.multipliers[analyzed.normalized[i]] == nil, !NumberReader.approximators.contains(analyzed.normalized[i]) else { continue }
            terms.insert(Word(key))
        }
        hypothetical = range.contains { Self.hypotheticalMarkers.contains(analyzed.normalized[$0]) || Self.hypotheticalMarkers.contains(analyzed.keys[$0]) }
        numbers = NumberReader.numbers(in: analyzed, within: range)
        for i in range {
            guard let topic = context.topicsByKey[analyzed.keys[i]] else { continue }
            topics.formUnion(topic)
            if actorKind == nil { actorKind = topic.contains("civilians") ? "civilians" : topic.contains("armed") ? "armed" : nil }
        }
    }
}

/// What analysing propositions needs, built once.
public final class PropositionContext: @unchecked Sendable {
    let stemmer: CliticStemmer
    let recognizer: EntityRecognizer
    let cues: CueLexicon
    let predicates: PredicateLexicon
    private let countries: Set<String>
    private let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .builtIn) {
        stemmer = CliticStemmer()
        self.gazetteer = gazetteer
        recognizer = EntityRecognizer(matcher: EntityMatcher(gazetteer: gazetteer, stemmer: stemmer), stemmer: stemmer)
        cues = .builtIn
        predicates = .builtIn
        // Countries are the places with nisba adjectives; a city is "in" them, so they never tell events apart.
        countries = Set(gazetteer.entities.filter { $0.type == .place && !$0.nisbas.isEmpty }.map(\.name))
    }

    public static let shared = PropositionContext()

    func isCountry(_ name: String) -> Bool { countries.contains(name) }

    /// A capital in the subject stands for its country (`طهران تنفي` = `إيران تنفي`).
    func subjectName(of mention: EntityRecognizer.Found) -> String {
        countryOfCapital[mention.name] ?? mention.name
    }

    /// `Data/topics.tsv`: word key → topics.
    let topicsByKey: [String: Set<String>] = {
        var map: [String: Set<String>] = [:]
        let stemmer = CliticStemmer()
        for line in (EmbeddedResources.all["Data/topics.tsv"] ?? "").split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count == 2 else { continue }
            for form in fields[1].split(separator: "|") where !form.contains(" ") {
                map[MatchKey.of(String(form), stemmer: stemmer), default: []].insert(fields[0])
            }
        }
        return map
    }()

    /// `Data/capitals.tsv`: capital → country.
    let countryOfCapital: [String: String] = {
        var map: [String: String] = [:]
        for line in (EmbeddedResources.all["Data/capitals.tsv"] ?? "").split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            if fields.count == 2 { map[fields[0]] = fields[1] }
        }
        return map
    }()

    /// Countries among `names`.
    func countries(in names: Set<String>) -> Set<String> { names.filter(isCountry) }

    func affiliation(of name: String) -> String? { gazetteer.entity(named: name)?.affiliation }

    /// The country a name is, is in or belongs to along its affiliation chain (a capital stands for
    /// its country; `affiliation`, when given, is the name's own, as the archive stores it for a
    /// discovered entity). The chains of the gazetteer are at most three links long.
    func country(of name: String, affiliation: String? = nil) -> String? {
        var current: String? = countryOfCapital[name] ?? name
        var next = affiliation
        var steps = 0
        while let name = current, steps < 5 {
            if isCountry(name) { return name }
            current = next ?? self.affiliation(of: name)
            next = nil
            steps += 1
        }
        return nil
    }

    /// Whom a speaker the gazetteer does not know speaks for, when its name says so with a country's
    /// nisba (`السفارة الروسية في دمشق`, `مسؤولون إيرانيون` → روسيا, إيران).
    func impliedCountry(ofSpeaker speaker: String) -> String? {
        let analyzed = AnalyzedText(speaker, stemmer: stemmer)
        return recognizer.matcher.matches(in: analyzed).lazy.compactMap { match -> String? in
            let entity = self.gazetteer.entities[match.target.entityIndex]
            return match.target.viaNisba && self.isCountry(entity.name) ? entity.name : nil
        }.first
    }

    /// The places a place lies in, from the gazetteer's affiliation column (`معبر البوكمال` → البوكمال),
    /// stopping at countries (a country never tells two events apart).
    func containingPlaces(of name: String) -> [String] {
        var result: [String] = []
        var current = name
        while result.count < 3, let next = gazetteer.entity(named: current)?.affiliation, next != name, !result.contains(next),
              gazetteer.entity(named: next)?.type == .place, !isCountry(next) {
            result.append(next)
            current = next
        }
        return result
    }
}

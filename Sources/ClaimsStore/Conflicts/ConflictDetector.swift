/// Finds conflicts (denials, contradictions, different figures, retractions) and corroborations
/// between stored claims, incrementally for new claims and as a full rebuild.
///
/// Candidates come from the `claim_terms` index, never from a scan of all pairs: each claim is
/// indexed under (predicate family × entity) keys, its named entities below country level and its
/// longest content words, all with its day. A new claim is compared only with claims that share an
/// index key within ± `windowDays` days (a claim of unknown date meets every claim's look-ups, and
/// stands itself for the newest news: the last `windowDays` days indexed before it), at most
/// `maxCandidates` of them (those sharing the most keys); of its own article, only with the
/// `sameArticleClaims` claims before it (ArticlePostings.swift). With P postings per key inside the window,
/// finding candidates for one claim costs K · (2 · windowDays + 2) B-tree seeks of O(log n) for its
/// K keys, within the pages of those few days (the index is keyed by day first), plus O(K · P), and
/// comparing them O(min(candidates, maxCandidates)); a rebuild over n claims is O(n · K · P · log n):
/// n · log n at a steady rate of news — never the n² of comparing all pairs.
///
/// The same pairs come out incrementally and from a rebuild: both compare each claim with the
/// candidates of smaller id, older side first.
public final class ConflictDetector {
    public let database: ClaimsDatabase
    public let comparer: ClaimComparer
    /// The second opinion on pairs of a denial and a report that the comparer leaves unlinked.
    let deniedContent = DeniedContent()
    var deniedKeysByClaim: [Int: Set<String>] = [:]
    let context: PropositionContext
    var connection: Database { database.connection }

    /// The most content words of one claim that go into the index (the longest, which are the rarest).
    static let indexedWordsPerClaim = 8
    /// The most candidates one claim is compared with: those sharing the most index keys, newest
    /// first. Without a cap, a statement repeated by hundreds of articles in one window would make
    /// detection quadratic in the repeats; with it, detection is O(K) comparisons per claim.
    static let maxCandidates = 100
    /// A claim links to at most this many corroborating claims: enough to join its story.
    static let maxCorroborationsPerClaim = 20
    /// Analysed claims kept in memory (they never change once indexed), so that a claim compared
    /// with many newer ones is read and decoded once.
    private var cache: [Int: Record] = [:]
    /// Bounded so that peak memory stays flat however large the archive (~2.4 KB a record).
    static let cacheLimit = 20_000
    /// What candidate look-ups keep for the article being detected (ArticlePostings.swift).
    var articlePostings = ArticlePostings()

    public init(database: ClaimsDatabase, windowDays: Int = 4, gazetteer: Gazetteer? = nil) throws {
        self.database = database
        self.comparer = ClaimComparer(windowDays: windowDays)
        self.context = try gazetteer.map { PropositionContext(gazetteer: $0) }
            ?? PropositionContext(gazetteer: ExtractionStore(database: database).gazetteer())
    }

    /// A stored claim with what comparing it needs.
    struct Record {
        let id: Int
        let articleID: Int
        let speakerKey: String
        let stance: Stance
        let isCall: Bool
        let target: Int?
        let isPointer: Bool
        let proposition: Proposition
        /// Its index keys, when it was just indexed (its candidates are found by the same keys).
        var indexKeys: Set<String>?
    }

    static let recordSQL = """
        SELECT c.id, c.article_id, coalesce(CAST(c.speaker_entity_id AS TEXT), c.speaker), c.stance, c.is_call, c.target_claim_id,
               c.content, coalesce(c.said_on, substr(a.published, 1, 10)), f.features, coalesce(e.name, c.speaker), e.affiliation, e.origin
        FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN claim_features f ON f.claim_id = c.id
        LEFT JOIN entities e ON e.id = c.speaker_entity_id
        """

    private var impliedCountries: [String: String?] = [:]
    private func impliedCountry(ofSpeaker speaker: String) -> String? {
        if let known = impliedCountries[speaker] { return known }
        // The built-in gazetteer: the archive's own holds the discovered institution as one name.
        let country = PropositionContext.shared.impliedCountry(ofSpeaker: speaker)
        if impliedCountries.count < 10_000 { impliedCountries[speaker] = country }
        return country
    }

    /// The propositions of the claims being detected, as extraction made them: what their stored
    /// features encode, without decoding them.
    private var fresh: [Int: Proposition] = [:]

    private func record(_ row: Row) -> Record {
        let content = row.string(6)
        let stance = Stance(rawValue: row.string(3)) ?? .asserts
        let date = row.optionalString(7).flatMap { CalendarDate(iso: $0) }
        var proposition = fresh[row.int(0)] ?? row.optionalString(8).flatMap { Proposition(features: $0, text: content) }
            ?? Proposition(text: content, stance: stance, date: date, context: context)
        proposition.stance = stance
        proposition.date = date
        proposition.speaker = row.string(9)
        // A known entity's own affiliation; for a speaker the gazetteer does not know, the country its name implies.
        // (Archives made before discovered institutions had affiliations: derive it here.)
        proposition.speakerAffiliation = row.optionalString(10)
            ?? (row.optionalString(11) == "builtin" || row.optionalString(11) == "user" ? nil : impliedCountry(ofSpeaker: row.string(9)))
        proposition.memoiseDerived(sourceChain: comparer.sourceChain(proposition))
        let words = Tokenizer.tokenize(content)
        let isPointer = words.count <= 3 && words.first.map { CueLexicon.pointerWords.contains(ArabicNormalizer.normalize($0.text)) } == true
        return Record(id: row.int(0), articleID: row.int(1), speakerKey: row.string(2), stance: stance, isCall: row.bool(4),
                      target: row.optionalInt(5), isPointer: isPointer, proposition: proposition)
    }

    /// Frees the analysed claims kept for comparisons (they are read again when needed).
    public func forgetCachedClaims() {
        cache = [:]
        impliedCountries = [:]
        frames = [:]
        deniedKeysByClaim = [:]
    }

    /// Articles' frames (countries and towns they name), read once per article.
    private var frames: [Int: ArticleFrame] = [:]

    /// Whether two claims of different articles stand in articles about other countries or other towns.
    func inOtherFrames(_ older: Record, _ newer: Record) throws -> Bool {
        guard older.articleID != newer.articleID else { return false }
        return try frame(of: older.articleID).separates(from: frame(of: newer.articleID))
    }

    private func frame(of article: Int) throws -> ArticleFrame {
        if let known = frames[article] { return known }
        let frame = try ArticleFrame.read(article: article, in: connection, context: context)
        if frames.count >= Self.cacheLimit { frames.removeAll(keepingCapacity: true) }
        frames[article] = frame
        return frame
    }

    func load(_ id: Int) throws -> Record? {
        if let cached = cache[id] { return cached }
        guard let loaded = try connection.queryOne(Self.recordSQL + " WHERE c.id = ?", [id], { (record($0), $0.isNull(8)) }) else { return nil }
        if loaded.1 {
            // Stored without features (an archive older than them, or a claim added by hand): keep
            // what analysing it found, for the next comparison.
            try connection.cached("INSERT OR REPLACE INTO claim_features (claim_id, features) VALUES (?, ?)")
                .bind([id, loaded.0.proposition.featuresJSON.jsonText] as [any SQLBindable]).run()
        }
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[id] = loaded.0
        return loaded.0
    }

    // MARK: - Index

    /// Writes a claim's index keys (analysing it first unless extraction stored its features).
    func index(_ id: Int) throws -> Record? {
        cache[id] = nil
        deniedKeysByClaim[id] = nil
        guard var record = try load(id) else { return nil }
        let keys = indexKeys(record.proposition)
        try connection.cached("DELETE FROM claim_terms WHERE claim_id = ?").bind([id]).run()
        let insert = try connection.cached("INSERT OR IGNORE INTO claim_terms (term, day, claim_id) VALUES (?, ?, ?)")
        let day = record.proposition.date?.dayNumber ?? Self.undatedDay
        for term in keys {
            try insert.bind([term, day, id] as [any SQLBindable]).run()
        }
        if !keys.isEmpty { articlePostings.noteIndexed(day: day, article: record.articleID) }
        record.indexKeys = keys
        return record
    }

    /// `ce:<family>|<entity>`, `cs:<family>|<speaker>` (the speaker's outermost body: what one source
    /// said again, even with no name in it), `e:<entity>` (below country level), `t:<word>`.
    func indexKeys(_ proposition: Proposition) -> Set<String> {
        var keys = Set<String>()
        let source = (proposition.sourceChain ?? comparer.sourceChain(proposition)).last
        for concept in proposition.concepts.keys {
            let family = family(of: concept)
            for entity in proposition.entities { keys.insert("ce:\(family)|\(entity)") }
            if let source { keys.insert("cs:\(family)|\(source)") }
        }
        for entity in proposition.entities where !context.isCountry(entity.text) {
            keys.insert("e:\(entity)")
            // And its words, where a statement that did not recognise the name spells it (SharedNames).
            if proposition.places.contains(entity) {
                for word in proposition.nameWords[entity] ?? [] { keys.insert("t:" + deniedContent.roots.key(ofStem: word.text)) }
            }
        }
        // (Byte length ranks words like their letter count here, without Unicode grapheme counting.)
        let longestFirst = proposition.terms.sorted { a, b in
            a.text.utf8.count != b.text.utf8.count ? a.text.utf8.count > b.text.utf8.count : b < a
        }
        // By root key (Linking/RootAnalyzer), so that a report and its denial meet whatever the
        // forms (`سيستورد` / `استيراد`, `انهار` / `انهيار`).
        for word in longestFirst.prefix(Self.indexedWordsPerClaim) {
            keys.insert("t:" + deniedContent.roots.key(ofStem: word.text))
        }
        return keys
    }

    /// A concept and its opposites share one family, so that opposite claims meet in the index.
    func family(of concept: String) -> String {
        comparer.predicates.family(of: concept)
    }

    /// `claim_terms.day` of a claim whose date is unknown (a key column cannot be NULL).
    static let undatedDay = -1_000_000

    /// The newest postings read per index key: a statement repeated by thousands of articles costs
    /// the same as one repeated by a few hundred.
    static let postingsPerKey = 400

    /// Claims of smaller id sharing enough index keys with `record` within the time window: for each
    /// key, its newest postings, counted per claim. Those of its own article are read only among its
    /// `sameArticleClaims` claims before it.
    func candidates(for record: Record) throws -> [Int] {
        let keys = Array(record.indexKeys ?? indexKeys(record.proposition))
        guard !keys.isEmpty else { return [] }
        // Every claim also reads the undated postings (their day is `undatedDay`).
        let days = (try searchDays(for: record).map(Array.init) ?? []) + [Self.undatedDay]
        try startArticle(of: record)
        var postings = try olderArticlesPostings(of: keys, days: days)
        let ownArticle = try ownArticlePostings(of: keys, days: days, below: record.id)
        for index in keys.indices where !ownArticle[index].isEmpty {
            // The newest `postingsPerKey` of both, as one read below `record.id` would give.
            postings[index] = ownArticle[index] + postings[index].prefix(max(0, Self.postingsPerKey - ownArticle[index].count))
        }
        var shared: [Int: (predicateEntity: Int, entity: Int, words: Int)] = [:]
        for (key, ids) in zip(keys, postings) {
            for id in ids {
                var counts = shared[id] ?? (0, 0, 0)
                if key.hasPrefix("ce:") || key.hasPrefix("cs:") { counts.predicateEntity += 1 } else if key.hasPrefix("e:") { counts.entity += 1 } else { counts.words += 1 }
                shared[id] = counts
            }
        }
        // A denial names what it denies in few words (`نفت … إغلاق حقل الشرارة`): two shared words make it a candidate.
        let minimumWords = record.stance == .denies ? 2 : 3
        let eligible = shared.filter {
            $0.value.predicateEntity >= 1 || ($0.value.entity >= 1 && $0.value.words >= 1) || $0.value.words >= minimumWords
        }
        // The closest first (most keys shared), then the newest; at most maxCandidates.
        return eligible.sorted { a, b in
            let sa = 4 * a.value.predicateEntity + 2 * a.value.entity + a.value.words
            let sb = 4 * b.value.predicateEntity + 2 * b.value.entity + b.value.words
            return (sa, a.key) > (sb, b.key)
        }.prefix(Self.maxCandidates).map(\.key)
    }

    /// The days whose postings a claim reads: ± `windowDays` around its date; for an undated claim,
    /// the days up to the newest day indexed before it (nil: nothing dated is indexed before it).
    private func searchDays(for record: Record) throws -> ClosedRange<Int>? {
        let window = comparer.windowDays
        if let day = record.proposition.date?.dayNumber { return (day - window)...(day + window) }
        // (The index holds only claims before this one, incrementally and in a rebuild alike: the
        // first row is the answer.)
        var newest: Int?
        try connection.cached("SELECT day FROM claim_terms WHERE day > ? AND +claim_id < ? ORDER BY day DESC LIMIT 1")
            .bind([Self.undatedDay, record.id] as [any SQLBindable]).forEach { newest = $0.int(0) }
        return newest.map { ($0 - window)...$0 }
    }

    // MARK: - Detection

    /// What detection found for one claim.
    public struct Outcome: Sendable {
        public var conflicts = 0
        public var corroborations = 0
    }

    /// Indexes the new claims and relates each to the stored claims before it.
    /// - Parameter propositions: the claims' propositions from extraction, in the order of `ids`
    ///   (else they are decoded from their stored features).
    @discardableResult
    public func detect(newClaims ids: [Int], propositions: [Proposition] = []) throws -> Outcome {
        if propositions.count == ids.count {
            for (id, proposition) in zip(ids, propositions) { fresh[id] = proposition }
        }
        defer { fresh.removeAll(keepingCapacity: true) }
        // (An article rolled back may leave its id to the next one, with other claims.)
        articlePostings = ArticlePostings()
        var outcome = Outcome()
        for id in ids.sorted() {
            guard let record = try index(id) else { continue }
            try relate(record, &outcome)
        }
        if !ids.isEmpty { try markStoriesStale() }
        return outcome
    }

    /// Recomputes every conflict and corroboration (after changing the window or the gazetteer).
    @discardableResult
    public func rebuild() throws -> Outcome {
        cache.removeAll()
        // (What follows a rebuild — regrouping the stories — does not need the analysed claims.)
        defer {
            forgetCachedClaims()
            Memory.returnFreedPages()
        }
        // One transaction rewrites the whole index: with the default page cache it spills and re-reads.
        return try connection.withPageCache(kibibytes: Ingester.ingestCacheKiB) {
            try connection.transaction {
                // Each claim's features stay (they were analysed with its article); links are redone.
                try connection.execute("DELETE FROM conflicts; DELETE FROM corroborations; DELETE FROM claim_terms;")
                // (Links between earlier claims change: the stories are regrouped whole.)
                try StoryRegion.forgetBuild(connection)
                let ids = try connection.query("SELECT id FROM claims ORDER BY id") { $0.int(0) }
                return try detect(newClaims: ids)
            }
        }
    }

    private func relate(_ newer: Record, _ outcome: inout Outcome) throws {
        var targets = Set<Int>()
        if let target = newer.target, let older = try load(target) {
            try store(older, newer, comparer.compare(older.proposition, newer.proposition, sameArticle: older.articleID == newer.articleID),
                      explicit: true, &outcome)
            targets.insert(target)
        }
        // What the denier asserts next to a denial (`… كاذبة وأن الجيش لا يزال في مكانه`) answers the
        // report it denies, even without naming the place again.
        let sibling = newer.stance == .asserts ? try siblingDenial(of: newer) : nil
        if let denial = sibling, let report = denial.target.flatMap({ try? load($0) }),
           let (ca, cb) = comparer.oppositePredicates(report.proposition, newer.proposition) {
            let words = { (concept: String, p: Proposition) in p.conceptWords[concept].map { "«\($0)»" } ?? concept }
            try store(report, newer, Comparison(relation: .contradict, kinds: [.contradiction], score: 0.8,
                                                explanation: "the denier asserts the opposite: \(words(ca, report.proposition)) (\(ca)) / \(words(cb, newer.proposition)) (\(cb))"),
                      explicit: false, &outcome)
            targets.insert(report.id)
        }
        guard !newer.isPointer else { return }
        let corroborationsBefore = outcome.corroborations
        for id in try candidates(for: newer) where !targets.contains(id) {
            guard let older = try load(id), !older.isPointer else { continue }
            // (Neither a conflict nor a corroboration, whatever else they share.)
            if older.isCall != newer.isCall || comparer.cannotLink(older.proposition, newer.proposition) || inOtherCountries(older, newer) { continue }
            if try inOtherFrames(older, newer) { continue }
            var comparison = comparer.compare(older.proposition, newer.proposition, sameArticle: older.articleID == newer.articleID)
            if comparison.relation == .unrelated || comparison.relation == .related, let denial = secondOpinion(older, newer) { comparison = denial }
            if comparison.relation == .contradict, !comparison.kinds.contains(.denial), older.articleID != newer.articleID,
               let denial = try pointerDenial(beside: newer, sibling: sibling) ?? pointerDenial(beside: older, sibling: nil) {
                comparison = Self.denied(comparison, by: denial)
            }
            if comparison.relation == .agree, outcome.corroborations - corroborationsBefore >= Self.maxCorroborationsPerClaim { continue }
            // A speaker restating itself in one article may join a story, never make a conflict.
            if older.articleID == newer.articleID && older.speakerKey == newer.speakerKey && comparison.relation != .agree { continue }
            try store(older, newer, comparison, explicit: false, &outcome)
        }
    }

    private func store(_ older: Record, _ newer: Record, _ comparison: Comparison, explicit: Bool, _ outcome: inout Outcome) throws {
        if explicit || (comparison.relation == .contradict && !older.isCall) {
            var kinds = comparison.relation == .contradict ? comparison.kinds : []
            var explanation = comparison.explanation
            if explicit {
                if !kinds.contains(.denial) { kinds.insert(.denial, at: 0) }
                explanation = "the denial refers back to this report" + (comparison.relation == .contradict ? "; " + comparison.explanation : "")
            }
            if kinds.contains(.denial), older.speakerKey == newer.speakerKey { kinds.insert(.retraction, at: 0) }
            // The reporting side first, the denying side second.
            let (a, b) = older.stance == .denies && newer.stance != .denies ? (newer, older) : (older, newer)
            // One statement split into a denial and a counter-assertion (`التقارير كاذبة وأن الجيش في
            // مكانه`) makes one conflict with both reasons, not two. (The unary + keeps the planner on
            // the conflicts of `a`: through the article's claims, a long article was quadratic.)
            if let existing = try connection.queryOne("""
                SELECT x.id, x.kinds, x.explanation FROM conflicts x JOIN claims other ON other.id = x.claim_b_id JOIN claims this ON this.id = ?
                WHERE x.claim_a_id = ? AND +other.article_id = this.article_id AND other.part = this.part
                  AND coalesce(CAST(other.speaker_entity_id AS TEXT), other.speaker) = coalesce(CAST(this.speaker_entity_id AS TEXT), this.speaker)
                  AND abs(other.sentence - this.sentence) <= 1
                """, [b.id, a.id], { ($0.int(0), $0.string(1), $0.string(2)) }) {
                var merged = existing.1.split(separator: ",").map(String.init)
                for kind in kinds.map(\.rawValue) where !merged.contains(kind) { merged.append(kind) }
                try connection.run("UPDATE conflicts SET kinds = ?, explanation = ? WHERE id = ?", merged.joined(separator: ","),
                                   existing.2.contains(explanation) ? existing.2 : existing.2 + "; also: " + explanation, existing.0)
                return
            }
            try connection.cached("""
                INSERT OR IGNORE INTO conflicts (claim_a_id, claim_b_id, kind, kinds, score, explanation) VALUES (?, ?, ?, ?, ?, ?)
                """).bind([a.id, b.id, kinds.first?.rawValue ?? "denial", kinds.map(\.rawValue).joined(separator: ","),
                           explicit ? max(comparison.score, 0.9) : comparison.score, explanation] as [any SQLBindable]).run()
            outcome.conflicts += connection.changes
        } else if comparison.relation == .agree, comparison.sameEvent {
            try connection.cached("INSERT OR IGNORE INTO corroborations (claim_a_id, claim_b_id, score, explanation) VALUES (?, ?, ?, ?)")
                .bind([older.id, newer.id, comparison.score, comparison.explanation] as [any SQLBindable]).run()
            outcome.corroborations += connection.changes
        }
    }

    private func markStoriesStale() throws {
        try connection.run("INSERT INTO settings (key, value) VALUES ('stories_stale', '1') ON CONFLICT(key) DO UPDATE SET value = '1'")
    }
}

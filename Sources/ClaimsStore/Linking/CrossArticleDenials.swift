/// Pointer denials resolved across articles. A denial that only points (`نفت الوزارة ذلك`, `هذه
/// الأنباء عارية عن الصحة`) and finds no report in its own article denies what an earlier article
/// reported: what it denies is what its own article is framed around — the content of the article's
/// other denials, else its title, else its lead — and that is matched to the earlier claims by
/// retrieval (`ClaimRetrieval`: BM25 over the claims and the entities in common), each candidate
/// judged by the denied-content test of the conflict detector (`DeniedContent`: the framing's root keys
/// and concepts contained in the report, one of them specific). The report found is stored as the
/// denial's target (`target_claim_id`, `denies_claim_id` in JSON), so that conflict detection makes
/// it an explicit denial and `claims show` shows what is denied.
struct CrossArticleDenials {
    let connection: Database
    let context: PropositionContext
    /// Reports further apart in days than this are not linked (the conflict window).
    let windowDays: Int
    let deniedContent = DeniedContent()
    /// Candidates read from retrieval for one framing.
    static let candidatesPerFraming = 20

    /// What the article says around its pointer denials.
    struct Article {
        let id: Int
        let title: String
        let titleIsHeadline: Bool
        let body: String
        let published: String?
    }

    /// Whether a claim's content only points back (`ذلك`, `هذه الأنباء`, `تلك التقارير`).
    static func isPointer(_ content: String) -> Bool {
        let words = Tokenizer.tokenize(content)
        guard let first = words.first, words.count <= 3 else { return false }
        return CueLexicon.pointerWords.contains(ArabicNormalizer.normalize(first.text))
    }

    /// Sets the target of each pointer denial of `article` that extraction left without one.
    /// `ids` are the stored ids of `extraction.claims`, in order. Returns how many were resolved.
    @discardableResult
    func resolve(_ extraction: ArticleExtraction, ids: [Int], article: Article) throws -> Int {
        let pointers = extraction.claims.indices.filter {
            $0 < ids.count && extraction.claims[$0].stance == .denies && extraction.claims[$0].targetIndex == nil
                && Self.isPointer(extraction.claims[$0].content)
        }
        guard !pointers.isEmpty else { return 0 }
        // The article's framings are read once, and each is looked up once: an article of thousands
        // of pointer denials (one very long page) must not read its whole text or the archive again
        // for each of them.
        let framings = framings(in: extraction, article: article)
        let lead = lead(of: article).flatMap { framings.contains($0) ? nil : $0 }
        var reports: [String: Int?] = [:]
        var resolved = 0
        for index in pointers {
            let pointer = extraction.claims[index]
            let date = (pointer.saidOn ?? article.published).flatMap { CalendarDate(iso: String($0.prefix(10))) }
            // The lead, unless it is the pointer's own sentence (`نفت الوزارة ذلك` frames nothing).
            let own = framings + (lead.map { pointer.part == .body && pointer.sentenceIndex == 0 ? [] : [$0] } ?? [])
            for framing in own {
                let key = framing + "\u{1}" + (date.map { String($0.dayNumber) } ?? "")
                let report: Int?
                if let known = reports[key] { report = known } else {
                    report = try bestReport(for: framing, before: article.id, date: date)
                    reports[key] = report
                }
                guard let report else { continue }
                try connection.cached("UPDATE claims SET target_claim_id = ? WHERE id = ?").bind([report, ids[index]] as [any SQLBindable]).run()
                resolved += 1
                break
            }
        }
        return resolved
    }

    /// The most denials one article gives its pointer denials as framings (the first ones: the
    /// headline's first), its title and lead besides.
    static let framingsPerArticle = 8

    /// What the article says is denied, most specific first: the content of its other denials that
    /// say what they deny (a headline `الوزارة تنفي إغلاق المستشفى`), its title.
    func framings(in extraction: ArticleExtraction, article: Article) -> [String] {
        var framings: [String] = []
        var seen = Set<String>()
        for claim in extraction.claims where claim.stance == .denies && claim.targetIndex == nil && !Self.isPointer(claim.content) {
            guard framings.count < Self.framingsPerArticle else { break }
            if seen.insert(claim.content).inserted { framings.append(claim.content) }
        }
        if article.titleIsHeadline, !article.title.isEmpty, !seen.contains(article.title) {
            framings.append(article.title)
        }
        return framings
    }

    /// The article's first sentence (read up to its end only).
    func lead(of article: Article) -> String? {
        let body = article.body.drop(while: { ".!؟?\n".contains($0) })
        let end = body.firstIndex(where: { ".!؟?\n".contains($0) }) ?? body.endIndex
        let lead = String(body[..<end])
        return lead.isEmpty ? nil : lead
    }

    /// What a proposition is about, for the denied-content test: its root keys and concepts, and its
    /// entities (a framing is often only a predicate and names: `اغلاق مستشفى الرازي في حلب`).
    func keys(_ proposition: Proposition) -> Set<String> {
        deniedContent.keys(proposition).union(proposition.entities.map { "e:" + $0.text })
    }

    /// The earlier report (another, earlier article; within the window) whose content holds what
    /// `framing` denies, best first by the keys they share, then the nearest in time.
    func bestReport(for framing: String, before articleID: Int, date: CalendarDate?) throws -> Int? {
        let denial = Proposition(text: framing, stance: .denies, date: date, context: context)
        let denialKeys = keys(denial)
        guard denialKeys.count >= DeniedContent.minimumSharedKeys else { return nil }
        let ids = try ClaimRetrieval(connection: connection, stemmer: context.stemmer)
            .candidates(for: framing, entities: denial.entities, limit: Self.candidatesPerFraming)
        var best: (id: Int, shared: Int, distance: Int)?
        for id in ids {
            guard let row = try connection.queryOne("""
                SELECT c.article_id, c.stance, c.is_call, c.content, coalesce(c.said_on, substr(a.published, 1, 10)), f.features
                FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN claim_features f ON f.claim_id = c.id WHERE c.id = ?
                """, [id], { (article: $0.int(0), stance: $0.string(1), isCall: $0.bool(2), content: $0.string(3),
                             day: $0.optionalString(4), features: $0.optionalString(5)) }) else { continue }
            // Only what an earlier article reported: a denial or an appeal states no fact to deny.
            guard row.article < articleID, row.stance != Stance.denies.rawValue, !row.isCall, !Self.isPointer(row.content) else { continue }
            let reportDate = row.day.flatMap { CalendarDate(iso: $0) }
            var distance = 0
            if let date, let reportDate {
                distance = abs(date.dayNumber - reportDate.dayNumber)
                guard distance <= windowDays else { continue }
            }
            let report = row.features.flatMap { Proposition(features: $0, text: row.content) }
                ?? Proposition(text: row.content, date: reportDate, context: context)
            guard let shared = deniedContent.sharedKeys(denial: denialKeys, report: keys(report)) else { continue }
            if best.map({ (shared.count, -distance, id) > ($0.shared, -$0.distance, $0.id) }) ?? true {
                best = (id, shared.count, distance)
            }
        }
        return best?.id
    }
}

/// Extracts entities and claims from one article: the title and the body are analysed
/// separately (offsets are per part), the title first so that a headline's speaker is known.
public struct ArticleExtractor: Sendable {
    public let gazetteer: Gazetteer
    let recognizer: EntityRecognizer
    let cues: CueLexicon
    let stemmer: CliticStemmer
    /// For analysing each claim's content the way conflict detection compares it.
    let propositionContext: PropositionContext

    /// - Parameter gazetteer: the built-in gazetteer plus the user's entities.
    public init(gazetteer: Gazetteer = .builtIn, cues: CueLexicon = .builtIn, stemmer: CliticStemmer = CliticStemmer()) {
        self.gazetteer = gazetteer
        self.cues = cues
        self.stemmer = stemmer
        self.recognizer = EntityRecognizer(matcher: EntityMatcher(gazetteer: gazetteer, stemmer: stemmer), stemmer: stemmer)
        self.propositionContext = PropositionContext(gazetteer: gazetteer)
    }

    /// - Parameters:
    ///   - published: the article's date (ISO), for resolving `اليوم`, `أمس`, `يوم الجمعة`.
    ///   - outlet: the article's outlet, the speaker of a bare headline.
    ///   - titleIsHeadline: false when the title was derived from the first paragraph.
    public func extract(title: String, body: String, published: String?, outlet: String? = nil, titleIsHeadline: Bool = true) -> ArticleExtraction {
        var result = ArticleExtraction()
        let date = published.flatMap { CalendarDate(iso: $0) }
        var extraPeople: [String: [String]] = [:]
        var previousSpeaker: ClaimExtractor.Speaker?
        var previousSaidOn: String?
        let extractor = ClaimExtractor(cues: cues, recognizerGazetteer: gazetteer)
        var claimOffset = 0
        // A very long body is analysed segment by segment (linear time); its offsets are the part's.
        let segments = [(ArticlePart.title, titleIsHeadline ? title[...] : "", 0)]
            + TextSegments.split(body).map { (ArticlePart.body, $0.text, $0.scalarOffset) }
        var shift = (sentences: 0, tokens: 0, part: ArticlePart.title)
        var discovered = Set<String>()
        for (part, content, scalarOffset) in segments where !content.isEmpty {
            if part != shift.part { shift = (0, 0, part) }
            let text = AnalyzedText(String(content), stemmer: stemmer)
            let found = recognizer.recognize(text, cues: cues, extraPeople: &extraPeople)
            for mention in found {
                let first = text.tokens[mention.range.lowerBound], last = text.tokens[mention.range.upperBound - 1]
                result.mentions.append(ExtractedMention(
                    entityName: mention.name, entityType: mention.type, origin: mention.origin, part: part,
                    sentenceIndex: shift.sentences + text.sentenceIndex(ofToken: mention.range.lowerBound),
                    start: scalarOffset + first.start, end: scalarOffset + last.end, text: String(text.slice(mention.range)),
                    tokenRange: (shift.tokens + mention.range.lowerBound)..<(shift.tokens + mention.range.upperBound), viaNisba: mention.viaNisba))
                if mention.origin == .discovered, discovered.insert(mention.name).inserted {
                    result.discovered.append(EntityDefinition(name: mention.name, type: mention.type, origin: .discovered))
                }
            }
            let context = ClaimExtractor.Context(
                text: text, part: part, entities: ClaimExtractor.EntityIndex(found), articleDate: date,
                isHeadline: { sentence in part == .title || Self.isStandaloneLine(sentence, text) })
            var claims = extractor.extract(context, previousSpeaker: &previousSpeaker, previousSaidOn: &previousSaidOn)
            for index in claims.indices {
                if let target = claims[index].targetIndex { claims[index].targetIndex = target + claimOffset }
                // A statement whose day the text does not give was made by the article's date: news reports
                // what was said that day or the day before, and `said_on` then still orders and windows it.
                if claims[index].saidOn == nil { claims[index].saidOn = date?.iso }
            }
            if part == .title, claims.isEmpty, let outlet, !outlet.isEmpty, let claim = bareHeadline(text, outlet: outlet, context) {
                claims.append(claim)
            }
            // Each claim's proposition, from this analysis (no second pass over its text later).
            var propositions: [Proposition] = []
            if !claims.isEmpty {
                let occurrences = Proposition.sortedByStart(propositionContext.predicates.occurrences(in: text), bounds: \.range)
                let parts = Proposition.sortedByStart(recognizer.matcher.matches(in: text), bounds: \.range)
                for index in claims.indices {
                    let claim = claims[index]
                    let claimDate = (claim.saidOn ?? published).flatMap { CalendarDate(iso: $0) }
                    let proposition = Proposition(analyzed: text, range: claim.contentTokens, recognized: found, parts: parts,
                                                  occurrences: occurrences, text: claim.content, stance: claim.stance, date: claimDate,
                                                  context: propositionContext)
                    claims[index].features = proposition.featuresJSON.jsonText
                    claims[index].contentSearch = stemmer.searchForm(of: claim.content)
                    propositions.append(proposition)
                }
            }
            for index in claims.indices {
                claims[index].sentenceIndex += shift.sentences
                claims[index].contentStart += scalarOffset; claims[index].contentEnd += scalarOffset
                claims[index].sentenceStart += scalarOffset; claims[index].sentenceEnd += scalarOffset
                let tokens = claims[index].contentTokens
                claims[index].contentTokens = (shift.tokens + tokens.lowerBound)..<(shift.tokens + tokens.upperBound)
            }
            shift.sentences += text.sentences.count
            shift.tokens += text.tokens.count
            claimOffset += claims.count
            result.claims += claims
            result.propositions += propositions
            if part == .title { previousSpeaker = nil; previousSaidOn = nil }
        }
        return result
    }

    /// `extract`, and a post or statement with no reporting cue in its text is its author's own
    /// claim (cue `post` / `statement`): its whole text, said on its date.
    public func extract(title: String, body: String, published: String?, outlet: String? = nil, titleIsHeadline: Bool = true,
                        author: String?, kind: ArticleKind) -> ArticleExtraction {
        var result = extract(title: title, body: body, published: published, outlet: outlet, titleIsHeadline: titleIsHeadline)
        guard kind != .article, let author, !author.isEmpty, !result.claims.contains(where: { $0.part == .body }) else { return result }
        let text = AnalyzedText(body, stemmer: stemmer)
        guard text.tokens.count >= 2, let first = text.sentences.first, let last = text.sentences.last else { return result }
        var extraPeople: [String: [String]] = [:]
        let found = recognizer.recognize(text, cues: cues, extraPeople: &extraPeople)
        let range = first.lowerBound..<last.upperBound
        let names = found.filter { range.contains($0.range.lowerBound) }.map(\.name)
        let start = text.tokens[range.lowerBound].start, end = text.tokens[range.upperBound - 1].end
        let speaker = gazetteer.entity(named: author)
        var claim = ExtractedClaim(
            speakerText: author, speakerEntity: speaker?.name, speakerType: speaker?.type, anonymous: false, via: [author],
            cue: kind.rawValue, stance: .asserts, content: body.trimmingCharacters(in: ".!؟?:؛ \n"), part: .body, sentenceIndex: 0,
            contentStart: start, contentEnd: end, sentenceStart: start, sentenceEnd: end, quote: false,
            saidOn: published.flatMap { CalendarDate(iso: $0)?.iso }, targetIndex: nil,
            entities: names.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }, contentTokens: range)
        let proposition = Proposition(analyzed: text, range: range, recognized: found,
                                      parts: Proposition.sortedByStart(recognizer.matcher.matches(in: text), bounds: \.range),
                                      occurrences: Proposition.sortedByStart(propositionContext.predicates.occurrences(in: text), bounds: \.range),
                                      text: claim.content,
                                      stance: .asserts, date: published.flatMap { CalendarDate(iso: $0) }, context: propositionContext)
        claim.features = proposition.featuresJSON.jsonText
        claim.contentSearch = stemmer.searchForm(of: claim.content)
        result.claims.append(claim)
        result.propositions.append(proposition)
        return result
    }

    /// A headline without attribution is the outlet's own claim.
    private func bareHeadline(_ text: AnalyzedText, outlet: String, _ context: ClaimExtractor.Context) -> ExtractedClaim? {
        guard text.tokens.count >= 3, let sentence = text.sentences.first else { return nil }
        let range = sentence.lowerBound..<text.sentences.last!.upperBound
        let names = context.entities.found.filter { range.contains($0.range.lowerBound) }.map(\.name)
        return ExtractedClaim(
            speakerText: outlet, speakerEntity: gazetteer.entity(named: outlet)?.name, speakerType: .media, anonymous: false,
            via: [outlet], cue: "headline", stance: .asserts, content: text.text.trimmingCharacters(in: ".!؟?:؛ "), part: .title,
            sentenceIndex: 0, contentStart: text.tokens[range.lowerBound].start, contentEnd: text.tokens[range.upperBound - 1].end,
            sentenceStart: text.tokens[range.lowerBound].start, sentenceEnd: text.tokens[range.upperBound - 1].end,
            quote: false, saidOn: context.articleDate?.iso, targetIndex: nil, entities: names.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            contentTokens: range)
    }

    /// A line of its own, short and without a final full stop: a headline or subheading.
    static func isStandaloneLine(_ sentence: Range<Int>, _ text: AnalyzedText) -> Bool {
        guard sentence.count <= 16 else { return false }
        let before = text.gaps[sentence.lowerBound]
        let after = text.gaps[sentence.upperBound]
        let startsLine = sentence.lowerBound == 0 || before.contains(where: \.isNewline)
        let endsLine = sentence.upperBound == text.tokens.count || after.contains(where: \.isNewline)
        return startsLine && endsLine && !after.contains(".")
    }
}

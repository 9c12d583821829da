/// Reads a statement typed by a user (`claims check`, `claims compare`) into a proposition: when
/// it is itself a report (`الكرملين: …`, `طهران تنفي …`), its stance and content; a falsity
/// predicate (`لا صحة للأنباء عن …`, `… كاذبة`) makes it a denial.
public struct StatementReader: Sendable {
    let extractor: ArticleExtractor
    let context: PropositionContext

    public init(gazetteer: Gazetteer = .builtIn, context: PropositionContext = .shared) {
        self.extractor = ArticleExtractor(gazetteer: gazetteer)
        self.context = context
    }

    public func read(_ statement: String, date: CalendarDate? = nil) -> Proposition {
        let text = statement.trimmingWhitespace()
        let claims = extractor.extract(title: text, body: "", published: nil).claims
            + extractor.extract(title: "", body: text, published: nil).claims
        if let claim = claims.first(where: { $0.stance == .denies }) ?? claims.first,
           Tokenizer.tokenize(claim.content).count >= 2 {
            var proposition = Proposition(text: claim.content, stance: claim.stance, date: date, context: context)
            // The speaker is part of what the statement is about (`حزب الله ينفي مقتل …`).
            if let speaker = claim.speakerEntity { proposition.entities.insert(Word(speaker)) }
            proposition.speaker = claim.speakerEntity ?? claim.speakerText
            proposition.speakerAffiliation = claim.speakerEntity.flatMap { context.affiliation(of: $0) }
            // The one who speaks is the actor of the statement (`الصين تعلن دعمها …`).
            proposition.subject = claim.speakerEntity ?? proposition.subject
            return proposition
        }
        var proposition = Proposition(text: text, stance: .asserts, date: date, context: context)
        let analyzed = AnalyzedText(text, stemmer: context.stemmer)
        if analyzed.tokens.indices.contains(where: { context.cues.phrase(in: analyzed, at: $0, end: analyzed.tokens.count)?.role == .falsity }) {
            proposition.stance = .denies
        }
        return proposition
    }
}

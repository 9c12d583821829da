/// Which part of an article a position refers to.
public enum ArticlePart: String, Sendable, Codable {
    case title, body
}

/// An entity found in an article.
public struct ExtractedMention: Sendable, Equatable {
    /// Canonical name of the entity (from the gazetteer, or as discovered).
    public let entityName: String
    public let entityType: EntityType
    public let origin: EntityOrigin
    public let part: ArticlePart
    public let sentenceIndex: Int
    /// Scalar offsets into the part's text.
    public let start: Int
    public let end: Int
    /// The text as written.
    public let text: String
    /// Token range in the part's analysed text (not stored).
    let tokenRange: Range<Int>
    let viaNisba: Bool
}

/// How a claim relates to the truth of what it reports.
public enum Stance: String, Sendable, CaseIterable, Codable {
    case asserts, denies, unconfirmed
}

/// A claim found in an article.
public struct ExtractedClaim: Sendable, Equatable {
    /// The speaker as written (or the canonical name when the text only has a pronoun).
    public var speakerText: String
    /// Canonical name of the speaker entity, when resolved.
    public var speakerEntity: String?
    public var speakerType: EntityType?
    public var anonymous: Bool
    /// The reporting chain, outermost first (the speaker itself first).
    public var via: [String]
    /// The reporting expression as written (`قالت`, `نفى`, `بحسب`, `headline`).
    public var cue: String
    public var stance: Stance
    public var content: String
    public var part: ArticlePart
    public var sentenceIndex: Int
    /// Scalar offsets of `content` in the part's text.
    public var contentStart: Int
    public var contentEnd: Int
    /// Scalar offsets of the sentence.
    public var sentenceStart: Int
    public var sentenceEnd: Int
    public var quote: Bool
    /// ISO date the statement was made, when the text says (`اليوم السبت`, `أمس`).
    public var saidOn: String?
    /// Index (in this article's claims) of the claim this one refers to: what a denial with a
    /// pointer (`نفت ذلك`, `هذه التقارير كاذبة`) denies.
    public var targetIndex: Int?
    /// Canonical names of the entities mentioned in the content.
    public var entities: [String]
    /// An appeal (`حث … على`, `دعا إلى`) rather than a statement of fact.
    public var isCall: Bool = false
    /// What conflict detection compares (`Proposition` features as JSON), analysed with the article.
    public var features: String?
    /// The content as `claims.content_search` stores it (normalised, clitic-stripped), computed
    /// with the extraction so that the writer does not.
    public var contentSearch: String?
    /// Token range of the content in the part's analysed text (not stored).
    var contentTokens: Range<Int>
}

/// Everything extracted from one article.
public struct ArticleExtraction: Sendable {
    public var mentions: [ExtractedMention] = []
    public var claims: [ExtractedClaim] = []
    /// Entities found by patterns, with their types (stored as `discovered`).
    public var discovered: [EntityDefinition] = []
    /// Each claim's proposition (what `features` encodes), in the order of `claims`: detection
    /// compares the new claims from these, without decoding the features it stores.
    public var propositions: [Proposition] = []
}

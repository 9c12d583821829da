/// An article as read from input, before cleaning and storing.
public struct ArticleDraft: Sendable {
    /// Where it came from: the path as given, `-` for standard input, with `:LINE` for JSON Lines.
    public var source: String
    public var title: String?
    public var body: String
    public var url: String?
    public var outlet: String?
    /// ISO 8601 date or date-time.
    public var published: String?
    /// Unknown input keys, kept as a JSON object.
    public var extra: JSONValue?
    /// True for a plain-text document, whose first line is its title; false for a JSON record,
    /// whose body is all text (a missing title is derived from its first sentence).
    public var isPlainText: Bool
    /// The given title was cut from the first sentence by an earlier ingest (`title_derived` in an export).
    public var titleDerived = false
    /// Who wrote it: a page's byline, a post's account (JSON `author`).
    public var author: String?
    /// What it is (JSON `kind`); nil for an ordinary article.
    public var kind: ArticleKind?

    public init(source: String, title: String? = nil, body: String, url: String? = nil, outlet: String? = nil,
                published: String? = nil, extra: JSONValue? = nil, isPlainText: Bool = true) {
        self.source = source
        self.title = title
        self.body = body
        self.url = url
        self.outlet = outlet
        self.published = published
        self.extra = extra
        self.isPlainText = isPlainText
    }
}

/// A cleaned article, ready to store.
public struct CleanArticle: Sendable, Equatable {
    public var source: String
    public var title: String
    public var body: String
    public var url: String?
    public var outlet: String?
    public var published: String?
    public var extraJSON: String?
    /// False when the title was derived from the first paragraph (no headline in the input).
    public var titleIsHeadline: Bool = true
    public var author: String?
    public var kind: ArticleKind = .article
}

/// What a stored text is: a news article, a social-media post, or a statement (a communiqué, a
/// spokesperson's words). A post or statement of one line is whole; its author speaks it.
public enum ArticleKind: String, Sendable, CaseIterable {
    case article, post, statement
}

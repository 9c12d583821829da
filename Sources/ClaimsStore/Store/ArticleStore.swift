import Foundation

/// Stores and reads articles. Every write runs inside the caller's transaction or its own.
public struct ArticleStore {
    public let database: ClaimsDatabase
    let stemmer: CliticStemmer
    var connection: Database { database.connection }

    public init(database: ClaimsDatabase, stemmer: CliticStemmer = CliticStemmer()) {
        self.database = database
        self.stemmer = stemmer
    }

    /// What storing an article derives from its text: the dedupe key and the search columns.
    /// Computed by whoever prepares the article (ingest's preparing thread), not the writer.
    public struct DerivedText: Sendable {
        public let contentHash: String
        public let titleSearch: String
        public let bodySearch: String

        public init(_ article: CleanArticle, contentHash: String? = nil, stemmer: CliticStemmer) {
            self.contentHash = contentHash ?? ArticleStore.contentHash(of: article.body)
            self.titleSearch = stemmer.searchForm(of: article.title)
            self.bodySearch = stemmer.searchForm(of: article.body)
        }
    }

    public enum InsertResult: Equatable, Sendable {
        case inserted(id: Int)
        case duplicate(existingID: Int)
    }

    /// The dedupe key: SHA-256 of the normalised body with white space collapsed.
    public static func contentHash(of body: String) -> String {
        if let collapsed = WhitespaceCollapser.normalizeAndCollapse(body) { return SHA256.hex(of: collapsed) }
        let normalized = ArabicNormalizer.normalize(body)
        // Text where a grapheme cluster joins white space to a neighbour (a combining mark after a
        // space, a prepended mark before one): the Character-level definition, slower.
        let collapsed = normalized.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return SHA256.hex(of: collapsed)
    }

    /// Inserts `article` unless an article with the same normalised body exists.
    /// One statement decides (`ON CONFLICT(content_hash) DO NOTHING`), so two processes storing the
    /// same article at once store it once, inside a transaction or not.
    /// The id of a stored article with the same normalised body, if any.
    public func existingID(of article: CleanArticle) throws -> Int? {
        try existingID(hash: Self.contentHash(of: article.body))
    }

    public func insert(_ article: CleanArticle, derived: DerivedText? = nil, ingestedAt: String = ArticleStore.now()) throws -> InsertResult {
        let derived = derived ?? DerivedText(article, stemmer: stemmer)
        let hash = derived.contentHash
        if let existing = try existingID(hash: hash) { return .duplicate(existingID: existing) }
        try connection.cached("""
            INSERT INTO articles (source, url, outlet, title, title_derived, published, body, content_hash, extra, ingested_at, title_search, body_search, author, kind)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(content_hash) DO NOTHING
            """).bind([
                article.source, article.url, article.outlet, article.title, !article.titleIsHeadline, article.published, article.body, hash,
                article.extraJSON, ingestedAt, derived.titleSearch, derived.bodySearch, article.author, article.kind.rawValue,
            ] as [any SQLBindable]).run()
        if connection.changes == 0, let existing = try existingID(hash: hash) { return .duplicate(existingID: existing) }
        return .inserted(id: Int(connection.lastInsertRowID))
    }

    private func existingID(hash: String) throws -> Int? {
        try connection.queryOne("SELECT id FROM articles WHERE content_hash = ?", [hash], { $0.int(0) })
    }

    public func article(id: Int) throws -> Article? {
        try connection.queryOne("SELECT \(Article.columns) FROM articles WHERE id = ?", [id], Article.init(row:))
    }

    public func count() throws -> Int {
        try connection.scalarInt("SELECT count(*) FROM articles")
    }

    /// Current UTC time as ISO 8601 (`2024-12-07T10:00:00Z`).
    public static func now() -> String {
        // strftime instead of a new ISO8601DateFormatter per call (this runs once per stored article).
        var seconds = time_t(Date().timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// `split(whereSeparator: \.isWhitespace).joined(separator: " ")` on the UTF-8 bytes of a String,
/// scalar by scalar. A Character is white space when its first scalar is, so the two agree
/// unless a grapheme cluster spans a white-space scalar and a non-white one; `collapse` returns
/// nil for such text (rare: a combining mark right after a space, or a prepended concatenation
/// mark right before one) and the caller falls back to the Character-level definition.
enum WhitespaceCollapser {
    static func collapse(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { collapse(utf8: $0) }
    }

    /// Unicode's White_Space property.
    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// True for scalars that join the cluster of a preceding white-space scalar (Extend, ZWJ, SpacingMark).
    static func extendsCluster(_ v: UInt32) -> Bool {
        if v < 0x0300 { return false }
        if v < 0x0800, let flags = ScalarFlags.lookup(v) { return flags & ScalarFlags.mark != 0 }
        switch v {
        case 0x200C, 0x200D, 0x0E33, 0x0EB3, 0xFF9E, 0xFF9F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
        default: break
        }
        guard let scalar = Unicode.Scalar(v) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// True for scalars that may join the cluster of a following scalar (Grapheme_Cluster_Break=Prepend), conservatively.
    @inline(__always)
    static func mayPrepend(_ v: UInt32) -> Bool {
        switch v {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E: return true
        default: return v >= 0x11000
        }
    }

    /// `collapse(ArabicNormalizer.normalize(text))` in one pass: each scalar is mapped as
    /// `normalize` maps it, then fed to the same white-space state machine.
    static func normalizeAndCollapse(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { bytes -> [UInt8]? in
            var state = State()
            state.out.reserveCapacity(bytes.count)
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    let mapped = (b >= 0x41 && b <= 0x5A) ? b + 0x20 : (b == 0x60 ? 0x27 : b)
                    guard state.feed(UInt32(mapped), utf8: CollectionOfOne(mapped)) else { return nil }
                    i += 1
                    continue
                }
                let (v, width) = UTF8Scalar.decode(bytes, at: i)
                let scalar = Unicode.Scalar(v).unsafelyUnwrapped
                if let mapped = ArabicNormalizer.map(scalar) {
                    if mapped == scalar {
                        guard state.feed(v, utf8: UnsafeBufferPointer(rebasing: bytes[i..<(i + width)])) else { return nil }
                    } else {
                        guard state.feed(mapped.value, utf8: UTF8.encode(mapped).unsafelyUnwrapped) else { return nil }
                    }
                }
                i += width
            }
            return state.out
        }
    }

    /// The collapsing state machine shared by both entry points.
    struct State {
        var out = [UInt8]()
        var pendingSpace = false       // white space seen since the last word
        var previous: UInt32 = 0x20    // the previous scalar

        /// Feeds one scalar `v` (encoded as `utf8`); false when the text needs the Character-level path.
        @inline(__always)
        mutating func feed<C: Collection>(_ v: UInt32, utf8: C) -> Bool where C.Element == UInt8 {
            if isWhitespace(v) {
                if !isWhitespace(previous) && mayPrepend(previous) { return false }
                pendingSpace = true
            } else {
                if isWhitespace(previous) && extendsCluster(v) { return false }
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: utf8)
            }
            previous = v
            return true
        }
    }

    static func collapse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var state = State()
        state.out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let (v, width) = UTF8Scalar.decode(bytes, at: i)
            guard state.feed(v, utf8: UnsafeBufferPointer(rebasing: bytes[i..<(i + width)])) else { return nil }
            i += width
        }
        return state.out
    }
}

/// Reads the inputs of the web: HTML pages, RSS/Atom feeds, web archives (WARC, gzip or not) and
/// CSV tables — by extension, or by content for other names and standard input. Each article or
/// problem goes to the same callback as `InputReader`'s.
public struct WebInputReader {
    public enum Format: String, Sendable {
        case html, feed, warc, csv
    }

    public let options: InputReader.Options
    public init(options: InputReader.Options) { self.options = options }

    /// The format of an input named `name` starting with `head`, or nil for the text and JSON formats.
    public static func format(name: String, head: ArraySlice<UInt8>) -> Format? {
        let lower = name.lowercased()
        let ext = lower.split(separator: ".").last.map(String.init) ?? ""
        switch ext {
        case "html", "htm", "xhtml", "shtml": return .html
        case "rss", "atom", "xml": return .feed
        case "warc": return .warc
        case "gz" where lower.hasSuffix(".warc.gz"): return .warc
        case "csv": return .csv
        case "txt", "md", "json", "jsonl": return nil
        default: break
        }
        if head.starts(with: Array("WARC/".utf8)) { return .warc }
        let text = String(decoding: head.prefix(1024).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        if start.hasPrefix("<rss") || start.hasPrefix("<feed") || start.hasPrefix("<rdf:rdf")
            || (start.hasPrefix("<?xml") && (text.contains("<rss") || text.contains("<feed") || text.contains("<rdf:rdf"))) { return .feed }
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<?xml") && text.contains("<html") { return .html }
        if looksLikeCSVHeader(start.prefix { !$0.isNewline }) { return .csv }
        return nil
    }

    /// A first line of two or more column names (`id,speaker,via,…`): a table on standard input
    /// (`claims export --format csv | claims ingest -`), never one article.
    static func looksLikeCSVHeader(_ line: Substring) -> Bool {
        let names = line.split(separator: ",", omittingEmptySubsequences: false)
        return names.count >= 2 && names.allSatisfy { name in
            guard let first = name.first, first.isASCII && (first.isLetter || first == "_") else { return false }
            return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        }
    }

    public func read(_ bytes: [UInt8], format: Format, name: String, contentType: String? = nil,
                     _ handle: (InputReader.Event) throws -> Void) throws {
        do {
            switch format {
            case .html:
                let page = try WebPage(bytes: bytes, source: name, contentType: contentType, options: options)
                if let note = page.note { try handle(.note(InputProblem(location: name, reason: note))) }
                try handle(.article(try page.draft()))
            case .feed:
                try FeedReader.read(bytes, name: name, handle)
            case .warc:
                try WARCReader(options: options).read(bytes, name: name, handle)
            case .csv:
                try CSVArticleReader.read(bytes, name: name, handle)
            }
        } catch let error as InputProblem {
            try handle(.problem(InputProblem(location: name, reason: error.reason)))
        } catch let error as IngestError {
            try handle(.problem(InputProblem(location: name, reason: error.description)))
        } catch let error as MarkupParser.ParseError {
            try handle(.problem(InputProblem(location: name, reason: error.message)))
        } catch let error as TextDecoder.DecodeError {
            try handle(.problem(InputProblem(location: name, reason: error.message)))
        }
    }
}

/// One HTML page: decoded (charset from the server, `<meta>` or the bytes), parsed, its main text
/// and metadata found.
public struct WebPage {
    public let metadata: PageMetadata
    public let paragraphs: [String]
    /// How the bytes were transcoded, when they were.
    public let note: String?
    let source: String
    let options: InputReader.Options
    var fallbackURL: String?
    var fallbackPublished: String?

    public init(bytes: [UInt8], source: String, contentType: String? = nil, options: InputReader.Options = .init()) throws {
        let decoded = try PageDecoder.decode(bytes, declaredCharset: contentType.flatMap(PageDecoder.charset(inContentType:)))
        let root = try MarkupParser.parseHTML(decoded.text)
        var metadata = PageMetadata.read(root)
        self.paragraphs = MainTextExtractor().paragraphs(of: root)
        if metadata.published == nil {
            // No date in the markup: a publication line of the page (`نشر في 05-12-2024 | 10:40`),
            // which usually stands outside the article's text.
            let lines = MainTextExtractor.blocks(of: root).lazy.map(\.text).filter { $0.count <= MetadataInference.maxDateLineWidth }
            metadata.published = lines.lazy.compactMap { line in
                MetadataInference.isPublicationMarked(line) ? ArabicDates.firstDate(in: line)?.iso : nil
            }.first
        }
        self.metadata = metadata
        self.note = decoded.note
        self.source = source
        self.options = options
    }

    /// The article: the page's own metadata first, then what the call gave (`--outlet`, `--url`,
    /// `--published`, or the archive record's URL and date).
    public func draft() throws -> ArticleDraft {
        guard !paragraphs.isEmpty else { throw IngestError.empty("no article text found in the page") }
        var draft = ArticleDraft(source: source, title: metadata.title, body: paragraphs.joined(separator: "\n"),
                                 url: metadata.url ?? fallbackURL ?? options.url, outlet: metadata.outlet ?? options.outlet,
                                 published: metadata.published ?? options.published ?? fallbackPublished, isPlainText: false)
        draft.author = metadata.author
        return draft
    }
}

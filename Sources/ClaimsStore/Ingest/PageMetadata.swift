import Foundation

/// What a web page says about itself: title, outlet, date, canonical URL, author — from Open Graph
/// and article meta tags, JSON-LD (`NewsArticle`, `publisher`, `datePublished`, `author`),
/// `<h1>`, `<time datetime>` and `<title>` minus the site name. Missing fields stay nil (the
/// cleaner's dateline rules may still find the outlet and the date in the text).
public struct PageMetadata: Equatable, Sendable {
    public var title: String?
    public var outlet: String?
    public var published: String?
    public var url: String?
    public var author: String?

    public init(title: String? = nil, outlet: String? = nil, published: String? = nil, url: String? = nil, author: String? = nil) {
        self.title = title; self.outlet = outlet; self.published = published; self.url = url; self.author = author
    }

    public static func read(_ page: MarkupNode) -> PageMetadata {
        var meta: [String: String] = [:]
        for node in page.descendants(where: { $0.name == "meta" }) {
            guard let key = (node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop"))?.lowercased(),
                  let content = node.attribute("content").map(Self.clean), !content.isEmpty, meta[key] == nil else { continue }
            meta[key] = content
        }
        let linked = JSONLinkedData(page)
        var result = PageMetadata()

        result.outlet = meta["og:site_name"] ?? linked.publisher ?? meta["application-name"]
        let pageTitle = page.first("title").map { clean($0.textContent) }.flatMap { $0.isEmpty ? nil : $0 }
        let heading = (page.first("article") ?? page).first("h1").map { clean($0.textContent) }.flatMap { $0.isEmpty ? nil : $0 }
        let headline = [meta["og:title"], meta["twitter:title"], linked.headline, heading].compactMap { $0 }.first
        // The site's name is the part of <title> that the headline lacks ("headline | site").
        if result.outlet == nil, let pageTitle, let site = siteName(inTitle: pageTitle, headline: headline) {
            result.outlet = site
        }
        result.title = (headline ?? pageTitle).map { strippingSiteName($0, outlet: result.outlet) }

        let timeElement = page.descendants(where: { $0.name == "time" && $0.attribute("datetime") != nil }).first
        // Microdata on any element (`<abbr itemprop="datePublished" title="…">`, `<span … content="…">`).
        let microdata = page.descendants(where: { $0.attribute("itemprop") == "datePublished" }).first
            .flatMap { $0.attribute("content") ?? $0.attribute("datetime") ?? $0.attribute("title") }
        let dates = [meta["article:published_time"], linked.datePublished, meta["datepublished"], microdata, meta["pubdate"],
                     meta["date"], meta["dc.date"], meta["dc.date.issued"], timeElement?.attribute("datetime"),
                     meta["article:modified_time"], linked.dateModified]
        result.published = dates.lazy.compactMap { $0.flatMap(isoDate) }.first

        let canonical = page.descendants(where: { $0.name == "link" && ($0.attribute("rel") ?? "").lowercased().split(separator: " ").contains("canonical") })
            .first?.attribute("href").map(clean)
        result.url = [canonical, meta["og:url"], linked.url].compactMap { $0 }.first { $0.hasPrefix("http") }

        let metaAuthor = [meta["author"], meta["article:author"], meta["dc.creator"]].compactMap { $0 }.first { !$0.hasPrefix("http") }
        let relAuthor = page.descendants(where: { $0.name == "a" && $0.attribute("rel") == "author" }).first.map { clean($0.textContent) }
        result.author = [metaAuthor, linked.author, relAuthor].compactMap { $0 }.first { !$0.isEmpty } ?? bylineAuthor(page)
        return result
    }

    /// The name in a byline box (`class="author"`, `byline`, hCard `fn`), without «بقلم» / «نشر بواسطة».
    static func bylineAuthor(_ page: MarkupNode) -> String? {
        func tokens(_ node: MarkupNode) -> [Substring] {
            (node.attribute("class") ?? "").lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        }
        let named = page.descendants(where: { node in tokens(node).contains { $0 == "fn" } }).first
            ?? page.descendants(where: { node in tokens(node).contains { $0 == "author" || $0 == "byline" } }).first
        guard var text = named.map({ clean($0.textContent) }), !text.isEmpty, text.count <= 50 else { return nil }
        for lead in ["نشر بواسطة", "بواسطة", "بقلم", "كتب", "كتبت", "by"] where text.hasPrefix(lead + " ") {
            text = String(text.dropFirst(lead.count + 1)).trimmingWhitespace()
        }
        return text.isEmpty ? nil : text
    }

    /// A date or date-time as ISO 8601 (`2024-12-07` or `2024-12-07T10:30`, the time as written, its
    /// zone dropped); Arabic dates (`7 ديسمبر 2024`) too.
    static func isoDate(_ value: String) -> String? {
        let trimmed = clean(value)
        if let date = CalendarDate(iso: trimmed) {
            let rest = trimmed.dropFirst(10)
            if rest.first == "T" || rest.first == " ", rest.count >= 6 {
                let time = rest.dropFirst().prefix(5)
                if time.count == 5, time.dropFirst(2).first == ":", time.allSatisfy({ $0.isNumber || $0 == ":" }) {
                    return "\(date.iso)T\(time)"
                }
            }
            return date.iso
        }
        return ArabicDates.firstDate(in: trimmed).map(\.iso)
    }

    /// `عنوان الخبر | اسم الموقع` → `عنوان الخبر`: the part that is the site's name (or, with no
    /// outlet known, the shorter side of a title separator) is removed.
    static func strippingSiteName(_ title: String, outlet: String?) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " « ", " » "] {
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            if let outlet {
                let n = ArabicNormalizer.normalize(outlet)
                let kept = parts.filter { ArabicNormalizer.normalize($0.trimmingWhitespace()) != n }
                if kept.count < parts.count { return kept.joined(separator: separator).trimmingWhitespace() }
            }
        }
        return title
    }

    /// The site's name in `<title>`: the short part after (or before) a separator that the headline lacks.
    static func siteName(inTitle title: String, headline: String?) -> String? {
        for separator in [" | ", " - ", " – ", " — ", " :: "] {
            let parts = title.components(separatedBy: separator).map { $0.trimmingWhitespace() }
            guard parts.count >= 2 else { continue }
            for part in [parts.last!, parts.first!] where part.count <= 40 && part != headline && !(headline ?? "").contains(part) {
                return part
            }
        }
        return nil
    }

    /// White space collapsed and trimmed.
    static func clean(_ text: String) -> String {
        // (Scalar by scalar: this runs on every text of a page.)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            }
        }
        return String(out)
    }
}

/// The article facts in a page's JSON-LD (`<script type="application/ld+json">`): the first object
/// whose `@type` is an article kind (`NewsArticle`, `Article`, `ReportageNews`, `BlogPosting`…),
/// looked for in arrays and `@graph` too.
struct JSONLinkedData {
    var headline: String?
    var publisher: String?
    var datePublished: String?
    var dateModified: String?
    var author: String?
    var url: String?

    init(_ page: MarkupNode) {
        let scripts = page.descendants(where: { $0.name == "script" && ($0.attribute("type") ?? "").lowercased() == "application/ld+json" })
        for script in scripts {
            guard let value = try? JSONParser.parse(script.textContent), let article = Self.articleObject(in: value) else { continue }
            headline = Self.string(article["headline"]).map(PageMetadata.clean)
            publisher = Self.name(article["publisher"])
            datePublished = Self.string(article["datePublished"])
            dateModified = Self.string(article["dateModified"])
            author = Self.name(article["author"])
            url = Self.string(article["url"]) ?? Self.string(article["mainEntityOfPage"]) ?? Self.name(article["mainEntityOfPage"], key: "@id")
            return
        }
    }

    static let articleTypes: Set<String> = ["newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle",
                                            "opinionnewsarticle", "backgroundnewsarticle", "socialmediaposting", "webpage"]

    static func articleObject(in value: JSONValue) -> [String: JSONValue]? {
        switch value {
        case .array(let items):
            return items.lazy.compactMap { articleObject(in: $0) }.first
        case .object(let fields):
            let object = Dictionary(fields, uniquingKeysWith: { first, _ in first })
            let types: [String]
            switch object["@type"] {
            case .string(let type)?: types = [type]
            case .array(let items)?: types = items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
            default: types = []
            }
            if types.contains(where: { articleTypes.contains($0.lowercased()) && $0.lowercased() != "webpage" }) { return object }
            if let graph = object["@graph"], let found = articleObject(in: graph) { return found }
            return nil
        default:
            return nil
        }
    }

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value, !text.isEmpty { return text }
        return nil
    }

    /// A name given as a string, an object with `name`, or an array of either (the first).
    static func name(_ value: JSONValue?, key: String = "name") -> String? {
        switch value {
        case .string(let text)?: return text.isEmpty ? nil : PageMetadata.clean(text)
        case .object(let fields)?: return string(fields.first(where: { $0.0 == key })?.1).map(PageMetadata.clean)
        case .array(let items)?: return items.lazy.compactMap { name($0, key: key) }.first
        default: return nil
        }
    }
}

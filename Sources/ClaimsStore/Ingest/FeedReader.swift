/// Reads RSS 2.0 (and RSS 1.0) and Atom feeds: each item an article — `title`, `link`,
/// `pubDate` / `dc:date` / `published` / `updated`, the body from `content:encoded` (or Atom
/// `content`) else `description` / `summary`, cleaned of its HTML; the outlet is the feed's title,
/// the author `dc:creator` / `author`. Malformed XML fails the whole feed, with its line.
public enum FeedReader {
    public static func read(_ bytes: [UInt8], name: String, _ handle: (InputReader.Event) throws -> Void) throws {
        guard bytes.contains(where: { $0 > 0x20 }) else { throw InputProblem(location: name, reason: "empty file") }
        let document = try MarkupParser.parseXML(bytes)
        guard let root = document.children.first(where: { !$0.isText }) else { throw InputProblem(location: name, reason: "not a feed: no root element") }
        let items: [MarkupNode]
        let outlet: String?
        switch root.name.lowercased() {
        case "rss":
            let channel = root.child("channel")
            items = channel?.children("item") ?? []
            outlet = channel?.child("title").map { PageMetadata.clean($0.textContent) }
        case "rdf":
            items = root.children("item")
            outlet = root.child("channel")?.child("title").map { PageMetadata.clean($0.textContent) }
        case "feed":
            items = root.children("entry")
            outlet = root.child("title").map { PageMetadata.clean($0.textContent) }
        default:
            throw InputProblem(location: name, reason: "not a feed: the root element is <\(root.name)>, not <rss> or <feed>")
        }
        if items.isEmpty { throw InputProblem(location: name, reason: "a feed with no items") }
        for (index, item) in items.enumerated() {
            let location = "\(name)[\(index)]"
            do {
                try handle(.article(try draft(item, outlet: outlet.flatMap { $0.isEmpty ? nil : $0 }, source: location)))
            } catch let error as IngestError {
                try handle(.problem(InputProblem(location: location, reason: error.description)))
            }
        }
    }

    static func draft(_ item: MarkupNode, outlet: String?, source: String) throws -> ArticleDraft {
        func text(_ name: String, prefix: String? = nil) -> String? {
            item.child(name, prefix: prefix).map { PageMetadata.clean($0.textContent) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let html = [item.child("encoded", prefix: "content"), item.child("content"), item.child("description"), item.child("summary")]
            .compactMap { $0 }.first { !PageMetadata.clean($0.textContent).isEmpty }
        guard let html else { throw IngestError.badRecord("an item with no content, description or summary") }
        let paragraphs = try fragmentParagraphs(html.textContent)
        guard !paragraphs.isEmpty else { throw IngestError.empty("no text in the item's content") }
        let atomLink = item.children("link").first { ($0.attribute("rel") ?? "alternate") == "alternate" }?.attribute("href")
        let link = atomLink ?? text("link") ?? text("guid").flatMap { $0.hasPrefix("http") ? $0 : nil }
        let dates = [text("pubDate"), text("date", prefix: "dc"), text("published"), text("updated")].compactMap { $0 }
        var draft = ArticleDraft(source: source, title: text("title"), body: paragraphs.joined(separator: "\n"), url: link,
                                 outlet: outlet, published: dates.lazy.compactMap(isoDate).first, isPlainText: false)
        draft.author = text("creator", prefix: "dc") ?? item.child("author").map { author in
            PageMetadata.clean(author.child("name")?.textContent ?? author.textContent)
        }.flatMap { $0.isEmpty ? nil : $0 }
        return draft
    }

    /// The paragraphs of an HTML fragment (an item's content): every block of text but links lists
    /// and boilerplate lines ("The post … appeared first on …", `اقرأ أيضا`).
    static func fragmentParagraphs(_ html: String) throws -> [String] {
        guard html.contains("<") else {
            return html.split(separator: "\n").map { PageMetadata.clean(String($0)) }.filter { !$0.isEmpty }
        }
        let root = try MarkupParser.parseHTML("<html><body>" + html + "</body></html>")
        return MainTextExtractor.blocks(of: root)
            .filter { !$0.isPhrase && $0.linkDensity <= 0.5 }
            .map(\.text)
    }

    /// An RFC 822 date (`Sat, 07 Dec 2024 10:30:00 +0300`) or ISO 8601 as `2024-12-07T10:30`.
    static func isoDate(_ value: String) -> String? {
        if let iso = PageMetadata.isoDate(value), CalendarDate(iso: iso) != nil, value.first?.isNumber == true { return iso }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let words = value.split(whereSeparator: { $0 == " " || $0 == "," })
        guard let monthIndex = words.firstIndex(where: { months.contains(String($0.prefix(3)).lowercased()) }),
              monthIndex > 0, monthIndex + 1 < words.count,
              let day = Int(words[monthIndex - 1]), var year = Int(words[monthIndex + 1]),
              let month = months.firstIndex(of: String(words[monthIndex].prefix(3)).lowercased()) else { return nil }
        if year < 100 { year += 2000 }
        guard let date = CalendarDate(year: year, month: month + 1, day: day) else { return nil }
        if monthIndex + 2 < words.count {
            let time = words[monthIndex + 2]
            if time.count >= 5, time.dropFirst(2).first == ":", time.prefix(5).allSatisfy({ $0.isNumber || $0 == ":" }) {
                return "\(date.iso)T\(time.prefix(5))"
            }
        }
        return date.iso
    }
}

/// Removes what news scrapes carry around the article and keeps the rest exactly as written:
/// ad markers (`[ad_1]`), navigation (`back to top`, `اقرأ أيضاً`, `اقرأ المزيد`), lone image
/// placeholders (`صورة`), share / newsletter / byline lines, lines of only tatweel or dashes,
/// the title repeated at the top, and paragraphs repeated verbatim. Also finds the title of a
/// plain-text article and reads the outlet and publication date from the text (`MetadataInference`).
public struct ArticleCleaner: Sendable {
    public init() {}

    /// Cleans `draft`: fills in title, outlet and date when the input did not give them.
    /// Throws when nothing of an article is left.
    public func clean(_ draft: ArticleDraft) throws -> CleanArticle {
        var lines = draft.body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { String($0).trimmingWhitespace() }
        lines.removeAll { Self.isBoilerplate($0) }

        // Publication date from a metadata line near the top; the line itself is dropped, unless it
        // is all the text there is (a one-line JSON body starting with a date is kept whole).
        var published = draft.published
        if let found = MetadataInference.publicationLine(in: lines) {
            if published == nil { published = found.date.iso }
            if lines.indices.contains(where: { $0 != found.lineIndex && lines[$0].contains(where: \.isLetter) }) {
                lines.remove(at: found.lineIndex)
                lines.removeAll { MetadataInference.isUpdateLine($0) }
            }
        }

        var title = draft.title.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        var titleIsHeadline = !draft.titleDerived
        if title == nil, let first = lines.firstIndex(where: { !$0.isEmpty }) {
            let restHasText = lines[(first + 1)...].contains { $0.contains(where: \.isLetter) }
            if DisplayWidth.of(lines[first]) <= Self.maxTitleLength && (restHasText || draft.isPlainText) {
                title = lines[first]
                lines.remove(at: first)
            } else {
                // The first line is a paragraph (a dateline lead) or the whole text: title from its
                // first sentence, line kept.
                title = Self.titleFromParagraph(lines[first])
                titleIsHeadline = false
            }
        }
        guard let title, !title.isEmpty else { throw IngestError.empty("no text") }

        // Drop the title repeated at the top and any paragraph repeated verbatim.
        let normalizedTitle = ArabicNormalizer.normalize(title)
        var seen = Set<String>()
        var kept: [String] = []
        for line in lines {
            if line.isEmpty {
                if let last = kept.last, !last.isEmpty { kept.append("") }
                continue
            }
            let key = ArabicNormalizer.normalize(line)
            if kept.allSatisfy(\.isEmpty) && key == normalizedTitle { continue }
            if key.count >= Self.minRepeatedLength, !seen.insert(key).inserted { continue }
            kept.append(line)
        }
        while kept.last?.isEmpty == true { kept.removeLast() }
        let body = kept.joined(separator: "\n")
        guard body.contains(where: { $0.isLetter }) else {
            throw IngestError.empty(draft.body.contains(where: \.isLetter) ? "a title but no body" : "no text")
        }
        let outlet = draft.outlet ?? MetadataInference.outletFromDateline(body)
        let extra: String?
        if case .object(let fields)? = draft.extra, !fields.isEmpty { extra = draft.extra?.jsonText } else { extra = nil }
        return CleanArticle(source: draft.source, title: title, body: body, url: draft.url, outlet: outlet,
                            published: published, extraJSON: extra, titleIsHeadline: titleIsHeadline)
    }

    static let maxTitleLength = 200
    static let minRepeatedLength = 20

    static func titleFromParagraph(_ paragraph: String) -> String {
        var text = paragraph
        if let lead = MetadataInference.datelineEnd(in: paragraph) { text = String(paragraph[lead...]).trimmingWhitespace() }
        if let end = text.firstIndex(where: { ".؟!؛".contains($0) }) { text = String(text[..<end]) }
        if DisplayWidth.of(text) > 120 {
            var cut = ""
            for word in text.split(separator: " ") {
                if DisplayWidth.of(cut) + word.count + 1 > 118 { break }
                cut += (cut.isEmpty ? "" : " ") + word
            }
            text = cut + "…"
        }
        return text.trimmingWhitespace()
    }

    /// True for a line that is scraping debris rather than article text.
    public static func isBoilerplate(_ line: String) -> Bool {
        guard !line.isEmpty else { return false }
        let n = ArabicNormalizer.normalize(line).lowercased()
        let bare = n.trimmingCharacters(in: " :»«>.-\"")
        if bare.hasPrefix("[ad_") && bare.hasSuffix("]") { return true }
        if !line.contains(where: { ($0.isLetter && $0 != "ـ") || $0.isNumber }) { return true }     // ـــــ, ----, ***
        let exact: Set<String> = [
            "back to top", "read more", "advertisement", "share", "صوره", "الصوره", "فيديو", "اقرا ايضا", "اقرا المزيد",
            "اقرا كذلك", "اقرا ايضا علي", "المصدر", "مشاركه", "شارك", "شارك المقال", "شارك هذا المقال", "اعلان", "تابعونا",
            "الي الاعلي", "العوده الي الاعلي", "طباعه", "ارسال",
        ]
        if exact.contains(bare) { return true }
        let shortPrefixes = ["اقرا ايضا", "اقرا المزيد", "مشاركه:", "شارك:", "الكاتب:", "تابعونا علي", "تابعوا", "اشترك في", "share this", "follow us"]
        if DisplayWidth.of(line) <= 60, shortPrefixes.contains(where: { n.hasPrefix($0) }) { return true }
        // Newsletter promotions: "نشرة … الإخبارية … قم بالتسجيل …" — a line of their own, not a
        // paragraph (or a whole one-line JSON body) that mentions them.
        if DisplayWidth.of(line) <= 300, bare.hasPrefix("نشره") || bare.hasPrefix("النشره"), n.contains("التسجيل") || n.contains("اشترك") { return true }
        return false
    }
}

/// Why an input could not be stored.
public enum IngestError: Error, CustomStringConvertible, Equatable {
    case empty(String)
    case unreadable(String)
    case badRecord(String)

    public var description: String {
        switch self {
        case .empty(let what): return "empty article: \(what)"
        case .unreadable(let why): return why
        case .badRecord(let why): return why
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let c = slice.first, set.contains(c) || c.isWhitespace { slice.removeFirst() }
        while let c = slice.last, set.contains(c) || c.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

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
        var lines = Self.splitLines(draft.body).map { $0.trimmingWhitespace() }
        lines.removeAll { Self.isBoilerplate($0) }

        // Publication date from a metadata line near the top; the line itself is dropped.
        var published = draft.published
        if let found = MetadataInference.publicationLine(in: lines) {
            if published == nil { published = found.date.iso }
            lines.remove(at: found.lineIndex)
            lines.removeAll { MetadataInference.isUpdateLine($0) }
        }

        var title = draft.title.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        if title == nil, let first = lines.firstIndex(where: { !$0.isEmpty }) {
            let restHasText = lines[(first + 1)...].contains { $0.contains(where: \.isLetter) }
            if DisplayWidth.of(lines[first]) <= Self.maxTitleLength && (restHasText || draft.isPlainText) {
                title = lines[first]
                lines.remove(at: first)
            } else {
                // The first line is a paragraph (a dateline lead) or the whole text: title from its
                // first sentence, line kept.
                title = Self.titleFromParagraph(lines[first])
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
            // (key.count >= minRepeatedLength, without counting a whole paragraph's characters)
            if key.index(key.startIndex, offsetBy: Self.minRepeatedLength, limitedBy: key.endIndex) != nil,
               !seen.insert(key).inserted { continue }
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
                            published: published, extraJSON: extra)
    }

    /// `text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)`, scanning UTF-8
    /// bytes instead of Characters: line breaks (LF VT FF CR NEL LS PS, and CR LF as one) are
    /// grapheme clusters of their own, so splitting at their bytes gives the same lines.
    static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let b = utf8[i]
            var length = 0
            if b >= 0x0A && b <= 0x0D {
                length = 1
                if b == 0x0D, let next = utf8.index(i, offsetBy: 1, limitedBy: utf8.endIndex), next != utf8.endIndex, utf8[next] == 0x0A { length = 2 }
            } else if b == 0xC2 {
                if let next = utf8.index(i, offsetBy: 1, limitedBy: utf8.endIndex), next != utf8.endIndex, utf8[next] == 0x85 { length = 2 }
            } else if b == 0xE2 {
                if let second = utf8.index(i, offsetBy: 2, limitedBy: utf8.endIndex), second != utf8.endIndex,
                   utf8[utf8.index(after: i)] == 0x80, utf8[second] == 0xA8 || utf8[second] == 0xA9 { length = 3 }
            }
            if length > 0 {
                lines.append(text[lineStart..<i])
                i = utf8.index(i, offsetBy: length)
                lineStart = i
            } else {
                i = utf8.index(after: i)
            }
        }
        lines.append(text[lineStart..<utf8.endIndex])
        return lines
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
        let n = ArabicNormalizer.normalize(line).lowercasedFast()
        let bare = n.trimmingCharacters(in: " :»«>.-\"")
        if bare.hasPrefix("[ad_") && bare.hasSuffix("]") { return true }
        if !line.contains(where: { ($0.isLetter && $0 != "ـ") || $0.isNumber }) { return true }     // ـــــ, ----, ***
        if boilerplateLines.contains(bare) { return true }
        if DisplayWidth.fits(line, in: 60), boilerplatePrefixes.contains(where: { n.hasPrefix($0) }) { return true }
        // Newsletter promotions: "نشرة … الإخبارية … قم بالتسجيل …".
        if n.containsBytes("نشره"), n.containsBytes("التسجيل") || n.containsBytes("اشترك") { return true }
        return false
    }

    /// Whole lines (normalised, lower case, trimmed) that are scraping debris.
    static let boilerplateLines: Set<String> = [
        "back to top", "read more", "advertisement", "share", "صوره", "الصوره", "فيديو", "اقرا ايضا", "اقرا المزيد",
        "اقرا كذلك", "اقرا ايضا علي", "المصدر", "مشاركه", "شارك", "شارك المقال", "شارك هذا المقال", "اعلان", "تابعونا",
        "الي الاعلي", "العوده الي الاعلي", "طباعه", "ارسال",
    ]
    /// Starts of short lines (at most 60 columns) that are debris.
    static let boilerplatePrefixes = ["اقرا ايضا", "اقرا المزيد", "مشاركه:", "شارك:", "الكاتب:", "تابعونا علي", "تابعوا", "اشترك في", "share this", "follow us"]
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

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
        // Each line is normalised once; `normalized[i]` is ArabicNormalizer.normalize(lines[i]).
        var lines = Self.splitLines(draft.body).map { $0.trimmingWhitespace() }
        var normalized = lines.map { ArabicNormalizer.normalize($0) }
        Self.removeAll(&lines, &normalized) { Self.isBoilerplate($0, normalized: $1) }

        // Publication date from a metadata line near the top; the line itself is dropped, unless it
        // is all the text there is (a one-line JSON body starting with a date is kept whole).
        var published = draft.published
        if let found = MetadataInference.publicationLine(in: lines, normalized: normalized) {
            if published == nil { published = found.date.iso }
            if lines.indices.contains(where: { $0 != found.lineIndex && lines[$0].contains(where: \.isLetter) }) {
                lines.remove(at: found.lineIndex)
                normalized.remove(at: found.lineIndex)
                Self.removeAll(&lines, &normalized) { line, _ in MetadataInference.isUpdateLine(line) }
            }
        }

        var title = draft.title.map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        var titleIsHeadline = !draft.titleDerived
        if title == nil, let first = lines.firstIndex(where: { !$0.isEmpty }) {
            let restHasText = lines[(first + 1)...].contains { $0.contains(where: \.isLetter) }
            // A text of one line (a post, a statement, a headline) is its own body, its title derived.
            if DisplayWidth.of(lines[first]) <= Self.maxTitleLength && restHasText {
                title = lines[first]
                lines.remove(at: first)
                normalized.remove(at: first)
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
        var seen = RepeatedLines()
        var kept: [String] = []
        for (line, key) in zip(lines, normalized) {
            if line.isEmpty {
                if let last = kept.last, !last.isEmpty { kept.append("") }
                continue
            }
            // (A derived title was cut from this text: a one-line post keeps its line.)
            if titleIsHeadline && kept.allSatisfy(\.isEmpty) && key == normalizedTitle { continue }
            // (key.count >= minRepeatedLength, without counting a whole paragraph's characters)
            if key.index(key.startIndex, offsetBy: Self.minRepeatedLength, limitedBy: key.endIndex) != nil,
               !seen.insert(key) { continue }
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
                            published: published, extraJSON: extra, titleIsHeadline: titleIsHeadline,
                            author: draft.author, kind: draft.kind ?? .article)
    }

    /// Removes the lines (and their normalised forms) for which `predicate(line, normalized)` holds.
    static func removeAll(_ lines: inout [String], _ normalized: inout [String], where predicate: (String, String) -> Bool) {
        var keptLines: [String] = [], keptNormalized: [String] = []
        keptLines.reserveCapacity(lines.count)
        keptNormalized.reserveCapacity(lines.count)
        for (line, n) in zip(lines, normalized) where !predicate(line, n) {
            keptLines.append(line)
            keptNormalized.append(n)
        }
        lines = keptLines
        normalized = keptNormalized
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
        isBoilerplate(line, normalized: ArabicNormalizer.normalize(line))
    }

    /// `isBoilerplate` given `ArabicNormalizer.normalize(line)`.
    static func isBoilerplate(_ line: String, normalized: String) -> Bool {
        guard !line.isEmpty else { return false }
        let n = normalized.lowercasedFast()
        let bare = n.trimmingCharacters(in: " :»«>.-\"")
        if bare.hasPrefix("[ad_") && bare.hasSuffix("]") { return true }
        if !line.contains(where: { ($0.isLetter && $0 != "ـ") || $0.isNumber }) { return true }     // ـــــ, ----, ***
        // (No entry is longer than boilerplateLinesMaxBytes: a paragraph is not hashed for nothing.)
        if bare.utf8.count <= boilerplateLinesMaxBytes, boilerplateLines.contains(bare) { return true }
        if DisplayWidth.fits(line, in: 60), boilerplatePrefixes.contains(where: { n.hasPrefix($0) }) { return true }
        // Newsletter promotions: "نشرة … الإخبارية … قم بالتسجيل …" — a line of their own, not a
        // paragraph (or a whole one-line JSON body) that mentions them.
        if DisplayWidth.fits(line, in: 300), bare.hasPrefix("نشره") || bare.hasPrefix("النشره"),
           n.containsBytes("التسجيل") || n.containsBytes("اشترك") { return true }
        return false
    }

    /// Whole lines (normalised, lower case, trimmed) that are scraping debris.
    static let boilerplateLines: Set<String> = [
        "back to top", "read more", "advertisement", "share", "صوره", "الصوره", "فيديو", "اقرا ايضا", "اقرا المزيد",
        "اقرا كذلك", "اقرا ايضا علي", "المصدر", "مشاركه", "شارك", "شارك المقال", "شارك هذا المقال", "اعلان", "تابعونا",
        "الي الاعلي", "العوده الي الاعلي", "طباعه", "ارسال",
    ]
    static let boilerplateLinesMaxBytes = boilerplateLines.map(\.utf8.count).max() ?? 0
    /// Starts of short lines (at most 60 columns) that are debris.
    static let boilerplatePrefixes = [
        "اقرا ايضا", "اقرا المزيد", "مشاركه:", "شارك:", "الكاتب:", "تابعونا علي", "تابعوا", "اشترك في", "share this", "follow us",
        // Bylines and photo credits (`كتب: …`, `بقلم …`, `تصوير: …`): the author is no speaker of the text.
        "كتب:", "كتبت:", "كتب -", "كتب –", "كتبت -", "كتبت –", "بقلم:", "بقلم ", "اعداد:", "تحرير:", "تصوير:", "الصوره:", "صوره:", "مصدر الصوره",
    ]
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

/// The set of normalised paragraphs seen so far, with String's equality (canonical equivalence)
/// but without hashing every paragraph through NFC: a paragraph whose scalars are all below
/// U+0300 or Arabic letters is already in NFC, so for two such paragraphs String equality is byte
/// equality and a byte hash will do. Any other paragraph is compared with `==` to all seen (rare).
struct RepeatedLines {
    private var bytes = Set<ByteKey>()
    private var others: [String] = []
    private var all: [String] = []

    /// Inserts `key`; false when an equal paragraph was seen before.
    mutating func insert(_ key: String) -> Bool {
        let isDuplicate: Bool
        if let byteKey = ByteKey(nfcSafe: key) {
            isDuplicate = bytes.contains(byteKey) || others.contains(where: { $0 == key })
            if !isDuplicate { bytes.insert(byteKey) }
        } else {
            isDuplicate = all.contains(where: { $0 == key })
            if !isDuplicate { others.append(key) }
        }
        if !isDuplicate { all.append(key) }
        return !isDuplicate
    }
}

/// UTF-8 bytes hashed in one call (Hasher.combine(bytes:)) rather than element by element.
struct ByteKey: Hashable {
    let bytes: [UInt8]

    /// The bytes of `text` when its scalars are all below U+0300 or in the Arabic block without
    /// combining marks (then the text is in NFC), else nil.
    init?(nfcSafe text: String) {
        let scan = text.utf8.withContiguousStorageIfAvailable { utf8 -> [UInt8]? in
            var previousLead: UInt8 = 0
            for byte in utf8 {
                if byte < 0x80 { previousLead = 0; continue }
                if byte >= 0xC0 {
                    previousLead = byte
                    if !(byte >= 0xC2 && byte <= 0xCB) && !(byte >= 0xD8 && byte <= 0xDB) { return nil }
                    continue
                }
                // Continuation byte of a two-byte scalar: reject the Arabic block's combining marks.
                let value = (UInt32(previousLead & 0x1F) << 6) | UInt32(byte & 0x3F)
                if previousLead >= 0xD8, Self.isArabicMark(value) { return nil }
            }
            return Array(utf8)
        }
        guard let scanned = scan, let bytes = scanned else { return nil }
        self.bytes = bytes
    }

    static func isArabicMark(_ v: UInt32) -> Bool {
        switch v {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E4, 0x06E7...0x06E8, 0x06EA...0x06ED: return true
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}

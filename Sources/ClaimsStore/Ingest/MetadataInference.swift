/// Reads an article's outlet and publication date from its text when the input did not give them:
/// the dateline `دمشق – «القدس العربي»:` or `بيروت (رويترز) -`, and date lines such as
/// `نشر في 06-12-2024 | 23:47` or `● أخبار سورية ٧ ديسمبر ٢٠٢٤`.
public enum MetadataInference {
    /// How many lines from the top a date line may stand at.
    static let headerLines = 12
    static let publishMarkers = ["نشر في", "نشر بتاريخ", "تاريخ النشر", "نشر يوم", "published"]
    static let updateMarkers = ["اخر تحديث", "تم التحديث", "تحديث في", "updated"]

    /// The publication date line near the top: a short line starting with a publish marker, else a
    /// short line that is only a date with a label (not a sentence of the article). The line is
    /// dropped from the body, so a paragraph that merely mentions a date or "نشر في" never qualifies.
    static func publicationLine(in lines: [String]) -> (date: ArabicDates.Found, lineIndex: Int)? {
        publicationLine(in: lines, normalized: lines.map { ArabicNormalizer.normalize($0) })
    }

    /// `publicationLine(in:)` given each line's `ArabicNormalizer.normalize`.
    static func publicationLine(in lines: [String], normalized: [String]) -> (date: ArabicDates.Found, lineIndex: Int)? {
        let candidates = lines.enumerated().filter { !$0.element.isEmpty }.prefix(headerLines)
        for (index, line) in candidates where DisplayWidth.fits(line, in: maxDateLineWidth) {
            let n = normalized[index].lowercasedFast().drop(while: { !$0.isLetter })
            if publishMarkers.contains(where: { n.hasPrefix($0) }), let found = ArabicDates.firstDate(in: line) {
                return (found, index)
            }
        }
        for (index, line) in candidates where DisplayWidth.fits(line, in: 48) && !isUpdateLine(line) && !isSentence(line) {
            if let found = ArabicDates.firstDate(in: line), !line.contains(":") || line.hasPrefix("●") {
                return (found, index)
            }
        }
        return nil
    }

    /// True for a line opening with a publication marker (`نشر في …`, `تاريخ النشر: …`).
    static func isPublicationMarked(_ line: String) -> Bool {
        let n = ArabicNormalizer.normalize(line).lowercasedFast().drop(while: { !$0.isLetter })
        return publishMarkers.contains(where: { n.hasPrefix($0) })
    }

    /// The widest line taken for a date line (`نشر في 06-12-2024 | 23:47 آخر تحديث 07-12-2024 | 23:15`).
    static let maxDateLineWidth = 80

    /// True for a line ending like a sentence (`.`, `؟`, `!`), which a date label does not.
    static func isSentence(_ line: String) -> Bool {
        guard let last = line.last(where: { !$0.isWhitespace }) else { return false }
        return ".؟?!".contains(last)
    }

    static func isUpdateLine(_ line: String) -> Bool {
        guard DisplayWidth.fits(line, in: 60) else { return false }
        let n = ArabicNormalizer.normalize(line).lowercasedFast()
        return updateMarkers.contains(where: { n.hasPrefix($0) }) && ArabicDates.firstDate(in: line) != nil
    }

    private static let openQuotes: [Character: Character] = ["«": "»", "“": "”", "\"": "\"", "(": ")", "”": "“"]
    private static let dashes: Set<Character> = ["-", "–", "—", "ـ"]

    /// The outlet named in a dateline at the very start of the body, or nil.
    public static func outletFromDateline(_ body: String) -> String? {
        datelineParts(body)?.outlet
    }

    /// Where the text after a dateline starts (for deriving a title from a lead paragraph).
    static func datelineEnd(in text: String) -> String.Index? {
        datelineParts(text)?.end
    }

    /// Parses `PLACE – «OUTLET»:` / `PLACE (OUTLET) -` / `PLACE - OUTLET:` at the start of `text`.
    private static func datelineParts(_ text: String) -> (outlet: String, end: String.Index)? {
        let head = text.prefix(120)
        // Form 1: PLACE (OUTLET) -
        if let open = head.firstIndex(of: "("), head.distance(from: head.startIndex, to: open) <= 30,
           let close = head[open...].firstIndex(of: ")") {
            let outlet = head[head.index(after: open)..<close].trimmingWhitespace()
            let after = head[head.index(after: close)...].drop(while: { $0 == " " })
            if let first = after.first, dashes.contains(first) || first == ":", isPlausibleOutlet(outlet) {
                return (outlet, after.index(after: after.startIndex))
            }
        }
        // Form 2: PLACE – «OUTLET»:  (the dash within the first 30 characters)
        guard let dash = head.firstIndex(where: { dashes.contains($0) }), head.distance(from: head.startIndex, to: dash) <= 30 else { return nil }
        let place = head[..<dash].trimmingWhitespace()
        guard !place.isEmpty, place.split(separator: " ").count <= 3 else { return nil }
        let rest = head[head.index(after: dash)...].drop(while: { $0 == " " })
        guard let first = rest.first else { return nil }
        if let close = openQuotes[first] {
            let inner = rest.dropFirst()
            guard let closeIndex = inner.firstIndex(of: close) else { return nil }
            let outlet = inner[..<closeIndex].trimmingWhitespace()
            let after = inner[inner.index(after: closeIndex)...].drop(while: { $0 == " " })
            guard after.first == ":", isPlausibleOutlet(outlet) else { return nil }
            return (outlet, after.index(after: after.startIndex))
        }
        guard let colon = rest.firstIndex(of: ":") else { return nil }
        let outlet = rest[..<colon].trimmingWhitespace()
        guard isPlausibleOutlet(outlet) else { return nil }
        return (outlet, rest.index(after: colon))
    }

    private static func isPlausibleOutlet(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 40 && name.split(separator: " ").count <= 5 && !name.contains(where: { ".،؟!".contains($0) })
    }
}

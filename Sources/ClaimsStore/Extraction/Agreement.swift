/// Grammatical agreement between a reporting verb and a speaker it does not name: `وأضافت` continues a
/// woman or an institution of feminine gender (`الوزارة`, `الحكومة`), `وأضاف` a man or `الجيش`, `وأضافوا`
/// a group. Unknown genders (a foreign name, a country) agree with anything.
enum Agreement: Equatable {
    case masculine, feminine, plural

    /// The agreement a verb form carries: `قالت`, `تقول`, `مؤكدة` feminine; `قالوا`, `يقولون`, `مؤكدين` plural.
    /// `forms` are the lexicon's normalised cue forms, so a root ending in ت (`لفت`) is not read as feminine.
    static func ofVerb(_ word: String, forms: Set<String>) -> Agreement? {
        var w = word
        if w.count > 3, w.hasPrefix("و") || w.hasPrefix("ف"), !forms.contains(w) { w.removeFirst() }
        if w.hasSuffix("وا") || w.hasSuffix("ون") || w.hasSuffix("ين") { return .plural }
        if w.hasSuffix("ت"), forms.contains(String(w.dropLast())) { return .feminine }
        if w.hasPrefix("ت"), forms.contains("ي" + w.dropFirst()) { return .feminine }
        if w.hasSuffix("ه"), forms.contains(String(w.dropLast()) + "ا") { return .feminine }
        return forms.contains(w) ? .masculine : nil
    }

    /// The agreement a speaker takes, from the head of its phrase; nil when the text does not tell.
    static func of(text: String, type: EntityType?, anonymous: Bool) -> Agreement? {
        guard let head = text.split(separator: " ").first.map({ ArabicNormalizer.normalize(String($0)) }) else { return nil }
        let bare = head.hasPrefix("ال") ? String(head.dropFirst(2)) : head
        if anonymous {
            if CueLexicon.pluralSourceHeads.contains(bare) || CueLexicon.pluralSourceHeads.contains(head) { return .plural }
            return nil
        }
        switch type {
        case .person:
            if EntityRecognizer.femaleNames.contains(head) { return .feminine }
            if CueLexicon.isRole(head) { return head.hasSuffix("ه") ? .feminine : .masculine }
            return EntityRecognizer.firstNames.contains(head) ? .masculine : nil
        case .organization, .media:
            // (A plural of things takes a feminine verb too: `الفصائل أعلنت`; so only ة tells.)
            return head.hasSuffix("ه") ? .feminine : nil
        case .place, nil:
            return nil
        }
    }

    static func of(_ speaker: ClaimExtractor.Speaker) -> Agreement? {
        of(text: speaker.text, type: speaker.type, anonymous: speaker.anonymous)
    }

    static func of(_ claim: ExtractedClaim) -> Agreement? {
        of(text: claim.speakerText, type: claim.speakerType, anonymous: claim.anonymous)
    }

    /// Whether a verb can continue a speaker. A feminine singular verb also agrees with a plural of
    /// things or institutions (`التقارير أشارت`), so only a clash of known masculine and feminine, or a
    /// plural verb after one person, refuses.
    static func compatible(_ verb: Agreement?, _ speaker: Agreement?) -> Bool {
        guard let verb, let speaker else { return true }
        switch (verb, speaker) {
        case (.masculine, .feminine), (.feminine, .masculine), (.plural, .masculine), (.plural, .feminine), (.masculine, .plural): return false
        default: return true
        }
    }
}

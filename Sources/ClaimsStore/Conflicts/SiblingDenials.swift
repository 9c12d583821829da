/// A denial next to a claim of the same speaker: `نفت الوزارة ذلك. وقالت الوزارة إن القسم يعمل`.
/// What the denier asserts beside a denial answers the report it denies; and when the denial only
/// points (`ذلك`, `هذه الأنباء`) and the article holds no report it points to, the report is in
/// another article: the one the assertion contradicts.
extension ConflictDetector {
    /// The nearest denial by the same speaker in the same or the previous sentence of the article.
    /// (Only the claims after the article's last one before those two sentences are read: an
    /// article's claims are stored in sentence order, and reading all its earlier claims for each
    /// claim made one long article quadratic.)
    func siblingDenial(of claim: Record) throws -> Record? {
        let ids = try connection.cached("""
            SELECT d.id FROM claims d JOIN claims c ON c.id = ?
            WHERE d.article_id = c.article_id AND d.part = c.part AND d.id < c.id
              AND d.id > coalesce((SELECT e.id FROM claims e WHERE e.article_id = c.article_id AND e.id < c.id
                                   AND (e.part != c.part OR e.sentence < c.sentence - 1) ORDER BY e.id DESC LIMIT 1), 0)
              AND d.stance = 'denies' AND c.sentence - d.sentence BETWEEN 0 AND 1
            ORDER BY d.id DESC LIMIT 4
            """).bind([claim.id]).map { $0.int(0) }
        for id in ids {
            guard let denial = try load(id) else { continue }
            if denial.speakerKey == claim.speakerKey || Self.refersBack(claim.proposition.speaker, to: denial.proposition.speaker) { return denial }
        }
        return nil
    }

    /// A pointer denial with no report in its article, beside `claim` (an assertion of the same speaker).
    func pointerDenial(beside claim: Record, sibling: Record?) throws -> Record? {
        guard claim.stance == .asserts else { return nil }
        guard let denial = try sibling ?? siblingDenial(of: claim), denial.isPointer, denial.target == nil else { return nil }
        return denial
    }

    /// A contradiction between a report and what a denier asserts beside `نفت … ذلك`: a denial too.
    static func denied(_ comparison: Comparison, by denial: Record) -> Comparison {
        Comparison(relation: .contradict, kinds: [.denial] + comparison.kinds, score: max(comparison.score, 0.6),
                   explanation: "\(denial.proposition.speaker ?? "the denier") denies it («\(denial.proposition.text)») and asserts the opposite: "
                       + comparison.explanation)
    }

    /// Whether `later` names the speaker `earlier` again by its head noun (`الوزارة` after
    /// `وزارة الصحة الكويتية`, `الحركة` after `حركة حماس`).
    static func refersBack(_ later: String?, to earlier: String?) -> Bool {
        guard let later, let earlier else { return false }
        let anaphor = ArabicNormalizer.normalize(later)
        guard anaphor.hasPrefix("ال"), !anaphor.contains(" "), anaphor.count >= 5 else { return false }
        let head = earlier.split(separator: " ").first.map { ArabicNormalizer.normalize(String($0)) } ?? ""
        return head == anaphor.dropFirst(2) || head == anaphor
    }
}

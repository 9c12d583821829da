import Foundation

/// The named differences between two statements that the pair decision weighs. Each is a number,
/// mostly 0 or 1; its name is what `compare` shows when it decided.
public struct PairFeatures: Sendable {
    public static let names = [
        "overlap_idf",             // IDF-weighted cosine of the two sets of root keys
        "only_a_weight",           // share of the first statement's IDF mass absent from the second
        "only_b_weight",           // and the other way round
        "one_word_swapped",        // each side has exactly one word of its own
        "same_words",              // no word of its own on either side
        "few_shared_words",        // at most one content word in common
        "negation_one_side",       // a negation on one side only (`لم`, `لا`, `عدم` …)
        "negation_on_shared_word", // a word both say, negated on one side only
        "antonym_pair",            // the words that differ are a mined antonym pair (log-odds disagree/agree)
        "synonym_pair",            // … or a mined pair seen in agreeing headlines
        "difference_word_max",     // the most disagreeing word on one side only (log-odds)
        "difference_word_min",     // the most agreeing one
        "difference_word_sum",     // disagreeing words on one side only, summed (log-odds above 0)
        "unseen_differences",      // words on one side only never seen as a difference in training (up to 4, /4)
        "words_only_a",            // words of the first statement's own (up to 6, /6)
        "words_only_b",            // and of the second's
        "unmatched_after_spelling",// own words with no look-alike on the other side (`أسباب` / `سبب`), both sides, /6
        "direction_flip",          // one side rises where the other falls (first such word of each)
        "direction_one_side",      // a rise or fall on one side only
        "close_with_difference",   // overlap_idf × difference_word_max: a near copy with one disagreeing change
        "figures_differ",          // both give figures, not the same ones
        "figure_one_side",         // figures on one side only
        "place_swapped",           // each side names a place the other does not
        "person_swapped",          // each names a person the other does not
        "entity_swapped",          // each names another organisation or country
        "predicate_shared",        // a predicate of the lexicon on both sides, same polarity
        "predicate_opposite",      // opposite predicates (انسحب / لا يزال)
        "predicate_negated",       // the same predicate, negated on one side only
        "reversal_one_side",       // a reversal on one side only (`تراجع عن`, `فشل في`, `إلغاء`)
        "denial_one_side",         // a denial (cue or falsity word) on one side only
        "modality_one_side",       // modality on one side only (`قد`, `ربما`, `هل`)
        // Each difference of polarity weighs more in a near copy than in a loose paraphrase:
        "negation_x_overlap",      // negation_one_side × overlap_idf
        "denial_x_overlap",        // denial_one_side × overlap_idf
        "antonym_x_overlap",       // antonym_pair × overlap_idf
        "direction_x_overlap",     // direction_flip × overlap_idf
        "reversal_x_overlap",      // reversal_one_side × overlap_idf
        "figures_x_overlap",       // figures_differ × overlap_idf
        "swap_x_difference",       // one_word_swapped × difference_word_max
        "rules_contradict",        // the rule comparer's verdict
        "rules_agree",
        "rules_unrelated",
        "length_ratio",            // shorter / longer, in words
        "copied_in_order",         // longest common subsequence of the words / the shorter statement:
                                   // an edited copy keeps the words in order, a paraphrase does not
        "copied_of_longer",        // the same over the longer statement
        "edits",                   // places where the two differ once aligned (runs of unaligned words, up to 5, /5)
    ]

    public var values: [Double]

    public subscript(_ name: String) -> Double {
        get { values[Self.names.firstIndex(of: name)!] }
        set { values[Self.names.firstIndex(of: name)!] = newValue }
    }

    /// The features of a pair. `heldOut`: the pair's own label when it is a training pair, whose
    /// own counts are taken out of the mined tables (so a difference seen only in this pair says nothing).
    public init(_ a: StatementAnalysis, _ b: StatementAnalysis, tables: StanceTables, comparer: ClaimComparer, heldOut: StanceLabel? = nil) {
        values = Array(repeating: 0, count: Self.names.count)
        let shared = a.keys.intersection(b.keys)
        let onlyA = a.keys.subtracting(b.keys), onlyB = b.keys.subtracting(a.keys)
        // (Sums in sorted order: a Set's order changes from run to run, and training must not.)
        func mass(_ keys: Set<String>) -> Double { keys.sorted().reduce(0) { $0 + pow(tables.idf($1), 2) } }
        let massA = mass(a.keys), massB = mass(b.keys)
        self["overlap_idf"] = massA > 0 && massB > 0 ? mass(shared) / (massA * massB).squareRoot() : 0
        self["only_a_weight"] = massA > 0 ? mass(onlyA) / massA : 0
        self["only_b_weight"] = massB > 0 ? mass(onlyB) / massB : 0
        self["one_word_swapped"] = onlyA.count == 1 && onlyB.count == 1 ? 1 : 0
        self["same_words"] = onlyA.isEmpty && onlyB.isEmpty ? 1 : 0
        self["few_shared_words"] = shared.count <= 1 ? 1 : 0
        self["negation_one_side"] = (a.negations > 0) != (b.negations > 0) ? 1 : 0
        let negatedShared = shared.filter { a.negatedKeys.contains($0) != b.negatedKeys.contains($0) }
        self["negation_on_shared_word"] = negatedShared.isEmpty ? 0 : 1

        // Mined differences, as smoothed log-odds of disagree over agree (the prior ratio taken out).
        let differences = StanceTables.differences(onlyA: onlyA, onlyB: onlyB)
        func logOdds(_ counts: StanceTables.Counts?) -> Double? {
            guard var counts else { return nil }
            if heldOut == .disagree { counts.disagree -= 1 } else if heldOut == .agree { counts.agree -= 1 }
            guard counts.disagree + counts.agree >= 1 else { return nil }
            return log((Double(counts.disagree) + 0.5) / (Double(counts.agree) + 0.5)) - log(1.87)
        }
        let pairOdds = differences.pairs.sorted().compactMap { logOdds(tables.pairs[$0]) }
        self["antonym_pair"] = max(0, pairOdds.max() ?? 0)
        self["synonym_pair"] = max(0, -(pairOdds.min() ?? 0))
        let wordOdds = differences.words.sorted().compactMap { logOdds(tables.words[$0]) }
        self["difference_word_max"] = max(0, min(3, wordOdds.max() ?? 0))
        self["difference_word_min"] = max(0, min(3, -(wordOdds.min() ?? 0)))
        self["difference_word_sum"] = min(6, wordOdds.reduce(0) { $0 + max(0, $1) })
        self["unseen_differences"] = Double(min(4, differences.words.filter { tables.words[$0] == nil }.count)) / 4
        self["words_only_a"] = Double(min(6, onlyA.count)) / 6
        self["words_only_b"] = Double(min(6, onlyB.count)) / 6
        let wordsA = Set(onlyA.map { Word($0) }), wordsB = Set(onlyB.map { Word($0) })
        let unmatched = ClaimComparer.unmatched(wordsA, against: wordsB).count + ClaimComparer.unmatched(wordsB, against: wordsA).count
        self["unmatched_after_spelling"] = Double(min(6, unmatched)) / 6

        self["direction_flip"] = a.direction != 0 && b.direction != 0 && a.direction != b.direction ? 1 : 0
        self["direction_one_side"] = (a.direction == 0) != (b.direction == 0) ? 1 : 0
        self["close_with_difference"] = self["overlap_idf"] * self["difference_word_max"]
        self["figures_differ"] = Self.figuresDiffer(a, b) ? 1 : 0
        self["figure_one_side"] = a.numbers.isEmpty != b.numbers.isEmpty ? 1 : 0
        let p = a.proposition, q = b.proposition
        func swapped(_ x: Set<Word>, _ y: Set<Word>) -> Double { !x.subtracting(y).isEmpty && !y.subtracting(x).isEmpty ? 1 : 0 }
        self["place_swapped"] = swapped(p.places, q.places)
        self["person_swapped"] = swapped(p.persons, q.persons)
        self["entity_swapped"] = swapped(p.entities.subtracting(p.places).subtracting(p.persons), q.entities.subtracting(q.places).subtracting(q.persons))
        let sharedConcepts = Set(p.concepts.keys).intersection(q.concepts.keys)
        self["predicate_shared"] = sharedConcepts.contains { p.concepts[$0] == q.concepts[$0] } ? 1 : 0
        self["predicate_negated"] = sharedConcepts.contains { p.concepts[$0] != q.concepts[$0] } ? 1 : 0
        self["predicate_opposite"] = comparer.oppositePredicates(p, q) != nil ? 1 : 0
        self["reversal_one_side"] = a.hasReversal != b.hasReversal ? 1 : 0
        self["denial_one_side"] = a.hasDenial != b.hasDenial ? 1 : 0
        self["modality_one_side"] = a.hasModality != b.hasModality ? 1 : 0
        let overlap = self["overlap_idf"]
        for (product, factor) in [("negation_x_overlap", "negation_one_side"), ("denial_x_overlap", "denial_one_side"),
                                  ("antonym_x_overlap", "antonym_pair"), ("direction_x_overlap", "direction_flip"),
                                  ("reversal_x_overlap", "reversal_one_side"), ("figures_x_overlap", "figures_differ")] {
            self[product] = self[factor] * overlap
        }
        self["swap_x_difference"] = self["one_word_swapped"] * self["difference_word_max"]
        switch comparer.compare(p, q).relation {
        case .contradict: self["rules_contradict"] = 1
        case .agree: self["rules_agree"] = 1
        case .related, .unrelated: self["rules_unrelated"] = 1
        }
        let alignment = Self.align(a.words, b.words)
        self["copied_in_order"] = Double(alignment.common) / Double(max(1, min(a.words.count, b.words.count)))
        self["copied_of_longer"] = Double(alignment.common) / Double(max(1, max(a.words.count, b.words.count)))
        self["edits"] = Double(min(5, alignment.edits)) / 5
        self["length_ratio"] = Double(min(a.wordCount, b.wordCount)) / Double(max(1, max(a.wordCount, b.wordCount)))
    }

    /// Whether both give figures and not the same ones. Read as quantities where the statements
    /// state them (`مئتي مليون` = `200 مليون`, `نصف مليون` = `500 ألف`, `أكثر من 50` ≈ `53`), else as the
    /// digits written.
    static func figuresDiffer(_ a: StatementAnalysis, _ b: StatementAnalysis) -> Bool {
        let x = a.proposition.numbers, y = b.proposition.numbers
        guard !x.isEmpty, !y.isEmpty else { return !a.numbers.isEmpty && !b.numbers.isEmpty && a.numbers != b.numbers }
        let (fewer, more) = x.count <= y.count ? (x, y) : (y, x)
        return !fewer.allSatisfy { fact in more.contains { $0.agrees(with: fact) } }
    }

    /// The longest common subsequence of two word sequences, and the number of places where they
    /// differ along it (each run of words of one or both sides outside it counts once).
    static func align(_ x: [String], _ y: [String]) -> (common: Int, edits: Int) {
        guard !x.isEmpty, !y.isEmpty else { return (0, x.isEmpty && y.isEmpty ? 0 : 1) }
        var table = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var i = 0, j = 0, edits = 0, inEdit = false
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                i += 1; j += 1; inEdit = false
                continue
            }
            if !inEdit { edits += 1; inEdit = true }
            if j >= y.count || (i < x.count && table[i + 1][j] >= table[i][j + 1]) { i += 1 } else { j += 1 }
        }
        return (table[0][0], edits)
    }
}

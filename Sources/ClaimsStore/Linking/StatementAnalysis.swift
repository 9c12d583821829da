/// One statement as the pair decision reads it: its content words as root keys, which of them a
/// negation governs, its figures, its markers of modality, reversal and denial, and the
/// proposition (entities, predicates) the rule comparer reads.
public struct StatementAnalysis: Sendable {
    public let text: String
    public let proposition: Proposition
    /// Root keys of the content words (function words left out).
    public let keys: Set<String>
    /// Root keys a negation governs (the three content words after `لم`, `لا`, `ليس`, `عدم` …).
    public let negatedKeys: Set<String>
    public let negations: Int
    /// Figures written in digits or words.
    public let numbers: Set<Double>
    public let hasModality: Bool
    public let hasReversal: Bool
    public let hasDenial: Bool
    /// The direction of the first word of rising (+1) or falling (-1) in the statement, 0 when none.
    public let direction: Int
    public let wordCount: Int
    /// The normalised words in order, function words included.
    public let words: [String]

    static let negators: Set<String> = ["لم", "لن", "لا", "ليس", "ليست", "غير", "عدم", "ولم", "ولا", "ولن", "وليس", "بدون", "دون", "بلا"]
    static let modalityWords: Set<String> = [
        "قد", "ربما", "محتمل", "يحتمل", "المحتمل", "مرجح", "يرجح", "المرجح", "سوف", "يمكن", "ممكن", "امكانيه", "احتمال", "توقعات", "يتوقع",
        "متوقع", "مرتقب", "هل",
    ]
    /// Stems of verbs and nouns that reverse or cancel what follows (`تراجع عن`, `فشل في`, `إلغاء`).
    static let reversalStems: Set<String> = [
        "تراجع", "يتراجع", "تتراجع", "فشل", "يفشل", "تفشل", "الغاء", "الغي", "يلغي", "تلغي", "رفض", "يرفض", "ترفض", "تاجيل", "اجل", "يؤجل",
        "يوجل", "توجل", "تعليق", "علق", "يعلق", "تعلق", "وقف", "يوقف", "توقف", "ايقاف", "انهاء", "ينهي", "تنهي", "انهي", "عدول", "تخلي", "يتخلي",
    ]
    static let denialStems: Set<String> = [
        "نفي", "ينفي", "تنفي", "نفت", "كذب", "يكذب", "تكذب", "تكذيب", "ينكر", "تنكر", "انكر", "انكار", "شائعات", "شايعات", "شائعه", "شايعه",
        "مزاعم", "صحه", "كاذب", "كاذبه", "زائف", "زايف", "مفبرك", "مفبركه",
    ]

    /// Root keys of words of rising and of falling (`ارتفاع`, `صعود`, `أعلى` / `انخفاض`, `هبوط`, `أدنى`).
    static let risingKeys: Set<String> = ["رفع", "صعد", "زد", "علي", "اعلي", "قفز", "نم", "ضعف", "تحسن", "حسن", "كسب", "تعافي", "عف"]
    static let fallingKeys: Set<String> = ["خفض", "هبط", "دن", "ادني", "نقص", "رجع", "تراجع", "تدهور", "دهر", "خسر", "خسار", "نهار", "هر", "قلص", "قلل"]

    public init(_ text: String, reader: StatementReader, roots: RootAnalyzer) {
        self.init(text, proposition: reader.read(text), roots: roots)
    }

    /// A statement whose proposition is known (a stored claim's, with its stance and speaker).
    public init(_ text: String, proposition: Proposition, roots: RootAnalyzer) {
        self.text = text
        self.proposition = proposition
        var keys = Set<String>(), negated = Set<String>(), numbers = Set<Double>()
        var negations = 0, modality = false, reversal = false, denial = false
        var pendingNegation = 0, direction = 0
        let tokens = Tokenizer.tokenize(ArabicNormalizer.normalize(text))
        for token in tokens {
            let word = token.text
            if let value = Double(word) { numbers.insert(value); continue }
            let stem = roots.stemmer.stem(word)
            // (`بغير`, `وعدم`: a negator behind a clitic.)
            if Self.negators.contains(word) || Self.negators.contains(stem) { negations += 1; pendingNegation = 3; continue }
            if Self.modalityWords.contains(word) { modality = true }
            if Self.reversalStems.contains(stem) || Self.reversalStems.contains(word) { reversal = true }
            if Self.denialStems.contains(stem) || Self.denialStems.contains(word) { denial = true }
            if Proposition.functionWords.contains(word) || Proposition.functionWords.contains(stem) || word.unicodeScalars.count < 2 { continue }
            let key = roots.key(ofStem: stem)
            keys.insert(key)
            if direction == 0 { direction = Self.risingKeys.contains(key) ? 1 : Self.fallingKeys.contains(key) ? -1 : 0 }
            if pendingNegation > 0 { negated.insert(key); pendingNegation -= 1 }
        }
        for fact in proposition.numbers { numbers.insert(fact.value) }
        self.keys = keys
        self.negatedKeys = negated
        self.negations = negations
        self.numbers = numbers
        hasModality = modality || proposition.hypothetical
        hasReversal = reversal
        hasDenial = denial || proposition.stance == .denies
        wordCount = tokens.count
        words = tokens.map(\.text)
        self.direction = direction
    }
}

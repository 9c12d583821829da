/// Light clitic segmentation for Arabic words: strips proclitics (و ف ب ل ك ال لل and their
/// combinations) and enclitic pronouns (ها هم هما هن كم كن نا ه), guarded by the `Lexicon`.
/// It does not touch derivational morphology: `سفارة`, `السفارة`, `والسفارة`, `بالسفارة` and
/// `سفارتها` all become `سفاره`, but `سفارات` stays `سفارات`.
///
/// Input and output are normalised text (see `ArabicNormalizer`); the result has ة folded to ه.
public struct CliticStemmer: Sendable {
    public let lexicon: Lexicon
    let joinedNames: JoinedNames

    public init(lexicon: Lexicon = .builtIn, joinedNames: JoinedNames = .builtIn) {
        self.lexicon = lexicon
        self.joinedNames = joinedNames
    }

    /// The stems of one normalised word: one, or two for a name written without its inner space
    /// (`ديرالزور` → `دير`, `زور`, as `دير الزور` gives).
    public func stems(_ word: String) -> [String] {
        let letters = Array(word.unicodeScalars)
        guard let split = joinedNames.split(letters) else { return [stem(word)] }
        return [stem(String(scalars: letters[..<split])), stem(String(scalars: letters[split...]))]
    }

    private static let alef: Unicode.Scalar = "\u{0627}", lam: Unicode.Scalar = "\u{0644}"
    private static let waw: Unicode.Scalar = "\u{0648}", fa: Unicode.Scalar = "\u{0641}"
    private static let ba: Unicode.Scalar = "\u{0628}", kaf: Unicode.Scalar = "\u{0643}"
    private static let ta: Unicode.Scalar = "\u{062A}", taMarbuta: Unicode.Scalar = "\u{0629}"
    private static let ha: Unicode.Scalar = "\u{0647}"
    private static let noon: Unicode.Scalar = "\u{0646}", meem: Unicode.Scalar = "\u{0645}"

    // Two- and three-letter enclitic pronouns, longest first.
    private static let pronounSuffixes: [[Unicode.Scalar]] = [
        ["\u{0647}", "\u{0645}", "\u{0627}"],   // هما
        ["\u{0643}", "\u{0645}", "\u{0627}"],   // كما
        ["\u{0647}", "\u{0627}"],               // ها
        ["\u{0647}", "\u{0645}"],               // هم
        ["\u{0647}", "\u{0646}"],               // هن
        ["\u{0643}", "\u{0645}"],               // كم
        ["\u{0643}", "\u{0646}"],               // كن
        ["\u{0646}", "\u{0627}"],               // نا
    ]

    /// The stem of one normalised word (ta marbuta kept). Non-Arabic words come back unchanged.
    public func stem(_ word: String) -> String {
        var letters = Array(word.unicodeScalars)
        guard stem(&letters) else { return word }
        return String(scalars: letters)
    }

    /// Stems `letters` (a normalised word) in place; false, untouched, for a non-Arabic word.
    /// The one implementation behind `stem(_:)` and `searchForm(of:)`.
    @inline(__always)
    func stem(_ letters: inout [Unicode.Scalar]) -> Bool {
        guard let first = letters.first, (0x0600...0x06FF).contains(first.value) else { return false }
        if !lexicon.isProtected(letters[...]) {
            stripProclitics(&letters)
            stripEnclitic(&letters)
        }
        if letters.last == Self.taMarbuta { letters[letters.count - 1] = Self.ha }
        return true
    }

    /// The form of a prefix query term (`سيطر*`, `السفار*`): only the article is stripped, since a
    /// word cut short cannot be checked against the lexicon (`بلينك*` must keep its ب).
    public func stemPrefix(_ word: String) -> String {
        var letters = Array(word.unicodeScalars)
        if letters.count >= 4, letters[0] == Self.alef, letters[1] == Self.lam { letters.removeFirst(2) }
        return String(scalars: letters.map { $0 == Self.taMarbuta ? Self.ha : $0 })
    }

    @inline(__always)
    private func isProtected(_ letters: ArraySlice<Unicode.Scalar>) -> Bool {
        lexicon.isProtected(letters)
    }

    private func stripProclitics(_ letters: inout [Unicode.Scalar]) {
        var start = 0
        // Conjunction و or ف (at most one).
        if letters.count - start >= 4, letters[start] == Self.waw || letters[start] == Self.fa,
           !isProtected(letters[start...]) {
            start += 1
            // `وألمانيا`: what is left may itself be a protected word (`المانيا`).
            if isProtected(letters[start...]) {
                letters.removeFirst(start)
                return
            }
        }
        // Article forms: ال, and لل (= ل + ال); a preposition ب / ك / ل before ال.
        let rest = letters.count - start
        if rest >= 4, letters[start] == Self.alef, letters[start + 1] == Self.lam {
            start += 2
        } else if rest >= 5, letters[start] == Self.ba || letters[start] == Self.kaf || letters[start] == Self.fa,
                  letters[start + 1] == Self.alef, letters[start + 2] == Self.lam {
            start += 3
        } else if rest >= 4, letters[start] == Self.lam, letters[start + 1] == Self.lam {
            start += 2
        } else if rest >= 4, letters[start] == Self.ba || letters[start] == Self.kaf || letters[start] == Self.lam,
                  !isProtected(letters[start...]) {
            // A bare preposition on a noun without the article: بسفارة, لرويترز.
            start += 1
        }
        if start > 0 { letters.removeFirst(start) }
    }

    private func stripEnclitic(_ letters: inout [Unicode.Scalar]) {
        guard !isProtected(letters[...]) else { return }
        var stripped = false
        for suffix in Self.pronounSuffixes where letters.count - suffix.count >= 3 && letters.suffix(suffix.count).elementsEqual(suffix) {
            letters.removeLast(suffix.count)
            stripped = true
            break
        }
        if !stripped, letters.count >= 4, letters.last == Self.ha, letters[letters.count - 2] != Self.alef {
            letters.removeLast()
            stripped = true
        }
        // A ta marbuta becomes ت before a pronoun: سفارتها → سفارة. Plurals in ات keep their ت.
        if stripped, letters.count >= 4, letters.last == Self.ta, letters[letters.count - 2] != Self.alef {
            letters[letters.count - 1] = Self.taMarbuta
        }
    }

    /// Normalises and stems every word of `text`, joined by spaces: the form the full-text index holds.
    ///
    /// One pass over the scalars: a word is a run of `ArabicNormalizer.isWordScalar` scalars (as in
    /// `Tokenizer`), normalised scalar by scalar (as `ArabicNormalizer.normalize(_:foldTaMarbuta: false)`)
    /// into a reused buffer, stemmed in place and appended as UTF-8, with no String per word.
    public func searchForm(of text: String) -> String {
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count)
        var word = [Unicode.Scalar]()
        word.reserveCapacity(32)
        var inWord = false
        func emit() {
            inWord = false
            guard !word.isEmpty else { return }
            if !output.isEmpty { output.append(0x20) }
            if let split = joinedNames.split(word) {
                // A name written without its inner space is indexed as its two words.
                var first = Array(word[..<split]), second = Array(word[split...])
                _ = stem(&first)
                _ = stem(&second)
                appendUTF8(first, to: &output)
                output.append(0x20)
                appendUTF8(second, to: &output)
                word.removeAll(keepingCapacity: true)
                return
            }
            _ = stem(&word)
            appendUTF8(word, to: &output)
            word.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if ArabicNormalizer.isWordScalar(scalar) {
                inWord = true
                if let mapped = ArabicNormalizer.map(scalar, foldTaMarbuta: false) { word.append(mapped) }
            } else if inWord {
                emit()
            }
        }
        if inWord { emit() }
        return String(decoding: output, as: UTF8.self)
    }
}

/// Appends the UTF-8 encoding of `scalars` to `output`.
@inline(__always)
func appendUTF8<S: Sequence>(_ scalars: S, to output: inout [UInt8]) where S.Element == Unicode.Scalar {
    for scalar in scalars {
        let v = scalar.value
        if v < 0x80 {
            output.append(UInt8(v))
        } else if v < 0x800 {
            output.append(UInt8(0xC0 | (v >> 6))); output.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            output.append(UInt8(0xE0 | (v >> 12))); output.append(UInt8(0x80 | ((v >> 6) & 0x3F))); output.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            output.append(UInt8(0xF0 | (v >> 18))); output.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((v >> 6) & 0x3F))); output.append(UInt8(0x80 | (v & 0x3F)))
        }
    }
}

extension String {
    /// A String of `scalars`, encoded in one buffer (appending to a UnicodeScalarView is far slower).
    init<S: Sequence>(scalars: S) where S.Element == Unicode.Scalar {
        var bytes = [UInt8]()
        bytes.reserveCapacity(scalars.underestimatedCount * 2)
        appendUTF8(scalars, to: &bytes)
        self = String(decoding: bytes, as: UTF8.self)
    }
}

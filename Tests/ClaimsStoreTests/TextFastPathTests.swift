import XCTest
@testable import ClaimsStore

/// The byte- and scalar-level fast paths of the text layer (ArabicNormalizer.normalize,
/// CliticStemmer.searchForm and stem, ArticleStore.contentHash, the cleaner's helpers) must give
/// exactly what the original String-level definitions gave: the index and the content hashes of
/// existing databases depend on it. The reference implementations below are the originals, kept
/// verbatim; the inputs are the sample corpus, the gazetteer and random mixtures of the scalars
/// each rule treats specially. (Equality only: no timing here.)
final class TextFastPathTests: XCTestCase {
    // MARK: reference implementations (the code before the fast paths)

    enum Reference {
        static func normalize(_ text: String, foldTaMarbuta: Bool = true) -> String {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                if let mapped = ArabicNormalizer.map(scalar, foldTaMarbuta: foldTaMarbuta) { scalars.append(mapped) }
            }
            return String(scalars)
        }

        static func contentHash(of body: String) -> String {
            let normalized = normalize(body)
            let collapsed = normalized.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return SHA256.hex(of: collapsed)
        }

        struct Stemmer {
            let lexicon = Lexicon.builtIn
            static let alef: Unicode.Scalar = "\u{0627}", lam: Unicode.Scalar = "\u{0644}"
            static let waw: Unicode.Scalar = "\u{0648}", fa: Unicode.Scalar = "\u{0641}"
            static let ba: Unicode.Scalar = "\u{0628}", kaf: Unicode.Scalar = "\u{0643}"
            static let ta: Unicode.Scalar = "\u{062A}", taMarbuta: Unicode.Scalar = "\u{0629}"
            static let ha: Unicode.Scalar = "\u{0647}"
            static let pronounSuffixes: [[Unicode.Scalar]] = [
                ["\u{0647}", "\u{0645}", "\u{0627}"], ["\u{0643}", "\u{0645}", "\u{0627}"], ["\u{0647}", "\u{0627}"],
                ["\u{0647}", "\u{0645}"], ["\u{0647}", "\u{0646}"], ["\u{0643}", "\u{0645}"], ["\u{0643}", "\u{0646}"],
                ["\u{0646}", "\u{0627}"],
            ]

            func stem(_ word: String) -> String {
                var letters = Array(word.unicodeScalars)
                guard let first = letters.first, (0x0600...0x06FF).contains(first.value) else { return word }
                if !lexicon.isProtected(word) {
                    stripProclitics(&letters)
                    stripEnclitic(&letters)
                }
                if letters.last == Self.taMarbuta { letters[letters.count - 1] = Self.ha }
                var result = String.UnicodeScalarView()
                result.append(contentsOf: letters)
                return String(result)
            }

            func isProtected(_ letters: ArraySlice<Unicode.Scalar>) -> Bool {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: letters)
                return lexicon.isProtected(String(view))
            }

            func stripProclitics(_ letters: inout [Unicode.Scalar]) {
                var start = 0
                if letters.count - start >= 4, letters[start] == Self.waw || letters[start] == Self.fa,
                   !isProtected(letters[start...]) {
                    start += 1
                    if isProtected(letters[start...]) {
                        letters.removeFirst(start)
                        return
                    }
                }
                let rest = letters.count - start
                if rest >= 4, letters[start] == Self.alef, letters[start + 1] == Self.lam {
                    start += 2
                } else if rest >= 5, [Self.ba, Self.kaf, Self.fa].contains(letters[start]),
                          letters[start + 1] == Self.alef, letters[start + 2] == Self.lam {
                    start += 3
                } else if rest >= 4, letters[start] == Self.lam, letters[start + 1] == Self.lam {
                    start += 2
                } else if rest >= 4, [Self.ba, Self.kaf, Self.lam].contains(letters[start]),
                          !isProtected(letters[start...]) {
                    start += 1
                }
                if start > 0 { letters.removeFirst(start) }
            }

            func stripEnclitic(_ letters: inout [Unicode.Scalar]) {
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
                if stripped, letters.count >= 4, letters.last == Self.ta, letters[letters.count - 2] != Self.alef {
                    letters[letters.count - 1] = Self.taMarbuta
                }
            }

            func searchForm(of text: String) -> String {
                var output = ""
                for token in Tokenizer.tokenize(text) {
                    let normalized = Reference.normalize(token.text, foldTaMarbuta: false)
                    guard !normalized.isEmpty else { continue }
                    if !output.isEmpty { output.append(" ") }
                    if let (first, second) = Self.joinedNames[normalized] {
                        output.append(stem(first) + " " + stem(second))
                    } else {
                        output.append(stem(normalized))
                    }
                }
                return output
            }

            /// Gazetteer names written without their inner space (`ديرالزور`) → their two words:
            /// adjacent words of a name or alias, the second with the article and the first without.
            static let joinedNames: [String: (String, String)] = {
                var names: [String: (String, String)] = [:]
                for line in (EmbeddedResources.all["Data/gazetteer.tsv"] ?? "").split(separator: "\n") where !line.hasPrefix("#") {
                    let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                    guard fields.count >= 3 else { continue }
                    for name in [fields[1]] + fields[2].split(separator: "|") {
                        let words = name.split(separator: " ").map { Reference.normalize(String($0), foldTaMarbuta: false) }
                        for (first, second) in zip(words, words.dropFirst())
                        where first.count >= 2 && !first.hasPrefix("ال") && second.hasPrefix("ال") && second.count > 2 {
                            names[first + second] = (first, second)
                        }
                    }
                }
                return names
            }()
        }
    }

    // MARK: inputs

    /// The sample corpus, the gazetteer and the protected words: real text.
    static let realTexts: [String] = {
        var texts = EmbeddedResources.sampleArticles.map(\.text)
        texts.append(EmbeddedResources.gazetteer)
        texts.append(EmbeddedResources.protectedWords)
        return texts
    }()

    /// Random strings over the scalars the rules single out: Arabic letters (including every
    /// clitic and pronoun letter), hamza and alef forms, ta marbuta, harakat, tatweel, digits,
    /// quotes, dashes, every kind of white space, zero-width and bidi controls, Latin letters,
    /// combining marks, a prepended concatenation mark, CJK and emoji.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        let pool: [UInt32] = Array(0x0621...0x064A) + [0x064B, 0x064E, 0x0650, 0x0651, 0x0652, 0x0670, 0x0640, 0x0671, 0x06CC, 0x06A9,
            0x0660, 0x0665, 0x06F3, 0x066B, 0x066C, 0x060C, 0x061F, 0x061B, 0x00AB, 0x00BB, 0x201C, 0x201D, 0x2019, 0x0060,
            0x2013, 0x2014, 0x20, 0x20, 0x20, 0x20, 0x0A, 0x0D, 0x09, 0x0B, 0x0C, 0x85, 0xA0, 0x1680, 0x2002, 0x2009, 0x2028,
            0x2029, 0x202F, 0x205F, 0x3000, 0x200B, 0x200C, 0x200D, 0x200E, 0x202B, 0xFEFF, 0x41, 0x5A, 0x61, 0x7A, 0x30, 0x39,
            0xC9, 0xE9, 0x0301, 0x0308, 0x0600, 0x0601, 0x06DD, 0x0E33, 0x4E2D, 0x1F600, 0x1F3FB, 0xFE0F, 0x2E, 0x3A, 0x22, 0x27]
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        return (0..<count).map { _ in
            var view = String.UnicodeScalarView()
            for _ in 0..<(next() % 60) { view.append(Unicode.Scalar(pool[next() % pool.count])!) }
            return String(view)
        }
    }

    static var allTexts: [String] {
        // Lines and words of the real texts too, so that short inputs are covered.
        var texts = realTexts
        for text in realTexts { texts += text.split(separator: "\n").map(String.init) }
        return texts + randomTexts(count: 20_000, seed: 7)
    }

    // MARK: tests

    func testNormalizeMatchesReference() {
        for text in Self.allTexts {
            XCTAssertEqual(ArabicNormalizer.normalize(text), Reference.normalize(text), text.debugDescription)
            XCTAssertEqual(ArabicNormalizer.normalize(text, foldTaMarbuta: false), Reference.normalize(text, foldTaMarbuta: false), text.debugDescription)
        }
    }

    func testSearchFormAndStemMatchReference() {
        let stemmer = CliticStemmer()
        let reference = Reference.Stemmer()
        for text in Self.allTexts {
            XCTAssertEqual(stemmer.searchForm(of: text), reference.searchForm(of: text), text.debugDescription)
        }
        // Every word of the real texts, with every proclitic and pronoun combination.
        var words = Set<String>()
        for text in Self.realTexts { for token in Tokenizer.tokenize(text) { words.insert(Reference.normalize(token.text, foldTaMarbuta: false)) } }
        for word in words {
            for variant in [word, "و" + word, "ف" + word, "ب" + word, "ل" + word, "ك" + word, "ال" + word, "وال" + word, "بال" + word,
                            "لل" + word, word + "ها", word + "هم", word + "ه", word + "نا", word + "هما", "و" + word + "ها"] {
                XCTAssertEqual(stemmer.stem(variant), reference.stem(variant), variant)
            }
        }
    }

    func testContentHashMatchesReference() {
        for text in Self.allTexts {
            XCTAssertEqual(ArticleStore.contentHash(of: text), Reference.contentHash(of: text), text.debugDescription)
        }
        // White space joined to marks in one grapheme cluster takes the Character-level path.
        for text in [" \u{0301}a b", "a\u{0600} b", "a \u{0E33} b", "\u{0301}", " x\u{200D} \u{1F3FB}y ", "\r\n a \r\n"] {
            XCTAssertEqual(ArticleStore.contentHash(of: text), Reference.contentHash(of: text), text.debugDescription)
        }
    }

    func testHelpersMatchFoundationAndStdlib() {
        for text in Self.allTexts.prefix(5_000) {
            let n = ArabicNormalizer.normalize(text)
            XCTAssertEqual(n.lowercasedFast(), n.lowercased())
            for width in [0, 1, 48, 60] {
                XCTAssertEqual(DisplayWidth.fits(text, in: width), DisplayWidth.of(text) <= width, text.debugDescription)
            }
            for needle in ["نشره", "التسجيل", "اشترك", "نشر في", "published", "ا"] {
                XCTAssertEqual(n.containsBytes(needle), n.contains(needle), "\(n.debugDescription) ∋ \(needle)")
            }
        }
    }
}

final class LexiconBuildTests: XCTestCase {
    /// The original, Character-level construction of the built-in lexicon.
    static func referenceWords() -> Set<String> {
        var words = Set<String>()
        for line in (EmbeddedResources.all["Data/protected_words.txt"] ?? "").split(separator: "\n") {
            let word = line.trimmingWhitespace()
            guard !word.isEmpty, !word.hasPrefix("#") else { continue }
            words.insert(ArabicNormalizer.normalize(word, foldTaMarbuta: false))
        }
        for line in (EmbeddedResources.all["Data/gazetteer.tsv"] ?? "").split(separator: "\n") {
            guard !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            let names = [fields[1]] + fields[2].split(separator: "|") + (fields.count > 3 ? fields[3].split(separator: "|") : [])
            for name in names where name != "-" {
                for (position, token) in Tokenizer.tokenize(String(name)).enumerated() {
                    var word = ArabicNormalizer.normalize(token.text, foldTaMarbuta: false)
                    if word.hasPrefix("ال"), word.count > 4 { word.removeFirst(2) }
                    if position > 0, let first = word.first, "لبوفك".contains(first) { continue }
                    if word.count >= 3 { words.insert(word) }
                }
            }
        }
        for form in CueLexicon.allForms(in: EmbeddedResources.all["Data/cues.tsv"] ?? "") {
            words.insert(ArabicNormalizer.normalize(form, foldTaMarbuta: false))
        }
        return words
    }

    func testBuiltInLexiconEqualsReferenceConstruction() {
        let reference = Self.referenceWords()
        XCTAssertGreaterThan(reference.count, 1000)
        XCTAssertEqual(Lexicon.builtIn.protectedWords, reference)
        XCTAssertEqual(Lexicon.builtIn.protectedScalars.count, reference.count)
        XCTAssertEqual(Lexicon(protectedWords: reference).protectedScalars, Lexicon.builtIn.protectedScalars)
    }
}

final class SnippetMatcherTests: XCTestCase {
    func testMatcherAgreesWithStringDefinition() throws {
        let stemmer = CliticStemmer()
        var words = Set<String>()
        for text in TextFastPathTests.realTexts + TextFastPathTests.randomTexts(count: 5_000, seed: 11) {
            for token in Tokenizer.tokenize(text) { words.insert(token.text) }
        }
        for queryText in ["سفارة", "سيطر*", "\"السفارة الإيرانية\"", "حمص OR انسحاب", "a*", "ال*", "و*", "é*", "ر*"] {
            let query = try SearchQuery(queryText, stemmer: stemmer)
            let matcher = Matcher(query)
            var buffer = [Unicode.Scalar]()
            for word in words {
                let stem = stemmer.stem(ArabicNormalizer.normalize(word, foldTaMarbuta: false))
                let expected = query.highlightStems.contains(stem) || query.highlightPrefixes.contains(where: { stem.hasPrefix($0) })
                XCTAssertEqual(matcher.matches(word, stemmer: stemmer, buffer: &buffer), expected, "\(queryText): \(word.debugDescription)")
            }
        }
    }
}

final class CleanerFastPathTests: XCTestCase {
    func testSplitLinesMatchesCharacterSplit() {
        for text in TextFastPathTests.allTexts + ["", "\n", "a\r\nb", "a\r\rb\n\r", "\r\n\r\n", "x\u{2028}y\u{2029}z\u{85}w\u{0B}\u{0C}", "a\n\u{0301}b"] {
            let expected = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
            XCTAssertEqual(ArticleCleaner.splitLines(text).map(String.init), expected, text.debugDescription)
        }
    }
}

final class RepeatedLinesTests: XCTestCase {
    func testRepeatedLinesHasStringSetSemantics() {
        var texts = TextFastPathTests.randomTexts(count: 3_000, seed: 5).map { ArabicNormalizer.normalize($0) }
        texts += texts.prefix(500)                                   // exact repeats
        texts += ["é", "e\u{0301}", "e\u{0301}", "é", "\u{0623}", "\u{0627}\u{0654}", "سفاره", "سفاره", "a\u{0610}", "a\u{0610}"]
        var state = SplitMixForTests(seed: 3)
        for i in stride(from: texts.count - 1, to: 0, by: -1) { texts.swapAt(i, state.below(i + 1)) }
        var reference = Set<String>()
        var fast = RepeatedLines()
        for text in texts {
            XCTAssertEqual(fast.insert(text), reference.insert(text).inserted, text.debugDescription)
        }
    }

    func testNormalizeAndCollapseEqualsTwoPasses() {
        for text in TextFastPathTests.allTexts {
            XCTAssertEqual(WhitespaceCollapser.normalizeAndCollapse(text), WhitespaceCollapser.collapse(ArabicNormalizer.normalize(text)), text.debugDescription)
        }
    }
}

struct SplitMixForTests {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func below(_ n: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(n))
    }
}

final class SHA256Tests: XCTestCase {
    func testKnownDigests() {
        XCTAssertEqual(SHA256.hex(of: ""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(of: "abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(of: String(repeating: "a", count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testEveryLengthAroundBlockBoundaries() {
        // Lengths 0…200 cover one- and two-block tails; compare contiguous and non-contiguous input.
        let bytes = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for length in 0...200 {
            let prefix = Array(bytes.prefix(length))
            XCTAssertEqual(SHA256.hex(of: prefix), SHA256.hex(of: prefix.lazy.map { $0 }), "length \(length)")
        }
    }
}

final class ScalarTableTests: XCTestCase {
    /// The lookup tables agree with the switch and category definitions on every BMP scalar.
    func testTablesMatchDefinitions() {
        for v in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            XCTAssertEqual(ArabicNormalizer.map(scalar), ArabicNormalizer.mapBySwitch(scalar), "map U+\(String(v, radix: 16))")
            XCTAssertEqual(ArabicNormalizer.map(scalar, foldTaMarbuta: false), ArabicNormalizer.mapBySwitch(scalar, foldTaMarbuta: false))
            let word: Bool
            if v < 0x80 { word = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
            else if (0x0600...0x06FF).contains(v) { word = ArabicNormalizer.isWordScalar(scalar) }   // the switch, unchanged
            else { word = ArabicNormalizer.isWordByCategory(scalar) }
            XCTAssertEqual(ArabicNormalizer.isWordScalar(scalar), word, "word U+\(String(v, radix: 16))")
            XCTAssertEqual(DisplayWidth.width(of: scalar), DisplayWidth.widthByCategory(of: scalar), "width U+\(String(v, radix: 16))")
        }
    }
}

final class SnippetEquivalenceTests: XCTestCase {
    /// The original snippet builder (Tokenizer + a String per word), kept verbatim.
    static func referenceSnippet(of text: String, for query: SearchQuery, stemmer: CliticStemmer, windowWords: Int = 20) -> String {
        let tokens = Tokenizer.tokenize(text)
        guard !tokens.isEmpty else { return "" }
        let matches = tokens.map { token -> Bool in
            let stem = stemmer.stem(ArabicNormalizer.normalize(token.text, foldTaMarbuta: false))
            return query.highlightStems.contains(stem) || query.highlightPrefixes.contains(where: { stem.hasPrefix($0) })
        }
        var best = 0, bestCount = -1, count = 0
        for i in 0..<tokens.count {
            if matches[i] { count += 1 }
            if i >= windowWords, matches[i - windowWords] { count -= 1 }
            let start = max(0, i - windowWords + 1)
            if count > bestCount { bestCount = count; best = start }
        }
        if let firstMatch = (best..<min(tokens.count, best + windowWords)).first(where: { matches[$0] }) {
            best = max(0, min(firstMatch - min(4, windowWords / 4), tokens.count - windowWords))
        }
        let last = min(tokens.count, best + windowWords) - 1
        var out = best > 0 ? "…" : ""
        var cursor = tokens[best].range.lowerBound
        for i in best...last {
            let token = tokens[i]
            out += text[cursor..<token.range.lowerBound].replacingNewlines()
            out += matches[i] ? "[" + token.text + "]" : token.text
            cursor = token.range.upperBound
        }
        if last < tokens.count - 1 { out += "…" } else { out += text[cursor...].replacingNewlines() }
        return out.trimmingWhitespace()
    }

    func testSnippetsMatchReference() throws {
        let stemmer = CliticStemmer()
        let builder = SnippetBuilder(stemmer: stemmer)
        var texts = TextFastPathTests.realTexts
        for text in TextFastPathTests.realTexts { texts += text.split(separator: "\n").map(String.init) }
        texts += TextFastPathTests.randomTexts(count: 3_000, seed: 17)
        for queryText in ["سفارة", "سيطر*", "\"السفارة الإيرانية\"", "حمص OR انسحاب", "دمشق", "ر*", "a*", "é"] {
            let query = try SearchQuery(queryText, stemmer: stemmer)
            for text in texts {
                XCTAssertEqual(builder.snippet(of: text, for: query), Self.referenceSnippet(of: text, for: query, stemmer: stemmer),
                               "\(queryText) in \(text.prefix(80).debugDescription)")
            }
        }
    }
}

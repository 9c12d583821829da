/// Words the clitic stemmer must leave whole: the protected-word list (`Data/protected_words.txt`)
/// and the words of built-in entity names (`Data/gazetteer.tsv`), so that `بشار`, `لبنان` and
/// `بغداد` are not cut into `شار`, `بنان`, `غداد`.
///
/// The stemmer's output feeds the full-text index, so the lexicon is built from the embedded
/// data only (never from user additions): the same text always stems the same way.
public struct Lexicon: Sendable {
    /// The words as scalar sequences (normalised, ta marbuta kept), so the stemmer tests a slice
    /// of a word without building a String (and without String's Unicode-normalising hash).
    /// Normalised Arabic has no combining marks left, so scalar equality is String equality on it.
    let protectedScalars: Set<ArraySlice<Unicode.Scalar>>

    /// Normalised forms (ta marbuta kept) that are never stripped (built on request: the stemmer
    /// uses `protectedScalars`).
    public var protectedWords: Set<String> {
        Set(protectedScalars.map { String(scalars: $0) })
    }

    /// A Bloom filter (2^17 bits, two probes from one FNV-1a hash of the scalars) over the
    /// protected words: the stemmer asks about every word at least twice, and nearly every answer
    /// is no, found without hashing the word through a Set (false positives ~0.5%, then checked).
    private let bloom: [UInt64]
    private static let bloomBits = 17

    public init(protectedWords: Set<String>) {
        self.init(protectedScalars: Set(protectedWords.map { ArraySlice($0.unicodeScalars) }))
    }

    init(protectedScalars: Set<ArraySlice<Unicode.Scalar>>) {
        var bloom = [UInt64](repeating: 0, count: (1 << Self.bloomBits) / 64)
        for letters in protectedScalars {
            let (a, b) = Self.probes(letters)
            bloom[a >> 6] |= 1 << UInt64(a & 63)
            bloom[b >> 6] |= 1 << UInt64(b & 63)
        }
        self.protectedScalars = protectedScalars
        self.bloom = bloom
    }

    @inline(__always)
    private static func probes(_ letters: ArraySlice<Unicode.Scalar>) -> (Int, Int) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for letter in letters { hash = (hash ^ UInt64(letter.value)) &* 0x100_0000_01b3 }
        hash ^= hash >> 29
        let mask = (1 << bloomBits) - 1
        return (Int(truncatingIfNeeded: hash) & mask, Int(truncatingIfNeeded: hash >> 32) & mask)
    }

    /// The lexicon built from the data files the binary carries. Built once per process, on the
    /// start-up path of every command that stems (ingest, search), so it reads the data as UTF-8
    /// bytes and scalars, never building a String per word (a test checks it equals the original
    /// Character-level construction).
    public static let builtIn = Lexicon(protectedScalars: builtInScalars())

    static func builtInScalars() -> Set<ArraySlice<Unicode.Scalar>> {
        var builder = Builder()
        var protectedText = EmbeddedResources.protectedWords
        protectedText.withUTF8 { builder.addProtectedWords($0) }
        var gazetteer = EmbeddedResources.gazetteer
        gazetteer.withUTF8 { builder.addGazetteer($0) }
        // Reporting verbs (`وفقا`, `بحسب`, `لفتت`) are words, not clitic + stem.
        for form in CueLexicon.allForms(in: EmbeddedResources.cues) {
            builder.words.insert(ArraySlice(ArabicNormalizer.normalize(form, foldTaMarbuta: false).unicodeScalars))
        }
        return builder.words
    }

    /// Builds the word set (a struct with mutating methods rather than closures over variables,
    /// which cost a dynamic exclusivity check per access).
    struct Builder {
        var words = Set<ArraySlice<Unicode.Scalar>>(minimumCapacity: 6000)
        var word: [Unicode.Scalar] = []
        static let alef: Unicode.Scalar = "\u{0627}", lam: Unicode.Scalar = "\u{0644}"

        /// protected_words.txt: one word a line (spaces and tabs around it), # comments; each
        /// normalised as ArabicNormalizer.normalize(_, foldTaMarbuta: false) does, scalar by scalar.
        mutating func addProtectedWords(_ bytes: UnsafeBufferPointer<UInt8>) {
            var lineStart = 0
            for lineEnd in 0...bytes.count where lineEnd == bytes.count || bytes[lineEnd] == 0x0A {
                var start = lineStart, end = lineEnd
                lineStart = lineEnd + 1
                while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0D { start += 1 }
                while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
                guard start < end, bytes[start] != UInt8(ascii: "#") else { continue }
                word.removeAll(keepingCapacity: true)
                var i = start
                while i < end {
                    if let mapped = ArabicNormalizer.map(Lexicon.decodeScalar(bytes, &i), foldTaMarbuta: false) { word.append(mapped) }
                }
                if !word.isEmpty { words.insert(ArraySlice(word)) }
            }
        }

        /// gazetteer.tsv: the words of names, aliases and nisbas (columns 2-4; aliases and nisbas
        /// |-separated; - for none), without the article, of 3+ letters, split as Tokenizer splits
        /// and normalised as ArabicNormalizer does (ta marbuta kept).
        mutating func addGazetteer(_ bytes: UnsafeBufferPointer<UInt8>) {
            var lineStart = 0
            var fields: [(Int, Int)] = []
            for lineEnd in 0...bytes.count where lineEnd == bytes.count || bytes[lineEnd] == 0x0A {
                let start = lineStart
                lineStart = lineEnd + 1
                guard lineEnd > start, bytes[start] != UInt8(ascii: "#") else { continue }
                fields.removeAll(keepingCapacity: true)
                var fieldStart = start
                for i in start...lineEnd where i == lineEnd || bytes[i] == 0x09 {
                    fields.append((fieldStart, i))
                    fieldStart = i + 1
                }
                guard fields.count >= 3 else { continue }
                addWords(of: bytes, fields[1].0, fields[1].1)
                for field in fields[2...min(3, fields.count - 1)] {
                    var partStart = field.0
                    for i in field.0...field.1 where i == field.1 || bytes[i] == UInt8(ascii: "|") {
                        if i > partStart { addWords(of: bytes, partStart, i) }
                        partStart = i + 1
                    }
                }
            }
        }

        mutating func addWords(of bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            guard !(end - start == 1 && bytes[start] == UInt8(ascii: "-")) else { return }
            word.removeAll(keepingCapacity: true)
            position = 0
            var i = start
            while i < end {
                let scalar = Lexicon.decodeScalar(bytes, &i)
                if ArabicNormalizer.isWordScalar(scalar) {
                    if let mapped = ArabicNormalizer.map(scalar, foldTaMarbuta: false) { word.append(mapped) }
                } else if !word.isEmpty {
                    addWord()
                }
            }
            if !word.isEmpty { addWord() }
        }

        /// Adds `word` without the article when it has 3+ letters, and empties it.
        mutating func addWord() {
            var start = 0
            if word.count > 4, word[0] == Self.alef, word[1] == Self.lam { start = 2 }
            // Later words of a name may carry a real clitic (`للأمم`, `لحقوق`): only the first word,
            // where a name's own letters stand (`بشار`, `لبنان`), is taken whole.
            let clitic = position > 0 && start < word.count && Self.cliticLetters.contains(word[start])
            if word.count - start >= 3 && !clitic { words.insert(word[start...]) }
            word.removeAll(keepingCapacity: true)
            position += 1
        }
        var position = 0
        static let cliticLetters: Set<Unicode.Scalar> = ["\u{0644}", "\u{0628}", "\u{0648}", "\u{0641}", "\u{0643}"]   // ل ب و ف ك
    }

    /// The scalar at `i` in valid UTF-8, advancing `i` past it.
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Unicode.Scalar {
        let (v, width) = UTF8Scalar.decode(bytes, at: i)
        i += width
        return Unicode.Scalar(v).unsafelyUnwrapped
    }

    public func isProtected(_ normalizedWord: String) -> Bool {
        isProtected(ArraySlice(normalizedWord.unicodeScalars))
    }

    /// `isProtected` for a word given as scalars.
    @inline(__always)
    func isProtected(_ letters: ArraySlice<Unicode.Scalar>) -> Bool {
        let (a, b) = Self.probes(letters)
        guard bloom[a >> 6] & (1 << UInt64(a & 63)) != 0, bloom[b >> 6] & (1 << UInt64(b & 63)) != 0 else { return false }
        return protectedScalars.contains(letters)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}

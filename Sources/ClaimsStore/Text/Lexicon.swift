/// Words the clitic stemmer must leave whole: the protected-word list (`Data/protected_words.txt`)
/// and the words of built-in entity names (`Data/gazetteer.tsv`), so that `بشار`, `لبنان` and
/// `بغداد` are not cut into `شار`, `بنان`, `غداد`.
///
/// The stemmer's output feeds the full-text index, so the lexicon is built from the embedded
/// data only (never from user additions): the same text always stems the same way.
public struct Lexicon: Sendable {
    /// Normalised forms (ta marbuta kept) that are never stripped.
    public let protectedWords: Set<String>
    /// The same words as scalar sequences, so the stemmer can test a slice of a word without
    /// building a String (and without String's Unicode-normalising hash). Normalised Arabic has no
    /// combining marks left, so scalar equality and String equality agree on it.
    let protectedScalars: Set<ArraySlice<Unicode.Scalar>>

    /// A Bloom filter (2^17 bits, two probes from one FNV-1a hash of the scalars) over the
    /// protected words: the stemmer asks about every word at least twice, and nearly every answer
    /// is no, found without hashing the word through a Set (false positives ~0.5%, then checked).
    private let bloom: [UInt64]
    private static let bloomBits = 17

    public init(protectedWords: Set<String>) {
        self.protectedWords = protectedWords
        var scalars = Set<ArraySlice<Unicode.Scalar>>(minimumCapacity: protectedWords.count)
        var bloom = [UInt64](repeating: 0, count: (1 << Self.bloomBits) / 64)
        for word in protectedWords {
            let letters = ArraySlice(word.unicodeScalars)
            scalars.insert(letters)
            let (a, b) = Self.probes(letters)
            bloom[a >> 6] |= 1 << UInt64(a & 63)
            bloom[b >> 6] |= 1 << UInt64(b & 63)
        }
        self.protectedScalars = scalars
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
    /// bytes and scalars rather than Characters (a test checks it equals `referenceWords()`).
    public static let builtIn = Lexicon(protectedWords: builtInWords())

    static func builtInWords() -> Set<String> {
        var words = Set<String>(minimumCapacity: 6000)
        // protected_words.txt: one word a line, # comments.
        for line in EmbeddedResources.protectedWords.utf8.split(separator: 0x0A) {
            let word = Substring(line).trimmingWhitespace()
            guard !word.isEmpty, word.utf8.first != UInt8(ascii: "#") else { continue }
            words.insert(ArabicNormalizer.normalize(word, foldTaMarbuta: false))
        }
        // gazetteer.tsv: the words of names, aliases and nisbas, without the article, of 3+ letters.
        let alef: Unicode.Scalar = "\u{0627}", lam: Unicode.Scalar = "\u{0644}"
        var word = [Unicode.Scalar]()
        func add() {
            defer { word.removeAll(keepingCapacity: true) }
            var start = 0
            if word.count > 4, word[0] == alef, word[1] == lam { start = 2 }
            guard word.count - start >= 3 else { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: word[start...])
            words.insert(String(view))
        }
        for line in EmbeddedResources.gazetteer.utf8.split(separator: 0x0A) {
            guard line.first != UInt8(ascii: "#") else { continue }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            var names = [fields[1]] + fields[2].split(separator: UInt8(ascii: "|"))
            if fields.count > 3 { names += fields[3].split(separator: UInt8(ascii: "|")) }
            for name in names where !name.elementsEqual([UInt8(ascii: "-")]) {
                // Words as Tokenizer splits them, normalised as ArabicNormalizer does (ta marbuta kept).
                for scalar in Substring(name).unicodeScalars {
                    if ArabicNormalizer.isWordScalar(scalar) {
                        if let mapped = ArabicNormalizer.map(scalar, foldTaMarbuta: false) { word.append(mapped) }
                    } else if !word.isEmpty {
                        add()
                    }
                }
                if !word.isEmpty { add() }
            }
        }
        return words
    }

    public func isProtected(_ normalizedWord: String) -> Bool {
        protectedWords.contains(normalizedWord)
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

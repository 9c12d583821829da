import ClaimsStore
import Foundation

/// Generates a deterministic synthetic corpus of Arabic news articles as JSON Lines
/// (`title`, `body`, `url`, `outlet`, `published`), for benchmarking.
///
/// How it is built:
/// * **Sentences** come from the bundled sample corpus (`Examples/articles`, split on Arabic
///   sentence punctuation), pre-tokenised once; each use substitutes their places, people,
///   numbers, months and weekdays, and replaces rare (content) words with words of the generated
///   vocabulary, so no two articles share many sentences verbatim.
/// * **Vocabulary**: 300,000 surface forms made by combining ~280 common triliteral roots with
///   40 derivation patterns, proclitics and suffixes (the best-weighted combinations), drawn with
///   a Zipf distribution, so the number of distinct words grows with the corpus as in real news
///   (Heaps' law). People (first × family names), towns (prefix × stem) and the gazetteer's
///   places, people and institutions add names.
/// * **Attributed claims** (قال / أعلن / أكد … إن / أن …) and **denials** (نفى … ووصفها بأنها غير
///   صحيحة) are added from templates at about 12% and 1.5% of sentences, on top of the ones the
///   sample sentences already carry.
/// * **Dates**: 10 articles a day in line order from 2023-01-01, some dated up to two days
///   earlier (late reports), so a larger corpus covers more days at the same rate of news.
/// * **Size**: bodies follow a log-normal length distribution around ~4 KB; about 1% of articles
///   are syndicated copies (the same title and body under another outlet and URL), as in real feeds.
///
/// Article `i` depends only on `(seed, i)`: the corpus of N articles is the first N lines of any
/// larger corpus with the same seed.
final class CorpusGenerator {
    /// Bumped whenever the output changes, so cached corpora are regenerated.
    static let version = 2

    struct Summary {
        var articles = 0
        var bytes = 0
        var bodyBytes = 0
        var words = 0
        var distinctWords = 0
        var claimSentences = 0
        var denialSentences = 0
        var duplicates = 0
        var seconds = 0.0

        var fields: [(String, String)] {
            [("articles", "\(articles)"), ("bytes", "\(bytes)"), ("body_bytes", "\(bodyBytes)"), ("words", "\(words)"),
             ("distinct_words", "\(distinctWords)"), ("claim_sentences", "\(claimSentences)"),
             ("denial_sentences", "\(denialSentences)"), ("duplicates", "\(duplicates)"), ("seconds", String(format: "%.2f", seconds))]
        }

        init() {}

        init?(fields text: String) {
            var map: [String: String] = [:]
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { map[String(parts[0])] = String(parts[1]) }
            }
            guard let articles = map["articles"].flatMap(Int.init), let bytes = map["bytes"].flatMap(Int.init),
                  let distinct = map["distinct_words"].flatMap(Int.init) else { return nil }
            self.articles = articles
            self.bytes = bytes
            self.distinctWords = distinct
            bodyBytes = map["body_bytes"].flatMap(Int.init) ?? 0
            words = map["words"].flatMap(Int.init) ?? 0
            claimSentences = map["claim_sentences"].flatMap(Int.init) ?? 0
            denialSentences = map["denial_sentences"].flatMap(Int.init) ?? 0
            duplicates = map["duplicates"].flatMap(Int.init) ?? 0
            seconds = map["seconds"].flatMap(Double.init) ?? 0
        }

        var report: String {
            let mb = Double(bytes) / 1_000_000
            var text = "corpus: \(articles) articles, \(String(format: "%.1f", mb)) MB"
            text += ", body \(articles > 0 ? bodyBytes / articles : 0) B on average"
            text += ", \(words) words, \(distinctWords) distinct"
            text += "\n        \(claimSentences) claim sentences and \(denialSentences) denials added from templates"
            text += ", \(duplicates) syndicated duplicates"
            return text
        }
    }

    // MARK: - Model

    /// A piece of a pre-tokenised sample sentence.
    enum Piece {
        case literal([UInt8])
        case number(digits: Int, arabicIndic: Bool)
        case year(arabicIndic: Bool)
        case month
        case weekday(prefix: [UInt8])
        case place(prefix: [UInt8])
        case person(family: Bool, prefix: [UInt8])
        case content(original: [UInt8])
    }

    struct Sentence {
        let pieces: [Piece]
        let wordCount: Int
    }

    let seed: UInt64
    private let sentences: [Sentence]
    private let sentencePicker: ZipfSampler
    let vocabulary: [[UInt8]]
    let vocabularyPicker: ZipfSampler
    /// The gazetteer's places, then generated towns.
    let places: [[UInt8]]
    let gazetteerPlaceCount: Int
    /// Outlets per statement in a corpus of recurring statements (`RecurringStatements.swift`);
    /// nil for the standard corpus.
    let recurring: Int?
    private let placePicker: ZipfSampler
    private let famousPeople: [[UInt8]]
    private let firstNames: [[UInt8]]
    private let familyNames: [[UInt8]]
    private let firstNamePicker: ZipfSampler
    private let familyNamePicker: ZipfSampler
    private let institutions: [(name: [UInt8], feminine: Bool)]
    private let outletPicker: ZipfSampler

    /// Probability that a rare (content) word of a sample sentence is replaced by a vocabulary word.
    static let contentReplacement = 0.5
    static let claimShare = 0.12
    static let denialShare = 0.015
    static let duplicateShare = 0.01
    static let vocabularySize = 300_000

    init(seed: UInt64, recurring: Int? = nil) {
        self.seed = seed
        self.recurring = recurring
        let gazetteer = Gazetteer.load()
        let sample = SampleCorpus(gazetteer: gazetteer)
        sentences = sample.sentences
        // Zipf over sentences too: some phrasing recurs more than other.
        sentencePicker = ZipfSampler(count: sentences.count, exponent: 0.5, offset: 10)
        vocabulary = Self.buildVocabulary(count: Self.vocabularySize)
        vocabularyPicker = ZipfSampler(count: vocabulary.count, exponent: 1.0, offset: 50)
        let towns = Self.buildTowns()
        places = gazetteer.places + towns
        gazetteerPlaceCount = gazetteer.places.count
        placePicker = ZipfSampler(count: places.count, exponent: 1.0, offset: 3)
        famousPeople = gazetteer.people
        firstNames = WordLists.firstNames.map { Array($0.utf8) }
        familyNames = WordLists.familyNames.map { Array($0.utf8) }
        firstNamePicker = ZipfSampler(count: firstNames.count, exponent: 0.9, offset: 2)
        familyNamePicker = ZipfSampler(count: familyNames.count, exponent: 0.7, offset: 2)
        let feminineStarts = ["وزارة", "هيئة", "رئاسة", "القيادة", "إدارة", "منظمة", "اللجنة", "المفوضية", "جامعة", "قوات"]
        institutions = (WordLists.institutions + gazetteer.organizations).map { name in
            (Array(name.utf8), feminineStarts.contains(where: { name.hasPrefix($0) }))
        }
        outletPicker = ZipfSampler(count: WordLists.outlets.count, exponent: 0.8, offset: 2)
    }

    /// Roots × patterns × affixes: every combination is scored by the product of Zipf weights of
    /// its parts (common roots, patterns and affixes first), and the `count` best-scored distinct
    /// forms make the vocabulary, most frequent first. Independent of the seed.
    static func buildVocabulary(count: Int) -> [[UInt8]] {
        var roots = [[Unicode.Scalar]]()
        var seenRoots = Set<String>()
        for root in WordLists.roots where root.unicodeScalars.count == 3 && seenRoots.insert(root).inserted {
            roots.append(Array(root.unicodeScalars))
        }
        let patterns = WordLists.patterns.map { Array($0.unicodeScalars) }
        let prefixes = WordLists.prefixes.map { Array($0.unicodeScalars) }
        let suffixes = WordLists.suffixes.map { Array($0.unicodeScalars) }
        func weights(_ n: Int, _ exponent: Double, _ offset: Double) -> [Double] {
            (0..<n).map { 1 / pow(Double($0) + offset, exponent) }
        }
        let rootWeight = weights(roots.count, 0.9, 10), patternWeight = weights(patterns.count, 0.8, 2)
        let prefixWeight = weights(prefixes.count, 1.1, 1.5), suffixWeight = weights(suffixes.count, 1.1, 1.5)
        let taMarbuta: Unicode.Scalar = "\u{0629}", ta: Unicode.Scalar = "\u{062A}"
        let verbal: Set<Unicode.Scalar> = ["\u{064A}", "\u{062A}"]   // patterns starting ي / ت are verbs: no ال
        // Candidates as packed indices with their score; the best `count` distinct forms are kept.
        var candidates = [(score: Double, code: Int)]()
        candidates.reserveCapacity(roots.count * patterns.count * prefixes.count * suffixes.count)
        for r in roots.indices {
            for p in patterns.indices {
                let isVerb = verbal.contains(patterns[p][0]) && patterns[p].count > 1 && patterns[p][1] != "\u{0627}"
                for x in prefixes.indices {
                    if isVerb && prefixes[x].contains("\u{0644}") && prefixes[x].contains("\u{0627}") { continue }
                    for s in suffixes.indices {
                        let score = rootWeight[r] * patternWeight[p] * prefixWeight[x] * suffixWeight[s]
                        candidates.append((score, ((r * patterns.count + p) * prefixes.count + x) * suffixes.count + s))
                    }
                }
            }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.code < $1.code }
        var words = [[UInt8]]()
        words.reserveCapacity(count)
        var seen = Set<[UInt8]>()
        seen.reserveCapacity(count)
        var scalars = [Unicode.Scalar]()
        for candidate in candidates {
            if words.count >= count { break }
            var code = candidate.code
            let s = code % suffixes.count; code /= suffixes.count
            let x = code % prefixes.count; code /= prefixes.count
            let p = code % patterns.count; code /= patterns.count
            let root = roots[code], suffix = suffixes[s]
            scalars.removeAll(keepingCapacity: true)
            scalars.append(contentsOf: prefixes[x])
            for letter in patterns[p] {
                switch letter {
                case "1": scalars.append(root[0])
                case "2": scalars.append(root[1])
                case "3": scalars.append(root[2])
                default: scalars.append(letter)
                }
            }
            // ة before a suffix becomes ت (سفارة + ها → سفارتها); a pattern ending in ة takes no ة suffix.
            if !suffix.isEmpty, scalars.last == taMarbuta {
                if suffix.first == taMarbuta || suffix.first == ta { continue }
                scalars[scalars.count - 1] = ta
            }
            scalars.append(contentsOf: suffix)
            var bytes = [UInt8]()
            bytes.reserveCapacity(scalars.count * 2)
            for letter in scalars { UTF8.encode(letter) { bytes.append($0) } }
            if seen.insert(bytes).inserted { words.append(bytes) }
        }
        return words
    }

    static func buildTowns() -> [[UInt8]] {
        var towns = [[UInt8]]()
        for stem in WordLists.townStems {
            for prefix in WordLists.townPrefixes { towns.append(Array("\(prefix) \(stem)".utf8)) }
        }
        var rng = SplitMix64(seed: 0x70D05)
        for i in stride(from: towns.count - 1, to: 0, by: -1) { towns.swapAt(i, rng.below(i + 1)) }
        return towns
    }

    // MARK: - Writing

    /// Writes `articles` articles to `path` and returns what was written.
    func write(articles: Int, to path: String, progress: ((Int) -> Void)? = nil) throws -> Summary {
        let started = Date()
        guard let file = fopen(path, "wb") else {
            throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var summary = Summary()
        var counter = WordCounter()
        var line = [UInt8]()
        line.reserveCapacity(1 << 16)
        var buffer = [UInt8]()
        buffer.reserveCapacity(1 << 22)
        for index in 0..<articles {
            let article = recurring.map { recurringArticle(index, outletsPerStatement: $0) } ?? self.article(index)
            summary.bodyBytes += article.body.count
            summary.claimSentences += article.claims
            summary.denialSentences += article.denials
            if article.isDuplicate { summary.duplicates += 1 }
            counter.count(article.title)
            counter.count(article.body)
            line.removeAll(keepingCapacity: true)
            JSONWriter.object(into: &line, [
                ("title", .string(article.title)), ("body", .string(article.body)), ("url", .string(article.url)),
                ("outlet", .string(article.outlet)), ("published", article.published.map { .string($0) } ?? .null),
            ])
            line.append(0x0A)
            buffer.append(contentsOf: line)
            summary.bytes += line.count
            if buffer.count > 1 << 22 {
                guard fwrite(buffer, 1, buffer.count, file) == buffer.count else { throw BenchError("write error on \(path)") }
                buffer.removeAll(keepingCapacity: true)
            }
            if (index + 1) % 10_000 == 0 { progress?(index + 1) }
        }
        guard fwrite(buffer, 1, buffer.count, file) == buffer.count else { throw BenchError("write error on \(path)") }
        summary.articles = articles
        summary.words = counter.words
        summary.distinctWords = counter.distinct.count
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    struct GeneratedArticle {
        var title: [UInt8]
        var body: [UInt8]
        var url: [UInt8]
        var outlet: [UInt8]
        var published: [UInt8]?
        var claims: Int
        var denials: Int
        var isDuplicate: Bool
    }

    /// Article `index`: metadata from its own generator; title and body from its own, or, for a
    /// syndicated copy, from the generator of the earlier article it copies.
    func article(_ index: Int) -> GeneratedArticle {
        var rng = SplitMix64.forItem(index, seed: seed)
        var contentIndex = index
        var isDuplicate = false
        if index >= 100, rng.chance(Self.duplicateShare) {
            contentIndex = rng.below(index)
            isDuplicate = true
        }
        let outlet = WordLists.outlets[outletPicker.sample(&rng)]
        // A steady rate of news in line order, some reported up to two days late: an archive of 10×
        // the articles covers 10× the days, as a newsroom's does (not 10× the news per day).
        let day = max(0, index / Self.articlesPerDay - rng.below(3))
        let date = CalendarDate(dayNumber: Self.firstDay + day)
        let (year, month, dayOfMonth) = (date.year, date.month, date.day)
        var published = String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
        if rng.chance(0.75) { published += String(format: "T%02d:%02d:%02dZ", rng.below(24), rng.below(60), rng.below(60)) }
        let url = String(format: "https://www.%@.example/news/%04d/%02d/%02d/%d-%08llx", outlet.slug, year, month, dayOfMonth, index, rng.next() & 0xFFFF_FFFF)
        var contentRNG = SplitMix64.forItem(contentIndex, seed: seed ^ 0xA5A5_A5A5)
        var text = ArticleText()
        buildContent(&contentRNG, outlet: Array(outlet.name.utf8), into: &text)
        return GeneratedArticle(title: text.title, body: text.body, url: Array(url.utf8), outlet: Array(outlet.name.utf8),
                                published: Array(published.utf8), claims: isDuplicate ? 0 : text.claims,
                                denials: isDuplicate ? 0 : text.denials, isDuplicate: isDuplicate)
    }

    struct ArticleText {
        var title: [UInt8] = []
        var body: [UInt8] = []
        var claims = 0
        var denials = 0
    }

    private func buildContent(_ rng: inout SplitMix64, outlet: [UInt8], into text: inout ArticleText) {
        // Body length: log-normal, median ~3.4 KB, mean ~4 KB (paragraphs overshoot the target a little).
        let target = Int(min(24_000, max(700, 3_550 * exp(0.42 * rng.gaussian()))))
        text.body.reserveCapacity(target + 1_000)
        // Title.
        switch rng.below(4) {
        case 0:
            appendPerson(&rng, into: &text.title)
            text.title.append(contentsOf: Array(": ".utf8))
            appendClause(&rng, words: rng.int(in: 5...9), into: &text.title)
        case 1:
            appendPlace(&rng, into: &text.title)
            text.title.append(contentsOf: Array(": ".utf8))
            appendClause(&rng, words: rng.int(in: 5...9), into: &text.title)
        default:
            appendClause(&rng, words: rng.int(in: 6...13), into: &text.title)
        }
        // Dateline.
        if rng.chance(0.35) {
            appendPlace(&rng, into: &text.body)
            if rng.chance(0.5) {
                text.body.append(contentsOf: Array(" – «".utf8)); text.body.append(contentsOf: outlet); text.body.append(contentsOf: Array("»: ".utf8))
            } else {
                text.body.append(contentsOf: Array(" (".utf8)); text.body.append(contentsOf: outlet); text.body.append(contentsOf: Array(") - ".utf8))
            }
        }
        var first = true
        while text.body.count < target {
            if !first { text.body.append(contentsOf: [0x0A, 0x0A]) }
            let sentencesInParagraph = rng.int(in: 1...4)
            for s in 0..<sentencesInParagraph {
                if s > 0 { text.body.append(0x20) }
                let roll = rng.unit()
                if !first || s > 0, roll < Self.claimShare {
                    appendClaim(&rng, into: &text.body)
                    text.claims += 1
                } else if !first || s > 0, roll < Self.claimShare + Self.denialShare {
                    appendDenial(&rng, into: &text.body)
                    text.denials += 1
                } else {
                    appendSentence(&rng, sentences[sentencePicker.sample(&rng)], into: &text.body)
                }
                first = false
            }
        }
    }

    // MARK: - Pieces

    private func appendSentence(_ rng: inout SplitMix64, _ sentence: Sentence, maxWords: Int = .max, into out: inout [UInt8]) {
        var words = 0
        for piece in sentence.pieces {
            if case .literal = piece {} else {
                words += 1
                if words > maxWords { break }
            }
            render(piece, &rng, into: &out)
        }
    }

    /// Words of a random sentence, cut to at most `words` words, without the final punctuation.
    private func appendClause(_ rng: inout SplitMix64, words: Int, into out: inout [UInt8]) {
        let start = out.count
        appendSentence(&rng, sentences[sentencePicker.sample(&rng)], maxWords: words, into: &out)
        // Trim trailing non-letters (punctuation, spaces, quotes).
        while out.count > start, let last = out.last, Self.isTrailingJunk(last) { out.removeLast() }
        if out.count > start, out.last! & 0xC0 == 0x80 {
            // A trailing multi-byte punctuation mark (، ؛ ؟ « » – …): drop it whole.
            var cut = out.count - 1
            while cut > start, out[cut] & 0xC0 == 0x80 { cut -= 1 }
            if let scalar = String(decoding: out[cut...], as: UTF8.self).unicodeScalars.first,
               !ArabicNormalizer.isWordScalar(scalar) {
                out.removeSubrange(cut...)
                while out.count > start, let last = out.last, Self.isTrailingJunk(last) { out.removeLast() }
            }
        }
    }

    private static func isTrailingJunk(_ byte: UInt8) -> Bool {
        byte < 0x80 && !(byte >= 0x30 && byte <= 0x39) && !(byte >= 0x41 && byte <= 0x5A) && !(byte >= 0x61 && byte <= 0x7A)
    }

    private func render(_ piece: Piece, _ rng: inout SplitMix64, into out: inout [UInt8]) {
        switch piece {
        case .literal(let bytes): out.append(contentsOf: bytes)
        case .content(let original):
            if rng.chance(Self.contentReplacement) {
                out.append(contentsOf: vocabulary[vocabularyPicker.sample(&rng)])
            } else {
                out.append(contentsOf: original)
            }
        case .year(let arabicIndic):
            for d in [2, 0, 2, 2 + rng.below(4)] {
                if arabicIndic { out.append(0xD9); out.append(0xA0 + UInt8(d)) } else { out.append(0x30 + UInt8(d)) }
            }
        case .number(let digits, let arabicIndic):
            for i in 0..<digits {
                let d = i == 0 && digits > 1 ? 1 + rng.below(9) : rng.below(10)
                if arabicIndic { out.append(0xD9); out.append(0xA0 + UInt8(d)) } else { out.append(0x30 + UInt8(d)) }
            }
        case .month:
            out.append(contentsOf: Array((rng.chance(0.7) ? rng.pick(WordLists.months) : rng.pick(WordLists.levantineMonths)).utf8))
        case .weekday(let prefix):
            out.append(contentsOf: prefix)
            out.append(contentsOf: Array(rng.pick(WordLists.weekdays).utf8))
        case .place(let prefix):
            out.append(contentsOf: prefix)
            appendPlace(&rng, into: &out)
        case .person(let family, let prefix):
            out.append(contentsOf: prefix)
            if family { out.append(contentsOf: familyNames[familyNamePicker.sample(&rng)]) }
            else { out.append(contentsOf: firstNames[firstNamePicker.sample(&rng)]) }
        }
    }

    private func appendPlace(_ rng: inout SplitMix64, into out: inout [UInt8]) {
        out.append(contentsOf: places[placePicker.sample(&rng)])
    }

    private func appendPerson(_ rng: inout SplitMix64, into out: inout [UInt8]) {
        if rng.chance(0.3) {
            out.append(contentsOf: famousPeople[rng.below(famousPeople.count)])
        } else {
            out.append(contentsOf: firstNames[firstNamePicker.sample(&rng)])
            out.append(0x20)
            if rng.chance(0.25) { out.append(contentsOf: firstNames[firstNamePicker.sample(&rng)]); out.append(0x20) }
            out.append(contentsOf: familyNames[familyNamePicker.sample(&rng)])
        }
    }

    private func appendInstitution(_ rng: inout SplitMix64, into out: inout [UInt8]) -> Bool {
        let institution = institutions[rng.below(institutions.count)]
        out.append(contentsOf: institution.name)
        if rng.chance(0.4) { out.append(0x20); out.append(contentsOf: Array(rng.pick(WordLists.nisbas).utf8)) }
        return institution.feminine
    }

    private func appendDay(_ rng: inout SplitMix64, into out: inout [UInt8]) {
        switch rng.below(4) {
        case 0: out.append(contentsOf: Array("، اليوم \(rng.pick(WordLists.weekdays))،".utf8))
        case 1: out.append(contentsOf: Array(" \(rng.pick(WordLists.weekdays))".utf8))
        case 2: out.append(contentsOf: Array(" مساء \(rng.pick(WordLists.weekdays))".utf8))
        default: break
        }
    }

    /// `قال فلان، المتحدث باسم …، في بيان اليوم السبت، إن …` and variants.
    private func appendClaim(_ rng: inout SplitMix64, into out: inout [UInt8]) {
        let verb = rng.pick(WordLists.reportingVerbs)
        if rng.chance(0.3) { out.append(contentsOf: Array("و".utf8)) }
        var subject = [UInt8]()
        var feminine = false
        if rng.chance(0.55) {
            appendPerson(&rng, into: &subject)
            if rng.chance(0.6) {
                subject.append(contentsOf: Array("، \(rng.pick(WordLists.roles)) ".utf8))
                _ = appendInstitution(&rng, into: &subject)
                subject.append(contentsOf: Array("،".utf8))
            }
        } else {
            feminine = appendInstitution(&rng, into: &subject)
        }
        out.append(contentsOf: Array(verb.utf8))
        if feminine { out.append(contentsOf: Array("ت".utf8)) }
        out.append(0x20)
        out.append(contentsOf: subject)
        let venue = rng.pick(WordLists.claimVenues)
        if !venue.isEmpty { out.append(0x20); out.append(contentsOf: Array(venue.utf8)) }
        appendDay(&rng, into: &out)
        out.append(contentsOf: Array((verb == "قال" ? " إن " : " أن ").utf8))
        if rng.chance(0.3) { out.append(contentsOf: Array("\"".utf8)) ; appendClause(&rng, words: rng.int(in: 6...20), into: &out); out.append(contentsOf: Array("\".".utf8)) }
        else { appendClause(&rng, words: rng.int(in: 6...20), into: &out); out.append(0x2E) }
    }

    /// `نفى فلان الأنباء التي تحدثت عن …، ووصفها بأنها غير صحيحة.` and variants.
    private func appendDenial(_ rng: inout SplitMix64, into out: inout [UInt8]) {
        var subject = [UInt8]()
        var feminine = false
        if rng.chance(0.5) { appendPerson(&rng, into: &subject) } else { feminine = appendInstitution(&rng, into: &subject) }
        out.append(contentsOf: Array((rng.chance(0.4) ? "ونفى" : "نفى").utf8))
        if feminine { out.append(contentsOf: Array("ت".utf8)) }
        out.append(0x20)
        out.append(contentsOf: subject)
        appendDay(&rng, into: &out)
        out.append(contentsOf: Array(" \(rng.pick(WordLists.denialObjects)) \(rng.pick(["التي تحدثت عن", "المتداولة بشأن", "التي أفادت بأن", "عن"])) ".utf8))
        appendClause(&rng, words: rng.int(in: 4...12), into: &out)
        var qualifier = rng.pick(WordLists.denialQualifiers)
        if feminine {
            qualifier = qualifier.replacingOccurrences(of: "ووصفها", with: "ووصفتها").replacingOccurrences(of: "مؤكدا", with: "مؤكدة")
                .replacingOccurrences(of: "مشددا", with: "مشددة").replacingOccurrences(of: "وقال", with: "وقالت")
                .replacingOccurrences(of: "واعتبرها", with: "واعتبرتها")
        }
        out.append(contentsOf: Array("، \(qualifier).".utf8))
    }

    // MARK: - Dates

    /// 2023-01-01, the first publication date of the corpus.
    static let firstDay = CalendarDate(year: 2023, month: 1, day: 1)!.dayNumber
    /// Articles published per day. Low for a newsroom, on purpose: every sentence comes from five
    /// sample articles, so a synthetic day repeats the same few events far more than a real one, and
    /// at 100 a day a 10,000-article corpus made 66,928 "conflicts" out of those repeats. At 10 a day
    /// a claim's ±4-day window holds ~90 articles, as version 1's did at 10,000 articles (version 1
    /// spread any number of articles at random over 2023–2025, so its days filled up as it grew).
    static let articlesPerDay = 10
}

/// Places, people and organisations of the gazetteer the binary carries.
struct Gazetteer {
    var places: [[UInt8]] = []
    var people: [[UInt8]] = []
    var organizations: [String] = []
    /// Normalised single words of place names and of people's names, for spotting them in sample sentences.
    var placeWords = Set<String>()
    var personFirstWords = Set<String>()
    var personFamilyWords = Set<String>()

    static func load() -> Gazetteer {
        var g = Gazetteer()
        for line in EmbeddedResources.gazetteer.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 3 else { continue }
            let name = fields[1]
            switch fields[0] {
            case "place":
                g.places.append(Array(name.utf8))
                for form in [name] + fields[2].split(separator: "|").map(String.init) where form != "-" && !form.contains(" ") {
                    g.placeWords.insert(ArabicNormalizer.normalize(form))
                }
            case "person":
                g.people.append(Array(name.utf8))
                let words = name.split(separator: " ").map { ArabicNormalizer.normalize(String($0)) }
                if let first = words.first, words.count > 1 { g.personFirstWords.insert(first) }
                for word in words.dropFirst() { g.personFamilyWords.insert(word) }
            case "organization":
                if !name.contains("(") { g.organizations.append(name) }
            default: break
            }
        }
        return g
    }
}

/// The sample corpus split into sentences and pre-tokenised into pieces.
struct SampleCorpus {
    var sentences: [CorpusGenerator.Sentence] = []

    init(gazetteer: Gazetteer) {
        var texts = [String]()
        for (_, text) in EmbeddedResources.sampleArticles { texts.append(text) }
        // Word frequencies over the whole sample: rare words are the replaceable content words.
        var frequency = [String: Int]()
        for text in texts {
            for token in Tokenizer.tokenize(text) { frequency[ArabicNormalizer.normalize(token.text), default: 0] += 1 }
        }
        let months = Set(WordLists.months.map { ArabicNormalizer.normalize($0) } + ["ديسمبر", "يونيه", "يوليه", "كانون", "تشرين", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "ايلول"])
        let weekdays = Set(WordLists.weekdays.map { ArabicNormalizer.normalize($0) })
        var seen = Set<String>()
        for text in texts {
            for paragraph in text.split(whereSeparator: \.isNewline) {
                for raw in Self.splitSentences(String(paragraph)) {
                    let sentence = raw.trimmingCharacters(in: .whitespaces)
                    let words = Tokenizer.tokenize(sentence)
                    guard words.count >= 6, !sentence.hasPrefix("●"), !sentence.contains("نشر في"),
                          !ArticleCleaner.isBoilerplate(sentence), seen.insert(sentence).inserted else { continue }
                    sentences.append(Self.pieces(of: sentence, frequency: frequency, months: months, weekdays: weekdays, gazetteer: gazetteer))
                }
            }
        }
    }

    /// Splits after . ! ؟ ؛ (a full stop only when followed by a space or the end, so 3.5 stays whole).
    static func splitSentences(_ paragraph: String) -> [String] {
        var result = [String]()
        var current = ""
        var previousWasStop = false
        for c in paragraph {
            if previousWasStop, c == " " || c == "\u{00A0}" {
                result.append(current); current = ""; previousWasStop = false; continue
            }
            current.append(c)
            previousWasStop = c == "." || c == "!" || c == "؟" || c == "؛" || c == "?"
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    static func pieces(of sentence: String, frequency: [String: Int], months: Set<String>, weekdays: Set<String>,
                       gazetteer: Gazetteer) -> CorpusGenerator.Sentence {
        var pieces = [CorpusGenerator.Piece]()
        var literal = [UInt8]()
        var wordCount = 0
        let scalars = Array(sentence.unicodeScalars)
        var i = 0
        func flush() { if !literal.isEmpty { pieces.append(.literal(literal)); literal = [] } }
        while i < scalars.count {
            guard ArabicNormalizer.isWordScalar(scalars[i]) else {
                UTF8.encode(scalars[i]) { literal.append($0) }
                i += 1
                continue
            }
            var j = i
            while j < scalars.count, ArabicNormalizer.isWordScalar(scalars[j]) { j += 1 }
            let word = String(String.UnicodeScalarView(scalars[i..<j]))
            i = j
            wordCount += 1
            let normalized = ArabicNormalizer.normalize(word)
            let digitValue = Int(String(String.UnicodeScalarView(word.unicodeScalars.map { $0.value >= 0x660 && $0.value <= 0x669 ? Unicode.Scalar($0.value - 0x660 + 0x30)! : $0 })))
            if let year = digitValue, (1990...2030).contains(year) {
                flush(); pieces.append(.year(arabicIndic: word.unicodeScalars.first!.value >= 0x660)); continue
            }
            if word.unicodeScalars.allSatisfy({ ($0.value >= 0x30 && $0.value <= 0x39) }) {
                flush(); pieces.append(.number(digits: word.unicodeScalars.count, arabicIndic: false)); continue
            }
            if word.unicodeScalars.allSatisfy({ ($0.value >= 0x660 && $0.value <= 0x669) }) {
                flush(); pieces.append(.number(digits: word.unicodeScalars.count, arabicIndic: true)); continue
            }
            if months.contains(normalized) { flush(); pieces.append(.month); continue }
            // A one-letter proclitic (و ب ل ف) may stand before a name.
            var prefix = "", core = normalized
            if let f = normalized.first, "وبلف".contains(f), normalized.count > 3 {
                let rest = String(normalized.dropFirst())
                if gazetteer.placeWords.contains(rest) || weekdays.contains(rest) || gazetteer.personFamilyWords.contains(rest) {
                    prefix = String(word.unicodeScalars.first!); core = rest
                }
            }
            if weekdays.contains(core) { flush(); pieces.append(.weekday(prefix: Array(prefix.utf8))); continue }
            if gazetteer.placeWords.contains(core) { flush(); pieces.append(.place(prefix: Array(prefix.utf8))); continue }
            if gazetteer.personFamilyWords.contains(core), core.count >= 3 { flush(); pieces.append(.person(family: true, prefix: Array(prefix.utf8))); continue }
            if gazetteer.personFirstWords.contains(core), prefix.isEmpty { flush(); pieces.append(.person(family: false, prefix: [])); continue }
            if (frequency[normalized] ?? 0) <= 3, normalized.count >= 4 { flush(); pieces.append(.content(original: Array(word.utf8))); continue }
            literal.append(contentsOf: Array(word.utf8))
        }
        flush()
        return CorpusGenerator.Sentence(pieces: pieces, wordCount: wordCount)
    }
}

/// Counts words and distinct words (by a 64-bit hash of their UTF-8 bytes; a collision among a
/// few hundred thousand words has a probability of ~1e-9) in constant memory per distinct word.
struct WordCounter {
    var words = 0
    var distinct = Set<UInt64>()

    mutating func count(_ text: [UInt8]) {
        text.withUnsafeBufferPointer { count(utf8: $0) }
    }

    private mutating func count(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        var i = 0
        let n = bytes.count
        while i < n {
            let (scalar, width) = UTF8Scalar.decode(bytes, at: i)
            if ArabicNormalizer.isWordScalar(Unicode.Scalar(scalar)!) {
                inWord = true
                for k in 0..<width { hash = (hash ^ UInt64(bytes[i + k])) &* 0x100_0000_01b3 }
            } else if inWord {
                words += 1; distinct.insert(hash); hash = 0xcbf2_9ce4_8422_2325; inWord = false
            }
            i += width
        }
        if inWord { words += 1; distinct.insert(hash) }
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Minimal JSON writing straight into bytes (strings escaped per RFC 8259).
enum JSONWriter {
    enum Value { case string([UInt8]), null }

    static func object(into out: inout [UInt8], _ fields: [(String, Value)]) {
        out.append(UInt8(ascii: "{"))
        for (i, (key, value)) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            string(Array(key.utf8), into: &out)
            out.append(UInt8(ascii: ":"))
            switch value {
            case .string(let bytes): string(bytes, into: &out)
            case .null: out.append(contentsOf: Array("null".utf8))
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    static func string(_ bytes: [UInt8], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(b)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0..<0x20:
                out.append(contentsOf: Array(String(format: "\\u%04x", b).utf8))
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

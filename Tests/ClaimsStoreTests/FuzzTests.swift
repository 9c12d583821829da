import Foundation
import XCTest
@testable import ClaimsStore

/// Generated input through ingest (files of random bytes, random JSON, random Arabic text), the
/// cleaner, the decoder, the JSON parser, the search query parser and search, with a fixed seed.
/// Nothing may crash, every error must be one of the expected kinds with a clear message, and the
/// database must stay consistent (`verify()`).
///
/// Runs `CLAIMS_FUZZ_ITERATIONS` iterations (default 700, a few seconds); `CLAIMS_FUZZ_SEED` picks
/// another sequence. A long run by hand:
///
///     CLAIMS_FUZZ_ITERATIONS=200000 swift test --skip-build --filter FuzzTests
final class FuzzTests: XCTestCase {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = environment["CLAIMS_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 700
    static let seed = environment["CLAIMS_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_241_207

    func testFuzzIngestCleaningQueriesAndSearch() throws {
        let directory = try TestSupport.temporaryDirectory()
        let database = try ClaimsDatabase(path: directory + "/fuzz.db")
        var options = InputReader.Options()
        options.maxBytes = 64 * 1024
        let ingester = try Ingester(database: database, readerOptions: options)
        let engine = SearchEngine(database: database)
        let cleaner = ArticleCleaner()
        var fuzz = Fuzzer(seed: Self.seed)
        var counts: [String: Int] = [:]
        let started = Date()
        let iterations = Self.iterations
        let verifyEvery = max(200, iterations / 50)

        for iteration in 0..<iterations {
            let context = "iteration \(iteration), seed \(Self.seed)"
            switch iteration % 6 {
            case 0:   // a file of random bytes, under a random name
                let name = directory + "/input-\(iteration % 8)." + fuzz.pick(["txt", "md", "json", "jsonl", "TXT"])
                let bytes = fuzz.bytes()
                _ = FileManager.default.createFile(atPath: name, contents: Data(bytes))
                do {
                    let report = try ingester.ingest(paths: [name])
                    counts["files", default: 0] += 1
                    counts["stored", default: 0] += report.inserted.count
                    counts["refused", default: 0] += report.failures.count
                    for failure in report.failures where failure.reason.isEmpty || !failure.location.hasPrefix(name) {
                        XCTFail("\(context): unclear problem \(failure) for \(Fuzzer.show(bytes))")
                    }
                } catch {
                    XCTFail("\(context): ingest threw \(error) for \(Fuzzer.show(bytes))")
                }
            case 1:   // random Arabic text: cleaned, then stored
                let draft = ArticleDraft(source: "fuzz", title: fuzz.chance(0.3) ? fuzz.arabicText(maxLines: 1) : nil,
                                         body: fuzz.arabicText(maxLines: 12), isPlainText: fuzz.chance(0.5))
                do {
                    let clean = try cleaner.clean(draft)
                    XCTAssertFalse(clean.title.isEmpty, context)
                    XCTAssertTrue(clean.body.contains(where: \.isLetter), context)
                    counts["cleaned", default: 0] += 1
                } catch let error as IngestError {
                    XCTAssertFalse(error.description.isEmpty)
                } catch {
                    XCTFail("\(context): clean threw \(error) for \(draft.body.debugDescription)")
                }
                do {
                    let report = try ingester.ingest(drafts: [draft])
                    counts["stored", default: 0] += report.inserted.count
                } catch {
                    XCTFail("\(context): ingest threw \(error) for \(draft.body.debugDescription)")
                }
            case 2:   // random JSON, maybe broken, as JSON Lines or a JSON document
                let lines = (0..<fuzz.int(1...4)).map { _ in fuzz.mutated(fuzz.jsonRecord()) }
                let isLines = fuzz.chance(0.6)
                let name = directory + "/records-\(iteration % 8)." + (isLines ? "jsonl" : "json")
                let text = isLines ? lines.joined(separator: "\n") : "[" + lines.joined(separator: ",") + "]"
                _ = FileManager.default.createFile(atPath: name, contents: Data(text.utf8))
                for line in lines {
                    do { _ = try JSONParser.parse(line) } catch is JSONParser.ParseError {} catch {
                        XCTFail("\(context): JSONParser threw \(error) for \(line.debugDescription)")
                    }
                }
                do {
                    let report = try ingester.ingest(paths: [name])
                    counts["records", default: 0] += lines.count
                    counts["stored", default: 0] += report.inserted.count
                    counts["refused", default: 0] += report.failures.count
                } catch {
                    XCTFail("\(context): ingest threw \(error) for \(text.debugDescription)")
                }
            case 3, 5:   // random queries and filters
                let query = fuzz.query()
                var filter = ArticleFilter(limit: fuzz.int(-3...40))
                if iteration % 6 == 5 {
                    filter.outlet = fuzz.chance(0.5) ? fuzz.arabicWord() : nil
                    filter.since = fuzz.chance(0.5) ? fuzz.dateText() : nil
                    filter.until = fuzz.chance(0.5) ? fuzz.dateText() : nil
                }
                do {
                    _ = try SearchQuery(query)
                } catch let error as ClaimsError {
                    guard case .invalidQuery(let message) = error, !message.isEmpty else {
                        return XCTFail("\(context): SearchQuery threw \(error) for \(query.debugDescription)")
                    }
                } catch {
                    XCTFail("\(context): SearchQuery threw \(error) for \(query.debugDescription)")
                }
                do {
                    let hits = try engine.search(query, filter: filter)
                    counts["queries", default: 0] += 1
                    counts["hits", default: 0] += hits.count
                    XCTAssertLessThanOrEqual(hits.count, max(1, filter.limit), context)
                    for hit in hits where try ArticleStore(database: database).article(id: hit.articleID) == nil {
                        XCTFail("\(context): hit \(hit.articleID) is no article")
                    }
                } catch let error as ClaimsError where error.isUsageError {
                    counts["refused queries", default: 0] += 1
                    // A raw FTS5 message means user input reached FTS5 as syntax.
                    if "\(error)".lowercased().contains("fts5") || "\(error)".contains("syntax error") {
                        XCTFail("\(context): FTS5 syntax leaked: \(error) for \(query.debugDescription)")
                    }
                } catch {
                    XCTFail("\(context): search threw \(error) for \(query.debugDescription)")
                }
            default:   // 4: decoder, parser, normaliser, stemmer, tokenizer on raw input; search finds stored words
                let bytes = fuzz.bytes()
                do { _ = try TextDecoder.decode(bytes) } catch is TextDecoder.DecodeError {} catch {
                    XCTFail("\(context): TextDecoder threw \(error) for \(Fuzzer.show(bytes))")
                }
                let text = String(decoding: bytes, as: UTF8.self) + fuzz.arabicText(maxLines: 2)
                do { _ = try JSONParser.parse(text) } catch is JSONParser.ParseError {} catch {
                    XCTFail("\(context): JSONParser threw \(error)")
                }
                _ = CliticStemmer().searchForm(of: ArabicNormalizer.normalize(text))
                for token in Tokenizer.tokenize(text) {
                    XCTAssertFalse(token.text.isEmpty, context)
                    XCTAssertEqual(String(text[token.range]), token.text, context)
                }
                _ = ArabicDates.firstDate(in: text)
                counts["texts", default: 0] += 1
                try checkAStoredWordIsFound(database, &fuzz, context: context, counts: &counts)
            }
            if iteration % verifyEvery == verifyEvery - 1 {
                XCTAssertEqual(database.verify(), [], "after \(context)")
            }
        }
        XCTAssertEqual(database.verify(), [])
        let articles = try ArticleStore(database: database).count()
        let figures = counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("fuzz: \(iterations) iterations, seed \(Self.seed), \(String(format: "%.1f", Date().timeIntervalSince(started))) s; "
              + "\(figures); \(articles) articles stored; verify ok")
    }

    /// Every word of a stored article is found by searching for it (the query's normalisation and
    /// stemming agree with the index's).
    private func checkAStoredWordIsFound(_ database: ClaimsDatabase, _ fuzz: inout Fuzzer, context: String,
                                         counts: inout [String: Int]) throws {
        let count = try ArticleStore(database: database).count()
        guard count > 0 else { return }
        let id = try database.connection.scalarInt("SELECT id FROM articles LIMIT 1 OFFSET ?", [fuzz.int(0...(count - 1))])
        guard let article = try ArticleStore(database: database).article(id: id) else { return XCTFail(context) }
        let words = Tokenizer.tokenize(article.body).map(\.text).filter { !["AND", "OR", "NOT"].contains($0) }
        guard !words.isEmpty else { return }
        let word = words[fuzz.int(0...(words.count - 1))]
        guard let query = try? SearchQuery(word) else { return }   // e.g. a word of only marks
        let found = try database.connection.scalarInt(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?", [query.ftsExpression, id])
        XCTAssertEqual(found, 1, "\(context): \(word.debugDescription) (\(query.ftsExpression)) does not find article \(id)")
        counts["word lookups", default: 0] += 1
    }
}

/// Deterministic generator of hostile input.
struct Fuzzer {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(rng.next() % UInt64(range.upperBound - range.lowerBound + 1))
    }
    mutating func chance(_ p: Double) -> Bool { Double(rng.next() >> 11) / Double(1 << 53) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    static let words = [
        "قال", "المرصد", "السوري", "إن", "القوات", "انسحبت", "من", "حمص", "دمشق", "السفارة", "بالسفارة", "سفارتها",
        "والسفارة", "للسفارة", "فعّالة", "إيران", "ايران", "آلاف", "مُسلحة", "الأسد", "بشار", "لبنان", "وزير",
        "كانون", "الأول", "ديسمبر", "السبت", "الجمعة", "مؤسسة", "شؤون", "سئل", "ـــــ", "الـــقوات", "ال", "و", "لل",
        "«القدس", "العربي»", "(رويترز)", "٧", "٢٠٢٤", "06-12-2024", "23:47", "۱۲", "AND", "OR", "NOT", "near", "NEAR",
        "title_search", "rank", "bm25", "DROP", "TABLE", "--", "'", "\"", "*", "^", ":", "{", "}", "(", ")", "[ad_1]",
        "اقرأ", "أيضاً", "صورة", "back", "to", "top", "نشر", "في", "آخر", "تحديث", "●", "–", "—", "…", "؟", "،", "؛",
        "“", "”", "\u{200F}", "\u{200E}", "\u{200D}", "\u{FEFF}", "\u{0651}", "\u{064B}\u{064B}\u{064B}", "🙂", "👨‍👩‍👧",
        "e\u{301}", "\u{1}", "\u{7F}", "\u{1B}[31m", "\\", "%", "_", "NULL", "0x00", "ﻻ", "ﷲ", "اَلسَّلَامُ",
    ]

    mutating func arabicWord() -> String {
        if chance(0.05) { return String(repeating: pick(["ح", "ـ", "\u{064E}", "a"]), count: int(1...300)) }
        return pick(Self.words)
    }

    mutating func arabicText(maxLines: Int) -> String {
        var lines: [String] = []
        for _ in 0..<int(1...maxLines) {
            if chance(0.1) { lines.append(pick(["", " ", "[ad_1]", "صورة", "اقرأ أيضاً", "back to top", "● أخبار سورية ٧ ديسمبر ٢٠٢٤",
                                                 "نشر في 06-12-2024 | 23:47", "آخر تحديث 07-12-2024 | 23:15", "دمشق – «القدس العربي»:",
                                                 "بيروت (رويترز) -", "ـــــــــ", "-----"])) }
            var words: [String] = []
            for _ in 0..<int(0...25) { words.append(arabicWord()) }
            lines.append(words.joined(separator: pick([" ", " ", " ", "  ", "\t", "، ", ". "])))
        }
        return lines.joined(separator: pick(["\n", "\n\n", "\r\n", "\u{2028}"]))
    }

    mutating func bytes() -> [UInt8] {
        let count = int(0...600)
        switch int(0...5) {
        case 0: return (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        case 1: return [0xEF, 0xBB, 0xBF] + Array(arabicText(maxLines: 6).utf8)
        case 2: return pick([[0xFF, 0xFE], [0xFE, 0xFF]]) + (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        case 3: return (0..<count).map { _ in chance(0.7) ? UInt8(int(0xC1...0xFE)) : pick(Array(" .،\n".utf8)) }   // cp1256-like
        case 4:
            var text = Array(arabicText(maxLines: 8).utf8)
            for _ in 0..<int(0...3) where !text.isEmpty { text[int(0...(text.count - 1))] = UInt8(truncatingIfNeeded: rng.next()) }
            return text
        default:
            var text = Array(arabicText(maxLines: 8).utf8)
            if chance(0.5) { text.insert(0, at: int(0...text.count)) }
            return text
        }
    }

    mutating func jsonString() -> String {
        var s = "\""
        for _ in 0..<int(0...12) {
            switch int(0...9) {
            case 0: s += pick(["\\n", "\\t", "\\\"", "\\\\", "\\/", "\\u0000", "\\u0628", "\\uD83D\\uDE42", "\\uD800", "\\uDC00x", "\\x", "\\"])
            case 1: s += pick(["\u{1}", "\n", "\u{7F}"])
            default: s += arabicWord().replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + " "
            }
        }
        return s + "\""
    }

    mutating func jsonValue(depth: Int = 0) -> String {
        switch int(0...(depth > 3 ? 5 : 8)) {
        case 0: return "null"
        case 1: return pick(["true", "false"])
        case 2: return pick(["0", "-1", "3.5e10", "1e999", "-0", "12345678901234567890123", "01", "1.", ".5", "NaN"])
        case 3, 4, 5: return jsonString()
        case 6: return "[" + (0..<int(0...3)).map { _ in jsonValue(depth: depth + 1) }.joined(separator: ",") + "]"
        default: return "{" + (0..<int(0...3)).map { _ in jsonString() + ":" + jsonValue(depth: depth + 1) }.joined(separator: ",") + "}"
        }
    }

    mutating func jsonRecord() -> String {
        var fields: [String] = []
        for key in ["title", "body", "text", "url", "outlet", "published", "date", "lang", "body"] where chance(key == "body" ? 0.6 : 0.3) {
            let value: String
            switch key {
            case "body", "text": value = chance(0.8) ? "\"" + arabicText(maxLines: 5).replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
                .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t") + "\"" : jsonValue()
            case "published", "date": value = chance(0.7) ? "\"" + dateText() + "\"" : jsonValue()
            default: value = jsonValue()
            }
            fields.append("\"\(key)\": \(value)")
        }
        return chance(0.9) ? "{" + fields.joined(separator: ", ") + "}" : jsonValue()
    }

    mutating func mutated(_ text: String) -> String {
        guard chance(0.3), !text.isEmpty else { return text }
        var scalars = Array(text.unicodeScalars)
        switch int(0...2) {
        case 0: scalars = Array(scalars.prefix(int(0...scalars.count)))
        case 1: scalars.remove(at: int(0...(scalars.count - 1)))
        default: scalars.insert(pick(["{", "}", "\"", ",", ":", "[", "\\", "\u{0}"].flatMap(\.unicodeScalars)), at: int(0...scalars.count))
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    mutating func dateText() -> String {
        pick(["2024-12-07", "2024-12-06T23:47", "2024-02-30", "2024-13-01", "0000-00-00", "٧ ديسمبر ٢٠٢٤", "7 كانون الأول 2024",
              "06-12-2024", "2024/12/06", "yesterday", "", "99999-01-01", "2024-12-07T25:61:00Z", "٣١ فبراير ٢٠٢٤",
              "\(int(0...40)) \(pick(["ديسمبر", "شباط", "ايار", "x"])) \(int(1890...2110))"])
    }

    mutating func query() -> String {
        var parts: [String] = []
        for _ in 0..<int(0...6) {
            switch int(0...15) {
            case 0: parts.append(pick(["AND", "OR", "NOT", "and", "NEAR", "NEAR/3"]))
            case 1: parts.append(pick(["(", ")", "\"", "«", "»", "“", "”", "*", "^", ":", "{", "}", "-", "+", "'", ";"]))
            case 2: parts.append(arabicWord() + "*")
            case 3: parts.append("\"" + arabicWord() + " " + arabicWord() + "\"")
            case 4: parts.append("(" + arabicWord() + " OR " + arabicWord() + ")")
            default: parts.append(arabicWord())
            }
        }
        var query = parts.joined(separator: pick([" ", " ", "", "  "]))
        if chance(0.02) { query = String(repeating: query + " ", count: int(10...200)) }
        return query
    }

    /// Bytes for a failure message: text when it is short UTF-8, hex otherwise.
    static func show(_ bytes: [UInt8]) -> String {
        if bytes.count <= 200, let text = String(validating: bytes, as: UTF8.self) { return text.debugDescription }
        return bytes.prefix(64).map { String(format: "%02x", $0) }.joined() + (bytes.count > 64 ? "… (\(bytes.count) bytes)" : "")
    }
}

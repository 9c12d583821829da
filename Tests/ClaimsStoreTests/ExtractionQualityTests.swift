import Foundation
import XCTest
@testable import ClaimsStore

/// Precision and recall of extraction against the hand-written gold files in Tests/Fixtures
/// (written by reading the five sample articles, never produced by the extractor).
/// Set CLAIMS_EVAL_VERBOSE=1 to print every miss and false positive.
final class ExtractionQualityTests: XCTestCase {
    struct Figures: CustomStringConvertible {
        var truePositives = 0, extracted = 0, goldMatched = 0, gold = 0
        var precision: Double { extracted == 0 ? 0 : Double(truePositives) / Double(extracted) }
        var recall: Double { gold == 0 ? 0 : Double(goldMatched) / Double(gold) }
        var description: String {
            String(format: "precision %.3f (%d/%d), recall %.3f (%d/%d)", precision, truePositives, extracted, recall, goldMatched, gold)
        }
    }

    static let verbose = ProcessInfo.processInfo.environment["CLAIMS_EVAL_VERBOSE"] != nil

    /// Unbuffered, so figures survive however the test runner exits.
    func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The five articles, cleaned as ingest cleans them, and extracted.
    static func extractions() throws -> [(file: String, article: CleanArticle, extraction: ArticleExtraction)] {
        let cleaner = ArticleCleaner()
        let extractor = ArticleExtractor()
        let directory = TestSupport.path("Examples/articles")
        return try FileManager.default.contentsOfDirectory(atPath: directory).sorted().map { file in
            let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
            let article = try cleaner.clean(ArticleDraft(source: file, body: text))
            let extraction = extractor.extract(title: article.title, body: article.body, published: article.published ?? Self.knownDates[file],
                                               outlet: article.outlet, titleIsHeadline: article.titleIsHeadline)
            return (file, article, extraction)
        }
    }

    /// Dates the text itself gives only as `اليوم السبت` (the gold was annotated with them).
    static let knownDates: [String: String] = [:]

    static func key(_ text: String) -> Set<String> {
        Set(MatchKey.keys(ofPhrase: text, stemmer: CliticStemmer()).filter { $0.count > 1 })
    }

    /// The ways an entity name may be written in the gold file and in the gazetteer: with or without
    /// a media descriptor (`صحيفة الشرق الأوسط` / `الشرق الأوسط`) and a location tail
    /// (`مركز التنسيق الروسي في سوريا` / `مركز التنسيق الروسي`).
    static func nameVariants(_ name: String) -> [Set<String>] {
        var variants = [key(name)]
        let words = name.split(separator: " ").map(String.init)
        if let first = words.first, ["صحيفة", "وكالة", "شبكة", "قناة", "موقع", "مجلة"].contains(first), words.count > 1 {
            variants.append(key(words.dropFirst().joined(separator: " ")))
        }
        if let tail = words.firstIndex(where: { $0 == "في" || $0 == "لدى" }), tail >= 2 {
            variants.append(key(words[..<tail].joined(separator: " ")))
        }
        return variants
    }

    /// Speakers agree when one's words contain the other's, or they resolve to the same entity.
    static func sameSpeaker(_ gold: String, _ claim: ExtractedClaim) -> Bool {
        let g = key(gold)
        for candidate in [claim.speakerText, claim.speakerEntity].compactMap({ $0 }) {
            let c = key(candidate)
            if g == c || (!c.isEmpty && c.isSubset(of: g)) || (!g.isEmpty && g.isSubset(of: c)) { return true }
            if let entity = Gazetteer.builtIn.entity(named: candidate) {
                for alias in [entity.name] + entity.aliases where key(alias) == g { return true }
            }
        }
        return false
    }

    /// Content spans overlap when they share at least half of the shorter one's words.
    static func overlaps(_ gold: String, _ claim: ExtractedClaim) -> Bool {
        let g = key(gold), c = key(claim.content)
        guard !g.isEmpty, !c.isEmpty else { return false }
        return Double(g.intersection(c).count) >= 0.5 * Double(min(g.count, c.count))
    }

    func testClaimsPrecisionAndRecall() throws {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Tests/Fixtures/claims_gold.json")))) as! [String: Any]
        var figures = Figures()
        let extracted = try Self.extractions()
        for article in gold["articles"] as! [[String: Any]] {
            let file = article["file"] as! String
            let claims = extracted.first { $0.file == file }!.extraction.claims
            let goldClaims = article["claims"] as! [[String: Any]]
            func matches(_ g: [String: Any], _ c: ExtractedClaim) -> Bool {
                (g["stance"] as! String) == c.stance.rawValue && Self.sameSpeaker(g["speaker"] as! String, c) && Self.overlaps(g["content"] as! String, c)
            }
            figures.gold += goldClaims.count
            figures.extracted += claims.count
            for g in goldClaims {
                if claims.contains(where: { matches(g, $0) }) { figures.goldMatched += 1 }
                else if Self.verbose { report("MISS \(file): \(g["speaker"]!) | \(g["stance"]!) | \(g["content"]!)") }
            }
            for c in claims {
                if goldClaims.contains(where: { matches($0, c) }) { figures.truePositives += 1 }
                else if Self.verbose { report("FALSE \(file): \(c.speakerText) | \(c.stance) | \(c.cue) | \(c.content)") }
            }
        }
        report("claims: \(figures)")
        XCTAssertGreaterThanOrEqual(figures.precision, 0.90, "claims \(figures)")
        XCTAssertGreaterThanOrEqual(figures.recall, 0.80, "claims \(figures)")
    }

    func testEntityMentionsPrecisionAndRecall() throws {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Tests/Fixtures/entities_gold.json")))) as! [String: Any]
        var figures = Figures()
        let extracted = try Self.extractions()
        for article in gold["articles"] as! [[String: Any]] {
            let file = article["file"] as! String
            let mentions = extracted.first { $0.file == file }!.extraction.mentions
            // Distinct entities per article, compared by any of their names.
            var found: [String: ExtractedMention] = [:]
            for mention in mentions where found[mention.entityName] == nil { found[mention.entityName] = mention }
            let goldEntities = article["entities"] as! [[String: Any]]
            func names(of entity: String) -> [Set<String>] {
                let definition = Gazetteer.builtIn.entity(named: entity)
                return ([entity] + (definition?.aliases ?? [])).flatMap(Self.nameVariants)
            }
            func matches(_ g: [String: Any], _ m: ExtractedMention) -> Bool {
                guard (g["type"] as! String) == m.entityType.rawValue else { return false }
                let goldNames = ([g["name"] as! String] + (g["surfaces"] as! [String])).flatMap(Self.nameVariants)
                return names(of: m.entityName).contains { goldNames.contains($0) } || Self.nameVariants(m.text).contains { goldNames.contains($0) }
            }
            figures.gold += goldEntities.count
            figures.extracted += found.count
            for g in goldEntities {
                if found.values.contains(where: { matches(g, $0) }) { figures.goldMatched += 1 }
                else if Self.verbose { report("MISS ENTITY \(file): \(g["name"]!) (\(g["type"]!))") }
            }
            for m in found.values {
                if goldEntities.contains(where: { matches($0, m) }) { figures.truePositives += 1 }
                else if Self.verbose { report("FALSE ENTITY \(file): \(m.entityName) (\(m.entityType)) as \(m.text)") }
            }
        }
        report("entities: \(figures)")
        XCTAssertGreaterThanOrEqual(figures.precision, 0.90, "entities \(figures)")
        XCTAssertGreaterThanOrEqual(figures.recall, 0.85, "entities \(figures)")
    }
}

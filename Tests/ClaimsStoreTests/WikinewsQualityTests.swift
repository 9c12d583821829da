import Foundation
import XCTest
@testable import ClaimsStore

/// Extraction measured on news it was not written for: the 70 Arabic Wikinews articles of
/// `../shared/corpora/arwikinews-qcri` with their hand-made gold claims and entities (CC BY 2.5,
/// Wikinews contributors; diacritised by QCRI). Read at test time, never copied into the repo.
///
/// `swift test --filter WikinewsQualityTests` prints the figures; CLAIMS_EVAL_VERBOSE=1 also prints
/// every miss, every false claim and every discovered entity.
final class WikinewsQualityTests: XCTestCase {
    struct GoldClaim {
        let article: String
        let part: ArticlePart
        let speaker: String
        let canonical: String?
        let speakerType: String
        let stance: String
        let content: String
    }

    struct Article {
        let id: String
        let title: String
        let text: String
    }

    static let corpus = TestSupport.path("../shared/corpora/arwikinews-qcri")
    static let verbose = ProcessInfo.processInfo.environment["CLAIMS_EVAL_VERBOSE"] != nil

    func report(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func jsonLines(_ file: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: corpus + "/" + file, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        }
    }

    /// The articles and their extractions, or a skip when `../shared` is not beside the repository.
    static func load() throws -> (articles: [Article], gold: [GoldClaim], extracted: [String: ArticleExtraction]) {
        guard FileManager.default.fileExists(atPath: corpus + "/articles.jsonl") else {
            throw XCTSkip("../shared/corpora/arwikinews-qcri is missing (it sits beside the repository in CI): Wikinews evaluation skipped")
        }
        let articles = try jsonLines("articles.jsonl").map {
            Article(id: $0["id"] as! String, title: $0["title_plain"] as! String, text: $0["text_plain"] as! String)
        }
        let gold = try jsonLines("gold_claims.jsonl").map {
            GoldClaim(article: $0["article"] as! String, part: ($0["part"] as! String) == "title" ? .title : .body,
                      speaker: $0["speaker"] as! String, canonical: $0["speaker_canonical"] as? String,
                      speakerType: $0["speaker_type"] as! String, stance: $0["stance"] as! String, content: $0["content"] as! String)
        }
        let extractor = ArticleExtractor()
        var extracted: [String: ArticleExtraction] = [:]
        for article in articles {
            extracted[article.id] = extractor.extract(title: article.title, body: article.text, published: nil)
        }
        return (articles, gold, extracted)
    }

    /// The same speaker: the gold phrase or its canonical name against the claim's speaker or entity.
    static func sameSpeaker(_ gold: GoldClaim, _ claim: ExtractedClaim) -> Bool {
        [gold.speaker, gold.canonical].compactMap { $0 }.contains { ExtractionQualityTests.sameSpeaker($0, claim) }
    }

    /// A pointer denial (`نفت ذلك`) is judged by what it points to, as `claims` shows it.
    static func resolved(_ claims: [ExtractedClaim]) -> [ExtractedClaim] {
        claims.map { claim in
            guard let target = claim.targetIndex, claims.indices.contains(target) else { return claim }
            var resolved = claim
            resolved.content = claims[target].content
            return resolved
        }
    }

    static func matches(_ gold: GoldClaim, _ claim: ExtractedClaim) -> Bool {
        gold.part == claim.part && gold.stance == claim.stance.rawValue && sameSpeaker(gold, claim)
            && ExtractionQualityTests.overlaps(gold.content, claim)
    }

    /// The gold file's speaker types in the extractor's terms.
    static func speakerType(of claim: ExtractedClaim) -> String {
        if claim.anonymous { return "anonymous" }
        switch claim.speakerType {
        case .person: return "person"
        case .media: return "media"
        case .place: return "country"
        case .organization, nil: return "organization"
        }
    }

    struct Figures {
        var claimsTrue = 0, claimsExtracted = 0, goldFound = 0, gold = 0
        var denialsFound = 0, denials = 0
        var typesRight = 0, typesJudged = 0
        var precision: Double { claimsExtracted == 0 ? 0 : Double(claimsTrue) / Double(claimsExtracted) }
        var recall: Double { gold == 0 ? 0 : Double(goldFound) / Double(gold) }
        var denialRecall: Double { denials == 0 ? 0 : Double(denialsFound) / Double(denials) }
        var typeAccuracy: Double { typesJudged == 0 ? 0 : Double(typesRight) / Double(typesJudged) }
    }

    static func measure(verbose: Bool, report: (String) -> Void) throws -> Figures {
        let (articles, gold, extracted) = try load()
        var figures = Figures()
        for article in articles {
            let claims = resolved(extracted[article.id]!.claims)
            let golds = gold.filter { $0.article == article.id }
            figures.gold += golds.count
            figures.claimsExtracted += claims.count
            for g in golds {
                let found = claims.first { matches(g, $0) }
                if found != nil { figures.goldFound += 1 }
                else if verbose { report("MISS \(article.id) [\(g.part)] \(g.speaker) | \(g.stance) | \(g.content)") }
                if g.stance == "denies" {
                    figures.denials += 1
                    if found != nil { figures.denialsFound += 1 }
                }
                // Speaker type: judged on the claims found with the right speaker and content.
                if let claim = claims.first(where: { sameSpeaker(g, $0) && ExtractionQualityTests.overlaps(g.content, $0) && g.part == $0.part }) {
                    figures.typesJudged += 1
                    if speakerType(of: claim) == g.speakerType { figures.typesRight += 1 }
                    else if verbose { report("TYPE \(article.id) \(g.speaker): gold \(g.speakerType), extracted \(speakerType(of: claim))") }
                }
            }
            for c in claims {
                if golds.contains(where: { matches($0, c) }) { figures.claimsTrue += 1 }
                else if verbose { report("FALSE \(article.id) [\(c.part)] \(c.speakerText) | \(c.stance) | \(c.cue) | \(c.content)") }
            }
        }
        return figures
    }

    func testClaimsOnWikinews() throws {
        let figures = try Self.measure(verbose: Self.verbose, report: report)
        report(String(format: "wikinews claims: precision %.3f (%d/%d), recall %.3f (%d/%d)",
                      figures.precision, figures.claimsTrue, figures.claimsExtracted, figures.recall, figures.goldFound, figures.gold))
        report(String(format: "wikinews denials with the right speaker: %.3f (%d/%d)", figures.denialRecall, figures.denialsFound, figures.denials))
        report(String(format: "wikinews speaker type accuracy: %.3f (%d/%d)", figures.typeAccuracy, figures.typesRight, figures.typesJudged))
        // Floors just under what this build measures (README "Measured quality"), so that a change that
        // loses ground on news the rules were not written for fails; the issue's aims are higher.
        XCTAssertGreaterThanOrEqual(figures.precision, 0.89)
        XCTAssertGreaterThanOrEqual(figures.recall, 0.72)
        XCTAssertGreaterThanOrEqual(figures.denialRecall, 0.74)
        XCTAssertGreaterThanOrEqual(figures.typeAccuracy, 0.92)
    }
}

extension WikinewsQualityTests {
    /// Every entity discovered by pattern in the 70 articles, judged against the gold entities of its
    /// article: right when its name is one of a gold entity's names or mentions of the same type
    /// (word keys equal, or one containing the other: `الأمير تشارلز` / `تشارلز`).
    static func judgeDiscovered() throws -> [(article: String, name: String, type: EntityType, right: Bool)] {
        let (articles, _, extracted) = try load()
        let goldEntities = try jsonLines("gold_entities.jsonl")
        var judged: [(String, String, EntityType, Bool)] = []
        for article in articles {
            let gold = goldEntities.filter { ($0["article"] as! String) == article.id }
            for entity in extracted[article.id]!.discovered {
                let key = ExtractionQualityTests.key(entity.name)
                let right = gold.contains { g in
                    guard (g["type"] as! String) == entity.type.rawValue else { return false }
                    return ([g["name"] as! String] + (g["mentions"] as! [String])).contains { name in
                        let goldKey = ExtractionQualityTests.key(name)
                        return !goldKey.isEmpty && (goldKey == key || goldKey.isSubset(of: key) || key.isSubset(of: goldKey))
                    }
                }
                judged.append((article.id, entity.name, entity.type, right))
            }
        }
        return judged
    }

    func testDiscoveredEntitiesOnWikinews() throws {
        let judged = try Self.judgeDiscovered()
        let right = judged.filter(\.right).count
        if Self.verbose { for entry in judged { report("DISCOVERED \(entry.right ? "right" : "WRONG") \(entry.article) \(entry.name) (\(entry.type))") } }
        report(String(format: "wikinews discovered entities: precision %.3f (%d/%d)", Double(right) / Double(max(1, judged.count)), right, judged.count))
        XCTAssertGreaterThanOrEqual(Double(right) / Double(max(1, judged.count)), 0.95)
    }
}

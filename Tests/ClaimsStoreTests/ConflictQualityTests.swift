import Foundation
import XCTest
@testable import ClaimsStore

/// Pair precision and recall of conflict detection against Tests/Fixtures/conflicts_gold.json
/// (written by reading the sample articles), and of stories (claims grouped together).
/// CLAIMS_EVAL_VERBOSE=1 prints false and missed pairs.
final class ConflictQualityTests: XCTestCase {
    nonisolated(unsafe) static var database: ClaimsDatabase!
    nonisolated(unsafe) static var files: [Int: String] = [:]

    override class func setUp() {
        database = try! TestSupport.memoryDatabase()
        let directory = TestSupport.path("Examples/articles")
        for name in try! FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
            let report = try! Ingester(database: database).ingest(paths: [directory + "/" + name])
            files[report.inserted[0]] = name
        }
    }

    func report(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
    let verbose = ProcessInfo.processInfo.environment["CLAIMS_EVAL_VERBOSE"] != nil

    /// System claims a gold reference denotes: same article, stance and speaker, and of those the
    /// ones whose content overlaps the reference most (a loose overlap alone would let one reference
    /// denote two different claims of the same speaker, `انسحبت القوات … من حمص` and `… من دير الزور`).
    func claims(for reference: [String: Any]) throws -> Set<Int> {
        let file = reference["file"] as! String
        guard let article = Self.files.first(where: { $0.value == file })?.key else { return [] }
        var filter = ClaimFilter()
        filter.articleID = article
        let stored = try ClaimQueries(database: Self.database).list(filter)
        let goldKey = ExtractionQualityTests.key(reference["content"] as! String)
        let scored: [(id: Int, overlap: Double)] = stored.compactMap { claim in
            let asExtracted = ExtractedClaim(speakerText: claim.speaker, speakerEntity: claim.speakerEntity, speakerType: nil, anonymous: claim.anonymous,
                                             via: claim.via, cue: claim.cue, stance: claim.stance, content: claim.content, part: .body, sentenceIndex: 0,
                                             contentStart: 0, contentEnd: 0, sentenceStart: 0, sentenceEnd: 0, quote: false, saidOn: nil,
                                             targetIndex: nil, entities: [], contentTokens: 0..<0)
            guard (reference["stance"] as? String ?? claim.stance.rawValue) == claim.stance.rawValue,
                  ExtractionQualityTests.sameSpeaker(reference["speaker"] as! String, asExtracted),
                  ExtractionQualityTests.overlaps(reference["content"] as! String, asExtracted) else { return nil }
            let claimKey = ExtractionQualityTests.key(claim.content)
            return (claim.id, Double(goldKey.intersection(claimKey).count) / Double(max(goldKey.count, claimKey.count)))
        }
        let best = scored.map(\.overlap).max() ?? 0
        return Set(scored.filter { $0.overlap >= best - 1e-9 }.map(\.id))
    }

    func side(_ entry: [String: Any], _ key: String) throws -> Set<Int> {
        var ids = try claims(for: entry[key] as! [String: Any])
        for alternative in entry[key + "_alt"] as? [[String: Any]] ?? [] { ids.formUnion(try claims(for: alternative)) }
        return ids
    }

    func testConflictPairsPrecisionAndRecall() throws {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Tests/Fixtures/conflicts_gold.json")))) as! [String: Any]
        let entries = gold["conflicts"] as! [[String: Any]]
        let sides = try entries.map { (try side($0, "a"), try side($0, "b")) }
        let pairs = try Self.database.connection.query("SELECT claim_a_id, claim_b_id, kinds FROM conflicts ORDER BY id") { ($0.int(0), $0.int(1), $0.string(2)) }
        func matches(_ pair: (Int, Int), _ entry: (Set<Int>, Set<Int>)) -> Bool {
            (entry.0.contains(pair.0) && entry.1.contains(pair.1)) || (entry.0.contains(pair.1) && entry.1.contains(pair.0))
        }
        let correct = pairs.filter { pair in sides.contains { matches((pair.0, pair.1), $0) } }.count
        let found = sides.enumerated().filter { _, entry in pairs.contains { matches(($0.0, $0.1), entry) } }
        let precision = pairs.isEmpty ? 0 : Double(correct) / Double(pairs.count)
        let recall = Double(found.count) / Double(entries.count)
        report(String(format: "conflicts: precision %.3f (%d/%d), recall %.3f (%d/%d)", precision, correct, pairs.count, recall, found.count, entries.count))
        if verbose {
            let queries = ClaimQueries(database: Self.database)
            for pair in pairs where !sides.contains(where: { matches((pair.0, pair.1), $0) }) {
                let a = try queries.claim(id: pair.0)!, b = try queries.claim(id: pair.1)!
                report("FALSE \(pair.2): [\(a.id)] \(a.speaker): \(a.content.prefix(60)) ⟷ [\(b.id)] \(b.speaker): \(b.content.prefix(60))")
            }
            for (index, entry) in entries.enumerated() where !found.contains(where: { $0.offset == index }) {
                report("MISS \(entry["id"]!): a=\(sides[index].0.sorted()) b=\(sides[index].1.sorted())")
            }
        }
        // No conflict for the negatives (different scope, place or time).
        for negative in gold["negatives"] as! [[String: Any]] {
            let a = try claims(for: negative["a"] as! [String: Any]), b = try claims(for: negative["b"] as! [String: Any])
            XCTAssertFalse(pairs.contains { matches(($0.0, $0.1), (a, b)) }, "negative \(negative["id"]!) flagged")
        }
        XCTAssertGreaterThanOrEqual(precision, 0.9)
        XCTAssertGreaterThanOrEqual(recall, 0.8)
    }

    func testStoriesPairPrecisionAndRecall() throws {
        let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestSupport.path("Tests/Fixtures/conflicts_gold.json")))) as! [String: Any]
        var goldPairs = Set<[Int]>()
        var goldClaims = Set<Int>()
        for story in gold["stories"] as! [[String: Any]] {
            let members = try (story["claims"] as! [[String: Any]]).map { try claims(for: $0) }
            for (i, x) in members.enumerated() { for y in members[(i + 1)...] { for p in x { for q in y where p != q { goldPairs.insert([min(p, q), max(p, q)]) } } } }
            goldClaims.formUnion(members.flatMap { $0 })
        }
        let stories = try Self.database.connection.query("SELECT story_id, claim_id FROM story_claims ORDER BY story_id") { ($0.int(0), $0.int(1)) }
        var byStory: [Int: [Int]] = [:]
        for (story, claim) in stories { byStory[story, default: []].append(claim) }
        var systemPairs = Set<[Int]>()
        for members in byStory.values { for (i, p) in members.enumerated() { for q in members[(i + 1)...] { systemPairs.insert([min(p, q), max(p, q)]) } } }
        // Pairs of claims the gold file groups at all (others are outside its annotation).
        let judged = systemPairs.filter { goldClaims.contains($0[0]) && goldClaims.contains($0[1]) }
        let precision = judged.isEmpty ? 0 : Double(judged.intersection(goldPairs).count) / Double(judged.count)
        let recall = goldPairs.isEmpty ? 0 : Double(systemPairs.intersection(goldPairs).count) / Double(goldPairs.count)
        report(String(format: "stories: %d stories; pair precision %.3f (%d/%d judged), recall %.3f (%d/%d)", byStory.count, precision,
                      judged.intersection(goldPairs).count, judged.count, recall, systemPairs.intersection(goldPairs).count, goldPairs.count))
        if verbose {
            let queries = ClaimQueries(database: Self.database)
            for (story, members) in byStory.sorted(by: { $0.key < $1.key }) {
                report("SYSTEM STORY \(story): " + (try members.map { id in "[\(id)] \(try queries.claim(id: id)!.speaker): \(try queries.claim(id: id)!.content.prefix(40))" }.joined(separator: " | ")))
            }
            for story in gold["stories"] as! [[String: Any]] {
                let members = try (story["claims"] as! [[String: Any]]).map { try claims(for: $0).sorted() }
                report("GOLD STORY \(story["label"]!): \(members)")
            }
        }
        XCTAssertGreaterThanOrEqual(precision, 0.9)
        XCTAssertGreaterThanOrEqual(recall, 0.8)
    }
}

import Foundation
import XCTest
@testable import ClaimsStore

final class ZZProbeTests: XCTestCase {
    func testProbe() throws {
        guard let path = ProcessInfo.processInfo.environment["PROBE"] else { throw XCTSkip("no probe") }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let e = ArticleExtractor().extract(title: "", body: text, published: ProcessInfo.processInfo.environment["PROBE_DATE"])
        for (i, c) in e.claims.enumerated() {
            FileHandle.standardError.write(Data("[\(i)] \(c.speakerText) (\(c.speakerEntity ?? "-"), \(c.speakerType?.rawValue ?? "-"), anon \(c.anonymous)) | \(c.stance) | \(c.cue) | \(c.content) | target \(c.targetIndex.map(String.init) ?? "-") | said \(c.saidOn ?? "-") | via \(c.via)\n".utf8))
        }
        if ProcessInfo.processInfo.environment["PROBE_KEYS"] != nil {
            let a = AnalyzedText(text, stemmer: CliticStemmer())
            FileHandle.standardError.write(Data(a.tokens.indices.map { "\(a.normalized[$0])/\(a.keys[$0])" }.joined(separator: " ").utf8))
        }
        for m in e.mentions { FileHandle.standardError.write(Data("  M \(m.entityName) \(m.entityType) \(m.origin) '\(m.text)'\n".utf8)) }
    }
}

import Foundation
import XCTest
@testable import ClaimsStore

/// Paths and helpers shared by the library tests.
enum TestSupport {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        repositoryRoot.appendingPathComponent(relative).path
    }

    static func sampleText(_ prefix: String) throws -> String {
        let directory = path("Examples/articles")
        let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: directory).first { $0.hasPrefix(prefix) })
        return try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }

    /// A fresh directory under the system temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "claims-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func memoryDatabase() throws -> ClaimsDatabase {
        try ClaimsDatabase(path: ":memory:")
    }
}

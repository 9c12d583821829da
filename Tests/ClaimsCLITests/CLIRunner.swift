import Foundation
import XCTest

/// Runs the real `claims` binary built next to the test bundle.
struct CLIRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `.build/<config>/claims`, beside the test bundle that `swift test` runs.
    static let binary: String = {
        var candidates: [String] = []
        let testExecutable = URL(fileURLWithPath: CommandLine.arguments[0])
        var directory = testExecutable.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("claims").path)
            directory = directory.deletingLastPathComponent()
        }
        candidates.append(repositoryRoot.appendingPathComponent(".build/debug/claims").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }()

    let database: String
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "claims-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        database = directory + "/test.db"
    }

    var samplesPath: String { Self.repositoryRoot.appendingPathComponent("Examples/articles").path }

    /// Runs `claims --db <database> ARGS`, feeding `input` on standard input.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil, useDatabaseOption: Bool = true,
             environment: [String: String] = [:]) throws -> Result {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Self.binary), "build the CLI first: \(Self.binary)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = (useDatabaseOption ? ["--db", database] : []) + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "CLAIMS_DB")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Standard error goes to a file, standard output to a pipe read to the end before waiting,
        // so that a large output cannot block the child.
        let errPath = directory + "/stderr-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let errHandle = try XCTUnwrap(FileHandle(forWritingAtPath: errPath))
        let out = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errHandle.close()
        let errData = try Data(contentsOf: URL(fileURLWithPath: errPath))
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Parses JSON output with Foundation, as a user's script would.
    func json(_ result: Result) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    }
}

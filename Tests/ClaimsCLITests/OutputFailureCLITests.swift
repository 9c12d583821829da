import ClaimsStore
import Foundation
import XCTest

/// Standard output or error that cannot be written, through the real binary run by a shell with
/// its redirections: a full device, a closed descriptor, a pipe whose reader went away. Before
/// the output layer (`OutputChannel`), `FileHandle.write` trapped and each of these exited 132.
final class OutputFailureCLITests: XCTestCase {
    /// Runs `script` in bash with `$CLAIMS` the binary and `$DB` the runner's database; the
    /// script prints `status=N` (the status of the `claims` being tested) on its standard output
    /// (descriptor 3 where that is redirected).
    func shell(_ cli: CLIRunner, _ script: String) throws -> (status: Int32?, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: cli.directory)
        var environment = ProcessInfo.processInfo.environment
        environment["CLAIMS"] = CLIRunner.binary
        environment["DB"] = cli.database
        process.environment = environment
        let out = Pipe()
        let errPath = cli.directory + "/shell-stderr-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let errHandle = try XCTUnwrap(FileHandle(forWritingAtPath: errPath))
        process.standardOutput = out
        process.standardError = errHandle
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try errHandle.close()
        let stderr = String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self)
        let status = printed.split(separator: "\n").last { $0.hasPrefix("status=") }.flatMap { Int32($0.dropFirst(7)) }
        return (status, stderr)
    }

    /// A runner whose database is a copy of the sample database.
    func samples() throws -> CLIRunner {
        let cli = try CLIRunner()
        try cli.copySampleDatabase()
        return cli
    }

    /// A full device and a closed standard output: a clear error and status 1, for reads and writes.
    func testOutputToAFullDeviceOrAClosedDescriptorIsAClearError() throws {
        let cli = try samples()
        for command in ["list", "export --what articles", "stats --format json", "--help"] {
            let full = try shell(cli, "\"$CLAIMS\" --db \"$DB\" \(command) > /dev/full; echo status=$?")
            XCTAssertEqual(full.status, 1, "\(command) > /dev/full: \(full.stderr)")
            XCTAssertTrue(full.stderr.contains("claims: error: cannot write to standard output: No space left on device"),
                          "\(command): \(full.stderr)")
            let closed = try shell(cli, "\"$CLAIMS\" --db \"$DB\" \(command) >&-; echo status=$?")
            XCTAssertEqual(closed.status, 1, "\(command) >&-: \(closed.stderr)")
            XCTAssertTrue(closed.stderr.contains("claims: error: cannot write to standard output: Bad file descriptor"),
                          "\(command): \(closed.stderr)")
        }
        // Standard error cannot be written either: the status still says what happened.
        let both = try shell(cli, "\"$CLAIMS\" --db \"$DB\" list > /dev/full 2>/dev/full; echo status=$?")
        XCTAssertEqual(both.status, 1)
        let missing = try shell(cli, "\"$CLAIMS\" --db \"$DB.missing\" stats 2>&-; echo status=$?")
        XCTAssertEqual(missing.status, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cli.database + ".missing"))
    }

    /// A reader that closes the pipe early ends a read command quietly with status 0, as with `head`.
    func testAPipeClosedEarlyEndsQuietly() throws {
        let cli = try samples()
        for command in ["list", "export --what claims", "conflicts --format jsonl", "--help"] {
            // The reader is gone before `claims` writes: its write meets a closed pipe every time.
            let closed = try shell(cli, "exec 3>&1; { sleep 0.3; \"$CLAIMS\" --db \"$DB\" \(command); echo status=$? >&3; } | true")
            XCTAssertEqual(closed.status, 0, "\(command) | (closed): \(closed.stderr)")
            XCTAssertEqual(closed.stderr, "", command)
        }
        // `head -1`: the first process's line is read, the processes after it meet a closed pipe.
        let head = try shell(cli, """
            exec 3>&1
            { for i in 1 2 3 4 5 6; do "$CLAIMS" --db "$DB" export --what claims || { echo status=$? >&3; exit; }; done
              echo status=0 >&3; } | head -1 > /dev/null
            """)
        XCTAssertEqual(head.status, 0, head.stderr)
        XCTAssertEqual(head.stderr, "")
    }

    /// A writing command whose output cannot be written finishes its work: every article is stored.
    func testIngestWhoseOutputFailsStoresEverything() throws {
        for redirection in ["> /dev/full", ">&-", "| { exec 0<&-; sleep 1; }"] {
            let cli = try CLIRunner()
            let result = try shell(cli, "exec 3>&1; { \"$CLAIMS\" --db \"$DB\" ingest --format json \"$SAMPLES\"; echo status=$? >&3; } \(redirection)"
                .replacingOccurrences(of: "\"$SAMPLES\"", with: "'\(cli.samplesPath)'"))
            let expected: Int32 = redirection.hasPrefix("|") ? 0 : 1
            XCTAssertEqual(result.status, expected, "\(redirection): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("ingested: 5 new"), "\(redirection): \(result.stderr)")
            let stats = try cli.run(["stats", "--format", "json"])
            XCTAssertEqual(((try cli.json(stats) as? [String: Any])?["tables"] as? [String: Any])?["articles"] as? Int, 5, redirection)
            XCTAssertEqual(try cli.run(["verify"]).stdout, "ok\n", redirection)
        }
    }
}

import ClaimsStore
import Foundation
import XCTest

/// Tables as a terminal shows them: fitted to 80 columns (tmux), and kept in their columns by a
/// terminal that applies the bidirectional algorithm (GNU FriBidi's `fribidi`).
final class TerminalTableCLITests: XCTestCase {
    static let isolates: Set<Unicode.Scalar> = ["\u{2068}", "\u{2069}"]

    private func ingestedSamples() throws -> CLIRunner {
        let cli = try CLIRunner()
        XCTAssertEqual(try cli.run(["ingest", cli.samplesPath]).status, 0)
        return cli
    }

    func testTablesFitTheTerminalWidthWithoutCuttingIds() throws {
        let cli = try ingestedSamples()
        let ids = try XCTUnwrap(try cli.json(try cli.run(["list", "--format", "json"])) as? [[String: Any]]).compactMap { $0["id"] as? Int }
        let table = try cli.run(["list"], environment: ["COLUMNS": "80"])
        XCTAssertEqual(table.status, 0, table.stderr)
        let lines = table.stdout.split(separator: "\n").map(String.init)
        for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 80, line) }
        // Every claim has its row, starting with its whole id; the content column wraps onto more lines.
        let rowIDs = lines.dropFirst(2).filter { !$0.hasPrefix(" ") }.compactMap { line in line.split(separator: " ").first.flatMap { Int($0) } }
        XCTAssertEqual(rowIDs, ids)
        XCTAssertGreaterThan(lines.count, ids.count + 2, "the content column is wrapped")
        // Arabic cells are isolated; ASCII cells are not.
        XCTAssertTrue(table.stdout.contains("\u{2068}إسماع"), table.stdout)
        XCTAssertFalse(table.stdout.contains("\u{2068}denies"))
        // --wide cuts nothing: every content appears whole on its row.
        let wide = try cli.run(["list", "--wide"], environment: ["COLUMNS": "80"]).stdout
        XCTAssertTrue(wide.contains("\u{2068}إخلاء السفارة الإيرانية في دمشق\u{2069}"), wide)
        XCTAssertFalse(wide.contains("…\u{2069}"))
        XCTAssertGreaterThan(wide.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0, 80)
        // Without a terminal width, cells are cut at 60 columns as before (scripts read csv/json).
        let piped = try cli.run(["list"]).stdout
        XCTAssertTrue(piped.contains("…"), piped)
    }

    /// The side-by-side conflicts and a story's timeline fit an 80-column terminal too: the claims and the
    /// reason wrap under their indent, names are cut, and every Arabic field is isolated.
    func testConflictsAndStoryTimelineFitTheTerminal() throws {
        let cli = try ingestedSamples()
        for arguments in [["conflicts"], ["show", "story", "1"]] {
            let result = try cli.run(arguments, environment: ["COLUMNS": "80"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            XCTAssertGreaterThan(lines.count, 3, result.stdout)
            for line in lines { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 80, "\(arguments): \(line)") }
            XCTAssertTrue(result.stdout.contains("\u{2068}"), result.stdout)
            // Without a width (piped), a claim stays on one line as before.
            let piped = try cli.run(arguments).stdout
            XCTAssertTrue(piped.split(separator: "\n").contains { DisplayWidth.of(String($0)) > 80 }, piped)
        }
    }

    func testStatsAlignsLongOutletNames() throws {
        let cli = try ingestedSamples()
        let feed = cli.directory + "/feed.jsonl"
        try #"{"title":"خبر","body":"قال المرصد السوري إن الاشتباكات مستمرة في ريف حلب الشمالي.","outlet":"وكالة الأنباء السورية الرسمية للأخبار العاجلة"}"#
            .write(toFile: feed, atomically: true, encoding: .utf8)
        XCTAssertEqual(try cli.run(["ingest", feed]).status, 0)
        let stats = try cli.run(["stats"]).stdout
        let outletLines = try XCTUnwrap(stats.components(separatedBy: "articles per outlet:\n").last).split(separator: "\n").map(String.init)
        XCTAssertEqual(outletLines.count, 3, stats)
        // The counts end in the same column, and Arabic names are isolated.
        XCTAssertEqual(Set(outletLines.map { DisplayWidth.of($0) }).count, 1, stats)
        XCTAssertTrue(stats.contains("\u{2068}وكالة الأنباء السورية الرسمية للأخبار العاجلة\u{2069}"), stats)
    }

    /// The table through tmux at 80 columns, as a user sees it: no row wraps, and the dates stand
    /// under their header.
    func testTableInAnEightyColumnTmuxWindow() throws {
        guard let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("tmux is not installed (scripts/setup.sh installs it)")
        }
        let cli = try ingestedSamples()
        let socket = "claims-test-\(UUID().uuidString.prefix(8))"
        let command = "env -u COLUMNS \(CLIRunner.binary) --db \(cli.database) list --speaker بقائي; sleep 30"
        // Started through system(): the tmux server outlives the call, and would hold open the
        // descriptors that Foundation's Process watches for the child's exit.
        XCTAssertEqual(system("\(tmux) -L \(socket) -f /dev/null new-session -d -x 80 -y 50 '\(command)' </dev/null >/dev/null 2>&1"), 0)
        defer { _ = try? Self.runTool(tmux, ["-L", socket, "kill-server"]) }
        var screen = ""
        for _ in 0..<100 {
            screen = try Self.runTool(tmux, ["-L", socket, "capture-pane", "-p"])
            if screen.contains("90  ") { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let lines = screen.split(separator: "\n").map(String.init)
        let header = try XCTUnwrap(lines.first { $0.hasPrefix("id  speaker") }, screen)
        let dateColumn = try XCTUnwrap(Self.column(of: "said_on", in: header))
        let rows = lines.filter { $0.range(of: #"^\d+  "#, options: .regularExpression) != nil }
        XCTAssertEqual(rows.compactMap { $0.split(separator: " ").first }.map(String.init), ["87", "88", "89", "90"], screen)
        for row in rows { XCTAssertEqual(Self.column(of: "2024-12-07", in: row), dateColumn, "\(row)\n\(screen)") }
    }

    /// The table through the Unicode bidirectional algorithm (as a bidi terminal lays it out):
    /// every character stays in its column. Without the isolates, cells move (checked too).
    func testColumnsStayInPlaceThroughBidiReordering() throws {
        guard let fribidi = ["/usr/bin/fribidi", "/usr/local/bin/fribidi"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("GNU FriBidi's fribidi is not installed (scripts/setup.sh installs libfribidi-bin)")
        }
        let cli = try ingestedSamples()
        for arguments in [["list", "--stance", "denies"], ["search", "سفارة"], ["entities", "--top", "8"], ["list", "--article", "4"]] {
            let table = try cli.run(arguments, environment: ["COLUMNS": "120"]).stdout
            let moved = try Self.columnsStayInPlace(table, fribidi: fribidi)
            XCTAssertTrue(moved.isEmpty, "claims \(arguments.joined(separator: " ")):\n" + moved.joined(separator: "\n"))
            // The check catches the reordering the isolates prevent.
            let bare = String(String.UnicodeScalarView(table.unicodeScalars.filter { !Self.isolates.contains($0) }))
            XCTAssertFalse(try Self.columnsStayInPlace(bare, fribidi: fribidi).isEmpty, "without isolates some cell moves: \(arguments)")
        }
    }

    /// The rows (after header and rule) in which some character is laid out in another column than
    /// its own; columns are read from the rule line of dashes.
    static func columnsStayInPlace(_ table: String, fribidi: String) throws -> [String] {
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        guard lines.count > 2 else { return [] }
        var spans: [Range<Int>] = []
        var start: Int?
        for (i, c) in Array(lines[1] + " ").enumerated() {
            if c == "-", start == nil { start = i }
            if c != "-", let s = start { spans.append(s..<i); start = nil }
        }
        let rows = Array(lines.dropFirst(2))
        let maps = try runTool(fribidi, ["--nopad", "--nobreak", "--novisual", "--vtol"], input: rows.joined(separator: "\n") + "\n")
            .split(separator: "\n").map { $0.split(separator: " ").compactMap { Int($0) } }
        var moved: [String] = []
        for (row, visualToLogical) in zip(rows, maps) {
            // The column of each scalar (by its display position); a mark or a PDI belongs with the
            // scalar before it (an FSI with the cell it opens).
            var cells: [Int] = []
            var position = 0
            for scalar in row.unicodeScalars {
                let width = DisplayWidth.of(String(scalar))
                if width == 0, scalar != "\u{2068}", let previous = cells.last {
                    cells.append(previous)
                } else {
                    cells.append(spans.firstIndex { $0.contains(position) } ?? -1)
                }
                position += width
            }
            guard visualToLogical.count == cells.count else { moved.append("map length differs: " + row); continue }
            if visualToLogical.enumerated().contains(where: { cells[$0.offset] != cells[$0.element] }) { moved.append(row) }
        }
        return moved
    }

    /// The display column where `text` starts in `line`.
    static func column(of text: String, in line: String) -> Int? {
        guard let range = line.range(of: text) else { return nil }
        return DisplayWidth.of(String(line[..<range.lowerBound]))
    }

    @discardableResult
    static func runTool(_ path: String, _ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let out = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

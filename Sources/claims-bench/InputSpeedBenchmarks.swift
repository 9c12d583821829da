import ClaimsStore
import Foundation

/// Timings of reading inputs that unit tests used to time themselves (a wall-clock limit in a
/// test fails on a loaded machine): `claims-bench long-lines` and `claims-bench web-speed`, each
/// running the release `claims` as a child process (README "Benchmark").
struct InputSpeedBenchmarks {
    var workdir = ".build/bench"
    var claimsPath: String?

    private var claims: String { claimsPath ?? BenchmarkRunner.siblingExecutable("claims") }

    /// Files of two lines of `size / 2` each (not JSON, refused whole) around one small article,
    /// ingested with a limit above the line length: the time to read them must grow linearly.
    func longLines(sizesMiB: [Double]) throws {
        try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
        print("claims-bench long-lines: two long lines and one article per file, \(claims)")
        print("size_mib  seconds  cpu_seconds  mib_per_s  stored")
        for size in sizesMiB {
            let half = Int(size * 1_048_576) / 2
            let line = [UInt8](repeating: UInt8(ascii: "a"), count: half)
            let path = "\(workdir)/long-lines-\(size)MiB.jsonl"
            let bytes = line + [0x0A] + Array("{\"title\": \"خبر قصير\", \"body\": \"افتتحت البلدية حديقة عامة جديدة.\"}\n".utf8) + line + [0x0A]
            guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw BenchError("cannot write \(path)") }
            let db = "\(workdir)/long-lines.db"
            BenchmarkRunner.removeDatabase(db)
            defer { BenchmarkRunner.removeDatabase(db); unlink(path) }
            let result = try ChildProcess.run([claims, "--db", db, "ingest", "--format", "json", "--quiet", "--max-bytes", "\(half + 1)", path],
                                              captureOutput: true)
            // (Status 1: the two long lines are refused as broken JSON, by design.)
            let stored = (try? JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])?["new"] as? Int ?? -1
            let mib = Double(bytes.count) / 1_048_576
            print(String(format: "%-8.2f  %-7.2f  %-11.2f  %-9.1f  %d", mib, result.seconds, result.cpuSeconds, mib / result.seconds, stored))
        }
    }

    /// The pages of `pagesFolder` (its `gold.json`) in `variants` variants whose paragraphs differ by
    /// a closing sentence, against a JSON Lines file of the same titles, bodies and metadata: the
    /// time of `claims ingest` of each into a new database, and their ratio (target: within 2×).
    func webSpeed(pagesFolder: String, variants: Int) throws {
        let folder = "\(workdir)/web-speed-pages"
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let goldData = try Data(contentsOf: URL(fileURLWithPath: pagesFolder + "/gold.json"))
        guard let gold = try JSONSerialization.jsonObject(with: goldData) as? [[String: Any]] else { throw BenchError("\(pagesFolder)/gold.json: not a list") }
        var lines: [String] = []
        var pageBytes = 0
        for variant in 0..<variants {
            // (The Windows-1256 page would be transcoded: its JSON twin is not the same input.)
            for page in gold where page["shape"] as? String != "windows-1256" {
                guard let file = page["file"] as? String, let paragraphs = page["paragraphs"] as? [String] else { continue }
                var html = try String(contentsOfFile: pagesFolder + "/" + file, encoding: .utf8)
                var changed: [String] = []
                for paragraph in paragraphs {
                    let variantText = paragraph + " وهذه الفقرة من النسخة \(variant)."
                    html = html.replacingOccurrences(of: paragraph, with: variantText)
                    changed.append(variantText)
                }
                let path = "\(folder)/page-\(lines.count + 1).html"
                try html.write(toFile: path, atomically: true, encoding: .utf8)
                pageBytes += html.utf8.count
                var record: [String: Any] = ["body": changed.joined(separator: "\n")]
                for key in ["title", "url", "outlet", "published", "author"] { record[key] = page[key] }
                lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self))
            }
        }
        let jsonl = "\(workdir)/web-speed.jsonl"
        try (lines.joined(separator: "\n") + "\n").write(toFile: jsonl, atomically: true, encoding: .utf8)
        defer { unlink(jsonl) }
        print("claims-bench web-speed: \(lines.count) pages (\(mb(pageBytes))) against the same articles as JSON Lines (\(mb(fileSize(jsonl)))), \(claims)")
        func ingest(_ input: String, _ name: String) throws -> (ChildProcess.Result, Int) {
            let db = "\(workdir)/web-speed-\(name).db"
            BenchmarkRunner.removeDatabase(db)
            defer { BenchmarkRunner.removeDatabase(db) }
            let result = try ChildProcess.run([claims, "--db", db, "ingest", "--format", "json", "--quiet", input], captureOutput: true)
            guard result.succeeded else { throw BenchError("claims ingest of \(input) failed with status \(result.status)") }
            let report = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
            print(name.padding(toLength: 6, withPad: " ", startingAt: 0)
                  + String(format: "  %.2f s (CPU %.2f s), %.1f articles/s, %d new, %d claims", result.seconds, result.cpuSeconds,
                           Double(lines.count) / result.seconds, report?["new"] as? Int ?? -1, report?["claims"] as? Int ?? -1))
            return (result, report?["claims"] as? Int ?? -1)
        }
        let (json, jsonClaims) = try ingest(jsonl, "jsonl")
        let (html, htmlClaims) = try ingest(folder, "pages")
        print(String(format: "pages / JSON Lines: %.2f× wall, %.2f× CPU", html.seconds / json.seconds, html.cpuSeconds / json.cpuSeconds)
              + (htmlClaims == jsonClaims ? "" : "  [claims differ: \(htmlClaims) against \(jsonClaims)]"))
    }
}

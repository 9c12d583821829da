import ClaimsStore
import Foundation

/// `claims-bench disputes`: how conflicts (member pairs), stories and disputes grow with the corpus,
/// on the standard synthetic corpus and on one where each statement recurs in N outlets
/// (`--recurring N`). For each size, the first articles of the corpus are ingested by the release
/// `claims` into a new database and the stored rows counted. Pairs between repeated reports grow
/// with the square of the repeats; the disputes between stories must grow with the events (README
/// "Benchmark").
struct DisputeGrowthBenchmark {
    struct Options {
        var sizes = [1_000, 2_000, 4_000]
        var recurring: Int?
        var seed: UInt64 = 42
        var workdir = ".build/bench"
        var claimsPath: String?
    }

    let options: Options

    func run() throws {
        let claims = options.claimsPath ?? BenchmarkRunner.siblingExecutable("claims")
        try FileManager.default.createDirectory(atPath: options.workdir, withIntermediateDirectories: true)
        let corpusName = options.recurring.map { "each statement in \($0) outlets, \(CorpusGenerator.recurringArticlesPerDay) articles a day" }
            ?? "standard corpus, \(CorpusGenerator.articlesPerDay) articles a day"
        print("claims-bench disputes: \(corpusName), seed \(options.seed), \(claims)")
        print("articles  days  events  claims   conflicts  per_article  stories  disputes  per_article  per_event  ingest_cpu_s")
        let generator = CorpusGenerator(seed: options.seed, recurring: options.recurring)
        let largest = options.sizes.max() ?? 0
        let corpus = "\(options.workdir)/disputes-\(options.recurring.map { "r\($0)" } ?? "standard")-\(largest)-s\(options.seed).jsonl"
        if fileSize(corpus) <= 0 { _ = try generator.write(articles: largest, to: corpus) }
        let lines = try String(contentsOfFile: corpus, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        for size in options.sizes.sorted() {
            let input = "\(options.workdir)/disputes-input.jsonl"
            try (lines.prefix(size).joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
            let db = "\(options.workdir)/disputes.db"
            BenchmarkRunner.removeDatabase(db)
            defer { BenchmarkRunner.removeDatabase(db); try? FileManager.default.removeItem(atPath: input) }
            let result = try ChildProcess.run([claims, "--db", db, "ingest", "--quiet", input], captureOutput: true, measureRSS: true)
            guard result.succeeded else { throw BenchError("claims ingest of \(size) articles failed with status \(result.status)") }
            let database = try ClaimsDatabase(path: db, create: false)
            func count(_ table: String) throws -> Int { try database.connection.scalarInt("SELECT count(*) FROM \(table)") }
            let (conflicts, disputes) = (try count("conflicts"), try count("disputes"))
            let days = try database.connection.scalarInt("SELECT count(DISTINCT substr(published, 1, 10)) FROM articles")
            // (A recurring corpus's events are its statements; the standard corpus has none to count.)
            let events = options.recurring.map { (size + $0 - 1) / $0 }
            let claimCount = try count("claims"), stories = try count("stories")
            let fields = [String(size), String(days), events.map(String.init) ?? "-", String(claimCount), String(conflicts),
                          String(format: "%.2f", Double(conflicts) / Double(size)), String(stories), String(disputes),
                          String(format: "%.3f", Double(disputes) / Double(size)), events.map { String(format: "%.2f", Double(disputes) / Double($0)) } ?? "-",
                          String(format: "%.1f", result.cpuSeconds)]
            let widths = [8, 4, 6, 7, 9, 11, 7, 8, 11, 9, 0]
            print(zip(fields, widths).map { $0.padding(toLength: max($1, $0.count), withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
    }
}

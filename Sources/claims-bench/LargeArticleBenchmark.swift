import Foundation

/// `claims-bench large`: ingest time of one very large article, for each of several sizes, to show
/// that it grows linearly with the article's length (README "Benchmark"). Each article is one JSON
/// Lines record whose body joins the bodies of the synthetic corpus's articles 0, 1, 2 … (their
/// sample sentences, substituted names and numbers, random vocabulary, claims and denials), so its
/// text is distinct throughout; each is ingested by the release `claims` into a new database.
struct LargeArticleBenchmark {
    struct Options {
        var sizesMiB: [Double] = [0.25, 1, 2, 4]
        var seed: UInt64 = 42
        var workdir = ".build/bench"
        var claimsPath: String?
    }

    let options: Options

    func run() throws {
        let claims = options.claimsPath ?? BenchmarkRunner.siblingExecutable("claims")
        try FileManager.default.createDirectory(atPath: options.workdir, withIntermediateDirectories: true)
        print("claims-bench large: one article of each size, seed \(options.seed), \(claims)")
        print("size_mib  bytes      claims  seconds  cpu_seconds  mib_per_s  seconds_per_mib  peak_rss_mib")
        let generator = CorpusGenerator(seed: options.seed)
        for size in options.sizesMiB {
            let path = "\(options.workdir)/large-article-\(size)MiB-s\(options.seed).jsonl"
            let bytes = try writeArticle(bytes: Int(size * 1_048_576), generator: generator, to: path)
            let db = "\(options.workdir)/large-article.db"
            BenchmarkRunner.removeDatabase(db)
            defer { BenchmarkRunner.removeDatabase(db) }
            let result = try ChildProcess.run([claims, "--db", db, "ingest", "--format", "json", "--quiet", path],
                                              captureOutput: true, measureRSS: true)
            guard result.succeeded else { throw BenchError("claims ingest of \(path) failed with status \(result.status)") }
            let claimCount = (try? JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])?["claims"] as? Int ?? -1
            let mib = Double(bytes) / 1_048_576
            print(String(format: "%-8.2f  %-9d  %-6d  %-7.2f  %-11.2f  %-9.3f  %-15.2f  %.0f", size, bytes, claimCount, result.seconds,
                         result.cpuSeconds, mib / result.seconds, result.seconds / mib, Double(result.maxRSSKiB) / 1024))
        }
    }

    /// Writes one article of about `bytes` bytes of body as a JSON Lines record; returns the file's size.
    private func writeArticle(bytes: Int, generator: CorpusGenerator, to path: String) throws -> Int {
        var body: [UInt8] = []
        body.reserveCapacity(bytes + (1 << 16))
        var index = 0
        while body.count < bytes {
            if !body.isEmpty { body.append(0x0A) }
            body += generator.article(index).body
            index += 1
        }
        var line: [UInt8] = []
        JSONWriter.object(into: &line, [("title", .string(Array("مقال طويل جدا للقياس".utf8))), ("body", .string(body)),
                                        ("published", .string(Array("2024-12-07".utf8)))])
        line.append(0x0A)
        guard FileManager.default.createFile(atPath: path, contents: Data(line)) else { throw BenchError("cannot write \(path)") }
        return line.count
    }
}

import ClaimsStore
import Foundation

// claims-bench: the performance benchmark of `claims` (kept out of the main binary).
//
//   claims-bench generate --articles N [--seed S] [--output FILE] [--recurring OUTLETS]
//   claims-bench run [--articles N] [--seed S] [--workdir DIR] [--claims PATH] [--search-runs N]
//                    [--process-runs N] [--no-baselines] [--keep]
//   claims-bench prototype [--articles N] [--seed S] [--workdir DIR] [--batch N] [--variants a,b,c] [--setup SQL]
//   claims-bench train-stance ANS_DIR [--data DIR]      claims-bench eval-stance ANS_DIR   claims-bench eval-compare PAIRS.json
//   claims-bench large [--sizes 0.25,1,2,4] [--seed S] [--workdir DIR] [--claims PATH]
//   claims-bench eval-links PAIRS.json
//   claims-bench disputes [--sizes N,N,…] [--recurring OUTLETS]
//   claims-bench long-lines [--sizes 3,6,12,24] [--workdir DIR] [--claims PATH]
//   claims-bench web-speed [--pages Tests/Fixtures/pages] [--variants N] [--workdir DIR] [--claims PATH]
//
// Arguments are parsed by hand: this target depends on ClaimsStore only.

let usage = """
    usage: claims-bench generate --articles N [--seed S] [--output FILE] [--recurring OUTLETS]
           claims-bench run [--articles N] [--seed S] [--workdir DIR] [--claims PATH]
                            [--search-runs N] [--process-runs N] [--no-baselines] [--keep]
           claims-bench prototype [--articles N] [--seed S] [--workdir DIR] [--batch N] [--variants LIST]
                                  [--setup SQL]
           claims-bench train-stance ANS_DIR [--data DIR] [--misses FILE]
           claims-bench eval-stance ANS_DIR
           claims-bench eval-compare PAIRS.json
           claims-bench large [--sizes MIB,MIB,…] [--seed S] [--workdir DIR] [--claims PATH]
           claims-bench eval-links PAIRS.json
           claims-bench disputes [--sizes N,N,…] [--recurring OUTLETS] [--seed S] [--workdir DIR] [--claims PATH]
           claims-bench long-lines [--sizes MIB,MIB,…] [--workdir DIR] [--claims PATH]
           claims-bench web-speed [--pages DIR] [--variants N] [--workdir DIR] [--claims PATH]

      generate   write a deterministic synthetic Arabic news corpus as JSON Lines (default: standard output);
                 --recurring N: each statement recurs in N outlets (and is denied in a fifth of them), 100 articles a day
      run        generate (or reuse) a corpus in --workdir (default .build/bench), time the release
                 `claims` binary (default: next to this executable) and the sqlite-utils / sqlite3 baselines
      train-stance  train the pair decision of `compare` / `check` on ANS_DIR/stance_train.csv, tune it on
                 stance_dev.csv, write Data/stance_model.tsv, stance_idf.tsv, stance_differences.tsv; print the figures
      eval-stance   ANS dev figures of the model the binary carries (macro-F1, per label P/R/F1, confusion)
      eval-compare  accuracy per kind of `compare` and of the rule comparer alone on labelled pairs
                 (Tests/Fixtures/compare_pairs.json, Tests/Fixtures/stance_pairs.json)
      eval-links    ingests each labelled article pair into a fresh database and reads the links stored:
                    denial and contradiction precision / recall, links across events, accuracy per kind
                    (CLAIMS_EVAL_VERBOSE=1 lists the pairs linked otherwise than labelled; Tests/Fixtures/link_pairs.json)
      prototype  in-process ingest variants (per-article transactions, batched transactions,
                 parse-then-single-writer on two threads, phases: CPU per step), to estimate what a
                 new pipeline would gain; --setup runs SQL (pragmas, FTS5 options) on each new database
      disputes   ingest the first N articles of a corpus (default 1000, 2000, 4000; --recurring N: each statement
                 in N outlets) with the release `claims`: conflicts (member pairs), stories and disputes per article
      large      ingest one article of each size (default 0.25, 1, 2 and 4 MiB of distinct generated text)
                 with the release `claims`, each into a new database: seconds and seconds per MiB
      long-lines files of two very long lines (default 3, 6, 12 and 24 MiB) around one article: the time
                 `claims ingest` takes to read them (linear in their length)
      web-speed  the fixture pages (default Tests/Fixtures/pages, 40 variants of each) against the same
                 articles as JSON Lines: `claims ingest` time of each and their ratio
    """

struct Arguments {
    var positional: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []

    init(_ args: [String], flagNames: Set<String>) throws {
        var i = 0
        while i < args.count {
            let arg = args[i]
            if arg.hasPrefix("--") {
                let name = String(arg.dropFirst(2))
                if let eq = name.firstIndex(of: "=") {
                    values[String(name[..<eq])] = String(name[name.index(after: eq)...])
                } else if flagNames.contains(name) {
                    flags.insert(name)
                } else {
                    guard i + 1 < args.count else { throw BenchError("--\(name) needs a value") }
                    values[name] = args[i + 1]
                    i += 1
                }
            } else {
                positional.append(arg)
            }
            i += 1
        }
    }

    func int(_ name: String, default value: Int) throws -> Int {
        guard let text = values[name] else { return value }
        guard let n = Int(text.replacingOccurrences(of: "_", with: "")), n > 0 else { throw BenchError("--\(name): not a positive number: \(text)") }
        return n
    }
}

/// `--sizes 0.25,1,2` in MiB.
func sizes(_ parsed: Arguments, default sizes: [Double]) throws -> [Double] {
    guard let list = parsed.values["sizes"] else { return sizes }
    return try list.split(separator: ",").map {
        guard let size = Double($0), size > 0 else { throw BenchError("--sizes: not a positive number: \($0)") }
        return size
    }
}

func main() -> Int32 {
    let args = Array(CommandLine.arguments.dropFirst())
    guard let command = args.first, !["-h", "--help", "help"].contains(command) else {
        print(usage)
        return args.isEmpty ? 2 : 0
    }
    do {
        let parsed = try Arguments(Array(args.dropFirst()), flagNames: ["no-baselines", "keep", "help"])
        if parsed.flags.contains("help") { print(usage); return 0 }
        let seed = UInt64(try parsed.int("seed", default: 42))
        switch command {
        case "generate":
            let articles = try parsed.int("articles", default: 1000)
            let output = parsed.values["output"] ?? "/dev/stdout"
            let generator = CorpusGenerator(seed: seed, recurring: try parsed.values["recurring"].map { _ in try parsed.int("recurring", default: 50) })
            let summary = try generator.write(articles: articles, to: output) { done in
                FileHandle.standardError.write(Data("  \(done) articles\r".utf8))
            }
            FileHandle.standardError.write(Data((summary.report + "\n" + String(format: "generated in %.1f s\n", summary.seconds)).utf8))
        case "run":
            var options = BenchmarkRunner.Options()
            options.articles = try parsed.int("articles", default: 10_000)
            options.seed = seed
            options.workdir = parsed.values["workdir"] ?? options.workdir
            options.claimsPath = parsed.values["claims"]
            options.searchRuns = try parsed.int("search-runs", default: options.searchRuns)
            options.processRuns = try parsed.int("process-runs", default: options.processRuns)
            options.baselines = !parsed.flags.contains("no-baselines")
            options.keepDatabases = parsed.flags.contains("keep")
            var runner = BenchmarkRunner(options: options)
            try runner.run()
        case "large":
            var options = LargeArticleBenchmark.Options()
            options.seed = seed
            options.workdir = parsed.values["workdir"] ?? options.workdir
            options.claimsPath = parsed.values["claims"]
            options.sizesMiB = try sizes(parsed, default: options.sizesMiB)
            try LargeArticleBenchmark(options: options).run()
        case "disputes":
            var options = DisputeGrowthBenchmark.Options()
            options.seed = seed
            options.workdir = parsed.values["workdir"] ?? options.workdir
            options.claimsPath = parsed.values["claims"]
            options.recurring = try parsed.values["recurring"].map { _ in try parsed.int("recurring", default: 50) }
            if parsed.values["sizes"] != nil {
                options.sizes = try parsed.values["sizes"]!.split(separator: ",").map {
                    guard let size = Int($0), size > 0 else { throw BenchError("--sizes: not a positive number: \($0)") }
                    return size
                }
            }
            try DisputeGrowthBenchmark(options: options).run()
        case "long-lines":
            let benchmarks = InputSpeedBenchmarks(workdir: parsed.values["workdir"] ?? ".build/bench", claimsPath: parsed.values["claims"])
            try benchmarks.longLines(sizesMiB: try sizes(parsed, default: [3, 6, 12, 24]))
        case "web-speed":
            let benchmarks = InputSpeedBenchmarks(workdir: parsed.values["workdir"] ?? ".build/bench", claimsPath: parsed.values["claims"])
            try benchmarks.webSpeed(pagesFolder: parsed.values["pages"] ?? "Tests/Fixtures/pages", variants: try parsed.int("variants", default: 40))
        case "prototype":
            var options = IngestPrototype.Options()
            options.articles = try parsed.int("articles", default: 10_000)
            options.seed = seed
            options.workdir = parsed.values["workdir"] ?? options.workdir
            options.batch = try parsed.int("batch", default: options.batch)
            if let list = parsed.values["variants"] { options.variants = list.split(separator: ",").map(String.init) }
            options.setup = parsed.values["setup"]
            try IngestPrototype(options: options).run()
        case "train-stance":
            guard parsed.positional.count == 1 else { throw BenchError("train-stance needs the ANS directory\n\(usage)") }
            try StanceCommands.train(ans: parsed.positional[0], dataDirectory: parsed.values["data"] ?? "Data", missesFile: parsed.values["misses"])
        case "eval-stance":
            guard parsed.positional.count == 1 else { throw BenchError("eval-stance needs the ANS directory\n\(usage)") }
            try StanceCommands.evaluate(ans: parsed.positional[0])
        case "eval-compare":
            guard parsed.positional.count == 1 else { throw BenchError("eval-compare needs a pairs file\n\(usage)") }
            try StanceCommands.evaluateCompare(pairsFile: parsed.positional[0])
        case "eval-links":
            guard parsed.positional.count == 1 else { throw BenchError("eval-links needs a pairs file\n\(usage)") }
            let evaluation = try LinkEvaluation(LinkPairSet.load(path: parsed.positional[0]))
            print(evaluation.report)
            if ProcessInfo.processInfo.environment["CLAIMS_EVAL_VERBOSE"] != nil { evaluation.misses.forEach { print("MISS " + $0) } }
        default:
            throw BenchError("unknown command \(command)\n\(usage)")
        }
        return 0
    } catch {
        FileHandle.standardError.write(Data("claims-bench: error: \(error)\n".utf8))
        return 1
    }
}

exit(main())

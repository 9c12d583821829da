import ArgumentParser
import ClaimsStore
import Foundation

struct Ingest: ParsableCommand, DatabaseCommand {
    static let configuration = CommandConfiguration(
        abstract: "Store articles from files, directories or standard input.",
        discussion: """
            Plain text (.txt, .md): the first meaningful line is the title; a text of one line (a
            post, a statement) is its own body. JSON Lines (.jsonl) and JSON (.json, an object or an
            array): one article per object with title, body (or text), url, outlet, published (or
            date), author, kind (article, post, statement); other keys are kept in `extra`.
            CSV (.csv) with a header naming title, body (or text), url, outlet, published.
            Web pages (.html, .htm): the article's text without menus, tickers, related links,
            comments and widgets; title, outlet, date, URL and author from the page.
            Feeds (.xml, .rss, .atom; RSS 2.0 or Atom): each item an article. Web archives (.warc,
            .warc.gz): each HTML response an article. An http:// or https:// address is fetched.
            Directories are read recursively; other files are reported as skipped. `-` reads
            standard input (a page, a feed or an archive is recognised by its content).

            Examples:
              claims ingest Examples/articles
              claims ingest --outlet "القدس العربي" --published 2024-12-07 article.txt
              cat feed.jsonl | claims ingest -
              claims ingest saved-page.html news.rss crawl.warc.gz
              claims ingest https://example.org/feed.xml
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Files, directories, or - for standard input.", valueName: "path"))
    var paths: [String]

    @Option(help: "Outlet of the plain-text articles of this call.")
    var outlet: String?

    @Option(help: "URL of the plain-text articles of this call.")
    var url: String?

    @Option(help: "Publication date (YYYY-MM-DD) of the plain-text articles of this call.")
    var published: String?

    @Option(name: .customLong("max-bytes"), help: "Largest article (input file, JSON line or record), in bytes (0: no limit).",
            transform: NumericArgument.count)
    var maxBytes: Int = 50 * 1024 * 1024

    @Option(help: "Longest time to fetch one web address, in seconds.")
    var timeout: Int = 30

    @Option(help: "Summary format: table (text; to standard error), or json, jsonl or csv (to standard output).")
    var format: OutputFormat = .table

    @Flag(help: "No progress line and no per-input problems: only the summary (and errors' exit code).")
    var quiet = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file, directory or -") }
        if timeout <= 0 { throw ValidationError("--timeout must be positive") }
    }

    func run() throws {
        var lastReport: IngestReport?
        do {
            try ingest(lastReport: &lastReport)
        } catch let error where (format == .json || format == .jsonl) && !(error is ExitCode) {
            // A run that stops still reports on standard output what it stored, and why it stopped.
            var fields: [(String, JSONValue)] = []
            if case .object(let reported) = (lastReport ?? IngestReport()).json { fields = reported }
            fields.append(("error", .string(Self.describe(error, databasePath: global.databasePath))))
            Terminal.output(JSONValue.object(fields).jsonText + "\n")
            throw error
        }
    }

    /// The message `claims` prints for an error that stops the run (as ClaimsCommand.main does).
    static func describe(_ error: Error, databasePath: String) -> String {
        if let error = error as? ClaimsError { return error.description }
        if let error = error as? SQLiteError { return ClaimsError.database(databasePath, error)?.description ?? "database error: \(error.message)" }
        return "\(error)"
    }

    private func ingest(lastReport: inout IngestReport?) throws {
        var options = InputReader.Options()
        options.maxBytes = NumericArgument.limit(maxBytes) ?? Int.max
        options.outlet = outlet
        options.url = url
        options.fetchTimeoutSeconds = timeout
        options.published = try ArticleFilter.checkedDate(published, option: "--published")
        let database = try global.openForWriting()
        let ingester = try Ingester(database: database, readerOptions: options)
        // A progress line on standard error when it is a terminal; data stays on standard output.
        let progress = !quiet && Terminal.standardErrorIsTerminal ? Terminal.Progress() : nil
        var latest: IngestReport?
        ingester.progress = { report in
            latest = report
            progress?.update(report)
        }
        defer { lastReport = latest }
        let report: IngestReport
        do {
            report = try ingester.ingest(paths: paths)
        } catch {
            progress?.finish()
            // A database error (disk full, damaged, locked) stops the run; what was stored stays.
            if let latest {
                printProblems(latest)
                Terminal.message("claims: ingest stopped after \(latest.inserted.count) new, \(latest.duplicates) duplicates, "
                    + "\(latest.failures.count) failed; every article stored so far is complete, and running the "
                    + "same command again skips them")
            }
            throw error
        }
        progress?.finish()
        printProblems(report)
        let retries = database.connection.busyRetries
        if format != .table {
            var json = report.json
            if case .object(var fields) = json {
                fields.append(("busy_retries", .int(retries)))
                json = .object(fields)
            }
            Terminal.item(json, format: format) { "" }
        }
        Terminal.message(report.summary + (retries > 0 ? ", \(retries) busy retr\(retries == 1 ? "y" : "ies")" : ""))
        if !report.failures.isEmpty { throw ExitCode.failure }
    }

    private func printProblems(_ report: IngestReport) {
        guard !quiet else { return }
        for warning in report.warnings { Terminal.warning(warning.description) }
        for note in report.notes { Terminal.note(note.description) }
        for failure in report.failures { Terminal.error(failure.description) }
    }
}

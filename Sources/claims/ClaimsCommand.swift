import ArgumentParser
import ClaimsStore
import Foundation

@main
struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Turn Arabic news articles into an SQLite database of articles, entities and attributed claims.",
        discussion: """
            Examples:
              claims demo
              claims ingest Examples/articles
              claims search "السفارة الإيرانية"
              claims search 'حمص AND انسحاب' --since 2024-12-06 --format json
              claims list --stance denies
              claims show entity "إسماعيل بقائي"
              claims conflicts --kind denial
              claims check "إيران أخلت سفارتها في دمشق"

            The database is --db, else $CLAIMS_DB, else ./claims.db.
            Numbers (--limit, --top, --max-bytes, --window, ids) are whole numbers of 0 or more;
            for a limit, 0 means no limit.
            Exit codes: 0 success, 1 some input or operation failed, 2 usage or query error.
            Output to a pipe closed early (claims export | head -1) ends quietly with 0.
            """,
        version: ClaimsVersion.description,
        subcommands: [Ingest.self, Search.self, List.self, Conflicts.self, Stories.self, Check.self, Compare.self, Entities.self, Show.self, Export.self, Extract.self, Stats.self, Demo.self, Verify.self]
    )

    // Declared here too so that `claims --db X search …` works as well as `claims search --db X …`.
    @OptionGroup var global: GlobalOptions

    /// Runs the command, mapping errors to the documented exit codes (2 for usage and query errors).
    static func main() {
        // Before any file is opened: a closed standard output must not hand its number to the database.
        OutputChannel.reserveClosedStandardDescriptors()
        OutputChannel.ignoreBrokenPipeSignal()
        // A file size limit (ulimit -f) then fails the write with a clear error instead of killing us.
        signal(SIGXFSZ, SIG_IGN)
        Foundation.exit(Terminal.finalStatus(runReportingErrors()))
    }

    /// Runs the command; the exit status.
    private static func runReportingErrors() -> Int32 {
        var databasePath: String?
        do {
            var command = try parseAsRoot()
            databasePath = (command as? DatabaseCommand)?.global.databasePath
            try command.run()
            return 0
        } catch let error as ClaimsError {
            Terminal.error(error.description)
            return error.isUsageError ? 2 : 1
        } catch let error as SQLiteError {
            // Errors of the database file as a whole name it and say what to do.
            if let databasePath, let named = ClaimsError.database(databasePath, error) {
                Terminal.error(named.description)
            } else {
                Terminal.error("database error: \(error.message)")
            }
            return 1
        } catch {
            // Help and --version go to standard output; errors to standard error, with our
            // documented code 2 for argument-parser's usage errors (exit 64 by default).
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { Terminal.output(message + "\n") } else { Terminal.message(message) }
            }
            return code == .validationFailure ? 2 : code.rawValue
        }
    }
}

/// The options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $CLAIMS_DB, else ./claims.db).", valueName: "path"))
    var db: String?

    init() {}

    init(db: String) { self.db = db }

    var databasePath: String {
        db ?? ProcessInfo.processInfo.environment["CLAIMS_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "claims.db"
    }

    /// The database path, refusing an empty `--db ""` (which SQLite would take as a temporary database).
    func checkedPath() throws -> String {
        guard !databasePath.isEmpty else { throw ClaimsError.invalidArgument("--db: the path is empty") }
        return databasePath
    }

    /// Opens the database for a read command: a missing file is an error, never created; a file
    /// that cannot be written is opened read-only; nothing is written (what an interrupted command
    /// left to repair is a warning).
    func openForReading() throws -> ClaimsDatabase {
        let database = try ClaimsDatabase(path: try checkedPath(), create: false)
        for warning in database.warnings { Terminal.warning(warning) }
        return database
    }

    func openForWriting() throws -> ClaimsDatabase {
        Terminal.isWriting = true
        let database = try ClaimsDatabase(path: try checkedPath(), create: true)
        for warning in database.warnings { Terminal.warning(warning) }
        return database
    }
}

/// A command working on the database (so that errors can name it).
protocol DatabaseCommand {
    var global: GlobalOptions { get }
}

/// `--format` and `--wide` for listing commands.
struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json, jsonl or csv (text = table).")
    var format: OutputFormat = .table

    @Flag(help: "Tables: cut no cell (by default a table is fitted to the terminal's width, $COLUMNS or the window's).")
    var wide = false
}

/// Every command takes the same format names; `text` is kept as another name for `table`.
extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) {
        if argument == "text" { self = .table } else { self.init(rawValue: argument) }
    }
}

import ArgumentParser
import ClaimsStore
import Foundation

extension ExportKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Stream articles, claims, entities, conflicts, stories or disputes out as JSON Lines or CSV.",
        discussion: """
            Exported articles ingest back as they were, into another database or another tool.
            Conflicts also export as schema.org ClaimReview JSON-LD for fact-checkers.

            Examples:
              claims export --what articles --format jsonl | claims --db other.db ingest -
              claims export --what claims --format csv --since 2024-12-06 > claims.csv
              claims export --what conflicts --format claimreview > reviews.json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "articles, claims, entities, conflicts, stories or disputes.")
    var what: ExportKind

    @Option(help: "jsonl, csv, or claimreview (conflicts only).")
    var format: ExportFormat = .jsonl

    @Option(help: "Only items dated on or after this date (YYYY-MM-DD).")
    var since: String?

    func run() throws {
        let database = try global.openForReading()
        var buffer = ""
        buffer.reserveCapacity(1 << 16)
        try Exporter(database: database).export(what, format: format, since: since) { chunk in
            buffer += chunk
            if buffer.utf8.count >= 1 << 16 { Terminal.output(buffer); buffer.removeAll(keepingCapacity: true) }
        }
        Terminal.output(buffer)
    }
}

import ArgumentParser
import ClaimsStore
import Foundation

struct Stats: ParsableCommand, DatabaseCommand {
    static let configuration = CommandConfiguration(
        abstract: "Counts per table and per outlet, date range and database size.",
        discussion: """
            Examples:
              claims stats
              claims --db أرشيف-سوريا.db stats --format json
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: table (text), json, jsonl or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let stats = try DatabaseStats(database: try global.openForReading())
        Terminal.item(stats.json, format: format) { Self.text(stats, path: global.databasePath) }
    }

    /// Names and counts in two aligned columns (as wide as the longest name), each Arabic name
    /// isolated so that a bidi terminal keeps the counts in their column.
    static func text(_ stats: DatabaseStats, path: String) -> String {
        func aligned(_ rows: [(String, Int)]) -> String {
            let width = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
            let countWidth = rows.map { String($0.1).count }.max() ?? 0
            return rows.map { name, count in
                "  " + BidiIsolation.isolate(name) + String(repeating: " ", count: width - DisplayWidth.of(name) + 2)
                    + String(repeating: " ", count: countWidth - String(count).count) + "\(count)\n"
            }.joined()
        }
        var text = "database: \(path) (schema version \(stats.schemaVersion), \(stats.fileBytes / 1024) KiB)\n"
        text += "published: \(stats.earliest ?? "-") … \(stats.latest ?? "-")\n\ntables:\n"
        text += aligned(stats.tables.map { ($0.name, $0.rows) })
        text += "\narticles per outlet:\n"
        text += aligned(stats.outlets.map { ($0.outlet, $0.articles) })
        return text
    }
}

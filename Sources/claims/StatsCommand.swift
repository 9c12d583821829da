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

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let stats = try DatabaseStats(database: try global.openForReading())
        if format == .json {
            Terminal.output(stats.json.jsonText + "\n")
            return
        }
        var text = "database: \(global.databasePath) (schema version \(stats.schemaVersion), \(stats.fileBytes / 1024) KiB)\n"
        text += "published: \(stats.earliest ?? "-") … \(stats.latest ?? "-")\n\ntables:\n"
        for table in stats.tables { text += "  \(DisplayWidth.pad(table.name, to: 16)) \(table.rows)\n" }
        text += "\narticles per outlet:\n"
        for outlet in stats.outlets { text += "  \(DisplayWidth.pad(outlet.outlet, to: 24)) \(outlet.articles)\n" }
        Terminal.output(text)
    }
}

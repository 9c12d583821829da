import ArgumentParser
import ClaimsStore

struct Demo: ParsableCommand, DatabaseCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest the bundled sample corpus (five Arabic articles of 6–7 December 2024) and report what was found.",
        discussion: """
            The corpus is built into the binary. The demo writes to ./demo.db unless --db names
            another file ($CLAIMS_DB is not used), and refuses a database holding other articles
            unless --force is given. After the demo, try:
              claims --db demo.db search "السفارة الإيرانية"
              claims --db demo.db list --stance denies
              claims --db demo.db conflicts
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Add the sample articles even to a database that holds other articles.")
    var force = false

    func run() throws {
        // Its own database: the demo's articles and conflicts never land in the user's archive by default.
        let path = global.db ?? DemoReport.defaultDatabase
        let database = try GlobalOptions(db: path).openForWriting()
        if !force { try DemoReport.checkIsDemoDatabase(database) }
        let report = try DemoReport.run(database: database)
        Terminal.output(report)
    }
}

import ArgumentParser
import ClaimsStore

struct Demo: ParsableCommand, DatabaseCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest the bundled sample corpus (five Arabic articles of 6–7 December 2024) and report what was found.",
        discussion: """
            The corpus is built into the binary. After the demo, try:
              claims --db demo.db demo
              claims --db demo.db search "السفارة الإيرانية"
              claims --db demo.db conflicts
            """
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let database = try global.openForWriting()
        let report = try DemoReport.run(database: database)
        Terminal.output(report)
    }
}

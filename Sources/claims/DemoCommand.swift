import ArgumentParser
import ClaimsStore

struct Demo: ParsableCommand, DatabaseCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ingest the bundled sample corpus (five Arabic articles of 6–7 December 2024) and report what was found.",
        discussion: "Example: claims --db demo.db demo   (the corpus is built into the binary)"
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let database = try global.openForWriting()
        let report = try DemoReport.run(database: database)
        Terminal.output(report)
    }
}

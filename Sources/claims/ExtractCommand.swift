import ArgumentParser
import ClaimsStore

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract entities and claims again for stored articles.",
        discussion: """
            Without --all, only articles with no extraction yet (e.g. stored by an older claims).
            With --all, every article, using your entity additions (`claims entities add`).

            Examples:
              claims extract
              claims entities add "قناة الغد" --type media --alias الغد && claims extract --all
            """
    )

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Extract every article again, not only those without extraction.")
    var all = false

    func run() throws {
        let database = try global.openForWriting()
        let result = try Ingester(database: database).reextract(all: all)
        Terminal.message("extracted: \(result.articles) article\(result.articles == 1 ? "" : "s"), \(result.claims) claims")
    }
}

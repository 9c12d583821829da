import ArgumentParser
import ClaimsStore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one stored item in full.",
        subcommands: [ShowArticle.self]
    )
}

struct ShowArticle: ParsableCommand, DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Print an article: its metadata, then its cleaned text.",
        discussion: "Example: claims show article 1"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The article id (see `claims search` or `claims stats`).")
    var id: Int

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let database = try global.openForReading()
        guard let article = try ArticleStore(database: database).article(id: id) else {
            throw ClaimsError.notFound("no article with id \(id)")
        }
        switch format {
        case .json:
            guard case .object(var fields) = article.json else { return }
            fields.append(("body", .string(article.body)))
            Terminal.output(JSONValue.object(fields).jsonText + "\n")
        case .text:
            var text = "# \(article.title)\n"
            text += "id: \(article.id)\n"
            text += "outlet: \(article.outlet ?? "-")\n"
            text += "published: \(article.published ?? "-")\n"
            if let url = article.url { text += "url: \(url)\n" }
            text += "source: \(article.source)\n\n"
            text += article.body + "\n"
            Terminal.output(text)
        }
    }
}

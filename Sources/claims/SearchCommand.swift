import ArgumentParser
import ClaimsStore

struct Search: ParsableCommand, DatabaseCommand {
    static let configuration = CommandConfiguration(
        abstract: "Full-text search of the articles (Arabic-aware: diacritics, alef forms, clitics).",
        discussion: """
            Words match whatever their clitics and spelling: سفارة finds السفارة, والسفارة, بالسفارة,
            سفارتها; ايران finds إيران; ديرالزور finds دير الزور (names written with or without their
            inner space). Use "double quotes" for a phrase, AND / OR / NOT in upper case (a lower-case
            and / or / not is searched as a word, with a hint), parentheses, and a trailing * for a prefix.

            Examples:
              claims search سفارة
              claims search '"السفارة الإيرانية"'
              claims search 'حمص AND (انسحاب OR انسحبت)' --since 2024-12-06
              claims search 'سيطر*' --outlet "القدس العربي" --format json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Argument(help: "The query.")
    var query: String

    @Option(help: "Only articles of this outlet.")
    var outlet: String?

    @Option(help: "Only articles published on or after this date (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only articles published on or before this date (YYYY-MM-DD).")
    var until: String?

    @Option(help: "At most this many results (0: all).", transform: NumericArgument.count)
    var limit: Int = 20

    @Flag(name: .customLong("fts-query"), help: "Print the FTS5 MATCH expression the query becomes (for sqlite3 or Datasette) and exit.")
    var ftsQuery = false

    func run() throws {
        if let hint = QueryHints.lowercaseOperators(in: query) { Terminal.message("claims: hint: \(hint)") }
        if ftsQuery {
            Terminal.output(try SearchQuery(query).ftsExpression + "\n")
            return
        }
        let database = try global.openForReading()
        let hits = try SearchEngine(database: database)
            .search(query, filter: ArticleFilter(outlet: outlet, since: since, until: until, limit: NumericArgument.limit(limit) ?? Int.max))
        Terminal.render(hits.map(\.json), columns: ["article_id", "title", "outlet", "published", "snippet", "rank"],
                        output: output)
    }
}

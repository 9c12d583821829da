import ArgumentParser
import ClaimsStore

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List attributed claims: who said what, citing whom, when, asserting or denying.",
        discussion: """
            Examples:
              claims list --stance denies
              claims list --speaker "المرصد السوري" --since 2024-12-06
              claims list --entity حمص --format json
              claims list --article 4
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(help: "Only claims made by this speaker (entity name or alias, or words of an unnamed source).")
    var speaker: String?

    @Option(help: "Only claims that involve this entity (as speaker, source or subject).")
    var entity: String?

    @Option(help: "Only claims with this stance: asserts, denies or unconfirmed.")
    var stance: Stance?

    @Option(help: "Only claims of this article.", transform: NumericArgument.count)
    var article: Int?

    @Option(help: "Only claims from articles of this outlet.")
    var outlet: String?

    @Option(help: "Only claims made on or after this date (YYYY-MM-DD).")
    var since: String?

    @Option(help: "Only claims made on or before this date (YYYY-MM-DD).")
    var until: String?

    @Option(help: "At most this many claims (default and 0: all).", transform: NumericArgument.count)
    var limit: Int?

    func run() throws {
        var filter = ClaimFilter()
        filter.speaker = speaker; filter.entity = entity; filter.stance = stance; filter.articleID = article
        filter.outlet = outlet; filter.since = since; filter.until = until; filter.limit = limit.flatMap(NumericArgument.limit)
        let queries = ClaimQueries(database: try global.openForReading())
        let claims = try queries.list(filter)
        switch output.format {
        case .json, .jsonl: Terminal.render(claims.map(\.json), columns: [], output: output)
        case .csv: Terminal.render(claims.map(\.row), columns: StoredClaim.csvColumns, output: output)
        case .table:
            // A pointer denial's content shows what it denies (`هذه التقارير → [62] …`).
            let denied = try queries.deniedClaims(of: claims)
            Terminal.render(claims.map { $0.row(denied: $0.targetClaimID.flatMap { denied[$0] }) }, columns: StoredClaim.rowColumns, output: output)
        }
    }
}

extension Stance: ExpressibleByArgument {}
extension EntityType: ExpressibleByArgument {}

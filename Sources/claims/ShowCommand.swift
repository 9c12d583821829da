import ArgumentParser
import ClaimsStore

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one stored item in full.",
        subcommands: [ShowArticle.self, ShowClaim.self, ShowEntity.self, ShowStory.self, ShowDispute.self, ShowConflict.self]
    )
}

struct ShowArticle: ParsableCommand, DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Print an article: its metadata, then its cleaned text.",
        discussion: "Example: claims show article 1"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The article id (see `claims search` or `claims stats`).", transform: NumericArgument.count)
    var id: Int

    @Option(help: "Output format: table (text), json, jsonl or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let database = try global.openForReading()
        guard let article = try ArticleStore(database: database).article(id: id) else {
            throw ClaimsError.notFound("no article with id \(id)")
        }
        guard case .object(var fields) = article.json else { return }
        fields.append(("body", .string(article.body)))
        Terminal.item(.object(fields), format: format) {
            var text = "# \(article.title)\n"
            text += "id: \(article.id)\n"
            text += "outlet: \(article.outlet ?? "-")\n"
            text += "published: \(article.published ?? "-")\n"
            if let url = article.url { text += "url: \(url)\n" }
            text += "source: \(article.source)\n\n"
            text += article.body + "\n"
            return text
        }
    }
}

struct ShowClaim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: "Print a claim with its sentence in context.",
        discussion: "Example: claims show claim 12"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The claim id (see `claims list`).", transform: NumericArgument.count)
    var id: Int

    @Option(help: "Output format: table (text), json, jsonl or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let queries = ClaimQueries(database: try global.openForReading())
        guard let claim = try queries.claim(id: id) else { throw ClaimsError.notFound("no claim with id \(id)") }
        if format != .table {
            Terminal.item(claim.json, format: format) { "" }
            return
        }
        var text = "claim \(claim.id) — \(claim.stance.rawValue) (key \(claim.claimKey))\n"
        text += "speaker:  \(claim.speaker)\(claim.anonymous ? " (unnamed source)" : "")\(claim.speakerType.map { " [\($0)]" } ?? "")\n"
        if claim.via.count > 1 { text += "via:      \(claim.via.joined(separator: " ← "))\n" }
        text += "cue:      \(claim.cue)\n"
        text += "said on:  \(claim.saidOn ?? "-")\n"
        let denied = try claim.targetClaimID.flatMap { try queries.claim(id: $0) }
        text += "content:  \(claim.contentShowingDenied(denied))\(claim.quote ? " (direct quote)" : "")\n"
        if !claim.entities.isEmpty { text += "entities: \(claim.entities.joined(separator: "، "))\n" }
        if let denied { text += "denies:   claim \(denied.id) (\(denied.speaker)): \(denied.content)\n" }
        text += "article:  #\(claim.articleID) \(claim.articleTitle) — \(claim.outlet ?? "-"), \(claim.published ?? "-")\n\n"
        text += "  \(claim.sentence)\n"
        Terminal.output(text)
    }
}

struct ShowEntity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entity",
        abstract: "Print an entity: aliases, mentions per article, claims made by it and claims about it.",
        discussion: "Examples: claims show entity المرصد    claims show entity \"رامي عبدالرحمن\" --format json"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entity's name or an alias.")
    var name: String

    @Option(help: "Output format: table (text), json, jsonl or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let queries = EntityQueries(database: try global.openForReading())
        guard let entity = try queries.entity(named: name) else {
            throw ClaimsError.notFound("no entity named \"\(name)\" (see `claims entities`)")
        }
        let perArticle = try queries.mentionsPerArticle(entityID: entity.id)
        let by = try queries.claimsBy(entityID: entity.id)
        let about = try queries.claimsAbout(entityID: entity.id)
        if format != .table {
            guard case .object(var fields) = entity.json else { return }
            fields.append(("mentions_per_article", .array(perArticle.map { .object([("article_id", .int($0.articleID)), ("title", .string($0.title)), ("mentions", .int($0.count))]) })))
            fields.append(("claims_by", .array(by.map(\.json))))
            fields.append(("claims_about", .array(about.map(\.json))))
            Terminal.item(.object(fields), format: format) { "" }
            return
        }
        var text = "\(entity.name) — \(entity.type), \(entity.origin)\(entity.affiliation.map { ", of \($0)" } ?? "")\n"
        if !entity.aliases.isEmpty { text += "aliases: \(entity.aliases.joined(separator: "، "))\n" }
        text += "\nmentions per article (\(entity.mentions) in \(entity.articles)):\n"
        for article in perArticle { text += "  #\(article.articleID)  \(article.count)×  \(DisplayWidth.truncate(article.title, to: 80))\n" }
        text += "\nclaims by \(entity.name) (\(by.count)):\n"
        for claim in by { text += "  [\(claim.id)] \(claim.stance.rawValue): \(DisplayWidth.truncate(claim.content, to: 100))\n" }
        text += "\nclaims about \(entity.name) (\(about.count)):\n"
        for claim in about { text += "  [\(claim.id)] \(claim.speaker) — \(claim.stance.rawValue): \(DisplayWidth.truncate(claim.content, to: 90))\n" }
        Terminal.output(text)
    }
}

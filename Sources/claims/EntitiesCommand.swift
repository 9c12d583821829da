import ArgumentParser
import ClaimsStore

struct Entities: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the entities found in the articles, or add your own.",
        subcommands: [EntitiesList.self, EntitiesAdd.self],
        defaultSubcommand: EntitiesList.self
    )
}

struct EntitiesList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Entities by number of mentions.",
        discussion: """
            Examples:
              claims entities --type person --top 10
              claims entities --origin discovered --format csv
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(help: "Only entities of this type: person, organization, media or place.")
    var type: EntityType?

    @Option(help: "Only entities of this origin: builtin, discovered or user.")
    var origin: String?

    @Option(help: "At most this many entities (0: all).", transform: NumericArgument.count)
    var top: Int = 50

    func run() throws {
        var originFilter: EntityOrigin?
        if let origin {
            guard let parsed = EntityOrigin(rawValue: origin) else {
                throw ClaimsError.invalidArgument("--origin: expected builtin, discovered or user, got \"\(origin)\"")
            }
            originFilter = parsed
        }
        let entities = try EntityQueries(database: try global.openForReading()).list(type: type, origin: originFilter, top: NumericArgument.limit(top))
        Terminal.render(entities.map(\.json), columns: StoredEntity.rowColumns, output: output)
    }
}

struct EntitiesAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an entity (or aliases of a known one); the next ingests recognise it.",
        discussion: """
            Examples:
              claims entities add "عبد الرحمن الشيخ" --type person --alias "الشيخ"
              claims entities add "قناة الغد" --type media --alias "الغد"
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The entity's canonical name.")
    var name: String

    @Option(help: "person, organization, media or place.")
    var type: EntityType

    @Option(name: .customLong("alias"), help: "Another name or spelling (repeatable).")
    var aliases: [String] = []

    @Option(name: .customLong("nisba"), help: "A nisba adjective that mentions the place (repeatable), e.g. تونسي.")
    var nisbas: [String] = []

    @Option(help: "The country or organisation it belongs to (a canonical name).")
    var affiliation: String?

    @Option(help: "Output format: table (text), json, jsonl or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let entity = try EntityQueries(database: try global.openForWriting())
            .add(name: name, type: type, aliases: aliases, nisbas: nisbas, affiliation: affiliation)
        Terminal.item(entity.json, format: format) {
            "entity \(entity.id): \(entity.name) (\(entity.type), \(entity.origin))" +
                (entity.aliases.isEmpty ? "" : " — aliases: " + entity.aliases.joined(separator: "، ")) + "\n"
        }
    }
}

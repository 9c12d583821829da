/// The entities known in advance: the built-in gazetteer (`Data/gazetteer.tsv`, carried by the
/// binary) plus the user's additions stored in the database.
public struct Gazetteer: Sendable {
    public private(set) var entities: [EntityDefinition] = []
    /// Entity index by normalised canonical name.
    private var byName: [String: Int] = [:]
    /// Entity index by canonical name as written: most look-ups (affiliation chains, the names
    /// recognition returns) use it and skip normalising.
    private var byExactName: [String: Int] = [:]

    public init(entities: [EntityDefinition] = []) {
        for entity in entities { add(entity) }
    }

    /// Adds (or, for the same normalised name, replaces) an entity.
    public mutating func add(_ entity: EntityDefinition) {
        let key = Self.nameKey(entity.name)
        if let index = byName[key] {
            byExactName[entities[index].name] = nil
            entities[index] = entity
            byExactName[entity.name] = index
        } else {
            byName[key] = entities.count
            byExactName[entity.name] = entities.count
            entities.append(entity)
        }
    }

    public func entity(named name: String) -> EntityDefinition? {
        if let index = byExactName[name] { return entities[index] }
        return byName[Self.nameKey(name)].map { entities[$0] }
    }

    /// The key that identifies an entity by name (normalised, spaces collapsed).
    public static func nameKey(_ name: String) -> String {
        ArabicNormalizer.normalize(name).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The built-in gazetteer.
    public static let builtIn: Gazetteer = {
        do {
            return try parse(EmbeddedResources.all["Data/gazetteer.tsv"] ?? "", origin: .builtin)
        } catch {
            fatalError("the embedded gazetteer is invalid: \(error)")   // caught by GazetteerTests
        }
    }()

    public struct ParseError: Error, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "gazetteer.tsv:\(line): \(message)" }
    }

    /// Parses the TSV format: `type  name  aliases  nisba  affiliation` (`|`-separated lists, `-` for none).
    public static func parse(_ text: String, origin: EntityOrigin) throws -> Gazetteer {
        var gazetteer = Gazetteer()
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingWhitespace()
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = rawLine.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard fields.count == 5 else {
                throw ParseError(line: index + 1, message: "expected 5 tab-separated fields, found \(fields.count)")
            }
            guard let type = EntityType(rawValue: fields[0]) else {
                throw ParseError(line: index + 1, message: "unknown type \"\(fields[0])\"")
            }
            func list(_ field: String) -> [String] {
                field == "-" ? [] : field.split(separator: "|").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            }
            gazetteer.add(EntityDefinition(name: fields[1], type: type, aliases: list(fields[2]), nisbas: list(fields[3]),
                                           affiliation: fields[4] == "-" ? nil : fields[4], origin: origin))
        }
        return gazetteer
    }
}

/// The kinds of entity `claims` knows.
public enum EntityType: String, CaseIterable, Sendable, Codable {
    case person, organization, media, place
}

/// Where an entity comes from.
public enum EntityOrigin: String, Sendable {
    /// The built-in gazetteer (`Data/gazetteer.tsv`).
    case builtin
    /// Found in text by a role or title pattern (`الرئيس …`, `مدينة …`).
    case discovered
    /// Added with `claims entities add`.
    case user
}

/// An entity known before reading an article: its names and how to recognise them.
public struct EntityDefinition: Sendable, Equatable {
    public let name: String
    public let type: EntityType
    public let aliases: [String]
    /// Nisba adjectives (`إيراني`, `الإيرانية` …) that mention the place.
    public let nisbas: [String]
    /// Canonical name of the country or organisation it belongs to.
    public let affiliation: String?
    public let origin: EntityOrigin

    public init(name: String, type: EntityType, aliases: [String] = [], nisbas: [String] = [], affiliation: String? = nil, origin: EntityOrigin) {
        self.name = name
        self.type = type
        self.aliases = aliases
        self.nisbas = nisbas
        self.affiliation = affiliation
        self.origin = origin
    }
}

/// Where an article's news happens: the countries and the places below country level that the whole
/// article names (its title, its speakers' phrases, its body), from its stored mentions.
///
/// A claim often names neither: a denial says `نفت الحكومة التوصل إلى اتفاق` and the country is in
/// the speaker's phrase two sentences earlier (`رئاسة الحكومة التونسية`), the town in the title.
/// Two articles whose frames name countries, or towns, and none in common report two events, however
/// alike their claims (a tax denied in Kuwait, one reported in Oman; cholera in one city, denied in
/// another). The frame is a union over the article, so it only ever separates articles that share
/// no country (or no town) at all.
struct ArticleFrame: Equatable {
    var countries: Set<String> = []
    /// Towns below country level (cities, villages), with the places they lie in.
    var places: Set<String> = []
    /// Every place below country level, facilities included (`قاعدة عين الأسد`).
    var sites: Set<String> = []

    /// Whether the two frames say "another event": both name countries, none in common, and no site
    /// in common (a foreign official speaking of a base in Iraq shares the base); or both name towns
    /// and none in common (cholera in Taiz / in Hodeidah, fires in two provinces of one country).
    func separates(from other: ArticleFrame) -> Bool {
        let countriesDisjoint = !countries.isEmpty && !other.countries.isEmpty && countries.isDisjoint(with: other.countries)
        let placesDisjoint = !places.isEmpty && !other.places.isEmpty && places.isDisjoint(with: other.places)
        return (countriesDisjoint && sites.isDisjoint(with: other.sites)) || placesDisjoint
    }

    /// A facility (`مستشفى الثورة`, `قاعدة عين الأسد`, `معبر نصيب`) lies in some town the article may not
    /// name: it never tells two articles' towns apart.
    static let facilityNouns: Set<String> = [
        "مستشفي", "قاعده", "معبر", "مطار", "سجن", "ميناء", "مخيم", "جامعه", "مدرسه", "مصفاه", "حقل", "محطه", "سفاره", "مقر", "مبني", "مصنع",
    ]

    /// Reads an article's frame from its mentions.
    static func read(article: Int, in connection: Database, context: PropositionContext) throws -> ArticleFrame {
        var frame = ArticleFrame()
        try connection.cached("""
            SELECT DISTINCT e.name, e.type, e.affiliation FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.article_id = ?
            """).bind([article]).forEach { row in
            let name = row.string(0)
            if let country = context.country(of: name, affiliation: row.optionalString(2)) { frame.countries.insert(country) }
            guard row.string(1) == "place", !context.isCountry(name), context.countryOfCapital[name] == nil else { return }
            let containers = context.containingPlaces(of: name)
            frame.sites.insert(name)
            frame.sites.formUnion(containers)
            let firstWord = name.split(separator: " ").first.map { ArabicNormalizer.normalize(String($0)) } ?? ""
            if !Self.facilityNouns.contains(firstWord) { frame.places.insert(name) }
            frame.places.formUnion(containers)
        }
        return frame
    }
}

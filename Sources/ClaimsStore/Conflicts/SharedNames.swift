/// A name one statement recognised and the other only spells: `حرائق في ولاية تيزي وزو` finds the
/// place by its trigger (`ولاية`), `احترقت في تيزي وزو` has no trigger and keeps `تيزي`, `وزو` as
/// plain words. Compared as they are, the two share neither the place nor the words. A discovered
/// name is recognised in the article it was discovered in only; so before two statements are
/// compared, each takes the names of the other whose every word it holds.
extension Proposition {
    /// The match keys of each entity's words (`تيزي وزو` → تيزي، وزو).
    var nameWords: [Word: [Word]] {
        if let memoisedNameWords { return memoisedNameWords }
        var result: [Word: [Word]] = [:]
        let stemmer = PropositionContext.shared.stemmer
        for entity in entities {
            result[entity] = MatchKey.keys(ofPhrase: entity.text, stemmer: stemmer).map { Word(ArabicNormalizer.normalize($0)) }
        }
        return result
    }

    /// This proposition with the names of `other` that it spells word for word as plain words.
    func adoptingNames(of other: Proposition) -> Proposition {
        guard !terms.isEmpty, !other.entities.isSubset(of: entities) else { return self }
        var adopted = self
        var changed = false
        for (name, words) in other.nameWords where !entities.contains(name) && !words.isEmpty && words.allSatisfy(terms.contains) {
            adopted.entities.insert(name)
            if other.places.contains(name) { adopted.places.insert(name) }
            if other.specific.contains(name) { adopted.specific.insert(name) }
            if other.persons.contains(name) { adopted.persons.insert(name) }
            adopted.terms.subtract(words)
            changed = true
        }
        guard changed else { return self }
        adopted.memoisedCountries = nil
        adopted.memoisedPlacesWithContainers = nil
        adopted.memoisedNameWords = nil
        return adopted
    }
}

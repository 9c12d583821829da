/// Stores a proposition's features as compact JSON (table `claim_features`), so that comparing a
/// new claim with stored ones does not analyse their text again.
extension Proposition {
    var featuresJSON: JSONValue {
        .object(([
            ("s", .string(stance.rawValue)),
            ("c", .object(concepts.sorted { $0.key < $1.key }.map { ($0.key, .bool($0.value)) })),
            ("w", .object(conceptWords.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("e", .array(entities.sorted().map { .string($0.text) })),
            ("p", .array(places.sorted().map { .string($0.text) })),
            ("j", JSONValue(subject)),
            ("g", JSONValue(agent)),
            ("x", .array(specific.sorted().map { .string($0.text) })),
            ("k", .array(topics.sorted().map { .string($0) })),
            ("h", .array(persons.sorted().map { .string($0.text) })),
            ("t", .array(terms.sorted().map { .string($0.text) })),
            ("n", .array(numbers.map { .array([.double($0.value), .string($0.unit), .bool($0.approximate)]) })),
            ("o", .array(scope.sorted().map { .string($0.text) })),
            ("d", JSONValue(date?.iso)),
        ] as [(String, JSONValue)]) + (hypothetical ? [("m", .bool(true))] : []) + (actorKind.map { [("a", .string($0))] } ?? []))
    }

    init?(features json: String, text: String) {
        guard let value = try? JSONParser.parse(json), case .object = value else { return nil }
        func strings(_ key: String) -> [String] {
            guard case .array(let items)? = value[key] else { return [] }
            return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
        }
        func words(_ key: String) -> Set<Word> { Set(strings(key).map { Word($0) }) }
        self.init(empty: text)
        if case .string(let s)? = value["s"] { stance = Stance(rawValue: s) ?? .asserts }
        if case .object(let fields)? = value["c"] { for (k, v) in fields { if case .bool(let b) = v { concepts[k] = b } } }
        if case .object(let fields)? = value["w"] { for (k, v) in fields { if case .string(let w) = v { conceptWords[k] = w } } }
        entities = words("e"); places = words("p"); terms = words("t"); scope = words("o")
        if case .string(let s)? = value["j"] { subject = s }
        if case .string(let s)? = value["g"] { agent = s }
        specific = words("x")
        topics = Set(strings("k"))
        persons = words("h")
        if case .array(let items)? = value["n"] {
            numbers = items.compactMap { item in
                guard case .array(let parts) = item, parts.count == 3 else { return nil }
                var number = 0.0
                if case .double(let d) = parts[0] { number = d } else if case .int(let i) = parts[0] { number = Double(i) }
                guard case .string(let unit) = parts[1], case .bool(let approximate) = parts[2] else { return nil }
                return NumberFact(value: number, unit: unit, approximate: approximate, position: 0)
            }
        }
        if case .string(let d)? = value["d"] { date = CalendarDate(iso: d) }
        if case .bool(let b)? = value["m"] { hypothetical = b }
        if case .string(let kind)? = value["a"] { actorKind = kind }
    }
}

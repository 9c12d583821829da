/// Groups claims that state the same thing into stories (connected components of corroborations),
/// and tells who reported first, who repeated it independently, who relayed the same source, and
/// who disputed it. O(E · α) over the corroboration links, rebuilt after each ingest.
public struct StoryBuilder {
    public let database: ClaimsDatabase
    var connection: Database { database.connection }

    public init(database: ClaimsDatabase) { self.database = database }

    /// Rebuilds the stories when new claims came in since the last build.
    public func rebuildIfStale() throws {
        let stale = try connection.queryOne("SELECT value FROM settings WHERE key = 'stories_stale'") { $0.string(0) }
        guard stale == "1" else { return }
        try rebuild()
    }

    public func rebuild() throws {
        try connection.transaction {
            try connection.execute("DELETE FROM story_claims; DELETE FROM stories;")
            let links = try connection.query("SELECT claim_a_id, claim_b_id FROM corroborations ORDER BY claim_a_id, claim_b_id") { ($0.int(0), $0.int(1)) }
            var parent: [Int: Int] = [:]
            func find(_ x: Int) -> Int {
                var root = x
                while let p = parent[root], p != root { root = p }
                var node = x
                while let p = parent[node], p != root { parent[node] = root; node = p }
                return root
            }
            for (a, b) in links {
                if parent[a] == nil { parent[a] = a }
                if parent[b] == nil { parent[b] = b }
                let (ra, rb) = (find(a), find(b))
                if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
            }
            var groups: [Int: [Int]] = [:]
            for claim in parent.keys { groups[find(claim), default: []].append(claim) }
            for members in groups.values.sorted(by: { $0.min()! < $1.min()! }) where members.count >= 2 {
                try storeStory(members.sorted())
            }
            try connection.run("INSERT INTO settings (key, value) VALUES ('stories_stale', '0') ON CONFLICT(key) DO UPDATE SET value = '0'")
        }
    }

    private struct Member {
        let id: Int
        let speaker: String
        let speakerEntity: String?
        let via: [String]
        let date: String?
        let content: String
    }

    private func storeStory(_ ids: [Int]) throws {
        let gazetteer = Gazetteer.builtIn
        var members: [Member] = []
        for id in ids {
            if let member = try connection.queryOne("""
                SELECT c.id, c.speaker, e.name, c.via, coalesce(c.said_on, substr(a.published, 1, 10)), c.content, a.ingested_at
                FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN entities e ON e.id = c.speaker_entity_id WHERE c.id = ?
                """, [id], { Member(id: $0.int(0), speaker: $0.string(1), speakerEntity: $0.optionalString(2),
                                    via: StoredClaim.stringArray($0.string(3)), date: $0.optionalString(4), content: $0.string(5)) }) {
                members.append(member)
            }
        }
        // Earliest known date first; undated claims after, in the order they were stored.
        members.sort { ($0.date ?? "9999", $0.id) < ($1.date ?? "9999", $1.id) }
        guard let first = members.first else { return }
        // The original source: the innermost named link of the chain, or the speaker's organisation.
        func origin(_ member: Member) -> String {
            let innermost = member.via.last ?? member.speaker
            let name = gazetteer.entity(named: innermost)?.name ?? (member.via.count > 1 ? innermost : member.speakerEntity ?? innermost)
            return gazetteer.entity(named: name)?.affiliation.flatMap { gazetteer.entity(named: $0)?.type == .place ? nil : $0 } ?? name
        }
        let origins = members.map(origin)
        let disputed = try connection.scalarInt("""
            SELECT count(*) FROM conflicts WHERE claim_a_id IN (SELECT value FROM json_each(?)) OR claim_b_id IN (SELECT value FROM json_each(?))
            """, [JSONValue.array(ids.map { .int($0) }).jsonText, JSONValue.array(ids.map { .int($0) }).jsonText])
        let dates = members.compactMap(\.date).sorted()
        try connection.run("""
            INSERT INTO stories (label, first_claim_id, claims, sources, independent_sources, disputed, first_date, last_date)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, first.content, first.id, members.count, Set(members.map { $0.speakerEntity ?? $0.speaker }).count,
            Set(origins).count, disputed, dates.first, dates.last)
        let story = Int(connection.lastInsertRowID)
        var seenOrigins = Set<String>()
        for (index, member) in members.enumerated() {
            let source = origins[index]
            let role = index == 0 ? "first" : (seenOrigins.contains(source) ? "relay" : "independent")
            seenOrigins.insert(source)
            try connection.run("INSERT INTO story_claims (story_id, claim_id, role, source) VALUES (?, ?, ?, ?)", story, member.id, role, source)
        }
    }
}

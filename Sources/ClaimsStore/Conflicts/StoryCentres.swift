/// Groups claims into stories around a centre: the claims that state the same thing as the centre
/// (a corroboration with it), never a chain of such links.
///
/// One source's statement — continued in the next sentence of an article (a continuation), or said
/// again by the same speaker (a corroboration between two of its claims) — is one statement: its
/// claims are grouped as one unit, which states the same thing as another unit when one of their
/// claims does. A unit spans at most `unitSpanDays` between its dated claims, so that a source's
/// repeats cannot chain a story over months (a synthetic corpus's speakers, repeating five
/// articles' events day after day, made one unit of 1,942 claims over thirteen months).
///
/// Joining every claim linked to any member (the transitive closure of the links) let one weak link
/// pull a whole other story in: on the 100,000-article benchmark corpus one group held 202,418
/// claims, and a report and its denial could meet through a third claim. Here the centre is the claim
/// that states the same thing as the most claims not yet grouped (greedy star clustering, ties to the
/// smaller id); each of those joins its story unless it conflicts with a claim already in it (a claim
/// and its denial are never one story). Then the next centre, among the claims left. A claim whose
/// every link went to members of other stories forms no story, unless it is in a conflict: a
/// disputed claim is always in a story (of its own if need be), so that every conflict links two
/// stories (`DisputeBuilder`).
///
/// O(V + E) over the V claims and E links given (a bucket queue by degree), with arrays indexed by
/// claim id (dense row ids) rather than dictionaries: a whole rebuild of a million claims holds a
/// few tens of MB.
struct StoryCentres {
    /// One story: its centre and its members (the centre included), by id.
    struct Group: Equatable {
        let centre: Int
        let members: [Int]
    }

    private let largestID: Int
    private var sameLinks: [(Int32, Int32)] = []
    private var conflictLinks: [(Int32, Int32)] = []
    /// Links of one statement with the days of their claims (`unknownDay` when unknown).
    private var oneStatementLinks: [(a: Int32, b: Int32, dayA: Int32, dayB: Int32)] = []
    static let unknownDay = Int32.min
    /// The most days between the dated claims of one unit.
    static let unitSpanDays: Int32 = 1

    init(largestID: Int) {
        self.largestID = max(0, largestID)
    }

    /// Two claims of one source's statement (a continuation, or the same speaker saying it again):
    /// one unit, unless that would make the unit span more than `unitSpanDays`.
    /// - Parameter days: the claims' days (days since 1970), nil when unknown.
    mutating func addOneStatement(_ a: Int, _ b: Int, days: (Int?, Int?) = (nil, nil)) {
        guard a != b, (0...largestID).contains(a), (0...largestID).contains(b) else { return }
        let day = { (d: Int?) in d.map { Int32(clamping: $0) } ?? Self.unknownDay }
        oneStatementLinks.append((Int32(min(a, b)), Int32(max(a, b)), day(a < b ? days.0 : days.1), day(a < b ? days.1 : days.0)))
    }

    /// The units: each claim's root (its unit's smallest claim), joined link by link in id order
    /// (the same order in a region as in a whole rebuild) while the span allows.
    private func unitRoots(count: Int) -> [Int32] {
        var parent = (0..<count).map { Int32($0) }
        var low = [Int32](repeating: Int32.max, count: count), high = [Int32](repeating: Int32.min, count: count)
        func find(_ x: Int32) -> Int32 {
            var root = x
            while parent[Int(root)] != root { root = parent[Int(root)] }
            var node = x
            while parent[Int(node)] != root { let next = parent[Int(node)]; parent[Int(node)] = root; node = next }
            return root
        }
        for link in oneStatementLinks.sorted(by: { ($0.a, $0.b) < ($1.a, $1.b) }) {
            for (claim, day) in [(link.a, link.dayA), (link.b, link.dayB)] where day != Self.unknownDay {
                let r = find(claim)
                // (A claim's own day counts in its unit once it is known.)
                low[Int(r)] = min(low[Int(r)], day); high[Int(r)] = max(high[Int(r)], day)
            }
            let (ra, rb) = (find(link.a), find(link.b))
            guard ra != rb else { continue }
            let (spanLow, spanHigh) = (min(low[Int(ra)], low[Int(rb)]), max(high[Int(ra)], high[Int(rb)]))
            if spanLow != Int32.max, spanHigh - spanLow > Self.unitSpanDays { continue }
            let (root, child) = (min(ra, rb), max(ra, rb))
            parent[Int(child)] = root
            (low[Int(root)], high[Int(root)]) = (spanLow, spanHigh)
        }
        return (0..<count).map { find(Int32($0)) }
    }

    /// Two claims that state the same thing (a corroboration, a continuation).
    mutating func addSameStatement(_ a: Int, _ b: Int) {
        guard a != b, (0...largestID).contains(a), (0...largestID).contains(b) else { return }
        sameLinks.append((Int32(a), Int32(b)))
    }

    /// Two claims in conflict (a denial, a contradiction): never in one story.
    mutating func addConflict(_ a: Int, _ b: Int) {
        guard a != b, (0...largestID).contains(a), (0...largestID).contains(b) else { return }
        conflictLinks.append((Int32(a), Int32(b)))
    }

    /// Adjacency in compressed rows: the neighbours of `x` are `targets[offsets[x]..<offsets[x + 1]]`,
    /// sorted, without repeats.
    private struct Adjacency {
        var offsets: [Int32]
        var targets: [Int32]

        /// - Parameter directed: each link `(a, b)` is listed under `a` only.
        init(_ links: [(Int32, Int32)], count: Int, directed: Bool = false) {
            var degree = [Int32](repeating: 0, count: count + 1)
            for (a, b) in links { degree[Int(a)] += 1; if !directed { degree[Int(b)] += 1 } }
            offsets = [Int32](repeating: 0, count: count + 1)
            var running: Int32 = 0
            for x in 0..<count { offsets[x] = running; running += degree[x] }
            offsets[count] = running
            targets = [Int32](repeating: 0, count: Int(running))
            var fill = offsets
            for (a, b) in links {
                targets[Int(fill[Int(a)])] = b; fill[Int(a)] += 1
                if !directed { targets[Int(fill[Int(b)])] = a; fill[Int(b)] += 1 }
            }
            // Sorted and deduplicated per row (a pair may come as a corroboration and a continuation).
            var write: Int32 = 0
            for x in 0..<count {
                let (start, end) = (Int(offsets[x]), Int(offsets[x + 1]))
                offsets[x] = write
                guard start < end else { continue }
                targets[start..<end].sort()
                var previous: Int32 = -1
                for i in start..<end where targets[i] != previous {
                    previous = targets[i]
                    targets[Int(write)] = previous
                    write += 1
                }
            }
            offsets[count] = write
            targets.removeLast(targets.count - Int(write))
        }

        func neighbours(_ x: Int) -> ArraySlice<Int32> { targets[Int(offsets[x])..<Int(offsets[x + 1])] }
        func degree(_ x: Int) -> Int { Int(offsets[x + 1] - offsets[x]) }
    }

    /// The stories, in the order their centres were chosen, then the disputed claims and the
    /// continued statements that joined none.
    func groups() -> [Group] {
        let count = largestID + 1
        // Each claim's unit (its smallest claim), and the claims of each unit.
        let roots = unitRoots(count: count)
        let root: (Int32) -> Int32 = { roots[Int($0)] }
        let unitLinks = sameLinks.compactMap { (a, b) -> (Int32, Int32)? in
            let (ra, rb) = (root(a), root(b))
            return ra == rb ? nil : (ra, rb)
        }
        let unitConflicts = conflictLinks.compactMap { (a, b) -> (Int32, Int32)? in
            let (ra, rb) = (root(a), root(b))
            return ra == rb ? nil : (ra, rb)
        }
        var inUnit: [(Int32, Int32)] = []
        for x in 0..<count {
            let r = Int(root(Int32(x)))
            if r != x { inUnit.append((Int32(r), Int32(x))) }
        }
        let unitMembers = Adjacency(inUnit, count: count, directed: true)
        let same = Adjacency(unitLinks, count: count)
        let conflicts = Adjacency(unitConflicts, count: count)
        // Links of each claim, to choose the centre claim of a unit: the one stating what most others state.
        var claimDegree = [Int32](repeating: 0, count: count)
        for (a, b) in sameLinks { claimDegree[Int(a)] += 1; claimDegree[Int(b)] += 1 }
        func claims(ofUnit u: Int) -> [Int] { [u] + unitMembers.neighbours(u).map(Int.init) }
        func group(_ units: [Int]) -> Group {
            let members = units.flatMap(claims(ofUnit:)).sorted()
            let centre = claims(ofUnit: units[0]).max { (claimDegree[$0], -$0) < (claimDegree[$1], -$1) }!
            return Group(centre: centre, members: members)
        }
        // Story of each unit (-1: none yet), and how many of its links still go to ungrouped units.
        var storyOf = [Int32](repeating: -1, count: count)
        var open = [Int32](repeating: 0, count: count)
        var buckets: [[Int32]] = [[]]
        for x in 0..<count where same.degree(x) > 0 {
            let d = same.degree(x)
            open[x] = Int32(d)
            while buckets.count <= d { buckets.append([]) }
            buckets[d].append(Int32(x))
        }
        var groups: [Group] = []
        var level = buckets.count - 1
        var sortedLevel = -1
        while level > 0 {
            // A bucket is complete once the levels above it are done (degrees only fall): sorted then,
            // largest id first, so that popping from its end takes the smallest id of the ties.
            if sortedLevel != level { buckets[level].sort(by: >); sortedLevel = level }
            guard let candidate = buckets[level].popLast() else { level -= 1; continue }
            let x = Int(candidate)
            guard storyOf[x] < 0 else { continue }
            let current = Int(open[x])
            if current < level {
                // Fewer ungrouped links than when it was queued: queued again at its degree now.
                if current > 0 { buckets[current].append(candidate) }
                continue
            }
            let story = Int32(groups.count)
            storyOf[x] = story
            var members = [x]
            for n in same.neighbours(x) where storyOf[Int(n)] < 0 {
                // Not with a unit it conflicts with (the centre, or a member already in).
                if conflicts.neighbours(Int(n)).contains(where: { storyOf[Int($0)] == story }) { continue }
                storyOf[Int(n)] = story
                members.append(Int(n))
            }
            for member in members {
                for y in same.neighbours(member) where storyOf[Int(y)] < 0 { open[Int(y)] -= 1 }
            }
            groups.append(group(members))
        }
        // A disputed claim, or a statement continued over sentences, that joined no story is one of its own.
        for x in 0..<count where root(Int32(x)) == Int32(x) && storyOf[x] < 0 && (conflicts.degree(x) > 0 || unitMembers.degree(x) > 0) {
            storyOf[x] = Int32(groups.count)
            groups.append(group([x]))
        }
        return groups
    }
}

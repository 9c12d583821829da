/// Union–find over claim ids (path compression, the smaller id as root): near O(α) per operation.
///
/// Claim ids are dense row ids from 1, so parents live in an array indexed by id: a million claims
/// take 8 MB, where a dictionary took ~60 MB and the groups built from it as much again (peak RSS
/// of a 100,000-article ingest's story rebuild: 280 MB). Any other id (negative, or far beyond the
/// others) goes to a dictionary.
struct DisjointSets {
    /// parent + 1 of each id below `dense.count` (0: not seen).
    private var dense: [Int] = []
    private var sparse: [Int: Int] = [:]
    /// Ids above this many times the dense part's size (plus a margin) are kept sparse, so that
    /// one odd id cannot make the array huge.
    private static let growthLimit = 4

    /// - Parameter largestID: the largest id expected (ids from 0 to it are kept in the array).
    init(largestID: Int = 0) {
        dense = [Int](repeating: 0, count: max(0, largestID) + 1)
    }

    private func parent(_ x: Int) -> Int? {
        if x >= 0 && x < dense.count { return dense[x] == 0 ? nil : dense[x] - 1 }
        return sparse[x]
    }

    private mutating func setParent(_ x: Int, _ p: Int) {
        if x >= 0 && x < dense.count { dense[x] = p + 1; return }
        if x >= 0 && x < Self.growthLimit * dense.count + 1_000_000 {
            dense.append(contentsOf: repeatElement(0, count: max(x + 1 - dense.count, dense.count / 2)))
            dense[x] = p + 1
            return
        }
        sparse[x] = p
    }

    mutating func find(_ x: Int) -> Int {
        guard var root = parent(x) else {
            setParent(x, x)
            return x
        }
        var current = x
        while root != current { current = root; root = parent(current)! }
        var node = x
        while let p = parent(node), p != root { setParent(node, root); node = p }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { setParent(max(ra, rb), min(ra, rb)) }
    }

    /// Calls `body` with each group of at least `minimumSize` members, sorted, in the order of their
    /// smallest id (the root). Only one group is in memory at a time beyond the id → root table.
    mutating func forEachGroup(minimumSize: Int, _ body: ([Int]) throws -> Void) rethrows {
        var ids: [Int] = []
        for x in dense.indices where dense[x] != 0 { ids.append(x) }
        ids += sparse.keys
        // (Every id's root, then the ids ordered by (root, id): groups become runs.)
        var rooted = ids.map { (root: find($0), id: $0) }
        ids = []
        rooted.sort { ($0.root, $0.id) < ($1.root, $1.id) }
        var start = 0
        while start < rooted.count {
            var end = start + 1
            while end < rooted.count && rooted[end].root == rooted[start].root { end += 1 }
            if end - start >= minimumSize { try body(rooted[start..<end].map(\.id)) }
            start = end
        }
    }

    /// The groups of at least `minimumSize` members, each sorted, ordered by their smallest id.
    mutating func groups(minimumSize: Int) -> [[Int]] {
        var result: [[Int]] = []
        forEachGroup(minimumSize: minimumSize) { result.append($0) }
        return result
    }
}

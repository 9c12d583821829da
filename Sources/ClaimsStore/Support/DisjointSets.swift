/// Union–find over integer ids (path compression, the smaller id as root), for grouping claims
/// into stories: near O(α) per operation.
struct DisjointSets {
    private var parent: [Int: Int] = [:]

    /// Every id seen so far.
    var members: Dictionary<Int, Int>.Keys { parent.keys }

    mutating func find(_ x: Int) -> Int {
        if parent[x] == nil { parent[x] = x }
        var root = x
        while let p = parent[root], p != root { root = p }
        var node = x
        while let p = parent[node], p != root { parent[node] = root; node = p }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    /// The groups of at least `minimumSize` members, each sorted, ordered by their smallest id.
    mutating func groups(minimumSize: Int) -> [[Int]] {
        var byRoot: [Int: [Int]] = [:]
        for id in Array(parent.keys) { byRoot[find(id), default: []].append(id) }
        return byRoot.values.filter { $0.count >= minimumSize }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}

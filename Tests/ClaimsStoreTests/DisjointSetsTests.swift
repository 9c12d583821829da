import XCTest
@testable import ClaimsStore

final class DisjointSetsTests: XCTestCase {
    /// The groups equal those of a plain reference (merging sets), for random unions over dense
    /// ids, ids past the preallocated range, far-off and negative ids (kept apart from the array).
    func testGroupsMatchAReferenceOnRandomUnions() {
        var random = SplitMix64(seed: 20241207)
        let ids = Array(1...400) + [5_000, 123_456_789, -3, 0]
        for round in 0..<20 {
            var sets = DisjointSets(largestID: round % 2 == 0 ? 400 : 0)
            var reference: [Set<Int>] = []
            for _ in 0..<150 {
                let a = ids[Int(random.next() % UInt64(ids.count))], b = ids[Int(random.next() % UInt64(ids.count))]
                sets.union(a, b)
                let ia = reference.firstIndex { $0.contains(a) }, ib = reference.firstIndex { $0.contains(b) }
                switch (ia, ib) {
                case let (x?, y?) where x != y:
                    reference[x].formUnion(reference[y])
                    reference.remove(at: y)
                case (nil, nil): reference.append([a, b])
                case (let x?, nil): reference[x].insert(b)
                case (nil, let y?): reference[y].insert(a)
                default: break
                }
            }
            let expected = reference.filter { $0.count >= 2 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
            XCTAssertEqual(sets.groups(minimumSize: 2), expected, "round \(round)")
            // The root is the smallest id of its group.
            for group in expected { for id in group { XCTAssertEqual(sets.find(id), group[0]) } }
        }
    }

    func testUnseenIdIsItsOwnGroup() {
        var sets = DisjointSets(largestID: 10)
        XCTAssertEqual(sets.find(7), 7)
        XCTAssertEqual(sets.groups(minimumSize: 1), [[7]])
        XCTAssertEqual(sets.groups(minimumSize: 2), [])
    }
}

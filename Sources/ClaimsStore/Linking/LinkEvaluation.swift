import Foundation

/// How ingest links labelled article pairs: each pair's two items are ingested, first a then b,
/// into a fresh in-memory database (extraction, conflict detection and stories as `claims ingest`
/// runs them), and the strongest link stored between the two articles is read back.
public struct LinkEvaluation: Sendable {
    public struct Outcome: Sendable {
        public let pair: LinkPairSet.Pair
        public let found: ArticleLink
        public var correct: Bool { found == pair.link }
    }

    public let outcomes: [Outcome]

    public init(_ set: LinkPairSet) throws {
        var outcomes: [Outcome] = []
        for pair in set.pairs {
            let database = try ClaimsDatabase(path: ":memory:")
            let ingester = try Ingester(database: database)
            let report = try ingester.ingest(drafts: [set.draft(pair.a), set.draft(pair.b)])
            guard report.inserted.count == 2 else {
                throw ClaimsError.invalidArgument("pair \(pair.id): \(report.inserted.count) of 2 items stored (\(report.failures.map(\.reason)))")
            }
            outcomes.append(Outcome(pair: pair, found: try ArticleLink.between(report.inserted[0], report.inserted[1], in: database)))
        }
        self.outcomes = outcomes
    }

    /// Precision and recall of the pairs linked by `link`, with the counts behind them.
    public func precisionRecall(_ link: ArticleLink) -> (precision: Double, recall: Double, correct: Int, found: Int, gold: Int) {
        let found = outcomes.filter { $0.found == link }.count
        let gold = outcomes.filter { $0.pair.link == link }.count
        let correct = outcomes.filter { $0.found == link && $0.pair.link == link }.count
        return (found == 0 ? 0 : Double(correct) / Double(found), gold == 0 ? 0 : Double(correct) / Double(gold), correct, found, gold)
    }

    /// Pairs about two different events that any link (conflict or corroboration) joins.
    public var linksAcrossEvents: Int { outcomes.filter { !$0.pair.sameEvent && $0.found != .none }.count }

    /// Share of the pairs of one kind whose link is the expected one.
    public func accuracy(kind: String) -> (accuracy: Double, correct: Int, total: Int) {
        let ofKind = outcomes.filter { $0.pair.kind == kind }
        let correct = ofKind.filter(\.correct).count
        return (ofKind.isEmpty ? 0 : Double(correct) / Double(ofKind.count), correct, ofKind.count)
    }

    public var kinds: [String] {
        var seen: [String] = []
        for outcome in outcomes where !seen.contains(outcome.pair.kind) { seen.append(outcome.pair.kind) }
        return seen
    }

    public var report: String {
        var lines = ["\(outcomes.count) pairs"]
        for link in [ArticleLink.denial, .contradiction, .same] {
            let figures = precisionRecall(link)
            lines.append(link.rawValue + String(format: " links: precision %.3f (%d/%d), recall %.3f (%d/%d)", figures.precision,
                                figures.correct, figures.found, figures.recall, figures.correct, figures.gold))
        }
        lines.append("links across events: \(linksAcrossEvents) (of \(outcomes.filter { !$0.pair.sameEvent }.count) pairs about two events)")
        let overall = outcomes.filter(\.correct).count
        lines.append(String(format: "accuracy: %.3f (%d/%d)", Double(overall) / Double(max(outcomes.count, 1)), overall, outcomes.count))
        for kind in kinds {
            let figures = accuracy(kind: kind)
            lines.append("  " + kind.padding(toLength: 14, withPad: " ", startingAt: 0) + String(format: " %.3f (%d/%d)", figures.accuracy, figures.correct, figures.total))
        }
        return lines.joined(separator: "\n")
    }

    /// One line per pair linked otherwise than labelled.
    public var misses: [String] {
        outcomes.filter { !$0.correct }.map { "\($0.pair.id): expected \($0.pair.link.rawValue), found \($0.found.rawValue)" }
    }
}

import Foundation
/// The learned pair decision: reads two statements, computes their named features and lets the
/// model (`Data/stance_model.tsv`, trained on ANS) decide agree / disagree / other, naming the
/// features that weighed most. `compare` and `check` use it.
public struct PairDecision: Sendable {
    public struct Outcome: Sendable {
        public let label: StanceLabel
        /// The model's probability of the decided label.
        public let probability: Double
        public let features: PairFeatures
        /// The features that weighed most for the decided label (name, value, contribution), largest first.
        public let reasons: [(name: String, value: Double, contribution: Double)]
    }

    let model: StanceModel
    let tables: StanceTables
    let reader: StatementReader
    let roots: RootAnalyzer
    let comparer: ClaimComparer

    public init(model: StanceModel = .builtIn, tables: StanceTables = .builtIn, reader: StatementReader = StatementReader(),
                comparer: ClaimComparer = ClaimComparer()) {
        self.model = model
        self.tables = tables
        self.reader = reader
        self.roots = RootAnalyzer()
        self.comparer = comparer
    }

    public func analyse(_ text: String) -> StatementAnalysis {
        StatementAnalysis(text, reader: reader, roots: roots)
    }

    public func decide(_ a: String, _ b: String) -> Outcome {
        decide(analyse(a), analyse(b))
    }

    public func decide(_ a: StatementAnalysis, _ b: StatementAnalysis) -> Outcome {
        let features = PairFeatures(a, b, tables: tables, comparer: comparer)
        let label = model.decide(features)
        let probabilities = model.probabilities(features)
        // (Features present in the pair: the absence of something is no reason to name.)
        let reasons = model.contributions(features, to: label).filter { $0.contribution > 0 && $0.value != 0 }.prefix(4)
        return Outcome(label: label, probability: probabilities[StanceLabel.allCases.firstIndex(of: label)!], features: features, reasons: Array(reasons))
    }
}

extension PairDecision.Outcome {
    /// The reasons as JSON, `[{name, value, contribution}]` (rounded to hundredths), for `compare` and `show conflict`.
    public var reasonsJSON: JSONValue {
        .array(reasons.map { reason in
            .object([("name", .string(reason.name)), ("value", .double((reason.value * 100).rounded() / 100)),
                     ("contribution", .double((reason.contribution * 100).rounded() / 100))])
        })
    }

    /// The reasons as text, one indented `name = value  +contribution` line each.
    public var reasonLines: String {
        reasons.map { "  \($0.name) = " + String(format: "%.2f", $0.value) + "  +" + String(format: "%.2f", $0.contribution) + "\n" }.joined()
    }
}

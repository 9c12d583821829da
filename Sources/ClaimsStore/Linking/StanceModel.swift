import Foundation

/// The relation the pair decision tells apart, as the ANS corpus labels it.
public enum StanceLabel: String, Sendable, CaseIterable {
    case agree, disagree, other
}

/// A multinomial logistic regression over the named pair features: one weight per feature and
/// label, a bias per label, and an offset per label tuned on the dev split (the decision is the
/// label of the highest biased score plus offset). Kept in `Data/stance_model.tsv`.
public struct StanceModel: Sendable {
    public var weights: [[Double]]   // [label][feature]
    public var bias: [Double]
    public var offsets: [Double]
    /// Feature means and spreads over the training pairs: features are standardised before weighing.
    public var means: [Double]
    public var scales: [Double]

    public init(features: Int) {
        weights = Array(repeating: Array(repeating: 0, count: features), count: StanceLabel.allCases.count)
        bias = Array(repeating: 0, count: StanceLabel.allCases.count)
        offsets = bias
        means = Array(repeating: 0, count: features)
        scales = Array(repeating: 1, count: features)
    }

    func standardised(_ x: [Double]) -> [Double] {
        x.indices.map { (x[$0] - means[$0]) / scales[$0] }
    }

    /// Scores per label (before offsets) for standardised features.
    func scores(standardised x: [Double]) -> [Double] {
        weights.indices.map { c in zip(weights[c], x).reduce(bias[c]) { $0 + $1.0 * $1.1 } }
    }

    /// Probabilities per label.
    public func probabilities(_ features: PairFeatures) -> [Double] {
        Self.softmax(scores(standardised: standardised(features.values)))
    }

    /// The decided label: the best score once the tuned offsets are added.
    public func decide(_ features: PairFeatures) -> StanceLabel {
        let s = scores(standardised: standardised(features.values))
        let best = s.indices.max { s[$0] + offsets[$0] < s[$1] + offsets[$1] }!
        return StanceLabel.allCases[best]
    }

    /// What each feature added to `label`'s score over the mean of the labels' scores, largest first.
    public func contributions(_ features: PairFeatures, to label: StanceLabel) -> [(name: String, value: Double, contribution: Double)] {
        let x = standardised(features.values)
        let c = StanceLabel.allCases.firstIndex(of: label)!
        let n = Double(weights.count)
        return PairFeatures.names.indices.map { i in
            let mean = weights.reduce(0) { $0 + $1[i] } / n
            return (PairFeatures.names[i], features.values[i], (weights[c][i] - mean) * x[i])
        }.sorted { $0.contribution > $1.contribution }
    }

    static func softmax(_ s: [Double]) -> [Double] {
        let top = s.max() ?? 0
        let e = s.map { exp($0 - top) }
        let sum = e.reduce(0, +)
        return e.map { $0 / sum }
    }

    // MARK: data file

    public static let builtIn: StanceModel = StanceModel(tsv: EmbeddedResources.all["Data/stance_model.tsv"] ?? "")

    /// Reads `Data/stance_model.tsv`; features it does not name weigh nothing.
    public init(tsv: String) {
        self.init(features: PairFeatures.names.count)
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            let numbers = fields.dropFirst().compactMap(Double.init)
            guard fields.count == 6, numbers.count == 5 else { continue }
            switch fields[0] {
            case "(bias)": bias = Array(numbers[0..<3])
            case "(offset)": offsets = Array(numbers[0..<3])
            default:
                guard let i = PairFeatures.names.firstIndex(of: fields[0]) else { continue }
                for c in 0..<3 { weights[c][i] = numbers[c] }
                means[i] = numbers[3]
                scales[i] = numbers[4]
            }
        }
    }

    /// `Data/stance_model.tsv`: feature, weight for agree, disagree, other, mean, scale.
    public func tsv(header: [String]) -> String {
        func f(_ v: Double) -> String { String(format: "%.6f", v) }
        var lines = header.map { "# " + $0 }
        lines.append("# feature\tagree\tdisagree\tother\tmean\tscale (features are standardised: (x - mean) / scale)")
        lines.append("(bias)\t" + bias.map(f).joined(separator: "\t") + "\t0\t1")
        lines.append("(offset)\t" + offsets.map(f).joined(separator: "\t") + "\t0\t1")
        for (i, name) in PairFeatures.names.enumerated() {
            lines.append(name + "\t" + weights.map { f($0[i]) }.joined(separator: "\t") + "\t" + f(means[i]) + "\t" + f(scales[i]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

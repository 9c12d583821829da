import Foundation

/// Trains the pair decision: mines the tables from the train split, fits the logistic regression
/// (full-batch gradient descent from zero weights: deterministic, no random state) and tunes the
/// per-label offsets on the dev split for the macro-F1 over agree and disagree.
public struct StanceTrainer {
    public var iterations = 1500
    public var learningRate = 1.0
    public var l2 = 0.001
    let reader = StatementReader()
    let roots = RootAnalyzer()
    let comparer = ClaimComparer()

    public init() {}

    public func analyse(_ pairs: [LabelledPair]) -> [(StatementAnalysis, StatementAnalysis)] {
        var cache: [String: StatementAnalysis] = [:]
        func analysis(_ text: String) -> StatementAnalysis {
            if let known = cache[text] { return known }
            let made = StatementAnalysis(text, reader: reader, roots: roots)
            cache[text] = made
            return made
        }
        return pairs.map { (analysis($0.first), analysis($0.second)) }
    }

    /// Document frequencies and difference counts of the training pairs.
    public func mineTables(_ pairs: [LabelledPair], _ analyses: [(StatementAnalysis, StatementAnalysis)]) -> StanceTables {
        var tables = StanceTables()
        var seen = Set<String>()
        for (a, b) in analyses {
            for s in [a, b] where seen.insert(s.text).inserted {
                tables.documents += 1
                for key in s.keys { tables.documentFrequency[key, default: 0] += 1 }
            }
        }
        for (pair, (a, b)) in zip(pairs, analyses) where pair.label != .other {
            let differences = StanceTables.differences(onlyA: a.keys.subtracting(b.keys), onlyB: b.keys.subtracting(a.keys))
            for word in differences.words {
                if pair.label == .disagree { tables.words[word, default: .init()].disagree += 1 } else { tables.words[word, default: .init()].agree += 1 }
            }
            for key in differences.pairs {
                if pair.label == .disagree { tables.pairs[key, default: .init()].disagree += 1 } else { tables.pairs[key, default: .init()].agree += 1 }
            }
        }
        return tables
    }

    /// Keeps the differences the data file keeps (seen at least twice), so that training sees the
    /// tables the binary will carry.
    public func pruned(_ tables: StanceTables) -> StanceTables {
        var result = StanceTables()
        result.read(idf: tables.idfFile(), differences: tables.differencesFile())
        return result
    }

    public func fit(_ features: [PairFeatures], labels: [StanceLabel]) -> StanceModel {
        let n = PairFeatures.names.count, k = StanceLabel.allCases.count
        var model = StanceModel(features: n)
        for i in 0..<n {
            let column = features.map { $0.values[i] }
            let mean = column.reduce(0, +) / Double(column.count)
            let variance = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(column.count)
            model.means[i] = mean
            model.scales[i] = variance > 1e-12 ? variance.squareRoot() : 1
        }
        // Flat arrays and one pass per iteration (fast enough in a debug build).
        let xs = features.flatMap { model.standardised($0.values) }
        let ys = labels.map { StanceLabel.allCases.firstIndex(of: $0)! }
        let m = Double(ys.count)
        var w = Array(repeating: 0.0, count: k * n), b = Array(repeating: 0.0, count: k)
        var gradW = w, gradB = b, scores = b
        xs.withUnsafeBufferPointer { x in
            for _ in 0..<iterations {
                for j in gradW.indices { gradW[j] = 0 }
                for c in 0..<k { gradB[c] = 0 }
                for r in 0..<ys.count {
                    let row = r * n
                    var top = -Double.infinity
                    for c in 0..<k {
                        var s = b[c]
                        for i in 0..<n { s += w[c * n + i] * x[row + i] }
                        scores[c] = s
                        top = max(top, s)
                    }
                    var sum = 0.0
                    for c in 0..<k { scores[c] = exp(scores[c] - top); sum += scores[c] }
                    for c in 0..<k {
                        let error = scores[c] / sum - (c == ys[r] ? 1 : 0)
                        gradB[c] += error
                        for i in 0..<n { gradW[c * n + i] += error * x[row + i] }
                    }
                }
                for c in 0..<k { b[c] -= learningRate * gradB[c] / m }
                for j in w.indices { w[j] -= learningRate * (gradW[j] / m + l2 * w[j]) }
            }
        }
        model.bias = b
        model.weights = (0..<k).map { c in Array(w[(c * n)..<((c + 1) * n)]) }
        return model
    }

    /// Chooses the offsets of agree and other (disagree's stays 0) that give the best macro-F1 over
    /// agree and disagree on `features`.
    public func tuneOffsets(_ model: inout StanceModel, _ features: [PairFeatures], labels: [StanceLabel]) {
        let scores = features.map { model.scores(standardised: model.standardised($0.values)) }
        var best = (f1: -1.0, agree: 0.0, other: 0.0)
        for agreeStep in -30...30 {
            for otherStep in -16...16 {
                let offsets = [Double(agreeStep) * 0.05, 0, Double(otherStep) * 0.25]
                let predicted = scores.map { s in StanceLabel.allCases[s.indices.max { s[$0] + offsets[$0] < s[$1] + offsets[$1] }!] }
                let f1 = StanceEvaluation(predicted: predicted, gold: labels).macroF1AgreeDisagree
                if f1 > best.f1 + 1e-9 { best = (f1, offsets[0], offsets[2]) }
            }
        }
        model.offsets = [best.agree, 0, best.other]
    }
}

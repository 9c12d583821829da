import Foundation

/// Figures of a decision against gold labels: confusion, per-label precision / recall / F1.
public struct StanceEvaluation: Sendable {
    /// confusion[gold][predicted], in `StanceLabel.allCases` order.
    public var confusion: [[Int]]

    public init(predicted: [StanceLabel], gold: [StanceLabel]) {
        confusion = Array(repeating: Array(repeating: 0, count: 3), count: 3)
        for (p, g) in zip(predicted, gold) {
            confusion[StanceLabel.allCases.firstIndex(of: g)!][StanceLabel.allCases.firstIndex(of: p)!] += 1
        }
    }

    public func precision(_ label: StanceLabel) -> Double {
        let c = StanceLabel.allCases.firstIndex(of: label)!
        let predicted = confusion.reduce(0) { $0 + $1[c] }
        return predicted == 0 ? 0 : Double(confusion[c][c]) / Double(predicted)
    }

    public func recall(_ label: StanceLabel) -> Double {
        let c = StanceLabel.allCases.firstIndex(of: label)!
        let gold = confusion[c].reduce(0, +)
        return gold == 0 ? 0 : Double(confusion[c][c]) / Double(gold)
    }

    public func f1(_ label: StanceLabel) -> Double {
        let p = precision(label), r = recall(label)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    public var macroF1AgreeDisagree: Double { (f1(.agree) + f1(.disagree)) / 2 }
    public var macroF1: Double { StanceLabel.allCases.reduce(0) { $0 + f1($1) } / 3 }
    public var accuracy: Double {
        let total = confusion.reduce(0) { $0 + $1.reduce(0, +) }
        return total == 0 ? 0 : Double((0..<3).reduce(0) { $0 + confusion[$1][$1] }) / Double(total)
    }

    public var report: String {
        var lines = [String(format: "macro-F1 (agree, disagree): %.3f   macro-F1 (3 labels): %.3f   accuracy: %.3f", macroF1AgreeDisagree, macroF1, accuracy)]
        for label in StanceLabel.allCases {
            lines.append("  " + label.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                         + String(format: " P %.3f  R %.3f  F1 %.3f", precision(label), recall(label), f1(label)))
        }
        lines.append("  confusion (rows gold, columns predicted: agree disagree other)")
        for (i, label) in StanceLabel.allCases.enumerated() {
            lines.append("  " + label.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + confusion[i].map { String(format: "%6d", $0) }.joined())
        }
        return lines.joined(separator: "\n")
    }
}

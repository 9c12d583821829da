import Foundation

/// A labelled pair of statements (ANS: `s1,s2,stance`).
public struct LabelledPair: Sendable {
    public let first: String
    public let second: String
    public let label: StanceLabel

    /// Reads an ANS CSV split (a header line, then `s1,s2,stance`; the corpus quotes no field).
    public static func readANS(_ text: String) -> [LabelledPair] {
        text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 3, let label = StanceLabel(rawValue: fields.last!.trimmingCharacters(in: .whitespaces)) else { return nil }
            return LabelledPair(first: fields[0..<(fields.count - 2)].joined(separator: ","), second: String(fields[fields.count - 2]), label: label)
        }
    }
}

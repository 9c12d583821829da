/// A normalised word or name as a set member: hashed and compared by its UTF-8 bytes.
///
/// Swift's `String` hashes and compares by canonical equivalence, checking the normalisation of
/// every non-ASCII scalar each time; Arabic words here are already normalised, so their bytes
/// identify them. The hash is computed once, when the word is made: a proposition's words are
/// compared with those of a hundred candidates. (Profile of conflict detection before: a quarter
/// of its time in String's normalisation checks.)
///
/// Order is the byte order of UTF-8, which is the order of Unicode scalars, the order `String`
/// sorts normalised text in: explanations list words as before.
public struct Word: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let text: String
    /// FNV-1a of the UTF-8 bytes.
    private let key: UInt64

    public init(_ text: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        self.text = text
        self.key = hash
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public var description: String { text }

    public static func == (a: Word, b: Word) -> Bool {
        a.key == b.key && a.text.utf8.elementsEqual(b.text.utf8)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(key)
    }

    public static func < (a: Word, b: Word) -> Bool {
        a.text.utf8.lexicographicallyPrecedes(b.text.utf8)
    }
}

extension Sequence where Element == Word {
    /// The words in order, joined (for explanations).
    func sortedText(separator: String = "، ") -> String {
        sorted().map(\.text).joined(separator: separator)
    }

    var texts: [String] { map(\.text) }
}

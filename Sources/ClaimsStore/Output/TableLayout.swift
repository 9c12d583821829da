/// Column widths of a table fitted to a terminal. When the natural widths do not fit, the longest
/// text column (the one to read: content, title, snippet) is wrapped onto several lines; the other
/// text columns are cut with `…`, widest first, so that it keeps a readable width. Id and number
/// columns are never narrowed, nor is a column below its header or `minimumWidth`.
public struct TableLayout: Equatable, Sendable {
    public var widths: [Int]
    /// The column whose cells wrap onto several lines (nil: every cell fits on one line).
    public var wrappedColumn: Int?

    /// Columns between two cells: 2, or 1 when the table would not fit otherwise.
    public var gap = Self.defaultGap
    public static let defaultGap = 2
    public static let minimumWidth = 8
    /// The width the wrapped column keeps before the others are cut further.
    public static let readableWidth = 30
    /// The width the wrapped column keeps before the others are cut to their headers' width.
    public static let narrowWidth = 12

    /// - Parameters:
    ///   - natural: the widest cell of each column (header included).
    ///   - headers: the column names.
    ///   - shrinkable: which columns may be narrowed (text, not ids, numbers or dates).
    ///   - available: the terminal's width, or nil to keep the natural widths.
    public init(natural: [Int], headers: [String], shrinkable: [Bool], available: Int?) {
        widths = natural
        guard let available, Self.total(natural) > available,
              let main = natural.indices.filter({ shrinkable[$0] }).max(by: { natural[$0] < natural[$1] }) else { return }
        // Other text columns are cut, widest first: down to `minimumWidth` (or their header), then,
        // when that is not enough, down to their header's width.
        widths[main] = min(natural[main], Self.readableWidth)
        var excess = Self.total(widths) - available
        // Between the two, the wrapped column gives up to `narrowWidth`.
        let mainFloor = min(natural[main], max(DisplayWidth.of(headers[main]), Self.minimumWidth))
        for (level, floors) in [natural.indices.map { min(natural[$0], max(DisplayWidth.of(headers[$0]), Self.minimumWidth)) },
                                natural.indices.map { min(natural[$0], max(DisplayWidth.of(headers[$0]), 3)) }].enumerated() {
            if level == 1 {
                let given = min(excess, max(0, widths[main] - max(mainFloor, Self.narrowWidth)))
                widths[main] -= given
                excess -= given
            }
            while excess > 0 {
                let candidates = widths.indices.filter { $0 != main && shrinkable[$0] && widths[$0] > floors[$0] }
                guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
                excess -= 1
            }
        }
        // The wrapped column takes what is left, never less than its header (the table then overflows).
        widths[main] = min(natural[main], max(mainFloor, widths[main] - max(0, excess)))
        // Last resort (many narrow columns with long headers): one space between columns.
        if Self.total(widths) > available {
            gap = 1
            widths[main] = min(natural[main], max(mainFloor, widths[main] + available - Self.total(widths, gap: 1)))
        }
        if widths[main] < natural[main] { wrappedColumn = main }
    }

    public static func total(_ widths: [Int], gap: Int = defaultGap) -> Int {
        widths.reduce(0, +) + gap * max(0, widths.count - 1)
    }

    /// `text` broken into lines of at most `width` columns, at spaces where possible.
    public static func wrap(_ text: String, to width: Int) -> [String] {
        guard DisplayWidth.of(text) > width, width > 0 else { return [text] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(candidate) <= width { line = candidate; continue }
            if !line.isEmpty { lines.append(line) }
            line = word
            // A word longer than the column is split between letters (a letter keeps its marks).
            while DisplayWidth.of(line) > width {
                var head = ""
                for character in line {
                    if DisplayWidth.of(head + String(character)) > width { break }
                    head.append(character)
                }
                if head.isEmpty { break }
                lines.append(head)
                line = String(line.dropFirst(head.count))
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }
}

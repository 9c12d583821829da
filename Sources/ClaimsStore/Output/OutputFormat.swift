import Foundation

/// How listing commands print their records.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, jsonl, csv
}

/// Renders records (JSON objects with ordered keys) as a table, a JSON array, JSON Lines or CSV.
public struct RecordRenderer {
    public var format: OutputFormat
    /// Widest a table cell may be, in terminal columns, when the terminal's width is not known;
    /// longer text is cut with an ellipsis (`Int.max`: never cut).
    public var maxCellWidth: Int
    /// The terminal's width: the table is fitted to it by cutting its widest text columns (nil: not fitted).
    public var terminalWidth: Int?
    /// Bold table header (only for a terminal that wants colour).
    public var styled = false

    public init(format: OutputFormat, maxCellWidth: Int = 60) {
        self.format = format
        self.maxCellWidth = maxCellWidth
    }

    /// The whole output for `records` with the given column order (used for the table header and CSV).
    public func render(_ records: [JSONValue], columns: [String]) -> String {
        switch format {
        case .json:
            return "[" + records.map { "\n  " + $0.jsonText }.joined(separator: ",") + (records.isEmpty ? "]\n" : "\n]\n")
        case .jsonl:
            return records.map { $0.jsonText + "\n" }.joined()
        case .csv:
            var out = columns.map(Self.csvField).joined(separator: ",") + "\r\n"
            for record in records {
                out += columns.map { Self.csvField(record[$0]?.plainText ?? "") }.joined(separator: ",") + "\r\n"
            }
            return out
        case .table:
            return table(records, columns: columns)
        }
    }

    static func csvField(_ text: String) -> String {
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    private func table(_ records: [JSONValue], columns: [String]) -> String {
        let cells: [[String]] = records.map { record in
            columns.map { column in
                let text = (record[column]?.plainText ?? "").split(whereSeparator: \.isNewline).joined(separator: " ")
                return DisplayWidth.truncate(text, to: terminalWidth == nil ? maxCellWidth : Int.max)
            }
        }
        var natural = columns.map { DisplayWidth.of($0) }
        for row in cells {
            for (i, cell) in row.enumerated() { natural[i] = max(natural[i], DisplayWidth.of(cell)) }
        }
        // Ids, numbers, dates and short ASCII values (stance, type, origin) are never cut.
        let shrinkable = columns.indices.map { i in
            !Self.isIdentifier(columns[i]) && !cells.allSatisfy { Self.isNumberOrDate($0[i]) }
                && !(natural[i] <= 12 && cells.allSatisfy { $0[i].allSatisfy(\.isASCII) })
        }
        let layout = TableLayout(natural: natural, headers: columns, shrinkable: shrinkable, available: terminalWidth)
        let widths = layout.widths
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                let fitted = DisplayWidth.truncate(cell, to: widths[i])
                // Isolated, so that a bidi terminal keeps each cell in its column; padded outside the isolate.
                out += BidiIsolation.isolate(fitted)
                if i < cells.count - 1 {
                    out += String(repeating: " ", count: max(0, widths[i] - DisplayWidth.of(fitted)) + layout.gap)
                }
            }
            // Trailing blanks of empty last cells are dropped.
            while out.hasSuffix(" ") { out.removeLast() }
            return out
        }
        var out = (styled ? "\u{1B}[1m" + line(columns) + "\u{1B}[0m" : line(columns)) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: layout.gap)) + "\n"
        for row in cells {
            guard let wrapped = layout.wrappedColumn else { out += line(row) + "\n"; continue }
            // The wrapped column's lines, the other cells on the first line only.
            for (n, part) in TableLayout.wrap(row[wrapped], to: widths[wrapped]).enumerated() {
                var cellsOfLine = n == 0 ? row : Array(repeating: "", count: row.count)
                cellsOfLine[wrapped] = part
                out += line(cellsOfLine) + "\n"
            }
        }
        return out
    }

    /// Id columns are never cut (`id`, `article_id`, `claim_id` …).
    static func isIdentifier(_ column: String) -> Bool {
        column == "id" || column.hasSuffix("_id")
    }

    /// Numbers and dates (`2024-12-07`, `2024-12-06T23:47`) are never cut.
    static func isNumberOrDate(_ cell: String) -> Bool {
        cell.isEmpty || Double(cell) != nil || cell.allSatisfy { $0.isASCII && ($0.isNumber || "-:T".contains($0)) }
    }
}

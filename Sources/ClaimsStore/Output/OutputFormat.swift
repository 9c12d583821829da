import Foundation

/// How listing commands print their records.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, jsonl, csv
}

/// Renders records (JSON objects with ordered keys) as a table, a JSON array, JSON Lines or CSV.
public struct RecordRenderer {
    public var format: OutputFormat
    /// Widest a table cell may be, in terminal columns; longer text is cut with an ellipsis.
    public var maxCellWidth: Int
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
        let rows: [[String]] = records.map { record in
            columns.map { column in
                let text = (record[column]?.plainText ?? "")
                    .split(whereSeparator: \.isNewline).joined(separator: " ")
                return DisplayWidth.truncate(text, to: maxCellWidth)
            }
        }
        var widths = columns.map { DisplayWidth.of($0) }
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let isLast = i == cells.count - 1
                parts.append(isLast ? cell : DisplayWidth.pad(cell, to: widths[i]))
            }
            return parts.joined(separator: "  ")
        }
        var out = (styled ? "\u{1B}[1m" + line(columns) + "\u{1B}[0m" : line(columns)) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }
}


/// Reads a CSV table of articles, as `sqlite-utils insert --csv` would: the header names the
/// columns (`title`, `body` or `text`, `url`, `outlet`, `published` or `date`, `author`, `kind`;
/// others go to `extra`), each row one article (`file:LINE`). A table without a `body` or `text`
/// column (a `claims export --what claims --format csv`, a spreadsheet of figures) is refused
/// whole, with its columns named — never stored as one article.
public enum CSVArticleReader {
    public static func read(_ bytes: [UInt8], name: String, _ handle: (InputReader.Event) throws -> Void) throws {
        let decoded = try TextDecoder.decode(bytes)
        if decoded.encoding != .utf8 && decoded.encoding != .utf8BOM {
            try handle(.note(InputProblem(location: name, reason: "transcoded from \(decoded.encoding.rawValue)")))
        }
        var rows = try records(decoded.text, name: name)
        guard !rows.isEmpty else { throw InputProblem(location: name, reason: "empty file") }
        let header = rows.removeFirst().fields.map { $0.trimmingWhitespace().lowercased() }
        guard header.contains("body") || header.contains("text") else {
            throw InputProblem(location: name, reason: "a CSV table without a \"body\" or \"text\" column is not articles "
                + "(columns: \(header.prefix(8).joined(separator: ", "))\(header.count > 8 ? ", …" : ""))")
        }
        if rows.isEmpty { throw InputProblem(location: name, reason: "a CSV table with a header and no rows") }
        for row in rows {
            let location = "\(name):\(row.line)"
            guard row.fields.count == header.count else {
                try handle(.problem(InputProblem(location: location, reason: "\(row.fields.count) fields, the header has \(header.count)")))
                continue
            }
            let object = JSONValue.object(zip(header, row.fields).map { key, value in
                (key, value.isEmpty ? .null : (key == "title_derived" ? .bool(value == "1" || value == "true") : .string(value)))
            })
            do { try handle(.article(try JSONArticleMapper.draft(from: object, source: location))) }
            catch let error as IngestError { try handle(.problem(InputProblem(location: location, reason: error.description))) }
        }
    }

    /// RFC 4180 records: fields separated by commas, quoted with `"` (doubled inside), records by
    /// CRLF or LF; a quoted field may hold newlines. Each with the line it starts on.
    static func records(_ text: String, name: String) throws -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var atFieldStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []; field = ""; atFieldStart = true
        }
        while let scalar = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart: quoted = true; atFieldStart = false
            case ",": fields.append(field); field = ""; atFieldStart = true
            case "\r": continue
            case "\n": endRecord(); line += 1; recordLine = line
            default: field.unicodeScalars.append(scalar); atFieldStart = false
            }
        }
        if quoted { throw InputProblem(location: "\(name):\(recordLine)", reason: "a quoted CSV field opened and not closed") }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}

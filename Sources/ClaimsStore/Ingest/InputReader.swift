import Foundation

/// Reads articles from one input: a plain-text article (`.txt`, `.md`), JSON Lines (`.jsonl`,
/// or `.json` holding one object per line), a JSON array or object (`.json`), or standard input
/// (sniffed: `{` or `[` first means JSON). Each article or problem is handed to a callback as it is
/// read, so large inputs stream.
public struct InputReader: Sendable {
    public struct Options: Sendable {
        /// Largest article: a file (or standard input) read as one plain-text/JSON document, and a
        /// JSON line (of a file or of standard input).
        public var maxBytes: Int = 50 * 1024 * 1024
        /// Metadata for plain-text articles of this call (`--outlet`, `--url`, `--published`).
        public var outlet: String?
        public var url: String?
        public var published: String?
        /// Longest time one web address may take to fetch (`--timeout`).
        public var fetchTimeoutSeconds = 30
        public init() {}
    }

    /// What reading produced: an article, or a problem at a location.
    public enum Event {
        case article(ArticleDraft)
        case problem(InputProblem)
        /// A note for the summary (e.g. transcoded from Windows-1256).
        case note(InputProblem)
    }

    public let options: Options
    public init(options: Options = Options()) { self.options = options }

    public func read(_ item: InputItem, _ handle: (Event) throws -> Void) throws {
        let name = item.displayName
        let fd: Int32
        switch item {
        case .url(let address):
            try WebInputReader(options: options).fetchAndRead(address, handle)
            return
        case .standardInput: fd = 0
        case .file(let path):
            // Non-blocking, so that a FIFO put in place of a file since it was listed cannot hang us;
            // then only a regular file is read.
            fd = open(path, O_RDONLY | O_NONBLOCK)
            guard fd >= 0 else {
                let reason = errno == EACCES ? "permission denied" : String(cString: strerror(errno))
                try handle(.problem(InputProblem(location: name, reason: "cannot open: \(reason)")))
                return
            }
            var info = stat()
            guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
                close(fd)
                let what = info.st_mode & S_IFMT == S_IFDIR ? "is a directory" : "not a regular file (FIFO, device or socket)"
                try handle(.problem(InputProblem(location: name, reason: "skipped: \(what)")))
                return
            }
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        }
        defer { if fd != 0 { close(fd) } }
        let ext = name == "-" ? "" : (name as NSString).pathExtension.lowercased()
        // JSON Lines stream line by line; UTF-16 (whose newlines are two bytes) is read whole below.
        if ext == "jsonl" && !Self.startsWithUTF16BOM(fd) {
            try readJSONLines(fd: fd, name: name, handle)
            return
        }
        // Standard input holding JSON Lines streams line by line, each line an article under the
        // limit, as a .jsonl file does; any other input is one document.
        var head: [UInt8] = []
        if case .standardInput = item {
            head = try StandardInputHead.read(fd: fd, maxBytes: options.maxBytes)
            if StandardInputHead.isJSONLines(head, maxBytes: options.maxBytes) {
                try readJSONLines(fd: fd, name: name, head: head, handle)
                return
            }
        }
        // Whole-document formats: read up to the limit.
        let bytes: [UInt8]
        do {
            bytes = try readAll(fd: fd, head: head)
        } catch let error as InputProblem {
            try handle(.problem(InputProblem(location: name, reason: error.reason)))
            return
        }
        // Web pages, feeds, web archives and CSV tables (by extension, else by content).
        if let format = WebInputReader.format(name: name == "-" ? "" : name, head: bytes.prefix(1024)) {
            try WebInputReader(options: options).read(bytes, format: format, name: name, handle)
            return
        }
        let decoded: (text: String, encoding: TextDecoder.Encoding)
        do {
            decoded = try TextDecoder.decode(bytes)
        } catch {
            try handle(.problem(InputProblem(location: name, reason: "\(error)")))
            return
        }
        if decoded.encoding == .cp1256 || decoded.encoding == .utf16LE || decoded.encoding == .utf16BE {
            try handle(.note(InputProblem(location: name, reason: "transcoded from \(decoded.encoding.rawValue)")))
        }
        let firstCharacter = decoded.text.first(where: { !$0.isWhitespace })
        let looksJSON = firstCharacter == "{" || firstCharacter == "["
        if ext == "json" || (ext != "txt" && ext != "md" && looksJSON) {
            try readJSONDocument(decoded.text, name: name, handle)
        } else {
            guard decoded.text.contains(where: { !$0.isWhitespace }) else {
                try handle(.problem(InputProblem(location: name, reason: bytes.isEmpty ? "empty file" : "only whitespace")))
                return
            }
            try handle(.article(ArticleDraft(source: name, body: decoded.text, url: options.url,
                                             outlet: options.outlet, published: options.published)))
        }
    }

    /// True when the regular file open at `fd` starts with a UTF-16 byte-order mark (read without moving).
    static func startsWithUTF16BOM(_ fd: Int32) -> Bool {
        var head: [UInt8] = [0, 0]
        guard head.withUnsafeMutableBytes({ pread(fd, $0.baseAddress, 2, 0) }) == 2 else { return false }
        return head == [0xFF, 0xFE] || head == [0xFE, 0xFF]
    }

    private func readAll(fd: Int32, head: [UInt8] = []) throws -> [UInt8] {
        var bytes = head
        if bytes.count > options.maxBytes {
            throw InputProblem(location: "", reason: "larger than the limit of \(options.maxBytes) bytes (raise it with --max-bytes)")
        }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, 1 << 16) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputProblem(location: "", reason: errno == EISDIR ? "is a directory" : "read error: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > options.maxBytes {
                throw InputProblem(location: "", reason: "larger than the limit of \(options.maxBytes) bytes (raise it with --max-bytes)")
            }
        }
        return bytes
    }

    private func readJSONLines(fd: Int32, name: String, head: [UInt8] = [], _ handle: (Event) throws -> Void) throws {
        let reader = LineReader(fileDescriptor: fd, maxLineBytes: options.maxBytes, head: head)
        var lineNumber = 0
        var sawContent = false
        var notedTranscoding = false
        while let line = try reader.next() {
            lineNumber += 1
            let location = "\(name):\(lineNumber)"
            switch line {
            case .tooLong(let count):
                sawContent = true
                try handle(.problem(InputProblem(location: location, reason: "line of \(count) bytes exceeds the limit of \(options.maxBytes) (raise it with --max-bytes)")))
            case .text(var bytes):
                if lineNumber == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
                var decoded = String(validating: bytes, as: UTF8.self)
                // A line of Windows-1256 Arabic is transcoded like a whole file (noted once); a stray
                // bad byte in UTF-8 text is not enough to be taken for it.
                if decoded == nil, bytes.lazy.filter({ $0 >= 0x80 }).count >= 8,
                   let other = try? TextDecoder.decode(bytes), other.encoding == .cp1256 {
                    decoded = other.text
                    if !notedTranscoding {
                        notedTranscoding = true
                        try handle(.note(InputProblem(location: location, reason: "transcoded from Windows-1256")))
                    }
                }
                guard let text = decoded else {
                    sawContent = true
                    try handle(.problem(InputProblem(location: location, reason: "not valid UTF-8")))
                    continue
                }
                guard text.contains(where: { !$0.isWhitespace }) else { continue }
                sawContent = true
                do {
                    let value = try JSONParser.parse(text)
                    try handle(.article(try JSONArticleMapper.draft(from: value, source: location)))
                } catch let error as JSONParser.ParseError {
                    try handle(.problem(InputProblem(location: location, reason: "invalid JSON: \(error.message)")))
                } catch let error as IngestError {
                    try handle(.problem(InputProblem(location: location, reason: error.description)))
                }
            }
        }
        if !sawContent {
            try handle(.problem(InputProblem(location: name, reason: "empty file")))
        }
    }

    private func readJSONDocument(_ text: String, name: String, _ handle: (Event) throws -> Void) throws {
        let value: JSONValue
        do {
            value = try JSONParser.parse(text)
        } catch let error as JSONParser.ParseError {
            // Not one JSON document: maybe JSON Lines in a .json file.
            if text.first(where: { !$0.isWhitespace }) == "{", text.contains("\n") {
                try readJSONLinesText(text, name: name, handle)
            } else {
                try handle(.problem(InputProblem(location: name, reason: "invalid JSON: \(lineAndColumn(text, error.offset))\(error.message.drop(while: { $0 != ":" }).dropFirst(2))")))
            }
            return
        }
        switch value {
        case .array(let items):
            if items.isEmpty { try handle(.problem(InputProblem(location: name, reason: "empty JSON array"))) }
            for (index, item) in items.enumerated() {
                let location = "\(name)[\(index)]"
                do { try handle(.article(try JSONArticleMapper.draft(from: item, source: location))) }
                catch let error as IngestError { try handle(.problem(InputProblem(location: location, reason: error.description))) }
            }
        default:
            do { try handle(.article(try JSONArticleMapper.draft(from: value, source: name))) }
            catch let error as IngestError { try handle(.problem(InputProblem(location: name, reason: error.description))) }
        }
    }

    private func readJSONLinesText(_ text: String, name: String, _ handle: (Event) throws -> Void) throws {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            let location = "\(name):\(index + 1)"
            do {
                try handle(.article(try JSONArticleMapper.draft(from: try JSONParser.parse(String(line)), source: location)))
            } catch let error as JSONParser.ParseError {
                try handle(.problem(InputProblem(location: location, reason: "invalid JSON: \(error.message)")))
            } catch let error as IngestError {
                try handle(.problem(InputProblem(location: location, reason: error.description)))
            }
        }
    }

    private func lineAndColumn(_ text: String, _ byteOffset: Int) -> String {
        var line = 1, column = 1, offset = 0
        for byte in text.utf8 {
            if offset == byteOffset { break }
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        return "line \(line), column \(column): "
    }
}

/// Maps a JSON object to an article: `title`, `body` or `text`, `url`, `outlet`, `published` or
/// `date`, `author`, `kind` (`article`, `post`, `statement`); every other key goes to `extra`.
public enum JSONArticleMapper {
    static let known: Set<String> = ["title", "body", "text", "url", "outlet", "published", "date", "author", "kind"]
    /// Keys `claims export` adds that describe the exporting database, not the article.
    static let exportedKeys: Set<String> = ["id", "source", "ingested_at", "title_derived"]

    public static func draft(from value: JSONValue, source: String) throws -> ArticleDraft {
        guard case .object(let fields) = value else {
            throw IngestError.badRecord("expected a JSON object with \"title\" and \"body\", got \(typeName(value))")
        }
        func string(_ key: String) throws -> String? {
            guard let field = fields.first(where: { $0.0 == key })?.1 else { return nil }
            switch field {
            case .null: return nil
            case .string(let s): return s
            default: throw IngestError.badRecord("field \"\(key)\" must be a string, got \(typeName(field))")
            }
        }
        let body = try string("body") ?? string("text")
        guard let body, body.contains(where: { !$0.isWhitespace }) else {
            throw IngestError.badRecord(fields.contains(where: { $0.0 == "body" || $0.0 == "text" })
                ? "empty \"body\"" : "missing \"body\" (or \"text\")")
        }
        var published = try string("published") ?? string("date")
        if let given = published {
            if let date = CalendarDate(iso: given) { published = given.count > 10 ? given : date.iso }
            else if let found = ArabicDates.firstDate(in: given) { published = found.iso }
            else { throw IngestError.badRecord("field \"published\" is not a date: \"\(given.prefix(40))\"") }
        }
        // An `extra` object (as `claims export` writes it) is unpacked, so a round trip keeps it as it was.
        var extra = fields.filter { !known.contains($0.0) && $0.0 != "extra" && !exportedKeys.contains($0.0) }
        if case .object(let exported)? = fields.first(where: { $0.0 == "extra" })?.1 {
            for (key, value) in exported where !extra.contains(where: { $0.0 == key }) { extra.append((key, value)) }
        } else if let value = fields.first(where: { $0.0 == "extra" })?.1, value != .null {
            extra.append(("extra", value))
        }
        var draft = ArticleDraft(source: source, title: try string("title"), body: body, url: try string("url"),
                                 outlet: try string("outlet"), published: published,
                                 extra: extra.isEmpty ? nil : .object(extra), isPlainText: false)
        if case .bool(true)? = fields.first(where: { $0.0 == "title_derived" })?.1 { draft.titleDerived = true }
        draft.author = try string("author").map { $0.trimmingWhitespace() }.flatMap { $0.isEmpty ? nil : $0 }
        if let kind = try string("kind") {
            guard let known = ArticleKind(rawValue: kind.lowercased()) else {
                throw IngestError.badRecord("field \"kind\" must be article, post or statement, got \"\(kind.prefix(40))\"")
            }
            draft.kind = known
        }
        return draft
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

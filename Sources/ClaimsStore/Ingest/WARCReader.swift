/// Reads web archives (WARC 1.0/1.1, as crawlers and the Internet Archive write them; `.warc.gz`
/// decompressed with zlib): every `response` record holding an HTML page with status 200 is an
/// article, its URL the record's `WARC-Target-URI` and, when the page states none, its date the
/// record's `WARC-Date`. Other records (requests, metadata, images, redirects) are passed over;
/// a record cut short or with a broken header fails with its offset, the records before it stay.
public struct WARCReader {
    let options: InputReader.Options
    init(options: InputReader.Options) { self.options = options }

    public func read(_ input: [UInt8], name: String, _ handle: (InputReader.Event) throws -> Void) throws {
        let bytes: [UInt8]
        do { bytes = Gzip.isGzip(input) ? try Gzip.decompress(input, limit: options.maxBytes * 8) : input }
        catch let error as Gzip.DecompressError { throw InputProblem(location: name, reason: error.message) }
        guard bytes.contains(where: { $0 > 0x20 }) else { throw InputProblem(location: name, reason: "empty file") }
        var offset = 0
        var recordNumber = 0
        var pages = 0
        while offset < bytes.count {
            // Blank lines between records.
            while offset < bytes.count, bytes[offset] == 0x0D || bytes[offset] == 0x0A { offset += 1 }
            if offset >= bytes.count { break }
            recordNumber += 1
            let location = "\(name)#\(recordNumber)"
            guard let (headers, blockStart) = Self.headers(bytes, from: offset), headers.first?.hasPrefix("WARC/") == true else {
                try handle(.problem(InputProblem(location: location, reason: "not a WARC record at byte \(offset)")))
                return
            }
            let fields = Self.fields(headers.dropFirst())
            guard let length = fields["content-length"].flatMap({ Int($0) }), length >= 0 else {
                try handle(.problem(InputProblem(location: location, reason: "WARC record without a Content-Length at byte \(offset)")))
                return
            }
            guard blockStart + length <= bytes.count else {
                try handle(.problem(InputProblem(location: location, reason: "WARC record cut short: \(length) bytes announced, \(bytes.count - blockStart) left")))
                return
            }
            offset = blockStart + length
            guard fields["warc-type"]?.lowercased() == "response",
                  (fields["content-type"] ?? "").lowercased().hasPrefix("application/http") else { continue }
            let block = Array(bytes[blockStart..<blockStart + length])
            guard let response = HTTPResponse(block), response.status == 200, response.isHTML else { continue }
            pages += 1
            do {
                let body = try response.decodedBody(limit: options.maxBytes)
                var page = try WebPage(bytes: body, source: location, contentType: response.header("content-type"), options: options)
                if let note = page.note { try handle(.note(InputProblem(location: location, reason: note))) }
                page.fallbackURL = fields["warc-target-uri"].map { $0.trimmingCharacters(in: "<>") }
                page.fallbackPublished = fields["warc-date"].flatMap(PageMetadata.isoDate)
                var draft = try page.draft()
                // The record's URL is where the page was captured; a canonical URL differing from it is kept in extra.
                if let captured = page.fallbackURL {
                    if let canonical = draft.url, canonical != captured { draft.extra = .object([("canonical_url", .string(canonical))]) }
                    draft.url = captured
                }
                try handle(.article(draft))
            } catch let error as IngestError {
                try handle(.problem(InputProblem(location: location, reason: error.description)))
            } catch let error as Gzip.DecompressError {
                try handle(.problem(InputProblem(location: location, reason: error.message)))
            } catch let error as TextDecoder.DecodeError {
                try handle(.problem(InputProblem(location: location, reason: error.message)))
            }
        }
        if pages == 0 { try handle(.problem(InputProblem(location: name, reason: "no HTML response records in this web archive"))) }
    }

    /// The header lines from `offset` to the blank line, and where the block after it starts.
    static func headers(_ bytes: [UInt8], from offset: Int) -> ([String], Int)? {
        var lines: [String] = []
        var start = offset
        var index = offset
        while index < bytes.count {
            if bytes[index] == 0x0A {
                var end = index
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                if end == start { return (lines, index + 1) }
                lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
                if lines.count > 500 { return nil }
                start = index + 1
            }
            index += 1
        }
        return nil
    }

    /// `Name: value` lines by lower-case name.
    static func fields(_ lines: ArraySlice<String>) -> [String: String] {
        var fields: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].lowercased().trimmingWhitespace()
            if fields[key] == nil { fields[key] = String(line[line.index(after: colon)...]).trimmingWhitespace() }
        }
        return fields
    }
}

/// An HTTP response as a WARC record stores it: status line, headers, body (chunked and gzip
/// transfer undone on demand).
struct HTTPResponse {
    let status: Int
    let headers: [String: String]
    let body: ArraySlice<UInt8>

    init?(_ block: [UInt8]) {
        guard let (lines, bodyStart) = WARCReader.headers(block, from: 0), let statusLine = lines.first,
              statusLine.hasPrefix("HTTP/") else { return nil }
        let parts = statusLine.split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        self.status = status
        self.headers = WARCReader.fields(lines.dropFirst())
        self.body = block[bodyStart...]
    }

    func header(_ name: String) -> String? { headers[name] }

    var isHTML: Bool {
        let type = (headers["content-type"] ?? "").lowercased()
        if type.contains("html") { return true }
        return type.isEmpty && WebInputReader.format(name: "", head: body.prefix(1024)) == .html
    }

    func decodedBody(limit: Int) throws -> [UInt8] {
        var bytes = Array(body)
        if (headers["transfer-encoding"] ?? "").lowercased().contains("chunked") { bytes = Self.unchunk(bytes) }
        if (headers["content-encoding"] ?? "").lowercased().contains("gzip"), Gzip.isGzip(bytes) {
            bytes = try Gzip.decompress(bytes, limit: limit)
        }
        return bytes
    }

    static func unchunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            guard let lineEnd = bytes[offset...].firstIndex(of: 0x0A) else { break }
            let sizeText = String(decoding: bytes[offset..<lineEnd], as: UTF8.self).split(separator: ";").first?.trimmingWhitespace() ?? ""
            guard let size = Int(sizeText, radix: 16), size > 0 else { break }
            let start = lineEnd + 1
            let end = min(start + size, bytes.count)
            out.append(contentsOf: bytes[start..<end])
            offset = end + 2
        }
        return out
    }
}

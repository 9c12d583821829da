import Foundation

/// The start of standard input, read to tell JSON Lines (streamed, each line one article under
/// `--max-bytes`) from one document (plain text, a JSON array or a JSON object over several lines,
/// whose limit is its whole size, as for a file).
enum StandardInputHead {
    /// Reads up to the end of the first line that holds something (or the end of input, or just
    /// past `maxBytes`: a longer line is then reported as too long, or the document as too large).
    static func read(fd: Int32, maxBytes: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var searched = 0
        while true {
            if let newline = bytes[searched...].firstIndex(of: 0x0A), bytes[..<newline].contains(where: { !isSpace($0) }) { return bytes }
            searched = bytes.count
            if bytes.count > maxBytes { return bytes }
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, 1 << 16) }
            if count < 0 {
                if errno == EINTR { continue }
                throw IngestError.unreadable("read error: \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// True when the first line that holds something is a complete JSON object: the input is JSON
    /// Lines. (A line longer than the limit that opens an object is taken for one too.)
    static func isJSONLines(_ head: [UInt8], maxBytes: Int) -> Bool {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        bytes = bytes.drop(while: isSpace)
        guard bytes.first == UInt8(ascii: "{") else { return false }
        guard let end = bytes.firstIndex(of: 0x0A) else { return head.count > maxBytes }
        let line = String(decoding: bytes[..<end], as: UTF8.self)
        if case .object? = try? JSONParser.parse(line) { return true }
        return false
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
}

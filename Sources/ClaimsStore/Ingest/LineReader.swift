import Foundation

/// Reads a file descriptor line by line with a fixed buffer, so JSON Lines of any size stream in
/// constant memory. Lines longer than `maxLineBytes` are reported, not loaded whole.
final class LineReader {
    enum Line {
        case text([UInt8])
        case tooLong(bytes: Int)
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private let chunk = 1 << 16
    let maxLineBytes: Int
    /// Bytes searched for a newline so far: each byte once, so that this never exceeds the bytes
    /// read (what makes a line of any length cost linear time; counted for the tests).
    private(set) var bytesSearched = 0

    /// - Parameter head: bytes already read from the descriptor, read first.
    init(fileDescriptor: Int32, maxLineBytes: Int, head: [UInt8] = []) {
        self.fd = fileDescriptor
        self.maxLineBytes = maxLineBytes
        self.buffer = head
    }

    /// The next line without its terminator, or nil at end of input.
    /// Each byte is searched for the newline once, so a line of any length costs linear time.
    func next() throws -> Line? {
        var skipping = 0   // bytes of an over-long line being discarded
        var scanned = start   // bytes before this index hold no newline
        while true {
            let found = buffer[scanned...].firstIndex(of: 0x0A)
            bytesSearched += (found.map { $0 + 1 } ?? buffer.count) - scanned
            if let newline = found {
                // (A long line read within the buffer is too long as well.)
                if newline - start > maxLineBytes {
                    let count = skipping + newline - start
                    start = newline + 1
                    compact()
                    return .tooLong(bytes: count)
                }
                var line = Array(buffer[start..<newline])
                start = newline + 1
                compact()
                if skipping > 0 { return .tooLong(bytes: skipping + line.count) }
                if line.last == 0x0D { line.removeLast() }
                return .text(line)
            }
            scanned = buffer.count
            if buffer.count - start > maxLineBytes {
                skipping += buffer.count - start
                buffer.removeAll(keepingCapacity: true)
                start = 0
                scanned = 0
            }
            if atEnd {
                guard start < buffer.count || skipping > 0 else { return nil }
                let line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                if skipping > 0 { return .tooLong(bytes: skipping + line.count) }
                return .text(line)
            }
            try fill()
        }
    }

    private func compact() {
        if start > chunk * 4 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    private func fill() throws {
        var bytes = [UInt8](repeating: 0, count: chunk)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
        if count < 0 {
            if errno == EINTR { return }
            throw IngestError.unreadable("read error: \(String(cString: strerror(errno)))")
        }
        if count == 0 { atEnd = true; return }
        buffer.append(contentsOf: bytes[0..<count])
    }
}

import CZlib

/// gzip decompression with zlib, for `.warc.gz` (a series of gzip members, one per record, read
/// as one stream) and `Content-Encoding: gzip` bodies.
enum Gzip {
    struct DecompressError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.starts(with: [0x1F, 0x8B])
    }

    /// The decompressed bytes of every member; fails past `limit` bytes, or on corrupt data.
    static func decompress(_ input: [UInt8], limit: Int) throws -> [UInt8] {
        var output: [UInt8] = []
        var stream = z_stream()
        // 15 + 16: a gzip header (not zlib's).
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DecompressError(message: "cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        try input.withUnsafeBufferPointer { inputBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.avail_in = UInt32(inputBuffer.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { out -> Int32 in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit {
                    throw DecompressError(message: "larger than the limit of \(limit) bytes once decompressed (raise it with --max-bytes)")
                }
                switch status {
                case Z_STREAM_END:
                    // The next member, if any (trailing zero padding ends the stream).
                    guard stream.avail_in > 0, let next = stream.next_in, next.pointee == 0x1F else { return }
                    guard inflateReset(&stream) == Z_OK else { throw DecompressError(message: "corrupt gzip data") }
                case Z_OK:
                    continue
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw DecompressError(message: "truncated gzip data")
                default:
                    throw DecompressError(message: "corrupt gzip data at byte \(Int(stream.total_in))")
                }
            }
        }
        return output
    }
}

/// Decoding one scalar from valid UTF-8 (the bytes of a Swift String), for the byte-level fast
/// paths of the text layer, which walk a String's bytes without building Characters.
public enum UTF8Scalar {
    /// The scalar value starting at byte `i` and its width in bytes (1–4). The bytes must be valid
    /// UTF-8 and `i` the start of a sequence.
    @inlinable @inline(__always)
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, width: Int) {
        let b = bytes[i]
        if b < 0x80 { return (UInt32(b), 1) }
        if b < 0xE0 { return ((UInt32(b & 0x1F) << 6) | UInt32(bytes[i + 1] & 0x3F), 2) }
        if b < 0xF0 { return ((UInt32(b & 0x0F) << 12) | (UInt32(bytes[i + 1] & 0x3F) << 6) | UInt32(bytes[i + 2] & 0x3F), 3) }
        return ((UInt32(b & 0x07) << 18) | (UInt32(bytes[i + 1] & 0x3F) << 12) | (UInt32(bytes[i + 2] & 0x3F) << 6) | UInt32(bytes[i + 3] & 0x3F), 4)
    }
}

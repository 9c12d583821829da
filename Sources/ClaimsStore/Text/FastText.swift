import Foundation

// Small string helpers for the ingest hot path (each is measured: see README "Benchmark").

extension String {
    /// True when `needle` occurs in the text, comparing UTF-8 bytes (memchr + memcmp). Used on
    /// normalised text, where it agrees with Foundation's `contains`, which is many times
    /// slower (it folds character clusters through NSString).
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard n.count > 0 else { return true }
                guard h.count >= n.count else { return false }
                let base = h.baseAddress!, first = Int32(n[n.count - 1])
                // Scan for the needle's last byte (Arabic letters share their first byte).
                var i = n.count - 1
                while i < h.count {
                    guard let found = memchr(base + i, first, h.count - i) else { return false }
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    let start = end - (n.count - 1)
                    if memcmp(base + start, n.baseAddress!, n.count) == 0,
                       !Self.splitsCluster(h, start: start, end: end + 1) { return true }
                    i = end + 1
                }
                return false
            }
        }
    }

    /// True when a match ending at byte `end` would cut a composed character sequence (a combining
    /// mark, variation selector or emoji modifier follows): Foundation does not match there.
    static func splitsCluster(_ h: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        guard end < h.count, h[end] >= 0xC0 else { return false }
        let v = UTF8Scalar.decode(h, at: end).value
        switch v {
        case 0x200C, 0x200D, 0xFE00...0xFE0F, 0x1F3FB...0x1F3FF: return true
        default: break
        }
        guard v >= 0x0300, let scalar = Unicode.Scalar(v) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// `lowercased()`, skipping the work when no scalar can change: ASCII other than A–Z and the
    /// Arabic block (which has no case) come back as they are.
    func lowercasedFast() -> String {
        let unchanged = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes {
                if byte >= 0x41 && byte <= 0x5A { return false }
                if byte >= 0x80 && !(byte >= 0xD8 && byte <= 0xDB) && byte & 0xC0 != 0x80 { return false }
            }
            return true
        }
        return unchanged == true ? self : lowercased()
    }
}

extension DisplayWidth {
    /// `of(text) <= width`, stopping as soon as the width is exceeded (lines are often whole paragraphs).
    public static func fits(_ text: String, in width: Int) -> Bool {
        // A scalar is at most as wide as its UTF-8 length (width 2 only from 3-byte scalars up).
        if text.utf8.count <= width { return true }
        var used = 0
        for scalar in text.unicodeScalars {
            used += Self.width(of: scalar)
            if used > width { return false }
        }
        return true
    }
}

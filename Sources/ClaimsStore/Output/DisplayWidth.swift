/// Terminal display width of text: combining marks (Arabic harakat), zero-width and bidi
/// controls take no column; East Asian wide characters take two.
public enum DisplayWidth {
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    @inline(__always)
    static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if let flags = ScalarFlags.lookup(v) { return flags & ScalarFlags.zeroWidth != 0 ? 0 : 1 }
        return widthByCategory(of: scalar)
    }

    /// The definition (ScalarFlags caches it for common scalars; nothing there is 2 wide).
    static func widthByCategory(of scalar: Unicode.Scalar) -> Int {
        widthByCategory(of: scalar, category: scalar.properties.generalCategory)
    }

    static func widthByCategory(of scalar: Unicode.Scalar, category: Unicode.GeneralCategory) -> Int {
        let v = scalar.value
        if v == 0x200B || (0x200C...0x200F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0xFEFF { return 0 }
        switch category {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v) {
            return 2
        }
        return 1
    }

    /// Cuts `text` to at most `width` columns, ending in `…` when cut; never splits a letter from its marks.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard of(text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {   // Characters keep a letter and its combining marks together
            let w = of(String(character))
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    public static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - of(text)))
    }
}

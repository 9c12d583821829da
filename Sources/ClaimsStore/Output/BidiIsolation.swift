/// Unicode bidirectional isolation for terminal output. A terminal that applies the bidi algorithm
/// reorders a run of right-to-left text together with the neutrals (spaces, digits) around it, so
/// adjacent Arabic cells of a table swap places and a row whose first letter is Arabic is laid out
/// right to left as a whole. Wrapping each such cell in FIRST STRONG ISOLATE … POP DIRECTIONAL
/// ISOLATE makes it one neutral unit for the line around it: cells stay in their columns, and the
/// line's direction comes from what is outside the isolates (left to right).
public enum BidiIsolation {
    public static let firstStrongIsolate: Unicode.Scalar = "\u{2068}"
    public static let popDirectionalIsolate: Unicode.Scalar = "\u{2069}"

    /// True when `text` has a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
    /// presentation forms), the only letters that reorder a left-to-right line.
    public static func hasRightToLeft(_ text: String) -> Bool {
        text.unicodeScalars.contains { isRightToLeft($0) }
    }

    @inline(__always)
    static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x0590 { return false }
        return v <= 0x08FF || (0xFB1D...0xFDFF).contains(v) || (0xFE70...0xFEFE).contains(v)
            || (0x10800...0x10FFF).contains(v) || (0x1E800...0x1EFFF).contains(v)
    }

    /// `text` wrapped in FSI … PDI when it has right-to-left letters; unchanged otherwise.
    public static func isolate(_ text: String) -> String {
        guard hasRightToLeft(text) else { return text }
        var out = String(firstStrongIsolate)
        out += text
        out.unicodeScalars.append(popDirectionalIsolate)
        return out
    }
}

/// The one Arabic normaliser, used identically at ingest and at query time.
///
/// Rules (each is tested): diacritics (U+064B–U+065F, U+0670, Quranic marks U+06D6–U+06ED) and
/// tatweel (U+0640) removed; alef forms أ إ آ ٱ → ا; ى → ي; ؤ → و; ئ → ي (the common IR folding; the
/// rarer seat variants مسؤول / مسئول therefore stay apart); ة → ه (only with `foldTaMarbuta`, the matching form); Arabic-Indic and Persian
/// digits → ASCII; typographic quotes, guillemets and dashes → ASCII `"` and `-`; Latin letters lowercased.
public enum ArabicNormalizer {
    /// Normalises `text` for matching. Keeps spacing and punctuation (other than quotes/dashes) as is.
    ///
    /// Works on the UTF-8 bytes: ASCII is mapped byte by byte, other scalars are decoded, passed
    /// through `map` and re-encoded only when they change. Every mapping yields a scalar no longer
    /// in UTF-8 than its source, so the result is written into one buffer of the input's size.
    public static func normalize(_ text: String, foldTaMarbuta: Bool = true) -> String {
        if let result = text.utf8.withContiguousStorageIfAvailable({ normalize(utf8: $0, foldTaMarbuta: foldTaMarbuta) }) {
            return result
        }
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { normalize(utf8: $0, foldTaMarbuta: foldTaMarbuta) }
    }

    /// `normalize` over valid UTF-8 (the bytes of a Swift String).
    static func normalize(utf8 source: UnsafeBufferPointer<UInt8>, foldTaMarbuta: Bool) -> String {
        let count = source.count
        if count == 0 { return "" }
        return String(unsafeUninitializedCapacity: count) { out in
            var i = 0, o = 0
            while i < count {
                let b = source[i]
                if b < 0x80 {
                    // ASCII: A-Z → a-z, ` → '; everything else as is.
                    out[o] = (b >= 0x41 && b <= 0x5A) ? b + 0x20 : (b == 0x60 ? 0x27 : b)
                    i += 1; o += 1
                    continue
                }
                let (value, width) = UTF8Scalar.decode(source, at: i)
                let scalar = Unicode.Scalar(value).unsafelyUnwrapped
                if let mapped = map(scalar, foldTaMarbuta: foldTaMarbuta) {
                    if mapped == scalar {
                        for k in 0..<width { out[o + k] = source[i + k] }
                        o += width
                    } else {
                        for unit in UTF8.encode(mapped).unsafelyUnwrapped { out[o] = unit; o += 1 }
                    }
                }
                i += width
            }
            return o
        }
    }

    /// Maps one scalar: nil drops it. The Arabic block is looked up in a table made from
    /// `mapBySwitch` (the definition); other scalars go through the switch.
    @inline(__always)
    public static func map(_ scalar: Unicode.Scalar, foldTaMarbuta: Bool = true) -> Unicode.Scalar? {
        let v = scalar.value
        if v >= 0x0600 && v < 0x0700 {
            if v == 0x0629 { return foldTaMarbuta ? "\u{0647}" : scalar }
            let mapped = arabicBlockMap[Int(v - 0x0600)]
            return mapped == 0 ? nil : Unicode.Scalar(mapped)
        }
        return mapBySwitch(scalar, foldTaMarbuta: foldTaMarbuta)
    }

    /// `mapBySwitch` for U+0600–U+06FF (0 = dropped; ة is handled by `map`).
    static let arabicBlockMap: [UInt32] = (0x0600..<0x0700).map { v in
        mapBySwitch(Unicode.Scalar(UInt32(v))!, foldTaMarbuta: true)?.value ?? 0
    }

    /// The mapping rules, scalar by scalar: nil drops the scalar.
    static func mapBySwitch(_ scalar: Unicode.Scalar, foldTaMarbuta: Bool = true) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0640:
            return nil                                   // harakat, superscript alef, Quranic marks, tatweel
        case 0x0623, 0x0625, 0x0622, 0x0671, 0x0672, 0x0673:
            return "\u{0627}"                            // أ إ آ ٱ → ا
        case 0x0649: return "\u{064A}"                   // ى → ي
        case 0x06CC: return "\u{064A}"                   // Persian yeh → ي
        case 0x06A9: return "\u{0643}"                   // Persian kaf → ك
        case 0x0624: return "\u{0648}"                   // ؤ → و
        case 0x0626: return "\u{064A}"                   // ئ → ي
        case 0x0629: return foldTaMarbuta ? "\u{0647}" : scalar   // ة → ه
        case 0x0660...0x0669: return Unicode.Scalar(v - 0x0660 + 0x30)   // ٠-٩
        case 0x06F0...0x06F9: return Unicode.Scalar(v - 0x06F0 + 0x30)   // ۰-۹ (Persian)
        case 0x066B: return "."                          // Arabic decimal separator
        case 0x066C: return ","                          // Arabic thousands separator
        case 0x00AB, 0x00BB, 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x2036, 0x275D, 0x275E, 0x301D, 0x301E, 0xFF02:
            return "\""                                  // « » “ ” „ ‟ ″ …
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x2035, 0x0060, 0x00B4:
            return "'"
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            return "-"                                   // hyphens and dashes
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return " "                                   // exotic spaces
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
            return nil                                   // zero-width and bidi controls
        case 0x41...0x5A: return Unicode.Scalar(v + 0x20) // ASCII A-Z → a-z
        default: return scalar
        }
    }

    /// True for scalars that belong inside a word: letters, digits, combining marks and tatweel.
    /// Marks count as word characters so that `فعّالة` is one word, not `فع` + `الة`.
    @inline(__always)
    public static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 {
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        if (0x0600...0x06FF).contains(v) {
            // Arabic block: letters, marks, digits and tatweel; not punctuation ، ؛ ؟ ٪ ۔ etc.
            switch v {
            case 0x060C, 0x061B, 0x061F, 0x066A, 0x066B, 0x066C, 0x066D, 0x06D4, 0x0600...0x060B, 0x060D...0x060F, 0x061C...0x061E, 0x06DD, 0x06DE, 0x06E9:
                return false
            default: return true
            }
        }
        if let flags = ScalarFlags.lookup(v) { return flags & ScalarFlags.word != 0 }
        return isWordByCategory(scalar)
    }

    /// The definition of a word scalar outside ASCII and the Arabic block.
    static func isWordByCategory(_ scalar: Unicode.Scalar) -> Bool {
        isWordCategory(scalar.properties.generalCategory)
    }

    static func isWordCategory(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber:
            return true
        default:
            return false
        }
    }
}

/// Unicode property lookups (general category) are slow in the hot loops; for the scalars news
/// text is made of (U+0000–U+07FF: Latin, Greek, Cyrillic, Hebrew, Arabic; U+2000–U+206F:
/// punctuation, quotes, dashes, spaces) the answers are computed once from the same definitions.
enum ScalarFlags {
    static let word: UInt8 = 1         // ArabicNormalizer.isWordByCategory
    static let mark: UInt8 = 2         // general category Mn, Mc or Me
    static let zeroWidth: UInt8 = 4    // DisplayWidth.widthByCategory == 0

    @inline(__always)
    static func lookup(_ v: UInt32) -> UInt8? {
        if v < 0x0800 { return table[Int(v)] }
        if v >= 0x2000 && v < 0x2070 { return table[Int(v - 0x2000 + 0x0800)] }
        return nil
    }

    static let table: [UInt8] = (Array(0..<0x0800) + Array(0x2000..<0x2070)).map { (v: Int) -> UInt8 in
        guard let scalar = Unicode.Scalar(UInt32(v)) else { return 0 }
        let category = scalar.properties.generalCategory   // looked up once per scalar
        var flags: UInt8 = 0
        if ArabicNormalizer.isWordCategory(category) { flags |= word }
        switch category {
        case .nonspacingMark, .spacingMark, .enclosingMark: flags |= mark
        default: break
        }
        if DisplayWidth.widthByCategory(of: scalar, category: category) == 0 { flags |= zeroWidth }
        return flags
    }
}

/// Turns the bytes of a web page into text, honouring the charset the server or the page declares
/// (HTTP `Content-Type`, `<meta charset>`, `<meta http-equiv="Content-Type">`, the XML declaration);
/// without one, the bytes are sniffed like any input (UTF-8, UTF-16 with BOM, Windows-1256).
public enum PageDecoder {
    /// The text, and a note when it was transcoded.
    public static func decode(_ bytes: [UInt8], declaredCharset: String? = nil) throws -> (text: String, note: String?) {
        let declared = (declaredCharset ?? charset(declaredIn: bytes)).map(canonical)
        switch declared {
        case "windows-1256"?:
            // A page may declare Windows-1256 and be UTF-8 after all (re-saved); the bytes decide.
            if let text = String(validating: bytes, as: UTF8.self) { return (text, nil) }
            return (TextDecoder.cp1256(bytes.filter { $0 != 0 }), "transcoded from Windows-1256 (declared)")
        case "iso-8859-6"?:
            if let text = String(validating: bytes, as: UTF8.self) { return (text, nil) }
            return (iso88596(bytes), "transcoded from ISO-8859-6 (declared)")
        default:
            let decoded = try TextDecoder.decode(bytes)
            switch decoded.encoding {
            case .utf8, .utf8BOM: return (decoded.text, nil)
            default: return (decoded.text, "transcoded from \(decoded.encoding.rawValue)")
            }
        }
    }

    /// The charset named in a `Content-Type` value (`text/html; charset=windows-1256`).
    public static func charset(inContentType value: String) -> String? {
        guard let range = value.lowercased().range(of: "charset=") else { return nil }
        let rest = value.lowercased()[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = rest.prefix { !";, \"'".contains($0) }
        return name.isEmpty ? nil : String(name)
    }

    /// The charset a page declares in its first 4 KiB (`<meta charset=…>`, `http-equiv`, `<?xml encoding=…?>`).
    static func charset(declaredIn bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        for marker in ["charset=", "encoding="] {
            guard let range = head.range(of: marker) else { continue }
            let name = head[range.upperBound...].drop { "\"' ".contains($0) }.prefix { !"\"'; />?".contains($0) }
            if !name.isEmpty { return String(name) }
        }
        return nil
    }

    static func canonical(_ name: String) -> String {
        switch name.lowercased() {
        case "windows-1256", "cp1256", "x-cp1256", "win-1256", "windows1256": return "windows-1256"
        case "iso-8859-6", "iso8859-6", "iso_8859-6", "arabic": return "iso-8859-6"
        default: return name.lowercased()
        }
    }

    /// ISO-8859-6: ASCII, and the Arabic letters of Unicode's block at 0x0600 + (byte − 0xA0).
    static func iso88596(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes where byte != 0 {
            if byte <= 0xA0 { scalars.append(Unicode.Scalar(byte)) }
            else { scalars.append(Unicode.Scalar(0x0600 + UInt32(byte) - 0xA0) ?? " ") }
        }
        return String(scalars)
    }
}

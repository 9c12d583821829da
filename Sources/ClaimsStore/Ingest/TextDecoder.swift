/// Turns the bytes of an input file into text: UTF-8 (with or without BOM), UTF-16 with a BOM,
/// and Windows-1256 (cp1256), still common in Arabic archives, detected when the bytes are not
/// UTF-8 and transcoded. Binary input (NUL bytes in UTF-8 or cp1256) is refused.
public enum TextDecoder {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8", utf8BOM = "UTF-8 with BOM", utf16LE = "UTF-16LE", utf16BE = "UTF-16BE", cp1256 = "Windows-1256"
    }

    public struct DecodeError: Error, CustomStringConvertible, Equatable {
        public let message: String
        public var description: String { message }
    }

    /// Decodes `bytes`, returning the text and the encoding found.
    public static func decode(_ bytes: [UInt8]) throws -> (text: String, encoding: Encoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (try utf8(bytes.dropFirst(3)), .utf8BOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return (try utf16(bytes.dropFirst(2), littleEndian: true), .utf16LE) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (try utf16(bytes.dropFirst(2), littleEndian: false), .utf16BE) }
        if let nul = bytes.firstIndex(of: 0) {
            throw DecodeError(message: "binary data (NUL byte at offset \(nul)); not a text file")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        // Not UTF-8: Windows-1256 when most high bytes fall on Arabic letters.
        let high = bytes.filter { $0 >= 0x80 }
        let arabic = high.filter { (0xC1...0xFE).contains($0) }
        if !high.isEmpty, arabic.count * 10 >= high.count * 7 {
            return (cp1256(bytes), .cp1256)
        }
        let offset = firstInvalidUTF8Offset(bytes) ?? 0
        throw DecodeError(message: "not valid UTF-8 (first bad byte at offset \(offset)) and not Windows-1256 Arabic")
    }

    private static func utf8<C: Collection>(_ bytes: C) throws -> String where C.Element == UInt8 {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DecodeError(message: "invalid UTF-8 after the byte-order mark (offset \(firstInvalidUTF8Offset(Array(bytes)).map { $0 + 3 } ?? 0))")
        }
        if text.contains("\u{0}") { throw DecodeError(message: "binary data (NUL character); not a text file") }
        return text
    }

    private static func utf16<C: Collection>(_ bytes: C, littleEndian: Bool) throws -> String where C.Element == UInt8 {
        let array = Array(bytes)
        guard array.count % 2 == 0 else { throw DecodeError(message: "UTF-16 text with an odd number of bytes") }
        var units: [UInt16] = []
        units.reserveCapacity(array.count / 2)
        for i in stride(from: 0, to: array.count, by: 2) {
            units.append(littleEndian ? UInt16(array[i]) | UInt16(array[i + 1]) << 8 : UInt16(array[i]) << 8 | UInt16(array[i + 1]))
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw DecodeError(message: "invalid UTF-16 (unpaired surrogate)")
        }
        if text.contains("\u{0}") { throw DecodeError(message: "binary data (NUL character); not a text file") }
        return text
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    static func cp1256(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if byte < 0x80 { scalars.append(Unicode.Scalar(byte)) }
            else { scalars.append(Unicode.Scalar(cp1256High[Int(byte) - 0x80])!) }
        }
        return String(scalars)
    }

    /// Code points of bytes 0x80–0xFF in Windows-1256.
    private static let cp1256High: [UInt32] = [
        0x20AC, 0x067E, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0679, 0x2039, 0x0152, 0x0686, 0x0698, 0x0688,
        0x06AF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x06A9, 0x2122, 0x0691, 0x203A, 0x0153, 0x200C, 0x200D, 0x06BA,
        0x00A0, 0x060C, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
        0x00A8, 0x00A9, 0x06BE, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
        0x00B8, 0x00B9, 0x061B, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x061F,
        0x06C1, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627,
        0x0628, 0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
        0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x00D7,
        0x0637, 0x0638, 0x0639, 0x063A, 0x0640, 0x0641, 0x0642, 0x0643,
        0x00E0, 0x0644, 0x00E2, 0x0645, 0x0646, 0x0647, 0x0648, 0x00E7,
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0649, 0x064A, 0x00EE, 0x00EF,
        0x064B, 0x064C, 0x064D, 0x064E, 0x00F4, 0x064F, 0x0650, 0x00F7,
        0x0651, 0x00F9, 0x0652, 0x00FB, 0x00FC, 0x200E, 0x200F, 0x06D2,
    ]
}

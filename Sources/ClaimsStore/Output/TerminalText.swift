/// Lines of running text for the terminal (the side-by-side conflicts, a story's timeline), laid out as
/// tables are: each Arabic field isolated (`BidiIsolation`) so it never reorders the line around it, and,
/// when the width is known, a paragraph wrapped under its indent and a header line cut with `…`.
public enum TerminalText {
    /// A field (a speaker, an outlet) cut to `maxWidth` columns and isolated when it is right to left.
    public static func field(_ text: String, maxWidth: Int? = nil) -> String {
        BidiIsolation.isolate(maxWidth.map { DisplayWidth.truncate(text, to: $0) } ?? text)
    }

    /// `text` under `indent` spaces, each line isolated; wrapped to `width` columns when it is known,
    /// else one line as written.
    public static func paragraph(_ text: String, indent: Int, width: Int?) -> String {
        let pad = String(repeating: " ", count: indent)
        guard let width else { return pad + BidiIsolation.isolate(text) + "\n" }
        return TableLayout.wrap(text, to: max(10, width - indent)).map { pad + BidiIsolation.isolate($0) + "\n" }.joined()
    }
}

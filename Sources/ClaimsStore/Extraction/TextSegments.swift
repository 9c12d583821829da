/// Splits a very long text into consecutive segments that are analysed one at a time, so that
/// extraction stays linear in the length of an article: every step that looks at "the entities of
/// the text" for one claim (the speaker's mention, the claim's places and actors) then looks at one
/// segment's, not at the whole article's (a 4 MB article has ~10,000 claims and ~60,000 mentions;
/// scanning all of them per claim made one article quadratic).
///
/// A segment ends at a line break (where sentences and quotations end anyway), so the sentences
/// are those of the whole text; only a pointer (`نفت ذلك`) or a continuation whose antecedent
/// lies in the previous segment can be read differently, and only in texts past `maximumScalars`.
/// A text of one endless line is cut after a sentence terminator, else at a space.
struct TextSegments {
    /// A part of the text and where it starts, in Unicode scalars (the unit of stored offsets).
    struct Segment {
        let text: Substring
        let scalarOffset: Int
    }

    /// Texts up to this many scalars are one segment (every article of an ordinary length: the
    /// samples are 2,700–6,900 scalars, the benchmark corpus ~2,500 on average).
    static let maximumScalars = 30_000

    static func split(_ text: String, maximumScalars: Int = maximumScalars) -> [Segment] {
        let scalars = text.unicodeScalars
        guard scalars.count > maximumScalars else { return [Segment(text: text[...], scalarOffset: 0)] }
        var segments: [Segment] = []
        var start = scalars.startIndex
        var startOffset = 0
        var index = scalars.startIndex
        var offset = 0
        // The last cut points seen in the current segment, past its minimum length.
        var afterTerminator: (String.Index, Int)?
        var afterSpace: (String.Index, Int)?
        while index != scalars.endIndex {
            let scalar = scalars[index]
            scalars.formIndex(after: &index)
            offset += 1
            guard offset - startOffset >= maximumScalars / 2 else { continue }
            if scalar == "\n" {
                segments.append(Segment(text: text[start..<index], scalarOffset: startOffset))
                (start, startOffset, afterTerminator, afterSpace) = (index, offset, nil, nil)
                continue
            }
            if scalar == " " {
                if let previous = scalars.index(index, offsetBy: -2, limitedBy: scalars.startIndex),
                   [".", "؟", "?", "!", "؛"].contains(scalars[previous]) {
                    afterTerminator = (index, offset)
                }
                afterSpace = (index, offset)
            }
            if offset - startOffset >= maximumScalars * 2, let (cut, cutOffset) = afterTerminator ?? afterSpace {
                segments.append(Segment(text: text[start..<cut], scalarOffset: startOffset))
                (start, startOffset, afterTerminator, afterSpace) = (cut, cutOffset, nil, nil)
            }
        }
        if start != scalars.endIndex || segments.isEmpty {
            segments.append(Segment(text: text[start...], scalarOffset: startOffset))
        }
        return segments
    }
}

/// Stance with scope: a denial's object is what is denied, stored once; a falsity predicate (`كاذبة`,
/// `لا صحة لـ`) denies what it is said of and nothing else; the denier's own statement beside it is asserted;
/// a first-person denial (`«لم أقل …»`) denies what follows; a bare pointer (`ذلك`) points back.
extension ClaimExtractor {
    /// Coordinated propositions under one verb (`… وأن الجيش لا يزال في مكانه`) and a falsity predicate
    /// inside one (`الادعاءات … غير صحيحة، والسفارة ما زالت فعّالة`): the part called false is denied,
    /// what follows is asserted.
    func split(_ content: Range<Int>, stance: Stance, _ context: Context) -> [(Range<Int>, Stance)] {
        let text = context.text
        var parts: [Range<Int>] = []
        var start = content.lowerBound
        var depth = 0
        for k in content {
            for c in text.gaps[k] { if c == "«" || c == "“" { depth += 1 } else if c == "»" || c == "”" { depth = max(0, depth - 1) } }
            if k > start + 1, depth == 0, ["وان", "وبان", "وانه", "وانها", "وانهم", "وبانه", "وبانها"].contains(text.normalized[k]) {
                parts.append(trimmed(start..<k, text))
                start = k + 1
            }
        }
        parts.append(trimmed(start..<content.upperBound, text))
        var result: [(Range<Int>, Stance)] = []
        for part in parts where !part.isEmpty {
            if let denied = firstPersonDenial(part, text) { result.append((reportedProposition(denied, text), .denies)); continue }
            guard let falsity = falsityPhrase(in: part, text) else {
                result.append((stance == .denies ? reportedProposition(part, text) : part, stance))
                continue
            }
            let denied = trimmed(part.lowerBound..<falsity.start, text)
            let rest = trimmed(falsity.end..<part.upperBound, text)
            if denied.isEmpty {
                // The predicate first (`لا صحة للأنباء عن …`, `غير صحيح ما تردد عن …`): what follows is
                // what is false — denied once, never also asserted.
                result.append((reportedProposition(rest.isEmpty ? part : rest, text), .denies))
                continue
            }
            result.append((reportedProposition(denied, text), .denies))
            if rest.count >= 3 { result.append((rest, stance)) }
        }
        return result
    }

    /// What a denied report says: `صحة الأنباء عن انسحاب القوات` → `انسحاب القوات`, `للأنباء التي تحدثت
    /// عن استقالة الوزير` → `استقالة الوزير`, `التقارير بأن الرئيس غادر` → `الرئيس غادر`. A bare pointer
    /// (`هذه الأنباء`) stays, for the pointer rule.
    func reportedProposition(_ range: Range<Int>, _ text: AnalyzedText) -> Range<Int> {
        var k = range.lowerBound
        while k < range.upperBound, ["صحه", "حقيقه", "ما", "تم", "يتم", "مثل"].contains(text.normalized[k]) || ["صحه"].contains(text.keys[k]) { k += 1 }
        guard k < range.upperBound, CueLexicon.reportNouns.contains(text.keys[k]) || CueLexicon.reportNouns.contains(text.normalized[k])
                || CueLexicon.reportingOfOthers.contains(text.normalized[k]) else { return range }
        // The complement that says what the report is about, within a few words (`الواردة`, `التي تحدثت`).
        for j in (k + 1)..<min(range.upperBound, k + 6) {
            let word = text.normalized[j]
            if ["عن", "بشان", "حول", "بخصوص"].contains(word) || CueLexicon.complementizers.contains(word) {
                let inner = trimmed((j + 1)..<range.upperBound, text)
                return inner.count >= 2 ? inner : range
            }
        }
        return range
    }

    /// What a pointer denial points to when no claim reports it: a report noun with what it says in the
    /// sentence or the two before (`تداولت صفحات أنباء عن استقالة الوزير. ونفت الرئاسة ذلك`, `وسط تقارير
    /// بأن …، قالت الوزارة إن هذه التقارير كاذبة`), the nearest first. `end` is where the denying clause starts.
    func narratedReport(before end: Int, sentenceIndex: Int, _ text: AnalyzedText) -> Range<Int>? {
        for s in stride(from: sentenceIndex, through: max(0, sentenceIndex - 2), by: -1) {
            let sentence = text.sentences[s]
            let upper = s == sentenceIndex ? min(end, sentence.upperBound) : sentence.upperBound
            guard upper > sentence.lowerBound else { continue }
            for k in stride(from: upper - 1, through: sentence.lowerBound, by: -1)
            where CueLexicon.reportNouns.contains(text.keys[k]) || CueLexicon.reportNouns.contains(text.normalized[k]) {
                let said = trimmed(reportedProposition(k..<upper, text), text)
                // (A report noun without its complement says nothing: `هذه الأنباء` itself.)
                if said.lowerBound > k, said.count >= 2 { return said }
            }
        }
        return nil
    }

    /// The speaker's own denial in the first person (`«أنا لم أقل إن …»`, `«ننفي أي …»`, `لم نعلن أن …`):
    /// what follows the verb is denied.
    func firstPersonDenial(_ part: Range<Int>, _ text: AnalyzedText) -> Range<Int>? {
        var k = part.lowerBound
        if k < part.upperBound, ["انا", "نحن", "اننا", "انني", "فانا", "ونحن"].contains(text.normalized[k]) { k += 1 }
        guard k + 1 < part.upperBound else { return nil }
        let word = text.normalized[k]
        if CueLexicon.firstPersonDenials.contains(word) { return trimmed((k + 1)..<part.upperBound, text) }
        if ["لم", "لا"].contains(word), CueLexicon.firstPersonSayings.contains(text.normalized[k + 1]), k + 2 < part.upperBound {
            return trimmed((k + 2)..<part.upperBound, text)
        }
        return nil
    }

    /// Where a falsity predicate (`كاذبة`, `غير صحيحة`, `لا أساس لها`) starts in `range`, if any.
    func falsityPhrase(in range: Range<Int>, _ text: AnalyzedText) -> (start: Int, end: Int)? {
        for k in range {
            if let cue = cues.phrase(in: text, at: k, end: range.upperBound), cue.role == .falsity { return (k, k + cue.keys.count) }
        }
        return nil
    }

    /// A bare pointer: `ذلك`, `هذه الأنباء`, `تلك التقارير`, `الأمر`, `هذه الادعاءات` — not a report with what
    /// it says (`الأنباء عن إغلاقها`).
    func isPointer(_ range: Range<Int>, _ text: AnalyzedText) -> Bool {
        guard let first = range.first, range.count <= 3 else { return false }
        guard CueLexicon.pointerWords.contains(text.normalized[first]) || CueLexicon.pointerWords.contains(text.keys[first]) else { return false }
        return !range.dropFirst().contains { ["عن", "بشان", "حول", "بخصوص"].contains(text.normalized[$0]) || CueLexicon.complementizers.contains(text.normalized[$0]) }
    }
}

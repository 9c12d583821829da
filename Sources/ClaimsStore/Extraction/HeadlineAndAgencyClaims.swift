/// Headlines (`نيويورك تايمز: إيران بدأت …`), agency phrases (`بحسب X، …`, `وفق ما أفاد X`) and
/// claims a reporter could not confirm (`ولم يتسن … التأكد`).
extension ClaimExtractor {
    func headlineClaim(_ sentence: Range<Int>, _ sentenceIndex: Int, _ context: Context) -> ExtractedClaim? {
        let text = context.text
        for k in (sentence.lowerBound + 1)..<min(sentence.upperBound, sentence.lowerBound + 5) where text.gaps[k].contains(":") {
            let prefix = sentence.lowerBound..<k
            guard let speaker = speakerFromPhrase(prefix, context, requireEntity: true) else { return nil }
            var content = k..<sentence.upperBound
            content = trimmed(content, text)
            guard content.count >= 2 else { return nil }
            // `الجيش اللبناني: الأنباء عن استقالة قائد الجيش غير صحيحة` denies.
            let (part, stance) = split(content, stance: .asserts, context).first ?? (content, .asserts)
            return makeClaim(speaker: speaker, cue: "headline", stance: stance, content: part, quote: false,
                             sentence: sentence, sentenceIndex: sentenceIndex, saidOn: nil, context)
        }
        return nil
    }

    func agencyClaim(at i: Int, sentence: Range<Int>, _ sentenceIndex: Int, _ context: Context, _ consumed: inout [Bool]) -> [ExtractedClaim] {
        let text = context.text
        var j = i + 1
        if text.normalized[i] == "نقلا" || text.keys[i] == "نقلا" {
            guard j < sentence.upperBound, text.normalized[j] == "عن" else { return [] }
            j += 1
        }
        // وفق ما أفاد X / بحسب ما ذكرت X / وفقا لـ X
        if j < sentence.upperBound, ["ما", "لما"].contains(text.normalized[j]) { j += 1 }
        if j < sentence.upperBound, let cue = cueWord(at: j, text), cue.role == .speech || cue.role == .point { j += 1 }
        if j < sentence.upperBound, text.normalized[j] == "ل" { j += 1 }
        let npEnd = scanSpeakerPhrase(from: j, limit: sentence.upperBound, context, role: .agency)
        guard npEnd > j, let speaker = speakerFromPhrase(j..<npEnd, context, requireEntity: false) else { return [] }
        var content: Range<Int>
        var before = sentence.lowerBound
        while before < i, ["و", "ف"].contains(text.normalized[before]) { before += 1 }
        if before < i {
            // The proposition comes first: `انسحبت القوات …، وفق ما أفاد المرصد`. It starts after
            // whatever an earlier claim of the sentence took.
            var first = before
            while first < i, consumed[first] { first += 1 }
            content = first..<i
        } else {
            // `بحسب المرصد، انسحبت القوات …`
            var ignored = false
            content = npEnd..<clauseEnd(from: npEnd, sentence: sentence, context, quoted: &ignored)
        }
        content = trimmed(content, text)
        if content.count >= 2, content.lowerBound < text.tokens.count, ["فقد", "قد"].contains(text.normalized[content.lowerBound]) {
            content = (content.lowerBound + 1)..<content.upperBound
        }
        guard content.count >= 3, !content.contains(where: { consumed[$0] }) else {
            // `…، بحسب ما ذكر X لوكالة …` after what an earlier claim took: the source phrase still says
            // nothing of what follows it (its verb is no report of its own).
            if before < i { for t in i..<npEnd { consumed[t] = true } }
            return []
        }
        for t in content { consumed[t] = true }
        for t in i..<npEnd { consumed[t] = true }   // `وفق ما أفاد المرصد` is not a claim of its own
        return [makeClaim(speaker: speaker, cue: String(text.tokens[i].text), stance: .asserts, content: content, quote: false,
                          sentence: sentence, sentenceIndex: sentenceIndex, saidOn: nil, context)]
    }

    func markUnverified(_ sentence: Range<Int>, _ context: Context, _ claims: inout [ExtractedClaim], _ sentenceIndex: Int) {
        let text = context.text
        for i in sentence {
            guard let cue = cues.phrase(in: text, at: i, end: sentence.upperBound), cue.role == .unverified else { continue }
            // The reporter who could not confirm, if named in the sentence.
            let reporter = context.entities.found.first { $0.range.lowerBound > i && $0.range.upperBound <= sentence.upperBound && !$0.viaNisba }?.name
            var marked = false
            for index in claims.indices.reversed() where sentenceIndex - claims[index].sentenceIndex <= 3 && claims[index].part == context.part {
                let claim = claims[index]
                if let reporter, claim.speakerEntity == reporter || claim.via.contains(reporter) || claim.speakerText == reporter {
                    if claims[index].stance == .asserts { claims[index].stance = .unconfirmed }
                    marked = true
                }
            }
            if !marked, let last = claims.indices.last, claims[last].sentenceIndex >= sentenceIndex - 1, claims[last].stance == .asserts {
                claims[last].stance = .unconfirmed
            }
            return
        }
    }
}

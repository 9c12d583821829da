/// Finds attributed claims in an analysed text, rule by rule:
///
/// - verb first: `قال X [لـY] [في بيان] [عن Z] إن …`, `أكد X: «…»`, `أشار X إلى أن …`;
/// - subject first: `X قال … إن …`, headlines `إيران تنفي إخلاء سفارتها`;
/// - headline colon: `نيويورك تايمز: إيران بدأت …`;
/// - continuation: `وأضاف …`, `مؤكدا أن …` refer back to the current speaker;
/// - agency: `وفق ما أفاد المرصد`, `بحسب المرصد، …`, `نقلا عن مسؤولين`;
/// - reporting chains: `قالت رويترز إن مصادر بالمعارضة ذكرت أن …` → via [رويترز, مصادر بالمعارضة];
/// - denials: `نفى X الأنباء عن …`, `قالت X إن التقارير كاذبة`, `الأمر الذي نفته X`;
/// - calls: `حثت X رعاياها على مغادرة …`;
/// - `ولم يتسن … التأكد` marks the claims it refers to as unconfirmed.
///
/// Every rule is on the general form of the construction, never on particular sentences. The rules
/// live by concern: `SpeakerPhrases` (who speaks), `ReportingWords` (the verb and its neighbours),
/// `ContentBoundaries` (where the proposition starts and ends), `StanceScope` (what is denied),
/// `HeadlineAndAgencyClaims`, `StatementDates`; names the gazetteer lacks are `PersonNames`.
struct ClaimExtractor {
    let cues: CueLexicon
    /// For affiliations (`المتحدث باسم البنتاغون` after `بات رايدر`).
    var recognizerGazetteer: Gazetteer?

    /// What the extractor knows of the entities in the text, by token.
    struct EntityIndex {
        /// Mention starting at each token (index into `found`).
        var startingAt: [Int: Int] = [:]
        /// Mention covering each token.
        var covering: [Int: Int] = [:]
        var found: [EntityRecognizer.Found] = []

        init(_ found: [EntityRecognizer.Found]) {
            self.found = found
            for (index, mention) in found.enumerated() {
                startingAt[mention.range.lowerBound] = index
                for i in mention.range { covering[i] = index }
            }
        }
    }

    /// A speaker and the chain they report through.
    struct Speaker {
        var text: String
        var entity: String?
        var type: EntityType?
        var anonymous: Bool
        var via: [String]
        /// For a role without a name (`وزير الخارجية الروسي`, `المتحدث باسم البنتاغون`): the
        /// entities the role belongs to, so that it can be tied to the person just quoted.
        var roleOf: [String]? = nil
    }

    struct Context {
        let text: AnalyzedText
        let part: ArticlePart
        let entities: EntityIndex
        let articleDate: CalendarDate?
        /// Title and body lines that stand alone as headlines (short, no final full stop).
        let isHeadline: (Range<Int>) -> Bool
    }

    // MARK: - Entry point

    func extract(_ context: Context, previousSpeaker: inout Speaker?, previousSaidOn: inout String?) -> [ExtractedClaim] {
        var claims: [ExtractedClaim] = []
        let text = context.text
        var consumed = [Bool](repeating: false, count: text.tokens.count)
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            if context.isHeadline(sentence), let claim = headlineClaim(sentence, sentenceIndex, context) {
                claims.append(claim)
                for i in claim.contentTokens { consumed[i] = true }
                continue
            }
            var i = sentence.lowerBound
            while i < sentence.upperBound {
                defer { i += 1 }
                guard !consumed[i], let cue = cueWord(at: i, text) else { continue }
                guard context.entities.covering[i] == nil else { continue }   // a cue word inside a name
                let made: [ExtractedClaim]
                switch cue.role {
                case .agency:
                    made = agencyClaim(at: i, sentence: sentence, sentenceIndex, context, &consumed)
                case .falsity, .unverified:
                    made = []
                default:
                    made = verbClaims(cue: cue, at: i, sentence: sentence, sentenceIndex, context, claims: claims,
                                      previousSpeaker: previousSpeaker, previousSaidOn: previousSaidOn, &consumed)
                }
                for claim in made {
                    claims.append(claim)
                    previousSpeaker = Speaker(text: claim.speakerText, entity: claim.speakerEntity, type: claim.speakerType,
                                              anonymous: claim.anonymous, via: claim.via)
                    previousSaidOn = claim.saidOn
                }
            }
            markUnverified(sentence, context, &claims, sentenceIndex)
        }
        return claims
    }

    // MARK: - Reporting verbs

    func verbClaims(cue: CueLexicon.Cue, at i: Int, sentence: Range<Int>, _ sentenceIndex: Int, _ context: Context,
                            claims: [ExtractedClaim], previousSpeaker: Speaker?, previousSaidOn: String?,
                            _ consumed: inout [Bool]) -> [ExtractedClaim] {
        let text = context.text
        let limit = sentence.upperBound
        guard !CueLexicon.sayingNouns.contains(text.normalized[i]) else { return [] }
        // After a preposition a cue word is a verbal noun (`عبر وصف أدوية له`, `من نفي الخبر`), never a verb.
        if i > sentence.lowerBound, CueLexicon.prepositions.contains(text.normalized[i - 1]) { return [] }
        // `ما أفادت به الإذاعة`, `الذي تحدث عنه`: the verb's object is a pronoun pointing back; nothing after
        // it is reported (a denial's pronoun is resolved by the denial rule).
        if cue.role != .denial, i + 1 < limit, CueLexicon.resumptivePrepositions.contains(text.normalized[i + 1]) { return [] }
        // Impersonal `يذكر أن` / `يشار إلى أن` / `يُعتقد أن`: narration, no speaker.
        if cue.isImperfect, text.normalized[i].hasPrefix("ي") || text.normalized[i].hasPrefix("وي"), i + 1 < limit,
           CueLexicon.complementizers.contains(text.normalized[i + 1]) || (text.normalized[i + 1] == "الي" && i + 2 < limit && CueLexicon.complementizers.contains(text.normalized[i + 2])),
           subjectBefore(i, sentence: sentence, context) == nil { return [] }
        var speakers: [Speaker] = []
        var npEnd = i + 1
        var inherited = false

        // 1. The speaker: after the verb (VSO), before it (SVO, headlines), or the one already speaking.
        var vso: (speakers: [Speaker], end: Int)?
        // A subject written after a verb that takes no object and names no speaker we know (`أشارت
        // البيانات إلى …`, `عدة إفادات`): the verb has its subject, so the speaker already quoted does not continue.
        var unreadSubject = false
        let pluperfect = cue.isParticiple ? nil : pluperfectSubject(before: i, sentence: sentence, context)
        if let pluperfect {
            vso = ([pluperfect], i + 1)
        } else if !cue.isParticiple {
            var start = i + 1
            while start < limit, isAdverbial(start, text) { start += 1 }
            if start < limit, text.gap(before: start, contains: [":"])
                || (text.quoteOpens[start] && !isShortQuotedName(start, text, context)
                    // (A quoted name closes within a few words: `قالت "صحيفة نيويورك تايمز"، …`.)
                    && !((start + 1)..<min(limit, start + 5)).contains { j in text.gaps[j].contains { "»”\"".contains($0) } }) {
                // `وقال أيضا: «…»`: what follows the colon or the quotation mark is said, not who says it.
            } else if start < limit, ["فيه", "فيها", "فيهم"].contains(text.normalized[start]) {
                // `ألقى X كلمة أكد فيها أن …`, `أدلى X بتصريح قال فيه: …`: the speaker is the subject of the
                // clause whose statement `فيها` points to.
                if let subject = clauseSubject(before: i, sentence: sentence, context) { vso = ([subject], start + 1) }
            } else {
                let end = scanSpeakerPhrase(from: start, limit: limit, context, role: cue.role)
                if end > start {
                    let found = coordinatedSpeakers(start..<end, context)
                    if !found.isEmpty { vso = (found, end) }
                    else if !cue.allowsObject, !text.quoteOpens[start], !text.gap(before: start, contains: [":"]),
                            text.normalized[start].hasPrefix("ال") || CueLexicon.numberWords.contains(text.normalized[start]) { unreadSubject = true }
                    // A subject we cannot read (`قال <phrase> إن …`): never someone else's words.
                    else if !cue.allowsObject, end < limit, CueLexicon.complementizers.contains(text.normalized[end]) || text.gaps[end].contains(":")
                                || (text.quoteOpens[end] && !isShortQuotedName(end, text, context)) {
                        return []
                    }
                }
            }
        }
        // A perfect verb with a glued conjunction (`وأشار`, `فقال`) opens its clause: no subject stands before it.
        let conjoinedPerfect = !cue.isImperfect && text.normalized[i].count > 2
            && (text.normalized[i].hasPrefix("و") || text.normalized[i].hasPrefix("ف")) && !cues.normalizedForms.contains(text.normalized[i])
        let svo = cue.isParticiple || conjoinedPerfect || pluperfect != nil ? nil : subjectBefore(i, sentence: sentence, context)
        if let svo, cue.isImperfect || vso == nil {
            speakers = [svo]
        } else if let vso {
            speakers = vso.speakers
            npEnd = vso.end
        }
        if speakers.isEmpty {
            if cue.isParticiple, let current = claims.last(where: { $0.part == context.part && $0.sentenceIndex == sentenceIndex }) {
                speakers = [Speaker(text: current.speakerText, entity: current.speakerEntity, type: current.speakerType,
                                    anonymous: current.anonymous, via: Array(current.via.dropFirst()))]
            } else if cue.isParticiple, let subject = sentenceSubject(sentence, before: i, context) {
                speakers = [subject]
            } else if !unreadSubject, let previous = previousSpeaker, claims.last.map({ $0.part != context.part || sentenceIndex - $0.sentenceIndex <= 3 }) ?? false {
                // The verb agrees with its implicit subject (`وأضافت` is said by a woman or an institution
                // of feminine gender): the speaker just quoted, else the latest one it agrees with. (In the
                // same sentence the speaker stands: `في بيان للسفارة … قال:` agrees with the statement.)
                let verb = Agreement.ofVerb(text.normalized[i], forms: cues.normalizedForms)
                let sameSentence = claims.last.map { $0.part == context.part && $0.sentenceIndex == sentenceIndex } ?? false
                if sameSentence || Agreement.compatible(verb, Agreement.of(previous)) {
                    speakers = [previous]
                } else if let agreeing = claims.last(where: { $0.part == context.part && sentenceIndex - $0.sentenceIndex <= 3 && Agreement.compatible(verb, Agreement.of($0)) }) {
                    speakers = [Speaker(text: agreeing.speakerText, entity: agreeing.speakerEntity, type: agreeing.speakerType,
                                        anonymous: agreeing.anonymous, via: Array(agreeing.via.dropFirst()))]
                } else {
                    return []
                }
                inherited = true
            }
        }
        guard !speakers.isEmpty else { return [] }
        speakers = speakers.map { resolveAnaphora($0, at: i, sentenceIndex: sentenceIndex, claims: claims, context) }

        // 2. The proposition: after إن/أن, a colon, a quotation or an opener; else the object.
        var via: [String] = []
        var outerSource: Speaker?
        var contentStart: Int?
        var openedAt: Int?
        var quoted = false
        var k = npEnd
        let window = min(limit, npEnd + 30)
        while k < window {
            let word = text.normalized[k]
            if k > npEnd || k > i, text.gaps[k].contains(":") {
                // (`قال: إن …`: the complementiser after the colon opens the proposition, as without it.)
                let skip = !opensQuote(before: k, text) && k + 1 < limit && CueLexicon.complementizers.contains(word) && ["ان"].contains(word)
                contentStart = skip ? k + 1 : k
                quoted = opensQuote(before: contentStart!, text)
                break
            }
            if opensQuote(before: k, text), !isShortQuotedName(k, text, context) {
                contentStart = k
                quoted = true
                break
            }
            if CueLexicon.complementizers.contains(word), k == 0 || !CueLexicon.nonReportingBeforeAn.contains(text.normalized[k - 1]) {
                contentStart = k + 1
                quoted = k + 1 < limit && opensQuote(before: k + 1, text)
                break
            }
            if let opener = opener(at: k, cue, text) {
                contentStart = opener
                openedAt = k
                break
            }
            // Only reporting verbs cite a source, and only right after the speaker and its modifiers
            // (`نفى … الأنباء الواردة عن إخلاء …` is an object, not a chain).
            if cue.role != .denial, cue.role != .call, k - npEnd <= 8, !cue.openers.contains("عن"),
               word == "عن" || (word == "نقلا" && k + 1 < limit && text.normalized[k + 1] == "عن") {
                // A reporting chain: `عن مسؤولين إيرانيين`, `نقلا عن مصدر عسكري قوله`.
                let sourceStart = word == "عن" ? k + 1 : k + 2
                let sourceEnd = scanSpeakerPhrase(from: sourceStart, limit: limit, context, role: .speech)
                if sourceEnd > sourceStart, let source = speakerFromPhrase(sourceStart..<sourceEnd, context, requireEntity: false) {
                    via.append(source.text)
                    k = sourceEnd
                    while k < limit, CueLexicon.sayingNouns.contains(text.normalized[k]) { k += 1 }
                    continue
                }
            }
            if let other = cueWord(at: k, text), other.role == .agency, word != "نقلا" {
                // `ورجح X - وفق صحيفة "الشرق الأوسط" - حدوث …`: the outlet reports what X said.
                var j = k + 1
                if j < limit, ["ما", "لما"].contains(text.normalized[j]) { j += 1 }
                if j < limit, let inner = cueWord(at: j, text), inner.role == .speech { j += 1 }
                let sourceEnd = scanSpeakerPhrase(from: j, limit: limit, context, role: .agency)
                if sourceEnd > j, let source = speakerFromPhrase(j..<sourceEnd, context, requireEntity: false) {
                    outerSource = source
                    k = sourceEnd
                    continue
                }
            }
            if let other = cueWord(at: k, text), other.role != .agency, context.entities.covering[k] == nil,
               !CueLexicon.sayingNouns.contains(word) { break }
            if text.gap(before: k, contains: ["،", ","]), CueLexicon.clauseOpeners.contains(word) { break }
            k += 1
        }
        if cue.requiresOpener, contentStart == nil { return [] }
        // An object before the opener is the proposition (`أكد المتحدث رفض بلاده لفرض عقوبات على إيران`):
        // the preposition belongs to it, not to the verb.
        if let openedAt, cue.allowsObject, let object = objectStart(after: npEnd, limit: limit, context), object < openedAt,
           context.entities.covering[object] == nil || context.entities.startingAt[object] != nil {
            contentStart = object
        }
        if contentStart == nil, cue.allowsObject || cue.role == .denial, let object = objectStart(after: npEnd, limit: limit, context) {
            contentStart = object
        }
        // A denial with nothing after it (`الأمر الذي نفته وزارة الدفاع`): it denies the claim just made.
        if contentStart == nil || contentStart! >= limit {
            guard cue.role == .denial else { return [] }
            guard let target = claims.lastIndex(where: { $0.part == context.part && sentenceIndex - $0.sentenceIndex <= 1 }) else {
                // `أنباء عن انسحاب من حمص.. ودمشق تنفي`: what the sentence said before the subject is denied.
                var clause = sentence.lowerBound..<i
                if let subjectStart = (sentence.lowerBound..<i).last(where: { text.gap(before: $0, contains: ["،", ",", "."]) || text.normalized[$0].hasPrefix("و") }) {
                    clause = sentence.lowerBound..<subjectStart
                }
                if let about = (clause).first(where: { text.normalized[$0] == "عن" }), about + 1 < clause.upperBound { clause = (about + 1)..<clause.upperBound }
                clause = trimmed(clause, text)
                guard clause.count >= 2, !clause.contains(where: { consumed[$0] }) else { return [] }
                return speakers.map { makeClaim(speaker: $0, via: via, cue: text.tokens[i].text, stance: .denies, content: clause, quote: false,
                                                sentence: sentence, sentenceIndex: sentenceIndex, saidOn: nil, context) }
            }
            return speakers.map { speaker in
                var claim = makeClaim(speaker: speaker, via: via, cue: text.tokens[i].text, stance: .denies, content: claims[target].contentTokens,
                                      quote: false, sentence: sentence, sentenceIndex: sentenceIndex,
                                      saidOn: saidOn(i..<max(npEnd, i + 1), context), context)
                claim.targetIndex = target
                return claim
            }
        }
        let start = contentStart!
        let end = clauseEnd(from: start, sentence: sentence, context, quoted: &quoted)
        var content = trimmed(start..<end, text)
        let opened = contentStart != nil && (start == 0 || !CueLexicon.complementizers.contains(text.normalized[start - 1])) && !quoted
        guard !content.isEmpty, content.count >= (opened || cue.role == .call || cue.role == .denial ? 1 : 2), !consumed[content.lowerBound] else { return [] }

        // A report of a report: `قالت رويترز إن مصادر بالمعارضة ذكرت أيضا أن …`.
        var stanceOfContent = cue.stance
        if let (inner, innerSpeaker) = nestedReport(in: content, context) {
            via.append(innerSpeaker.text)
            content = inner
        } else if let (inner, innerStance) = ownReport(in: content, context) {
            // The speaker reporting their own belief or statement (`قالت إنها تعتقد أن …`).
            content = inner
            stanceOfContent = innerStance
        }
        for t in min(i, content.lowerBound)..<content.upperBound { consumed[t] = true }
        var said = saidOn(i..<start, context)
        if said == nil, inherited || cue.role == .continuation || cue.isParticiple { said = previousSaidOn }
        if let outer = outerSource {
            via = speakers.map(\.text) + via
            speakers = [outer]
        }
        var result: [ExtractedClaim] = []
        for speaker in speakers {
            for (part, stance) in split(content, stance: stanceOfContent, context) {
                var claim = makeClaim(speaker: speaker, via: via, cue: text.tokens[i].text, stance: stance, content: part, quote: quoted,
                                      sentence: sentence, sentenceIndex: sentenceIndex, saidOn: said, context)
                claim.isCall = cue.role == .call
                if stance == .denies, isPointer(part, text) {
                    // `نفت ذلك`: the main report of the last sentence that reported something by someone else
                    // (a report, not another denial: `الوزارة تنفي …` in the title is the same denial).
                    func isReport(_ c: ExtractedClaim) -> Bool { c.speakerText != speaker.text && c.stance != .denies && c.part == context.part }
                    if let sentenceOfReport = claims.last(where: { isReport($0) && sentenceIndex - $0.sentenceIndex <= 3 })?.sentenceIndex {
                        claim.targetIndex = claims.firstIndex { $0.sentenceIndex == sentenceOfReport && isReport($0) }
                    }
                    // Else a report the text narrates (`تداولت صفحات أنباء عن …`): what it says is denied.
                    if claim.targetIndex == nil,
                       let narrated = narratedReport(before: clauseStartBackward(from: min(i, part.lowerBound), sentence: sentence, text), sentenceIndex: sentenceIndex, text) {
                        claim = makeClaim(speaker: speaker, via: via, cue: text.tokens[i].text, stance: stance, content: narrated, quote: false,
                                          sentence: sentence, sentenceIndex: sentenceIndex, saidOn: said, context)
                    }
                }
                result.append(claim)
            }
        }
        return result
    }

    // MARK: - Building claims

    func makeClaim(speaker: Speaker, via chain: [String] = [], cue: String, stance: Stance, content: Range<Int>, quote: Bool,
                           sentence: Range<Int>, sentenceIndex: Int, saidOn: String?, _ context: Context) -> ExtractedClaim {
        let text = context.text
        var contentText = String(text.slice(content))
        var contentStartOffset = text.tokens[content.lowerBound].start
        // A conjunction glued to the first word (`والحكومة تواصل …`) is not part of the proposition.
        let firstWord = text.normalized[content.lowerBound]
        if firstWord.count > 3, firstWord.hasPrefix("و") || firstWord.hasPrefix("ف"), text.keys[content.lowerBound] != firstWord,
           !text.keys[content.lowerBound].hasPrefix(String(firstWord.first!)) {
            contentText = String(contentText.unicodeScalars.dropFirst().map(Character.init))
            contentStartOffset += 1
        }
        if quote { contentText = contentText.trimmingCharacters(in: "«»\"“”") }
        contentText = contentText.trimmingCharacters(in: ".،,!؟?:؛")
        let endToken = text.tokens[content.upperBound - 1]
        let entities = context.entities.found.filter { $0.range.lowerBound >= content.lowerBound && $0.range.upperBound <= content.upperBound }
        var names: [String] = []
        for mention in entities where !names.contains(mention.name) { names.append(mention.name) }
        var via = [speaker.text]
        for step in speaker.via + chain where via.last != step { via.append(step) }
        return ExtractedClaim(
            speakerText: speaker.text, speakerEntity: speaker.entity, speakerType: speaker.type, anonymous: speaker.anonymous,
            via: via, cue: cue, stance: stance, content: contentText, part: context.part, sentenceIndex: sentenceIndex,
            contentStart: contentStartOffset, contentEnd: endToken.end,
            sentenceStart: text.tokens[sentence.lowerBound].start, sentenceEnd: text.tokens[sentence.upperBound - 1].end,
            quote: quote, saidOn: saidOn, targetIndex: nil, entities: names, contentTokens: content)
    }
}

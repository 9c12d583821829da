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
/// Every rule is on the general form of the construction, never on particular sentences.
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

    // MARK: - Headlines: `نيويورك تايمز: إيران بدأت …`

    private func headlineClaim(_ sentence: Range<Int>, _ sentenceIndex: Int, _ context: Context) -> ExtractedClaim? {
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

    // MARK: - Agency: `بحسب X، …` / `…، وفق ما أفاد X`

    private func agencyClaim(at i: Int, sentence: Range<Int>, _ sentenceIndex: Int, _ context: Context, _ consumed: inout [Bool]) -> [ExtractedClaim] {
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
        guard content.count >= 3, !content.contains(where: { consumed[$0] }) else { return [] }
        for t in content { consumed[t] = true }
        for t in i..<npEnd { consumed[t] = true }   // `وفق ما أفاد المرصد` is not a claim of its own
        return [makeClaim(speaker: speaker, cue: String(text.tokens[i].text), stance: .asserts, content: content, quote: false,
                          sentence: sentence, sentenceIndex: sentenceIndex, saidOn: nil, context)]
    }

    // MARK: - Reporting verbs

    private func verbClaims(cue: CueLexicon.Cue, at i: Int, sentence: Range<Int>, _ sentenceIndex: Int, _ context: Context,
                            claims: [ExtractedClaim], previousSpeaker: Speaker?, previousSaidOn: String?,
                            _ consumed: inout [Bool]) -> [ExtractedClaim] {
        let text = context.text
        let limit = sentence.upperBound
        guard !CueLexicon.sayingNouns.contains(text.normalized[i]) else { return [] }
        // Impersonal `يذكر أن` / `يشار إلى أن` / `يُعتقد أن`: narration, no speaker.
        if cue.isImperfect, text.normalized[i].hasPrefix("ي") || text.normalized[i].hasPrefix("وي"), i + 1 < limit,
           CueLexicon.complementizers.contains(text.normalized[i + 1]) || (text.normalized[i + 1] == "الي" && i + 2 < limit && CueLexicon.complementizers.contains(text.normalized[i + 2])),
           subjectBefore(i, sentence: sentence, context) == nil { return [] }
        var speakers: [Speaker] = []
        var npEnd = i + 1
        var inherited = false

        // 1. The speaker: after the verb (VSO), before it (SVO, headlines), or the one already speaking.
        var vso: (speakers: [Speaker], end: Int)?
        if !cue.isParticiple {
            var start = i + 1
            while start < limit, isAdverbial(start, text) { start += 1 }
            if start < limit, ["فيه", "فيها", "فيهم"].contains(text.normalized[start]) {
                // `ألقى X كلمة أكد فيها أن …`, `أدلى X بتصريح قال فيه: …`: the speaker is the subject of the
                // clause whose statement `فيها` points to.
                if let subject = clauseSubject(before: i, sentence: sentence, context) { vso = ([subject], start + 1) }
            } else {
                let end = scanSpeakerPhrase(from: start, limit: limit, context, role: cue.role)
                if end > start {
                    let found = coordinatedSpeakers(start..<end, context)
                    if !found.isEmpty { vso = (found, end) }
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
        let svo = cue.isParticiple || conjoinedPerfect ? nil : subjectBefore(i, sentence: sentence, context)
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
            } else if let previous = previousSpeaker, claims.last.map({ $0.part != context.part || sentenceIndex - $0.sentenceIndex <= 3 }) ?? false {
                speakers = [previous]
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
            if k > npEnd || k > i + 1, text.gaps[k].contains(":") {
                contentStart = k
                quoted = opensQuote(before: k, text)
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
        if let (inner, innerSpeaker) = nestedReport(in: content, context) {
            via.append(innerSpeaker.text)
            content = inner
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
            for (part, stance) in split(content, stance: cue.stance, context) {
                var claim = makeClaim(speaker: speaker, via: via, cue: text.tokens[i].text, stance: stance, content: part, quote: quoted,
                                      sentence: sentence, sentenceIndex: sentenceIndex, saidOn: said, context)
                claim.isCall = cue.role == .call
                if stance == .denies, isPointer(part, text) {
                    // `نفت ذلك`: the main report of the last sentence that reported something by someone else.
                    if let sentenceOfReport = claims.last(where: { $0.speakerText != speaker.text && sentenceIndex - $0.sentenceIndex <= 3 })?.sentenceIndex {
                        claim.targetIndex = claims.firstIndex { $0.sentenceIndex == sentenceOfReport && $0.part == context.part && $0.speakerText != speaker.text }
                    }
                }
                result.append(claim)
            }
        }
        return result
    }

    /// Where an opener of `cue` at `k` starts the proposition: `على مغادرة`, `عن قلقه`, `بالانسحاب`.
    private func opener(at k: Int, _ cue: CueLexicon.Cue, _ text: AnalyzedText) -> Int? {
        guard !cue.openers.isEmpty else { return nil }
        let word = text.normalized[k]
        if cue.openers.contains(word) {
            guard k + 1 < text.tokens.count else { return nil }
            // `إلى أن …`: the proposition starts after the complementiser.
            if CueLexicon.complementizers.contains(text.normalized[k + 1]) { return k + 2 }
            return k + 1
        }
        // Prefixes ب / ل glued to a verbal noun: `بالانسحاب`, `للانشقاق`.
        for prefix in ["ب", "ل"] where cue.openers.contains(prefix) && word.hasPrefix(prefix) && text.keys[k] != word
            && (word.dropFirst().hasPrefix("ال") || word.hasPrefix("بان")) {
            return word.hasPrefix("بان") && CueLexicon.complementizers.contains(word) ? k + 1 : k
        }
        return nil
    }

    /// The object of a transitive reporting verb: the first word after the speaker that is not a
    /// time word, a comma or a prepositional phrase of the verb (`في بيان`, `لوكالة …`).
    private func objectStart(after npEnd: Int, limit: Int, _ context: Context) -> Int? {
        let text = context.text
        var k = npEnd
        while k < limit {
            let word = text.normalized[k]
            if isAdverbial(k, text) { k += 1; continue }
            if word == "في" || isRecipient(k, text) {
                // The phrase: its head and the names or adjectives that follow it.
                k += word == "في" ? 2 : 1
                while k < limit, let mention = context.entities.startingAt[k] { k = context.entities.found[mention].range.upperBound }
                continue
            }
            break
        }
        guard k < limit else { return nil }
        let word = text.normalized[k]
        if CueLexicon.clauseOpeners.contains(word) || ["من", "الي", "علي", "عن", "مع", "ان", "ما", "لا", "لم", "قد"].contains(word)
            || cueWord(at: k, text) != nil || text.gaps[k].contains(":") { return nil }
        return k
    }

    /// The subject of a verb written before it: `وزارة الدفاع السورية نفت …`, `إيران تنفي …`,
    /// `… من الفصائل المحلية والتي أعلنت …` (the antecedent of a relative pronoun).
    private func subjectBefore(_ i: Int, sentence: Range<Int>, _ context: Context) -> Speaker? {
        let text = context.text
        var end = i
        if end > sentence.lowerBound, ["التي", "الذي", "الذين", "والتي", "والذي", "والذين"].contains(text.normalized[end - 1]) {
            end -= 1
        }
        var start = clauseStartBackward(from: end, sentence: sentence, text)
        // `عددا من قادة الميليشيات العراقية، دعوا …`: one comma may stand before the verb.
        if start == end, end > sentence.lowerBound, text.gap(before: end, contains: ["،", ","]) {
            let before = clauseStartBackward(from: end - 1, sentence: sentence, text)
            var head = before
            while head < end - 1, ["ان", "الا", "و"].contains(text.normalized[head]) { head += 1 }
            // Only a quantity or an unnamed source reaches over the comma (`عددا من القادة، دعوا`).
            if CueLexicon.numberWords.contains(text.normalized[head]) || CueLexicon.anonymousHeads.contains(text.normalized[head]) { start = head }
            // A role in apposition between commas (`مايا كوسيانيتش، المتحدثة باسم أشتون، نفت …`):
            // the speaker is the name before it, else the role itself.
            else if CueLexicon.titleWords.contains(text.normalized[head]) || CueLexicon.titleWords.contains(text.keys[head]) {
                if head > sentence.lowerBound, text.gap(before: head, contains: ["،", ","]) {
                    let nameStart = clauseStartBackward(from: head - 1, sentence: sentence, text)
                    if nameStart < head,
                       let named = speakerFromPhrase(nameStart..<head, context, requireEntity: true, subjectFirst: true), named.type == .person {
                        return named
                    }
                }
                start = head
            }
        }
        guard start < end else { return nil }
        // Take the phrase after the last preposition (`من الفصائل المحلية` → `الفصائل المحلية`).
        if let preposition = (start..<end).last(where: { ["من", "في", "الي", "علي", "عن", "مع"].contains(text.normalized[$0]) }),
           end != i, preposition + 1 < end, preposition > start,
           !CueLexicon.numberWords.contains(text.normalized[preposition - 1]), !CueLexicon.anonymousHeads.contains(text.normalized[preposition - 1]) {
            start = preposition + 1
        }
        return speakerFromPhrase(start..<end, context, requireEntity: false, subjectFirst: true)
    }

    /// The subject of the verb that opens the clause before `i` (`كما ألقى الرئيس … كلمة أكد فيها`).
    private func clauseSubject(before i: Int, sentence: Range<Int>, _ context: Context) -> Speaker? {
        var verb = clauseStartBackward(from: i, sentence: sentence, context.text)
        while verb < i, ["و", "كما", "ثم", "قد", "وقد"].contains(context.text.normalized[verb]) { verb += 1 }
        guard verb + 1 < i else { return nil }
        let end = scanSpeakerPhrase(from: verb + 1, limit: i, context, role: .speech)
        guard end > verb + 1 else { return nil }
        return speakerFromPhrase((verb + 1)..<end, context, requireEntity: false, verbFirst: true)
    }

    /// The subject of a sentence's first verb (`وشكلت الفصائل المحلية … معلنة …`), for participles.
    private func sentenceSubject(_ sentence: Range<Int>, before i: Int, _ context: Context) -> Speaker? {
        let start = sentence.lowerBound + 1
        guard start < i else { return nil }
        let end = scanSpeakerPhrase(from: start, limit: i, context, role: .agency)
        guard end > start else { return nil }
        return speakerFromPhrase(start..<end, context, requireEntity: false)
    }

    /// `X وY وZ` as speakers: each named entity joined by و speaks.
    private func coordinatedSpeakers(_ range: Range<Int>, _ context: Context) -> [Speaker] {
        let text = context.text
        let named = context.entities.found.filter { range.contains($0.range.lowerBound) && !$0.viaNisba }
        if named.count >= 2, named.first?.range.lowerBound == range.lowerBound,
           zip(named, named.dropFirst()).allSatisfy({ $0.range.upperBound == $1.range.lowerBound && text.normalized[$1.range.lowerBound].hasPrefix("و") }),
           named.last!.range.upperBound == range.upperBound {
            return named.map { Speaker(text: $0.name, entity: $0.name, type: $0.type, anonymous: false, via: []) }
        }
        return speakerFromPhrase(range, context, requireEntity: false, verbFirst: true).map { [$0] } ?? []
    }

    /// Resolves a speaker that only points back: `الصحيفة` (the outlet named before), `المصادر`
    /// (the unnamed sources just quoted), a role without a name (`وزير الخارجية الروسي`,
    /// `المتحدث باسم البنتاغون`) held by the person quoted in the last sentences.
    private func resolveAnaphora(_ speaker: Speaker, at position: Int, sentenceIndex: Int, claims: [ExtractedClaim], _ context: Context) -> Speaker {
        let words = speaker.text.split(separator: " ").map { ArabicNormalizer.normalize(String($0)) }
        let bare = words.map { $0.hasPrefix("ال") ? String($0.dropFirst(2)) : $0 }
        if speaker.entity == nil, words.count == 1, CueLexicon.mediaDescriptors.contains(bare[0]) {
            if let last = claims.last(where: { $0.speakerType == .media }) {
                return Speaker(text: last.speakerText, entity: last.speakerEntity, type: .media, anonymous: false, via: [])
            }
            if let mention = context.entities.found.last(where: { $0.type == .media && $0.range.upperBound <= position }) {
                return Speaker(text: mention.name, entity: mention.name, type: .media, anonymous: false, via: [])
            }
        }
        if speaker.entity == nil, words.count <= 2, words.first?.hasPrefix("ال") == true, speaker.anonymous,
           let last = claims.last(where: \.anonymous) {
            return Speaker(text: last.speakerText, entity: nil, type: nil, anonymous: true, via: [])
        }
        if let role = speaker.roleOf, let gazetteer = recognizerGazetteer,
           // A person named as such (a role's speaker text is the role, its entity the institution).
           let last = claims.last(where: { $0.speakerType == .person && $0.speakerText == $0.speakerEntity && $0.part == context.part && sentenceIndex - $0.sentenceIndex <= 4 }),
           let person = last.speakerEntity {
            let affiliation = gazetteer.entity(named: person)?.affiliation
            let affiliations = [affiliation, affiliation.flatMap { gazetteer.entity(named: $0)?.affiliation }].compactMap { $0 }
            let fits = role.isEmpty || role.contains { name in
                affiliations.contains(name) || gazetteer.entity(named: name)?.affiliation.map { affiliations.contains($0) } == true
            }
            if fits { return Speaker(text: person, entity: person, type: .person, anonymous: false, via: []) }
        }
        return speaker
    }

    // MARK: - Unverified: `ولم يتسن لرويترز التأكد بشكل مستقل من …`

    private func markUnverified(_ sentence: Range<Int>, _ context: Context, _ claims: inout [ExtractedClaim], _ sentenceIndex: Int) {
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

    // MARK: - Phrases

    /// The reporting verb at token `k`: by its key, or with a glued و / ف that the stemmer kept
    /// because the word is short (`وحث`, `فقال`). A verb negated by لم / لا / لن reports nothing.
    func cueWord(at k: Int, _ text: AnalyzedText) -> CueLexicon.Cue? {
        var found = cues.singleWord[text.keyWords[k]]
        if found == nil {
            let word = text.normalized[k]
            if word.count >= 3, word.hasPrefix("و") || word.hasPrefix("ف") {
                found = cues.singleWord[Word(MatchKey.of(String(word.dropFirst()), stemmer: CliticStemmer()))]
            }
        }
        if found != nil, k > 0, ["لم", "لا", "لن", "ولم", "ولا"].contains(text.normalized[k - 1]), found?.role != .falsity { return nil }
        // A verb never carries the article: `والجدير بالذكر`, `الإعلان` are nouns.
        if let cue = found, cue.role != .agency, CueLexicon.hasArticle(text.normalized[k]) { return nil }
        // A verb with an object pronoun (`مؤتمر صحفي نقله التلفزيون`, `اعتبره العلماء`) reports what the
        // pronoun stands for, not what follows — unless a complementiser follows (`أبلغه أن …`). A denial's
        // pronoun points back to what it denies (`الأمر الذي نفته الوزارة`), which the denial rule resolves.
        if let cue = found, cue.role != .agency, cue.role != .denial, hasObjectPronoun(text.normalized[k]),
           !(k + 1 < text.tokens.count && CueLexicon.complementizers.contains(text.normalized[k + 1])) { return nil }
        return found
    }

    /// Whether `word` is a cue form with an object pronoun glued to it (`نقله`, `وصفها`, `واعتبرهم`).
    private func hasObjectPronoun(_ word: String) -> Bool {
        var bare = Substring(word)
        if cues.normalizedForms.contains(String(bare)) { return false }
        if bare.count > 3, bare.hasPrefix("و") || bare.hasPrefix("ف") {
            bare = bare.dropFirst()
            if cues.normalizedForms.contains(String(bare)) { return false }
        }
        return ["ه", "ها", "هم", "هما", "هن"].contains { bare.hasSuffix($0) && cues.normalizedForms.contains(String(bare.dropLast($0.count))) }
    }

    private func isAdverbial(_ k: Int, _ text: AnalyzedText) -> Bool {
        let word = text.normalized[k]
        return CueLexicon.timeWords.contains(word) || CueLexicon.weekdays.contains(word) || CueLexicon.weekdays.contains("ال" + word)
            || (word == "في" && k + 2 < text.tokens.count && text.normalized[k + 1] == "وقت")
    }

    /// A recipient: `لوكالة فرانس برس`, `لـ«رويترز»`, `لصحافيين`, `للصحيفة`.
    private func isRecipient(_ k: Int, _ text: AnalyzedText) -> Bool {
        let word = text.normalized[k]
        if word == "ل" { return true }
        return word.hasPrefix("ل") && !text.keys[k].hasPrefix("ل") && word.count >= 4
    }

    private func opensQuote(before k: Int, _ text: AnalyzedText) -> Bool {
        text.quoteOpens[k]
    }

    /// A quotation of at most three words that is a name (`صحيفة "وول ستريت جورنال"`), not a statement.
    private func isShortQuotedName(_ k: Int, _ text: AnalyzedText, _ context: Context) -> Bool {
        var j = k
        while j < min(text.tokens.count, k + 4) {
            if j > k, text.gaps[j].contains(where: { $0 == "»" || $0 == "”" || $0 == "\"" }) { break }
            j += 1
        }
        guard j < text.tokens.count ? text.gaps[j].contains(where: { $0 == "»" || $0 == "”" || $0 == "\"" }) : true else { return false }
        return j - k <= 2 || (j - k <= 5 && context.entities.startingAt[k] != nil)
    }

    /// The end of the institution named after `باسم` (`الحكومة`, `وزارة الدفاع الأميركية`,
    /// `شبكة أخبار "الشرق نيوز"`): indefinite heads up to the first definite noun or name, its adjectives,
    /// and a quotation opened inside it.
    private func institutionEnd(from first: Int, limit: Int, _ context: Context) -> Int {
        let text = context.text
        var i = first
        var inQuote = false
        func step() {
            if text.quoteOpens[i] { inQuote = true }
            i += 1
            if i < limit, text.gaps[i].contains(where: { $0 == "»" || $0 == "”" }) || (inQuote && text.gaps[i].contains("\"")) { inQuote = false }
        }
        // Indefinite heads of the construct chain.
        while i < limit, i - first < 6, context.entities.startingAt[i] == nil, !text.normalized[i].hasPrefix("ال"), !text.quoteOpens[i] {
            if i > first, text.gap(before: i, contains: ["،", ",", ":"]) { return i }
            step()
        }
        guard i < limit else { return i }
        if let mention = context.entities.startingAt[i] { i = context.entities.found[mention].range.upperBound } else { step() }
        // Adjectives, and the rest of a quoted name.
        while i < limit, !text.gap(before: i, contains: ["،", ",", ":"]), cueWord(at: i, text) == nil,
              inQuote || (text.normalized[i].hasPrefix("ال") && context.entities.covering[i] == nil) {
            step()
        }
        return i
    }

    /// The end (exclusive) of the speaker phrase starting at `start`.
    func scanSpeakerPhrase(from start: Int, limit: Int, _ context: Context, role: CueLexicon.Role) -> Int {
        let text = context.text
        var i = start
        var sawEntity = false
        var sawDefinite = false
        var afterInstitution = false
        while i < limit && i - start < 12 {
            if i > start {
                if text.gap(before: i, contains: [":", "\n", "(", "؛"]) { break }
                if text.gap(before: i, contains: ["،", ","]) {
                    // An apposition giving the role (`، زعيم هيئة تحرير الشام،`) or the name (`، رامي عبد الرحمن،`).
                    if let appositionEnd = apposition(at: i, limit: limit, context) { i = appositionEnd; continue }
                    break
                }
                if opensQuote(before: i, text), !isShortQuotedName(i, text, context) { break }
            }
            if isRecipient(i, text) {
                // `لرويترز` after a source is whom it spoke to; `للأمم المتحدة` after a title is its complement.
                let afterTitle = i > start && (CueLexicon.titleWords.contains(text.normalized[i - 1]) || EntityRecognizer.titleComplements.contains(text.normalized[i - 1])
                                               || CueLexicon.titleWords.contains(text.normalized[start]))
                if context.entities.covering[i] == nil || (context.entities.startingAt[i] != nil && i > start && !afterTitle) { break }
            }
            if let mention = context.entities.startingAt[i] {
                i = context.entities.found[mention].range.upperBound
                sawEntity = true
                continue
            }
            let word = text.normalized[i]
            // `مبعوث الأمم المتحدة إلى سوريا غير بيدرسن`: إلى inside an envoy's title.
            if word == "الي", i > start, ["مبعوث", "المبعوث", "سفير", "السفير", "ممثل", "الممثل"].contains(text.normalized[start]) { i += 1; continue }
            if CueLexicon.complementizers.contains(word) || isAdverbial(i, text) || word == "عن" || word == "علي" || word == "الي" { break }
            if word == "نقلا" || ["لم", "لن", "لا", "قد", "ما", "سوف", "كان", "كانت", "الذي", "التي", "الذين"].contains(word) { break }
            if cueWord(at: i, text) != nil { break }
            if word == "في", i + 1 < limit, CueLexicon.verbPrepositionHeads.contains(text.normalized[i + 1]) || CueLexicon.verbPrepositionHeads.contains(text.keys[i + 1]) { break }
            if CueLexicon.clauseOpeners.contains(word) { break }
            // `المتحدث باسم الحكومة`, `الناطق باسم شبكة أخبار "الشرق" فلان`: the role's institution is a
            // construct chain ending at its first definite noun or name (with adjectives and a quoted name);
            // after it only the holder's name or an apposition continues the phrase (`رفض بلاده` is the object).
            if word == "باسم", i + 1 < limit {
                i = institutionEnd(from: i + 1, limit: limit, context)
                afterInstitution = true
                continue
            }
            if afterInstitution {
                guard let mention = context.entities.startingAt[i], context.entities.found[mention].type == .person else { break }
                i = context.entities.found[mention].range.upperBound
                sawEntity = true
                continue
            }
            // `أدلى المتحدث بتصريح`, `ببيان`: the statement, not the speaker.
            if i > start, word.hasPrefix("ب"), CueLexicon.documentNouns.contains(text.keys[i]) || CueLexicon.verbPrepositionHeads.contains(text.keys[i]) { break }
            // After a named speaker, an object starts (`نفت وزارة الدفاع التقارير`, `حثت روسيا رعاياها`).
            if sawEntity, role == .denial || role == .call || role == .agency, !CueLexicon.titleWords.contains(word) { break }
            if sawEntity, word.hasPrefix("و"), context.entities.startingAt[i] == nil, role != .speech || text.keys[i] != word { break }
            // After a name, only titles, adjectives (definite) and prepositional complements continue it.
            if sawEntity, !word.hasPrefix("ال"), !["في", "من", "ب", "لدي", "باسم"].contains(word), !CueLexicon.titleWords.contains(word),
               !(word.hasPrefix("ب") && text.keys[i] != word), !(word.hasPrefix("ل") && text.keys[i] != word) { break }
            // After a definite noun, an indefinite one starts another phrase (`نفى الجيش صحة الأنباء`):
            // a construct chain ends at its definite member. A preposition opens a new one (`القيادي في هيئة …`).
            if sawDefinite, !word.hasPrefix("ال"), !CueLexicon.isRole(word), !["في", "من", "لدي", "باسم", "عن"].contains(word),
               !(word.hasPrefix("ب") && text.keys[i] != word), !(word.hasPrefix("ل") && text.keys[i] != word) { break }
            sawDefinite = word.hasPrefix("ال") && !["في", "من", "لدي"].contains(word)
            i += 1
        }
        return i
    }

    /// The end of an apposition starting at `i` (after a comma), or nil when the phrase is not one.
    private func apposition(at i: Int, limit: Int, _ context: Context) -> Int? {
        let text = context.text
        var j = i
        while j < limit, j - i < 8, !(j > i && text.gap(before: j, contains: ["،", ",", ":"])) {
            if CueLexicon.complementizers.contains(text.normalized[j]) { break }
            j += 1
        }
        guard j < limit, text.gap(before: j, contains: ["،", ","]) || CueLexicon.complementizers.contains(text.normalized[j]) else { return nil }
        let first = text.normalized[i]
        let hasPerson = context.entities.found.contains { $0.range.lowerBound >= i && $0.range.upperBound <= j && $0.type == .person }
        if CueLexicon.titleWords.contains(first) || CueLexicon.titleWords.contains(text.keys[i]) || hasPerson { return j }
        return nil
    }

    /// Where the clause containing token `i` starts, looking back.
    private func clauseStartBackward(from i: Int, sentence: Range<Int>, _ text: AnalyzedText) -> Int {
        var start = i
        while start > sentence.lowerBound, i - start < 14 {
            if text.gap(before: start, contains: ["،", ",", ":", "\n", "؛"]) { break }
            let previous = text.normalized[start - 1]
            if CueLexicon.clauseOpeners.contains(previous) || previous == "ان" || cueWord(at: start - 1, text) != nil { break }
            start -= 1
        }
        return start
    }

    /// Where the proposition ends: the sentence end, the closing quote, or where a new reporting
    /// clause begins (`، مؤكدا …`, `وقال …`, `، وفق ما …`).
    private func clauseEnd(from start: Int, sentence: Range<Int>, _ context: Context, quoted: inout Bool) -> Int {
        let text = context.text
        if quoted {
            var depth = 0
            var closing: Int?
            for k in start...sentence.upperBound {
                for c in text.gaps[k] {
                    if c == "«" || c == "“" { depth += 1 }
                    if c == "»" || c == "”" { depth -= 1 }
                    if c == "\"" { depth = depth > 0 ? depth - 1 : depth + 1 }
                }
                if k > start, depth <= 0 { closing = k; break }
            }
            // A quotation that is the whole proposition ends it; a quoted word inside a longer
            // clause (`إن "المذبحة" المستمرة …`) does not.
            if let closing, closing - start >= 3 || closing >= sentence.upperBound || text.gaps[closing].contains(where: { ".،,".contains($0) }) {
                return closing
            }
            quoted = false
        }
        var k = start + 1
        while k < sentence.upperBound {
            let comma = text.gap(before: k, contains: ["،", ","])
            if let cue = cueWord(at: k, text), context.entities.covering[k] == nil {
                let word = text.normalized[k]
                let conjoined = word.hasPrefix("و") && text.keys[k] != word
                let participle = word.hasPrefix("م") || ["قايلا", "داعيه", "داعيا"].contains(word)
                if cue.role == .agency && comma { return k }
                if comma && (participle || conjoined || cue.role == .continuation) { return k }
                if conjoined && cue.role != .agency { return k }
            }
            // `، في وقت نفى …`, `، فيما قال …`, `، بينما أكد …`, `، كما أن جماعة الإخوان نفت …`,
            // `، على أن آخرين أشاروا …`: a new reporting clause.
            let contrastive = k + 1 < sentence.upperBound && ["علي", "الا", "غير", "كما"].contains(text.normalized[k]) && text.normalized[k + 1] == "ان"
            let reach = CueLexicon.clauseOpeners.contains(text.normalized[k]) || contrastive ? 7 : 3
            if comma, (k..<min(sentence.upperBound, k + reach)).contains(where: { j in
                guard let other = cueWord(at: j, text), other.role != .agency, context.entities.covering[j] == nil else { return false }
                return j == k || CueLexicon.clauseOpeners.contains(text.normalized[k]) || contrastive || ["في", "وفي"].contains(text.normalized[k])
            }) { return k }
            if comma, text.normalized[k] == "الامر", k + 1 < sentence.upperBound, text.normalized[k + 1] == "الذي" { return k }
            // `… إذ أشار الوزير إلى أن …`, `فيما قال …`: a clause opener right before a reporting verb.
            if CueLexicon.clauseOpeners.contains(text.normalized[k]), k + 1 < sentence.upperBound,
               let other = cueWord(at: k + 1, text), other.role != .agency, !other.isParticiple, context.entities.covering[k + 1] == nil { return k }
            k += 1
        }
        return sentence.upperBound
    }

    /// `إن مصادر بالمعارضة ذكرت أيضا أن …`: the inner proposition and its speaker.
    private func nestedReport(in content: Range<Int>, _ context: Context) -> (Range<Int>, Speaker)? {
        let text = context.text
        for k in content.lowerBound..<min(content.upperBound, content.lowerBound + 8) {
            guard let cue = cueWord(at: k, text), cue.role == .speech || cue.role == .point, k > content.lowerBound,
                  context.entities.covering[k] == nil else { continue }
            guard let speaker = speakerFromPhrase(content.lowerBound..<k, context, requireEntity: false, subjectFirst: true) else { return nil }
            var j = k + 1
            while j < content.upperBound, isAdverbial(j, text) || text.normalized[j] == "الي" { j += 1 }
            // The addressee of a verb of telling (`أبلغ الأمم المتحدة بأن …`): a name just before the complementiser.
            if j < content.upperBound, let mention = context.entities.startingAt[j], cue.allowsObject,
               context.entities.found[mention].range.upperBound < content.upperBound,
               CueLexicon.complementizers.contains(text.normalized[context.entities.found[mention].range.upperBound]) {
                j = context.entities.found[mention].range.upperBound
            }
            guard j < content.upperBound, CueLexicon.complementizers.contains(text.normalized[j]), j + 1 < content.upperBound else { return nil }
            return ((j + 1)..<content.upperBound, speaker)
        }
        return nil
    }

    /// Coordinated propositions under one verb (`… وأن الجيش لا يزال في مكانه`) and a falsity predicate
    /// inside one (`الادعاءات … غير صحيحة، والسفارة ما زالت فعّالة`): the part called false is denied,
    /// what follows is asserted.
    private func split(_ content: Range<Int>, stance: Stance, _ context: Context) -> [(Range<Int>, Stance)] {
        let text = context.text
        var parts: [Range<Int>] = []
        var start = content.lowerBound
        var depth = 0
        for k in content {
            for c in text.gaps[k] { if c == "«" || c == "“" { depth += 1 } else if c == "»" || c == "”" { depth = max(0, depth - 1) } }
            if k > start + 1, depth == 0, ["وان", "وبان"].contains(text.normalized[k]) {
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
    private func reportedProposition(_ range: Range<Int>, _ text: AnalyzedText) -> Range<Int> {
        var k = range.lowerBound
        while k < range.upperBound, ["صحه", "حقيقه", "ما"].contains(text.normalized[k]) || ["صحه"].contains(text.keys[k]) { k += 1 }
        guard k < range.upperBound, CueLexicon.reportNouns.contains(text.keys[k]) || CueLexicon.reportNouns.contains(text.normalized[k])
                || ["تردد", "يتردد", "نشر", "اشيع", "يشاع", "تداول", "يتداول"].contains(text.normalized[k]) else { return range }
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

    /// The speaker's own denial in the first person (`«أنا لم أقل إن …»`, `«ننفي أي …»`, `لم نعلن أن …`):
    /// what follows the verb is denied.
    private func firstPersonDenial(_ part: Range<Int>, _ text: AnalyzedText) -> Range<Int>? {
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
    private func falsityPhrase(in range: Range<Int>, _ text: AnalyzedText) -> (start: Int, end: Int)? {
        for k in range {
            if let cue = cues.phrase(in: text, at: k, end: range.upperBound), cue.role == .falsity { return (k, k + cue.keys.count) }
        }
        return nil
    }

    /// A bare pointer: `ذلك`, `هذه الأنباء`, `تلك التقارير`, `الأمر`, `هذه الادعاءات` — not a report with what
    /// it says (`الأنباء عن إغلاقها`).
    private func isPointer(_ range: Range<Int>, _ text: AnalyzedText) -> Bool {
        guard let first = range.first, range.count <= 3 else { return false }
        guard CueLexicon.pointerWords.contains(text.normalized[first]) || CueLexicon.pointerWords.contains(text.keys[first]) else { return false }
        return !range.dropFirst().contains { ["عن", "بشان", "حول", "بخصوص"].contains(text.normalized[$0]) || CueLexicon.complementizers.contains(text.normalized[$0]) }
    }

    /// Drops edge tokens that are only connectors (`و`, `ف`, `قد`).
    private func trimmed(_ range: Range<Int>, _ text: AnalyzedText) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, ["و", "ف"].contains(text.normalized[lower]) { lower += 1 }
        while upper > lower, ["و", "ف", "ان"].contains(text.normalized[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    // MARK: - Speakers

    /// Makes a speaker from a phrase: a named entity (person first, then media, organisation, place),
    /// an unnamed source (`مصدر عسكري`, `ثلاثة مصادر سورية`) or, when `requireEntity` is false, a
    /// short definite noun phrase (`الفصائل المحلية`).
    func speakerFromPhrase(_ range: Range<Int>, _ context: Context, requireEntity: Bool, subjectFirst: Bool = false, verbFirst: Bool = false) -> Speaker? {
        let text = context.text
        var range = range
        // `إلا أن وزارة …`, `و…`: leading connectors are not part of the speaker.
        while range.count > 1, ["الا", "ان", "و", "لكن", "كما", "اذ", "قد", "فقد", "ولكن", "ثم", "حيث"].contains(text.normalized[range.lowerBound]) {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        guard !range.isEmpty, range.count <= 14 else { return nil }
        let mentions = context.entities.found.filter { $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= range.upperBound }
        let firstWord = text.normalized[range.lowerBound]
        let firstKey = text.keys[range.lowerBound]
        let anonymous = CueLexicon.anonymousHeads.contains(firstWord)
            || (firstWord.hasPrefix("ال") && CueLexicon.definiteAnonymousHeads.contains(firstKey))
            || (CueLexicon.numberWords.contains(firstWord) && range.count > 1
                && (CueLexicon.anonymousHeads.contains(text.normalized[range.lowerBound + 1]) || CueLexicon.anonymousHeads.contains(text.keys[range.lowerBound + 1])))
            || (firstWord.allSatisfy(\.isNumber) && range.count > 1)
        let phrase = EntityRecognizer.stripClitics(Self.cleanPhrase(String(text.slice(range))), stemmer: CliticStemmer())
        // After a verb, a speaker opens with a name, a title, a descriptor or an actor noun — never
        // with a verbal noun (`أكد رصد أرتال …` has no speaker after the verb).
        let bareFirstKey = firstKey.hasPrefix("ال") ? String(firstKey.dropFirst(2)) : firstKey
        // A statement speaks for its author (`بيان اتحاد الكتاب العرب`, `مسح لرويترز`); a report or study
        // without one is an unnamed source (`تقرير طبي حديث`, `الدراسة`).
        if CueLexicon.documentNouns.contains(bareFirstKey), !anonymous {
            if range.count > 1, let author = context.entities.startingAt[range.lowerBound + 1] {
                let mention = context.entities.found[author]
                if !mention.viaNisba, mention.type != .place || range.count == 2 {
                    return Speaker(text: mention.name, entity: mention.name, type: mention.type, anonymous: false, via: [])
                }
            }
            if range.count <= 4 { return Speaker(text: phrase, entity: nil, type: nil, anonymous: true, via: []) }
        }
        if verbFirst, !anonymous, context.entities.startingAt[range.lowerBound] == nil {
            guard CueLexicon.isRole(firstWord) || CueLexicon.isRole(firstKey) || CueLexicon.isRole("ال" + bareFirstKey)
                    || CueLexicon.actorHeads.contains(bareFirstKey) || CueLexicon.mediaDescriptors.contains(bareFirstKey) else { return nil }
        }
        if anonymous {
            return Speaker(text: phrase, entity: nil, type: nil, anonymous: true, via: [])
        }
        let named = mentions.filter { !$0.viaNisba }
        let bareFirst = firstKey.hasPrefix("ال") ? String(firstKey.dropFirst(2)) : firstKey
        let isRole = CueLexicon.isRole(firstWord) || CueLexicon.isRole(bareFirst) || CueLexicon.isRole("ال" + bareFirst)
        if isRole, !named.contains(where: { $0.type == .person }) {
            // A role without a name is held by a person (`المتحدث باسم الخارجية الصينية`), tied to the
            // institution it names; resolved later against the person just quoted.
            let best = named.first
            return Speaker(text: phrase, entity: best?.name, type: .person, anonymous: false, via: [], roleOf: mentions.map(\.name))
        }
        let rank: [EntityType: Int] = [.person: 0, .media: 1, .organization: 2, .place: 3]
        if let best = named.min(by: { (rank[$0.type]!, $0.range.lowerBound) < (rank[$1.type]!, $1.range.lowerBound) }) {
            // A subject-first speaker must end where the phrase ends (`وزارة الدفاع السورية نفت`),
            // so that an object or a place (`… في دمشق تحث`) is not taken for the speaker.
            if subjectFirst, let last = mentions.last, last.range.upperBound < range.upperBound - 1 { return nil }
            if best.type == .place, best.range.lowerBound != range.lowerBound {
                // `السفارة الروسية في دمشق`: a place inside a longer phrase is not the speaker.
                let head = firstKey.hasPrefix("ال") ? String(firstKey.dropFirst(2)) : firstKey
                guard CueLexicon.actorHeads.contains(head) || CueLexicon.actorHeads.contains(firstKey) else { return nil }
                return Speaker(text: phrase, entity: nil, type: .organization, anonymous: false, via: [])
            }
            return Speaker(text: best.name, entity: best.name, type: best.type, anonymous: false, via: [])
        }
        guard !requireEntity else { return nil }
        // Unnamed collective actors: `الفصائل المحلية`, `السفارة الروسية في دمشق`, `المركز الثقافي الإيراني`.
        let head = firstKey.hasPrefix("ال") ? String(firstKey.dropFirst(2)) : firstKey
        // (The written word too: with ه for ة, `جماعه` is cut to `جماع` by the stemmer.)
        let written = firstWord.hasPrefix("ال") ? String(firstWord.dropFirst(2)) : firstWord
        guard CueLexicon.actorHeads.contains(head) || CueLexicon.actorHeads.contains(firstKey) || CueLexicon.mediaDescriptors.contains(head)
                || CueLexicon.actorHeads.contains(written) || CueLexicon.mediaDescriptors.contains(written),
              range.count <= 7, !subjectFirst || range.count <= 5 else { return nil }
        return Speaker(text: phrase, entity: nil, type: .organization, anonymous: false, via: [])
    }

    static func cleanPhrase(_ phrase: String) -> String {
        let stripped = phrase.trimmingCharacters(in: "«»\"“”،,:()")
        return String(stripped.unicodeScalars.filter { $0 != "«" && $0 != "»" && $0 != "\"" && $0 != "“" && $0 != "”" }
            .map(Character.init)).split(separator: " ").joined(separator: " ")
    }

    // MARK: - Building claims

    private func makeClaim(speaker: Speaker, via chain: [String] = [], cue: String, stance: Stance, content: Range<Int>, quote: Bool,
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

    /// The date a statement was made, from time words around the verb (`اليوم السبت`, `أمس`,
    /// `يوم الجمعة`, `فجر اليوم`), resolved against the article's date.
    func saidOn(_ range: Range<Int>, _ context: Context) -> String? {
        guard let date = context.articleDate else { return nil }
        let text = context.text
        for k in range where k < text.tokens.count {
            let word = text.normalized[k]
            switch word {
            case "اليوم", "الليله":
                if k + 1 < text.tokens.count, let weekday = ArabicDates.weekdays[text.normalized[k + 1]] {
                    return TimeResolver.mostRecent(weekday: weekday, onOrBefore: date).iso
                }
                return date.iso
            case "امس", "البارحه":
                // `أول أمس` / `أمس الأول`: the day before yesterday.
                let dayBefore = (k > 0 && text.normalized[k - 1] == "اول") || (k + 1 < text.tokens.count && text.normalized[k + 1] == "الاول")
                return date.adding(days: dayBefore ? -2 : -1).iso
            default:
                if let weekday = ArabicDates.weekdays[word] ?? ArabicDates.weekdays["ال" + word] {
                    return TimeResolver.mostRecent(weekday: weekday, onOrBefore: date).iso
                }
            }
        }
        return nil
    }
}

/// Resolves relative day references against a reference date.
enum TimeResolver {
    /// The latest date on or before `date` that falls on `weekday` (ISO, Monday = 1).
    static func mostRecent(weekday: Int, onOrBefore date: CalendarDate) -> CalendarDate {
        let back = (date.weekday - weekday + 7) % 7
        return date.adding(days: -back)
    }
}

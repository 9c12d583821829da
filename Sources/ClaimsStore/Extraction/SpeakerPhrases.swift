/// Speakers as noun phrases: where the phrase after or before a reporting verb ends (a complementiser,
/// a colon, a quotation, a recipient, the institution after `باسم`, an apposition between commas), what it
/// names (a person, a role tied to its institution, an organisation, an outlet, an unnamed source, a
/// document speaking for its author), and whom a pointing speaker (`الصحيفة`, a role, `فيها`) stands for.
extension ClaimExtractor {
    /// The subject of a verb written before it: `وزارة الدفاع السورية نفت …`, `إيران تنفي …`,
    /// `… من الفصائل المحلية والتي أعلنت …` (the antecedent of a relative pronoun).
    func subjectBefore(_ i: Int, sentence: Range<Int>, _ context: Context) -> Speaker? {
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
        // A fronted prepositional phrase is no subject (`وحول رؤيته لمرحلة ما بعد الأسد قال: …`).
        if ["حول", "وحول", "وعن", "وفي", "وبعد", "وبشان", "بشان", "وردا", "ردا", "وخلال"].contains(text.normalized[start]) { return nil }
        // Take the phrase after the last preposition (`من الفصائل المحلية` → `الفصائل المحلية`).
        if let preposition = (start..<end).last(where: { ["من", "في", "الي", "علي", "عن", "مع"].contains(text.normalized[$0]) && !EntityRecognizer.isGivenNameAli($0, text) }),
           end != i, preposition + 1 < end, preposition > start,
           !CueLexicon.numberWords.contains(text.normalized[preposition - 1]), !CueLexicon.anonymousHeads.contains(text.normalized[preposition - 1]) {
            start = preposition + 1
        }
        return speakerFromPhrase(start..<end, context, requireEntity: false, subjectFirst: true)
    }

    /// The subject of a pluperfect (`وكان مجلس الشعب قد دعا الحكومة إلى …`, `وكانت هذه المجموعة قد أعلنت
    /// …`, `وكان مصدر في الأزهر قال …`): the phrase between `كان` and the verb (or its `قد`). After the
    /// verb stands its object, never its subject.
    func pluperfectSubject(before i: Int, sentence: Range<Int>, _ context: Context) -> Speaker? {
        let text = context.text
        var end = i
        if end > sentence.lowerBound, ["قد", "فقد"].contains(text.normalized[end - 1]) { end -= 1 }
        var k = end - 1
        while k >= sentence.lowerBound, end - k <= 10 {
            if ["كان", "كانت", "وكان", "وكانت", "فكان", "فكانت", "كانوا", "وكانوا"].contains(text.normalized[k]) {
                // (`هذه المجموعة`: the demonstrative points back; the noun speaks.)
                let start = k + 1 < end && ["هذه", "هذا", "تلك", "ذلك"].contains(text.normalized[k + 1]) ? k + 2 : k + 1
                guard start < end else { return nil }
                return speakerFromPhrase(start..<end, context, requireEntity: false, subjectFirst: true)
            }
            if text.gap(before: k, contains: ["،", ",", ":", "\n", "؛"]) || CueLexicon.complementizers.contains(text.normalized[k])
                || cueWord(at: k, text) != nil { return nil }
            k -= 1
        }
        return nil
    }

    /// The subject of the verb that opens the clause before `i` (`كما ألقى الرئيس … كلمة أكد فيها`).
    func clauseSubject(before i: Int, sentence: Range<Int>, _ context: Context) -> Speaker? {
        var verb = clauseStartBackward(from: i, sentence: sentence, context.text)
        while verb < i, ["و", "كما", "ثم", "قد", "وقد"].contains(context.text.normalized[verb]) { verb += 1 }
        guard verb + 1 < i else { return nil }
        let end = scanSpeakerPhrase(from: verb + 1, limit: i, context, role: .speech)
        guard end > verb + 1 else { return nil }
        return speakerFromPhrase((verb + 1)..<end, context, requireEntity: false, verbFirst: true)
    }

    /// The subject of a sentence's first verb (`وشكلت الفصائل المحلية … معلنة …`), for participles.
    func sentenceSubject(_ sentence: Range<Int>, before i: Int, _ context: Context) -> Speaker? {
        let start = sentence.lowerBound + 1
        guard start < i else { return nil }
        let end = scanSpeakerPhrase(from: start, limit: i, context, role: .agency)
        guard end > start else { return nil }
        return speakerFromPhrase(start..<end, context, requireEntity: false)
    }

    /// `X وY وZ` as speakers: each named entity joined by و speaks.
    func coordinatedSpeakers(_ range: Range<Int>, _ context: Context) -> [Speaker] {
        let text = context.text
        let named = context.entities.found.filter { range.contains($0.range.lowerBound) && !$0.viaNisba }
        if named.count >= 2, named.first?.range.lowerBound == range.lowerBound,
           zip(named, named.dropFirst()).allSatisfy({ $0.range.upperBound == $1.range.lowerBound && text.normalized[$1.range.lowerBound].hasPrefix("و") }),
           named.last!.range.upperBound == range.upperBound {
            return named.map { Speaker(text: $0.name, entity: $0.name, type: $0.type, anonymous: false, via: []) }
        }
        // `الجيش والشرطة`, `الحكومة والمعارضة السورية`: unnamed actors joined by و each speak.
        let joints = range.dropFirst().filter { Self.isJoinedActor($0, text) && context.entities.covering[$0] == nil }
        if !joints.isEmpty {
            let bounds = [range.lowerBound] + joints + [range.upperBound]
            let parts = zip(bounds, bounds.dropFirst()).map { $0..<$1 }
            let speakers = parts.compactMap { speakerFromPhrase($0, context, requireEntity: false, verbFirst: true) }
            if speakers.count == parts.count { return speakers }
        }
        return speakerFromPhrase(range, context, requireEntity: false, verbFirst: true).map { [$0] } ?? []
    }

    /// Resolves a speaker that only points back: `الصحيفة` (the outlet named before), `المصادر`
    /// (the unnamed sources just quoted), a role without a name (`وزير الخارجية الروسي`,
    /// `المتحدث باسم البنتاغون`) held by the person quoted in the last sentences.
    func resolveAnaphora(_ speaker: Speaker, at position: Int, sentenceIndex: Int, claims: [ExtractedClaim], _ context: Context) -> Speaker {
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
        // `المصادر` are the sources just quoted, of the same kind (`مصادر عسكرية`, `مصدر عسكري`); `الأبحاث`
        // after `بعض الخبراء` are other speakers.
        if speaker.entity == nil, words.count <= 2, words.first?.hasPrefix("ال") == true, speaker.anonymous,
           let last = claims.last(where: \.anonymous) {
            let lastWords = Set(last.speakerText.split(separator: " ").map { word -> String in
                let normalized = ArabicNormalizer.normalize(String(word))
                return normalized.hasPrefix("ال") ? String(normalized.dropFirst(2)) : normalized
            })
            let sources: Set<String> = ["مصدر", "مصادر", "مصدران", "مصدرين", "مسوول", "مسوولون", "مسوولين"]
            if lastWords.contains(bare[0]) || (sources.contains(bare[0]) && !lastWords.isDisjoint(with: sources)) {
                return Speaker(text: last.speakerText, entity: nil, type: nil, anonymous: true, via: [])
            }
        }
        // A role agrees with its holder (`رئيسة` is no man quoted before).
        if let role = speaker.roleOf, let gazetteer = recognizerGazetteer,
           // A person named as such (a role's speaker text is the role, its entity the institution).
           let last = claims.last(where: { $0.speakerType == .person && $0.speakerText == $0.speakerEntity && $0.part == context.part && sentenceIndex - $0.sentenceIndex <= 4 }),
           let person = last.speakerEntity {
            let affiliation = gazetteer.entity(named: person)?.affiliation
            let affiliations = [affiliation, affiliation.flatMap { gazetteer.entity(named: $0)?.affiliation }].compactMap { $0 }
            let fits = role.isEmpty || role.contains { name in
                affiliations.contains(name) || gazetteer.entity(named: name)?.affiliation.map { affiliations.contains($0) } == true
            }
            if fits, Agreement.compatible(Agreement.of(speaker), Agreement.of(last)) {
                return Speaker(text: person, entity: person, type: .person, anonymous: false, via: [])
            }
        }
        return speaker
    }

    /// The end of the institution named after `باسم` (`الحكومة`, `وزارة الدفاع الأميركية`,
    /// `شبكة أخبار "الشرق نيوز"`): indefinite heads up to the first definite noun or name, its adjectives,
    /// and a quotation opened inside it.
    func institutionEnd(from first: Int, limit: Int, _ context: Context) -> Int {
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
                                               || CueLexicon.titleWords.contains(text.normalized[start])
                                               // `خلص مسح لرويترز إلى أن`: a document's author, not whom it spoke to.
                                               || (i == start + 1 && CueLexicon.documentNouns.contains(text.keys[start])))
                if context.entities.covering[i] == nil || (context.entities.startingAt[i] != nil && i > start && !afterTitle) { break }
            }
            if let mention = context.entities.startingAt[i] {
                i = context.entities.found[mention].range.upperBound
                sawEntity = true
                continue
            }
            let word = text.normalized[i]
            // A noun with a possessive pronoun after the head is the object (`أعلنت شركة نوفا استحواذها على …`).
            if i > start, ["ها", "هم", "هما"].contains(where: { word.hasSuffix($0) && word.count > $0.count + 2 }), text.keys[i] != word,
               !word.hasPrefix("و"), context.entities.covering[i] == nil { break }
            // `مبعوث الأمم المتحدة إلى سوريا غير بيدرسن`: إلى inside an envoy's title.
            if word == "الي", i > start, ["مبعوث", "المبعوث", "سفير", "السفير", "ممثل", "الممثل"].contains(text.normalized[start]) { i += 1; continue }
            if CueLexicon.complementizers.contains(word) || isAdverbial(i, text) || word == "عن" || word == "الي"
                || (word == "علي" && !EntityRecognizer.isGivenNameAli(i, text)) { break }
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
            // `طالبت الدراسة بضرورة …`, `دعت المنظمة لإطلاق …`: after a call, a glued ب or ل opens what is called for.
            if role == .call, i > start, word.hasPrefix("ب") || word.hasPrefix("ل"), text.keys[i] != word, context.entities.covering[i] == nil { break }
            // `أدلى المتحدث بتصريح`, `ببيان`: the statement, not the speaker.
            if i > start, word.hasPrefix("ب"), CueLexicon.documentNouns.contains(text.keys[i]) || CueLexicon.verbPrepositionHeads.contains(text.keys[i]) { break }
            // After a named speaker, an object starts (`نفت وزارة الدفاع التقارير`, `حثت روسيا رعاياها`).
            if sawEntity, role == .denial || role == .call || role == .agency, !CueLexicon.titleWords.contains(word) { break }
            if sawEntity, word.hasPrefix("و"), context.entities.startingAt[i] == nil, role != .speech || text.keys[i] != word { break }
            // `الجيش والشرطة`: a second unnamed actor joined by و to a definite one continues the subject.
            if sawDefinite, Self.isJoinedActor(i, text) { sawDefinite = true; i += 1; continue }
            // After a name, only titles, adjectives (definite) and prepositional complements continue it.
            if sawEntity, !word.hasPrefix("ال"), !["في", "من", "ب", "لدي", "باسم"].contains(word), !CueLexicon.titleWords.contains(word),
               !(word.hasPrefix("ب") && text.keys[i] != word), !(word.hasPrefix("ل") && text.keys[i] != word) { break }
            // After a definite noun, an indefinite one starts another phrase (`نفى الجيش صحة الأنباء`):
            // a construct chain ends at its definite member. A preposition opens a new one (`القيادي في هيئة …`).
            if sawDefinite, !word.hasPrefix("ال"), !CueLexicon.isRole(word), !["في", "من", "لدي", "باسم", "عن"].contains(word),
               !(word.hasPrefix("ب") && text.keys[i] != word), !(word.hasPrefix("ل") && text.keys[i] != word) { break }
            // A construct chain's first member is indefinite, so a definite verbal noun right after a definite
            // subject is its object, not its complement (`نفت الحكومة التوصل إلى اتفاق`, `أعلنت روسيا الانسحاب`).
            if sawDefinite || sawEntity, context.entities.covering[i] == nil, Self.isDefiniteDerivedVerbalNoun(word) { break }
            sawDefinite = word.hasPrefix("ال") && !["في", "من", "لدي"].contains(word)
            i += 1
        }
        return i
    }

    /// Whether the word at `i` is an unnamed actor with و and the article (`والشرطة`, `والمعارضه`).
    static func isJoinedActor(_ i: Int, _ text: AnalyzedText) -> Bool {
        let word = text.normalized[i]
        guard word.hasPrefix("وال"), word.count > 5 else { return false }
        // (A second role is the same person's: `المؤسس والرئيس التنفيذي`.)
        let bare = String(word.dropFirst(3))
        return CueLexicon.actorHeads.contains(bare) && !CueLexicon.isRole(bare) && !CueLexicon.isRole("ال" + bare) && !CueLexicon.titleWords.contains(bare)
    }

    /// A definite verbal noun of a derived verb form, by its shape (`التوصل`, `التفاوض`, `التعيين`, `الإعلان`,
    /// `الاتفاق`, `الانسحاب`, `الاستقالة`, `الاستقلال`); a nisba or a plural (`الانتقالية`, `التنفيذيون`) is
    /// an adjective or a noun of people, not one.
    static func isDefiniteDerivedVerbalNoun(_ word: String) -> Bool {
        guard word.hasPrefix("ال"), !["ي", "يه", "ون", "ين", "ات", "يا"].contains(where: { word.hasSuffix($0) }) else { return false }
        var stem = Array(word.dropFirst(2))
        if stem.last == "ه" { stem.removeLast() }
        switch stem.count {
        case 4: return stem[0] == "ت"                                               // تفعّل: التوصل
        case 5: return (stem[0] == "ا" && stem[3] == "ا")                           // إفعال: الإعلان, الاتفاق
            || (stem[0] == "ت" && (stem[2] == "ا" || stem[3] == "ي"))                // تفاعل, تفعيل: التفاوض, التعيين
        case 6: return stem[0] == "ا" && stem[4] == "ا"                             // افتعال, انفعال, استفالة: الانسحاب, الاستقالة
        case 7: return stem.starts(with: ["ا", "س", "ت"]) && stem[5] == "ا"          // استفعال: الاستقلال
        default: return false
        }
    }

    /// The end of an apposition starting at `i` (after a comma), or nil when the phrase is not one.
    func apposition(at i: Int, limit: Int, _ context: Context) -> Int? {
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
    func clauseStartBackward(from i: Int, sentence: Range<Int>, _ text: AnalyzedText) -> Int {
        var start = i
        while start > sentence.lowerBound, i - start < 14 {
            if text.gap(before: start, contains: ["،", ",", ":", "\n", "؛"]) { break }
            let previous = text.normalized[start - 1]
            if CueLexicon.clauseOpeners.contains(previous) || previous == "ان" || cueWord(at: start - 1, text) != nil { break }
            start -= 1
        }
        return start
    }

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
        // (The written word too: with ه for ة, `الدراسه` is cut to `دراس` by the stemmer.)
        let written = firstWord.hasPrefix("ال") ? String(firstWord.dropFirst(2)) : firstWord.hasPrefix("وال") ? String(firstWord.dropFirst(3)) : firstWord
        if CueLexicon.documentNouns.contains(bareFirstKey) || CueLexicon.documentNouns.contains(written), !anonymous {
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
                    || CueLexicon.actorHeads.contains(bareFirstKey) || CueLexicon.mediaDescriptors.contains(bareFirstKey)
                    || CueLexicon.actorHeads.contains(written) || CueLexicon.mediaDescriptors.contains(written) else { return nil }
        }
        if anonymous {
            return Speaker(text: phrase, entity: nil, type: nil, anonymous: true, via: [])
        }
        let named = mentions.filter { !$0.viaNisba }
        let isRole = CueLexicon.isRole(firstWord) || CueLexicon.isRole(bareFirstKey) || CueLexicon.isRole("ال" + bareFirstKey)
        if isRole, !named.contains(where: { $0.type == .person }) {
            // A role without a name is held by a person (`المتحدث باسم الخارجية الصينية`), tied to the
            // institution it names; resolved later against the person just quoted.
            let best = named.first
            // Two or more indefinite words after the institution are its holder's name, which the recognizer
            // did not read (`رئيسة وزراء بنغلاديش شيخة حسينة واجد`): the phrase names them, no one else.
            let tail = (mentions.last.map(\.range.upperBound) ?? (range.lowerBound + 1))..<range.upperBound
            if tail.count >= 2, tail.allSatisfy({ !text.normalized[$0].hasPrefix("ال") && !CueLexicon.isRole(text.normalized[$0]) && !CueLexicon.isRole(text.keys[$0])
                && context.entities.covering[$0] == nil && !["في", "من", "عن", "باسم", "لدي"].contains(text.normalized[$0]) }) {
                return Speaker(text: phrase, entity: nil, type: .person, anonymous: false, via: [])
            }
            return Speaker(text: phrase, entity: best?.name, type: .person, anonymous: false, via: [], roleOf: mentions.map(\.name))
        }
        let rank: [EntityType: Int] = [.person: 0, .media: 1, .organization: 2, .place: 3]
        if let best = named.min(by: { (rank[$0.type]!, $0.range.lowerBound) < (rank[$1.type]!, $1.range.lowerBound) }) {
            // A subject-first speaker must end where the phrase ends (`وزارة الدفاع السورية نفت`),
            // so that an object or a place (`… في دمشق تحث`) is not taken for the speaker.
            if subjectFirst, let last = mentions.last, last.range.upperBound < range.upperBound - 1 { return nil }
            if best.type == .place, best.range.lowerBound != range.lowerBound {
                // `السفارة الروسية في دمشق`: a place inside a longer phrase is not the speaker.
                guard CueLexicon.actorHeads.contains(bareFirstKey) || CueLexicon.actorHeads.contains(firstKey) else { return nil }
                return Speaker(text: phrase, entity: nil, type: .organization, anonymous: false, via: [])
            }
            return Speaker(text: best.name, entity: best.name, type: best.type, anonymous: false, via: [])
        }
        guard !requireEntity else { return nil }
        // Unnamed collective actors: `الفصائل المحلية`, `السفارة الروسية في دمشق`, `المركز الثقافي الإيراني`.
        // (The written word too: with ه for ة, `جماعه` is cut to `جماع` by the stemmer.)
        guard CueLexicon.actorHeads.contains(bareFirstKey) || CueLexicon.actorHeads.contains(firstKey) || CueLexicon.mediaDescriptors.contains(bareFirstKey)
                || CueLexicon.actorHeads.contains(written) || CueLexicon.mediaDescriptors.contains(written),
              range.count <= 7, !subjectFirst || range.count <= 5 else { return nil }
        return Speaker(text: phrase, entity: nil, type: .organization, anonymous: false, via: [])
    }

    static func cleanPhrase(_ phrase: String) -> String {
        let stripped = phrase.trimmingCharacters(in: "«»\"“”،,:()")
        return String(stripped.unicodeScalars.filter { $0 != "«" && $0 != "»" && $0 != "\"" && $0 != "“" && $0 != "”" }
            .map(Character.init)).split(separator: " ").joined(separator: " ")
    }
}

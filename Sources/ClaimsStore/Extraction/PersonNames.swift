/// Person names the gazetteer lacks, found by construction: after a title (`وزير الخارجية التركي هاكان
/// فيدان`), after a reporting verb or in apposition before a role (`قال لوران فابيوس وزير الخارجية …`),
/// and only when the words can make a name (no verbs, numbers, accusative phrases, glued prepositions,
/// common words of news prose; `Data/first_names.txt` and `Data/common_words.txt`).
extension EntityRecognizer {
    /// Lets a discovered person be found later in the article by the last word of the name (`فيدانت باتل` … `باتل`),
    /// and by its first word when that is no common given name (`تيري ديران` … `تيري`).
    func registerLastName(of name: Range<Int>, in text: AnalyzedText, _ extraPeople: inout [String: [String]]) {
        let words = Tokenizer.tokenize(String(text.slice(name))).map(\.text)
        guard words.count >= 2 else { return }
        if let last = words.last, ArabicNormalizer.normalize(last).count >= 3 {
            extraPeople[MatchKey.of(last, stemmer: stemmer), default: []].append(String(text.slice(name)))
        }
        if let first = words.first, ArabicNormalizer.normalize(first).count >= 3, !Self.firstNames.contains(ArabicNormalizer.normalize(first)),
           !["ابو", "عبد", "ام", "ابن"].contains(ArabicNormalizer.normalize(first)) {
            extraPeople[MatchKey.of(first, stemmer: stemmer), default: []].append(String(text.slice(name)))
        }
    }

    /// Women's given names (the part of `Data/first_names.txt` after its `# women` line), normalised.
    static let femaleNames: Set<String> = {
        let text = EmbeddedResources.all["Data/first_names.txt"] ?? ""
        guard let start = text.range(of: "# women") else { return [] }
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n# ")?.lowerBound ?? rest.endIndex
        return Set(rest[..<end].split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { ArabicNormalizer.normalize(String($0)) })
    }()

    /// Given names (`Data/first_names.txt`), normalised.
    static let firstNames: Set<String> = Set(
        (EmbeddedResources.all["Data/first_names.txt"] ?? "").split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { ArabicNormalizer.normalize(String($0)) })

    /// Role nouns that stand in apposition after a name (`لوران فابيوس وزير الخارجية`, `هيلدا جونسون ممثلة …`).
    static let appositiveRoles: Set<String> = CueLexicon.titleWords.union(personTriggers).union([
        "ممثل", "ممثله", "مديره", "رييسه", "وزيره", "المديره", "الرييسه", "استاذ", "الاستاذ", "عالم", "الباحث", "باحث",
        "مدرب", "المدرب", "لاعب", "اللاعب", "نايبه", "مساعد", "المساعد", "محافظ", "المحافظ", "امين", "عضوه", "مستشاره",
        "الفقيه", "فقيه", "الداعيه", "المحامي", "محامي", "النايب", "السيناتور", "زوجه", "زوج", "والد", "والده", "شقيق", "ابن", "نجل",
        "مدعي", "المدعي", "قاضي", "القاضي", "مؤسس", "وكيل", "رييس", "حارس", "مهاجم", "المهاجم", "نجم", "مغني", "المغني", "الفنان", "الكاتب", "الشاعر",
    ]).subtracting(["وهو", "وهي"])

    /// Names the gazetteer lacks, found by the construction of reported speech: after a reporting verb,
    /// one to three name words (`قال لوران فابيوس وزير الخارجية الفرنسي إن …`, `أكدت هيلدا جونسون، ممثلة …`)
    /// are a person when a role follows them in apposition, or when the first is a given name and the
    /// speaker phrase ends after them (a comma, a colon, `إن/أن`, a quotation, `لـ`/`في`, a time word).
    func discoverSpeakerNames(in text: AnalyzedText, covered: [Bool], cues: CueLexicon) -> [Range<Int>] {
        var names: [Range<Int>] = []
        var taken = covered
        for i in text.tokens.indices where !taken[i] {
            var start: Int
            let afterCue: Bool
            if let cue = cues.singleWord[text.keyWords[i]], !cue.isParticiple, [.speech, .point, .denial, .call, .continuation].contains(cue.role) {
                start = i + 1
                afterCue = true
                while start < text.tokens.count, CueLexicon.timeWords.contains(text.normalized[start]) || CueLexicon.weekdays.contains(text.normalized[start]) { start += 1 }
                guard start < text.tokens.count, !text.gap(before: start, contains: Self.breaks) else { continue }
            } else if i == 0 || text.gap(before: i, contains: ["،", ",", ".", "\n"]) || CueLexicon.complementizers.contains(text.normalized[i - 1]) {
                // After a comma, `أن` or at a sentence start, only with a role in apposition
                // (`اتهم X، لويس مورينو أوكامبو مدعي المحكمة …`, `إلا أن ماريا كوستا، المتحدثة …`).
                start = i
                afterCue = false
            } else {
                continue
            }
            guard !CueLexicon.hasArticle(text.normalized[start]), !text.normalized[start].hasPrefix("ال") else { continue }
            var end = start
            while end < text.tokens.count, end - start < 4, !(end > start && text.gap(before: end, contains: Self.breaks)),
                  isNameWord(end, text, taken, cues) || (end > start && ["بن", "ابو", "عبد", "ابن", "ال"].contains(text.normalized[end - 1])),
                  !Self.appositiveRoles.contains(text.normalized[end]) {
                end += 1
            }
            guard end > start else { continue }
            let given = Self.firstNames.contains(text.normalized[start]) || Self.firstNames.contains(text.keys[start])
            let roleFollows = end < text.tokens.count && (Self.appositiveRoles.contains(text.normalized[end]) || Self.appositiveRoles.contains(text.keys[end]))
                && (end - start >= 2 || given)
            let commaRole = end + 1 < text.tokens.count && text.gap(before: end, contains: ["،", ","])
                && Self.appositiveRoles.contains(text.normalized[end]) && (end - start >= 2 || given)
            let phraseEnds = end == text.tokens.count || text.gap(before: end, contains: Self.breaks) || text.quoteOpens[end]
                || CueLexicon.complementizers.contains(text.normalized[end]) || ["في", "ل", "خلال", "امام", "عبر"].contains(text.normalized[end])
                || (text.normalized[end].hasPrefix("ل") && text.keys[end] != text.normalized[end])
                || CueLexicon.timeWords.contains(text.normalized[end]) || CueLexicon.weekdays.contains(text.normalized[end])
            // `وقال تيسو: إن …`: a word standing alone between the verb and a colon, a complementiser or a quotation.
            // (Not before `إن`: `كشف اسمه إن …` has an object there; nor a word with a pronoun, `حسابه`.)
            // So is a name standing alone before where a verb of saying attaches its statement: `في
            // تصريحات`, a recipient (`لموقع النادي`), or `إن` after a verb that takes no object
            // (`وقال مارتينيز في تصريحات …`); never a plural participle (`محتجون`).
            let cue = afterCue ? cues.singleWord[text.keyWords[i]] : nil
            let statementFollows = end < text.tokens.count && end - start == 1 && cue.map { [.speech, .denial, .continuation].contains($0.role) } == true
                && ((CueLexicon.complementizers.contains(text.normalized[end]) && cue?.allowsObject == false)
                    || (text.normalized[end] == "في" && end + 1 < text.tokens.count && CueLexicon.verbPrepositionHeads.contains(text.normalized[end + 1]))
                    || (text.normalized[end].hasPrefix("ل") && text.keys[end] != text.normalized[end] && !text.normalized[end].hasPrefix("لل")))
                && !(text.normalized[start].hasPrefix("م") && ["ون", "ين"].contains(where: { text.normalized[start].hasSuffix($0) }))
                && !CueLexicon.documentNouns.contains(text.keys[start]) && !CueLexicon.documentNouns.contains(text.normalized[start])
            let propositionFollows = end < text.tokens.count && end - start <= 2
                && (text.gap(before: end, contains: [":"]) || text.quoteOpens[end] || statementFollows)
                && !(start..<end).contains { text.normalized[$0].hasSuffix("ه") && text.keys[$0] != text.normalized[$0] }
                && !CueLexicon.anonymousHeads.contains(text.normalized[start]) && !CueLexicon.anonymousHeads.contains(text.keys[start])
            guard roleFollows || commaRole || (afterCue && ((given && phraseEnds) || propositionFollows)), Self.isWholeName(start..<end, text) else { continue }
            names.append(start..<end)
            for j in start..<end { taken[j] = true }
        }
        return names
    }

    /// - Parameter finalHaIsTaMarbuta: the word names a place after its trigger (`مدينة سنجه`), where a
    ///   final ه is a ta marbuta written without its dots, never a pronoun.
    func isNameWord(_ i: Int, _ text: AnalyzedText, _ covered: [Bool], _ cues: CueLexicon, finalHaIsTaMarbuta: Bool = false) -> Bool {
        let word = text.normalized[i]
        let bare = text.keys[i]
        // A word with a pronoun suffix (`أنشطتها`) is not part of a name.
        if ["ها", "هم", "هما", "هن", "كم"].contains(where: { word.hasSuffix($0) && word.count > $0.count + 2 }) { return false }
        // Nor one whose final ه the stemmer read as a pronoun (`بلاده`; `فاطمة` keeps its ة).
        if word.hasSuffix("ه"), word.count > 3, !bare.hasSuffix("ه"), !finalHaIsTaMarbuta { return false }
        if CueLexicon.actorHeads.contains(bare) || CueLexicon.mediaDescriptors.contains(bare) || CueLexicon.isRole(word)
            || Self.commonNouns.contains(bare) || CueLexicon.anonymousHeads.contains(word) || CueLexicon.anonymousHeads.contains(bare) { return false }
        if !Self.firstNames.contains(word), !Self.firstNames.contains(bare), !Self.hasNameShape(word, key: bare) { return false }
        guard !covered[i], word.count >= 2, (!Self.nonNameWords.contains(word) && !Self.nonNameWords.contains(text.keys[i])) || Self.isGivenNameAli(i, text),
              cues.singleWord[text.keyWords[i]] == nil, !CueLexicon.complementizers.contains(word),
              !CueLexicon.timeWords.contains(word), !CueLexicon.weekdays.contains(word),
              word.unicodeScalars.allSatisfy({ (0x0621...0x064A).contains($0.value) }) else { return false }
        return true
    }

    /// Whether a word can stand in a name by its shape: not an inflected verb (`يرزقان`, `سيخلف`,
    /// `ويشعرون`: an imperfect prefix with a plural or dual ending, or the future سـ), not a number word.
    static func hasNameShape(_ word: String, key: String) -> Bool {
        var stem = Substring(word)
        if stem.count >= 5, stem.hasPrefix("و") || stem.hasPrefix("ف") { stem = stem.dropFirst() }
        // (Not ن: the first person plural takes no such ending, and `نيوتون`, `نيلسون` are names.)
        if stem.count >= 5, ["ي", "ت"].contains(where: { stem.hasPrefix($0) }), ["ون", "ان", "وا"].contains(where: { stem.hasSuffix($0) }) { return false }
        if stem.count >= 5, stem.hasPrefix("سي") || stem.hasPrefix("ست") || stem.hasPrefix("سن") { return false }
        return !numberWords.contains(word)
    }

    /// Whether `علي` at `i` is the given name, not the preposition `على` (written alike without dots): a
    /// given name, a name-former (`علي عبد الله صالح`, `علي بن …`) or a nisba with the article (`علي
    /// الحسيني`) follows it; the preposition takes a noun (`على ضرورة`, `على الرغم`).
    static func isGivenNameAli(_ i: Int, _ text: AnalyzedText) -> Bool {
        guard text.normalized[i] == "علي", i + 1 < text.tokens.count, !text.gap(before: i + 1, contains: breaks) else { return false }
        let next = text.normalized[i + 1]
        if firstNames.contains(next) || ["عبد", "ابو", "بن", "ابن"].contains(next) || next.hasPrefix("عبد") { return true }
        return next.hasPrefix("ال") && next.hasSuffix("ي") && next.count >= 5 && !commonWords.contains(next)
            && !["الحالي", "الماضي", "التالي", "الذي", "الثاني", "الجاري", "الاتي", "الدولي", "الرسمي", "الفوري", "الاقل"].contains(next)
    }

    /// Whether the word at `i` has the shape of a verb (`قدم`, `يقدم`, `تسلم`: a perfect of three letters or
    /// an imperfect of four, not a given name) followed by its object carrying a pronoun (`استقالته`, `مهامها`).
    static func isVerbBeforeItsObject(_ i: Int, _ text: AnalyzedText) -> Bool {
        var word = Substring(text.normalized[i])
        if word.count >= 4, word.hasPrefix("و") || word.hasPrefix("ف") { word = word.dropFirst() }
        guard !word.hasPrefix("ال"), !firstNames.contains(String(word)), !firstNames.contains(text.normalized[i]),
              word.count == 3 || (word.count == 4 && ["ي", "ت"].contains(where: { word.hasPrefix($0) })) else { return false }
        let object = text.normalized[i + 1]
        return ["ه", "ها", "هم", "هما"].contains(where: { object.hasSuffix($0) && object.count > $0.count + 2 }) && text.keys[i + 1] != object
            && !firstNames.contains(object)
    }

    /// Whether the words of `span` make a whole name: it does not end in a name-former (`عباس عبد`), and
    /// is not an accusative phrase (`اتصالا هاتفيا`, `موعدا دقيقا`: every word ends in the alif of tanwin).
    static func isWholeName(_ span: Range<Int>, _ text: AnalyzedText) -> Bool {
        guard let first = span.first, let last = span.last, !["عبد", "ابو", "بن", "ابن", "ام", "ال"].contains(text.normalized[last]) else { return false }
        // No word of a name carries a glued conjunction (`إسكندرون ودرس`) or a preposition before the
        // article (`أصول الدين بالزقازيق`). (ب ف ل alone begin many foreign names: `بلاتر`, `فابيوس`.)
        for k in span {
            let word = text.normalized[k]
            guard word.count >= 4, !firstNames.contains(word) else { continue }
            if ["بال", "وال", "فال", "كال", "لل"].contains(where: { word.hasPrefix($0) }) { return false }
            if word.hasPrefix("و"), text.keys[k] != word, !(k == first && span.count == 1) { return false }
            // A phrase opening with a preposition (`بشكل ضعيف`, `بلقب أفضل`) unless it is a given name.
            if k == first, span.count >= 2, ["ب", "ل"].contains(where: { word.hasPrefix($0) }), text.keys[k] != word { return false }
        }
        // An imperfect verb and its accusative object (`يشكل عبئا`, `تحقق تقدما`) are no name.
        if span.count == 2, ["ي", "ت"].contains(where: { text.normalized[first].hasPrefix($0) }), !firstNames.contains(text.normalized[first]),
           text.normalized[last].hasSuffix("ا"), !text.normalized[last].hasSuffix("يا") { return false }
        // A feminine adjective with the article does not end a name (`باروزو المؤرخة`).
        if span.count >= 2, text.normalized[last].hasPrefix("ال"), text.normalized[last].hasSuffix("ه") { return false }
        // Two words, the second with the article: a name when the first is a given name or the second a
        // nisba (`فلان المصري`); otherwise a noun and its complement (`صحة الأنباء`, `رفض الحكومة`).
        if span.count == 2, text.normalized[last].hasPrefix("ال"), !text.normalized[last].hasSuffix("ي"),
           !firstNames.contains(text.normalized[first]), !firstNames.contains(text.keys[first]),
           !["ابو", "عبد", "ام", "ابن", "بن"].contains(text.normalized[first]) { return false }
        if commonWords.contains(text.normalized[first]) || commonWords.contains(text.keys[first]) { return false }

        if span.count >= 2, span.allSatisfy({ text.normalized[$0].hasSuffix("ا") && !firstNames.contains(text.normalized[$0]) }) { return false }
        return true
    }

    /// Words of news prose that never start a name (`Data/common_words.txt`), normalised.
    static let commonWords: Set<String> = Set(
        (EmbeddedResources.all["Data/common_words.txt"] ?? "").split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.isEmpty }
            .map { ArabicNormalizer.normalize(String($0)) })

    /// Numbers and ordinals, never part of a name (`حاجز المليون`, `المركز الأول`).
    static let numberWords: Set<String> = [
        "مليون", "المليون", "مليار", "الف", "الالف", "ثلاث", "ثلاثه", "اربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "عشره",
        "اول", "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر", "الاخير",
        "الاولي", "الثانيه", "الثالثه", "الرابعه", "الخامسه", "مرات", "مره", "سنوات", "اعوام", "ايام",
    ]

    /// `وزير الخارجية التركي هاكان فيدان`, `رئيس بلدية المدينة خالد المصري`: the name is the last two
    /// or three words of the phrase after the title, up to a comma, a preposition, a time word or a verb;
    /// its first word does not carry the article (`المصري` may end a name, not start one).
    func discoverPerson(after trigger: Int, in text: AnalyzedText, covered: [Bool], nisbaOnly: [Bool], cues: CueLexicon) -> Range<Int>? {
        var end = trigger + 1
        var sawComma = false
        var sawName = false
        while end < min(text.tokens.count, trigger + 10) {
            if end > trigger + 1, text.gap(before: end, contains: ["،", ","]) {
                // `وزير الخارجية، فؤاد حسين،`: a name set off by commas right after the title.
                if sawComma || end - trigger > 3 || sawName { break }
                sawComma = true
            } else if end > trigger + 1, text.gap(before: end, contains: Self.breaks) { break }
            let word = text.normalized[end]
            // `ممثلة الأمم المتحدة في جنوب السودان هيلدا جونسون`: the place of the post, inside the title.
            if ["في", "لدي"].contains(word), !sawName, end + 1 < text.tokens.count, covered[end + 1] {
                end += 1
                while end < text.tokens.count, covered[end], !text.gap(before: end, contains: Self.breaks) { end += 1 }
                continue
            }
            if (["في", "من", "الي", "علي", "عن", "مع", "لدي"].contains(word) && !Self.isGivenNameAli(end, text)) || CueLexicon.complementizers.contains(word)
                || CueLexicon.timeWords.contains(word) || CueLexicon.weekdays.contains(word) || cues.singleWord[text.keyWords[end]] != nil { break }
            if word.hasPrefix("ل") && !text.keys[end].hasPrefix("ل") && !covered[end] && end > trigger + 1 && !Self.titleComplements.contains(word) { break }
            // A second role after the name is an apposition (`الدكتور عبد الرحمن البر عضو مكتب …`).
            if sawName, Self.appositiveRoles.contains(word) || Self.appositiveRoles.contains(text.keys[end]) { break }
            // A verb and its object with a pronoun end the title's phrase (`وزير المالية يقدم استقالته`,
            // `… كريم الحاج قدم استقالته`): no name word.
            if end + 1 < text.tokens.count, Self.isVerbBeforeItsObject(end, text) { break }
            if !word.hasPrefix("ال"), !Self.titleComplements.contains(word), !Self.appositiveRoles.contains(word), isNameWord(end, text, covered, cues) {
                sawName = true
            }
            end += 1
        }
        // A title and one name before the proposition (`الأمير تشارلز إنه …`, `الشيخ فلان:`).
        if end == trigger + 2, end < text.tokens.count, CueLexicon.complementizers.contains(text.normalized[end]) || text.gap(before: end, contains: [":", "،", ","]) || text.quoteOpens[end],
           isNameWord(trigger + 1, text, covered, cues), !text.normalized[trigger + 1].hasPrefix("ال"), !Self.titleComplements.contains(text.normalized[trigger + 1]) {
            return (trigger + 1)..<end
        }
        for length in [3, 2] {
            let start = end - length
            guard start > trigger else { continue }
            let span = start..<end
            var uncovered = covered
            for j in span.dropFirst() where nisbaOnly[j] { uncovered[j] = false }
            guard span.allSatisfy({ isNameWord($0, text, uncovered, cues) }),
                  !text.normalized[start].hasPrefix("ال"), !Self.titleComplements.contains(text.normalized[start]),
                  !span.dropFirst().contains(where: { text.gap(before: $0, contains: Self.breaks) }) else { continue }
            // Three words only when the first is a name-former (`أبو محمد الجولاني`, `عبد الله …`).
            if length == 3, !["ابو", "عبد", "ام", "بن", "ابن"].contains(text.normalized[start]) && text.normalized[start + 1] != "بن" && !text.normalized[start + 1].hasPrefix("عبد") && !["الدين", "الله"].contains(text.normalized[start + 1]) { continue }
            guard Self.isWholeName(span, text) else { continue }
            // `الرئيس علي عبد الله صالح`: the given name `علي` before a name-former begins the name.
            if start - 1 > trigger, Self.isGivenNameAli(start - 1, text) { return (start - 1)..<end }
            return span
        }
        return nil
    }
}

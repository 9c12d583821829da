/// Finds entity mentions in a text: gazetteer names, aliases and nisba adjectives (`EntityMatcher`),
/// and names the gazetteer lacks, by role and title patterns (`الرئيس …`, `وزير الخارجية …`,
/// `المتحدث باسم …`, `مدينة …`, `معبر …`). A person found that way is then also recognised by
/// the last word of the name elsewhere in the same article (`فيدانت باتل` … `باتل`).
public struct EntityRecognizer: Sendable {
    public let matcher: EntityMatcher
    let stemmer: CliticStemmer

    public init(matcher: EntityMatcher, stemmer: CliticStemmer = CliticStemmer()) {
        self.matcher = matcher
        self.stemmer = stemmer
    }

    /// A recognised mention, in token positions of one analysed text.
    struct Found: Equatable {
        let range: Range<Int>
        let name: String
        let type: EntityType
        let origin: EntityOrigin
        let viaNisba: Bool
    }

    /// Person-title triggers: the name follows the title and its complements.
    static let personTriggers: Set<String> = [
        "الرييس", "رييس", "وزير", "الوزير", "المتحدث", "متحدث", "الناطق", "ناطق", "مدير", "المدير", "زعيم", "الزعيم",
        "قايد", "القايد", "القيادي", "المبعوث", "مبعوث", "السفير", "سفير", "الامين", "نايب", "مستشار", "المستشار",
        "الدبلوماسي", "العاهل", "الملك", "الامير", "الشيخ", "اللواء", "العميد", "العقيد", "الجنرال", "النايب",
        // Honorifics and academic titles.
        "الدكتور", "دكتور", "الدكتوره", "السيد", "السيده", "البروفيسور", "المهندس", "الاستاذ", "الحاج", "المستشار",
        "شيخ", "الاميره", "الملكه", "ممثل", "الممثل", "ممثله", "الممثله", "الباحث", "الباحثه", "عالم",
    ]
    /// Words that may stand between a title and the name (باسم، العام، role nouns).
    static let titleComplements: Set<String> = [
        "باسم", "العام", "الخارجيه", "الدفاع", "الداخليه", "العدل", "الماليه", "الاعلام", "الاقتصاد", "الطاقه", "الصحه",
        "الوزراء", "الحكومه", "الجمهوريه", "الوزاري", "السابق", "الحالي", "الاسبق", "المكلف", "المنتهيه", "ولايته",
        "الامن", "القومي", "المخابرات", "الاركان", "هييه", "مجلس", "البرلمان", "النواب", "الشوري", "العسكري", "السياسي",
        "المكتب", "الدولي", "الاممي", "الخاص", "المشترك", "المشتركه", "التنفيذي", "العامه", "للشوون", "الشوون",
        "المنظمه", "الحزب", "الجبهه", "التحرير", "في", "صفوف", "العمليات", "غرفه", "ادارة", "اداره",
    ]
    /// Place-class triggers: the place name follows directly.
    static let placeTriggers: [String: Bool] = [
        // trigger: whether the trigger word is part of the name (معبر نصيب is the crossing's name)
        "مدينه": false, "محافظه": false, "بلده": false, "قريه": false, "مدينتي": false, "حي": true, "مخيم": true,
        "معبر": true, "مطار": true, "قاعده": true, "ميناء": true, "ريف": false, "منطقه": false, "ناحيه": false, "بلدات": false,
        "حاجز": true, "كتيبه": true, "بوابه": true,
    ]
    /// Common nouns that follow titles but are never names (`مدير تحرير مجلة`, `شبكة أخبار`).
    static let commonNouns: Set<String> = [
        "بيانات", "جديد", "جديده", "امر", "دور", "محل", "خلفا", "جايزه", "مهام", "بلا", "سيما", "علماء", "لقب", "اعمال", "افضل", "رد",
        "اخبار", "تحرير", "مجله", "دخول", "خروج", "انسحاب", "سيطره", "مقابله", "اجتماع", "بيان", "تصريح", "عمليه", "عمليات",
        "هجوم", "قصف", "باستغلال", "استغلال", "نظيره", "نظيرها", "نظيريه", "اجراها", "اجرته", "الصحافي", "صحافي", "الظرف",
        "مكتب", "قسم", "ملف", "شوون", "لجنه", "فرع", "جناح", "تنظيم", "حكومه", "دوله", "الدوله", "سابق", "السابق", "الحالي",
    ]

    /// Words that never start or continue a discovered name.
    static let nonNameWords: Set<String> = [
        "في", "من", "الي", "علي", "عن", "مع", "الذي", "التي", "الذين", "ان", "قد", "لم", "لن", "لا", "ما", "هو", "هي",
        "كان", "كانت", "بعد", "قبل", "خلال", "منذ", "حتي", "او", "ثم", "كل", "بين", "عند", "لدي", "اي", "غير", "نحو",
        "وسط", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "اكبر", "ثاني", "ثالث", "الذي", "ذلك",
        "هذا", "هذه", "تلك", "كبري", "الكبري", "حيث", "عبر", "باتجاه", "ضد", "لدي", "عام", "يوم", "اليوم", "امس",
        // Prepositions with a pronoun (`قال فيها:`), too short for the suffix rule.
        "فيه", "فيها", "فيهم", "له", "لها", "لهم", "عنه", "عنها", "منه", "منها", "عليه", "عليها", "اليه", "اليها",
        "معه", "معها", "به", "بها", "لنا", "لي", "مره", "اخري", "مجددا", "ايضا",
        // Connectors and auxiliaries that open clauses (`وقد سلم`, `وتم انتخاب`, `فيما أشرف`, `وفي معرض رد`).
        "قد", "وقد", "فقد", "لقد", "تم", "وتم", "يتم", "كما", "فيما", "بينما", "وفي", "ففي", "اما", "وبعد", "معرض",
    ]

    /// All mentions in `text`: gazetteer matches first, then pattern discoveries in the gaps.
    func recognize(_ text: AnalyzedText, cues: CueLexicon, extraPeople: inout [String: [String]]) -> [Found] {
        // (found is rebuilt by institution discovery, hence var below)
        var found: [Found] = []
        var covered = [Bool](repeating: false, count: text.tokens.count)
        var nisbaOnly = [Bool](repeating: false, count: text.tokens.count)
        for match in matcher.matches(in: text) {
            let entity = matcher.gazetteer.entities[match.target.entityIndex]
            found.append(Found(range: match.range, name: entity.name, type: entity.type, origin: entity.origin, viaNisba: match.target.viaNisba))
            for i in match.range { covered[i] = true; nisbaOnly[i] = match.target.viaNisba }
        }
        // Role and title patterns.
        for i in text.tokens.indices where !covered[i] {
            let word = text.normalized[i]
            let bare = text.keys[i]
            if Self.personTriggers.contains(word) || Self.personTriggers.contains("ال" + bare) || Self.personTriggers.contains(bare) {
                if let name = discoverPerson(after: i, in: text, covered: covered, nisbaOnly: nisbaOnly, cues: cues) {
                    // A family name that looks like a nisba (`خالد المصري`) belongs to the person.
                    found.removeAll { $0.viaNisba && $0.range.overlaps(name) }
                    for j in name { nisbaOnly[j] = false }
                    found.append(Found(range: name, name: String(text.slice(name)), type: .person, origin: .discovered, viaNisba: false))
                    for j in name { covered[j] = true }
                    registerLastName(of: name, in: text, &extraPeople)
                }
            } else if let includesTrigger = Self.placeTriggers[word], !word.hasPrefix("ال") {
                // Only the construct form names a place (`مدينة حمص`); `المدينة` refers back to one.
                if let name = discoverPlace(after: i, in: text, covered: covered, cues: cues) {
                    let range = includesTrigger ? i..<name.upperBound : name
                    let written = includesTrigger ? Self.stripClitics(String(text.slice(range)), stemmer: stemmer) : String(text.slice(name))
                    found.append(Found(range: range, name: written, type: .place, origin: .discovered, viaNisba: false))
                    for j in range { covered[j] = true }
                }
            }
        }
        found = discoverInstitutions(in: text, found: found, covered: &covered)
        for name in discoverSpeakerNames(in: text, covered: covered, cues: cues) {
            // One word of a person already named (`وقال كوستاس:` after `كوستاس ميتروبولوس`) is that person.
            if name.count == 1, let known = extraPeople[text.keys[name.lowerBound]]?.first {
                found.append(Found(range: name, name: known, type: .person, origin: .discovered, viaNisba: false))
                covered[name.lowerBound] = true
                continue
            }
            found.append(Found(range: name, name: String(text.slice(name)), type: .person, origin: .discovered, viaNisba: false))
            for j in name { covered[j] = true }
            registerLastName(of: name, in: text, &extraPeople)
        }
        // Last names of people discovered in this article.
        if !extraPeople.isEmpty {
            for i in text.tokens.indices where !covered[i] || nisbaOnly[i] {
                if let names = extraPeople[text.keys[i]], let name = names.first {
                    found.removeAll { $0.viaNisba && $0.range.contains(i) }
                    found.append(Found(range: i..<(i + 1), name: name, type: .person, origin: .discovered, viaNisba: false))
                    covered[i] = true
                }
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Lets a discovered person be found later in the article by the last word of the name (`فيدانت باتل` … `باتل`),
    /// and by its first word when that is no common given name (`تيري ديران` … `تيري`).
    private func registerLastName(of name: Range<Int>, in text: AnalyzedText, _ extraPeople: inout [String: [String]]) {
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
            let propositionFollows = end < text.tokens.count && end - start <= 2
                && (text.gap(before: end, contains: [":"]) || text.quoteOpens[end])
                && !(start..<end).contains { text.normalized[$0].hasSuffix("ه") && text.keys[$0] != text.normalized[$0] }
                && !CueLexicon.anonymousHeads.contains(text.normalized[start]) && !CueLexicon.anonymousHeads.contains(text.keys[start])
            guard roleFollows || commaRole || (afterCue && ((given && phraseEnds) || propositionFollows)), Self.isWholeName(start..<end, text) else { continue }
            names.append(start..<end)
            for j in start..<end { taken[j] = true }
        }
        return names
    }

    private static let breaks: Set<Character> = ["،", ",", ":", "\n", ".", "؛", "(", ")", "؟", "!"]

    private func isNameWord(_ i: Int, _ text: AnalyzedText, _ covered: [Bool], _ cues: CueLexicon) -> Bool {
        let word = text.normalized[i]
        let bare = text.keys[i]
        // A word with a pronoun suffix (`أنشطتها`) is not part of a name.
        if ["ها", "هم", "هما", "هن", "كم"].contains(where: { word.hasSuffix($0) && word.count > $0.count + 2 }) { return false }
        // Nor one whose final ه the stemmer read as a pronoun (`بلاده`; `فاطمة` keeps its ة).
        if word.hasSuffix("ه"), word.count > 3, !bare.hasSuffix("ه") { return false }
        if CueLexicon.actorHeads.contains(bare) || CueLexicon.mediaDescriptors.contains(bare) || CueLexicon.titleWords.contains(word)
            || Self.commonNouns.contains(bare) || CueLexicon.anonymousHeads.contains(word) || CueLexicon.anonymousHeads.contains(bare) { return false }
        if !Self.firstNames.contains(word), !Self.firstNames.contains(bare), !Self.hasNameShape(word, key: bare) { return false }
        guard !covered[i], word.count >= 2, !Self.nonNameWords.contains(word), !Self.nonNameWords.contains(text.keys[i]),
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
        if stem.count >= 5, ["ي", "ت", "ن"].contains(where: { stem.hasPrefix($0) }), ["ون", "ان", "وا"].contains(where: { stem.hasSuffix($0) }) { return false }
        if stem.count >= 5, stem.hasPrefix("سي") || stem.hasPrefix("ست") || stem.hasPrefix("سن") { return false }
        return !numberWords.contains(word)
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

    /// Institutions named by a noun and their adjectives: `السفارة الإيرانية في دمشق`,
    /// `المركز الثقافي الإيراني`, `مديرية المخابرات العسكرية`, `منتدى الدوحة`. They absorb the
    /// nisba or place inside them (the embassy, not Iran, is what is mentioned).
    static let institutionHeads: Set<String> = [
        "سفاره", "قنصليه", "مركز", "مديريه", "قياده", "منتدي", "هييه", "مجلس", "لجنه", "بعثه", "مكتب", "جامعه", "مستشفي", "مطار",
    ]

    func discoverInstitutions(in text: AnalyzedText, found: [Found], covered: inout [Bool]) -> [Found] {
        var found = found
        var byStart: [Int: Int] = [:]
        for (index, mention) in found.enumerated() { byStart[mention.range.lowerBound] = index }
        var i = 0
        while i < text.tokens.count {
            defer { i += 1 }
            guard !covered[i], Self.institutionHeads.contains(text.keys[i]) else { continue }
            var j = i + 1
            var absorbed: [Int] = []
            var adjectives = 0
            while j < text.tokens.count, j - i < 6, !text.gap(before: j, contains: Self.breaks) {
                if let index = byStart[j] {
                    let mention = found[index]
                    // A nisba (`الإيرانية`) or, after the head, a place (`منتدى الدوحة`).
                    guard mention.viaNisba || (mention.type == .place && j == i + 1) else { break }
                    absorbed.append(index); adjectives += 1; j = mention.range.upperBound; continue
                }
                let word = text.normalized[j]
                if !covered[j], word.hasPrefix("ال"), word.count >= 4, !Self.nonNameWords.contains(word),
                   !CueLexicon.timeWords.contains(word), !CueLexicon.weekdays.contains(word) {
                    adjectives += 1; j += 1; continue
                }
                break
            }
            guard adjectives > 0 else { continue }
            // A definite head with only common adjectives (`اللجنة التنفيذية`, `المركز الأول`) refers back
            // to something named before, or to nothing: a name needs a nisba or place (`السفارة الإيرانية`).
            if text.normalized[i].hasPrefix("ال"), absorbed.isEmpty { continue }
            if (i + 1..<j).contains(where: { Self.numberWords.contains(text.normalized[$0]) }) { continue }
            // `في دمشق` / `لدى سورية`: the place the institution is in.
            if j + 1 < text.tokens.count, ["في", "لدي"].contains(text.normalized[j]), !text.gap(before: j, contains: Self.breaks),
               let index = byStart[j + 1], found[index].type == .place, !found[index].viaNisba,
               Self.institutionHeads.contains(text.keys[i]) && ["سفاره", "قنصليه", "بعثه", "مكتب"].contains(text.keys[i]) {
                absorbed.append(index)
                j = found[index].range.upperBound
            }
            let range = i..<j
            let name = Self.stripClitics(ClaimExtractor.cleanPhrase(String(text.slice(range))), stemmer: stemmer)
            found = found.enumerated().filter { !absorbed.contains($0.offset) }.map(\.element)
            // Airports and hospitals are places one is in; the others act and speak.
            let type: EntityType = ["مطار", "مستشفي"].contains(text.keys[i]) ? .place : .organization
            found.append(Found(range: range, name: name, type: type, origin: .discovered, viaNisba: false))
            byStart = [:]
            for (index, mention) in found.enumerated() { byStart[mention.range.lowerBound] = index }
            for t in range { covered[t] = true }
            i = j - 1
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

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
            if ["في", "من", "الي", "علي", "عن", "مع", "لدي"].contains(word) || CueLexicon.complementizers.contains(word)
                || CueLexicon.timeWords.contains(word) || CueLexicon.weekdays.contains(word) || cues.singleWord[text.keyWords[end]] != nil { break }
            if word.hasPrefix("ل") && !text.keys[end].hasPrefix("ل") && !covered[end] && end > trigger + 1 && !Self.titleComplements.contains(word) { break }
            // A second role after the name is an apposition (`الدكتور عبد الرحمن البر عضو مكتب …`).
            if sawName, Self.appositiveRoles.contains(word) || Self.appositiveRoles.contains(text.keys[end]) { break }
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
            return span
        }
        return nil
    }

    /// `مدينة نوى`, `بلدة نامر`, `معبر جابر`: one or two name words after the trigger.
    func discoverPlace(after trigger: Int, in text: AnalyzedText, covered: [Bool], cues: CueLexicon) -> Range<Int>? {
        let i = trigger + 1
        guard i < text.tokens.count, !text.gap(before: i, contains: Self.breaks), isNameWord(i, text, covered, cues) else { return nil }
        // An adjective (`المنطقة الشرقية`, `المعبر الحدودي`) is not a name.
        let word = text.normalized[i]
        if word.hasSuffix("يه") || word.hasSuffix("ي") || word.hasSuffix("يين") { return nil }
        // A word with a pronoun suffix (`ريفها`) is not a name; neither is an accusative (`ممرا`).
        if ["ها", "هم", "هما", "هن", "كم", "نا"].contains(where: { word.hasSuffix($0) && word.count > $0.count + 2 }) { return nil }
        if word.hasSuffix("ا"), !word.hasSuffix("يا"), word.count <= 5, !word.hasPrefix("ال") { return nil }   // an accusative noun (`ممرا`)
        var j = i + 1
        // A second word only when it is clearly part of the name (الكبيرة، الشام …), not a preposition.
        if j < text.tokens.count, !text.gap(before: j, contains: Self.breaks), isNameWord(j, text, covered, cues),
           ["الكبيره", "الصغيره", "الشام", "الجديده", "القديمه", "الشرقي", "الغربي", "الشمالي", "الجنوبي", "العسكري", "الحدودي"].contains(text.normalized[j]) {
            j += 1
        }
        return i..<j
    }

    /// The phrase without the conjunction or preposition glued to its first word
    /// (`والمعبر` → `المعبر`, `للمعبر` → `المعبر`, `لمعبر` → `معبر`).
    static func stripClitics(_ phrase: String, stemmer: CliticStemmer) -> String {
        var words = phrase.split(separator: " ").map(String.init)
        guard let first = words.first else { return phrase }
        let scalars = Array(first.unicodeScalars)
        let normalized = ArabicNormalizer.normalize(first, foldTaMarbuta: false)
        func rebuild(_ s: [Unicode.Scalar]) -> String { var v = String.UnicodeScalarView(); v.append(contentsOf: s); return String(v) }
        if normalized.hasPrefix("لل"), normalized.count >= 5 {
            words[0] = "ال" + rebuild(Array(scalars.dropFirst(2)))
        } else if ["وال", "بال", "فال", "كال"].contains(where: { normalized.hasPrefix($0) }), normalized.count >= 6 {
            words[0] = rebuild(Array(scalars.dropFirst()))
        } else if ["و", "ب", "ل", "ف"].contains(where: { normalized.hasPrefix($0) }), normalized.count >= 5,
                  stemmer.stem(normalized) != ArabicNormalizer.normalize(first) {
            // (The stem has ة folded to ه: compared unfolded, every word ending in ة, `وزارة`
            // included, looked like a clitic had been cut.)
            words[0] = rebuild(Array(scalars.dropFirst()))
        }
        return words.joined(separator: " ")
    }
}

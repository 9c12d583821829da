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

    /// Person-title triggers, with their feminine forms: the name follows the title and its complements.
    static let personTriggers: Set<String> = CueLexicon.withFeminine([
        "الرييس", "رييس", "وزير", "الوزير", "المتحدث", "متحدث", "الناطق", "ناطق", "مدير", "المدير", "زعيم", "الزعيم",
        "قايد", "القايد", "القيادي", "المبعوث", "مبعوث", "السفير", "سفير", "الامين", "نايب", "مستشار", "المستشار",
        "الدبلوماسي", "العاهل", "الملك", "الامير", "الشيخ", "اللواء", "العميد", "العقيد", "الجنرال", "النايب",
        // Honorifics and academic titles.
        "الدكتور", "دكتور", "الدكتوره", "السيد", "السيده", "البروفيسور", "المهندس", "الاستاذ", "الحاج", "المستشار",
        "شيخ", "الاميره", "الملكه", "ممثل", "الممثل", "ممثله", "الممثله", "الباحث", "الباحثه", "عالم",
    ])
    /// Words that may stand between a title and the name (باسم، العام، role nouns).
    static let titleComplements: Set<String> = [
        "باسم", "العام", "وزراء", "الخارجيه", "الدفاع", "الداخليه", "العدل", "الماليه", "الاعلام", "الاقتصاد", "الطاقه", "الصحه",
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
        "حاجز": true, "كتيبه": true, "بوابه": true, "ولايه": false, "اقليم": false, "قضاء": false,
    ]
    /// First words of compound place names, whose next word belongs to the name (`ذي قار`, `دير الزور`,
    /// `كفر الشيخ`, `تيزي وزو`, `أبو ظبي`, `رأس العين`).
    static let compoundPlaceHeads: Set<String> = [
        "ذي", "ذات", "ابو", "ابي", "ام", "بني", "عين", "دير", "كفر", "تل", "جبل", "راس", "بير", "بئر", "خان", "سيدي", "شرم", "بيت",
        "وادي", "تيزي", "سوق", "حمام", "جسر", "مرسي", "بنت", "قصر", "برج", "اولاد",
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
        "معه", "معها", "به", "بها", "لنا", "لي", "مره", "اخري", "مجددا", "ايضا", "كله", "كلها", "جميعه", "جميعها", "نفسه", "نفسها",
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
                    found.append(Found(range: range, name: Self.withTaMarbuta(written), type: .place, origin: .discovered, viaNisba: false))
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

    static let breaks: Set<Character> = ["،", ",", ":", "\n", ".", "؛", "(", ")", "؟", "!"]

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

    /// `مدينة نوى`, `بلدة نامر`, `معبر جابر`: one or two name words after the trigger; `محافظة ذي قار`,
    /// `ولاية تيزي وزو`: the head of a compound name and the word after it.
    func discoverPlace(after trigger: Int, in text: AnalyzedText, covered: [Bool], cues: CueLexicon) -> Range<Int>? {
        let i = trigger + 1
        guard i < text.tokens.count, !text.gap(before: i, contains: Self.breaks) else { return nil }
        let word = text.normalized[i]
        if Self.compoundPlaceHeads.contains(word), !covered[i], i + 1 < text.tokens.count, !text.gap(before: i + 1, contains: Self.breaks),
           isNameWord(i + 1, text, covered, cues) {
            return i..<(i + 2)
        }
        guard isNameWord(i, text, covered, cues, finalHaIsTaMarbuta: true) else { return nil }
        // An adjective (`المنطقة الشرقية`, `المعبر الحدودي`) is not a name.
        if word.hasSuffix("يه") || word.hasSuffix("ي") || word.hasSuffix("يين") { return nil }
        // A common noun or adjective of prose (`منطقة الجزاء`, `منطقة قابلة للسكن`).
        let bareWord = word.hasPrefix("ال") ? String(word.dropFirst(2)) : word
        if Self.commonWords.contains(word) || Self.commonWords.contains(bareWord) { return nil }
        // A word with a pronoun suffix (`ريفها`) is not a name; neither is an accusative (`ممرا`).
        if ["ها", "هم", "هما", "هن", "كم", "نا"].contains(where: { word.hasSuffix($0) && word.count > $0.count + 2 }) { return nil }
        if word.hasSuffix("ا"), !word.hasSuffix("يا"), word.count <= 5, !word.hasPrefix("ال") { return nil }   // an accusative noun (`ممرا`)
        var j = i + 1
        // A second word only when it is clearly part of the name (الكبيرة، الشام …, or a colour or
        // elative of the pattern أفعل after a definite name: `البحر الأحمر`, `النيل الأزرق`), not a preposition.
        let next = j < text.tokens.count ? text.normalized[j] : ""
        let elative = word.hasPrefix("ال") && next.hasPrefix("الا") && next.count == 6
        if j < text.tokens.count, !text.gap(before: j, contains: Self.breaks), elative || isNameWord(j, text, covered, cues),
           elative || ["الكبيره", "الصغيره", "الشام", "الجديده", "القديمه", "الشرقي", "الغربي", "الشمالي", "الجنوبي", "العسكري", "الحدودي"].contains(next) {
            j += 1
        }
        return i..<j
    }

    /// A discovered place's name with its final ه written ة (`سنجه` → `سنجة`): one place, however spelt.
    static func withTaMarbuta(_ name: String) -> String {
        guard name.hasSuffix("ه"), name.count >= 4 else { return name }
        return String(name.dropLast()) + "ة"
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

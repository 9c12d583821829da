/// Reporting expressions (`Data/cues.tsv`) and the closed word classes claim extraction needs.
public struct CueLexicon: Sendable {
    public enum Role: String, Sendable {
        case speech, point, continuation, denial, call, agency, falsity, unverified
    }

    public struct Cue: Sendable, Equatable {
        public let role: Role
        public let stance: Stance
        /// Key sequence (one key for verbs; several for phrases such as `عارية عن الصحة`).
        public let keys: [String]
        /// Prepositions (normalised) that may open the proposition: `علي`, `عن`, `الي`, `من`, and the
        /// prefixes `ب`, `ل`.
        public var openers: Set<String> = []
        /// Whether a bare object can be the proposition (`أعلن المرصد انسحاب …`).
        public var allowsObject = false
        /// Whether the verb is a cue only with one of its openers (`عبر … عن`).
        public var requiresOpener = false
        /// An active participle (`مؤكدا`, `قائلا`): the speaker is the one already speaking.
        public var isParticiple = false
        /// An imperfect verb (`تنفي`, `يقول`): headline style, the subject usually comes first.
        public var isImperfect = false
    }

    /// Single-word cues by match key.
    public private(set) var singleWord: [Word: Cue] = [:]
    /// Every single-word form as written in the lexicon, normalised (`قال`, `مؤكده`), to tell a
    /// form from a verb carrying an object pronoun (`نقله`, `اعتبرها`).
    public private(set) var normalizedForms: Set<String> = []
    /// Multi-word cues (falsity and unverified phrases), longest first.
    public private(set) var phrases: [Cue] = []
    /// The phrases by their first key, so that a word is checked against the few that can start there.
    private var phrasesByFirstKey: [Word: [(cue: Cue, keys: [Word])]] = [:]

    public init(tsv: String, stemmer: CliticStemmer) {
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            guard fields.count >= 3, let role = Role(rawValue: fields[0]), let stance = Stance(rawValue: fields[2]) else { continue }
            let forms = fields[1].split(separator: "|").map(String.init)
            let lemma = ArabicNormalizer.normalize(forms.first ?? "")
            var openers = Set<String>(), allowsObject = false, requiresOpener = false
            if fields.count >= 4, fields[3] != "-" {
                var spec = fields[3]
                if spec.hasSuffix("!") { requiresOpener = true; spec.removeLast() }
                for opener in spec.split(separator: "|") {
                    if opener == "obj" { allowsObject = true } else { openers.insert(ArabicNormalizer.normalize(String(opener))) }
                }
            }
            for form in forms {
                let keys = Tokenizer.tokenize(String(form)).map { MatchKey.of($0.text, stemmer: stemmer) }
                guard !keys.isEmpty else { continue }
                let normalized = ArabicNormalizer.normalize(form)
                if keys.count == 1 { normalizedForms.insert(normalized) }
                var cue = Cue(role: role, stance: stance, keys: keys)
                cue.openers = openers
                cue.allowsObject = allowsObject
                cue.requiresOpener = requiresOpener
                cue.isParticiple = Self.isParticiple(normalized)
                cue.isImperfect = normalized != lemma && (normalized.hasPrefix("ي") || (normalized.hasPrefix("ت") && !lemma.hasPrefix("ت")) || normalized.hasPrefix("تت") || normalized.hasPrefix("يت"))
                if keys.count == 1 && role != .falsity && role != .unverified { singleWord[Word(keys[0])] = cue } else { phrases.append(cue) }
            }
        }
        phrases.sort { $0.keys.count > $1.keys.count }
        for cue in phrases { phrasesByFirstKey[Word(cue.keys[0]), default: []].append((cue, cue.keys.map { Word($0) })) }
    }

    /// Active participles: `مؤكدا`, `مشيرة`, `قائلا`, `داعية` (مُفعِل or فاعل with the adverbial ending).
    static func isParticiple(_ form: String) -> Bool {
        let letters = Array(form)
        guard letters.count >= 4, let last = letters.last, last == "ا" || last == "ه" || form.hasSuffix("ين") else { return false }
        return letters[0] == "م" || letters[1] == "ا"
    }

    /// Every single-word form, for protecting cue words from the clitic stemmer.
    static func allForms(in tsv: String) -> [String] {
        tsv.split(separator: "\n").filter { !$0.hasPrefix("#") }.flatMap { line -> [String] in
            let fields = line.split(separator: "\t")
            guard fields.count >= 2 else { return [] }
            return fields[1].split(separator: "|").map(String.init).filter { !$0.contains(" ") }
        }
    }

    public static let builtIn = CueLexicon(tsv: EmbeddedResources.all["Data/cues.tsv"] ?? "", stemmer: CliticStemmer())

    /// The phrase cue starting at token `i`, if any.
    func phrase(in text: AnalyzedText, at i: Int, end: Int) -> Cue? {
        // The first word by its key, its normalised form, or without a glued و / ف (`ولم يتسن`).
        let word = text.normalized[i]
        var candidates = phrasesByFirstKey[text.keyWords[i]] ?? []
        if let more = phrasesByFirstKey[text.normalizedWords[i]], text.keyWords[i] != text.normalizedWords[i] { candidates += more }
        if let first = word.first, first == "و" || first == "ف", let more = phrasesByFirstKey[Word(String(word.dropFirst()))] { candidates += more }
        guard !candidates.isEmpty else { return nil }
        return candidates.sorted { $0.keys.count > $1.keys.count }.first { candidate in
            i + candidate.keys.count <= end && candidate.keys.indices.dropFirst().allSatisfy { offset in
                let key = candidate.keys[offset]
                return text.keyWords[i + offset] == key || text.normalizedWords[i + offset] == key
            }
        }?.cue
    }

    // MARK: Closed classes (normalised forms, ta marbuta folded)

    /// Whether a normalised word carries the definite article, alone or after a proclitic
    /// (`الذكر`, `بالذكر`, `والاعلان`, `للقول`).
    static func hasArticle(_ word: String) -> Bool {
        word.count > 3 && (word.hasPrefix("ال") || word.hasPrefix("لل")
            || (word.count > 4 && ["وال", "بال", "فال", "كال"].contains(where: { word.hasPrefix($0) })))
    }

    /// A set of role nouns with their feminine forms (`المتحدث` / `المتحدثة`, `مدير` / `مديرة`).
    static func withFeminine(_ words: Set<String>) -> Set<String> {
        words.union(words.filter { !$0.hasSuffix("ه") && !$0.hasPrefix("وه") }.map { $0 + "ه" })
    }

    /// Complementisers that open the reported proposition.
    static let complementizers: Set<String> = ["ان", "انه", "انها", "انهم", "انهما", "بان", "بانه", "بانها", "بانهم", "وان", "وانه", "وانها", "وبان"]
    /// Time words that may stand between the cue and the proposition.
    static let timeWords: Set<String> = [
        "اليوم", "امس", "يوم", "غدا", "فجر", "مساء", "صباح", "ظهر", "عصر", "ليل", "ليله", "الليله", "الاسبوع", "الشهر",
        "حاليا", "لاحقا", "سابقا", "مجددا", "ايضا", "كذلك", "بدوره", "بدورها", "بدورهم", "اخيرا", "امس،", "مطلع", "اواخر",
        "عقب", "قبل", "بعد", "خلال", "وقت",
    ]
    static let weekdays: Set<String> = Set(ArabicDates.weekdays.keys.map { ArabicNormalizer.normalize($0) })
    /// Nouns after `في` that attach to the verb (في بيان، في مقابلة …), never part of the speaker.
    static let verbPrepositionHeads: Set<String> = [
        "بيان", "مقابله", "تصريح", "تصريحات", "افاده", "منشور", "اتصال", "حديث", "موتمر", "كلمه", "رساله", "تغريده", "وقت",
        "اطار", "سياق", "اشاره", "ظل", "مقال", "تقرير", "لقاء", "احاطه", "خطاب", "ندوه", "برنامج", "تدوينه", "بيانها", "بيانه",
        "حوار", "جلسه", "اجتماع",
    ]
    /// Heads of unnamed sources (`مصدر عسكري`, `مصادر بالمعارضة`, `ثلاثة مصادر`, `مسؤولين إيرانيين`).
    static let anonymousHeads: Set<String> = [
        "مصدر", "مصادر", "مصدران", "مصدرين", "مسوول", "مسوولون", "مسوولين", "مسوولان", "ناشطون", "ناشطين", "ناشط", "شهود",
        "شاهد", "سكان", "احد", "عدد", "عددا", "وسايل", "تقارير", "التقارير", "مراقبون", "خبراء", "محللون", "دبلوماسي",
        "دبلوماسيون", "دبلوماسيين", "مقربون", "مقربين", "جهات", "اوساط", "متحدث", "مراسل", "مراسله", "مسوولا",
        // Unnamed groups and members (`علماء من الجامعة`, `أعضاء الجماعة`, `بعض الخبراء`, `آخرون`).
        "علماء", "باحثون", "باحثين", "اعضاء", "مجموعه", "بعض", "البعض", "اخرون", "اخرين", "محللين", "مراقبين", "خبيران",
        // Testimonies (`عدة إفادات`, `شهادات السكان`).
        "افادات", "شهادات",
    ]
    /// Unnamed sources that are several (`مصادر`, `مسؤولون`, `خبراء`): a plural verb continues them.
    static let pluralSourceHeads: Set<String> = [
        "مصادر", "مسوولون", "مسوولين", "ناشطون", "ناشطين", "شهود", "سكان", "خبراء", "محللون", "محللين", "مراقبون", "مراقبين",
        "دبلوماسيون", "دبلوماسيين", "مقربون", "مقربين", "علماء", "باحثون", "باحثين", "اخرون", "اخرين", "صيادون", "متظاهرون",
    ]
    /// Source nouns that stay unnamed with the article (`المصادر`, `المسؤولون`).
    static let definiteAnonymousHeads: Set<String> = [
        "مصادر", "مصدر", "مصدران", "مسوولون", "مسوولين", "مسوول",
        // Unnamed groups (`الباحثون`, `العلماء`, `الصيادون`): nobody in particular.
        "باحثون", "باحثين", "علماء", "خبراء", "اطباء", "محللون", "صيادون", "سكان", "شهود", "متظاهرون", "ناشطون",
    ]
    /// Number words that may precede an anonymous head (`ثلاثة مصادر`).
    static let numberWords: Set<String> = ["اثنان", "اثنين", "ثلاثه", "ثلاث", "اربعه", "اربع", "خمسه", "خمس", "عده", "بعض", "عدد"]
    /// Words that introduce an apposition giving the speaker's role.
    static let titleWords: Set<String> = withFeminine([
        "زعيم", "رييس", "مدير", "المتحدث", "متحدث", "وزير", "قايد", "مسوول", "الناطق", "ناطق", "عضو", "مستشار", "مبعوث",
        "السفير", "سفير", "الامين", "امين", "نايب", "وهو", "وهي", "الرييس", "القيادي", "قيادي", "المبعوث", "الزعيم", "المدير",
        "الوزير", "القايد", "طبيب", "الدبلوماسي", "المسوول", "ناشط", "الناشط", "الكاتب", "كاتب", "المحلل", "محلل", "الخبير", "خبير", "رييسه", "مديره",
        // Governors, founders, coaches and players, agents (`نفى والي ولاية …`, `X، مؤسس الشركة،`).
        "والي", "الوالي", "محافظ", "المحافظ", "موسس", "الموسس", "مدرب", "المدرب", "لاعب", "اللاعب", "حارس", "الحارس", "وكيل", "الوكيل",
    ]).subtracting(["موسسه", "الموسسه"])   // (`مؤسسة` is an institution far more often than a foundress)
    /// Words that end a clause before a new one (a reporting verb never reaches past them backwards).
    static let clauseOpeners: Set<String> = ["فيما", "بينما", "حيث", "الا", "لكن", "ثم", "كما", "اذ", "حين", "عندما", "وفيما", "وبينما"]
    /// Words standing for the previous statement (`نفت ذلك`, `هذه التقارير`).
    static let pointerWords: Set<String> = ["ذلك", "هذا", "هذه", "تلك", "الامر", "الانباء", "التقارير", "المزاعم", "الادعاءات", "الخبر", "هذه التقارير"]
    /// First-person denial verbs (`أنفي`, `ننفي`, `نكذب`): the speaker denies what follows.
    static let firstPersonDenials: Set<String> = ["انفي", "ننفي", "نكذب", "اكذب"]
    /// First-person verbs of saying after لم / لا (`لم أقل`, `لم نعلن`, `لا أتهم`): denying having said it.
    static let firstPersonSayings: Set<String> = [
        "اقل", "نقل", "اقول", "نقول", "اصرح", "نصرح", "اذكر", "نذكر", "اعلن", "نعلن", "اتهم", "نتهم", "ادع", "ندع", "ادعي", "ندعي",
        "اصف", "نصف", "اعتبر", "نعتبر",
    ]
    /// Nouns for a report, whose complement (`عن …`, `بأن …`) is what it says (keys and written forms).
    static let reportNouns: Set<String> = [
        "انباء", "الانباء", "تقارير", "التقارير", "اخبار", "الاخبار", "خبر", "الخبر", "معلومات", "المعلومات", "ادعاءات", "الادعاءات",
        "مزاعم", "المزاعم", "شايعات", "الشايعات", "اشاعات", "الاشاعات", "روايات", "الروايات", "تقرير", "التقرير",
    ]

    /// Verbs and verbal nouns of what others spread, after `ما` (`ما تردد عن …`, `ما تم تداوله حول …`,
    /// `ما يشاع بشأن …`): what follows their complement is what the report says.
    static let reportingOfOthers: Set<String> = [
        "تردد", "يتردد", "ترددت", "نشر", "ينشر", "نشرته", "نشره", "اشيع", "يشاع", "شاع", "تداول", "يتداول", "تداوله", "تداولته",
        "تناقلته", "تناقلت", "يروج", "روج", "اثير", "يثار", "ورد", "يقال", "قيل", "اذيع", "تداولها", "نشرها",
    ]

    /// Prepositions: no finite verb follows one.
    static let prepositions: Set<String> = ["عبر", "في", "من", "علي", "الي", "عن", "مع", "حول", "خلال", "دون", "بدون", "عند", "لدي", "حتي", "بين"]

    /// Documents that speak for their author (`بيان X`, `تقرير X`, `رسالة X`, `مسح لرويترز`).
    static let documentNouns: Set<String> = [
        "بيان", "تقرير", "رساله", "تسجيل", "دراسه", "مذكره", "وثيقه", "تعميم", "بلاغ", "مسح", "استطلاع", "بحث", "ابحاث", "دراسات",
        // Published figures speak for who publishes them (`وفقا لبيانات وزارة التجارة`).
        "بيانات", "ارقام", "احصاءات", "احصاييات", "معطيات",
    ]

    /// Whether a word names a role held by a person (`وزير`, `المتحدثة`, `ممثلة`, `الشيخ`, `الدكتور`).
    static func isRole(_ word: String) -> Bool {
        titleWords.contains(word) || EntityRecognizer.personTriggers.contains(word) || EntityRecognizer.appositiveRoles.contains(word)
    }
    /// A preposition with a pronoun right after a verb (`أفادت به`, `تحدث عنه`): the object points back.
    static let resumptivePrepositions: Set<String> = ["به", "بها", "بهم", "عنه", "عنها", "عنهم", "اليه", "اليها", "عليه", "عليها"]
    /// Fillers between `نقلت عن X` and the proposition.
    static let sayingNouns: Set<String> = ["قوله", "قولها", "قولهم", "قولهما", "القول", "قول"]
    /// Words after which `أن` is not a reporting complementiser (`بعد أن`, `يمكن أن`).
    static let nonReportingBeforeAn: Set<String> = [
        "بعد", "قبل", "منذ", "حتي", "دون", "بدل", "بدلا", "من", "يمكن", "يجب", "ينبغي", "لابد", "عسي", "بمجرد", "شان", "شانه", "مجرد",
        "الي", "علي", "يريد", "تريد", "اراد", "ارادت", "يتوقع", "يحتمل", "المحتمل", "المرجح", "المقرر", "المتوقع", "رغم", "برغم", "لولا",
    ]
    /// Heads of unnamed collective actors that can speak (`الفصائل المحلية`, `السلطات الأردنية`).
    static let actorHeads: Set<String> = [
        "فصايل", "معارضه", "حكومه", "جيش", "قوات", "سلطات", "وزاره", "سفاره", "مركز", "هييه", "رياسه", "شرطه", "مجلس",
        "برلمان", "اداره", "حزب", "حركه", "جماعه", "منظمه", "وكاله", "صحيفه", "شبكه", "قناه", "موقع", "مرصد", "اقليات",
        "اعضاء", "سكان", "اهالي", "متحدث", "ناطق", "قياده", "مصادر", "مصدر", "تلفزيون", "اعلام", "وسايل", "الفصايل",
        "مجموعات", "مجموعه", "كتايب", "ميليشيات", "ميليشيا", "تحالف", "غرفه", "نظام", "رييس", "وزير", "خارجيه", "دفاع",
        "داخليه", "الكرملين", "اداره", "محكمه", "لجنه", "بعثه", "مكتب", "فريق", "قاده", "مفوضيه", "بنك", "مصرف", "بورصه",
        "شركه", "موسسه", "نقابه", "اتحاد", "جامعه", "بلديه", "محافظ", "مجموعات", "معهد", "جمعيه", "اكاديميه", "صندوق",
        // Clubs and teams, and the provinces and states that speak through their governors.
        "نادي", "منتخب", "ولايه", "محافظه", "مديريه",
    ]
    /// Descriptors that stand for an outlet already named (`الصحيفة`, `الوكالة`).
    static let mediaDescriptors: Set<String> = ["صحيفه", "وكاله", "شبكه", "قناه", "موقع", "مجله", "اذاعه", "تلفزيون"]
}

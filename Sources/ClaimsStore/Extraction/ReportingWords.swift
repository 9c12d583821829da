/// The words around a reporting verb: the verb itself (not negated, not a noun with the article, not
/// carrying an object pronoun), adverbials, recipients and quotations.
extension ClaimExtractor {
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
        // After a verb of attempt, will or ability the cue is its verbal noun (`لم يحاولوا نفي وجود الثغرات`,
        // `أرادت تأكيد`), not a report.
        if found != nil, k > 0, Self.attemptVerbs.contains(text.normalized[k - 1]) { return nil }
        // `نُقلت للعلاج`, `نقل الجرحى إلى المستشفى`: نقل with a destination moves someone; the report takes عن.
        if found != nil, k + 1 < text.tokens.count, ["نقل", "ينقل", "تنقل"].contains(where: { text.normalized[k].hasPrefix($0) || text.normalized[k].dropFirst().hasPrefix($0) }),
           text.normalized[k + 1] == "الي" || text.normalized[k + 1].hasPrefix("لل") || (k + 2 < text.tokens.count && text.normalized[k + 2] == "الي") { return nil }
        // `دون أن تذكر اسمه`, `من دون أن يؤكد`: what was not done is no report.
        if found != nil, k > 1, text.normalized[k - 1] == "ان", ["دون", "بدون"].contains(text.normalized[k - 2]), found?.role != .falsity { return nil }
        // A verb never carries the article: `والجدير بالذكر`, `الإعلان` are nouns.
        if let cue = found, cue.role != .agency, CueLexicon.hasArticle(text.normalized[k]) { return nil }
        // لـ before a verbal noun gives a purpose (`لكشف الثغرات`), not a report; before an imperfect verb it
        // continues one (`ليضيف أن …`).
        if let cue = found, cue.role != .agency, text.normalized[k].hasPrefix("ل"), text.keys[k] != text.normalized[k],
           !cues.normalizedForms.contains(text.normalized[k]),
           !["ي", "ت", "ن"].contains(where: { text.normalized[k].dropFirst().hasPrefix($0) }) { return nil }
        // A verb with an object pronoun (`مؤتمر صحفي نقله التلفزيون`, `اعتبره العلماء`) reports what the
        // pronoun stands for, not what follows — unless a complementiser follows (`أبلغه أن …`). A denial's
        // pronoun points back to what it denies (`الأمر الذي نفته الوزارة`), which the denial rule resolves.
        if let cue = found, cue.role != .agency, cue.role != .denial, hasObjectPronoun(text.normalized[k]),
           !(k + 1 < text.tokens.count && CueLexicon.complementizers.contains(text.normalized[k + 1])) { return nil }
        return found
    }

    /// Verbs of attempt, will and ability, whose object is a verbal noun (`حاول`, `يريد`, `قرر`, `استطاع`), normalised, with و.
    static let attemptVerbs: Set<String> = {
        let forms = ["حاول", "يحاول", "تحاول", "نحاول", "احاول", "حاولت", "حاولوا", "يحاولوا", "يحاولون", "اراد", "ارادت", "ارادوا", "يريد",
                     "تريد", "نريد", "اريد", "يريدون", "يريدوا", "قرر", "قررت", "قرروا", "يقرر", "تقرر", "استطاع", "استطاعت", "يستطيع",
                     "تستطيع", "يستطيعون", "يستطيعوا", "تعمد", "يتعمد", "تعمدت"]
        return Set(forms + forms.map { "و" + $0 })
    }()

    /// Whether `word` is a cue form with an object pronoun glued to it (`نقله`, `وصفها`, `واعتبرهم`).
    func hasObjectPronoun(_ word: String) -> Bool {
        var bare = Substring(word)
        if cues.normalizedForms.contains(String(bare)) { return false }
        if bare.count > 3, bare.hasPrefix("و") || bare.hasPrefix("ف") {
            bare = bare.dropFirst()
            if cues.normalizedForms.contains(String(bare)) { return false }
        }
        return ["ه", "ها", "هم", "هما", "هن"].contains { bare.hasSuffix($0) && cues.normalizedForms.contains(String(bare.dropLast($0.count))) }
    }

    func isAdverbial(_ k: Int, _ text: AnalyzedText) -> Bool {
        let word = text.normalized[k]
        // (`أحد` without the article is «one of» — `أحد أعضاء المجلس` — not Sunday, unless after `يوم`.)
        if word == "احد" { return k > 0 && text.normalized[k - 1] == "يوم" }
        return CueLexicon.timeWords.contains(word) || CueLexicon.weekdays.contains(word) || CueLexicon.weekdays.contains("ال" + word)
            || (word == "في" && k + 2 < text.tokens.count && text.normalized[k + 1] == "وقت")
            // `في وقت سابق`, `في وقت لاحق`.
            || (k > 0 && text.normalized[k - 1] == "وقت" && ["سابق", "لاحق", "متاخر", "مبكر"].contains(word))
    }

    /// A recipient: `لوكالة فرانس برس`, `لـ«رويترز»`, `لصحافيين`, `للصحيفة`.
    func isRecipient(_ k: Int, _ text: AnalyzedText) -> Bool {
        let word = text.normalized[k]
        if word == "ل" { return true }
        return word.hasPrefix("ل") && !text.keys[k].hasPrefix("ل") && word.count >= 4
    }

    func opensQuote(before k: Int, _ text: AnalyzedText) -> Bool {
        text.quoteOpens[k]
    }

    /// A quotation of at most three words that is a name (`صحيفة "وول ستريت جورنال"`), not a statement.
    func isShortQuotedName(_ k: Int, _ text: AnalyzedText, _ context: Context) -> Bool {
        var j = k
        while j < min(text.tokens.count, k + 4) {
            if j > k, text.gaps[j].contains(where: { $0 == "»" || $0 == "”" || $0 == "\"" }) { break }
            j += 1
        }
        guard j < text.tokens.count ? text.gaps[j].contains(where: { $0 == "»" || $0 == "”" || $0 == "\"" }) : true else { return false }
        return j - k <= 2 || (j - k <= 5 && context.entities.startingAt[k] != nil)
    }
}

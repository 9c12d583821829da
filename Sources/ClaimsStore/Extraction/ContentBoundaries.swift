/// Where a claim's content starts and ends: the opener of a verb (`على`, `عن`, `بـ`), its object, the end of
/// the reported clause (the next reporting clause, a closing quotation, the sentence end), and a report of
/// a report inside it (`إن مصادر ذكرت أن …`).
extension ClaimExtractor {
    /// Where an opener of `cue` at `k` starts the proposition: `على مغادرة`, `عن قلقه`, `بالانسحاب`.
    func opener(at k: Int, _ cue: CueLexicon.Cue, _ text: AnalyzedText) -> Int? {
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
    func objectStart(after npEnd: Int, limit: Int, _ context: Context) -> Int? {
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
        // `نفى ما تردد عن …`, `نفت ما تم تداوله حول …`: what others spread is the object.
        if word == "ما", k + 1 < limit, CueLexicon.reportingOfOthers.contains(text.normalized[k + 1])
            || (["تم", "يتم"].contains(text.normalized[k + 1]) && k + 2 < limit && CueLexicon.reportingOfOthers.contains(text.normalized[k + 2])) {
            return k
        }
        if CueLexicon.clauseOpeners.contains(word) || ["من", "الي", "علي", "عن", "مع", "ان", "ما", "لا", "لم", "قد"].contains(word)
            || cueWord(at: k, text) != nil || text.gaps[k].contains(":") { return nil }
        return k
    }

    /// Where the proposition ends: the sentence end, the closing quote, or where a new reporting
    /// clause begins (`، مؤكدا …`, `وقال …`, `، وفق ما …`).
    func clauseEnd(from start: Int, sentence: Range<Int>, _ context: Context, quoted: inout Bool) -> Int {
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
            // `، ومؤخرا أعلنت …`, `، واليوم قال …`: an adverb with a glued و, then a reporting verb.
            if comma, text.normalized[k].hasPrefix("و"), text.normalized[k].count > 3, k + 1 < sentence.upperBound,
               let other = cueWord(at: k + 1, text), other.role != .agency, !other.isParticiple, context.entities.covering[k + 1] == nil { return k }
            // `… إذ أشار الوزير إلى أن …`, `فيما قال …`: a clause opener right before a reporting verb.
            if CueLexicon.clauseOpeners.contains(text.normalized[k]), k + 1 < sentence.upperBound,
               let other = cueWord(at: k + 1, text), other.role != .agency, !other.isParticiple, context.entities.covering[k + 1] == nil { return k }
            k += 1
        }
        return sentence.upperBound
    }

    /// `إن مصادر بالمعارضة ذكرت أيضا أن …`: the inner proposition and its speaker.
    func nestedReport(in content: Range<Int>, _ context: Context) -> (Range<Int>, Speaker)? {
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

    /// `إنها تعتقد أن …`, `أنه يرى أن …`: the speaker (a pronoun) reports their own belief or statement;
    /// the inner proposition and the inner verb's stance.
    func ownReport(in content: Range<Int>, _ context: Context) -> (Range<Int>, Stance)? {
        let text = context.text
        var k = content.lowerBound
        guard k + 2 < content.upperBound else { return nil }
        let pronoun = ["انه", "انها", "انهم", "انني", "اننا", "انهما", "بانه", "بانها", "بانهم", "انا", "نحن"].contains(text.normalized[k])
        if pronoun { k += 1 }
        guard let cue = cueWord(at: k, text), cue.role == .speech || cue.role == .point, !cue.isParticiple else { return nil }
        // Without a pronoun, only a belief in the first person opens the quotation (`«نعتقد أن …»`, `أعتقد أن`).
        if !pronoun, cue.stance != .unconfirmed || !["ا", "ن"].contains(where: { text.normalized[k].hasPrefix($0) }) { return nil }
        var j = k + 1
        if j < content.upperBound, text.normalized[j] == "الي" { j += 1 }
        guard j + 1 < content.upperBound, CueLexicon.complementizers.contains(text.normalized[j]) else { return nil }
        return (trimmed((j + 1)..<content.upperBound, text), cue.stance)
    }

    /// Drops edge tokens that are only connectors (`و`, `ف`, `قد`).
    func trimmed(_ range: Range<Int>, _ text: AnalyzedText) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, ["و", "ف"].contains(text.normalized[lower]) { lower += 1 }
        while upper > lower, ["و", "ف", "ان"].contains(text.normalized[upper - 1]) { upper -= 1 }
        return lower..<upper
    }
}

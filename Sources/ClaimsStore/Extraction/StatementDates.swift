/// The day a statement was made, from time words around its verb.
extension ClaimExtractor {
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

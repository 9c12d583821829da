/// A quantity stated in a text: `200 مسلح`, `44 ألفا`, `26%`, `مئتي مليون دولار`, `نصف مليون نازح`.
public struct NumberFact: Equatable, Sendable {
    public let value: Double
    /// The key of the counted noun (`مسلح`, `شخص`) or `%`.
    public let unit: String
    /// Stated as approximate or a bound (`نحو`, `حوالي`, `أكثر من`, `على الأقل`).
    public let approximate: Bool
    /// Token index where it was found.
    let position: Int

    /// Whether two values of the same measure agree (exactly, or within the margin of an approximation).
    public func agrees(with other: NumberFact) -> Bool {
        if value == other.value { return true }
        guard approximate || other.approximate else { return false }
        let larger = Swift.max(value, other.value), smaller = Swift.min(value, other.value)
        return (larger - smaller) / larger <= 0.1
    }
}

/// Reads quantities from an analysed text.
enum NumberReader {
    static let words: [String: Double] = [
        "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثني": 2, "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
        "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8, "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
        "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "اربعين": 40, "خمسين": 50, "ميه": 100, "ماءه": 100, "ميتي": 200, "ميتين": 200,
        "ميتا": 200, "نصف": 0.5, "ربع": 0.25, "ثلث": 1.0 / 3,
    ]
    static let multipliers: [String: Double] = [
        "الف": 1_000, "الفا": 1_000, "الاف": 1_000, "مليون": 1_000_000, "ملايين": 1_000_000, "مليار": 1_000_000_000, "مليارات": 1_000_000_000,
    ]
    static let approximators: Set<String> = ["نحو", "حوالي", "قرابه", "زهاء", "اكثر", "اقل", "اقرب", "يقرب", "ما", "الاقل", "تقريبا"]
    /// Nouns that measure rather than count (`نسبة`, `معدل`) and filler words skipped to find the unit.
    /// (Text is normalised, ئ folded to ي: `بالمئة` is `بالميه`.)
    static let skippedBeforeUnit: Set<String> = ["من", "علي", "الاقل", "الي", "في", "بالميه", "بالماءه", "الميه", "الماءه"]

    static func numbers(in text: AnalyzedText, within range: Range<Int>? = nil) -> [NumberFact] {
        let range = range ?? 0..<text.tokens.count
        var result: [NumberFact] = []
        var i = range.lowerBound
        while i < range.upperBound {
            let word = text.normalized[i]
            var value: Double?
            var end = i + 1
            if let number = Double(word.filter { $0.isNumber || $0 == "." }), word.first?.isNumber == true {
                value = number
            } else if let number = words[word] ?? words[text.keys[i]] {
                value = number
                // `اثني عشر`, `ثلاثة عشر`: teens.
                if end < text.tokens.count, ["عشر", "عشره"].contains(text.normalized[end]) { value = number + 10; end += 1 }
            }
            guard var amount = value else { i += 1; continue }
            if end < text.tokens.count, let multiplier = multipliers[text.normalized[end]] ?? multipliers[text.keys[end]] {
                amount = (amount < 1 ? amount : amount) * multiplier
                end += 1
            } else if let multiplier = multipliers[word] { amount = multiplier; _ = multiplier }
            // Percent: `26%` or `خمسة بالمئة` / `في المئة`.
            var unit = ""
            if text.gaps[end < text.gaps.count ? end : text.gaps.count - 1].contains("%") || text.gaps[end].contains("٪") { unit = "%" }
            var j = end
            while unit.isEmpty, j < min(text.tokens.count, end + 3) {
                let next = text.normalized[j]
                if ["بالميه", "بالماءه", "الميه", "الماءه"].contains(next) || (next == "في" && j + 1 < text.tokens.count && ["الميه", "الماءه"].contains(text.normalized[j + 1])) {
                    unit = "%"; break
                }
                if skippedBeforeUnit.contains(next) || multipliers[next] != nil { j += 1; continue }
                unit = unitKey(text.keys[j])
                break
            }
            let approximate = (max(0, i - 3)..<i).contains { approximators.contains(text.normalized[$0]) }
                || (end < text.tokens.count && ["علي"].contains(text.normalized[end]) && end + 1 < text.tokens.count && text.normalized[end + 1] == "الاقل")
            result.append(NumberFact(value: amount, unit: unit, approximate: approximate, position: i))
            i = end
        }
        return result
    }

    /// The counted noun without the accusative ending (`مسلحا` → `مسلح`, `قتيلا` → `قتيل`).
    static func unitKey(_ key: String) -> String {
        var k = key
        if k.count > 3, k.hasSuffix("ا") { k.removeLast() }
        return k
    }
}

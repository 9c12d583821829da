/// Dates as Arabic news writes them: `06-12-2024`, `2024/12/06`, `٧ ديسمبر ٢٠٢٤`,
/// `7 كانون الأول 2024`, with Arabic-Indic digits, Egyptian (ديسمبر) and Levantine (كانون الأول) month names.
public enum ArabicDates {
    /// Month names in normalised form (ArabicNormalizer, ta marbuta folded), longest first where they overlap.
    static let monthNames: [(name: [String], month: Int)] = [
        (["كانون", "الثاني"], 1), (["كانون", "الاول"], 12), (["تشرين", "الثاني"], 11), (["تشرين", "الاول"], 10),
        (["يناير"], 1), (["فبراير"], 2), (["مارس"], 3), (["ابريل"], 4), (["مايو"], 5), (["يونيو"], 6), (["يونيه"], 6),
        (["يوليو"], 7), (["يوليه"], 7), (["اغسطس"], 8), (["سبتمبر"], 9), (["اكتوبر"], 10), (["نوفمبر"], 11), (["ديسمبر"], 12),
        (["جانفي"], 1), (["فيفري"], 2), (["افريل"], 4), (["ماي"], 5), (["جوان"], 6), (["جويليه"], 7), (["اوت"], 8),
        (["شباط"], 2), (["اذار"], 3), (["نيسان"], 4), (["ايار"], 5), (["حزيران"], 6), (["تموز"], 7), (["اب"], 8), (["ايلول"], 9),
    ]

    /// Weekday names (normalised) → ISO weekday number (Monday = 1 … Sunday = 7).
    public static let weekdays: [String: Int] = [
        "الاثنين": 1, "الاتنين": 1, "اثنين": 1, "الثلاثاء": 2, "ثلاثاء": 2, "الاربعاء": 3, "اربعاء": 3,
        "الخميس": 4, "خميس": 4, "الجمعه": 5, "جمعه": 5, "السبت": 6, "سبت": 6, "الاحد": 7, "احد": 7,
    ]

    public struct Found: Equatable, Sendable {
        public let date: CalendarDate
        /// "HH:MM" when a time follows the date.
        public let time: String?
        /// ISO 8601: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`.
        public var iso: String { time.map { "\(date.iso)T\($0)" } ?? date.iso }
    }

    /// The first date found in `text`, or nil.
    public static func firstDate(in text: String) -> Found? {
        let normalized = ArabicNormalizer.normalize(text)
        let words = normalized.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "،" || $0 == "|" || $0 == "●" || $0 == "(" || $0 == ")" }).map(String.init)
        for (index, word) in words.enumerated() {
            if let numeric = numericDate(word) {
                var time: String?
                if index + 1 < words.count { time = clockTime(words[index + 1]) }
                return Found(date: numeric, time: time)
            }
            // D MONTH YYYY
            guard let day = Int(word), (1...31).contains(day), index + 2 < words.count else { continue }
            for (name, month) in monthNames {
                let yearIndex = index + 1 + name.count
                guard yearIndex < words.count, Array(words[(index + 1)..<yearIndex]) == name else { continue }
                var yearWord = words[yearIndex]
                if yearWord.hasSuffix("م") { yearWord.removeLast() }   // ٢٠٢٤م
                if let year = Int(yearWord), (1900...2100).contains(year), let date = CalendarDate(year: year, month: month, day: day) {
                    return Found(date: date, time: nil)
                }
            }
        }
        return nil
    }

    /// `06-12-2024`, `06/12/2024`, `2024-12-06`, `2024/12/06`, `6.12.2024` (day first unless the year leads).
    static func numericDate(_ word: String) -> CalendarDate? {
        let parts = word.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4 { return CalendarDate(year: a, month: b, day: c) }
        if parts[2].count == 4 { return CalendarDate(year: c, month: b, day: a) }
        return nil
    }

    static func clockTime(_ word: String) -> String? {
        let parts = word.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m), parts[1].count == 2 else { return nil }
        return (h < 10 ? "0" : "") + "\(h):" + parts[1]
    }
}

/// A calendar date without time zone (news dates are local), with day arithmetic.
public struct CalendarDate: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let year: Int, month: Int, day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses `YYYY-MM-DD` (and ignores a time part after it).
    public init?(iso: String) {
        let datePart = iso.prefix(10)
        let parts = datePart.split(separator: "-")
        guard datePart.count == 10, parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var iso: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
    public var description: String { iso }

    /// Days since 1970-01-01 (proleptic Gregorian).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0); self.month = m; self.day = d
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// ISO weekday: Monday = 1 … Sunday = 7.
    public var weekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }
}

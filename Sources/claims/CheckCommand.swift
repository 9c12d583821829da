import ArgumentParser
import ClaimsStore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a statement against the stored claims: which support, contradict or deny it.",
        discussion: """
            Examples:
              claims check "الجيش السوري انسحب من حمص"
              claims check "إيران أخلت سفارتها في دمشق" --format json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Argument(help: "The statement.")
    var statement: String

    @Option(help: "At most this many matches (0: all).", transform: NumericArgument.count)
    var limit: Int = 10

    func run() throws {
        guard statement.contains(where: \.isLetter) else { throw ClaimsError.invalidArgument("the statement has no words") }
        let matches = try ConflictQueries(database: try global.openForReading()).check(statement, limit: NumericArgument.limit(limit))
        let records: [JSONValue] = matches.map { match in
            .object([("relation", .string(match.label)), ("score", .double((match.comparison.score * 100).rounded() / 100)),
                     ("explanation", .string(match.comparison.explanation)), ("claim", match.claim.json)])
        }
        switch output.format {
        case .json, .jsonl: Terminal.render(records, columns: [], format: output.format)
        default:
            let rows: [JSONValue] = matches.map { match in
                .object([("relation", .string(match.label)), ("score", .double((match.comparison.score * 100).rounded() / 100)),
                         ("claim_id", .int(match.claim.id)), ("speaker", .string(match.claim.speaker)), ("content", .string(match.claim.content)),
                         ("explanation", .string(match.comparison.explanation))])
            }
            Terminal.render(rows, columns: ["relation", "score", "claim_id", "speaker", "content", "explanation"], format: output.format)
            if matches.isEmpty { Terminal.message("no stored claim is about this statement") }
        }
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The relation between two statements: agree, contradict or unrelated (no database needed).",
        discussion: """
            Examples:
              claims compare "انسحبت القوات الحكومية من حمص" "الجيش السوري لا يزال في حمص"
              claims compare "مقتل 200 مسلح في ريف إدلب يوم الجمعة" "مقتل 350 مسلحا في ريف إدلب يوم الجمعة" --format json
            """
    )

    @Argument(help: "The first statement.")
    var first: String

    @Argument(help: "The second statement.")
    var second: String

    @Option(help: "Output format: text or json.")
    var format: TextOrJSON = .text

    func run() throws {
        for statement in [first, second] where !statement.contains(where: \.isLetter) {
            throw ClaimsError.invalidArgument("a statement has no words: \"\(statement)\"")
        }
        let reader = StatementReader()
        let comparison = ClaimComparer().compare(reader.read(first), reader.read(second))
        let relation = comparison.relation == .related ? "unrelated" : comparison.relation.rawValue
        if format == .json {
            Terminal.output(JSONValue.object([("relation", .string(relation)), ("score", .double((comparison.score * 100).rounded() / 100)),
                                              ("kinds", .array(comparison.kinds.map { .string($0.rawValue) })),
                                              ("explanation", .string(comparison.explanation))]).jsonText + "\n")
        } else {
            Terminal.output("\(relation) (score \(String(format: "%.2f", comparison.score)))"
                            + (comparison.kinds.isEmpty ? "" : " — " + comparison.kinds.map(\.rawValue).joined(separator: " + "))
                            + "\n\(comparison.explanation)\n")
        }
    }
}

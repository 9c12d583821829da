import ArgumentParser
import ClaimsStore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a statement against the stored claims: which support, contradict or deny it.",
        discussion: """
            The stored claims are found by their words (full-text BM25 over the claims) and by the
            entities they name, with no lexicon of predicates in the way; each is judged by the pair
            decision of `compare`.

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
        case .json, .jsonl: Terminal.render(records, columns: [], output: output)
        default:
            let rows: [JSONValue] = matches.map { match in
                .object([("relation", .string(match.label)), ("score", .double((match.comparison.score * 100).rounded() / 100)),
                         ("claim_id", .int(match.claim.id)), ("speaker", .string(match.claim.speaker)), ("content", .string(match.claim.content)),
                         ("explanation", .string(match.comparison.explanation))])
            }
            Terminal.render(rows, columns: ["relation", "score", "claim_id", "speaker", "content", "explanation"], output: output)
            if matches.isEmpty { Terminal.message("no stored claim is about this statement") }
        }
    }
}

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The relation between two statements: agree, contradict or unrelated (no database needed).",
        discussion: """
            The learned pair decision (trained on the ANS headline-stance corpus, Data/stance_model.tsv) weighs
            named differences between the two statements: word overlap weighted by rarity, words on one side
            only, a negation on one side, mined antonyms, different figures, swapped places or people,
            predicates of the lexicon, reversal and modality words, and the verdict of the rules. The output
            names the features that weighed most for the decision, and the rules' own verdict.

            Examples:
              claims compare "انسحبت القوات الحكومية من حمص" "الجيش السوري لا يزال في حمص"
              claims compare "مقتل 200 مسلح في ريف إدلب يوم الجمعة" "مقتل 350 مسلحا في ريف إدلب يوم الجمعة" --format json
            """
    )

    @Argument(help: "The first statement.")
    var first: String

    @Argument(help: "The second statement.")
    var second: String

    @Option(help: "Output format: table (text), json, jsonl or csv.")
    var format: OutputFormat = .table

    func run() throws {
        for statement in [first, second] where !statement.contains(where: \.isLetter) {
            throw ClaimsError.invalidArgument("a statement has no words: \"\(statement)\"")
        }
        let result = StatementComparer().compare(first, second)
        let relation = result.relation == .related ? "unrelated" : result.relation.rawValue
        let json = JSONValue.object([("relation", .string(relation)), ("score", .double((result.score * 100).rounded() / 100)),
                                     ("kinds", .array(result.kinds.map { .string($0.rawValue) })),
                                     ("explanation", .string(result.explanation)),
                                     ("model_label", .string(result.outcome.label.rawValue)),
                                     ("features", result.outcome.reasonsJSON),
                                     ("rules", .object([("relation", .string(result.rules.relation.rawValue)),
                                                        ("explanation", .string(result.rules.explanation))]))])
        Terminal.item(json, format: format) {
            var text = "\(relation) (score \(String(format: "%.2f", result.score)))"
                + (result.kinds.isEmpty ? "" : " — " + result.kinds.map(\.rawValue).joined(separator: " + ")) + "\n"
            text += "decided by (feature = value, weight for \(result.outcome.label.rawValue)):\n"
            text += result.outcome.reasonLines
            text += "rules: \(result.rules.relation.rawValue) — \(result.rules.explanation)\n"
            return text
        }
    }
}

import ArgumentParser
import ClaimsStore

extension Comparison.ConflictKind: ExpressibleByArgument {}

struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Disputes between stories (denials, contradictions, different figures, retractions), or the conflicting claim pairs.",
        discussion: """
            A dispute links two stories (claims stating the same thing) whose members conflict: each
            is listed once, with both stories' centres, its kind, how many member pairs conflict and
            the strongest of them. --pairs lists the conflicting claim pairs themselves.

            Conflicts are found at ingest for the new claims; --rebuild recomputes all of them
            (e.g. after changing --window or adding entities) and gives the same result.

            Examples:
              claims conflicts
              claims conflicts --pairs --kind denial --entity حمص
              claims conflicts --rebuild --window 7
              claims conflicts --format json
              claims show dispute 1
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(help: "Only this kind: denial, contradiction, numeric or retraction.")
    var kind: Comparison.ConflictKind?

    @Option(help: "Only disputes (pairs) involving this entity.")
    var entity: String?

    @Option(help: "Only disputes (pairs) with a claim made on or after this date (YYYY-MM-DD).")
    var since: String?

    @Option(help: "At most this many disputes or pairs (default and 0: all).", transform: NumericArgument.count)
    var limit: Int?

    @Flag(help: "List the conflicting claim pairs rather than the disputes between stories.")
    var pairs = false

    @Flag(help: "Recompute every conflict, corroboration, story and dispute.")
    var rebuild = false

    @Option(help: "With --rebuild: link claims made at most this many days apart (stored for later ingests).", transform: NumericArgument.count)
    var window: Int?

    func validate() throws {
        if window != nil && !rebuild { throw ValidationError("--window goes with --rebuild") }
    }

    func run() throws {
        let database = rebuild ? try global.openForWriting() : try global.openForReading()
        if rebuild {
            if let window { try ConflictSettings.setWindowDays(window, database) }
            let detector = try ConflictDetector(database: database, windowDays: try ConflictSettings.windowDays(database))
            let outcome = try StaleRelations.recompute(database, detector: detector)
            Terminal.message("rebuilt: \(outcome.conflicts) conflicts, \(outcome.corroborations) corroborations, \(outcome.stories) stories, "
                             + "\(outcome.disputes) disputes (window \(detector.comparer.windowDays) days)")
        }
        let queries = ConflictQueries(database: database)
        let limit = limit.flatMap(NumericArgument.limit)
        if !pairs {
            let disputes = try queries.disputes(kind: kind, entity: entity, since: since, limit: limit)
            switch output.format {
            case .json, .jsonl: Terminal.render(disputes.map(\.json), columns: [], output: output)
            case .csv: Terminal.render(disputes.map(\.row), columns: StoredDispute.rowColumns, format: .csv)
            case .table:
                Terminal.output(disputes.map { Self.dispute($0, width: output.wide ? nil : Terminal.width) }.joined(separator: "\n"))
                if disputes.isEmpty { Terminal.message("no disputes") }
            }
            return
        }
        let conflicts = try queries.conflicts(kind: kind, entity: entity, since: since, limit: limit)
        switch output.format {
        case .json, .jsonl: Terminal.render(conflicts.map(\.json), columns: [], output: output)
        case .csv:
            Terminal.render(conflicts.map(Self.flat), columns: Self.flatColumns, format: .csv)
        case .table:
            Terminal.output(conflicts.map { Self.sideBySide($0, width: output.wide ? nil : Terminal.width) }.joined(separator: "\n"))
            if conflicts.isEmpty { Terminal.message("no conflicts") }
        }
    }

    /// A dispute: its kinds and member pairs, each story's centre (speaker, outlet, date, the claim)
    /// with its size, then the strongest pair and why. Fitted to `width` like `sideBySide`.
    static func dispute(_ dispute: StoredDispute, width: Int? = nil) -> String {
        func side(_ label: String, _ side: StoredDispute.Side) -> String {
            let story = side.story
            return "  \(label) story \(story.id) (\(story.claims) claim\(story.claims == 1 ? "" : "s"), \(story.independentSources) independent "
                + "source\(story.independentSources == 1 ? "" : "s")), centre:\n" + claimLine(side.centre, indent: 6, width: width)
        }
        var text = "dispute \(dispute.id): \(dispute.kinds.joined(separator: " + ")), \(dispute.pairs) member pair\(dispute.pairs == 1 ? "" : "s")"
            + " (score \(String(format: "%.2f", dispute.score)))\n" + side("A", dispute.a) + side("B", dispute.b)
        if let strongest = dispute.evidence.first {
            text += "  strongest: conflict \(strongest.id), [\(strongest.a.id)] ⟷ [\(strongest.b.id)]; why:\n"
                + TerminalText.paragraph(strongest.explanation, indent: 6, width: width)
        }
        return text
    }

    /// A claim under a heading: `[id] speaker (← via) — outlet, date, stance:` then its content.
    static func claimLine(_ claim: StoredClaim, indent: Int, width: Int?) -> String {
        let nameWidth = width.map { max(12, ($0 - 40) / 2) }
        let via = claim.via.count > 1 ? " ← " + claim.via.dropFirst().joined(separator: " ← ") : ""
        let date = claim.saidOn ?? claim.published.map { String($0.prefix(10)) } ?? "undated"
        return String(repeating: " ", count: indent) + "[\(claim.id)] \(TerminalText.field(claim.speaker + via, maxWidth: nameWidth)) — "
            + "\(TerminalText.field(claim.outlet ?? "-", maxWidth: nameWidth.map { $0 / 2 })), \(date), \(claim.stance.rawValue):\n"
            + TerminalText.paragraph(claim.content, indent: indent + 4, width: width)
    }

    static let flatColumns = ["id", "kind", "kinds", "score", "a_speaker", "a_date", "a_content", "b_speaker", "b_date", "b_content", "explanation"]

    static func flat(_ conflict: StoredConflict) -> JSONValue {
        func date(_ claim: StoredClaim) -> JSONValue { JSONValue(claim.saidOn ?? claim.published.map { String($0.prefix(10)) }) }
        return .object([
            ("id", .int(conflict.id)), ("kind", .string(conflict.kind)), ("kinds", .string(conflict.kinds.joined(separator: ","))),
            ("score", .double((conflict.score * 100).rounded() / 100)), ("a_speaker", .string(conflict.a.speaker)), ("a_date", date(conflict.a)),
            ("a_content", .string(conflict.a.content)), ("b_speaker", .string(conflict.b.speaker)), ("b_date", date(conflict.b)),
            ("b_content", .string(conflict.b.content)), ("explanation", .string(conflict.explanation)),
        ])
    }

    /// Both sides one under the other: speaker (and via), outlet, date, the claim, then why. With a
    /// terminal width, the claims and the reason wrap under their indent and the names are cut, so no line
    /// is wider than the terminal; Arabic fields are isolated so they keep their places.
    static func sideBySide(_ conflict: StoredConflict, width: Int? = nil) -> String {
        func side(_ label: String, _ claim: StoredClaim) -> String {
            let line = claimLine(claim, indent: 2, width: width)
            // (`A [id] …`: the side's letter before the claim's heading.)
            return "  \(label) " + line.dropFirst(2)
        }
        return "conflict \(conflict.id): \(conflict.kinds.joined(separator: " + ")) (score \(String(format: "%.2f", conflict.score)))\n"
            + side("A", conflict.a) + side("B", conflict.b) + "  why:\n" + TerminalText.paragraph(conflict.explanation, indent: 6, width: width)
    }
}

struct Stories: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Stories: claims that state the same thing, with how many independent sources report them.",
        discussion: """
            Examples:
              claims stories
              claims stories --entity "دير الزور" --since 2024-12-06
              claims show story 1
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(help: "Only stories involving this entity.")
    var entity: String?

    @Option(help: "Only stories with a claim on or after this date (YYYY-MM-DD).")
    var since: String?

    @Option(help: "At most this many stories (default and 0: all).", transform: NumericArgument.count)
    var limit: Int?

    func run() throws {
        let stories = try ConflictQueries(database: try global.openForReading()).stories(entity: entity, since: since, limit: limit.flatMap(NumericArgument.limit))
        Terminal.render(stories.map(\.json), columns: StoredStory.rowColumns, output: output)
    }
}

/// How `show story` and `show dispute` print their item.
struct ItemOutputOptions: ParsableArguments {
    @Option(help: "Output format: table (text), json, jsonl or csv.")
    var format: OutputFormat = .table

    @Flag(help: "Do not fit the text to the terminal width.")
    var wide = false
}

struct ShowStory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "story",
        abstract: "Print a story's timeline: who reported first, who repeated it, who disputed it.",
        discussion: "Example: claims show story 1"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The story id (see `claims stories`).", transform: NumericArgument.count)
    var id: Int

    @OptionGroup var output: ItemOutputOptions

    func run() throws {
        let queries = ConflictQueries(database: try global.openForReading())
        guard let timeline = try queries.storyTimeline(id: id) else {
            throw ClaimsError.notFound("no story with id \(id)")
        }
        let disputes = try queries.disputes(ofStory: id)
        if output.format != .table {
            guard case .object(var fields) = timeline.story.json else { return }
            fields.append(("timeline", .array(timeline.claims.map { .object([("role", .string($0.role)), ("source", .string($0.source)), ("claim", $0.claim.json)]) })))
            fields.append(("conflicts", .array(timeline.conflicts.map(\.json))))
            fields.append(("disputes", .array(disputes.map(\.json))))
            Terminal.item(.object(fields), format: output.format) { "" }
            return
        }
        let story = timeline.story
        let width = output.wide ? nil : Terminal.width
        var text = "story \(story.id):\n" + TerminalText.paragraph(story.label, indent: 2, width: width)
        text += "\(story.claims) claims from \(story.sources) speakers, \(story.independentSources) independent sources; " + (story.firstDate.map { "\($0) … \(story.lastDate ?? $0)" } ?? "undated")
            + "\ncentre: claim \(story.centreClaimID) (every claim states what it states)\n\n"
        for (role, source, claim) in timeline.claims {
            let date = claim.saidOn ?? claim.published.map { String($0.prefix(10)) } ?? "undated"
            let via = claim.via.count > 1 ? " ← " + claim.via.dropFirst().joined(separator: " ← ") : ""
            // (Date, role and id take ~35 columns before the names.)
            let nameWidth = width.map { max(12, ($0 - 50) / 2) }
            text += "  \(DisplayWidth.pad(date, to: 10))  \(DisplayWidth.pad(role, to: 11))  [\(claim.id)] \(TerminalText.field(claim.speaker + via, maxWidth: nameWidth))"
                + " (\(TerminalText.field(claim.outlet ?? "-", maxWidth: nameWidth.map { $0 / 2 })); source: \(TerminalText.field(source, maxWidth: nameWidth.map { $0 / 2 })))\n"
            text += TerminalText.paragraph(width == nil ? DisplayWidth.truncate(claim.content, to: 110) : claim.content, indent: 14, width: width)
        }
        if !disputes.isEmpty {
            text += "\ndisputes (`claims show dispute ID`):\n"
            for dispute in disputes {
                let other = dispute.a.story.id == story.id ? dispute.b : dispute.a
                text += "  dispute \(dispute.id): \(dispute.kinds.joined(separator: " + ")), \(dispute.pairs) member pair\(dispute.pairs == 1 ? "" : "s")"
                    + " with story \(other.story.id) (\(other.story.claims) claim\(other.story.claims == 1 ? "" : "s")):\n"
                    + Conflicts.claimLine(other.centre, indent: 6, width: width)
            }
        }
        if !timeline.conflicts.isEmpty {
            text += "\ndisputed by:\n"
            for conflict in timeline.conflicts { text += Conflicts.sideBySide(conflict, width: width) }
        }
        Terminal.output(text)
    }
}

struct ShowDispute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispute",
        abstract: "Print a dispute: both stories' centres, then every conflicting member pair, strongest first.",
        discussion: "Example: claims show dispute 1"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The dispute id (see `claims conflicts`).", transform: NumericArgument.count)
    var id: Int

    @OptionGroup var output: ItemOutputOptions

    func run() throws {
        let queries = ConflictQueries(database: try global.openForReading())
        guard let dispute = try queries.dispute(id: id, evidence: 0) else { throw ClaimsError.notFound("no dispute with id \(id)") }
        let pairs = try queries.memberPairs(ofDispute: id)
        let whole = dispute.with(evidence: pairs)
        if output.format == .csv {
            // (One row per member pair, after the dispute's own columns.)
            Terminal.render(pairs.map { pair in
                guard case .object(let fields) = whole.row, case .object(let flat) = Conflicts.flat(pair) else { return whole.row }
                return .object(fields.filter { !["strongest_conflict_id", "explanation"].contains($0.0) }
                               + flat.map { ("pair_" + $0.0, $0.1) })
            }, columns: StoredDispute.rowColumns.filter { !["strongest_conflict_id", "explanation"].contains($0) } + Conflicts.flatColumns.map { "pair_" + $0 },
                format: .csv)
            return
        }
        Terminal.item(whole.json, format: output.format) {
            let width = output.wide ? nil : Terminal.width
            var text = Conflicts.dispute(whole, width: width) + "\nmember pairs, strongest first:\n"
            for pair in pairs { text += Conflicts.sideBySide(pair, width: width) }
            return text
        }
    }
}

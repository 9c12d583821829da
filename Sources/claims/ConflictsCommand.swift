import ArgumentParser
import ClaimsStore

extension Comparison.ConflictKind: ExpressibleByArgument {}

struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Conflicting claims: denials, contradictions, different figures, retractions — both sides side by side.",
        discussion: """
            Conflicts are found at ingest for the new claims; --rebuild recomputes all of them
            (e.g. after changing --window or adding entities) and gives the same result.

            Examples:
              claims conflicts
              claims conflicts --kind denial --entity حمص
              claims conflicts --rebuild --window 7
              claims conflicts --format json
            """
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    @Option(help: "Only this kind: denial, contradiction, numeric or retraction.")
    var kind: Comparison.ConflictKind?

    @Option(help: "Only conflicts involving this entity.")
    var entity: String?

    @Option(help: "Only conflicts with a side made on or after this date (YYYY-MM-DD).")
    var since: String?

    @Option(help: "At most this many conflicts (default and 0: all).", transform: NumericArgument.count)
    var limit: Int?

    @Flag(help: "Recompute every conflict, corroboration and story.")
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
            Terminal.message("rebuilt: \(outcome.conflicts) conflicts, \(outcome.corroborations) corroborations (window \(detector.comparer.windowDays) days)")
        }
        let conflicts = try ConflictQueries(database: database).conflicts(kind: kind, entity: entity, since: since, limit: limit.flatMap(NumericArgument.limit))
        switch output.format {
        case .json, .jsonl: Terminal.render(conflicts.map(\.json), columns: [], output: output)
        case .csv:
            Terminal.render(conflicts.map(Self.flat), columns: Self.flatColumns, format: .csv)
        case .table:
            Terminal.output(conflicts.map { Self.sideBySide($0, width: output.wide ? nil : Terminal.width) }.joined(separator: "\n"))
            if conflicts.isEmpty { Terminal.message("no conflicts") }
        }
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
        let nameWidth = width.map { max(12, ($0 - 40) / 2) }
        func side(_ label: String, _ claim: StoredClaim) -> String {
            let via = claim.via.count > 1 ? " ← " + claim.via.dropFirst().joined(separator: " ← ") : ""
            let date = claim.saidOn ?? claim.published.map { String($0.prefix(10)) } ?? "undated"
            return "  \(label) [\(claim.id)] \(TerminalText.field(claim.speaker + via, maxWidth: nameWidth)) — "
                + "\(TerminalText.field(claim.outlet ?? "-", maxWidth: nameWidth.map { $0 / 2 })), \(date), \(claim.stance.rawValue):\n"
                + TerminalText.paragraph(claim.content, indent: 6, width: width)
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

struct ShowStory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "story",
        abstract: "Print a story's timeline: who reported first, who repeated it, who disputed it.",
        discussion: "Example: claims show story 1"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The story id (see `claims stories`).", transform: NumericArgument.count)
    var id: Int

    @Option(help: "Output format: table (text), json, jsonl or csv.")
    var format: OutputFormat = .table

    @Flag(help: "Do not fit the text to the terminal width.")
    var wide = false

    func run() throws {
        guard let timeline = try ConflictQueries(database: try global.openForReading()).storyTimeline(id: id) else {
            throw ClaimsError.notFound("no story with id \(id)")
        }
        if format != .table {
            guard case .object(var fields) = timeline.story.json else { return }
            fields.append(("timeline", .array(timeline.claims.map { .object([("role", .string($0.role)), ("source", .string($0.source)), ("claim", $0.claim.json)]) })))
            fields.append(("conflicts", .array(timeline.conflicts.map(\.json))))
            Terminal.item(.object(fields), format: format) { "" }
            return
        }
        let story = timeline.story
        let width = wide ? nil : Terminal.width
        var text = "story \(story.id):\n" + TerminalText.paragraph(story.label, indent: 2, width: width)
        text += "\(story.claims) claims from \(story.sources) speakers, \(story.independentSources) independent sources; " + (story.firstDate.map { "\($0) … \(story.lastDate ?? $0)" } ?? "undated") + "\n\n"
        for (role, source, claim) in timeline.claims {
            let date = claim.saidOn ?? claim.published.map { String($0.prefix(10)) } ?? "undated"
            let via = claim.via.count > 1 ? " ← " + claim.via.dropFirst().joined(separator: " ← ") : ""
            let nameWidth = width.map { max(12, ($0 - 40) / 2) }
            text += "  \(DisplayWidth.pad(date, to: 10))  \(DisplayWidth.pad(role, to: 11))  [\(claim.id)] \(TerminalText.field(claim.speaker + via, maxWidth: nameWidth))"
                + " (\(TerminalText.field(claim.outlet ?? "-", maxWidth: nameWidth.map { $0 / 2 })); source: \(TerminalText.field(source, maxWidth: nameWidth.map { $0 / 2 })))\n"
            text += TerminalText.paragraph(width == nil ? DisplayWidth.truncate(claim.content, to: 110) : claim.content, indent: 14, width: width)
        }
        if !timeline.conflicts.isEmpty {
            text += "\ndisputed by:\n"
            for conflict in timeline.conflicts { text += Conflicts.sideBySide(conflict, width: width) }
        }
        Terminal.output(text)
    }
}

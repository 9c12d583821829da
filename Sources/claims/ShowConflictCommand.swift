import ArgumentParser
import ClaimsStore

struct ShowConflict: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflict",
        abstract: "Print one conflicting pair: both claims, why detection linked them, and the features the pair decision weighs.",
        discussion: "Example: claims show conflict 3   (ids from `claims conflicts --pairs`)"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The conflict id (see `claims conflicts --pairs`).", transform: NumericArgument.count)
    var id: Int

    @OptionGroup var output: ItemOutputOptions

    func run() throws {
        let queries = ConflictQueries(database: try global.openForReading())
        guard let reading = try queries.reading(ofConflict: id) else { throw ClaimsError.notFound("no conflict with id \(id)") }
        if output.format == .csv {
            Terminal.render([Conflicts.flat(reading.conflict)], columns: Conflicts.flatColumns, format: .csv)
            return
        }
        Terminal.item(reading.json, format: output.format) {
            let width = output.wide ? nil : Terminal.width
            var text = Conflicts.sideBySide(reading.conflict, width: width)
            let decision = reading.decision
            text += "the pair decision (as `claims compare`) reads: \(decision.label.rawValue) (\(String(format: "%.2f", decision.probability)))"
            text += decision.reasons.isEmpty ? "\n" : ", by (feature = value, weight):\n"
            return text + decision.reasonLines
        }
    }
}

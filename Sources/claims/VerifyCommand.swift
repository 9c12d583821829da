import ArgumentParser
import ClaimsStore

struct Verify: ParsableCommand, DatabaseCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the database: SQLite integrity, foreign keys and every full-text index.",
        discussion: """
            Prints "ok" and exits 0 when the database is sound; otherwise lists the problems, one a
            line, and exits 1. Changes no data.

            Example: claims verify
            """,
        aliases: ["check-db"]
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: "Output format: table (text), json, jsonl or csv.")
    var format: OutputFormat = .table

    func run() throws {
        let path = try global.checkedPath()
        let problems = try ClaimsDatabase.verify(path: path)
        let json = JSONValue.object([("ok", .bool(problems.isEmpty)), ("problems", .array(problems.map { .string($0) }))])
        Terminal.item(json, format: format) { problems.isEmpty ? "ok\n" : problems.map { $0 + "\n" }.joined() }
        if !problems.isEmpty {
            Terminal.error("\(path): \(problems.count) problem\(problems.count == 1 ? "" : "s") found")
            throw ExitCode.failure
        }
    }
}

// The other commands that open the database, so that its errors name it (see ClaimsCommand.main).
extension Check: DatabaseCommand {}
extension Conflicts: DatabaseCommand {}
extension Stories: DatabaseCommand {}
extension ShowStory: DatabaseCommand {}
extension ShowClaim: DatabaseCommand {}
extension ShowEntity: DatabaseCommand {}
extension EntitiesList: DatabaseCommand {}
extension EntitiesAdd: DatabaseCommand {}
extension Export: DatabaseCommand {}
extension Extract: DatabaseCommand {}
extension List: DatabaseCommand {}

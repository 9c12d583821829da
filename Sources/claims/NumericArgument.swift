import ArgumentParser

/// The one rule for numbers on the command line, applied while parsing every command: a whole
/// number of 0 or more. A negative number, a fraction or a number past 64 bits is a usage error
/// (exit 2), so nothing downstream sees it. For a limit (`--limit`, `--top`, `--max-bytes`), 0
/// means no limit.
enum NumericArgument {
    /// Parses a count, an id or a number of days.
    @Sendable static func count(_ argument: String) throws -> Int {
        guard let value = Int(argument) else {
            throw ValidationError("expected a whole number of 0 or more (at most \(Int.max))")
        }
        guard value >= 0 else { throw ValidationError("a negative number is not allowed; 0 means no limit") }
        return value
    }

    /// A parsed limit as the library takes it: nil for 0 (no limit).
    static func limit(_ value: Int) -> Int? { value == 0 ? nil : value }
}

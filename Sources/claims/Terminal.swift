import ClaimsStore
import Foundation

/// Printing: data to standard output, messages to standard error.
enum Terminal {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func message(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        message("claims: error: \(text)")
    }

    static func warning(_ text: String) {
        message("claims: warning: \(text)")
    }

    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

    static func render(_ records: [JSONValue], columns: [String], format: OutputFormat) {
        output(RecordRenderer(format: format).render(records, columns: columns))
    }
}

import ClaimsStore
import Foundation

/// Printing: data to standard output, messages to standard error, both with `write(2)` through
/// `OutputChannel` (README "Guarantees": output that cannot be written).
enum Terminal {
    static let standardOutput = OutputChannel(fileDescriptor: 1)
    static let standardError = OutputChannel(fileDescriptor: 2)
    /// Set once a command opened the database for writing: from then on a failed output never
    /// ends the process before the command has finished its work.
    nonisolated(unsafe) static var isWriting = false

    static func output(_ text: String) {
        if let failure = standardOutput.write(text) { outputFailed(failure) }
    }

    static func message(_ text: String) {
        // (Nothing is done about a standard error that cannot be written: there is nowhere to say it.)
        standardError.write(text + "\n")
    }

    /// Reported once. A reader that closed the pipe (`claims export | head -1`) ends a read command
    /// quietly with status 0, as `head` users expect; any other failure (a full disk, a closed
    /// descriptor) is an error on standard error and status 1. A writing command goes on to the end
    /// of its work with nothing more printed, and `finish` gives the status.
    private static func outputFailed(_ failure: OutputChannel.Failure) {
        guard !outputFailureReported else { return }
        outputFailureReported = true
        if failure != .closedPipe { error("cannot write to standard output: \(failure)") }
        if !isWriting { Foundation.exit(failure == .closedPipe ? 0 : 1) }
    }

    nonisolated(unsafe) private static var outputFailureReported = false

    /// The status of a command that ran to its end with `status`: 1 when its output could not be
    /// written (other than to a closed pipe).
    static func finalStatus(_ status: Int32) -> Int32 {
        if let failure = standardOutput.failure, failure != .closedPipe, status == 0 { return 1 }
        return status
    }

    static func error(_ text: String) {
        message("claims: error: \(escapingControls(text))")
    }

    static func warning(_ text: String) {
        message("claims: warning: \(escapingControls(text))")
    }

    static func note(_ text: String) {
        message("claims: note: \(escapingControls(text))")
    }

    /// A diagnostic is one line: control characters of names in it (a file name holding a newline
    /// could otherwise print a forged `claims: error:` line) are written as escapes.
    static func escapingControls(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.properties.generalCategory == .control:
                result += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }

    /// Colour and styling only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var wantsColor: Bool {
        isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Prints records; a table is fitted to the terminal's width unless `wide` (then no cell is cut).
    static func render(_ records: [JSONValue], columns: [String], format: OutputFormat, wide: Bool = false) {
        var renderer = RecordRenderer(format: format)
        renderer.styled = wantsColor
        if wide { renderer.maxCellWidth = Int.max } else { renderer.terminalWidth = width }
        output(renderer.render(records, columns: columns))
    }

    static func render(_ records: [JSONValue], columns: [String], output options: FormatOption) {
        render(records, columns: columns, format: options.format, wide: options.wide)
    }

    /// One item (`show`, `stats`, `verify` …): `table` prints `text()`, json and jsonl the object on
    /// one line, csv its fields as one record under a header.
    static func item(_ json: JSONValue, format: OutputFormat, text: () throws -> String) rethrows {
        switch format {
        case .table: output(try text())
        case .json, .jsonl: output(json.jsonText + "\n")
        case .csv:
            guard case .object(let fields) = json else { return }
            output(RecordRenderer(format: .csv).render([json], columns: fields.map(\.0)))
        }
    }

    /// The terminal's width in columns: `COLUMNS` when set, else the size of the terminal on
    /// standard output; nil when output goes to a file or a pipe.
    static var width: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return columns }
        var size = winsize()
        guard isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// A progress line on standard error, rewritten in place; only on a terminal.
    final class Progress {
        private var last = Date.distantPast
        private let started = Date()
        private var shown = false

        func update(_ report: IngestReport) {
            let now = Date()
            guard now.timeIntervalSince(last) >= 0.25 else { return }
            last = now
            let elapsed = now.timeIntervalSince(started)
            let articles = report.inserted.count + report.duplicates
            let rate = elapsed > 0 ? Double(articles) / elapsed : 0
            var line = "\(report.inputsDone)/\(report.inputsTotal) inputs, \(articles) articles (\(report.inserted.count) new), \(String(format: "%.0f", rate))/s"
            if report.inputsDone > 0, report.inputsTotal > report.inputsDone {
                let eta = elapsed / Double(report.inputsDone) * Double(report.inputsTotal - report.inputsDone)
                line += String(format: ", ETA %.0fs", eta)
            }
            if !report.failures.isEmpty { line += ", \(report.failures.count) failed" }
            standardError.write("\r\u{1B}[K" + line)
            shown = true
        }

        func finish() {
            if shown { standardError.write("\r\u{1B}[K") }
        }
    }
}

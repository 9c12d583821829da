import Foundation

/// Names a running process so that it cannot be taken for another one after its PID is reused: the
/// PID, the process's start time (clock ticks after boot, field 22 of `/proc/PID/stat`) and the
/// boot id. A marker written by a process (e.g. `indexes_deferred_by`) is trusted only while that
/// very process runs.
enum ProcessIdentity {
    /// This process's token: `PID START BOOT`.
    static let current: String = token(of: getpid()) ?? String(getpid())

    /// The token of the running process `pid`, or nil when it does not run (or /proc is missing).
    static func token(of pid: Int32) -> String? {
        guard let start = startTime(of: pid) else { return nil }
        return "\(pid) \(start) \(bootID)"
    }

    /// True when the process that wrote `token` still runs. A token without start time (a bare
    /// PID, as older versions wrote) proves nothing and counts as ended.
    static func isRunning(_ token: String) -> Bool {
        let parts = token.split(separator: " ")
        guard parts.count == 3, let pid = Int32(parts[0]) else { return false }
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let now = self.token(of: pid) else {
            // No /proc to tell: a process of that PID runs, so it may be the writer.
            return access("/proc/self/stat", R_OK) != 0
        }
        return now == token
    }

    /// Field 22 of `/proc/PID/stat` (after the command name, which may hold spaces and parentheses).
    static func startTime(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // Fields 3 … follow the name: field 22 is the 20th of them.
        return fields.count > 19 ? String(fields[19]) : nil
    }

    static let bootID: String = {
        let text = (try? String(contentsOfFile: "/proc/sys/kernel/random/boot_id", encoding: .utf8)) ?? ""
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "-" : text.trimmingCharacters(in: .whitespacesAndNewlines)
    }()
}

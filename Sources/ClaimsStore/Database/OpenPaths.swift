import Foundation

/// The database files this process has open through SQLite, counted by their resolved path. Closing
/// any descriptor of a database file releases every POSIX lock the process holds on it, SQLite's
/// included, so a raw read of such a file (`DatabaseFileCheck`) must not be made while one is open.
final class OpenPaths: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    private static func key(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    func opened(_ path: String) {
        let key = Self.key(path)
        lock.lock(); defer { lock.unlock() }
        counts[key, default: 0] += 1
    }

    func closed(_ path: String) {
        let key = Self.key(path)
        lock.lock(); defer { lock.unlock() }
        if let count = counts[key] { counts[key] = count > 1 ? count - 1 : nil }
    }

    func contains(_ path: String) -> Bool {
        let key = Self.key(path)
        lock.lock(); defer { lock.unlock() }
        return counts[key] != nil
    }
}

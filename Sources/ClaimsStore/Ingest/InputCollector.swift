import Foundation

/// One thing to read: a file, standard input, or a web address.
public enum InputItem: Equatable, Sendable {
    case file(path: String)
    case standardInput
    /// An `http://` or `https://` address (a page or a feed), fetched when read.
    case url(String)

    public var displayName: String {
        switch self {
        case .file(let path): return path
        case .standardInput: return "-"
        case .url(let address): return address
        }
    }
}

/// A problem with one input (or one line of it): where, and what is wrong.
public struct InputProblem: Error, CustomStringConvertible, Equatable, Sendable {
    /// `path`, or `path:line` for JSON Lines.
    public let location: String
    public let reason: String
    public init(location: String, reason: String) {
        self.location = location
        self.reason = reason
    }
    public var description: String { "\(location): \(reason)" }
}

/// Expands the paths given to `ingest` into input items: files as they are, directories
/// recursively (only the formats ingest reads, in name order; other files are reported as
/// skipped), `-` for standard input.
/// Missing paths are failures; symlink loops and special files (FIFOs, devices, sockets)
/// are skipped with a warning.
public struct InputCollector {
    public static let articleExtensions: Set<String> = ["txt", "md", "json", "jsonl", "html", "htm", "xhtml", "rss", "atom",
                                                        "xml", "warc", "csv"]

    public struct Result {
        public var items: [InputItem] = []
        public var failures: [InputProblem] = []
        public var warnings: [InputProblem] = []
        /// The size of the files (standard input is not counted).
        public var bytes = 0
    }

    public init() {}

    public func collect(_ paths: [String]) -> Result {
        var result = Result()
        var visitedDirectories = Set<String>()
        var seenFiles = Set<String>()
        for path in paths {
            if path == "-" {
                result.items.append(.standardInput)
                continue
            }
            if WebFetcher.isURL(path) {
                result.items.append(.url(path))
                continue
            }
            visit(path, explicit: true, into: &result, visitedDirectories: &visitedDirectories, seenFiles: &seenFiles)
        }
        return result
    }

    private func visit(_ path: String, explicit: Bool, into result: inout Result,
                       visitedDirectories: inout Set<String>, seenFiles: inout Set<String>) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = errno == ENOENT ? (lstat(path, &info) == 0 ? "broken symbolic link" : "no such file or directory")
                : String(cString: strerror(errno))
            if explicit { result.failures.append(InputProblem(location: path, reason: reason)) }
            else { result.warnings.append(InputProblem(location: path, reason: "skipped: \(reason)")) }
            return
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR {
            let real = realPath(path)
            guard visitedDirectories.insert(real).inserted else {
                result.warnings.append(InputProblem(location: path, reason: "skipped: directory already visited (symbolic link loop?)"))
                return
            }
            let entries: [String]
            do {
                entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            } catch {
                result.failures.append(InputProblem(location: path, reason: "cannot list directory: permission denied or unreadable"))
                return
            }
            let before = result.items.count + result.failures.count
            defer {
                if explicit && result.items.count + result.failures.count == before {
                    result.warnings.append(InputProblem(location: path, reason: "no .txt, .md, .json, .jsonl, .html, .xml, .warc or .csv files in this directory"))
                }
            }
            for entry in entries where !entry.hasPrefix(".") {
                let child = path.hasSuffix("/") ? path + entry : path + "/" + entry
                var childInfo = stat()
                if stat(child, &childInfo) == 0, childInfo.st_mode & S_IFMT == S_IFREG {
                    let ext = (entry as NSString).pathExtension.lowercased()
                    guard Self.articleExtensions.contains(ext) || entry.lowercased().hasSuffix(".warc.gz") else {
                        result.warnings.append(InputProblem(location: child, reason: "skipped: unsupported file format"
                            + (ext.isEmpty ? " (no extension)" : " (.\(ext))")))
                        continue
                    }
                }
                visit(child, explicit: false, into: &result, visitedDirectories: &visitedDirectories, seenFiles: &seenFiles)
            }
        } else if type == S_IFREG {
            let real = realPath(path)
            if seenFiles.insert(real).inserted {
                result.items.append(.file(path: path))
                result.bytes += Int(info.st_size)
            }
        } else {
            result.warnings.append(InputProblem(location: path, reason: "skipped: not a regular file (FIFO, device or socket)"))
        }
    }

    private func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

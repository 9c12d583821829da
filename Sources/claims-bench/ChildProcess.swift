import Foundation

/// Runs a program as a child process and measures it: wall time from spawn to exit, CPU time
/// from `wait4`'s rusage, and (with `measureRSS`) its peak resident set size.
///
/// Peak RSS is read through `/usr/bin/time -f %M`: `wait4`'s `ru_maxrss` is not usable for a
/// process started with posix_spawn (vfork + exec) from a large parent, because Linux carries the
/// parent's high-water mark into the child at exec (it reported the benchmark's own 74 MiB for
/// every child at 100,000 articles). Without /usr/bin/time the rusage value is used, marked as an
/// upper bound.
enum ChildProcess {
    struct Result {
        var status: Int32
        var seconds: Double
        var maxRSSKiB: Int
        /// True when `maxRSSKiB` comes from rusage (it may be the parent's high-water mark).
        var rssIsUpperBound = true
        /// User + system CPU seconds of the child (and of what it waited for).
        var cpuSeconds: Double = 0
        /// Standard output, when captured.
        var output: String
        var succeeded: Bool { status == 0 }
    }

    /// Runs `arguments` (the first is looked up in PATH when it has no slash). Standard output is
    /// captured when `captureOutput`, else discarded; standard error goes to `errorPath` (default
    /// discarded). Standard input is /dev/null.
    static func run(_ arguments: [String], captureOutput: Bool = false, errorPath: String = "/dev/null",
                    environment: [String: String] = [:], measureRSS: Bool = false) throws -> Result {
        let rssPath = NSTemporaryDirectory() + "claims-bench-\(getpid())-rss.txt"
        let useTime = measureRSS && access("/usr/bin/time", X_OK) == 0
        if useTime { unlink(rssPath) }
        let arguments = useTime ? ["/usr/bin/time", "-f", "%M", "-o", rssPath] + arguments : arguments
        let outputPath = captureOutput ? NSTemporaryDirectory() + "claims-bench-\(getpid())-out.txt" : "/dev/null"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)

        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid = pid_t()
        let started = monotonicSeconds()
        let code = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard code == 0 else {
            throw BenchError("cannot run \(arguments[0]): \(String(cString: strerror(code)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            if errno != EINTR { throw BenchError("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let elapsed = monotonicSeconds() - started
        var output = ""
        if captureOutput {
            output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            unlink(outputPath)
        }
        // WIFEXITED / WEXITSTATUS are macros; decode by hand.
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        var maxRSS = Int(usage.ru_maxrss)
        var rssIsUpperBound = true
        if useTime, let text = try? String(contentsOfFile: rssPath, encoding: .utf8),
           let last = text.split(separator: "\n").last, let kib = Int(last.trimmingCharacters(in: .whitespaces)) {
            maxRSS = kib
            rssIsUpperBound = false
            unlink(rssPath)
        }
        return Result(status: exitStatus, seconds: elapsed, maxRSSKiB: maxRSS, rssIsUpperBound: rssIsUpperBound, cpuSeconds: cpu, output: output)
    }

    /// True when `name` is an executable in PATH (or an executable path).
    static func exists(_ name: String) -> Bool {
        if name.contains("/") { return access(name, X_OK) == 0 }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            if access("\(dir)/\(name)", X_OK) == 0 { return true }
        }
        return false
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Percentiles of a sample (nearest-rank).
struct Latencies {
    private(set) var values: [Double]
    init(_ values: [Double]) { self.values = values.sorted() }
    func percentile(_ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let rank = Int((p / 100 * Double(values.count)).rounded(.up))
        return values[min(values.count - 1, max(0, rank - 1))]
    }
    var p50: Double { percentile(50) }
    var p95: Double { percentile(95) }
}

func ms(_ seconds: Double) -> String {
    if seconds.isNaN { return "n/a" }
    let v = seconds * 1000
    return v < 10 ? String(format: "%.2f ms", v) : String(format: "%.1f ms", v)
}

func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_000_000) }
func mib(kib: Int) -> String { String(format: "%.0f MiB", Double(kib) / 1024) }
func peakRSS(_ result: ChildProcess.Result) -> String { (result.rssIsUpperBound ? "≤ " : "") + mib(kib: result.maxRSSKiB) }
func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
}

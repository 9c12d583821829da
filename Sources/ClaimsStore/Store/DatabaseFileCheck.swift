import Foundation

/// Checks of a database's files made before SQLite opens them (opening can change what they show):
/// a write-ahead log deleted while its index (`-shm`) still counts committed transactions in it,
/// and a file whose size disagrees with the page count in its header.
///
/// Never while this process has the file open through SQLite: closing a descriptor of a database file
/// (or of its `-shm`) releases every POSIX lock the process holds on it, SQLite's included, and another
/// process could then checkpoint or reset the log under the open connection — committed articles were
/// lost that way. Such a path is skipped (its problems are found by the next process that opens it).
enum DatabaseFileCheck {
    static func problems(path: String) -> [String] {
        guard !Database.openPaths.contains(path) else { return [] }
        var problems: [String] = []
        if let frames = framesOfMissingLog(path: path) {
            problems.append("\(path)-wal is missing, but \(path)-shm records \(frames) pages written to it since the last "
                + "checkpoint: the transactions committed there are lost unless that file is put back (or a backup restored)")
        }
        if let (header, file) = pageCounts(path: path), header != file {
            problems.append("\(path) holds \(file) pages but its header says \(header): the file was truncated or extended "
                + "outside SQLite; restore a backup, or recover what is readable with `sqlite3 \(path) .recover | sqlite3 NEW.db`")
        }
        return problems
    }

    /// The frames (`mxFrame` of the WAL-index header) a `-shm` file without its `-wal` counts; nil
    /// when the log is there, or the index is absent, uninitialised or empty.
    static func framesOfMissingLog(path: String) -> UInt32? {
        guard access(path + "-wal", F_OK) != 0, let header = read(path + "-shm", count: 48) else { return nil }
        // WalIndexHdr, in native byte order: iVersion, unused, iChange, isInit (u8), bigEndCksum (u8),
        // szPage (u16), mxFrame (u32, offset 16), nPage …
        let isInitialised = header[12] == 1
        let frames = header.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 16, as: UInt32.self) }
        return isInitialised && frames > 0 ? frames : nil
    }

    /// The page count of the header (when valid: its version-valid-for number equals the change
    /// counter) and the file's, or nil when the file is not an SQLite database of whole pages.
    static func pageCounts(path: String) -> (header: Int, file: Int)? {
        guard let header = read(path, count: 100), header.starts(with: Array("SQLite format 3\0".utf8)) else { return nil }
        func bigEndian(_ offset: Int, _ width: Int) -> Int { (offset..<offset + width).reduce(0) { $0 << 8 | Int(header[$1]) } }
        let pageSize = bigEndian(16, 2) == 1 ? 65_536 : bigEndian(16, 2)
        guard pageSize >= 512, bigEndian(92, 4) == bigEndian(24, 4) else { return nil }
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) % pageSize == 0 else { return nil }
        return (bigEndian(28, 4), Int(info.st_size) / pageSize)
    }

    private static func read(_ path: String, count: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, 0) }
        return got == count ? bytes : nil
    }
}

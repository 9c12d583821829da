#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes to a file descriptor (standard output or error) with `write(2)`, reporting what went
/// wrong instead of trapping as `FileHandle.write` does: a reader that went away (`EPIPE`, as
/// `claims export | head -1` does), a full disk (`ENOSPC`, `/dev/full`) or a descriptor that is not
/// open for writing (`EBADF`, `>&-`). After the first failure nothing more is written.
public final class OutputChannel: @unchecked Sendable {
    /// Why the channel stopped writing.
    public enum Failure: Equatable, Sendable, CustomStringConvertible {
        /// The reading end of the pipe was closed: nobody wants the rest.
        case closedPipe
        /// Any other error of `write(2)` (its errno).
        case error(Int32)

        public var description: String {
            switch self {
            case .closedPipe: return "the reader closed the pipe"
            case .error(let code): return String(cString: strerror(code))
            }
        }
    }

    public let fileDescriptor: Int32
    private let lock = NSLock()
    private var failed: Failure?

    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// The first failure, if writing has failed.
    public var failure: Failure? {
        lock.lock()
        defer { lock.unlock() }
        return failed
    }

    /// Writes `text` whole; nil when it was written (or nothing was to be), else why not — the
    /// failure of this write or of an earlier one.
    @discardableResult
    public func write(_ text: String) -> Failure? {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes `bytes` whole, retrying after a signal, a short write, or a non-blocking descriptor
    /// that is momentarily full.
    @discardableResult
    public func write(_ bytes: UnsafeRawBufferPointer) -> Failure? {
        lock.lock()
        defer { lock.unlock() }
        if let failed { return failed }
        guard var address = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let written = systemWrite(fileDescriptor, address, left)
            if written > 0 {
                address += written
                left -= written
                continue
            }
            let code = written < 0 ? errno : EIO
            switch code {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: waitUntilWritable()
            case EPIPE: failed = .closedPipe
            default: failed = .error(code)
            }
            if let failed { return failed }
        }
        return nil
    }

    private func waitUntilWritable() {
        var descriptor = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
        _ = poll(&descriptor, 1, -1)
    }

    /// Gives each of standard input, output and error that is closed (`>&-`) a descriptor of
    /// `/dev/null` opened read-only, before any file is opened: otherwise the next file opened
    /// (an input, the database) would get that number, and what is printed would go into it.
    /// Writing to it then fails with `EBADF`, which `write` reports like any other failure.
    public static func reserveClosedStandardDescriptors() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != descriptor {
                _ = dup2(opened, descriptor)
                close(opened)
            }
        }
    }

    /// Ends the process quietly instead of by `SIGPIPE` when the reader of a pipe goes away: the
    /// write then fails with `EPIPE`, which `write` reports.
    public static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

#if canImport(Glibc)
import Glibc
#endif

/// Process memory housekeeping.
enum Memory {
    /// Returns the heap pages freed so far to the system (glibc keeps them otherwise, and they stay
    /// in the resident set): called between two phases of a long command, so that the second
    /// does not add its peak to what the first left behind. (`malloc_trim` is in `malloc.h`,
    /// which the Glibc module does not export: found at run time, a no-op where it is missing.)
    static func returnFreedPages() {
        #if canImport(Glibc)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        }
        #endif
    }
}

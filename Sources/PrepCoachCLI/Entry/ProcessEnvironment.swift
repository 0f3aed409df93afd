#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The process's environment variables, read from `environ`: the first
/// `ProcessInfo.processInfo` sets up Foundation's process information, a
/// sixth of a millisecond of every one-shot start.
public enum ProcessEnvironment {
    public static var current: [String: String] {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") {
                // The first of two settings of a name wins, as with getenv.
                let name = String(pair[..<equals])
                if variables[name] == nil { variables[name] = String(pair[pair.index(after: equals)...]) }
            }
            entry += 1
        }
        return variables
    }
}

import Foundation

/// Where bank folders come from: the bundled `QuestionBanks/`, then
/// `PREPCOACH_BANKS` (colon-separated, like PATH), then each `--bank DIR`.
public enum BankPaths {
    /// The bundled banks: `PREPCOACH_BUNDLED_BANKS` if set; otherwise the first
    /// `QuestionBanks/` found next to the executable or above it (a checkout's
    /// `.build/release/prepcoach`), or in `../share/prepcoach` (an install).
    public static func bundled(environment: [String: String], executable: String) -> String? {
        if let path = environment["PREPCOACH_BUNDLED_BANKS"], !path.isEmpty { return path }
        return searched(executable: executable).first { FileManager.default.fileExists(atPath: $0 + "/tags.yaml") }
    }

    /// The folders looked in, nearest first: beside the executable and up to five levels above.
    /// Plain path strings: building Foundation URLs for them was a tenth of a millisecond of every start.
    static func searched(executable: String) -> [String] {
        var folder = parent(of: resolved(executable))
        var candidates: [String] = []
        for _ in 0..<6 {
            let base = folder == "/" ? "" : folder
            candidates += [base + "/QuestionBanks", base + "/share/prepcoach/QuestionBanks"]
            if folder == "/" { break }
            folder = parent(of: folder)
        }
        return candidates
    }

    /// The absolute path with symbolic links resolved (as given, made absolute, when it does not exist).
    private static func resolved(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        return path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    /// "/a/b" → "/a", "/a" → "/".
    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// Why every stage and industry is unknown: said once, with where prepcoach looked.
    static func notFoundMessage(executable: String) -> String {
        "no bundled question banks (QuestionBanks/ with a tags.yaml) in "
            + searched(executable: executable).prefix(4).joined(separator: ", ")
            + " or the folders above; install with `make install PREFIX=…` or set PREPCOACH_BUNDLED_BANKS=DIR"
    }

    public static func all(bundled: String?, environment: [String: String], options: [String]) -> [String] {
        let fromEnvironment = (environment["PREPCOACH_BANKS"] ?? "").split(separator: ":").map(String.init)
        return [bundled].compactMap { $0 } + fromEnvironment + options
    }

    /// The running executable's path (Linux: /proc/self/exe, which survives relative argv[0]).
    public static var executablePath: String {
        #if os(Linux)
        // Read directly: setting up `Bundle.main` (which reads the same link) costs every start a third of a millisecond.
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments.first ?? "prepcoach"
    }
}

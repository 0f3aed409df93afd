import Foundation

/// Where bank folders come from: the bundled `QuestionBanks/`, then
/// `PREPCOACH_BANKS` (colon-separated, like PATH), then each `--bank DIR`.
public enum BankPaths {
    /// The bundled banks: `PREPCOACH_BUNDLED_BANKS` if set; otherwise the first
    /// `QuestionBanks/` found next to the executable or above it (a checkout's
    /// `.build/release/prepcoach`), or in `../share/prepcoach` (an install).
    public static func bundled(environment: [String: String], executable: String) -> String? {
        if let path = environment["PREPCOACH_BUNDLED_BANKS"], !path.isEmpty { return path }
        return searched(executable: executable).first {
            FileManager.default.fileExists(atPath: URL(fileURLWithPath: $0).appendingPathComponent("tags.yaml").path)
        }
    }

    /// The folders looked in, nearest first: beside the executable and up to five levels above.
    static func searched(executable: String) -> [String] {
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates: [String] = []
        for _ in 0..<6 {
            candidates += [folder.appendingPathComponent("QuestionBanks").path,
                           folder.appendingPathComponent("share/prepcoach/QuestionBanks").path]
            if folder.path == "/" { break }
            folder.deleteLastPathComponent()
        }
        return candidates
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

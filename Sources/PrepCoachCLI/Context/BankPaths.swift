import Foundation

/// Where bank folders come from: the bundled `QuestionBanks/`, then
/// `PREPCOACH_BANKS` (colon-separated, like PATH), then each `--bank DIR`.
public enum BankPaths {
    /// The bundled banks: `PREPCOACH_BUNDLED_BANKS` if set; otherwise the first
    /// `QuestionBanks/` found next to the executable or above it (a checkout's
    /// `.build/release/prepcoach`), or in `../share/prepcoach` (an install).
    public static func bundled(environment: [String: String], executable: String) -> String? {
        if let path = environment["PREPCOACH_BUNDLED_BANKS"], !path.isEmpty { return path }
        let fileManager = FileManager.default
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            for candidate in [folder.appendingPathComponent("QuestionBanks"),
                              folder.appendingPathComponent("share/prepcoach/QuestionBanks")]
            where fileManager.fileExists(atPath: candidate.appendingPathComponent("tags.yaml").path) {
                return candidate.path
            }
            folder.deleteLastPathComponent()
        }
        return nil
    }

    public static func all(bundled: String?, environment: [String: String], options: [String]) -> [String] {
        let fromEnvironment = (environment["PREPCOACH_BANKS"] ?? "").split(separator: ":").map(String.init)
        return [bundled].compactMap { $0 } + fromEnvironment + options
    }

    /// The running executable's path (Linux: /proc/self/exe, which survives relative argv[0]).
    public static var executablePath: String {
        Bundle.main.executablePath ?? CommandLine.arguments.first ?? "prepcoach"
    }
}

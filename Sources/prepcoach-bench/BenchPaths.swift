import Foundation

/// Where the package, the binaries and the generated inputs are.
struct BenchPaths {
    let packageRoot: String
    /// The folder holding this executable and, after a build, `prepcoach`.
    let binaries: String

    var bundledBanks: String { packageRoot + "/QuestionBanks" }
    var prepcoach: String { binaries + "/prepcoach" }
    var fixtures: String { packageRoot + "/Tests/PrepCoachCoreTests/Fixtures" }
    var labelledSet: String { fixtures + "/lint-eval.yaml" }
    /// Generated inputs; git-ignored.
    var data: String { packageRoot + "/bench-data" }
    var bigBank: String { data + "/big" }
    var lintQuestions: String { data + "/lint-questions.txt" }
    var lintPatterns: String { data + "/lint-patterns.txt" }

    /// The package root is the first folder with a Package.swift above the
    /// executable (`.build/release/prepcoach-bench`), else above the current directory.
    static func locate() throws -> BenchPaths {
        let executable = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
            .resolvingSymlinksInPath()
        let binaries = executable.deletingLastPathComponent()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let root = packageRoot(above: binaries) ?? packageRoot(above: cwd) else {
            throw BenchFailure("no Package.swift above \(binaries.path) or the current directory")
        }
        return BenchPaths(packageRoot: root, binaries: binaries.path)
    }

    private static func packageRoot(above start: URL) -> String? {
        var folder = start
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder.path
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    var cacheFolder: String { data + "/cache" }

    /// The environment of a timed `prepcoach`: the user's own banks, rule
    /// config and research notes would change what is measured, so it sees none.
    var isolatedEnvironment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PREPCOACH_BANKS"] = nil
        environment["PREPCOACH_BUNDLED_BANKS"] = nil
        environment["PREPCOACH_CONFIG"] = "/dev/null"
        environment["XDG_DATA_HOME"] = data + "/no-user-data"
        environment["XDG_CACHE_HOME"] = cacheFolder
        return environment
    }

    /// Shown in output instead of the absolute path.
    func relative(_ path: String) -> String {
        path.hasPrefix(packageRoot + "/") ? String(path.dropFirst(packageRoot.count + 1)) : path
    }
}

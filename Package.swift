// swift-tools-version:6.2
import PackageDescription

/// Every target of ours builds in Swift 6 mode with warnings as errors,
/// so "no warnings" is enforced rather than hoped for.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "prepcoach",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "prepcoach", targets: ["prepcoach"]),
        .executable(name: "prepcoach-bench", targets: ["prepcoach-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // libedit's C API, reached through static inline shims (its variadic
        // functions cannot be called from Swift directly).
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // A finite-automaton regular expression engine: user-written rule
        // patterns run in linear time and can never hang the program.
        .target(name: "SafeRegex", swiftSettings: strict),
        // The domain: banks, tags, picker, rules, readiness, sessions. No terminal code.
        .target(
            name: "PrepCoachCore",
            dependencies: [
                "SafeRegex",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        // A thin Swift wrapper over libedit: prompt, history, completion, Ctrl-C.
        .target(name: "LineEditor", dependencies: ["CLibEdit"], swiftSettings: strict),
        // Commands, output formatting and the REPL loop, shared by one-shot and interactive use.
        .target(
            name: "PrepCoachCLI",
            dependencies: [
                "PrepCoachCore", "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "prepcoach", dependencies: ["PrepCoachCLI"], swiftSettings: strict),
        .executableTarget(name: "prepcoach-bench", dependencies: ["PrepCoachCore"], swiftSettings: strict),

        .testTarget(name: "SafeRegexTests", dependencies: ["SafeRegex"], swiftSettings: strict),
        .testTarget(
            name: "PrepCoachCoreTests",
            dependencies: ["PrepCoachCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(name: "PrepCoachCLITests", dependencies: ["PrepCoachCLI"], swiftSettings: strict),
        // Drives the real binary in a real terminal through tmux.
        .testTarget(
            name: "EndToEndTests",
            // GRDB: to plant hostile values in a database the way sqlite3 would.
            dependencies: ["prepcoach", "PrepCoachCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
    ]
)

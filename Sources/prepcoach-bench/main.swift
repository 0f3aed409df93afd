import Foundation

/// `prepcoach-bench`: start-to-plan time, lint throughput against grep, and
/// rule accuracy, printed as small tables. Figures go in BENCHMARKS.md.
do {
    let command = try BenchCommand(arguments: Array(CommandLine.arguments.dropFirst()))
    try command.run()
} catch let error as UsageError {
    if let message = error.message { FileHandle.standardError.write(Data("prepcoach-bench: \(message)\n\n".utf8)) }
    FileHandle.standardError.write(Data(BenchCommand.usage.utf8))
    exit(2)
} catch {
    FileHandle.standardError.write(Data("prepcoach-bench: error: \(error)\n".utf8))
    exit(1)
}

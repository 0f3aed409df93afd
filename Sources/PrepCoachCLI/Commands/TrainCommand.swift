import ArgumentParser
import Foundation
import PrepCoachCore

struct TrainCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Retrain the lint model from labelled questions and the rules' examples.",
        discussion: """
            Learns from every labelled file in the banks' model/ folders (YAML lists of \
            `- {label: job-ask, text: "…"}`), from every rule's flag:/pass: examples and from the bank \
            questions (as good ones), and writes \
            model/lint-model.bin beside the last labelled files found (your bank folder's, if it has any). \
            Training is deterministic: the same questions give the same file, byte for byte. \
            A file named with --output is kept if it exists, unless --force.
            """)

    static let completion = CompletionSpec(options: ["--output": .files, "--force": nil])

    @Option(help: "Where to write the model (default: model/lint-model.bin beside the labelled files).")
    var output: String?
    @Flag(help: "Replace the --output file if it exists.") var force = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let banks = context.banks(adding: global.banks)
        let (items, problems) = try LabelledQuestions.trainingSet(banks: banks)
        problems.forEach(context.console.report)
        guard let lastFile = banks.trainingFiles.last, !problems.contains(where: { $0.severity == .error }) else {
            throw CommandFailure(problems.isEmpty
                ? "no labelled questions: put a YAML list of `- {label: …, text: …}` in a bank folder's model/ folder"
                : "not trained: fix the labelled files first")
        }
        let path = output ?? ((lastFile as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent(LintModel.fileName)
        // The default file is the model being retrained: replacing it is the point. The model is
        // shared with whoever reads the banks, hence 0644.
        try OutputFile.write(LintModelTrainer.train(on: items).data, to: path, replacing: force || output == nil,
                             sparing: context.storePath, mode: 0o644)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        context.console.line("Trained on \(items.count.counted("question")) from "
            + "\(banks.trainingFiles.count.counted("labelled file")), the rules' examples and the bank questions; "
            + "wrote \(path) (\(size / 1024) KB).")
    }
}

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
            Training is deterministic: the same questions give the same file, byte for byte.
            """)

    static let completion = CompletionSpec(options: ["--output": .files])

    @Option(help: "Where to write the model (default: model/lint-model.bin beside the labelled files).")
    var output: String?
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
        let data = LintModelTrainer.train(on: items).data
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure("cannot write \(path): \(error.localizedDescription)")
        }
        context.console.line("Trained on \(items.count.counted("question")) from "
            + "\(banks.trainingFiles.count.counted("labelled file")), the rules' examples and the bank questions; "
            + "wrote \(path) (\(data.count / 1024) KB).")
    }
}

import ArgumentParser
import Foundation
import PrepCoachCore

/// `backup PATH`: a consistent copy of the database, safe while prepcoach runs elsewhere.
struct BackupCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the whole database to a file (SQLite's online backup).",
        discussion: """
            The copy is a complete database readable by you alone (0600); open it with --db PATH. \
            An existing file is kept unless --force.
            """)

    static let completion = CompletionSpec(options: ["--force": nil], positional: .files)

    @Argument(help: "The file to write.") var path: String
    @Flag(help: "Replace the file if it exists.") var force = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        try context.store().backup(to: path, replacing: force)
        context.console.line("Backed up to \(path).")
    }
}

/// `export [--json] [PATH]`: all user data as JSON, for reading, moving or `import`.
struct ExportCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write all your data as JSON: contacts, notes, plans, calls, follow-ups.",
        discussion: """
            To standard output, or to PATH (0600; an existing file is kept unless --force). The document carries \
            a format version; `import` reads it back.
            """)

    static let completion = CompletionSpec(options: ["--json": nil, "--force": nil], positional: .files)

    @Argument(help: "The file to write (default: standard output).") var path: String?
    @Flag(help: "JSON (the only format; accepted for symmetry with other commands).") var json = false
    @Flag(help: "Replace PATH if it exists.") var force = false
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        let store = try context.store()
        guard let path else {
            context.console.write(String(decoding: try StoreExport.json(store.exportAll()), as: UTF8.self))
            return
        }
        try store.export(to: path, replacing: force)
        context.console.line("Exported to \(path).")
    }
}

/// `import PATH`: an export loaded into an empty database.
struct ImportCommand: CoachCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Load an `export` file into an empty database.",
        discussion: """
            Refuses a database that already holds data, so two histories are never mixed: \
            prepcoach --db new.sqlite import data.json
            """)

    static let completion = CompletionSpec(positional: .files)

    @Argument(help: "The export file.") var path: String
    @OptionGroup var global: GlobalOptions

    func execute(in context: CommandContext) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw CommandFailure("\(path) is a folder: give the file `export` wrote")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("cannot read \(path): no such file, or not readable by you")
        }
        let export = try StoreExport.read(data, source: path)
        try context.store().importAll(export)
        context.researchChanged()
        context.console.line("Imported \(export.contacts.count.counted("contact")), "
                             + "\(export.researchNotes.count.counted("research note")), "
                             + "\(export.calls.count.counted("call")) from \(path).")
    }
}

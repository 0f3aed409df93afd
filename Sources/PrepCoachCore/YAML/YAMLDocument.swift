import Foundation
import Yams

/// A YAML data file parsed into Yams' node tree, which keeps each value's
/// line and column (decoding into `Decodable` types would lose them).
struct YAMLDocument {
    let path: String
    let root: Node

    /// How a syntax error's message starts (libyaml's scanner or parser could not read on).
    static let syntaxErrorPrefix = "YAML syntax: "

    /// Parses `contents`; a syntax error becomes a diagnostic at the place libyaml names.
    static func parse(path: String, contents: String) -> Result<YAMLDocument?, Diagnostic> {
        if let (line, column) = AliasExpansion.excess(in: contents) {
            return .failure(Diagnostic(.error, at: SourceLocation(file: path, line: line, column: column),
                                       "aliases expand to more than \(AliasExpansion.limit) values; write the values out"))
        }
        do {
            // The basic resolver leaves every scalar a string: the readers parse numbers and
            // booleans themselves, and skipping Yams' regex-based tag resolution halves load time.
            guard let root = try Yams.compose(yaml: contents, .basic) else { return .success(nil) }
            return .success(YAMLDocument(path: path, root: root))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path))
        } catch {
            return .failure(Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "\(error)"))
        }
    }

    private static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: path, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { " \($0.text)" } ?? ""
            // The usual cause: a question's text with a colon, which YAML reads as a new key.
            let hint = problem.hasPrefix("mapping values are not allowed")
                ? "; quote text that contains ': ' (text: \"What helped most: a course or a returnship?\")" : ""
            return Diagnostic(.error, at: at(mark), "\(syntaxErrorPrefix)\(problem)\(detail)\(hint)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(.error, at: at(context.mark),
                              "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping")
        case let .reader(problem, _, _, _):
            return Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "cannot read file: \(problem)")
        default:
            return Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), "YAML: \(error)")
        }
    }
}

import CLibEdit
import Foundation

/// What one call to `LineEditor.readLine(prompt:)` produced.
public enum LineInput: Equatable, Sendable {
    /// A line the user entered (without the trailing newline).
    case line(String)
    /// Ctrl-C: the line being edited was discarded; `^C` and a newline were echoed,
    /// so the caller only needs to prompt again.
    case interrupted
    /// Ctrl-D on an empty line (or end of piped input): the user wants to leave.
    case endOfInput
}

/// A thin wrapper over libedit's native API: Emacs key bindings, history (Up/Down,
/// Ctrl-R), Tab completion, Ctrl-C that cancels only the current line, and a
/// history file. When stdin or stdout is not a terminal it reads plain lines instead,
/// so piped input gives clean output.
public final class LineEditor {
    /// Called on Tab with the text before the cursor. Return full words, as they should
    /// be typed, that complete the word being typed (the text after the last unquoted
    /// space, an opening quote included); words that do not start with it, ignoring case,
    /// are ignored, and so are words holding control characters (never echoed raw). One
    /// match replaces the typed word, followed by a space; several insert their common
    /// prefix, or are listed below the line when nothing can be inserted; none beeps.
    public var completer: ((_ lineBeforeCursor: String) -> [String])? {
        get { context.completer }
        set { context.completer = newValue }
    }

    /// Whether libedit is in use (stdin and stdout are terminals); otherwise lines are
    /// read plainly and no prompt is shown.
    public let isInteractive: Bool

    private let editLine: OpaquePointer?
    /// The shell's history: what Up recalls unless `readLine` is given another.
    private let history: InputHistory
    /// Why the history file is not used (a symbolic link), if it is not.
    public var historyRefusal: String? { history.refusal }
    private let context = EditorContext()

    /// `historyFile`: loaded at init, saved after every added entry (so a killed process
    /// keeps it); its parent directories are created with mode 0700.
    public init(programName: String, historyFile: URL?, historyLimit: Int = 1000) {
        clibedit_setup_utf8_locale()
        isInteractive = clibedit_stdin_is_tty() != 0 && clibedit_stdout_is_tty() != 0
        history = InputHistory(file: historyFile, limit: historyLimit)

        guard isInteractive, let editLine = clibedit_init(programName) else {
            self.editLine = nil
            return
        }
        self.editLine = editLine
        _ = clibedit_set_clientdata(editLine, Unmanaged.passUnretained(context).toOpaque())
        _ = clibedit_set_editor(editLine, "emacs")
        _ = clibedit_set_prompt(editLine, promptCallback, promptEscape)
        // Restore the terminal if a signal (SIGTERM, SIGTSTP, …) arrives while editing.
        _ = clibedit_set_signal_handling(editLine, 1)
        if let handle = history.handle {
            _ = clibedit_set_history(editLine, handle)
        }
        // Ctrl-C arrives as a key (not SIGINT) while editing, so it is handled in
        // order with the keys typed before it and never races with the redraw.
        _ = clibedit_set_tty(editLine, "-d", "-isig")
        _ = clibedit_add_function(editLine, "prepcoach-interrupt", "Discard the line", interruptCallback)
        _ = clibedit_bind(editLine, "^C", "prepcoach-interrupt")
        // With isig off, Ctrl-Z would do nothing: suspend by hand (EL_SIGNAL makes
        // libedit restore the terminal before stopping and redraw after `fg`).
        _ = clibedit_add_function(editLine, "prepcoach-suspend", "Suspend the program", suspendCallback)
        _ = clibedit_bind(editLine, "^Z", "prepcoach-suspend")
        _ = clibedit_add_function(editLine, "prepcoach-complete", "Complete the word", completeCallback)
        _ = clibedit_bind(editLine, "^I", "prepcoach-complete")
        // Our own Ctrl-R: libedit's ends on ESC and then inserts the rest of an arrow key (`[C`).
        _ = clibedit_add_function(editLine, "prepcoach-search", "Search the history", HistorySearch.callback)
        _ = clibedit_bind(editLine, "^R", "prepcoach-search")
        for (keys, command) in Self.shellKeys { _ = clibedit_bind(editLine, keys, command) }
        // Last, so the user's ~/.editrc can override any of the above.
        _ = el_source(editLine, nil)
    }

    /// Home, End, Delete and word moves in every form common terminals send: libedit's
    /// emacs map knows only some, and the rest would insert their tail (`~`, `;5D`).
    private static let shellKeys: [(keys: String, command: String)] = {
        let home = ["\\e[1~", "\\e[7~", "\\e[H", "\\eOH"].map { ($0, "ed-move-to-beg") }
        let end = ["\\e[4~", "\\e[8~", "\\e[F", "\\eOF"].map { ($0, "ed-move-to-end") }
        // Ctrl-arrows, Alt-arrows (xterm and the ESC-prefixed form), Alt-B/F.
        let back = ["\\e[1;5D", "\\e[1;3D", "\\e\\e[D", "\\eb"].map { ($0, "ed-prev-word") }
        let forward = ["\\e[1;5C", "\\e[1;3C", "\\e\\e[C", "\\ef"].map { ($0, "em-next-word") }
        return home + end + back + forward + [("\\e[3~", "ed-delete-next-char")]
    }()

    deinit {
        // el_end puts the terminal back the way it found it.
        if let editLine { el_end(editLine) }
    }

    /// Reads one line, with editing when interactive. Wrap non-printing sequences of
    /// the prompt (colours) in "\u{1}" … "\u{1}" so they are not counted as columns.
    /// With `live`, the prompt is redrawn about once a second while no key is pressed.
    /// With `history`, Up and Ctrl-R recall that history instead of the shell's. A prompt
    /// may have several lines (a wrapped question); editing happens on its last.
    public func readLine(prompt: String, live: LivePrompt? = nil, history: InputHistory? = nil) -> LineInput {
        guard let editLine else {
            if clibedit_stdin_is_tty() != 0 {
                print(prompt.replacingOccurrences(of: "\u{1}", with: ""), terminator: "")
                fflush(nil)
            }
            guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
            return .line(line)
        }

        // libedit draws its prompt on one row: the lines above the last are written first.
        var prompt = prompt
        if let lastBreak = prompt.lastIndex(of: "\n") {
            FileHandle.standardOutput.write(Data(prompt[...lastBreak].replacingOccurrences(of: "\u{1}", with: "").utf8))
            prompt = String(prompt[prompt.index(after: lastBreak)...])
        }
        context.setPrompt(prompt)
        context.interrupted = false
        context.live = live
        context.drawnColumns = Int(clibedit_terminal_columns(editLine))
        context.history = (history ?? self.history).handle  // what Ctrl-R searches
        if let live { _ = clibedit_set_read_function(editLine, live.interval > 0 ? readCharacterCallback : nil) }
        if let handle = history?.handle { _ = clibedit_set_history(editLine, handle) }
        defer {
            context.live = nil
            _ = clibedit_set_read_function(editLine, nil)
            if history != nil, let handle = self.history.handle { _ = clibedit_set_history(editLine, handle) }
        }
        // A SIGINT from outside (kill -INT, or an ~/.editrc that turns isig back on)
        // interrupts the read (no SA_RESTART) instead of killing the program.
        var previousAction = sigaction()
        let installed = clibedit_install_sigint(&previousAction) == 0
        var count: Int32 = 0
        let raw = el_gets(editLine, &count)
        let readError = errno
        if installed { _ = clibedit_restore_sigint(&previousAction) }

        if context.interrupted {
            return .interrupted
        }
        guard let raw, count > 0 else {
            if count < 0 && readError == EINTR {
                clibedit_write(editLine, "^C\n")
                return .interrupted
            }
            // Ctrl-D on an empty line: end the prompt line so later output starts clean.
            clibedit_write(editLine, "\n")
            return .endOfInput
        }
        var line = String(cString: raw)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Adds a line to the shell's history (skipping blank lines and an immediate
    /// duplicate) and saves the history file at once.
    public func addToHistory(_ line: String) {
        history.add(line)
    }
}

/// A prompt that keeps itself current while the user types nothing (a clock), and
/// notices that appear above it when their time comes (a warning), without a key.
public struct LivePrompt {
    /// Seconds between redraws; 0 redraws only when a key is pressed.
    public let interval: Double
    /// The prompt as it should read now.
    public let text: () -> String
    /// Asked at each redraw: text to print above the prompt, if any is due.
    public let notice: () -> String?

    public init(interval: Double = 1, text: @escaping () -> String, notice: @escaping () -> String?) {
        self.interval = interval
        self.text = text
        self.notice = notice
    }
}

/// The prompt's escape character for non-printing sequences.
private let promptEscape = CChar(1)

/// State the C callbacks reach through EL_CLIENTDATA (they cannot capture context).
final class EditorContext {
    /// libedit does not copy the prompt: keep our own C string alive.
    private(set) var prompt: UnsafeMutablePointer<CChar>? = strdup("")
    var completer: ((String) -> [String])?
    var interrupted = false
    var history: OpaquePointer?
    private(set) var promptText = ""
    var live: LivePrompt?
    /// Ctrl-R's `(search …)` prompt is shown: a clock tick must not overwrite it.
    var isSearching = false
    /// The window's width when prompt and line were last drawn, to find their rows after a resize.
    var drawnColumns: Int?

    func setPrompt(_ text: String) {
        free(prompt)
        prompt = strdup(text)
        promptText = text
    }

    deinit { free(prompt) }

    static func from(_ editLine: OpaquePointer?) -> EditorContext? {
        guard let editLine, let data = clibedit_get_clientdata(editLine) else { return nil }
        return Unmanaged<EditorContext>.fromOpaque(data).takeUnretainedValue()
    }
}

// MARK: - C callbacks

/// libedit's read function while a live prompt is shown: waits for a key with a
/// timeout and redraws the prompt each time it runs out. Here, not in another file,
/// because it shares the C shim's SIGINT flag with `readLine` (see shim.h).
/// Returns 1 with a character, 0 at end of input, -1 on error or SIGINT.
private func readCharacterCallback(_ editLine: OpaquePointer?, _ character: UnsafeMutablePointer<wchar_t>?) -> Int32 {
    guard let editLine, let character, let context = EditorContext.from(editLine) else { return -1 }
    let timeout = Int32(clamping: Int(((context.live?.interval ?? 1) * 1000).rounded()))
    while true {
        switch clibedit_wait_for_input(STDIN_FILENO, timeout) {
        case 0:
            redrawLivePrompt(editLine, context)
        case 1:
            guard let scalar = readScalar() else { return 0 }
            guard let scalar else { continue }  // an invalid byte: dropped
            character.pointee = wchar_t(bitPattern: scalar.value)
            return 1
        default:
            return -1
        }
    }
}

/// Redraws the prompt (and the line, cursor kept) in place, with any notice above it.
/// During Ctrl-R the search prompt stays: only a notice is added above it.
private func redrawLivePrompt(_ editLine: OpaquePointer, _ context: EditorContext) {
    guard let live = context.live else { return }
    let notice = live.notice().map { $0.hasSuffix("\n") ? $0 : $0 + "\n" } ?? ""
    guard !context.isSearching else {
        if !notice.isEmpty { redrawInPlace(editLine, context, above: notice) }
        return
    }
    let prompt = live.text()
    redrawInPlace(editLine, context, above: notice) { context.setPrompt(prompt) }
}

/// Clears the prompt and the line from the prompt's first row to the end of the screen,
/// prints `text` there, and lets libedit draw prompt and line again below it, the cursor
/// where it was. A line wider than the window wraps over several rows: the cursor's row
/// inside them is worked out from the prompt shown and the text before the cursor. libedit
/// ends each full row with a line break, so a window made narrower splits every full row
/// into as many rows as the new width needs (as tmux, VTE and iTerm re-flow them).
func redrawInPlace(_ editLine: OpaquePointer, _ context: EditorContext, above text: String = "",
                   changing change: () -> Void = {}) {
    // libedit hears only the first resize during one read (its handler puts the old one back): ask the terminal.
    let actual = clibedit_columns_of(STDOUT_FILENO)
    if actual > 0 && actual != clibedit_terminal_columns(editLine) { el_resize(editLine) }
    let columns = max(1, Int(clibedit_terminal_columns(editLine)))
    let drawn = context.drawnColumns ?? columns
    let offset = DisplayWidth.ofPrompt(context.promptText) + DisplayWidth.of(textBeforeCursor(editLine))
    let row = offset / drawn * ((drawn + columns - 1) / columns) + offset % drawn / columns
    context.drawnColumns = columns
    change()
    clibedit_write(editLine, (row > 0 ? "\u{1B}[\(row)A" : "") + "\r\u{1B}[J" + text)
    _ = clibedit_refresh(editLine)
}

/// Reads one UTF-8 encoded character from standard input. nil at end of input;
/// .some(nil) for bytes that are not UTF-8.
private func readScalar() -> Unicode.Scalar?? {
    guard let lead = readByte() else { return nil }
    let length = switch lead {
    case 0x00...0x7F: 1
    case 0xC2...0xDF: 2
    case 0xE0...0xEF: 3
    case 0xF0...0xF4: 4
    default: 0
    }
    guard length > 0 else { return .some(nil) }
    var bytes = [lead]
    while bytes.count < length {
        guard let next = readByte() else { return nil }
        guard next & 0xC0 == 0x80 else { return .some(nil) }
        bytes.append(next)
    }
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    if case let .scalarValue(scalar) = decoder.decode(&iterator) { return scalar }
    return .some(nil)
}

private func readByte() -> UInt8? {
    var byte: UInt8 = 0
    while true {
        let count = read(STDIN_FILENO, &byte, 1)
        if count == 1 { return byte }
        if count < 0 && errno == EINTR { continue }
        return nil
    }
}

private func promptCallback(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    EditorContext.from(editLine)?.prompt
}

/// Ctrl-C: echo `^C` after the whole line, then end editing; `readLine` sees the flag
/// and discards the text.
private func interruptCallback(_ editLine: OpaquePointer?, _: Int32) -> UInt8 {
    guard let editLine, let context = EditorContext.from(editLine) else { return UInt8(CC_ERROR) }
    context.interrupted = true
    clibedit_write(editLine, textAfterCursor(editLine) + "^C\n")
    return UInt8(CC_NEWLINE)
}

private func suspendCallback(_: OpaquePointer?, _: Int32) -> UInt8 {
    raise(SIGTSTP)
    return UInt8(CC_REDISPLAY)  // after `fg`: prompt and line again
}

private func completeCallback(_ editLine: OpaquePointer?, _: Int32) -> UInt8 {
    guard let editLine, let context = EditorContext.from(editLine),
          let completer = context.completer
    else { return UInt8(CC_REFRESH_BEEP) }
    let before = textBeforeCursor(editLine)
    let word = completionWord(before)
    var seen = Set<String>()
    let matches = completer(before).filter {
        $0.lowercased().hasPrefix(word.lowercased()) && !$0.unicodeScalars.contains(where: isControl)
            && seen.insert($0).inserted
    }

    switch matches.count {
    case 0:
        return UInt8(CC_REFRESH_BEEP)
    case 1:
        let match = matches[0]
        return replaceWord(editLine, word, with: match + (match.hasSuffix("/") ? "" : " "))
    default:
        let prefix = commonPrefix(matches)
        if prefix.count > word.count { return replaceWord(editLine, word, with: prefix) }
        // Nothing to insert: list the candidates below the line, then redraw the
        // prompt and line underneath.
        let columns = Int(clibedit_terminal_columns(editLine))
        clibedit_write(editLine, textAfterCursor(editLine) + "\n" + columnize(matches.sorted(), width: columns))
        _ = clibedit_refresh(editLine)
        return UInt8(CC_NORM)
    }
}

// MARK: - Helpers

/// Replaces the typed word (which may differ in case, `pri` for `Priya`) with the completion.
private func replaceWord(_ editLine: OpaquePointer, _ word: String, with text: String) -> UInt8 {
    el_deletestr(editLine, Int32(word.unicodeScalars.count))
    return el_insertstr(editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
}

/// C0, DEL and C1 controls: a completion holding one (from a stored name) is never echoed.
private func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
}

func textBeforeCursor(_ editLine: OpaquePointer) -> String {
    guard let info = el_line(editLine), let buffer = info.pointee.buffer, let cursor = info.pointee.cursor
    else { return "" }
    return decode(buffer, count: cursor - buffer)
}

func textAfterCursor(_ editLine: OpaquePointer) -> String {
    guard let info = el_line(editLine), let cursor = info.pointee.cursor, let last = info.pointee.lastchar
    else { return "" }
    return decode(cursor, count: last - cursor)
}

private func decode(_ start: UnsafePointer<CChar>, count: Int) -> String {
    guard count > 0 else { return "" }
    return start.withMemoryRebound(to: UInt8.self, capacity: count) {
        String(decoding: UnsafeBufferPointer(start: $0, count: count), as: UTF8.self)
    }
}

/// The word being completed: the text after the last space that is not inside quotes
/// or escaped with a backslash.
func completionWord(_ line: String) -> String {
    var quote: Character?
    var escaped = false
    var start = line.startIndex
    for index in line.indices {
        let character = line[index]
        if escaped {
            escaped = false
        } else if character == "\\" && quote != "'" {
            escaped = true
        } else if let open = quote {
            if character == open { quote = nil }
        } else if character == "'" || character == "\"" {
            quote = character
        } else if character == " " {
            start = line.index(after: index)
        }
    }
    return String(line[start...])
}

func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first else { return "" }
    for word in words.dropFirst() {
        prefix = String(zip(prefix, word).prefix { $0 == $1 }.map(\.0))
    }
    return prefix
}

/// Lays the words out in columns, top to bottom then left to right, like `ls`.
func columnize(_ words: [String], width: Int) -> String {
    let cellWidth = (words.map { DisplayWidth.of($0) }.max() ?? 0) + 2
    let columns = max(1, width / max(cellWidth, 1))
    let rows = (words.count + columns - 1) / columns
    var output = ""
    for row in 0..<rows {
        var line = ""
        for column in 0..<columns {
            let index = column * rows + row
            guard index < words.count else { break }
            let word = words[index]
            let isLast = index + rows >= words.count
            line += isLast ? word : word + String(repeating: " ", count: cellWidth - DisplayWidth.of(word))
        }
        output += line + "\n"
    }
    return output
}

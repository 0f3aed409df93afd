/// The REPL's own help: the command overview and topics that are not commands.
enum HelpText {
    static let topicNames = ["keys", "banks", "people", "data", "rules", "quit"]

    /// `columns`: the terminal's width, to wrap each description under itself (nil: lines left whole).
    static func overview(style: Style, columns: Int? = nil) -> String {
        let width = (RootCommand.commandNames.map(\.count).max() ?? 10) + 2
        var lines = [style.bold("prepcoach") + " — prepare, hold and follow up informational interviews", "",
                     style.bold("Commands")]
        func entry(_ name: String, _ description: String) -> String {
            TextWrap.wrapped(description, width: columns, indent: String(repeating: " ", count: width + 2),
                             firstIndent: "  " + style.accent(name.rightPadded(to: width)))
        }
        for command in RootCommand.commands {
            lines.append(entry(command.configuration.commandName ?? "", command.configuration.abstract))
        }
        lines.append(entry("help", "Show this list; `help COMMAND` for a command's options"))
        lines.append(entry("quit", "Leave the shell (also `exit` or Ctrl-D)"))
        lines += ["", "Try: pick --stage career-changer --industry healthcare",
                  "More: help keys · help banks · help people · help data · help rules"]
        // The entries (indented) are wrapped under their text above; the other lines wrap plainly.
        return lines.map { $0.hasPrefix("  ") ? $0 : TextWrap.wrapped($0, width: columns) }.joined(separator: "\n")
    }

    static func topic(_ name: String) -> String? {
        switch name {
        case "keys":
            """
            Tab          complete commands, options, stages, industries, topics, question ids and contacts
            Up / Down    recall earlier commands (kept across sessions; a call recalls only its own lines)
            Ctrl-R       search earlier commands
            Ctrl-A / E   start / end of line (also Home / End);  Ctrl-W delete word;  Ctrl-U delete to start
            Ctrl-← / →   a word back / forward (also Alt-B / Alt-F);  Delete  the character under the cursor
            Ctrl-C       discard the line being typed
            Ctrl-D       leave, on an empty line
            """
        case "banks":
            """
            Questions, tags and rules are YAML files. The bundled ones are in QuestionBanks/;
            add your own folders with --bank DIR (repeatable) or PREPCOACH_BANKS=dir1:dir2.
            `check-banks` reports every problem as file:line:col. The format is described in
            QuestionBanks/README.md.
            """
        case "data":
            """
            Your contacts, notes, plans, calls and follow-ups are in one SQLite file, readable by you
            alone: $XDG_DATA_HOME/prepcoach/prepcoach.sqlite (or --db PATH); summaries in summaries/ beside it.
            backup PATH              a complete copy of the database (open it with --db PATH)
            export [PATH]            everything as JSON; import PATH loads it into an empty database
            contact remove NAME      forget a person: plan, calls, notes, follow-ups, summary files
            contact rename OLD NEW   research remove COMPANY [--note N]
            """
        case "people":
            """
            Plans fit the person you talk to, not only your stage and industry:
              role family   what they do in their industry (`tags role-families`), e.g. clinical
              employment    --owner (they own or run the business) or --employee
              size          solo, small or large organisation (--size)
              seniority     junior, mid, senior or executive (--seniority)
            `contact add` works these out from --role and --company where clear ("Founder",
            "Nurse Manager"), asks here in the shell where not (Enter skips), and takes them
            as options; `contact edit` changes them; `pick` uses the contact's, or the same
            options without a contact. A plan never mixes questions meant for different
            people (an owner's and an employee's) and prefers questions written for them.
            """
        case "rules":
            """
            `lint` checks questions with the rules (rules/*.yaml, the errors) and the lint model
            (model/lint-model.bin, a learned second opinion shown as warnings with its own ids:
            research-answerable-model, job-ask-model). In ~/.config/prepcoach/config.yaml:
              rules: {closed-question: off, job-ask-model: off}
              model-threshold: 0.5
            `train` retrains the model from labelled questions in a bank's model/ folder.
            """
        case "quit", "exit":
            "quit, exit or Ctrl-D on an empty line leaves the shell. Your history is kept."
        default:
            nil
        }
    }
}

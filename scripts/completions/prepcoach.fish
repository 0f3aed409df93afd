# fish completion for prepcoach: commands, options, stages, industries, topics,
# question ids and contact names, from `prepcoach __complete` (the shell's own completer).
complete -c prepcoach -f -a '(prepcoach __complete -- (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'

# bash completion for prepcoach: commands, options, stages, industries, topics,
# question ids and contact names, from `prepcoach __complete` (the shell's own completer).
_prepcoach() {
    local current=${COMP_WORDS[COMP_CWORD]}
    local IFS=$'\n'
    local candidates
    candidates=$("${COMP_WORDS[0]}" __complete -- "${COMP_WORDS[@]:1:COMP_CWORD-1}" "$current" 2>/dev/null)
    COMPREPLY=()
    local candidate
    # Every candidate quoted, folders too: a contact named `Zed $(touch x)/` must stay a name.
    for candidate in $candidates; do
        COMPREPLY+=("$(printf '%q' "$candidate")")
    done
    # A folder goes on to its files; anything else ends the word.
    [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == */ ]] && compopt -o nospace 2>/dev/null
    return 0
}
complete -F _prepcoach prepcoach

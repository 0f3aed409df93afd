# bash completion for prepcoach: commands, options, stages, industries, topics,
# question ids and contact names, from `prepcoach __complete` (the shell's own completer).
_prepcoach() {
    local current=${COMP_WORDS[COMP_CWORD]}
    local IFS=$'\n'
    local candidates
    candidates=$("${COMP_WORDS[0]}" __complete -- "${COMP_WORDS[@]:1:COMP_CWORD-1}" "$current" 2>/dev/null)
    COMPREPLY=()
    local candidate
    for candidate in $candidates; do
        if [[ $candidate == */ ]]; then
            COMPREPLY+=("$candidate")
        else
            COMPREPLY+=("$(printf '%q' "$candidate")")
        fi
    done
    # A folder goes on to its files; anything else ends the word.
    [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == */ ]] && compopt -o nospace 2>/dev/null
    return 0
}
complete -F _prepcoach prepcoach

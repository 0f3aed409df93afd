#!/usr/bin/env bash
# Installs (or with --uninstall removes) prepcoach under a prefix, the way
# `make install PREFIX=…` does it:
#   PREFIX/bin/prepcoach                                    the program
#   PREFIX/share/prepcoach/QuestionBanks/                   the bundled banks (found relative to bin/)
#   PREFIX/share/man/man1/prepcoach.1                       the man page, when one is given
#   PREFIX/share/bash-completion/completions/prepcoach      shell completion for bash,
#   PREFIX/share/zsh/site-functions/_prepcoach              zsh
#   PREFIX/share/fish/vendor_completions.d/prepcoach.fish   and fish
# Usage: scripts/install.sh PREFIX BINARY [MANPAGE]   |   scripts/install.sh --uninstall PREFIX
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)

files=(bin/prepcoach share/man/man1/prepcoach.1 share/bash-completion/completions/prepcoach
       share/zsh/site-functions/_prepcoach share/fish/vendor_completions.d/prepcoach.fish)

if [ "${1:-}" = "--uninstall" ]; then
  prefix=${2:?usage: scripts/install.sh --uninstall PREFIX}
  for file in "${files[@]}"; do rm -f "$prefix/$file"; done
  rm -rf "$prefix/share/prepcoach"
  echo "Removed prepcoach from $prefix."
  exit 0
fi

prefix=${1:?usage: scripts/install.sh PREFIX BINARY [MANPAGE]}
binary=${2:?usage: scripts/install.sh PREFIX BINARY [MANPAGE]}
manpage=${3:-}
share=$prefix/share

install -d "$prefix/bin" "$share/prepcoach" "$share/bash-completion/completions" \
  "$share/zsh/site-functions" "$share/fish/vendor_completions.d"
install -m 755 "$binary" "$prefix/bin/prepcoach"
# Replace the banks as a whole, so a question file removed upstream does not linger.
rm -rf "$share/prepcoach/QuestionBanks"
cp -R "$source_dir/QuestionBanks" "$share/prepcoach/QuestionBanks"
chmod -R u=rwX,go=rX "$share/prepcoach/QuestionBanks"
install -m 644 "$source_dir/scripts/completions/prepcoach.bash" "$share/bash-completion/completions/prepcoach"
install -m 644 "$source_dir/scripts/completions/_prepcoach" "$share/zsh/site-functions/_prepcoach"
install -m 644 "$source_dir/scripts/completions/prepcoach.fish" "$share/fish/vendor_completions.d/prepcoach.fish"
if [ -n "$manpage" ]; then
  install -d "$share/man/man1"
  install -m 644 "$manpage" "$share/man/man1/prepcoach.1"
fi
echo "Installed prepcoach in $prefix/bin (banks in $share/prepcoach/QuestionBanks)."

#!/usr/bin/env bash
# Installs what building and testing prepcoach needs, only when it is missing:
# libedit's headers (the line editor), SQLite's (the session store, through
# GRDB), pkg-config (to find them), tmux (the end-to-end tests drive the real
# binary in a terminal) and, with --test, Debian's python3-icalendar (the tests
# parse the .ics export with a real parser) and espeak-ng (`rehearse --speak`
# is tested by the WAV it writes).
set -euo pipefail

missing=()
pkg-config --exists libedit 2>/dev/null || missing+=(libedit-dev pkg-config)
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)

# The tests (`--test`) also parse the exported .ics with Python's icalendar, with
# the first of `python3` (PATH) and /usr/bin/python3 that has it. Debian's package,
# not pip: the system Python refuses `pip install` (PEP 668, externally managed).
if [ "${1:-}" = "--test" ]; then
  has_icalendar() { "$1" -c 'import icalendar' >/dev/null 2>&1; }
  has_icalendar python3 || has_icalendar /usr/bin/python3 || missing+=(python3-icalendar)
  command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
fi

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing ${missing[*]} (apt)..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null

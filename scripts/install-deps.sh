#!/usr/bin/env bash
# Installs what building and testing prepcoach needs, only when it is missing:
# libedit's headers (the line editor), SQLite's (the session store, through
# GRDB), pkg-config (to find them), tmux (the end-to-end tests drive the real
# binary in a terminal) and, with --test, Python's icalendar (the tests parse
# the .ics export with a real parser).
set -euo pipefail

missing=()
pkg-config --exists libedit 2>/dev/null || missing+=(libedit-dev pkg-config)
pkg-config --exists sqlite3 2>/dev/null || missing+=(libsqlite3-dev)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)

# The tests (`--test`) also parse the exported .ics with Python's icalendar.
if [ "${1:-}" = "--test" ]; then
  python3 -c 'import icalendar' 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check icalendar >&2
fi

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing ${missing[*]} (apt)..." >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null

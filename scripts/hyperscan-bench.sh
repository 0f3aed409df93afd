#!/bin/sh
# Hyperscan reference for BENCHMARKS.md: the lint patterns compiled into one
# database, scanning the same 100,000 questions as `prepcoach-bench lint`.
# Needs bench-data/ from `prepcoach-bench lint` first. Python's hyperscan
# package goes into a virtual environment under .build/ (never the system Python).
set -eu
cd "$(dirname "$0")/.."
venv=.build/hyperscan-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet hyperscan
fi
for file in bench-data/lint-patterns.txt bench-data/lint-questions.txt; do
    [ -f "$file" ] || { echo "no $file: run .build/release/prepcoach-bench lint first" >&2; exit 1; }
done
exec "$venv/bin/python" scripts/hyperscan-bench.py bench-data/lint-patterns.txt bench-data/lint-questions.txt

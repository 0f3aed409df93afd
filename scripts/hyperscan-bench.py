"""Hyperscan as the reference for many patterns at once: compiles the lint
rules' patterns (bench-data/lint-patterns.txt, written by `prepcoach-bench
lint`) into one database and scans the same questions
(bench-data/lint-questions.txt) line by line, like `grep -c -i -E -f`.

Run through scripts/hyperscan-bench.sh, which makes a virtual environment
under .build/ with `pip install hyperscan`.
"""
import sys
import time

import hyperscan


def main(patterns_path, questions_path):
    patterns = [line.rstrip("\n") for line in open(patterns_path, encoding="utf-8") if line.strip()]
    lines = [line.rstrip("\n").encode("utf-8") for line in open(questions_path, encoding="utf-8")]
    flags = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_UTF8

    # A pattern Hyperscan cannot compile is left out (and counted), not fatal.
    usable = []
    for pattern in patterns:
        try:
            hyperscan.Database().compile(expressions=[pattern.encode("utf-8")], flags=[flags])
            usable.append(pattern)
        except hyperscan.error:
            pass

    start = time.perf_counter()
    database = hyperscan.Database()
    database.compile(expressions=[p.encode("utf-8") for p in usable], ids=list(range(len(usable))),
                     flags=[flags] * len(usable))
    compile_seconds = time.perf_counter() - start

    hit = [False]

    def on_match(pattern_id, start, end, flags, context):
        hit[0] = True
        return True  # one match is enough: stop scanning this line

    flagged = 0
    start = time.perf_counter()
    for line in lines:
        hit[0] = False
        try:
            database.scan(line, match_event_handler=on_match)
        except hyperscan.error:
            pass  # the handler stopped the scan
        flagged += hit[0]
    scan_seconds = time.perf_counter() - start

    print(f"Hyperscan {hyperscan.__version__}: {len(usable)} of {len(patterns)} patterns compiled "
          f"({len(patterns) - len(usable)} unsupported), {len(lines):,} lines")
    print(f"compile: {compile_seconds * 1000:,.0f} ms   scan: {scan_seconds * 1000:,.0f} ms   "
          f"lines matched: {flagged:,}")


if __name__ == "__main__":
    main(*sys.argv[1:3])

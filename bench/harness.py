#!/usr/bin/env python3
"""The realistic benchmark of issue 9: builds a records repository of N requests with real
histories, then times sop next to git doing the same and prints one Markdown table.

    bench/harness.py all   [DIR] [options]   build, then time (the usual)
    bench/harness.py build [DIR] [options]   only make DIR/records (and DIR/build.json)
    bench/harness.py time  [DIR] [options]   only time an existing DIR/records
    bench/harness.py growth RESULTS.json…    sop's medians at each size, and their growth

DIR defaults to a new folder under /tmp. The table goes to stdout, progress to stderr, the
raw numbers to DIR/results.json (or --json FILE). bench/README.md says what each row runs.
"""

import argparse
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from sopbench import build, timing  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["all", "build", "time", "growth"])
    parser.add_argument("dir", nargs="*",
                        help="work folder (default: a new one in /tmp); for growth, the "
                        "results.json files")
    parser.add_argument("--sop", default=os.environ.get("SOP"),
                        help="the sop binary (default: $SOP, else this checkout built --release)")
    making = parser.add_argument_group("building")
    making.add_argument("--requests", type=int, default=100_000)
    making.add_argument("--walks", type=int, default=300,
                        help="requests walked through the real sop, to stamp out (default 300)")
    making.add_argument("--jobs", type=int, default=2, help="template offices walked at once")
    making.add_argument("--seed", type=int, default=7)
    making.add_argument("--years", type=float, default=3,
                        help="the requests start over this many years before now")
    making.add_argument("--sign", action="store_true", help="SSH-sign every commit")
    timed = parser.add_argument_group("timing")
    timed.add_argument("--runs", type=int, default=5, help="interleaved rounds (default 5)")
    timed.add_argument("--slow-runs", type=int, default=3,
                       help="rounds of the whole-history rows (default 3)")
    timed.add_argument("--import-rows", type=int, default=10_000)
    timed.add_argument("--git-sample", type=int, default=2000,
                       help="commits `git log --show-signature` checks on a signed repository")
    timed.add_argument("--json", help="where to write the raw numbers (default DIR/results.json)")
    args = parser.parse_args()
    if args.what == "growth":
        results = []
        for path in args.dir:
            with open(path) as f:
                results.append(json.load(f))
        sys.stdout.write(timing.growth(results))
        return
    if len(args.dir) > 1:
        parser.error("one work folder")
    folder = os.path.abspath(args.dir[0] if args.dir else tempfile.mkdtemp(prefix="sop-bench-"))
    os.makedirs(folder, exist_ok=True)
    lock = open(os.path.join(folder, "harness.lock"), "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        sys.exit(f"{folder} is in use by another bench/harness.py")
    sop = os.path.abspath(args.sop) if args.sop else release_build()
    if args.what in ("all", "build"):
        start = time.time()
        summary = build.build(sop, folder, args.requests, args.walks, args.seed, args.jobs,
                              args.years, args.sign)
        build.say(f"built {folder}/records in {time.time() - start:.0f} s: "
                  f"{summary['commits']:,} commits, .git {summary['git_dir_mb']} MB")
    if args.what in ("all", "time"):
        results = timing.time_rows(folder, sop, args.runs, args.slow_runs, args.import_rows,
                                   args.git_sample)
        with open(args.json or os.path.join(folder, "results.json"), "w") as f:
            json.dump(results, f, indent=1)
        sys.stdout.write(timing.markdown(results))
        if results["failures"]:
            sys.exit(1)


def release_build():
    root = os.path.dirname(HERE)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=root, check=True)
    return os.path.join(root, "target", "release", "sop")


if __name__ == "__main__":
    main()

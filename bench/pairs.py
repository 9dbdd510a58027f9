#!/usr/bin/env python3
"""Two commands timed in interleaved pairs, each run after an untimed preparation.

    python3 bench/pairs.py N --prep 'SHELL COMMAND' 'COMMAND A' 'COMMAND B'

Each of N rounds runs the preparation and then A, the preparation and then B (B first in
every other round, so that drift falls on both). The preparation is what the harness's rows
cannot give a single command: a repository reset to the commit before an import, the page
cache dropped (`sync; echo 3 > /proc/sys/vm/drop_caches`, as root). Each run is timed from
outside (wall clock, the child's user + system CPU and its peak RSS from `wait4`); a run
that exits with another status than 0 stops the comparison, so a failing command is never
timed as a fast one. Prints each command's medians and the ratio of B to A."""

import argparse
import os
import statistics
import subprocess
import sys
import time


def run(command, prep):
    if prep:
        subprocess.run(prep, shell=True, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    child = subprocess.Popen(command, shell=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.monotonic() - start
    stderr = child.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"exit {os.waitstatus_to_exitcode(status)} from {command}:\n{stderr}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rounds", type=int)
    parser.add_argument("--prep", default="", help="a shell command run before each run")
    parser.add_argument("a")
    parser.add_argument("b")
    args = parser.parse_args()
    runs = {args.a: [], args.b: []}
    for round_ in range(args.rounds):
        order = (args.a, args.b) if round_ % 2 == 0 else (args.b, args.a)
        for command in order:
            runs[command].append(run(command, args.prep))
    medians = {}
    for name, command in (("A", args.a), ("B", args.b)):
        wall, cpu, _ = (statistics.median(r[i] for r in runs[command]) for i in range(3))
        peak = max(r[2] for r in runs[command])
        medians[name] = (wall, cpu, peak)
        print(f"{name}: wall {wall:.3f} s, CPU {cpu:.3f} s, peak {peak:.0f} MiB "
              f"(medians of {args.rounds}; peak the largest)  {command}")
    (wa, ca, _), (wb, cb, _) = medians["A"], medians["B"]
    print(f"B/A (of the medians): wall {wb / wa:.2f}, CPU {cb / ca:.2f}")


if __name__ == "__main__":
    main()

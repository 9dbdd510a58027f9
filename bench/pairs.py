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
import tempfile
import time


def run(command, prep):
    if prep:
        subprocess.run(prep, shell=True, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # stderr to a file, not a pipe: a command that writes more than a pipe holds would
    # otherwise wait for a reader while this waits for it to end.
    with tempfile.TemporaryFile() as err:
        start = time.monotonic()
        child = subprocess.Popen(command, shell=True, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - start
        err.seek(0)
        stderr = err.read()[-4000:].decode(errors="replace")
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
    commands = (args.a, args.b)
    # By place, not by text: the same command may be timed against itself.
    runs = ([], [])
    for round_ in range(args.rounds):
        for i in ((0, 1) if round_ % 2 == 0 else (1, 0)):
            runs[i].append(run(commands[i], args.prep))
    medians = {}
    for i, name in enumerate("AB"):
        wall, cpu, _ = (statistics.median(r[k] for r in runs[i]) for k in range(3))
        peak = max(r[2] for r in runs[i])
        medians[name] = (wall, cpu, peak)
        print(f"{name}: wall {wall:.3f} s, CPU {cpu:.3f} s, peak {peak:.0f} MiB "
              f"(medians of {args.rounds}; peak the largest)  {commands[i]}")
    (wa, ca, _), (wb, cb, _) = medians["A"], medians["B"]
    print(f"B/A (of the medians): wall {wb / wa:.2f}, CPU {cb / ca:.2f}")


if __name__ == "__main__":
    main()

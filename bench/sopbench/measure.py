"""One timed run of a command: wall time, CPU time and peak memory of the process and the
children it waited for (`wait4`), and its exit code."""

import os
import statistics
import subprocess
import tempfile
import time
from dataclasses import asdict, dataclass

TIME = "/usr/bin/time"  # GNU time


@dataclass
class Sample:
    wall: float  # seconds
    cpu: float  # seconds, user + system
    rss_mb: float  # peak resident set size
    exit: int

    def as_json(self):
        return {k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(self).items()}


def measure(args, cwd, env):
    """Runs `args` (a list, or a string for `sh -c`) with output discarded; the last lines of
    its stderr are kept in `measure.stderr`.

    The peak memory comes from GNU time, which runs the command: a child of this Python
    process would report at least Python's own memory (Linux keeps the peak across exec).
    """
    if isinstance(args, str):
        args = ["sh", "-c", args]
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as peak:
        start = time.perf_counter()
        proc = subprocess.Popen([TIME, "-q", "-f", "%M", "-o", peak.name, *args], cwd=cwd,
                                env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        measure.stderr = err.read()[-2000:].decode(errors="replace")
        rss_kb = int(peak.read().split()[-1])
    return Sample(wall, usage.ru_utime + usage.ru_stime, rss_kb / 1024, proc.returncode)


def median(samples, key):
    return statistics.median(getattr(s, key) for s in samples) if samples else None

"""The rows of the table: each operation of issue 9, as sop does it and as git does the same.

A row's sides are commands built from the `Bench` (the repository and what the rounds
picked); `prep` runs before the timed command and `after` after it, neither timed. Rows run
in phases, in this order: reads (the repository as built), changes (each adds commits),
imports (each adds thousands of assets). Within a phase every round runs each row once,
sop and then git, so noise falls on both.
"""

import glob
import os
import random
from dataclasses import dataclass
from typing import Callable, Optional

from .proc import run

# sop's caches in the git folder: deleting them makes the next read a cold one.
CACHES = ["sop-cache-*"]
# What a fresh clone lacks: the caches and the per-request commit index of `sop log`.
CLONE_LACKS = CACHES + ["sop-commits-by-request*"]


@dataclass
class Side:
    label: object  # text, or Bench -> text
    command: Callable  # Bench -> argv list, or a shell string
    prep: Optional[Callable] = None
    after: Optional[Callable] = None
    scale: Callable = lambda bench: 1  # the run is a sample: time * scale is the whole
    exits: tuple = (0,)


@dataclass
class Row:
    key: str
    label: str
    phase: str  # read | change | import
    sop: Side
    git: Optional[Side] = None
    slow: bool = False  # at most `slow_runs` runs


class Bench:
    """The repository under test and the state the rounds share."""

    def __init__(self, folder, sop, env, summary, import_rows, git_sample):
        self.folder = folder
        self.repo = os.path.join(folder, "records")
        self.sop_path = sop
        self.env = env
        self.summary = summary
        self.signed = summary.get("signed", False)
        self.import_rows = import_rows
        self.git_sample = git_sample
        self.rng = random.Random(11)
        self.round = 0
        self.current = ""  # the request the change rounds made
        self.head = self.git("rev-parse", "HEAD")
        self.commits = int(self.git("rev-list", "--count", "HEAD"))
        self.range = f"{self.git('rev-parse', 'HEAD~100')}..{self.head}"
        completed = run([sop, "list", "--status", "completed", "--format", "csv"],
                        cwd=self.repo, env=env).decode().splitlines()[1:]
        ids = [line.split(",", 1)[0] for line in completed]
        self.rng.shuffle(ids)
        self.shown = ids.pop()  # a request for show and log
        self.hand = ids  # requests the git sides edit by hand, one each

    def git(self, *args):
        return run(["git", *args], cwd=self.repo, env=self.env).decode().strip()

    def sop(self, *args, who=None):
        return [self.sop_path] + (["--as", who] if who else []) + list(args)

    def path(self, rid):
        prefix, rest = rid.split("-", 1)
        return f"requests/{prefix}/{rest[:2]}/{rid}.toml"

    def remove(self, patterns):
        for pattern in patterns:
            for f in glob.glob(os.path.join(self.repo, ".git", pattern)):
                os.remove(f)

    def read_records(self):
        """Every record file read, as a clone, checkout or pull that just wrote them leaves
        them: in the page cache. A machine that pages out what was not touched for a few
        seconds (bench/README.md) would otherwise give the cold rows the disk's time, which
        depends on the rows run before them."""
        for folder in ("requests", "assets"):
            for top, _, files in os.walk(os.path.join(self.repo, folder)):
                for name in files:
                    with open(os.path.join(top, name), "rb") as f:
                        f.read()

    def signing_as(self, who):
        if self.signed:
            self.git("config", "user.signingkey", os.path.join(self.folder, "keys", who + ".pub"))

    def hand_edit(self):
        """A one-file change made by hand, as the git side's own: a line added to a
        completed request's file."""
        self.signing_as("rizky")
        rel = self.path(self.hand.pop())
        with open(os.path.join(self.repo, rel), "a") as f:
            f.write(f"# checked by hand, round {self.round}\n")
        return rel

    def import_file(self):
        """A CSV of `import_rows` new assets."""
        self.signing_as("eko")
        path = os.path.join(self.folder, f"import-{self.round}.csv")
        with open(path, "w") as f:
            f.write("kind,name,serial,location,acquired,value,attr.ram\n")
            for k in range(self.import_rows):
                f.write(f"hardware,Komputer {k},IMP-{self.round}-{k:06d},Ruang {k % 50},"
                        f"2025-03-01,{8000000 + k},16GB\n")
        return path

    def asset_files(self):
        """`import_rows` asset files written by hand where sop would keep them."""
        self.signing_as("rizky")
        chars = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
        for k in range(self.import_rows):
            aid = "AST-" + "".join(self.rng.choices(chars, k=10))
            rel = os.path.join(self.repo, "assets", aid[4:6], aid + ".toml")
            os.makedirs(os.path.dirname(rel), exist_ok=True)
            with open(rel, "w") as f:
                f.write(f'id = "{aid}"\nkind = "hardware"\nname = "Komputer {k}"\n'
                        f'status = "in-stock"\nserial = "HAND-{self.round}-{k:06d}"\n')


def cold(bench):
    """No cache of sop's: what a clone, or a pull of many changes, leaves."""
    bench.remove(CACHES)
    bench.read_records()


def made_request(bench):
    bench.current = bench.git("log", "-1", "--format=%(trailers:key=Sop-Request,valueonly)")


def helpdesk_advance(bench):
    bench.signing_as("dewi")
    run(bench.sop("advance", bench.current, who="dewi"), cwd=bench.repo, env=bench.env)


def commented(bench):
    """A change just before a listing, as in a working office: a comment on a request."""
    bench.signing_as("putri")
    note = f"dicek, putaran {bench.round}"
    run(bench.sop("comment", bench.shown, note, who="putri"), cwd=bench.repo, env=bench.env)


def git_commit(message):
    return lambda b: f"git add {b.hand_edit()} && git commit -q -m '{message}'"


def verify_all_git(bench):
    if bench.signed:
        return ["git", "log", "--show-signature", "-n", str(bench.git_sample)]
    return ["git", "log", "-p"]


ROWS = [
    Row("new", "one change: `sop new`", "change",
        Side("`sop new email …`",
             lambda b: b.sop("new", "email", "--field", "nama_lengkap=Bench Putri",
                             "--field", "email_diminta=bench@kota.go.id", who="putri"),
             prep=lambda b: b.signing_as("putri"), after=made_request),
        Side("`git add F && git commit`", git_commit("hand edit (new)"))),
    Row("advance", "one change: `sop advance`", "change",
        Side("`sop advance ID`", lambda b: b.sop("advance", b.current, who="putri"),
             prep=lambda b: b.signing_as("putri"), after=helpdesk_advance),
        Side("`git add F && git commit`", git_commit("hand edit (advance)"))),
    Row("approve", "one change: `sop approve`", "change",
        Side("`sop approve ID`", lambda b: b.sop("approve", b.current, who="sri"),
             prep=lambda b: b.signing_as("sri")),
        Side("`git add F && git commit`", git_commit("hand edit (approve)"))),
    Row("list-warm", "`sop list` warm", "read",
        Side("`sop list`", lambda b: b.sop("list")),
        Side("`git grep -c '^status = ' HEAD -- requests`",
             lambda b: ["git", "grep", "-c", "^status = ", "HEAD", "--", "requests"])),
    Row("list-cold", "`sop list` cold (no cache)", "read",
        Side("`sop list`", lambda b: b.sop("list"), prep=cold)),
    Row("report-warm", "`sop report` warm", "read",
        Side("`sop report`", lambda b: b.sop("report"))),
    Row("report-cold", "`sop report` cold (no cache)", "read",
        Side("`sop report`", lambda b: b.sop("report"), prep=cold)),
    Row("monitoring-warm", "`sop report --monitoring` warm (Tabel 7, twelve months)", "read",
        Side("`sop report --monitoring`",
             lambda b: b.sop("report", "--monitoring", "--format", "csv"))),
    Row("verify-range", "`sop verify --range` of 100 commits", "read",
        Side("`sop verify --range HEAD~100..HEAD`", lambda b: b.sop("verify", "--range", b.range)),
        Side("`git log -p HEAD~100..HEAD`", lambda b: ["git", "log", "-p", b.range])),
    Row("verify-all", "`sop verify`, whole history", "read",
        Side("`sop verify`", lambda b: b.sop("verify")),
        Side(lambda b: ("`git log --show-signature -n {:,}`".format(b.git_sample) if b.signed
                        else "`git log -p`"), verify_all_git,
             scale=lambda b: b.commits / b.git_sample if b.signed else 1),
        slow=True),
    Row("log-first", "`sop log ID`, first use in a clone", "read",
        Side("`sop log ID` (no index)", lambda b: b.sop("log", b.shown),
             prep=lambda b: b.remove(CLONE_LACKS)),
        Side("`git log -- FILE`", lambda b: ["git", "log", "--format=%H", "--", b.path(b.shown)]),
        slow=True),
    Row("log-warm", "`sop log ID` warm", "read",
        Side("`sop log ID`", lambda b: b.sop("log", b.shown)),
        Side("`git log -- FILE`", lambda b: ["git", "log", "--format=%H", "--", b.path(b.shown)])),
    Row("show", "`sop show ID`", "read",
        Side("`sop show ID`", lambda b: b.sop("show", b.shown)),
        Side("`git show HEAD:FILE`", lambda b: ["git", "show", "HEAD:" + b.path(b.shown)])),
    Row("overdue", "`sop list --overdue`", "read",
        Side("`sop list --overdue`", lambda b: b.sop("list", "--overdue"))),
    Row("open-email", "`sop list --status open --procedure email`", "read",
        Side("`sop list --status open --procedure email`",
             lambda b: b.sop("list", "--status", "open", "--procedure", "email")),
        Side("`git grep -l '^status = \"open\"' HEAD -- requests/EML`",
             lambda b: ["git", "grep", "-l", '^status = "open"', "HEAD", "--", "requests/EML"],
             exits=(0, 1))),
    Row("search", "`sop list --search handayani`", "read",
        Side("`sop list --search handayani`", lambda b: b.sop("list", "--search", "handayani")),
        Side("`git grep -l -i handayani HEAD -- requests`",
             lambda b: ["git", "grep", "-l", "-i", "handayani", "HEAD", "--", "requests"],
             exits=(0, 1))),
    Row("import", "asset import of {import_rows:,} rows (one commit)", "import",
        Side("`sop asset import FILE`", lambda b: b.sop("asset", "import", b.import_file_path,
                                                         who="eko"),
             prep=lambda b: setattr(b, "import_file_path", b.import_file())),
        Side("`git add assets && git commit`",
             lambda b: "git add assets && git commit -q -m 'assets by hand'",
             prep=lambda b: b.asset_files())),
    # Last, so that the rows of earlier results.json files keep their places (`growth`).
    Row("list-after-change", "`sop list` after a change (a `sop comment` just before)", "change",
        Side("`sop list`", lambda b: b.sop("list"), prep=commented)),
]

# Read rows run in this order within a round: each cold run just before its warm ones (the
# filtered lists are warm: they follow `sop list`, which leaves its cache).
READ_ORDER = ["list-cold", "list-warm", "open-email", "overdue", "search", "report-cold",
              "report-warm", "monitoring-warm", "show", "log-first", "log-warm", "verify-range", "verify-all"]

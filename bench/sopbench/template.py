"""Template offices: walks made by the real sop, then read back as commits to stamp out.

Each office is `sop init --example`, one `sop asset import` of the in-stock assets its asset
walks need, then its walks one after the other on a fixed clock (`SOP_NOW`). Offices run in
parallel, one per job.
"""

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from . import catalogue
from .proc import CatFile, hermetic_env, run

TZ = timezone(timedelta(hours=7))  # Asia/Jakarta, the example office's timezone
EPOCH = datetime(2020, 1, 6, 8, 0, tzinfo=TZ)  # the first walk starts here
INIT_AT = EPOCH - timedelta(days=2)
IMPORT_AT = EPOCH - timedelta(days=1)
SERIAL = "TPL-{:05d}"  # serials of template assets (stamped with new ones)
ASSET_KINDS = [
    ("hardware", "Laptop Dinas", "Ruang Bidang SPBE"),
    ("hardware", "Server Rak 2U", "Data Center Lt. 2"),
    ("hardware", "Printer Jaringan", "Ruang Sekretariat"),
    ("software", "Lisensi Perkantoran", "Ruang Server"),
    ("hardware", "Switch 24 port", "Data Center Lt. 2"),
    ("data", "Basis Data Kepegawaian", "srv-db-02"),
]


@dataclass
class Commit:
    name: str
    email: str
    at: int  # author (= committer) time, seconds
    message: bytes
    files: list  # [(path, content)]


@dataclass
class Template:
    walk: catalogue.Walk
    office: "Office"
    request: str  # the request's id in the template office
    asset: str  # the imported asset it is about, or ""
    commits: list = field(default_factory=list)


@dataclass
class Office:
    path: str
    import_message: bytes = b""
    imported: dict = field(default_factory=dict)  # asset id -> file content at import
    import_at: int = int(IMPORT_AT.timestamp())
    import_author: tuple = ()  # (name, email)


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S%z")[:-2] + ":00"


def make(sop, folder, walks, jobs):
    """Runs `walks` through sop in `jobs` offices under `folder`; returns their templates."""
    shares = [walks[k::jobs] for k in range(jobs)]
    with ThreadPoolExecutor(jobs) as pool:
        done = pool.map(
            lambda k: walk_office(sop, os.path.join(folder, f"office-{k}"), shares[k]),
            range(jobs),
        )
        return [t for templates in done for t in templates]


def walk_office(sop, path, walks):
    env = hermetic_env(os.path.join(path + "-home"))
    office = Office(path)
    run([sop, "init", "--example", path], env=dict(env, SOP_NOW=iso(INIT_AT)))
    assets = import_assets(sop, office, env, sum(w.needs_asset for w in walks))
    templates, clock = [], EPOCH
    for walk in walks:
        asset = assets.pop(0) if walk.needs_asset else ""
        template, clock = walk_one(sop, office, env, walk, asset, clock)
        templates.append(template)
    read_back(office, env, templates)
    return templates


def import_assets(sop, office, env, count):
    """Registers `count` in-stock assets with one `sop asset import`; returns their ids in
    the order of the rows."""
    if count == 0:
        return []
    rows = ["kind,name,serial,location,acquired,value"]
    for k in range(count):
        kind, name, where = ASSET_KINDS[k % len(ASSET_KINDS)]
        rows.append(f"{kind},{name},{SERIAL.format(k)},{where},2023-02-14,{12500000 + k}")
    csv = os.path.join(office.path + "-home", "assets.csv")
    with open(csv, "w") as f:
        f.write("\n".join(rows) + "\n")
    run([sop, "-C", office.path, "--as", "eko", "asset", "import", csv],
        env=dict(env, SOP_NOW=iso(IMPORT_AT)))
    git = CatFile(office.path, env)
    commit = parse_commit(git.read("HEAD"), [])
    office.import_message = commit.message
    office.import_author = (commit.name, commit.email)
    listing = run(["git", "diff-tree", "-r", "--root", "--no-commit-id", "HEAD"],
                  cwd=office.path, env=env).decode()
    by_serial = {}
    for line in listing.splitlines():
        meta, rel = line.split("\t")
        content = git.read(meta.split()[3])
        office.imported[rel.rsplit("/", 1)[1][:-5]] = content
        serial = content.split(b'serial = "', 1)[1].split(b'"', 1)[0].decode()
        by_serial[serial] = rel.rsplit("/", 1)[1][:-5]
    git.close()
    return [by_serial[SERIAL.format(k)] for k in range(count)]


def walk_one(sop, office, env, walk, asset, clock):
    """`sop new` and every move of `walk`, each after its gap; returns the template and the
    clock after it."""
    new = ["new", walk.procedure]
    for f in walk.fields:
        new += ["--field", f]
    if walk.title:
        new += ["--title", walk.title]
    if asset:
        new += ["--asset", asset]
    gaps = iter(walk.gaps)

    def sop_at(who, args):
        nonlocal clock
        clock += timedelta(seconds=next(gaps))
        return run([sop, "-C", office.path, "--as", who, *args],
                   env=dict(env, SOP_NOW=iso(clock))).decode().strip()

    request = sop_at(walk.requester, new)
    for who, move in walk.moves:
        sop_at(who, [move.verb, request, *move.args])
    if walk.cancel_by:
        sop_at(walk.cancel_by, ["cancel", request, "--reason", "tidak jadi diperlukan"])
    return Template(walk, office, request, asset), clock + timedelta(hours=1)


def read_back(office, env, templates):
    """Each template's commits, read from the office's history after the asset import."""
    by_request = {t.request: t for t in templates}
    if office.imported:
        since = run(["git", "log", "-1", "--format=%H", "--grep=^Sop-Action: asset-import$"],
                    cwd=office.path, env=env)
    else:
        since = run(["git", "rev-list", "--max-parents=0", "HEAD"], cwd=office.path, env=env)
    since = since.decode().strip()
    log = run(["git", "log", "--reverse", "--format=%x01%H", "--raw", "-z", "--no-abbrev",
               "--no-renames", f"{since}..HEAD"], cwd=office.path, env=env)
    git = CatFile(office.path, env)
    for chunk in log.split(b"\x01")[1:]:
        parts = chunk.split(b"\0")
        oid = parts[0].decode()
        files = []
        for meta, rel in zip(parts[1::2], parts[2::2]):
            fields = meta.strip().split()
            if fields[4] == b"D":
                raise SystemExit(f"{office.path}: commit {oid} deletes {rel.decode()}")
            files.append((rel.decode(), git.read(fields[3].decode())))
        commit = parse_commit(git.read(oid), files)
        request = trailer(commit.message, b"Sop-Request")
        by_request[request].commits.append(commit)
    git.close()


def parse_commit(raw, files):
    header, message = raw.split(b"\n\n", 1)
    for line in header.decode().split("\n"):
        if line.startswith("author "):
            who, when = line[len("author "):].rsplit(" <", 1)
            email, rest = when.split("> ", 1)
            at = int(rest.split()[0])
            return Commit(who, email, at, message, files)
    raise SystemExit("a commit without an author")


def trailer(message, key):
    for line in message.split(b"\n"):
        if line.startswith(key + b": "):
            return line.split(b": ", 1)[1].decode()
    raise SystemExit(f"no {key.decode()} trailer in {message[:80]!r}")

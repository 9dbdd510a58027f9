"""Stamping templates out into a large history, written as a `git fast-import` stream.

Each request of the repository copies one template of its status: every commit of the
template again, with new ids (the request's, and its assets') in the files, the paths, the
subject and the trailers, and its times moved (and stretched) to the request's own start.
The in-stock assets the asset procedures need are registered before them by
`sop asset import` commits of up to IMPORT_BATCH assets, stamped from the template
offices' import. All commits go in time order onto the branch; fast-import builds the trees.
"""

import random
import re
from dataclasses import dataclass
from datetime import datetime

from . import catalogue
from .template import TZ

ID_CHARS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32, as sop's ids
IMPORT_BATCH = 5000
RECENT = 14 * 86400  # half the open requests started this recently, the rest any time
TOKEN = re.compile(
    rb"(?P<id>\b[A-Z]{2,6}-[0-9A-Z]{10}\b)"
    rb"|(?P<time>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00)"
    rb"|(?P<serial>TPL-\d{5})"
)


def path_of(record_id):
    """Where sop keeps a record (src/layout.rs): requests/<PREFIX>/<XX>/<ID>.toml,
    assets/<XX>/<ID>.toml."""
    prefix, rest = record_id.split("-", 1)
    if prefix == "AST":
        return f"assets/{rest[:2]}/{record_id}.toml"
    return f"requests/{prefix}/{rest[:2]}/{record_id}.toml"


def record_id(path):
    return path.rsplit("/", 1)[1][: -len(".toml")]


class Pattern:
    """A template text cut at its ids, times and serials, to render with new ones."""

    def __init__(self, text):
        self.parts = []
        at = 0
        for m in TOKEN.finditer(text):
            self.parts.append(text[at:m.start()])
            if m["id"]:
                self.parts.append(("id", m["id"].decode()))
            elif m["time"]:
                when = datetime.fromisoformat(m["time"].decode())
                self.parts.append(("time", int(when.timestamp())))
            else:
                self.parts.append(("serial", m["serial"].decode()))
            at = m.end()
        self.parts.append(text[at:])

    def render(self, ids, time, serials):
        out = []
        for p in self.parts:
            if type(p) is bytes:
                out.append(p)
            elif p[0] == "id":
                out.append(ids[p[1]].encode())
            elif p[0] == "time":
                out.append(stamp_time(time(p[1])))
            else:
                out.append(serials[p[1]].encode())
        return b"".join(out)


def stamp_time(seconds):
    return datetime.fromtimestamp(seconds, TZ).strftime("%Y-%m-%dT%H:%M:%S+07:00").encode()


@dataclass
class Prepared:
    """A template, cut into patterns."""

    template: object
    ids: list  # the template's record ids: its request's, its assets'
    commits: list  # [(name, email, at, message pattern, [(record id, content pattern)])]
    start: int
    duration: int


def prepare(template):
    ids = [template.request] + ([template.asset] if template.asset else [])
    commits = []
    for c in template.commits:
        files = []
        for rel, content in c.files:
            rid = record_id(rel)
            if path_of(rid) != rel:
                raise SystemExit(f"{rel}: not where sop keeps {rid}")
            if rid not in ids:
                ids.append(rid)
            files.append((rid, Pattern(content)))
        commits.append((c.name, c.email, c.at, Pattern(c.message), files))
    start = template.commits[0].at
    return Prepared(template, ids, commits, start, template.commits[-1].at - start)


@dataclass
class Stamp:
    """One request of the repository: which template, its ids, its clock."""

    prepared: Prepared
    ids: dict  # template id -> new id
    start: int
    scale: float
    serial: str = ""  # its imported asset's serial
    imported_at: int = 0  # when its imported asset was registered

    def time(self, t):
        if t == self.prepared.template.office.import_at:
            return self.imported_at
        return self.start + round((t - self.prepared.start) * self.scale)


class Ids:
    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def new(self, prefix):
        while True:
            rid = prefix + "-" + "".join(self.rng.choices(ID_CHARS, k=10))
            if rid not in self.used:
                self.used.add(rid)
                return rid


def plan(templates, count, seed, end, span):
    """`count` stamps, statuses in catalogue.STATUS_SHARE's proportions, each a copy of a
    template of that status, started uniformly over the `span` seconds before `end` (half
    the open ones in the last RECENT seconds)."""
    rng = random.Random(seed)
    by_status = {}
    for t in templates:
        by_status.setdefault(t.walk.status, []).append(prepare(t))
    ids = Ids(rng)
    stamps = []
    for status in shares(count, rng):
        p = rng.choice(by_status[status])
        scale = rng.choice([0.5, 1, 1, 1.5])
        start = end - rng.randint(0, span)
        if status == "open" and rng.random() < 0.5:
            start = end - rng.randint(0, RECENT)  # the office's current work
        last = start + round(p.duration * scale)
        if last > end:
            start -= last - end + rng.randint(0, 3600)
        mapping = {old: ids.new(old.split("-")[0]) for old in p.ids}
        stamps.append(Stamp(p, mapping, start, scale))
    return stamps


def shares(count, rng):
    """`count` statuses, in catalogue.STATUS_SHARE's proportions (to the request), shuffled."""
    out = []
    for status, share in catalogue.STATUS_SHARE.items():
        out += [status] * round(count * share)
    out = out[:count] + ["open"] * (count - len(out))
    rng.shuffle(out)
    return out


@dataclass
class Import:
    """One stamped `sop asset import` commit."""

    at: int
    stamps: list  # the stamps whose assets it registers


def imports(stamps):
    """The asset imports the stamps need, each an hour before its first request."""
    needing = sorted((s for s in stamps if s.prepared.template.asset), key=lambda s: s.start)
    batches = []
    for k in range(0, len(needing), IMPORT_BATCH):
        chunk = needing[k:k + IMPORT_BATCH]
        batch = Import(chunk[0].start - 3600, chunk)
        for n, s in enumerate(chunk, start=k):
            s.serial = f"BMD-{n:07d}"
            s.imported_at = batch.at
        batches.append(batch)
    return batches


def events(stamps, batches):
    """Every commit, in time order: (time, kind, index) with kind 0 an import, 1 a request
    commit (index: stamp, commit)."""
    out = [(b.at, 0, k, 0) for k, b in enumerate(batches)]
    for k, s in enumerate(stamps):
        for n, c in enumerate(s.prepared.commits):
            out.append((s.time(c[2]), 1, k, n))
    out.sort()
    return out


def write_stream(out, parent, stamps, batches, eko):
    """The fast-import stream of every commit onto refs/heads/main, after `parent`."""
    first = True
    for at, kind, k, n in events(stamps, batches):
        if kind == 0:
            name, email = eko
            message, files = import_commit(batches[k], k)
        else:
            s = stamps[k]
            name, email, _, message, patterns = s.prepared.commits[n]
            serials = {}
            asset = s.prepared.template.asset
            if asset:
                serials[serial_of(s.prepared.template)] = s.serial
            message = message.render(s.ids, s.time, serials)
            files = [(path_of(s.ids[rid]), p.render(s.ids, s.time, serials))
                     for rid, p in patterns]
        who = f"{name} <{email}> {at} +0700\n".encode()
        out.write(b"commit refs/heads/main\nauthor " + who + b"committer " + who)
        out.write(b"data %d\n" % len(message) + message)
        if first:
            out.write(b"from " + parent.encode() + b"\n")
            first = False
        for rel, content in files:
            out.write(b"M 100644 inline " + rel.encode() + b"\n")
            out.write(b"data %d\n" % len(content) + content + b"\n")
        out.write(b"\n")
    out.write(b"done\n")


def serial_of(template):
    content = template.office.imported[template.asset]
    return content.split(b'serial = "', 1)[1].split(b'"', 1)[0].decode()


IMPORT_SUBJECT = re.compile(rb"^asset import: \d+ assets \(\d+ created, 0 updated\)")
IMPORT_FROM = re.compile(rb"\nFrom [^\n]*; 0 row\(s\) unchanged\.")


def import_commit(batch, k):
    """The message and files of a stamped `sop asset import`."""
    n = len(batch.stamps)
    message = batch.stamps[0].prepared.template.office.import_message
    message = IMPORT_SUBJECT.sub(b"asset import: %d assets (%d created, 0 updated)" % (n, n),
                                 message)
    message = IMPORT_FROM.sub(b"\nFrom /srv/bmd/aset-%03d.csv; 0 row(s) unchanged." % k,
                              message)
    files = []
    for s in batch.stamps:
        template = s.prepared.template
        pattern = imported_pattern(template)
        serials = {serial_of(template): s.serial}
        content = pattern.render(s.ids, lambda t: batch.at, serials)
        files.append((path_of(s.ids[template.asset]), content))
    return message, files


_imported = {}


def imported_pattern(template):
    key = (template.office.path, template.asset)
    if key not in _imported:
        _imported[key] = Pattern(template.office.imported[template.asset])
    return _imported[key]

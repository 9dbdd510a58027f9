"""The walks: how requests of every shipped procedure go through their steps.

Pure data and choices, no I/O. A *path* is one complete way through a procedure, from the
first step to an end (every branch and loop of every shipped procedure is one of them); a
*walk* is a path as one request takes it: cut short (still open), cancelled on the way, or
followed to its end, with who acts and how long each step waits. `template.py` runs walks
through the real sop.
"""

import random
from dataclasses import dataclass, field

# Who holds which role in example-records/people.toml.
HOLDERS = {
    "helpdesk": ["dewi"],
    "staf-ti": ["budi", "yoga"],
    "staf-kip": ["andi"],
    "subkoor-kip": ["sri", "hendra"],
    "staf-iidc": ["fajar"],
    "subkoor-iidc": ["ratna", "agus"],
    "kasi": ["wahyu", "nurul"],
    "kabid": ["siti", "bambang"],
    "kadis": ["hasan", "yanti"],
    "pengelola-aset": ["eko"],
    "pengguna-aset": ["lina"],
}
ADMIN = "rizky"
REQUESTER = "req"  # the request's requester (role `pemohon`)

# Share of each status among the requests of the repository (issue 9); the rest of the
# outcomes are the procedures' own words (`dikembalikan`).
STATUS_SHARE = {
    "open": 0.45,
    "completed": 0.26,
    "cancelled": 0.10,
    "rejected": 0.10,
    "dikembalikan": 0.09,
}


@dataclass(frozen=True)
class Move:
    verb: str  # advance | approve | reject
    role: str  # a role of HOLDERS, or REQUESTER
    args: tuple = ()


def A(role, *args):
    return Move("advance", role, args)


def C(role, option):
    return Move("advance", role, ("--choose", option))


def P(role):
    return Move("approve", role)


def R(role, reason="belum lengkap"):
    return Move("reject", role, ("--reason", reason))


@dataclass(frozen=True)
class Procedure:
    id: str
    requesters: tuple  # who opens its requests
    needs_asset: bool  # `sop new --asset` of a registered, in-stock asset
    paths: dict  # name -> (moves, outcome)


T, S = "staf-ti", "subkoor-iidc"
PPP_DEVICE = (
    "--field", "jenis_perangkat=laptop", "--field", "merek=Lenovo ThinkPad",
    "--field", "nomor_seri=PF2K9X31", "--field", "spesifikasi=Core i5, 16 GB",
)
PPP_SCAN = ("--field", "hasil_scan=bersih", "--field", "detail_scan=ClamAV: 0 temuan")
PPP_NET = ("--field", "mac_address=3C:52:82:1A:7F:04", "--field", "alamat_ip=10.20.30.41")
REN_BUY = (
    "--field", "nama_barang=Laptop kantor", "--field", "jenis_aset=hardware",
    "--field", "jumlah=2", "--field", "nilai_satuan=12500000", "--field", "kode_barang=1.3.2.10",
)
VC_LINK = ("--field", "tautan_vc=https://vc.example.go.id/rapat", "--output", "tautan dikirim")

PROCEDURES = [
    Procedure("email", ("putri", "dimas", "lina", "budi"), False, {
        "approved": ([A(REQUESTER), A("helpdesk"), P("subkoor-kip"), A("staf-ti")], "completed"),
        "rejected-once": ([A(REQUESTER), A("helpdesk"), R("subkoor-kip", "NIP belum diisi"),
                           A(REQUESTER), A("helpdesk"), P("subkoor-kip"), A("staf-ti")],
                          "completed"),
    }),
    Procedure("video-conference", ("putri", "dimas", "wahyu", "siti"), False, {
        "approved": ([A(REQUESTER), A("staf-iidc"), P("subkoor-iidc"), A("staf-iidc", *VC_LINK)],
                     "completed"),
        "rejected-once": ([A(REQUESTER), A("staf-iidc"), R("subkoor-iidc", "jadwal bentrok"),
                           A(REQUESTER), A("staf-iidc"), P("subkoor-iidc"),
                           A("staf-iidc", *VC_LINK)], "completed"),
    }),
    Procedure("instalasi-piranti-lunak", ("putri", "dimas", "lina", "andi"), False, {
        "datacenter": ([A(T), C(S, "datacenter"), C(T, "lengkap"), A(T), C(T, "berhasil"),
                        C(T, "berhasil"), C(S, "tidak-perlu")], "completed"),
        "user-configured": ([A(T), C(S, "user"), A(REQUESTER), C(T, "lengkap"), A(T),
                             C(T, "berhasil"), C(T, "berhasil"), C(S, "perlu"), A(T),
                             C(S, "tepat")], "completed"),
        "configured-twice": ([A(T), C(S, "datacenter"), C(T, "lengkap"), A(T),
                              C(T, "berhasil"), C(T, "berhasil"), C(S, "perlu"), A(T),
                              C(S, "belum-tepat"), A(T), C(S, "tepat")], "completed"),
        "incomplete-first": ([A(T), C(S, "datacenter"), C(T, "tidak-lengkap"), A(T),
                              C(S, "datacenter"), C(T, "lengkap"), A(T), C(T, "berhasil"),
                              C(T, "berhasil"), C(S, "tidak-perlu")], "completed"),
        "failed-run": ([A(T), C(S, "user"), A(REQUESTER), C(T, "lengkap"), A(T), C(T, "gagal"),
                        A(T), C(S, "user"), A(REQUESTER), C(T, "lengkap"), A(T),
                        C(T, "berhasil"), C(T, "berhasil"), C(S, "tidak-perlu")], "completed"),
        "returned": ([A(T), C(S, "datacenter"), C(T, "lengkap"), A(T), C(T, "berhasil"),
                      C(T, "gagal"), A(T, "--note", "uninstall selesai")], "dikembalikan"),
        "returned-user": ([A(T), C(S, "user"), A(REQUESTER), C(T, "lengkap"), A(T),
                           C(T, "berhasil"), C(T, "gagal"), A(T)], "dikembalikan"),
    }),
    Procedure("perangkat-pribadi", ("putri", "dimas", "lina", "fajar"), False, {
        "approved": ([A(REQUESTER), A(REQUESTER), A("staf-kip"), P("subkoor-kip"), A(T),
                      A(T, *PPP_DEVICE), A(T, *PPP_SCAN), A(T, *PPP_NET)], "completed"),
        "rejected": ([A(REQUESTER), A(REQUESTER), A("staf-kip"),
                      R("subkoor-kip", "perangkat tidak memenuhi kebijakan")], "rejected"),
    }),
    Procedure("penggunaan-aset", ("eko", "lina", "wahyu"), True, {
        "handed-over": ([A("kasi"), A("pengguna-aset")], "completed"),
    }),
    Procedure("perbaikan-aset", ("eko", "lina", "nurul"), True, {
        "approved": ([A("pengelola-aset"), A("kasi"), P("kabid"), A("kasi"),
                      A("pengelola-aset"), A("pengelola-aset")], "completed"),
        "rejected-once": ([A("pengelola-aset"), A("kasi"), R("kabid", "anggaran belum ada"),
                           A("kasi"), P("kabid"), A("kasi"), A("pengelola-aset"),
                           A("pengelola-aset")], "completed"),
    }),
    Procedure("penghapusan-aset", ("eko", "wahyu"), True, {
        "approved": ([A("pengelola-aset"), A("kasi"), P("kabid"), A("kasi"),
                      A("pengelola-aset"), A("pengelola-aset")], "completed"),
        "rejected-once": ([A("pengelola-aset"), A("kasi"), R("kabid", "analisis kurang"),
                           A("kasi"), P("kabid"), A("kasi"), A("pengelola-aset"),
                           A("pengelola-aset")], "completed"),
    }),
    Procedure("pemindahtanganan-aset", ("eko", "nurul"), True, {
        "approved": ([A("kasi"), P("kabid"), P("kadis"), A("kabid"), A("kasi"), A("kasi")],
                     "completed"),
        "rejected-by-kadis": ([A("kasi"), P("kabid"), R("kadis", "nilai belum dinilai ulang"),
                               A("kasi"), P("kabid"), P("kadis"), A("kabid"), A("kasi"),
                               A("kasi")], "completed"),
    }),
    Procedure("perencanaan-aset", ("wahyu", "nurul", "eko"), False, {
        "approved": ([A("kasi"), P("kabid"), P("kadis"), A("kabid"), A("kasi", *REN_BUY)],
                     "completed"),
        "rejected-once": ([A("kasi"), R("kabid", "rincian biaya"), A("kasi"), P("kabid"),
                           P("kadis"), A("kabid"), A("kasi", *REN_BUY)], "completed"),
    }),
]
BY_ID = {p.id: p for p in PROCEDURES}

# Fields given at `sop new`, per procedure (a few variants each).
NEW_FIELDS = {
    "email": [
        ("nama_lengkap=Putri Handayani", "email_diminta=putri.h@kota.go.id",
         "unit_kerja=Bagian Umum"),
        ("nama_lengkap=Dimas Saputra", "email_diminta=dimas@kota.go.id",
         "nip=199508212020122003"),
    ],
    "video-conference": [
        ("acara=Rapat koordinasi SPBE", "tanggal=2025-03-12", "jam_mulai=09:00",
         "jam_selesai=11:00", "jumlah_peserta=40"),
        ("acara=Sosialisasi keamanan informasi", "tanggal=2025-06-02"),
    ],
    "instalasi-piranti-lunak": [
        ("nama_piranti_lunak=LibreOffice", "versi=7.6", "perangkat_tujuan=PC-UMUM-07"),
        ("nama_piranti_lunak=PostgreSQL", "versi=16", "perangkat_tujuan=srv-db-02",
         "lisensi=open source"),
    ],
    "perangkat-pribadi": [("unit_kerja=Bidang Statistik", "keperluan=presentasi rapat"), ()],
    "penggunaan-aset": [("pengguna_aset=lina", "keterangan=untuk staf baru")],
    "perbaikan-aset": [("nama_aset=Laptop Dinas", "keterangan=tidak menyala"), ()],
    "penghapusan-aset": [("keterangan=rusak berat",), ()],
    "pemindahtanganan-aset": [("pihak_penerima=Kecamatan Batulicin", "lokasi_baru=Kantor Camat")],
    "perencanaan-aset": [("nama_aset=Perangkat jaringan", "tahun_anggaran=2026"), ()],
}


# How often each procedure is used: the helpdesk's everyday requests most.
PROCEDURE_SHARE = {
    "email": 0.30,
    "video-conference": 0.20,
    "instalasi-piranti-lunak": 0.10,
    "perangkat-pribadi": 0.10,
    "penggunaan-aset": 0.10,
    "perbaikan-aset": 0.07,
    "perencanaan-aset": 0.05,
    "penghapusan-aset": 0.04,
    "pemindahtanganan-aset": 0.04,
}
# The first path of a procedure is the usual one; the others (loops, rejections) share this.
DETOURS = 0.2


@dataclass
class Walk:
    """One request as the template office makes it."""

    procedure: str
    path: str
    requester: str
    fields: tuple
    title: str
    moves: list  # [(person, Move)], after `sop new`
    gaps: list = field(default_factory=list)  # seconds before `new` and each move
    cancel_by: str = ""  # who cancels after the moves, if anyone
    status: str = "open"

    @property
    def needs_asset(self):
        return BY_ID[self.procedure].needs_asset


def person(rng, move, requester):
    """Who makes `move`: the requester, or a holder of its role (not the requester for an
    approval or a rejection: separation of duties)."""
    if move.role == REQUESTER:
        return requester
    holders = HOLDERS[move.role]
    if move.verb in ("approve", "reject"):
        holders = [p for p in holders if p != requester]
    return rng.choice(holders)


def gap(rng, slow):
    """Seconds a request waits before the next change: minutes mostly, some hours, some
    days (so some steps are late against their standard time)."""
    roll = rng.random()
    if roll < 0.5:
        seconds = rng.randint(60, 90 * 60)
    elif roll < 0.85:
        seconds = rng.randint(2 * 3600, 30 * 3600)
    else:
        seconds = rng.randint(86400, 6 * 86400)
    return int(seconds * slow)


def make_walk(rng, procedure, path, status):
    """A walk of `path` ending in `status`: the path's outcome, `open` (cut short before its
    end) or `cancelled` (cut short, then withdrawn)."""
    moves, outcome = procedure.paths[path]
    requester = rng.choice(procedure.requesters)
    if status in ("open", "cancelled"):
        # Most open requests wait early in their procedure.
        keep = int(len(moves) * rng.random() ** 3)
        moves = moves[:keep]
    else:
        assert status == outcome, (procedure.id, path, status)
    slow = rng.choice([0.3, 1, 1, 2])
    walk = Walk(
        procedure=procedure.id,
        path=path,
        requester=requester,
        fields=rng.choice(NEW_FIELDS[procedure.id]),
        title=rng.choice(["", "", f"{procedure.id} {rng.randint(1, 999)}"]),
        moves=[(person(rng, m, requester), m) for m in moves],
        status=status,
    )
    walk.gaps = [gap(rng, slow) for _ in range(len(walk.moves) + 1)]
    if status == "cancelled":
        walk.cancel_by = rng.choice([requester, requester, ADMIN])
        walk.gaps.append(gap(rng, slow))
    return walk


def choose(rng, status):
    """A (procedure, path) a walk ending in `status` can take, by PROCEDURE_SHARE and
    DETOURS."""
    pairs, weights = [], []
    for p in PROCEDURES:
        names = [name for name, (_, outcome) in p.paths.items()
                 if status in ("open", "cancelled") or outcome == status]
        for k, name in enumerate(names):
            if len(names) == 1:
                share = 1
            else:
                share = 1 - DETOURS if k == 0 else DETOURS / (len(names) - 1)
            pairs.append((p, name))
            weights.append(PROCEDURE_SHARE[p.id] * share)
    return rng.choices(pairs, weights)[0]


def plan(count, seed):
    """`count` walks (at least one per path, per status and per procedure): every path
    followed to its end once, every procedure open and cancelled once, and the rest drawn
    so the statuses come out in STATUS_SHARE."""
    rng = random.Random(seed)
    walks = []
    for p in PROCEDURES:
        for name, (_, outcome) in p.paths.items():
            walks.append(make_walk(rng, p, name, outcome))
        first = next(iter(p.paths))
        walks.append(make_walk(rng, p, first, "open"))
        walks.append(make_walk(rng, p, first, "cancelled"))
    statuses = list(STATUS_SHARE)
    weights = [STATUS_SHARE[s] for s in statuses]
    while len(walks) < count:
        status = rng.choices(statuses, weights)[0]
        p, name = choose(rng, status)
        walks.append(make_walk(rng, p, name, status))
    return walks


def commits_per_request(walks):
    """The average number of commits a request of this status mix makes."""
    by_status = {}
    for w in walks:
        by_status.setdefault(w.status, []).append(1 + len(w.moves) + bool(w.cancel_by))
    return sum(STATUS_SHARE[s] * sum(v) / len(v) for s, v in by_status.items())

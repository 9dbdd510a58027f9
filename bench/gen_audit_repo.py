#!/usr/bin/env python3
"""Makes a records repository of N Permintaan Email requests, 4 SSH-signed commits each.

Usage: gen_audit_repo.py SOP WORKDIR N

The commits are exactly what `sop` would make: one request is walked with the real `sop`
(create, advance by the requester, advance by the helpdesk, approve) in a template office; its
four file versions and commit messages are then stamped out with new ids and times. Objects
are written straight into one pack (then `git index-pack`), and each commit is signed in
process (the `cryptography` package; without it, one `ssh-keygen -Y sign` per commit), so
40,000 signed commits take a minute or two instead of the 20+ minutes of running sop 40,000
times. Requests are interleaved: 100 at a time go through their steps together.
"""

import base64
import hashlib
import os
import random
import struct
import subprocess
import sys
import zlib
from datetime import datetime, timedelta, timezone

SOP, WORK, N = sys.argv[1], sys.argv[2], int(sys.argv[3])
ENV = dict(os.environ, NO_COLOR="1", GIT_CONFIG_NOSYSTEM="1")
TZ = timezone(timedelta(hours=7))
WALK = [  # (person, sop arguments after the id)
    ("putri", None),
    ("putri", ["advance"]),
    ("dewi", ["advance"]),
    ("sri", ["approve"]),
]
SIGNERS = ["rizky", "putri", "dewi", "sri"]
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def run(args, cwd=None, env=None, input=None):
    out = subprocess.run(args, cwd=cwd, env=env or ENV, input=input, capture_output=True)
    if out.returncode != 0:
        sys.exit(f"{args} failed: {out.stderr.decode()}")
    return out.stdout


def template():
    """The file versions and raw commits of one request walked by the real sop."""
    office = os.path.join(WORK, "template")
    run([SOP, "init", "--example", office])
    times = [f"2020-01-01T00:0{k}:00+07:00" for k in range(4)]
    env = dict(ENV, SOP_NOW=times[0])
    rid = run([SOP, "-C", office, "--as", "putri", "new", "email",
               "--field", "nama_lengkap=Putri", "--field", "email_diminta=putri@kota.go.id"],
              env=env).decode().strip()
    for k, (who, args) in enumerate(WALK[1:], start=1):
        run([SOP, "-C", office, "--as", who] + args + [rid], env=dict(ENV, SOP_NOW=times[k]))
    path = f"requests/EML/{rid[4:6]}/{rid}.toml"
    versions, commits = [], []
    for back in range(3, -1, -1):
        rev = f"HEAD~{back}"
        versions.append(run(["git", "show", f"{rev}:{path}"], cwd=office))
        commits.append(run(["git", "cat-file", "commit", rev], cwd=office))
    return rid, times, versions, commits


def keys():
    """Each signer's key: (private key file, public key line)."""
    folder = os.path.join(WORK, "keys")
    os.makedirs(folder, exist_ok=True)
    out = {}
    for who in SIGNERS:
        path = os.path.join(folder, who)
        if not os.path.exists(path):
            run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", who, "-f", path])
        out[who] = (path, open(path + ".pub").read().strip())
    return out


def office(key_lines):
    """The records repository: sop init --example, then keys in people.toml and signatures
    required, committed and signed by the administrator."""
    repo = os.path.join(WORK, "records")
    run([SOP, "init", "--example", repo])
    people = open(os.path.join(repo, "people.toml")).read()
    for who, (_, line) in key_lines.items():
        anchor = f'id = "{who}"\n'
        people = people.replace(anchor, f'{anchor}keys = ["{line}"]\n')
    open(os.path.join(repo, "people.toml"), "w").write(people)
    config = open(os.path.join(repo, "sop.toml")).read()
    config = config.replace("require_signatures = false", "require_signatures = true")
    open(os.path.join(repo, "sop.toml"), "w").write(config)
    git = lambda *a: run(["git", *a], cwd=repo)
    git("config", "commit.gpgsign", "true")
    git("config", "gpg.format", "ssh")
    git("config", "user.signingkey", key_lines["rizky"][0] + ".pub")
    git("config", "user.name", "Rizky Ramadhan")
    git("config", "user.email", "rizky@diskominfo.example.go.id")
    git("commit", "-qam", "signing keys; signatures required")
    return repo


class Signer:
    def __init__(self, key_file):
        self.key_file = key_file
        try:
            from cryptography.hazmat.primitives import serialization
            self.key = serialization.load_ssh_private_key(open(key_file, "rb").read(), None)
            raw = self.key.public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            self.public = ssh_string(b"ssh-ed25519") + ssh_string(raw)
        except ImportError:
            self.key = None

    def sign(self, data):
        if self.key is None:
            return run(["ssh-keygen", "-Y", "sign", "-n", "git", "-f", self.key_file],
                       input=data).decode().strip()
        digest = hashlib.sha512(data).digest()
        signed = b"SSHSIG" + ssh_string(b"git") + ssh_string(b"") + ssh_string(b"sha512") + ssh_string(digest)
        sig = ssh_string(b"ssh-ed25519") + ssh_string(self.key.sign(signed))
        blob = (b"SSHSIG" + struct.pack(">I", 1) + ssh_string(self.public) + ssh_string(b"git")
                + ssh_string(b"") + ssh_string(b"sha512") + ssh_string(sig))
        text = base64.b64encode(blob).decode()
        lines = [text[i:i + 70] for i in range(0, len(text), 70)]
        return "-----BEGIN SSH SIGNATURE-----\n" + "\n".join(lines) + "\n-----END SSH SIGNATURE-----"


def ssh_string(b):
    return struct.pack(">I", len(b)) + b


class Pack:
    """Objects appended to one pack file, no deltas (git repack makes them later)."""

    TYPES = {b"commit": 1, b"tree": 2, b"blob": 3}

    def __init__(self, path):
        self.path = path
        self.file = open(path, "wb")
        self.file.write(b"PACK" + struct.pack(">II", 2, 0))
        self.count = 0

    def add(self, kind, raw):
        oid = hashlib.sha1(b"%s %d\0" % (kind, len(raw)) + raw).digest()
        size = len(raw)
        byte = (self.TYPES[kind] << 4) | (size & 0x0F)
        size >>= 4
        header = bytearray()
        while size:
            header.append(byte | 0x80)
            byte = size & 0x7F
            size >>= 7
        header.append(byte)
        self.file.write(bytes(header) + zlib.compress(raw, 1))
        self.count += 1
        return oid

    def close(self):
        self.file.seek(8)
        self.file.write(struct.pack(">I", self.count))
        self.file.close()
        sha = hashlib.sha1()
        with open(self.path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                sha.update(chunk)
        with open(self.path, "ab") as f:
            f.write(sha.digest())
        # git names packs by their checksum; `git repack -d` only removes packs so named.
        named = os.path.join(os.path.dirname(self.path), f"pack-{sha.hexdigest()}.pack")
        os.rename(self.path, named)
        return named


def tree(entries):
    """entries: name -> (is_tree, oid). Sorted as git sorts (a tree's name with a '/')."""
    key = lambda name: name + ("/" if entries[name][0] else "")
    out = bytearray()
    for name in sorted(entries, key=key):
        is_tree, oid = entries[name]
        out += (b"40000 " if is_tree else b"100644 ") + name.encode() + b"\0" + oid
    return bytes(out)


def main():
    rng = random.Random(7)
    tid, ttimes, versions, commits = template()
    key_lines = keys()
    repo = office(key_lines)
    signers = {who: Signer(path) for who, (path, _) in key_lines.items()}
    head = run(["git", "rev-parse", "HEAD"], cwd=repo).decode().strip()
    root = {}
    for line in run(["git", "ls-tree", "HEAD"], cwd=repo).decode().splitlines():
        meta, name = line.split("\t")
        mode, kind, oid = meta.split()
        root[name] = (kind == "tree", bytes.fromhex(oid))
    shards = {}  # shard -> {file name: blob oid}
    shard_oids = {}  # shard -> tree oid
    pack_dir = os.path.join(repo, ".git", "objects", "pack")
    pack = Pack(os.path.join(pack_dir, "sop-bench.tmp"))
    ids = ["EML-" + "".join(rng.choice(CROCKFORD) for _ in range(10)) for _ in range(N)]
    start = datetime(2026, 1, 5, 8, 0, tzinfo=TZ)
    parent = head
    minute = 0
    when = {}  # (request, stage) -> time
    for block in range(0, N, 100):
        for stage in range(4):
            for rid in ids[block:block + 100]:
                at = start + timedelta(minutes=minute)
                minute += 1
                when[(rid, stage)] = at
                text = versions[stage].decode().replace(tid, rid)
                for k in range(stage + 1):
                    text = text.replace(ttimes[k], when[(rid, k)].isoformat())
                blob = pack.add(b"blob", text.encode())
                shard = rid[4:6]
                files = shards.setdefault(shard, {})
                files[rid + ".toml"] = (False, blob)
                shard_oids[shard] = (True, pack.add(b"tree", tree(files)))
                eml = pack.add(b"tree", tree(shard_oids))
                requests = pack.add(b"tree", tree({"EML": (True, eml)}))
                root["requests"] = (True, requests)
                root_oid = pack.add(b"tree", tree(root))
                raw = commits[stage]
                header, message = raw.split(b"\n\n", 1)
                lines = []
                for line in header.decode().split("\n"):
                    if line.startswith("tree "):
                        line = "tree " + root_oid.hex()
                    elif line.startswith("parent "):
                        line = "parent " + parent
                    elif line.startswith(("author ", "committer ")):
                        parts = line.split(" ")
                        parts[-2] = str(int(at.timestamp()))
                        line = " ".join(parts)
                    elif line.startswith("gpgsig") or line.startswith(" "):
                        continue
                    lines.append(line)
                payload = ("\n".join(lines) + "\n\n").encode() + message.replace(tid.encode(), rid.encode())
                who = WALK[stage][0]
                sig = signers[who].sign(payload)
                signed_header = "\n".join(lines) + "\ngpgsig " + sig.replace("\n", "\n ") + "\n"
                parent = pack.add(b"commit", signed_header.encode() + b"\n" + payload.split(b"\n\n", 1)[1]).hex()
        print(f"{min(block + 100, N)} requests", file=sys.stderr, flush=True)
    run(["git", "index-pack", pack.close()], cwd=pack_dir)
    run(["git", "update-ref", "refs/heads/main", parent], cwd=repo)
    run(["git", "reset", "-q", "--hard", "main"], cwd=repo)
    print(repo)


main()

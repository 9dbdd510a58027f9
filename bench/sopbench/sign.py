"""SSH signatures for the benchmark repository (`build --sign`).

Every person of the example office gets an ed25519 key; an administrator's commit puts the
keys in people.toml and requires signatures. The stamped history is then rewritten commit by
commit, each signed by its author's key as `git commit -S` would sign it (a signature covers
the parent's id, so this goes in order). Signing is in process with the `cryptography`
package when it is there, else one `ssh-keygen -Y sign` per commit (much slower).
"""

import base64
import hashlib
import os
import re
import struct
import subprocess
import zlib

from .proc import CatFile, run

PEOPLE_ID = re.compile(r'^id = "([a-z0-9_-]+)"\n', re.M)
ADMIN = "rizky"


def setup(repo, folder, env, at):
    """Keys for everyone in people.toml, signatures required, committed (signed) by the
    administrator at `at`; git configured to sign as sop does. Returns email -> Signer."""
    key_dir = os.path.join(folder, "keys")
    os.makedirs(key_dir, exist_ok=True)
    people_path = os.path.join(repo, "people.toml")
    people = open(people_path).read()
    signers, allowed = {}, []
    for who in PEOPLE_ID.findall(people):
        path = os.path.join(key_dir, who)
        if not os.path.exists(path):
            run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", who, "-f", path], env=env)
        public = open(path + ".pub").read().strip()
        people = people.replace(f'id = "{who}"\n', f'id = "{who}"\nkeys = ["{public}"]\n', 1)
        email = re.search(rf'id = "{who}"\n(?:.*\n)*?email = "([^"]+)"', people)[1]
        signers[email] = Signer(path)
        allowed.append(f'{email} namespaces="git" {public}')
    open(people_path, "w").write(people)
    config_path = os.path.join(repo, "sop.toml")
    config = open(config_path).read()
    open(config_path, "w").write(
        config.replace("require_signatures = false", "require_signatures = true"))
    allowed_file = os.path.join(folder, "allowed_signers")
    open(allowed_file, "w").write("\n".join(allowed) + "\n")

    def git(*args, **extra):
        return run(["git", *args], cwd=repo, env=dict(env, **extra))

    git("config", "commit.gpgsign", "true")
    git("config", "gpg.format", "ssh")
    git("config", "gpg.ssh.allowedSignersFile", allowed_file)
    git("config", "user.signingkey", os.path.join(key_dir, ADMIN + ".pub"))
    stamp = f"{at} +0700"
    git("-c", "user.name=Rizky Ramadhan", "-c", "user.email=rizky@diskominfo.example.go.id",
        "commit", "-q", "-a", "-m", "signing keys for everyone; signatures required",
        GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp)
    return signers


class Signer:
    """An SSH signature of namespace `git`, as `ssh-keygen -Y sign -n git` makes it."""

    def __init__(self, key_file):
        self.key_file = key_file
        try:
            from cryptography.hazmat.primitives import serialization
        except ImportError:
            self.key = None
            return
        self.key = serialization.load_ssh_private_key(open(key_file, "rb").read(), None)
        raw = self.key.public_key().public_bytes(serialization.Encoding.Raw,
                                                 serialization.PublicFormat.Raw)
        self.public = ssh_string(b"ssh-ed25519") + ssh_string(raw)

    def sign(self, data):
        if self.key is None:
            out = subprocess.run(["ssh-keygen", "-Y", "sign", "-n", "git", "-f", self.key_file],
                                 input=data, capture_output=True, check=True)
            return out.stdout.decode().strip()
        digest = hashlib.sha512(data).digest()
        signed = (b"SSHSIG" + ssh_string(b"git") + ssh_string(b"") + ssh_string(b"sha512")
                  + ssh_string(digest))
        sig = ssh_string(b"ssh-ed25519") + ssh_string(self.key.sign(signed))
        blob = (b"SSHSIG" + struct.pack(">I", 1) + ssh_string(self.public) + ssh_string(b"git")
                + ssh_string(b"") + ssh_string(b"sha512") + ssh_string(sig))
        text = base64.b64encode(blob).decode()
        lines = [text[i:i + 70] for i in range(0, len(text), 70)]
        return ("-----BEGIN SSH SIGNATURE-----\n" + "\n".join(lines)
                + "\n-----END SSH SIGNATURE-----")


def ssh_string(b):
    return struct.pack(">I", len(b)) + b


def sign_history(repo, env, base, signers):
    """Rewrites every commit after `base` (oldest first) with its parent's new id and a
    signature by its author's key; moves main to the new tip."""
    ids = run(["git", "rev-list", "--reverse", f"{base}..main"], cwd=repo, env=env).split()
    git = CatFile(repo, env)
    pack = Pack(os.path.join(repo, ".git", "objects", "pack", "sop-bench-signed.tmp"))
    parent = base
    for oid in ids:
        header, message = git.read(oid.decode()).split(b"\n\n", 1)
        lines = []
        email = None
        for line in header.split(b"\n"):
            if line.startswith(b"parent "):
                line = b"parent " + parent.encode()
            elif line.startswith(b"author "):
                email = line.split(b"<", 1)[1].split(b">", 1)[0].decode()
            lines.append(line)
        payload = b"\n".join(lines) + b"\n\n" + message
        signature = signers[email].sign(payload).replace("\n", "\n ")
        signed = b"\n".join(lines) + b"\ngpgsig " + signature.encode() + b"\n\n" + message
        parent = pack.add(b"commit", signed).hex()
    git.close()
    run(["git", "index-pack", pack.close()], cwd=repo, env=env)
    run(["git", "update-ref", "refs/heads/main", parent], cwd=repo, env=env)
    # The unsigned commits are garbage now: let gc drop them rather than keep them loose.
    run(["git", "reflog", "expire", "--expire=now", "--all"], cwd=repo, env=env)


class Pack:
    """Objects appended to one pack file, undeltified (git gc deltifies them)."""

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
        named = os.path.join(os.path.dirname(self.path), f"pack-{sha.hexdigest()}.pack")
        os.rename(self.path, named)
        return named

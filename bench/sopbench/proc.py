"""Running sop and git: a hermetic environment, commands that must succeed, and git's
object reader."""

import os
import subprocess


def hermetic_env(home, **extra):
    """No user or system git configuration, no colour, C locale, nothing of sop's from the
    caller's environment."""
    os.makedirs(home, exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, ".config"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
        "LANG": "C",
    }
    env.update(extra)
    return env


def run(args, cwd=None, env=None, input=None):
    """Runs a command that must succeed; returns its stdout (bytes)."""
    out = subprocess.run(args, cwd=cwd, env=env, input=input, capture_output=True)
    if out.returncode != 0:
        raise SystemExit(
            f"failed (exit {out.returncode}): {' '.join(map(str, args))}\n"
            f"{out.stderr.decode(errors='replace')}"
        )
    return out.stdout


class CatFile:
    """`git cat-file --batch`: object contents by id, one process for many reads."""

    def __init__(self, repo, env):
        self.proc = subprocess.Popen(
            ["git", "cat-file", "--batch"], cwd=repo, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )

    def read(self, oid):
        self.proc.stdin.write(oid.encode() + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().split()
        if len(header) != 3:
            raise SystemExit(f"git cat-file: no object {oid}")
        size = int(header[2])
        data = self.proc.stdout.read(size)
        self.proc.stdout.read(1)
        return data

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()

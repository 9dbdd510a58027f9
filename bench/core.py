#!/usr/bin/env python3
"""Times `sop new` and `sop advance` on a records repo holding N requests, next to
`git add FILE && git commit` of the same change.

    bench/core.py [N] [RUNS]        (defaults: 10000 requests, 15 runs each)
    SOP=/path/to/sop bench/core.py  (time that binary; otherwise this checkout, built)

Builds the release binary, makes the repo in a temp folder (requests generated from a
real one made by sop, committed in one commit), then prints median wall times.
"""
import os, random, shutil, statistics, subprocess, sys, tempfile, time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 15
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

# SOP=/path/to/sop times that binary instead of building this checkout's.
SOP = os.environ.get("SOP")
if not SOP:
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    SOP = os.path.join(ROOT, "target", "release", "sop")
# BENCH_DIR keeps the generated repo for profiling, and reuses it when it is there.
tmp = os.environ.get("BENCH_DIR") or tempfile.mkdtemp(prefix="sop-bench-")
os.makedirs(tmp, exist_ok=True)
reuse = os.path.exists(os.path.join(tmp, "office"))
office = os.path.join(tmp, "office")
env = dict(os.environ, HOME=tmp, XDG_CONFIG_HOME=os.path.join(tmp, ".config"), NO_COLOR="1",
           GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="bench@example.id",
           GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="bench@example.id")
env.pop("SOP_ACTOR", None)

def run(*args, cwd=office):
    return subprocess.run(args, cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout

def timed(*args):
    start = time.perf_counter()
    run(*args)
    return time.perf_counter() - start

if not reuse:
    run(SOP, "init", "--example", office, cwd=tmp)
fields = ["--field", "nama_lengkap=Bench", "--field", "email_diminta=bench@kota.go.id"]
template_id = run(SOP, "--as", "putri", "new", "email", *fields).strip()
template_path = os.path.join(office, "requests", "EML", template_id[4:6], template_id + ".toml")
template = open(template_path).read()

print(f"generating {N} requests in {office} …", file=sys.stderr)
rng = random.Random(7)
for _ in range(0 if reuse else N):
    rid = "EML-" + "".join(rng.choice(ALPHABET) for _ in range(10))
    path = os.path.join(office, "requests", "EML", rid[4:6], rid + ".toml")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(template.replace(template_id, rid))
if not reuse:
    run("git", "add", "-A")
    run("git", "commit", "-qm", f"{N} generated requests")

def median_ms(samples):
    return f"{statistics.median(samples) * 1000:7.1f} ms"

new_t, adv_t, git_t = [], [], []
for i in range(RUNS):
    start = time.perf_counter()
    rid = run(SOP, "--as", "putri", "new", "email", *fields).strip()
    new_t.append(time.perf_counter() - start)
    adv_t.append(timed(SOP, "--as", "putri", "advance", rid))
    # the same change by hand: edit one request file, git add, git commit
    path = os.path.join(office, "requests", "EML", rid[4:6], rid + ".toml")
    with open(path, "a") as f:
        f.write(f"# hand {i}\n")
    start = time.perf_counter()
    run("git", "add", path)
    run("git", "commit", "-qm", f"hand edit {i}")
    git_t.append(time.perf_counter() - start)

print(f"records: {N + 1 + RUNS} requests, {RUNS} runs each (median)")
print(f"sop new              {median_ms(new_t)}")
print(f"sop advance          {median_ms(adv_t)}")
print(f"git add && git commit {median_ms(git_t)}")
if not os.environ.get("BENCH_DIR"):
    shutil.rmtree(tmp)

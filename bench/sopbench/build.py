"""Building the benchmark repository: template walks, stamped through `git fast-import`,
repacked by `git gc`, checked out."""

import io
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timedelta

from . import catalogue, sign, stamp, template
from .proc import hermetic_env, run
from .template import TZ, iso

YEAR = 365 * 86400


def say(text):
    print(text, file=sys.stderr, flush=True)


def build(sop, folder, requests, walks, seed=7, jobs=2, years=3, signed=False):
    """Makes `folder`/records (and `folder`/build.json describing it); returns that summary."""
    took, cpu = {}, {}
    clock, used = time.perf_counter(), cpu_used()

    def phase(name):
        nonlocal clock, used
        now, now_used = time.perf_counter(), cpu_used()
        took[name], cpu[name] = round(now - clock, 2), round(now_used - used, 2)
        clock, used = now, now_used
        say(f"  {name}: {took[name]} s ({cpu[name]} s CPU)")

    env = hermetic_env(os.path.join(folder, "home"))
    repo = os.path.join(folder, "records")
    for old in (repo, os.path.join(folder, "templates")):
        shutil.rmtree(old, ignore_errors=True)

    walked = catalogue.plan(walks, seed)
    say(f"walking {len(walked)} requests through sop in {jobs} template offices")
    templates = template.make(sop, os.path.join(folder, "templates"), walked, jobs)
    phase("walks")

    end = int(time.time()) - 3600
    stamps = stamp.plan(templates, requests, seed, end, int(years * YEAR))
    batches = stamp.imports(stamps)
    first = min([s.start for s in stamps] + [b.at for b in batches])
    init_at = datetime.fromtimestamp(first, TZ) - timedelta(days=2)
    run([sop, "init", "--example", repo], env=dict(env, SOP_NOW=iso(init_at)))
    keys = sign.setup(repo, folder, env, int(init_at.timestamp()) + 3600) if signed else None
    parent = run(["git", "rev-parse", "HEAD"], cwd=repo, env=env).decode().strip()

    say(f"stamping {requests} requests ({len(batches)} asset imports) through git fast-import")
    importer = subprocess.Popen(["git", "fast-import", "--quiet", "--done"], cwd=repo, env=env,
                                stdin=subprocess.PIPE)
    eko = next((t.office.import_author for t in templates if t.office.import_author), ())
    with io.BufferedWriter(importer.stdin, 1 << 20) as out:
        stamp.write_stream(out, parent, stamps, batches, eko)
    if importer.wait() != 0:
        raise SystemExit("git fast-import failed")
    phase("fast-import")

    if keys:
        say("signing every commit after the anchor")
        sign.sign_history(repo, env, parent, keys)
        phase("signing")

    say("git gc")
    # --prune=now when signing: the unsigned history is garbage, not to be kept loose.
    run(["git", "gc", "--quiet"] + (["--prune=now"] if signed else []), cwd=repo, env=env)
    phase("git gc")
    run(["git", "reset", "--quiet", "--hard", "main"], cwd=repo, env=env)
    phase("checkout")

    summary = describe(repo, env, stamps, batches, walked)
    summary.update(requests=requests, walks=len(walked), seed=seed, years=years,
                   signed=signed, seconds=took, cpu_seconds=cpu)
    with open(os.path.join(folder, "build.json"), "w") as f:
        json.dump(summary, f, indent=2)
    return summary


def cpu_used():
    """CPU seconds (user + system) of this process and the children it has waited for."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def describe(repo, env, stamps, batches, walked):
    """What the repository holds: counts by status and procedure, commits, sizes."""
    statuses = Counter(s.prepared.template.walk.status for s in stamps)
    procedures = Counter(s.prepared.template.walk.procedure for s in stamps)
    paths = Counter(f"{w.procedure}/{w.path}" for w in walked)
    commits = int(run(["git", "rev-list", "--count", "HEAD"], cwd=repo, env=env))
    size = run(["du", "-sk", os.path.join(repo, ".git")], env=env).split()[0]
    return {
        "head": run(["git", "rev-parse", "HEAD"], cwd=repo, env=env).decode().strip(),
        "commits": commits,
        "assets_imported": sum(len(b.stamps) for b in batches),
        "by_status": dict(statuses.most_common()),
        "by_procedure": dict(procedures.most_common()),
        "walked_paths": dict(sorted(paths.items())),
        "git_dir_mb": round(int(size) / 1024, 1),
        "index_mb": round(os.path.getsize(os.path.join(repo, ".git", "index")) / 1e6, 2),
    }

"""Timing every row in interleaved rounds, and the table of medians."""

import json
import os
import platform
import sys
import time

from .measure import measure, median
from .proc import hermetic_env, run
from .rows import READ_ORDER, ROWS, Bench

PHASES = ["read", "change", "import"]


def say(text):
    print(text, file=sys.stderr, flush=True)


def time_rows(folder, sop, runs, slow_runs, import_rows, git_sample):
    """Times every row; returns the results (what results.json holds)."""
    env = hermetic_env(os.path.join(folder, "home"))
    with open(os.path.join(folder, "build.json")) as f:
        summary = json.load(f)
    back_to_build(os.path.join(folder, "records"), env, summary["head"])
    bench = Bench(folder, sop, env, summary, import_rows, git_sample)
    bench.git("config", "user.name", "Hand Editor")
    bench.git("config", "user.email", "hand@example.id")
    bench.git("status", "--porcelain")  # refreshes the index after the checkout
    samples = {row.key: {"sop": [], "git": []} for row in ROWS}
    failures = []
    load_before = os.getloadavg()
    started = time.time()
    for phase in PHASES:
        rows = phase_rows(phase)
        if phase != "import":
            say(f"{phase}: warming up")
            one_round(bench, [r for r in rows if not r.slow], None, failures)
        for k in range(runs):
            say(f"{phase}: round {k + 1} of {runs}")
            todo = [r for r in rows if not r.slow or k < slow_runs]
            one_round(bench, todo, samples, failures)
    return {
        "repository": summary,
        "machine": {
            "cores": os.cpu_count(),
            "load_before": [round(x, 2) for x in load_before],
            "load_after": [round(x, 2) for x in os.getloadavg()],
            "system": platform.platform(),
        },
        "git": run(["git", "--version"], env=env).decode().strip(),
        "sop": run([sop, "--version"], env=env).decode().strip(),
        "sop_path": sop,
        "runs": runs,
        "slow_runs": slow_runs,
        "import_rows": import_rows,
        "commits_at_start": bench.commits,
        "seconds": round(time.time() - started, 1),
        "failures": failures,
        "rows": [row_json(row, samples[row.key], bench) for row in ROWS],
    }


def back_to_build(repo, env, head):
    """An earlier timing added commits (hand edits that `sop verify` rightly reports): go
    back to the repository as built."""
    if run(["git", "rev-parse", "HEAD"], cwd=repo, env=env).decode().strip() != head:
        say(f"resetting {repo} to the commit it was built with")
        run(["git", "reset", "--quiet", "--hard", head], cwd=repo, env=env)
        run(["git", "clean", "-fdq"], cwd=repo, env=env)


def phase_rows(phase):
    rows = [r for r in ROWS if r.phase == phase]
    if phase == "read":
        rows.sort(key=lambda r: READ_ORDER.index(r.key))
    return rows


def one_round(bench, rows, samples, failures):
    """Each row once, sop then git; `samples` None: a warm-up, not kept."""
    bench.round += 1
    for row in rows:
        for name in ("sop", "git"):
            side = getattr(row, name)
            if side is None:
                continue
            if side.prep:
                side.prep(bench)
            command = side.command(bench)
            sample = measure(command, bench.repo, bench.env)
            if sample.exit not in side.exits:
                shown = command if isinstance(command, str) else " ".join(command)
                failures.append({"row": row.key, "side": name, "command": shown,
                                 "exit": sample.exit, "stderr": measure.stderr})
                say(f"  {row.key} ({name}) exited {sample.exit}: {shown}\n{measure.stderr}")
            if samples is not None:
                samples[row.key][name].append(sample)
            if side.after:
                side.after(bench)


def row_json(row, samples, bench):
    out = {"key": row.key, "operation": row.label.format(import_rows=bench.import_rows)}
    for name in ("sop", "git"):
        side = getattr(row, name)
        if side is None:
            out[name] = None
            continue
        scale = side.scale(bench)
        out[name] = {
            "command": side.label(bench) if callable(side.label) else side.label,
            "scale": round(scale, 3),
            "samples": [s.as_json() for s in samples[name]],
            "median_wall": scaled(median(samples[name], "wall"), scale),
            "median_cpu": scaled(median(samples[name], "cpu"), scale),
            "peak_rss_mb": max((s.rss_mb for s in samples[name]), default=None),
        }
    return out


def scaled(value, scale):
    return None if value is None else round(value * scale, 4)


def markdown(results):
    """The side-by-side table, with a line saying what was measured."""
    repo = results["repository"]
    statuses = ", ".join(f"{share(n, repo['requests'])} {s}" for s, n in repo["by_status"].items())
    machine = results["machine"]
    lines = [
        f"{repo['requests']:,} requests over {len(repo['by_procedure'])} procedures "
        f"({statuses}); {results['commits_at_start']:,} commits"
        f"{' (SSH-signed)' if repo['signed'] else ''}; .git {repo['git_dir_mb']:,} MB after "
        f"`git gc`. {results['sop']}, {results['git']}, {machine['cores']} cores, load "
        f"{machine['load_before'][0]}–{machine['load_after'][0]}. Medians of "
        f"{results['runs']} interleaved runs ({results['slow_runs']} for whole-history "
        f"rows); peak RSS is the largest of the runs.",
        "",
        "| operation | sop | sop CPU | sop peak RSS | git doing the same | git | git ÷ sop |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in results["rows"]:
        sop, git = row["sop"], row["git"]
        cells = [row["operation"], duration(sop["median_wall"]), duration(sop["median_cpu"]),
                 megabytes(sop["peak_rss_mb"])]
        if git:
            label = git["command"]
            if git["scale"] != 1:
                label += f", ×{git['scale']:,.1f}"
            cells += [label, duration(git["median_wall"]), ratio(git["median_wall"],
                                                                  sop["median_wall"])]
        else:
            cells += ["—", "", ""]
        lines.append("| " + " | ".join(cells) + " |")
    peak = max(results["rows"], key=lambda r: r["sop"]["peak_rss_mb"] or 0)
    lines.append(f"| peak memory, any sop command | | | {megabytes(peak['sop']['peak_rss_mb'])} "
                 f"({peak['operation']}) | | | |")
    if results["failures"]:
        lines += ["", f"**{len(results['failures'])} run(s) failed**: see results.json."]
    return "\n".join(lines) + "\n"


def growth(results):
    """sop's medians at several sizes side by side (wall / CPU), and how much the CPU time
    grows from each size to the next (steadier than wall time on a shared machine)."""
    results = sorted(results, key=lambda r: r["repository"]["requests"])
    sizes = [f"{r['repository']['requests']:,}" for r in results]
    head = ["operation"] + sizes + [f"{a} → {b}" for a, b in zip(sizes, sizes[1:])]
    lines = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for k, row in enumerate(results[0]["rows"]):
        sops = [r["rows"][k]["sop"] for r in results]
        cells = [row["operation"]]
        cells += [f"{duration(s['median_wall'])} / {duration(s['median_cpu'])}" for s in sops]
        cells += [ratio(b["median_cpu"], a["median_cpu"]) for a, b in zip(sops, sops[1:])]
        lines.append("| " + " | ".join(cells) + " |")
    commits = ", ".join(f"{r['commits_at_start']:,}" for r in results)
    return "\n".join(lines) + (f"\n\nsop's medians, wall / CPU; the growth is of CPU time. "
                               f"Commits: {commits}.\n")


def share(n, total):
    return f"{100 * n / total:.0f} %"


def duration(seconds):
    if seconds is None:
        return "—"
    if seconds < 0.01:
        return f"{seconds * 1000:.1f} ms"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    if seconds < 10:
        return f"{seconds:.2f} s"
    return f"{seconds:.1f} s"


def megabytes(mb):
    return "—" if mb is None else f"{mb:,.0f} MB"


def ratio(git, sop):
    if not git or not sop:
        return ""
    r = git / sop
    return f"{r:.0f}×" if r >= 10 else f"{r:.1f}×"

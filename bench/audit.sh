#!/usr/bin/env bash
# Audit performance: `sop verify` and `sop log` on a records repository of REQUESTS requests
# with 4 SSH-signed commits each (default 10,000 requests, 40,000 commits), next to
# `git log --show-signature` over the same history, which runs ssh-keygen once per commit.
#
# Usage: bench/audit.sh [WORKDIR]        (default: a new folder under /tmp)
# Environment: REQUESTS (10000), REUSE (1: keep WORKDIR's repository from an earlier run), BASELINE_COMMITS (all; e.g. 4000 to time git on the newest
# 4,000 commits only and extrapolate), REPACK (1: `git repack -adf` after generating, as gc
# would leave it; 0: keep the undeltified pack the generator writes).
# Needs: cargo, git, ssh-keygen, python3 (with the `cryptography` package the generator signs
# in process; without it, it runs ssh-keygen per commit, several minutes slower).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d /tmp/sop-audit-bench.XXXXXX)}
requests=${REQUESTS:-10000}

step() { printf '\n== %s\n' "$*" >&2; }
# Wall time and CPU time (user+sys) of a command, its output discarded.
timed() {
    local label=$1
    shift
    local start end
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$work/cpu" "$@" >/dev/null 2>"$work/stderr" || {
        local rc=$?
        echo "$label: exit $rc" >&2
        tail -5 "$work/stderr" >&2
    }
    end=$(date +%s.%N)
    read -r user sys <"$work/cpu"
    printf '%-48s wall %8.3f s   cpu %8.3f s\n' "$label" \
        "$(echo "$end - $start" | bc)" "$(echo "$user + $sys" | bc)"
}

step "building sop (release)"
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
sop="$here/target/release/sop"

# From here on, a hermetic git: no user or system configuration.
mkdir -p "$work/home"
export HOME="$work/home" GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1 LANG=C
unset SOP_RECORDS SOP_ACTOR SOP_NOW

repo="$work/records"
if [ "${REUSE:-0}" = 1 ] && [ -d "$repo" ]; then
    step "reusing $repo"
    cd "$repo"
else
    step "generating $requests requests, $((requests * 4)) signed commits in $repo"
    rm -rf "$repo" "$work/template"
    start=$(date +%s)
    python3 "$here/bench/gen_audit_repo.py" "$sop" "$work" "$requests" >/dev/null
    echo "generated in $(($(date +%s) - start)) s" >&2
    cd "$repo"
    if [ "${REPACK:-1}" = 1 ]; then
        start=$(date +%s)
        git repack -adfq
        echo "git repack -adf in $(($(date +%s) - start)) s" >&2
    fi
fi
commits=$(git rev-list --count HEAD)
echo "repository: $commits commits, $(find requests -name '*.toml' | wc -l) request files, .git $(du -sh .git | cut -f1)" >&2

# git needs the allowed signers to check SSH signatures.
for who in rizky putri dewi sri; do
    echo "$who@diskominfo.example.go.id namespaces=\"git\" $(cat "$work/keys/$who.pub")"
done >"$work/allowed_signers"
git config gpg.ssh.allowedSignersFile "$work/allowed_signers"

id=$(git log -1 --format=%s | cut -d' ' -f1)             # a request changed last
old=$(find requests -name '*.toml' | sort | sed -n '1s|.*/\(.*\)\.toml$|\1|p')

step "results ($commits commits)"
"$sop" verify >/dev/null 2>"$work/verify.out" && echo "sop verify: $(cat "$work/verify.out")" >&2
timed "sop verify (all $commits commits)" "$sop" verify
timed "sop verify --range HEAD~400..HEAD" "$sop" verify --range HEAD~400..HEAD
timed "sop verify $old (one request)" "$sop" verify "$old"
rm -f .git/sop-commits-by-request .git/sop-commits-by-request.head
timed "sop log $old (cold: builds the index)" "$sop" log "$old"
timed "sop log $old (warm)" "$sop" log "$old"
timed "sop log $id (warm)" "$sop" log "$id"
git commit -q --allow-empty -m "an unrelated commit"
timed "sop log $id (1 new commit to index)" "$sop" log "$id"
git reset -q --hard HEAD~1
timed "git log -- one request file (no commit-graph)" git log --format=%H -- "$(find requests -name "$old.toml")"
if [ -n "${BASELINE_COMMITS:-}" ]; then
    timed "git log --show-signature -n $BASELINE_COMMITS" git log --show-signature -n "$BASELINE_COMMITS"
else
    timed "git log --show-signature (all $commits commits)" git log --show-signature
fi
echo "signature marks of the newest 200 commits: $(git log -n 200 --format=%G? | sort | uniq -c | tr -s " \n" " ")" >&2

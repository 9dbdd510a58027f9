#!/bin/sh
# The asset register at scale: a repository of 100,000 assets, then
#   1. `sop asset import` of 10,000 more from CSV with --key (one commit; aim: < 3 s),
#   2. the same import again (10,000 unchanged rows, no commit),
#   3. 200 files registered one by one with `git add` + `git commit` (extrapolated to 10,000),
#   4. `sop asset add` in a loop over 200 assets (extrapolated to 10,000).
# Usage: bench/assets.sh [WORKDIR]   (default: a new temp folder; needs ~1 GB)
set -eu
cd "$(dirname "$0")/.."
cargo build --release -q
SOP=$PWD/target/release/sop
W=${1:-$(mktemp -d)}
mkdir -p "$W/home"
export HOME="$W/home" XDG_CONFIG_HOME="$W/home/.config" GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
export SOP_ACTOR=eko LANG=C
R="$W/office"
N=${N:-100000}
M=${M:-10000}

now() { date +%s.%N; }
took() { echo "$2 - $1" | bc; }

"$SOP" init --example "$R" >/dev/null 2>&1
cd "$R"
git config user.name Bench && git config user.email bench@example.id

awk -v n="$N" 'BEGIN { print "kind,name,serial,location,acquired,value,attr.ram";
  for (i = 1; i <= n; i++) printf "hardware,Komputer %d,BASE-%07d,Ruang %d,2024-01-15,%d,8GB\n", i, i, i % 50, 1000000 + i }' > "$W/base.csv"
awk -v m="$M" 'BEGIN { print "kind,name,serial,location,acquired,value,attr.ram";
  for (i = 1; i <= m; i++) printf "software,Aplikasi %d,NEW-%07d,Ruang %d,2025-03-01,%d,16GB\n", i, i, i % 50, 500000 + i }' > "$W/new.csv"

t0=$(now); "$SOP" asset import "$W/base.csv" >/dev/null; t1=$(now)
echo "setup: import of $N assets into an empty register: $(took "$t0" "$t1") s"
echo "repository: $(git ls-files | wc -l) files, index $(du -h .git/index | cut -f1)"

t0=$(now); "$SOP" asset import "$W/new.csv" --key serial; t1=$(now)
echo "RESULT import of $M new assets with --key serial into $N: $(took "$t0" "$t1") s"
echo "  last commit: $(git log -1 --format=%s), $(git show --name-only --format= HEAD | wc -l) files; git status: $(git status --porcelain | wc -l) changes"

t0=$(now); "$SOP" asset import "$W/new.csv" --key serial; t1=$(now)
echo "RESULT the same import again (all unchanged): $(took "$t0" "$t1") s"

t0=$(now); "$SOP" asset import "$W/new.csv" --key serial --dry-run >/dev/null; t1=$(now)
echo "RESULT --dry-run of it: $(took "$t0" "$t1") s"

sed 's/,2025-03-01,/,2025-04-01,/' "$W/new.csv" > "$W/changed.csv"
t0=$(now); "$SOP" asset import "$W/changed.csv" --key serial; t1=$(now)
echo "RESULT import updating all $M of them: $(took "$t0" "$t1") s"

mkdir -p assets/ZZ
t0=$(now)
for i in $(seq 1 200); do
  f=assets/ZZ/AST-ZZGIT$(printf %05d "$i").toml
  printf 'id = "AST-ZZGIT%05d"\nkind = "hardware"\nname = "Git %d"\nstatus = "in-stock"\n' "$i" "$i" > "$f"
  git add "$f" && git commit -q -m "add $f"
done
t1=$(now)
g=$(took "$t0" "$t1")
echo "RESULT git add + git commit, 200 files one by one: $g s ($(echo "$g / 200" | bc -l | cut -c1-6) s each; 10,000 would take $(echo "$g * 50" | bc) s)"

t0=$(now)
for i in $(seq 1 200); do
  "$SOP" asset add --kind hardware --name "Loop $i" --serial "LOOP-$i" >/dev/null 2>&1
done
t1=$(now)
s=$(took "$t0" "$t1")
echo "RESULT sop asset add, 200 in a loop: $s s ($(echo "$s / 200" | bc -l | cut -c1-6) s each; 10,000 would take $(echo "$s * 50" | bc) s)"

t0=$(now); "$SOP" asset list --status in-use --format csv | wc -l; t1=$(now)
echo "RESULT sop asset list --status in-use over $(git ls-files assets | wc -l) assets: $(took "$t0" "$t1") s"
echo "git status: $(git status --porcelain | wc -l) changes; commits: $(git rev-list --count HEAD)"

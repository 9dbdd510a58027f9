#!/bin/sh
# Peak memory of `sop asset import` on an ordinary file and on two hostile ones:
#   1. 10,000 rows of 7 columns (ordinary),
#   2. one header of 1,000,000 attr.* columns and one row,
#   3. one row whose location cell is 200 MB.
# Each runs in a fresh example office; prints exit code, wall time, peak RSS (GNU time -v)
# and the size of what was committed.
# Usage: bench/limits.sh [WORKDIR]   (SOP=/path/to/sop times that binary; needs ~1.5 GB disk)
set -eu
cd "$(dirname "$0")/.."
if [ -z "${SOP:-}" ]; then
  cargo build --release -q
  SOP=$PWD/target/release/sop
fi
W=${1:-$(mktemp -d)}
mkdir -p "$W/home"
export HOME="$W/home" XDG_CONFIG_HOME="$W/home/.config" GIT_CONFIG_NOSYSTEM=1 NO_COLOR=1
export SOP_ACTOR=eko LANG=C

[ -f "$W/rows.csv" ] || awk 'BEGIN { print "kind,name,serial,location,acquired,value,attr.ram";
  for (i = 1; i <= 10000; i++) printf "hardware,Komputer %d,SER-%07d,Ruang %d,2024-01-15,%d,8GB\n", i, i, i % 50, 1000000 + i }' > "$W/rows.csv"
[ -f "$W/columns.csv" ] || awk 'BEGIN { printf "kind,name"; for (i = 1; i <= 999998; i++) printf ",attr.c%d", i; printf "\nhardware,PC";
  for (i = 1; i <= 999998; i++) printf ",x"; printf "\n" }' > "$W/columns.csv"
[ -f "$W/cell.csv" ] || { printf 'kind,name,location\nhardware,PC,' > "$W/cell.csv";
  head -c 200000000 /dev/zero | tr '\0' x >> "$W/cell.csv"; printf '\n' >> "$W/cell.csv"; }

for case in rows columns cell; do
  R="$W/office-$case"
  rm -rf "$R"
  "$SOP" init --example "$R" >/dev/null 2>&1
  before=$(du -sk "$R/.git" | cut -f1)
  cd "$R"
  set +e
  /usr/bin/time -v "$SOP" asset import "$W/$case.csv" >"$W/$case.out" 2>"$W/$case.err"
  code=$?
  set -e
  cd - >/dev/null
  after=$(du -sk "$R/.git" | cut -f1)
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$W/$case.err")
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$W/$case.err")
  said=$(grep -v '^\s' "$W/$case.err" | grep -v 'Command' | head -2 | cut -c1-160 | tr '\n' ' ')
  echo "RESULT $case.csv ($(du -h "$W/$case.csv" | cut -f1)): exit $code, $wall wall, peak RSS $((rss / 1024)) MB, .git grew $(((after - before) / 1024)) MB; $said"
done

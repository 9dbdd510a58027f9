#!/usr/bin/env bash
# bench/kills.sh [KILLS] [WORKDIR]: SIGKILLs sop changes at random moments (0-25 ms after
# they start), KILLS times (default 3,000), on an example office; then checks that nothing is
# wedged or left behind: the next command mends the repository, `git status` is clean, no
# lock or temporary file remains in .git, `sop verify` passes, and plain `git commit` works.
# Builds the release binary (SOP=/path/to/sop to use another).
set -euo pipefail
KILLS=${1:-3000}
WORK=${2:-$(mktemp -d)}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${SOP:-}" ]; then
  cargo build --release --quiet --manifest-path "$ROOT/Cargo.toml"
  SOP="$ROOT/target/release/sop"
fi
export HOME="$WORK" XDG_CONFIG_HOME="$WORK/.config" NO_COLOR=1 GIT_CONFIG_NOSYSTEM=1
rm -rf "$WORK/office"
"$SOP" init --example "$WORK/office" >/dev/null 2>&1
cd "$WORK/office"
fields=(--field nama_lengkap=Bench --field email_diminta=bench@kota.go.id)
ids=()
interrupted=0
for ((i = 0; i < KILLS; i++)); do
  n=${#ids[@]}
  pick=$((RANDOM % (n + 1)))
  if ((pick == n)); then
    "$SOP" --as putri new email "${fields[@]}" >"$WORK/out" 2>/dev/null &
  elif ((RANDOM % 2)); then
    "$SOP" --as putri advance "${ids[$pick]}" >/dev/null 2>&1 &
  else
    "$SOP" --as dewi advance "${ids[$pick]}" >/dev/null 2>&1 &
  fi
  pid=$!
  sleep "0.0$(printf '%02d' $((RANDOM % 26)))"
  if kill -9 "$pid" 2>/dev/null; then interrupted=$((interrupted + 1)); fi
  wait "$pid" 2>/dev/null || true
  if ((pick == n)) && read -r id <"$WORK/out" 2>/dev/null && [[ $id == EML-* ]]; then
    ids+=("$id")
  fi
done
echo "killed $KILLS changes ($interrupted still running when killed); ${#ids[@]} requests made"
"$SOP" list >/dev/null
status=$(git status --porcelain --untracked-files=all)
left=$(find .git -path .git/objects -prune -o \( -name '*.lock' ! -name sop.lock -o -name '*.sop-tmp' -o -name '.tmp*' -o -name 'sop-journal' -o -name 'sop-index*' \) -print)
record=$(cat .git/sop.lock 2>/dev/null || true)
fail=0
[ -z "$status" ] || { echo "FAIL: git status: $status"; fail=1; }
[ -z "$left" ] || { echo "FAIL: left in .git: $left"; fail=1; }
[ -z "$record" ] || { echo "FAIL: sop.lock still records: $record"; fail=1; }
"$SOP" --as rizky verify >/dev/null || { echo "FAIL: sop verify"; fail=1; }
git -c user.name=Bench -c user.email=bench@example.id commit -q --allow-empty -m "plain git" || { echo "FAIL: git commit"; fail=1; }
"$SOP" --as putri new email "${fields[@]}" >/dev/null || { echo "FAIL: a change after the kills"; fail=1; }
if ((fail)); then exit 1; fi
echo "ok: no wedge, nothing left behind, verify clean, plain git commit works"

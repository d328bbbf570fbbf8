#!/usr/bin/env bash
# Times `vstream diff` between two revisions of a generated repository against `vstream check` of the same files,
# with a release build. The repository (bench/generate.py's 1000x20 streams by default) is committed once, then a
# second commit changes some files: a longer wait in one step of each, and every tenth of those moved to another
# folder (followed by stream id). The goal: the comparison, which checks both sides, in less than twice a check.
# Usage: bench/diff.sh [--files N] [--changed N] [--quick] [--keep]   (--keep leaves the repository for profiling)
set -euo pipefail
cd "$(dirname "$0")/.."
files=1000
steps=20
changed=50
runs=(--warmup 1 --min-runs 10)
keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --files) shift; files="$1" ;;
    --changed) shift; changed="$1" ;;
    --quick) files=100; changed=10; runs=(--warmup 1 --runs 3) ;;
    --keep) keep=true ;;
    *) echo "usage: bench/diff.sh [--files N] [--changed N] [--quick] [--keep]" >&2; exit 2 ;;
  esac
  shift
done
command -v hyperfine >/dev/null || { echo "bench/diff.sh needs hyperfine" >&2; exit 2; }

swift build -c release --product vstream >/dev/null
vstream="$PWD/.build/release/vstream"
work=$(mktemp -d)
if $keep; then echo "the repository: $work/repo"; else trap 'rm -rf "$work"' EXIT; fi

# The streams only (not the YAML and D2 twins generate.py writes beside them for the peers).
python3 - "$work/corpus" "$files" "$steps" <<'PY'
import random, sys
sys.path.insert(0, "bench")
import generate
generate.repository(sys.argv[1], random.Random(1), int(sys.argv[2]), int(sys.argv[3]))
PY
repo="$work/repo"
mkdir -p "$repo"
cp -R "$work/corpus/vstream/." "$repo/"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com GIT_COMMITTER_NAME=bench
export GIT_COMMITTER_EMAIL=bench@example.com GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z
export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
git -C "$repo" init -q
git -C "$repo" add -A .
git -C "$repo" commit -q -m base
python3 - "$repo" "$changed" <<'PY'
import os, re, sys
root, changed = sys.argv[1], int(sys.argv[2])
paths = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) if ".git" not in d for f in fs if f.endswith(".vstream"))
for index, path in enumerate(paths[:changed]):
    text = open(path).read()
    text = re.sub(r"(?m)^  wait .*$", "  wait 3d", text, count=1)
    if index % 10 == 0:
        os.remove(path)
        path = os.path.join(root, "moved", os.path.basename(path))
        os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").write(text)
PY
git -C "$repo" add -A .
git -C "$repo" commit -q -m head
# Packed, as a clone or a CI checkout is: loose objects cost git a file each (about 50 ms more per 1,000 files).
git -C "$repo" gc -q

cd "$repo"
# Deterministic: two runs give the same bytes.
"$vstream" diff HEAD~1 HEAD --format json > "$work/one.json" || true
"$vstream" diff HEAD~1 HEAD --format json > "$work/two.json" || true
cmp -s "$work/one.json" "$work/two.json" || { echo "vstream diff gave different bytes on two runs" >&2; exit 1; }
python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print("compared:", s)' "$work/one.json"

hyperfine -N "${runs[@]}" -i --export-json "$work/times.json" \
  "$vstream check --quiet ." \
  "$vstream diff HEAD~1 HEAD --format json" >/dev/null
# The wall-clock ratio moves with whatever else the machine runs; the CPU time (user + system) beside it less so.
python3 - "$work/times.json" "$files" "$changed" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
check, diff = (r["median"] for r in results)
cpu = [r["user"] + r["system"] for r in results]
print(f"{sys.argv[2]} files, {sys.argv[3]} changed: check {check * 1000:.0f} ms, diff {diff * 1000:.0f} ms "
      f"(median wall clock), diff / check = {diff / check:.2f}; CPU {cpu[0] * 1000:.0f} ms and "
      f"{cpu[1] * 1000:.0f} ms, ratio {cpu[1] / cpu[0]:.2f}")
PY

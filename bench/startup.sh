#!/usr/bin/env bash
# Start-up: what every editor keystroke and every pre-commit hook pays before any work. Times `vstream --version`
# and a one-file `vstream check` for the release binary (scripts/release.sh: Swift runtime, Foundation and libyaml
# linked in statically, stripped) and for the ordinary dynamic release build, beside `/bin/true` (a dynamically
# linked C program: what creating any process costs on this machine). Then profiles the release binary's start-up:
# `perf stat` (task clock, page faults), the loader's own statistics (LD_DEBUG=statistics) and `strace -c`.
#
# Usage: bench/startup.sh [--quick] [--file FILE] [--out DIR]
#   writes DIR/startup.json (hyperfine) and DIR/startup-profile.txt, and prints a table; DIR defaults to bench/out.
# hyperfine runs each command without a shell (-N). On a shared machine the times are noisy: run it twice and look
# at the medians and minimums, not the means.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
file=examples/restore-live-service.vstream
out=bench/out
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --file) shift; file="$1" ;;
    --out) shift; out="$1" ;;
    *) echo "usage: bench/startup.sh [--quick] [--file FILE] [--out DIR]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
command -v hyperfine >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null; }

swift build -c release --product vstream >/dev/null
dynamic="$PWD/.build/release/vstream"
# The release binary as shipped: unpacked from dist/'s tarball (scripts/release.sh builds it when missing).
tarball=$(ls dist/vstream-*-linux-x86_64.tar.gz 2>/dev/null | head -1 || true)
if [ -z "$tarball" ]; then
  scripts/release.sh >/dev/null
  tarball=$(ls dist/vstream-*-linux-x86_64.tar.gz | head -1)
fi
rm -rf "$out/release" && mkdir -p "$out/release"
tar -xzf "$tarball" -C "$out/release" --strip-components=1
static="$PWD/$out/release/vstream"

runs=(--warmup 10 --min-runs 200)
$quick && runs=(--warmup 3 --min-runs 30)
hyperfine -N "${runs[@]}" --style none --export-json "$out/startup.json" \
  -n "/bin/true (process floor)" "/bin/true" \
  -n "vstream --version (release binary)" "$static --version" \
  -n "vstream --version (dynamic build)" "$dynamic --version" \
  -n "vstream check, one file (release binary)" "$static check --quiet $file" \
  -n "vstream check, one file (dynamic build)" "$dynamic check --quiet $file" \
  >/dev/null 2>&1

python3 - "$out/startup.json" <<'PY'
import json, sys
# CPU time (user + system) moves less than wall-clock time when other processes share the cores.
print("| command | median ms | min ms | CPU ms (mean user + sys) |")
print("| --- | ---: | ---: | ---: |")
for r in json.load(open(sys.argv[1]))["results"]:
    cpu = (r["user"] + r["system"]) * 1000
    print(f"| {r['command']} | {r['median'] * 1000:.1f} | {r['min'] * 1000:.1f} | {cpu:.1f} |")
PY

{
  echo "# Start-up profile of the release binary ($static)"
  echo
  echo "## ldd"
  ldd "$static" || true
  echo
  echo "## perf stat -r 50 vstream --version"
  if command -v perf >/dev/null && perf stat -r 50 -e task-clock,page-faults "$static" --version 2>&1 >/dev/null | grep -E "task-clock|page-faults|elapsed"; then :; else echo "(perf is not available)"; fi
  echo
  echo "## perf stat -r 50 /bin/true (the floor)"
  if command -v perf >/dev/null && perf stat -r 50 -e task-clock,page-faults /bin/true 2>&1 >/dev/null | grep -E "task-clock|page-faults|elapsed"; then :; else echo "(perf is not available)"; fi
  echo
  echo "## LD_DEBUG=statistics vstream --version (the dynamic loader's share)"
  LD_DEBUG=statistics "$static" --version 2>&1 >/dev/null | sed 's/^ *[0-9]*:\s*//' | grep -v '^$' || true
  echo
  echo "## strace -c -f vstream check (system calls)"
  if command -v strace >/dev/null; then strace -c -f "$static" check --quiet "$file" 2>&1 >/dev/null | tail -n +1; else echo "(strace is not available)"; fi
} > "$out/startup-profile.txt" 2>&1
echo "(profile: $out/startup-profile.txt)"

#!/usr/bin/env bash
# Times `vstream preview` from a save to the reload event its pages receive, on a generated stream of 100 steps
# (by default), from a release build, with Graphviz and without (PATH without dot: the page says why it has no
# diagram, and what is left is vstream's own share); then its CPU use while idle.
# Usage: bench/preview.sh [STEPS] [SAVES]   (SAVES: 30 by default; with Graphviz each save waits for its diagram)
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-100}
saves=${2:-30}
swift build -c release --product vstream >/dev/null
vstream="$PWD/.build/release/vstream"
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
python3 bench/generate.py --seed 1 --one-stream "$steps" --out "$work/stream.vstream"
"$vstream" check --quiet "$work/stream.vstream" >/dev/null
echo "stream: $steps steps, $(wc -c <"$work/stream.vstream") bytes"
for variant in "with Graphviz" "without Graphviz"; do
  path="$PATH"
  [ "$variant" = "without Graphviz" ] && path="/nonexistent"
  PATH="$path" "$vstream" preview "$work/stream.vstream" --port 0 >"$work/out" 2>"$work/err" &
  server=$!
  for _ in $(seq 100); do [ -s "$work/out" ] && break; sleep 0.1; done
  echo "== $variant"
  settle=0.3
  [ "$variant" = "with Graphviz" ] && settle=5
  python3 bench/preview_latency.py "$(head -n 1 "$work/out")" "$work/stream.vstream" "$server" "$saves" 5 "$settle"
  kill "$server"
  wait "$server" || true
  server=""
  # The server's own figure: from the wake-up to the event sent, without the watcher's coalescing wait.
  for kind in "stream; reloaded" "diagrams; reloaded"; do
    grep "$kind in" "$work/err" | grep -o 'reloaded in [0-9.]* ms' | awk '{print $3}' | sort -n \
      | awk -v kind="$kind" '{a[NR]=$1} END {if (NR) printf "inside the server, save to %s: median %.1f ms, max %.1f ms\n",
          (kind ~ /diagrams/ ? "the pages with the new diagram" : "the first reload"), a[int((NR+1)/2)], a[NR]}'
  done
  grep "stream; reloaded in" "$work/err" | grep -o 'rebuild: [0-9.]* ms of CPU' | awk '{print $2}' | sort -n \
    | awk '{a[NR]=$1} END {if (NR) printf "the rebuild itself (thread CPU time, not disturbed by other load): median %.1f ms, max %.1f ms\n", a[int((NR+1)/2)], a[NR]}'
done

#!/usr/bin/env bash
# Times the flow analysis on one generated stream of 100,000 steps with rework loops (a `rework` arrow every 11
# steps, a skip every 7, the chain written as the `main` path): `vstream check` (every rule, the forward-loop and
# rework checks included) and `vstream build --format json` (the checked model and its metrics). Release build.
# Usage: bench/flow.sh [STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-100000}
# shellcheck source=bench/release.sh
source bench/release.sh
python3 bench/generate.py --seed 1 --one-stream "$steps" --out "$work/flow.vstream"
echo "stream: $steps steps, $(wc -c < "$work/flow.vstream") bytes, $(grep -c '^rework' "$work/flow.vstream") rework arrows"
"$vstream" check --quiet "$work/flow.vstream" >/dev/null || { "$vstream" check "$work/flow.vstream" | tail -5; exit 1; }
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --min-runs 5 -N \
    "$vstream check --quiet $work/flow.vstream" \
    "$vstream build --format json $work/flow.vstream"
else
  for command in "check --quiet" "build --format json"; do
    for run in 1 2 3; do
      /usr/bin/env time -f "$command: %e s, %M KB" "$vstream" $command "$work/flow.vstream" >/dev/null
    done
  done
fi

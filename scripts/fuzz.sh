#!/usr/bin/env bash
# Runs one libFuzzer target for a bounded time and fails on any finding.
#
#   scripts/fuzz.sh TARGET SECONDS [LIBFUZZER-FLAG...]
#
# TARGET is front-matter (VStreamYAML, vstream.yml and the front matter checks), parser (lexer and parser) or
# pipeline (check, every report format and back end, fmt). The targets are built with address sanitizer and
# libFuzzer in .build-fuzz (VSTREAM_FUZZ=1 declares them in Package.swift). Each input must also keep the
# invariants in Sources/FuzzSupport: ranges inside the file, known codes, fmt output that re-parses and is a fixed
# point, valid JSON reports.
#
# Seeds: every .vstream of specs/cases and examples (their front matter for front-matter), examples/ci/vstream.yml,
# and fuzz/seeds/TARGET if present. The working corpus grows in fuzz/corpus/TARGET (not committed). A crash, an
# input slower than 10 s, more than 2 GiB of memory or a single allocation over 512 MiB is a finding: the input is
# saved in fuzz/artifacts/TARGET/ and the script exits 1. Reproduce with
#   .build-fuzz/release/FuzzParser fuzz/artifacts/parser/crash-...
# then turn the input into a regression case (specs/cases/hostile/ or a unit test).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: scripts/fuzz.sh front-matter|parser|pipeline SECONDS [LIBFUZZER-FLAG...]" >&2
  exit 2
}
[ "$#" -ge 2 ] || usage
target=$1
seconds=$2
shift 2
case "$seconds" in '' | *[!0-9]*) usage ;; esac
case "$target" in
  front-matter) product=FuzzFrontMatter dictionary=fuzz/yaml.dict max_len=4096 ;;
  parser) product=FuzzParser dictionary=fuzz/vstream.dict max_len=16384 ;;
  pipeline) product=FuzzPipeline dictionary=fuzz/vstream.dict max_len=8192 ;;
  *) usage ;;
esac

scratch=.build-fuzz
VSTREAM_FUZZ=1 swift build --scratch-path "$scratch" -c release --product "$product" \
  -Xswiftc -sanitize=fuzzer,address >&2
binary="$scratch/release/$product"

corpus="fuzz/corpus/$target"
artifacts="fuzz/artifacts/$target"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$corpus" "$artifacts"

# The seeds, as a file list for -seed_inputs (so that files with the same name in different folders all count).
seeds="$work/seeds"
mkdir -p "$seeds"
if [ "$target" = front-matter ]; then
  # The YAML between the fences of each case and example, one seed each.
  find specs/cases examples -name '*.vstream' | sort | while read -r path; do
    awk 'NR == 1 { sub(/^\xef\xbb\xbf/, ""); sub(/\r$/, ""); if ($0 !~ /^---[ \t]*$/) exit; next }
         { line = $0; sub(/\r$/, "", line); if (line ~ /^(---|\.\.\.)[ \t]*$/) exit; print }' "$path" \
      >"$seeds/$(echo "$path" | tr / _).yml"
  done
  find "$seeds" -empty -delete
  cp examples/ci/vstream.yml "$seeds/examples_ci_vstream.yml"
else
  find specs/cases examples -name '*.vstream' | sort | while read -r path; do
    cp "$path" "$seeds/$(echo "$path" | tr / _)"
  done
fi
if [ -d "fuzz/seeds/$target" ]; then cp "fuzz/seeds/$target"/* "$seeds/" 2>/dev/null || true; fi
find "$seeds" -type f | sort | paste -sd, - >"$work/seed-list"

log="$work/log"
status=0
started=$(date +%s)
# Swift's own backtracer is off: it runs inside the crashed process and trips over ASan's shadow memory; libFuzzer
# prints the stack instead.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" "$binary" \
  -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=512 \
  -dict="$dictionary" -seed_inputs=@"$work/seed-list" -artifact_prefix="$artifacts/" -print_final_stats=1 \
  "$@" "$corpus" >"$log" 2>&1 || status=$?

executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
elapsed=$(($(date +%s) - started))
echo "fuzz $target: ${executions:-?} executions in ${elapsed}s, corpus $(find "$corpus" -type f | wc -l) inputs"
if [ "$status" -ne 0 ]; then
  tail -60 "$log" >&2
  echo "fuzz $target: FINDING (exit status $status); inputs saved in $artifacts/:" >&2
  ls -1t "$artifacts" | head -5 >&2
  exit 1
fi

#!/usr/bin/env bash
# Runs the release vstream over hostile inputs too large to commit as conformance cases (those are generated here,
# the same bytes every run) and checks that each one gets a clear diagnostic with a bounded run time, memory and
# output, and that no build leaves a partial output behind.
#
#   scripts/hostile.sh [VSTREAM-BINARY]
#
# Without an argument it builds the release binary. Bounds, per case: 60 s (a hang), peak memory at most
# 8 × the input's size + 100 MB, at most 1 MB of output. It prints a table with the measured time and memory and the
# ratio of peak memory to the input's size. The small hostile files live in specs/cases/hostile/ and are checked by
# the conformance tests; the permission cases (read-only --out, unreadable files) by Tests/CLITests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -ge 1 ]; then
  binary=$(realpath "$1")
else
  swift build -c release --product vstream >&2
  binary=$(realpath .build/release/vstream)
fi
command -v /usr/bin/time >/dev/null || { echo "hostile.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

echo "generating the inputs in $work" >&2
python3 - <<'EOF'
import random

rng = random.Random(8)
MB = 1_000_000


def write(name, text):
    with open(name, "w", newline="") as out:
        out.write(text)


def steps(count, prefix="s"):
    return "".join(
        f'step {prefix}{i} "Step {i}"\n  activity {"engage" if i == 0 else "deliver-and-support"}\n'
        f"  practices service-desk, incident-management\n  time {1 + i % 50}m\n  wait {i % 9}h\n\n"
        for i in range(count))


def flow(count, per_line=8, prefix="s"):
    nodes = ["need"] + [f"{prefix}{i}" for i in range(count)] + ["done"]
    lines = [" -> ".join(nodes[i:i + per_line]) for i in range(0, len(nodes), per_line)]
    return "flow " + "\n  -> ".join(lines) + "\n"


HEADER = '---\ntitle: "Hostile"\nowner: Bench\n---\nstream hostile "Hostile"\n\ndemand need "Need"\n\n'
FOOTER = 'value done "Done"\n\n'

# A valid stream of about 50 MB: many steps, long flow.
count = 50 * MB // 130
write("huge-stream.vstream", HEADER + steps(count) + FOOTER + flow(count))
# 50 MB of random bytes, and the same as a stream read from standard input.
with open("huge-garbage.vstream", "wb") as out:
    out.write(rng.randbytes(50 * MB))
# A 5 MB title, a 5 MB comment and a 5 MB word on one line each.
write("long-title.vstream", HEADER + 'step a "' + "x" * (5 * MB) + '"\n  activity engage\n  practices service-desk\n'
      + "# " + "y" * (5 * MB) + "\n" + FOOTER + "flow need -> a -> done\n")
write("long-word.vstream", HEADER + "step a\n  activity engage\n  practices " + "p" * (5 * MB) + "\n"
      + FOOTER + "flow need -> a -> done\n")
write("long-identifier.vstream", HEADER + "step " + "i" * (5 * MB) + "\n" + FOOTER + "flow need -> " + "j" * (5 * MB) + " -> done\n")
# 200,000 tokens on one line: a flow through 100,000 steps; then 200,000 commas; then 200,000 arrows.
write("flow-one-line.vstream", HEADER + steps(100_000) + FOOTER + flow(100_000, per_line=200_000))
write("commas-one-line.vstream", HEADER + "step a\n  activity engage\n  practices " + ", " * 200_000 + "\n" + FOOTER
      + "flow need -> a -> done\n")
write("arrows-one-line.vstream", HEADER + "step a\n  activity engage\n  practices service-desk\n" + FOOTER
      + "flow need " + "-> " * 200_000 + "done\n")
# YAML built to hurt: an alias bomb, deep flow and block nesting, an unterminated front matter of 5 MB.
bomb = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
bomb += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
write("alias-bomb.vstream", "---\n" + "\n".join(bomb) + "\ntitle: x\nowner: y\n---\nstream s\n")
write("deep-flow-yaml.vstream", "---\ntitle: " + "[" * 100_000 + "\n---\nstream s\n")
write("deep-block-yaml.vstream", "---\n" + "".join(" " * i + f"k{i}:\n" for i in range(1_200)) + "---\nstream s\n")
write("unterminated-front-matter.vstream", "---\n" + "key: value\n" * (MB // 2))
# Unterminated string and note block over megabytes of lines.
write("unterminated-string.vstream", HEADER + 'step a "' + "never closed " * 400_000 + "\n" + FOOTER)
write("unterminated-note.vstream", HEADER + 'step a\n  note """\n' + "    a line of the note\n" * 200_000)
# A million bad lines (a million findings unless they are limited), and 200,000 words without commas on one line
# (one name in words, one finding: a practice list's words up to a comma are one name).
write("million-bad-lines.vstream", "stream s\n" + "x\n" * 1_000_000)
write("words-one-line.vstream", HEADER + "step a\n  activity engage\n  practices " + "w " * 200_000 + "\n" + FOOTER)
# CR-only line ends (classic Mac OS) and a BOM, 7 MB: one finding naming the line endings (VS002), whose fix writes
# line feeds, and the file is not parsed further.
write("cr-only.vstream", "\ufeff" + (HEADER + steps(50_000) + FOOTER + flow(50_000)).replace("\n", "\r"))
EOF
# Sparse files: 50 MB of NUL bytes, and 200 MB (over the default --max-file-size of 128 MiB).
truncate -s 50M huge-nul.vstream
truncate -s 200M too-large.vstream
ls -l >&2

failures=0
printf '| case | input MB | exit | expected | seconds | peak MB | peak / input | output KB |\n'
printf '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n'

# run NAME INPUT EXPECTED-STATUS EXPECTED-TEXT -- ARGUMENTS... (the case named standard-input reads INPUT from
# standard input; an EXPECTED-TEXT of - checks the status only)
run() {
  local name=$1 input=$2 expected_status=$3 expected_text=$4
  shift 5
  local size status seconds peak_kb output_bytes problem=""
  size=$(stat -c %s "$input")
  status=0
  if [ "$name" = standard-input ]; then
    /usr/bin/time -f '%e %M' -o time.txt timeout 60 "$binary" "$@" <"$input" >out.txt 2>err.txt || status=$?
  else
    /usr/bin/time -f '%e %M' -o time.txt timeout 60 "$binary" "$@" >out.txt 2>err.txt || status=$?
  fi
  # /usr/bin/time writes "Command exited with non-zero status N" before its own line.
  read -r seconds peak_kb < <(tail -1 time.txt)
  output_bytes=$(($(stat -c %s out.txt) + $(stat -c %s err.txt)))
  [ "$status" -eq 124 ] && problem+=" timed out;"
  [ "$status" -ge 125 ] && problem+=" crashed (status $status);"
  [ "$status" -ne "$expected_status" ] && problem+=" exit $status, expected $expected_status;"
  if [ "$expected_text" != - ]; then
    grep -q -- "$expected_text" out.txt err.txt || problem+=" no \`$expected_text\` in the output;"
  fi
  [ "$peak_kb" -gt $((size * 8 / 1024 + 100 * 1024)) ] && problem+=" peak memory ${peak_kb} KB over the bound;"
  [ "$output_bytes" -gt 1000000 ] && problem+=" ${output_bytes} bytes of output;"
  printf '| %s | %.1f | %s | %s `%s` | %s | %.0f | %.1f | %.1f |\n' "$name" "$(echo "$size / 1000000" | bc -l)" \
    "$status" "$expected_status" "$expected_text" "$seconds" "$(echo "$peak_kb / 1024" | bc -l)" \
    "$(echo "$peak_kb * 1024 / $size" | bc -l)" "$(echo "$output_bytes / 1000" | bc -l)"
  if [ -n "$problem" ]; then
    echo "FAIL $name:$problem" >&2
    head -c 2000 out.txt >&2
    head -c 2000 err.txt >&2
    failures=$((failures + 1))
  fi
}

check() { run "$1" "$1.vstream" "$2" "$3" -- check --format gcc "$1.vstream"; }

check huge-stream 0 -
check huge-garbage 1 "VS001"
check huge-nul 1 "VS002"
check too-large 1 "VS003"
check long-title 0 -
check long-word 1 "unknown practice \`ppppp"
check long-identifier 1 "\`jjjjj"
check flow-one-line 0 -
check commas-one-line 1 "VS1"
check arrows-one-line 1 "VS1"
check alias-bomb 1 "VS205"
check deep-flow-yaml 1 "VS204"
check deep-block-yaml 1 "VS204"
check unterminated-front-matter 1 "VS102"
check unterminated-string 1 "VS1"
check unterminated-note 1 "VS1"
check cr-only 1 "VS002"
check million-bad-lines 1 "VS004"
check words-one-line 1 "VS309"
run standard-input huge-garbage.vstream 1 "VS001" -- check --format gcc --stdin-filename piped.vstream -
# Streams that do not compile are not built, and nothing is written for them.
mkdir inputs
cp huge-garbage.vstream long-word.vstream alias-bomb.vstream inputs/
run build-broken inputs/huge-garbage.vstream 1 "VS001" -- build inputs --format all --out site
if [ -e site ] && [ -n "$(ls -A site)" ]; then
  echo "FAIL build-broken: outputs were written for streams that do not compile: $(ls site)" >&2
  failures=$((failures + 1))
fi

if [ "$failures" -ne 0 ]; then
  echo "hostile: $failures case(s) failed" >&2
  exit 1
fi
echo "hostile: every case within its bounds" >&2

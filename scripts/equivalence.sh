#!/usr/bin/env bash
# Runs two vstream binaries over the same inputs and compares everything they produce, byte for byte: standard
# output, standard error, exit status and every file `build` writes. For a change that must not change output (a
# faster path, a refactoring), run it with the binary before and after:
#
#   scripts/equivalence.sh OLD_BINARY NEW_BINARY
#
# The inputs: every example (examples/**/*.vstream, each file and the folder), every conformance case
# (specs/cases/**/*.vstream, compiled as the conformance tests compile them: `check` with the default options, and
# the folder), and large streams generated from bench/generate.py with a fixed seed (one over 8 MiB, so that the
# large-file path runs, and variants with errors, indentation, a `"""` block across the middle, CRLF and non-ASCII
# text, and too many problems, so that its fallbacks run). The commands: `check` in every format (and human in
# colour), `build --format dot/md/json` into a folder, `fmt --check` and `fmt -` (to standard output), and `parse`
# on the small files. Prints one line per difference and then `equivalence: N compared, M differ`; exits 1 when
# anything differs, 2 on a usage error.
set -uo pipefail
if [ "$#" -ne 2 ]; then
  echo "usage: scripts/equivalence.sh OLD_BINARY NEW_BINARY" >&2
  exit 2
fi
old=$(realpath "$1") || exit 2
new=$(realpath "$2") || exit 2
for binary in "$old" "$new"; do
  [ -x "$binary" ] || { echo "equivalence: $binary is not an executable" >&2; exit 2; }
done
cd "$(dirname "$0")/.."
repo=$(pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
compared=0
differ=0

# run NAME ARGS...: runs both binaries with ARGS (standard input from $stdin when set) from $repo and compares
# standard output, standard error and the exit status. A build's --out folder is $work/out: each binary gets it
# empty, and the two folders are compared file by file afterwards.
run() {
  local name=$1
  shift
  local side binary
  for side in old new; do
    binary=$old
    [ "$side" = new ] && binary=$new
    rm -rf "$work/out"
    (cd "$repo" && timeout 300 "$binary" "$@" <"${stdin:-/dev/null}" >"$work/$side.stdout" 2>"$work/$side.stderr")
    echo $? >"$work/$side.status"
    rm -rf "$work/$side.out"
    if [ -d "$work/out" ]; then mv "$work/out" "$work/$side.out"; else mkdir "$work/$side.out"; fi
  done
  compared=$((compared + 1))
  local what=()
  cmp -s "$work/old.stdout" "$work/new.stdout" || what+=(stdout)
  cmp -s "$work/old.stderr" "$work/new.stderr" || what+=(stderr)
  cmp -s "$work/old.status" "$work/new.status" || what+=("status $(cat "$work/old.status") -> $(cat "$work/new.status")")
  diff -r -q "$work/old.out" "$work/new.out" >/dev/null || what+=(output files)
  if [ "${#what[@]}" -gt 0 ]; then
    differ=$((differ + 1))
    echo "differs: $name: ${what[*]}"
  fi
}

# every_command NAME PATH [small]: every command on one file or folder; `parse` and `fmt -` only on a file, and
# `parse` only when small (its JSON is many times the size of the file).
every_command() {
  local name=$1 path=$2 small=${3:-}
  local format
  for format in human json sarif gcc github; do
    run "$name check --format $format" check --color never --format "$format" "$path"
  done
  run "$name check --color always" check --color always "$path"
  for format in dot md json; do
    run "$name build --format $format" build --color never --format "$format" --out "$work/out" "$path"
  done
  run "$name fmt --check" fmt --check --color never "$path"
  if [ -f "$path" ]; then
    stdin=$path run "$name fmt -" fmt --color never --stdin-filename "$path" -
    [ -n "$small" ] && run "$name parse" parse "$path"
  fi
}

echo "equivalence: generating the large streams in $work" >&2
python3 - "$repo/bench" "$work/large" <<'EOF'
import os, random, sys
sys.path.insert(0, sys.argv[1])
import generate
out = sys.argv[2]
os.makedirs(out)
def write(name, text, newline="\n"):
    with open(os.path.join(out, name), "w", newline=newline) as f:
        f.write(text)
# About 200 bytes a step (see bench/generate.py): 60,000 steps are about 12 MB, over the 8 MiB large-file size.
clean = generate.to_vstream(generate.stream(random.Random(20261206), "big", 60000))
write("clean-12mb.vstream", clean)
write("clean-2mb.vstream", generate.to_vstream(generate.stream(random.Random(7), "mid", 10000)))
lines = clean.split("\n")
# Errors every few thousand lines: a misspelt keyword, a bad duration, a tab-indented attribute, a declaration
# indented (which a piece does not count as a declaration), an unknown practice, a flow to nowhere.
broken = list(lines)
for index in range(len(broken) - 1, 20, -2500):
    kind = (index // 2500) % 6
    if kind == 0: broken.insert(index, "stpe typo \"Misspelt\"")
    elif kind == 1: broken.insert(index, "  time 5 minutes")
    elif kind == 2: broken.insert(index, "\tactivity engage")
    elif kind == 3: broken.insert(index, "  step indented \"Indented\"")
    elif kind == 4: broken.insert(index, "  practices incident-managment")
    else: broken.insert(index, "flow s1 -> nowhere")
write("errors-12mb.vstream", "\n".join(broken))
# A `"""` note that opens a third of the way in and closes two thirds in: the middle piece starts inside it.
block = list(lines)
third = len(block) // 3
while not block[third].startswith("step "): third += 1
block.insert(third + 1, '  note """')
end = 2 * len(block) // 3
block.insert(end, '    """')
write("block-12mb.vstream", "\n".join(block))
# An unterminated `"""` near the end.
write("unterminated-12mb.vstream", "\n".join(lines[:-200] + ['  note """'] + lines[-200:]))
# CRLF line ends and non-ASCII titles: the encoding check and the columns of non-ASCII lines run.
crlf = clean.replace("Step 1", "Étape 1").replace("\n", "\r\n")
write("crlf-nonascii-12mb.vstream", crlf, newline="")
# Too many problems: every step's time is wrong, far past the per-file problem limit.
write("too-many-12mb.vstream", "\n".join(l.replace("  time ", "  time x") for l in lines))
# Smaller than the large-file size, with errors.
write("errors-3mb.vstream", "\n".join(broken[: len(broken) // 4]))
EOF
[ $? -eq 0 ] || { echo "equivalence: could not generate the large streams" >&2; exit 2; }

echo "equivalence: examples" >&2
while IFS= read -r file; do
  every_command "$file" "$file" small
done < <(find examples -name '*.vstream' | LC_ALL=C sort)
every_command examples examples

echo "equivalence: conformance cases" >&2
while IFS= read -r file; do
  every_command "$file" "$file" small
done < <(find specs/cases -name '*.vstream' | LC_ALL=C sort)
every_command specs/cases specs/cases

echo "equivalence: large streams" >&2
for file in "$work"/large/*.vstream; do
  every_command "$(basename "$file")" "$file"
done

echo "equivalence: $compared compared, $differ differ"
[ "$differ" -eq 0 ]

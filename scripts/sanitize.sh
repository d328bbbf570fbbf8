#!/usr/bin/env bash
# Runs the whole test suite under a sanitizer.
#
#   scripts/sanitize.sh address|thread [swift test arguments...]
#
# address: AddressSanitizer (out-of-bounds and use-after-free in the unsafe-pointer code, libyaml included through
#          the calls into it), in .build-asan.
# thread:  ThreadSanitizer (data races; the repository check runs files in parallel), in .build-tsan.
#
# Each sanitizer has its own scratch path, so the normal .build stays as it is; the CLI tests run the vstream built
# with the same sanitizer (they find it beside the test executable). Any report fails the run: the sanitizers are set
# to stop at the first problem. Extra arguments go to `swift test`, e.g. `--filter CLITests`.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  address) scratch=.build-asan ;;
  thread) scratch=.build-tsan ;;
  *)
    echo "usage: scripts/sanitize.sh address|thread [swift test arguments...]" >&2
    exit 2
    ;;
esac
sanitizer=$1
shift

# halt_on_error makes a report fail the test process even where the runtime would only print it. Leak detection is
# off: the only leaks it finds are Foundation's own (String(contentsOfFile:) and Process keep a few KB until a
# short-lived vstream process exits), and the fuzz targets check leaks in the compiler's code.
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=0}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1}"
# Swift's backtracer would run inside a process the sanitizer is already reporting on.
export SWIFT_BACKTRACE=enable=no

started=$(date +%s)
swift build --build-tests --sanitize="$sanitizer" --scratch-path "$scratch"
built=$(date +%s)
swift test --skip-build --sanitize="$sanitizer" --scratch-path "$scratch" "$@"
finished=$(date +%s)
echo "sanitize $sanitizer: build $((built - started))s, tests $((finished - built))s"

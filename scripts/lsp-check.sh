#!/usr/bin/env bash
# `vstream lsp` with real clients: pytest-lsp (a pygls client, end to end, malformed messages included) and a
# headless Neovim that opens an example, receives its diagnostics, completes a practice and renames a step.
# Needs: pytest-lsp (PyPI) and neovim (Debian); .ci/run installs both. Bounded: each client has its own timeout.
# Usage: scripts/lsp-check.sh [path/to/vstream]   (default: the debug build, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."

binary="${1:-.build/debug/vstream}"
if [ ! -x "$binary" ]; then swift build --product vstream; fi
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

echo "lsp-check: pytest-lsp"
(cd tests/lsp && VSTREAM_BIN="$binary" timeout 300 python3 -m pytest -q -p no:cacheprovider)

echo "lsp-check: headless Neovim ($(nvim --version | head -1))"
# The example with one mistake in it, so that there are diagnostics to receive.
sed 's/activity engage/activity engag/' examples/restore-live-service.vstream >"$scratch/restore.vstream"
VSTREAM_BIN="$binary" VSTREAM_STREAM="$scratch/restore.vstream" \
  timeout 120 nvim --headless --clean -c "luafile tests/lsp/neovim.lua"
echo
echo "lsp-check: both clients passed"

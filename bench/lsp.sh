#!/usr/bin/env bash
# The language server's speed on a generated 1,000-step stream, with a release build: diagnostics after an edit
# (target 5 ms), hover and completion (2 ms). Figures are round trips measured by the client (bench/lsp.py), an upper
# bound of the server's own time. Usage: bench/lsp.sh [--steps N] [--rounds N] [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
steps=1000
rounds=200
while [ $# -gt 0 ]; do
  case "$1" in
    --steps) shift; steps="$1" ;;
    --rounds) shift; rounds="$1" ;;
    --quick) rounds=20 ;;
    *) echo "usage: bench/lsp.sh [--steps N] [--rounds N] [--quick]" >&2; exit 2 ;;
  esac
  shift
done
swift build -c release --product vstream >/dev/null
timeout 300 python3 bench/lsp.py "$PWD/.build/release/vstream" "$steps" "$rounds"

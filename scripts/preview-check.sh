#!/usr/bin/env bash
# Checks `vstream preview` as an author and as an attacker would meet it: starts it on a temporary copy of an
# example, opens the page in headless Chromium and saves the file (scripts/preview_cdp.py: a new title and lead time
# within a second, a broken save shows the diagnostic, a fixed save the diagram), then tries path traversal (plain,
# percent-encoded, doubly encoded, through a symbolic link), foreign Host headers and writing methods, and checks
# that the server stops on SIGTERM and when its files go away. Stops the servers itself.
#
#   scripts/preview-check.sh      (needs chromium, curl, python3 with websocket-client; run under `timeout`)
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
problem() { echo "preview-check: $*" >&2; fail=1; }

chrome="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$chrome" ] || { echo "preview-check: chromium is missing (apt-get install chromium)" >&2; exit 2; }
command -v curl >/dev/null || { echo "preview-check: curl is missing" >&2; exit 2; }
python3 -c 'import websocket' 2>/dev/null || { echo "preview-check: pip install websocket-client" >&2; exit 2; }
swift build -q
vstream="$(swift build --show-bin-path)/vstream"

work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Starts the preview on $1 (further arguments are passed on); sets $server and $url.
start() {
  rm -f "$work/out" "$work/err"
  "$vstream" preview "$@" --port 0 >"$work/out" 2>"$work/err" &
  server=$!
  for _ in $(seq 100); do
    [ -s "$work/out" ] && break
    sleep 0.1
  done
  url="$(head -n 1 "$work/out")"
  case "$url" in http://127.0.0.1:*/*) ;; *) echo "preview-check: no URL on the first line: $url $(cat "$work/err")" >&2; exit 1 ;; esac
}

# Waits up to $2 tenths of a second for process $1 to end; whether it did.
ended() {
  for _ in $(seq "$2"); do
    kill -0 "$1" 2>/dev/null || return 0
    sleep 0.1
  done
  return 1
}

mkdir -p "$work/streams"
cp examples/restore-live-service.vstream "$work/streams/"
echo "secret" >"$work/secret.txt"
ln -s "$work/secret.txt" "$work/streams/secret.html"
start "$work/streams/restore-live-service.vstream"
base="${url%/*}"
host="${base#http://}"
echo "preview-check: serving $url"

# The page in a browser, saved three times.
python3 scripts/preview_cdp.py "$chrome" "$url" "$work/streams/restore-live-service.vstream" || problem "the live page failed"

status() { curl -s -o /dev/null -w '%{http_code}' --path-as-is "$@"; }
for target in /../secret.txt /..%2fsecret.txt /%2e%2e/secret.txt /%2E%2E%2Fsecret.txt /%252e%252e/secret.txt \
  '/..\secret.txt' /streams/../../secret.txt /secret.html /restore-live-service.vstream /./index.html /%00 \
  /_vstream/../secret.txt; do
  code="$(status "$base$target")"
  case "$code" in 403 | 404) ;; *) problem "GET $target answered $code, not 403 or 404" ;; esac
done
# A raw request line, as curl would otherwise normalise it.
raw="$(printf 'GET /../../../../etc/passwd HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$host" \
  | timeout 5 python3 -c 'import socket,sys; s=socket.create_connection(("127.0.0.1", int(sys.argv[1]))); s.sendall(sys.stdin.buffer.read()); print(s.recv(200).decode(errors="replace").splitlines()[0])' "${host##*:}")"
case "$raw" in *" 403 "* | *" 404 "*) ;; *) problem "a raw ../ request line answered: $raw" ;; esac
for foreign in "evil.example:${host##*:}" "evil.example" "localhost" "127.0.0.1.nip.io:${host##*:}" "localhost:1"; do
  code="$(status -H "Host: $foreign" "$url")"
  [ "$code" = 403 ] || problem "Host: $foreign answered $code, not 403"
done
code="$(status -H "Host: localhost:${host##*:}" "$url")"
[ "$code" = 200 ] || problem "Host: localhost:${host##*:} answered $code, not 200"
for method in POST PUT DELETE PATCH; do
  code="$(status -X "$method" --data x "$url")"
  [ "$code" = 405 ] || problem "$method answered $code, not 405"
done
[ "$(cat "$work/secret.txt")" = secret ] || problem "a request changed a file"

# SIGTERM stops it cleanly, at once.
kill -TERM "$server"
ended "$server" 30 || problem "the server did not stop within 3 s of SIGTERM"
wait "$server" || problem "the server ended with status $? on SIGTERM"
grep -q "preview stopped" "$work/err" || problem "no clean stop on SIGTERM: $(cat "$work/err")"

# And when its files go away.
start "$work/streams/restore-live-service.vstream"
rm "$work/streams/restore-live-service.vstream"
ended "$server" 30 || problem "the server did not stop within 3 s of its file going away"
grep -q "went away" "$work/err" || problem "no message when the file went away: $(cat "$work/err")"

if [ "$fail" -ne 0 ]; then exit 1; fi
echo "preview-check: live reload, diagnostics and the diagram in Chromium; traversal, foreign hosts and writes refused;" \
  "stops on SIGTERM and when its files go away"

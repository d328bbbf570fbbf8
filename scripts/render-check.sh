#!/usr/bin/env bash
# Checks the pictures with the real renderers: builds every example in every format and every diagram variant,
# runs Graphviz on every DOT file (any warning fails), parses every SVG as XML, and loads every HTML page in headless
# Chromium (any console message fails: the pages have no script, so a message is a Content-Security-Policy
# violation, that is a request outside the site, or an error). Screenshots go to OUT/screenshots for a person to look
# at. First it checks itself: a page that makes outside requests must fail.
#
#   scripts/render-check.sh [OUT]     (default: a temporary folder; needs graphviz, chromium, python3)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
fail=0
problem() { echo "render-check: $*" >&2; fail=1; }

command -v dot >/dev/null || { echo "render-check: Graphviz's dot is missing (apt-get install graphviz)" >&2; exit 2; }
chrome="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$chrome" ] || { echo "render-check: chromium is missing (apt-get install chromium)" >&2; exit 2; }
swift build -q
vstream="$(swift build --show-bin-path)/vstream"

# Headless Chromium on one page: its console messages (Chromium logs them as INFO:CONSOLE) into $2.
load() {
  timeout 60 "$chrome" --headless --disable-gpu --no-sandbox --no-first-run --enable-logging=stderr --v=0 --log-level=0 \
    --dump-dom "file://$1" 2>"$2.log" >"$2.dom" || true
  grep ':CONSOLE' "$2.log" || true
}

# The checker must be able to fail: a page with the same policy that asks for an outside image and stylesheet.
mkdir -p "$out/self-test"
cat >"$out/self-test/outside.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data: 'self'"><title>outside</title></head>
<body><img src="https://example.invalid/x.png" alt="x"><link rel="stylesheet" href="https://example.invalid/a.css"></body></html>
HTML
if [ -z "$(load "$out/self-test/outside.html" "$out/self-test/outside")" ]; then
  problem "the self-test page's outside requests were not reported: this check cannot see them"
fi

# Every format, and the diagram variants, of every example.
"$vstream" build examples --format all --format png --out "$out/site" 2>"$out/build.log" || true
grep -q "^built 8 streams" "$out/build.log" || problem "the examples did not all build: $(cat "$out/build.log")"
for variant in "--layout lr" "--layout tb" "--layout wrap" "--lanes activity" "--lanes role" "--lanes role --theme dark" \
  "--hide-practices --hide-metrics --theme dark"; do
  name="$(echo "$variant" | tr -d '-' | tr ' ' '_')"
  # shellcheck disable=SC2086
  "$vstream" build examples --format dot --out "$out/variants/$name" $variant 2>/dev/null || true
done

# The same build again gives the same bytes (rendering runs on every core; the order of outputs must not depend on it).
"$vstream" build examples --format all --format png --out "$out/again" 2>/dev/null || true
diff -r -q "$out/site" "$out/again" >/dev/null || problem "two builds of the examples differ: $(diff -r -q "$out/site" "$out/again" | head -3)"

# Without Graphviz the HTML pages are still written, and say why they have no diagram.
PATH=/nonexistent "$vstream" build examples/restore-live-service.vstream --format html --out "$out/no-graphviz" 2>/dev/null || true
grep -q "No diagram: Graphviz" "$out/no-graphviz/restore-live-service.html" 2>/dev/null \
  || problem "without Graphviz the page does not say why it has no diagram"

# Progress shows on a terminal (script(1) gives the build one), never when redirected or under CI.
if command -v script >/dev/null; then
  tty_log="$(CI='' VSTREAM_PROGRESS_DELAY=0 script -qec "'$vstream' build examples --format svg --out '$out/progress'" /dev/null || true)"
  case "$tty_log" in *"rendering "*/8*) ;; *) problem "no progress on a terminal: $tty_log" ;; esac
  ci_log="$(CI=1 VSTREAM_PROGRESS_DELAY=0 script -qec "'$vstream' build examples --format svg --out '$out/progress'" /dev/null || true)"
  case "$ci_log" in *"rendering "*) problem "progress shown under CI" ;; esac
  VSTREAM_PROGRESS_DELAY=0 "$vstream" build examples --format svg --out "$out/progress" 2>"$out/progress.log" || true
  if grep -q "rendering " "$out/progress.log"; then problem "progress written to a file"; fi
fi

# Hovering a card shows its title, never an internal id.
if grep -l '<title>\(step\|value\|lane\)_[0-9]' "$out"/site/*.svg "$out"/site/*.html >/dev/null 2>&1; then
  problem "an SVG still titles a node with its DOT id: $(grep -l '<title>step_[0-9]' "$out"/site/*.svg "$out"/site/*.html | head -3)"
fi

dots=0
while IFS= read -r -d '' file; do
  dots=$((dots + 1))
  if ! dot -Tsvg "$file" -o "${file%.dot}.check.svg" 2>"$out/dot-errors.txt"; then
    problem "dot failed on $file: $(cat "$out/dot-errors.txt")"
  elif [ -s "$out/dot-errors.txt" ]; then
    problem "dot warned on $file: $(cat "$out/dot-errors.txt")"
  fi
done < <(find "$out/site" "$out/variants" -name '*.dot' -print0 | sort -z)
[ "$dots" -ge 50 ] || problem "only $dots DOT files were rendered"

while IFS= read -r -d '' file; do
  python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$file" || problem "$file is not well-formed XML"
done < <(find "$out/site" -name '*.svg' -print0 | sort -z)

# vstream diff's before/after pictures: a future state of an example with every wait a day, drawn on both sides.
sed 's/^  wait .*$/  wait 1d/' examples/restore-live-service.vstream >"$out/future.vstream"
"$vstream" diff examples/restore-live-service.vstream "$out/future.vstream" --pictures "$out/diff" >/dev/null \
  || problem "vstream diff --pictures failed"
python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$out/diff/restore-live-service.svg" \
  || problem "the before/after picture is not well-formed XML"
grep -q '>CHANGED<' "$out/diff/restore-live-service.svg" || problem "the before/after picture marks no change"

mkdir -p "$out/screenshots"
pages=0
for page in "$out"/site/*.html "$out/diff/index.html"; do
  pages=$((pages + 1))
  name="$(basename "$(dirname "$page")")-$(basename "$page" .html)"
  grep -q "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data: 'self'\">" "$page" \
    || problem "$page does not declare the Content-Security-Policy"
  messages="$(load "$page" "$out/screenshots/$name")"
  [ -z "$messages" ] || problem "$page: $messages"
  grep -q '<main id="main"' "$out/screenshots/$name.dom" || problem "$page did not load (no main element in the DOM)"
  timeout 60 "$chrome" --headless --disable-gpu --no-sandbox --no-first-run --hide-scrollbars --window-size=1000,1400 \
    --screenshot="$out/screenshots/$name.png" "file://$page" >/dev/null 2>&1 || problem "no screenshot of $page"
done
# The same page as a reader with a dark colour scheme sees it: the diagrams are the dark copies (look at it).
timeout 60 "$chrome" --headless --disable-gpu --no-sandbox --no-first-run --hide-scrollbars --force-dark-mode \
  --blink-settings=preferredColorScheme=0 --window-size=1000,1400 \
  --screenshot="$out/screenshots/site-restore-live-service-dark.png" "file://$out/site/restore-live-service.html" \
  >/dev/null 2>&1 || problem "no dark screenshot"
[ "$pages" -ge 10 ] || problem "only $pages HTML pages were built"

if [ "$fail" -ne 0 ]; then exit 1; fi
echo "render-check: $dots DOT files rendered without a warning, $pages HTML pages loaded with no console message;" \
  "screenshots in $out/screenshots"

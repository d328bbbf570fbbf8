#!/usr/bin/env bash
# Builds every example in the exchange formats and checks each file with xmllint (Debian: libxml2-utils):
# the ArchiMate exports against the Open Group's exchange-format XSDs, the BPMN exports for well-formedness (and
# against the OMG BPMN 2.0 XSD when that is present), and the CSV files for one row a step under a full header.
# The schemas are never fetched: they are read from VSTREAM_SCHEMAS (default: ../shared/schemas beside the checkout)
# with a catalogue and --nonet; a missing schema folder skips that check with a notice.
set -euo pipefail
cd "$(dirname "$0")/.."
schemas="${VSTREAM_SCHEMAS:-../shared/schemas}"
command -v xmllint >/dev/null || { echo "check-exports: xmllint is missing (apt-get install libxml2-utils)" >&2; exit 1; }
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
swift build -q
.build/debug/vstream build examples/*.vstream --format archimate --format bpmn --format csv --out "$out" >/dev/null
count=$(ls "$out"/*.archimate.xml | wc -l)
[ "$count" -gt 0 ] || { echo "check-exports: no ArchiMate export was written" >&2; exit 1; }

if [ -f "$schemas/archimate/archimate3_Diagram.xsd" ]; then
  XML_CATALOG_FILES="$schemas/archimate/catalog.xml" xmllint --nonet --noout \
    --schema "$schemas/archimate/archimate3_Diagram.xsd" "$out"/*.archimate.xml
else
  echo "notice: $schemas/archimate is absent: the ArchiMate exports are checked for well-formedness only"
  xmllint --nonet --noout "$out"/*.archimate.xml
fi

bpmn_schema="$(ls "$schemas"/bpmn/BPMN20.xsd 2>/dev/null || true)"
if [ -n "$bpmn_schema" ]; then
  catalog=()
  [ -f "$schemas/bpmn/catalog.xml" ] && catalog=(env XML_CATALOG_FILES="$schemas/bpmn/catalog.xml")
  "${catalog[@]}" xmllint --nonet --noout --schema "$bpmn_schema" "$out"/*.bpmn
else
  echo "notice: $schemas/bpmn/BPMN20.xsd is absent: the BPMN exports are checked for well-formedness only"
  xmllint --nonet --noout "$out"/*.bpmn
fi

python3 - "$out" <<'PY'
import csv, glob, sys
for path in sorted(glob.glob(sys.argv[1] + "/*.csv")):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows and all(len(r) == len(rows[0]) for r in rows), f"{path}: a row's length differs from the header's"
    assert len({r[1] for r in rows[1:]}) == len(rows) - 1, f"{path}: a step appears twice"
print(f"{len(glob.glob(sys.argv[1] + '/*.csv'))} CSV files: one row a step under the header")
PY
echo "check-exports: $count streams exported and checked"

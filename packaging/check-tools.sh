#!/usr/bin/env bash
# Checks that the programs the tests and scripts call at run time are there, before they are used.
#   check-tools.sh [PROGRAM...]   (no arguments: everything the test suite calls)
# Prints each missing program with the Debian package that provides it; exit 1 when any is missing.
set -uo pipefail

declare -A package=(
  [xvfb-run]=xvfb [xauth]=xauth
  [pdftoppm]=poppler-utils [pdftotext]=poppler-utils [pdfinfo]=poppler-utils [pdffonts]=poppler-utils [catdoc]=catdoc
  [sqlite3]=sqlite3 [clang++]=clang [python3]=python3 [runuser]=util-linux
  [cmake]=cmake [ctest]=cmake [cpack]=cmake [dpkg-shlibdeps]=dpkg-dev
)
programs=("$@")
[ ${#programs[@]} -eq 0 ] && programs=(cmake ctest pdftoppm pdftotext pdfinfo pdffonts catdoc sqlite3 python3 clang++ initdb pg_ctl)

missing=0
for prog in "${programs[@]}"; do
  case "$prog" in
  initdb|pg_ctl)
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    [ -n "$bindir" ] && [ -x "$bindir/$prog" ] && continue
    echo "missing: $prog (Debian package postgresql)" >&2; missing=1 ;;
  python3-openpyxl)
    /usr/bin/python3 -c 'import openpyxl' 2>/dev/null && continue
    echo "missing: the Python module openpyxl for /usr/bin/python3 (Debian package python3-openpyxl)" >&2; missing=1 ;;
  *)
    command -v "$prog" >/dev/null 2>&1 && continue
    echo "missing: $prog (Debian package ${package[$prog]:-unknown})" >&2; missing=1 ;;
  esac
done
[ $missing -eq 0 ] || echo "Run bash packaging/deps.sh to install what is missing." >&2
exit $missing

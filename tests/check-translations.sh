#!/bin/sh
# Every string the user reads has its zh_CN translation: lupdate is run over the sources into a
# copy of the translation file, and the copy must have no unfinished message.
# usage: check-translations.sh LUPDATE TS-FILE SOURCE-DIR
set -eu
lupdate=$1 ts=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$ts" "$work/copy.ts"
"$lupdate" -silent -no-obsolete -locations none "$src/app" "$src/ui" -ts "$work/copy.ts" >/dev/null
# An empty translation (unfinished or not) shows the English text too.
missing=$(grep -c 'type="unfinished"\|<translation></translation>' "$work/copy.ts" || true)
if [ "$missing" -ne 0 ]; then
    echo "$missing strings have no zh_CN translation:"
    grep -B1 'type="unfinished"\|<translation></translation>' "$work/copy.ts" | grep '<source>' | head -40
    exit 1
fi
echo "every string is translated ($(grep -c '<message' "$work/copy.ts") messages)"

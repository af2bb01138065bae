#!/usr/bin/env bash
# Writes the old Office fixtures the tests read (committed; run again only to change them):
#   reports/r112_old_word.doc    a county's briefing as Word 97-2003 saves it: paragraphs and a table
# Needs LibreOffice (Debian: libreoffice-writer-nogui), which neither the build nor the tests need.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cat > "$work/r112_old_word.html" <<'HTML'
<html><head><meta charset="utf-8"></head><body>
<p>太湖县2026年1-9月招商引资工作情况</p>
<p>太湖县投资促进中心 2026年10月12日</p>
<p>1-9月,全县新签约项目34个,签约金额142.6亿元;新开工项目19个,实际到位资金48.3亿元。</p>
<p>各镇完成情况:</p>
<table border="1"><tr><td>镇</td><td>签约项目(个)</td><td>签约金额(亿元)</td></tr>
<tr><td>晋熙镇</td><td>8</td><td>36.2</td></tr><tr><td>徐桥镇</td><td>6</td><td>24.9</td></tr></table>
<p>四季度,全县将力争新签约项目12个以上。</p>
</body></html>
HTML
(cd "$work" && soffice --headless --convert-to 'doc:MS Word 97' r112_old_word.html >/dev/null)
cp "$work/r112_old_word.doc" "$here/reports/"

echo "wrote reports/r112_old_word.doc"

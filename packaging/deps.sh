#!/usr/bin/env bash
# Installs the Debian 12 packages IPDesk needs to build, run and test, if any are missing.
# Installed with --no-install-recommends: every package the build, the tests, the fuzz build and
# run.sh use is named here (a recommended package is never pulled in). packaging/test.sh checks the
# build against this list with check-deps, so a package missing here fails the tests, by name.
set -euo pipefail

# (Keep parentheses out of the comments inside the list: check-deps reads the list up to the first one.)
PACKAGES=(
  # build
  build-essential cmake pkg-config dpkg-dev file
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6opengl6-dev libgl-dev qt6-5compat-dev
  libopencc-dev libminizip-dev zlib1g-dev libsqlite3-dev qtkeychain-qt6-dev libuchardet-dev libxlsxwriter-dev
  # qt6-5compat-dev is not linked: it owns files in the Qt6 cmake folder the build reads, which check-deps counts
  # run: the database drivers, the platform plugins, the fonts: Chinese, and the emoji of WeChat posts; pdftotext that reads PDF reports and
  # catdoc that reads old Word reports
  libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins fonts-noto-cjk fonts-noto-color-emoji fonts-dejavu-core poppler-utils catdoc
  # tests and scripts: xvfb-run, pdftoppm/pdftotext/pdfinfo/pdffonts, initdb/pg_ctl, sqlite3, the
  # fuzz build's clang and its sanitizer runtime, which clang only recommends, the spreadsheet fixtures'
  # openpyxl, the scorer's python3
  xvfb xauth postgresql sqlite3 clang libclang-rt-14-dev python3 python3-openpyxl
  # the benchmarks' reference for the XLSX import: xlsx2csv
  xlsx2csv
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing the Debian packages IPDesk needs: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps.sh: these packages are missing and sudo is not installed: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp -t ipdesk-apt.XXXXXX)"
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  tail -n 30 "$log" >&2
  echo "deps.sh: apt-get could not install the packages above (full log: $log)" >&2
  exit 1
fi
rm -f "$log"

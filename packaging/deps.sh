#!/usr/bin/env bash
# Installs the Debian 12 packages IPDesk needs to build, run and test, if any are missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libgl-dev
  libopencc-dev libquazip1-qt6-dev libsqlite3-dev sqlite3
  fonts-noto-cjk fonts-dejavu-core
  xvfb xauth poppler-utils
  clang
  postgresql libqt6sql6-psql qtkeychain-qt6-dev
  python3-openpyxl
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"

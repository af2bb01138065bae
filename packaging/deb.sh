#!/usr/bin/env bash
# Builds the Debian package with cpack and, with --check, installs it on this machine, runs both
# programs from /usr/bin, checks the menu entry and the icon, removes it and checks that no file of
# it is left behind.
#   bash packaging/deb.sh            writes build/ipdesk_<version>_<arch>.deb
#   bash packaging/deb.sh --check    the same, then install, run, remove (needs root or sudo)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/packaging/build.sh" >/dev/null
bash "$here/packaging/check-tools.sh" cpack dpkg-shlibdeps
cd "$here/build"
rm -f ipdesk_*.deb
cpack -G DEB >cpack.log 2>&1 || { cat cpack.log >&2; echo "deb.sh: cpack failed" >&2; exit 1; }
deb="$(ls "$PWD"/ipdesk_*.deb)"
echo "package: $deb"
dpkg-deb -f "$deb" Package Version Depends Recommends
[ "${1:-}" = "--check" ] || exit 0

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
fail() { echo "deb.sh: $*" >&2; exit 1; }
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null 2>&1 \
  || $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y "$deb" || fail "apt-get install $deb failed"
files="$(dpkg-query -L ipdesk)"
echo "installed: $(echo "$files" | grep -c .) paths"
echo "\$ /usr/bin/ipdesk --version";  QT_QPA_PLATFORM=offscreen /usr/bin/ipdesk --version || fail "ipdesk --version failed"
echo "\$ /usr/bin/ipdesk-cli --help | head -3"; /usr/bin/ipdesk-cli --help | head -3 || fail "ipdesk-cli --help failed"
for f in /usr/share/applications/ipdesk.desktop /usr/share/icons/hicolor/scalable/apps/ipdesk.svg; do
  [ -f "$f" ] || fail "$f is not installed"
  echo "present: $f"
done
command -v desktop-file-validate >/dev/null && desktop-file-validate /usr/share/applications/ipdesk.desktop
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq ipdesk >/dev/null 2>&1 || fail "apt-get remove ipdesk failed"
left=0
while IFS= read -r f; do
  [ -n "$f" ] && [ ! -d "$f" ] && [ -e "$f" ] && { echo "left behind: $f" >&2; left=1; }
done <<<"$files"
dpkg-query -W -f='${Status}\n' ipdesk 2>/dev/null | grep -q "install ok installed" && fail "ipdesk is still installed"
[ $left -eq 0 ] || fail "files of the package were left behind"
echo "removed: no file of the package is left"

#!/usr/bin/env bash
# Installs what is missing, builds, and opens the IPDesk window on a demo desk.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/packaging/build.sh"
demo="${IPDESK_DEMO_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/IPDesk/demo.ipdesk}"
mkdir -p "$(dirname "$demo")"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$here/build/app/gui/ipdesk" --demo "$demo" "$@"
fi
# No screen here: run it on a virtual one and keep a picture of the window.
shot="$here/build/ipdesk-window.png"
xvfb-run -a -s "-screen 0 1440x900x24" "$here/build/app/gui/ipdesk" --demo "$demo" --screenshot "$shot" "$@"
echo "No display found: IPDesk ran on a virtual screen; its window is in $shot"

#!/usr/bin/env bash
# Configures and builds IPDesk in build/ (after installing what is missing).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/packaging/deps.sh"
# --fresh: the cache forgets what an older checkout found (a package the sources no longer use would
# otherwise stay in it, and check-deps would count it); what is built already stays built.
cmake --fresh -S "$here" -B "$here/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$here/build" -j"$(nproc)"

#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (offscreen).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/packaging/build.sh"

# The programs the tests call, before they are used; then whether the project's own package list
# covers every package the build used (a package installed by hand on this machine would hide it).
bash "$here/packaging/check-tools.sh" cmake ctest pdftoppm pdftotext pdfinfo pdffonts catdoc sqlite3 python3 \
     python3-openpyxl clang++ initdb pg_ctl runuser
check_deps() {
  local tool="$here/../shared/tools/check-deps"
  if [ ! -x "$tool" ]; then
    echo "note: $tool is not beside this checkout; the package list was not checked against $1" >&2
    return 0
  fi
  "$tool" "$1" --from "$here/packaging/deps.sh" || {
    echo "packaging/deps.sh does not install every package the build in $1 used (above): add them there." >&2
    exit 1
  }
}
check_deps "$here/build"

cd "$here/build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$(nproc)"

# The extractor's libFuzzer target, built with clang and run for a bounded time.
cmake --fresh -S "$here" -B "$here/build-fuzz" -DCMAKE_CXX_COMPILER=clang++ -DIPDESK_FUZZ=ON \
      -DIPDESK_FUZZ_SECONDS="${IPDESK_FUZZ_SECONDS:-60}" >/dev/null
cmake --build "$here/build-fuzz" -j"$(nproc)" >/dev/null
check_deps "$here/build-fuzz"
cd "$here/build-fuzz"
ctest --output-on-failure -j"$(nproc)"

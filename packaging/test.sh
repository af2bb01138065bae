#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (offscreen).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bash "$here/packaging/build.sh"
cd "$here/build"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$(nproc)"

# The extractor's libFuzzer target, built with clang and run for a bounded time.
cmake -S "$here" -B "$here/build-fuzz" -DCMAKE_CXX_COMPILER=clang++ -DIPDESK_FUZZ=ON \
      -DIPDESK_FUZZ_SECONDS="${IPDESK_FUZZ_SECONDS:-60}" >/dev/null
cmake --build "$here/build-fuzz" -j"$(nproc)" >/dev/null
cd "$here/build-fuzz"
ctest --output-on-failure

#!/usr/bin/env bash
# Builds Chokepoint and runs every test (no display needed: GUI tests run offscreen).
#   scripts/test.sh            # dev preset
#   scripts/test.sh asan       # AddressSanitizer + UndefinedBehaviorSanitizer (+ LeakSanitizer) build
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}
scripts/install-deps.sh
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-/tmp/xdg-runtime-$(id -u)}
mkdir -p -m 700 "$XDG_RUNTIME_DIR"
if [ "$preset" = asan ]; then
  # Stop at the first report with a stack trace. LeakSanitizer runs at exit (ASan's default on
  # Linux, made explicit), in the test executables and in every `chokepoint` they start.
  export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
  export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/lsan.supp:print_suppressions=0}
fi
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
ctest --preset "$preset" -j "$(nproc)"

#!/usr/bin/env bash
# Builds Chokepoint and opens the dashboard on the bundled data (first start creates the
# default workspace from it). Extra arguments go to the program, e.g. a workspace file.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target chokepoint
exec build-release/app/chokepoint "$@"

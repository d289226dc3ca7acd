#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the Release benchmarks and runs the criticality row of SPEC §8 (not run in CI).
# Usage: bench/run_criticality_bench.sh [criticality_bench flags, e.g. --reps 5 --sites 100000]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CHOKEPOINT_BENCH_BUILD:-$root/build-criticality-rel}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHOKEPOINT_BUILD_BENCH=ON \
    -DCHOKEPOINT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j2 --target criticality_bench
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
exec "$build/bench/criticality_bench" "$@"

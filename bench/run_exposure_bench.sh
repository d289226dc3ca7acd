#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The load and exposure rows of SPEC §8, side by side with their peers (not run in CI):
# builds the Release benchmarks, generates the synthetic network (100,000 sites, about
# 1,050,000 supply links), imports it into a workspace and runs bench/exposure_bench.
#
#   bench/run_exposure_bench.sh [exposure_bench flags, e.g. --reps 7]
#
# Environment: CHOKEPOINT_BENCH_BUILD (build folder, default build-exposure-rel),
# CHOKEPOINT_BENCH_DATA (data folder, default $build/bench-data), SITES (100000), SEED (1).
# The workspace is reused while sites and seed stay the same; delete the data folder to
# regenerate it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${CHOKEPOINT_BENCH_BUILD:-$root/build-exposure-rel}
data=${CHOKEPOINT_BENCH_DATA:-$build/bench-data}
sites=${SITES:-100000}
seed=${SEED:-1}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCHOKEPOINT_BUILD_BENCH=ON \
    >/dev/null
cmake --build "$build" -j2 --target chokepoint exposure_bench
exe=$build/app/chokepoint
ws=$data/network-$sites-$seed.chokepoint
if [[ ! -f $ws.complete ]]; then
    mkdir -p "$data"
    rm -rf "$data/network-$sites-$seed" "$ws" "$ws-wal" "$ws-shm"
    "$exe" generate "$data/network-$sites-$seed" --sites "$sites" --seed "$seed"
    "$exe" init "$ws" --empty >/dev/null
    start=$(date +%s.%N)
    "$exe" import "$ws" "$data/network-$sites-$seed"
    awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "import took %.1f s\n", b - a }'
    touch "$ws.complete"
fi
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
exec "$build/bench/exposure_bench" --workspace "$ws" --benchmark_color=false "$@"

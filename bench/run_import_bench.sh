#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The import row of SPEC §8, side by side with its peer (not run in CI): `chokepoint import`
# of a generated CSV folder (read, fully validated, written in one transaction) against the
# sqlite3 shell's `.import --csv` of the same files into the same prepared tables (an empty
# workspace made by `chokepoint init --empty`: the same schema, indexes and WAL mode; no
# validation). Best of five runs each, interleaved, on about 100,000 and 1,000,000 supply links.
#
#   bench/run_import_bench.sh [runs, default 5]
#
# Environment: CHOKEPOINT_BENCH_BUILD (build folder, default build-import-rel, Release; an
# existing build such as `build` is used as it is), CHOKEPOINT_BENCH_EXE (a chokepoint to
# measure instead of building one, e.g. an older version), CHOKEPOINT_BENCH_DATA (data folder,
# default $build/bench-data), SIZES (the --sites values, default "10000 100000"), SEED (1).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${CHOKEPOINT_BENCH_BUILD:-$root/build-import-rel}
data=${CHOKEPOINT_BENCH_DATA:-$build/bench-data}
sizes=${SIZES:-10000 100000}
seed=${SEED:-1}
runs=${1:-5}

exe=${CHOKEPOINT_BENCH_EXE:-}
if [[ -z $exe ]]; then
    if [[ ! -f $build/CMakeCache.txt ]]; then
        cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    fi
    cmake --build "$build" -j2 --target chokepoint >/dev/null
    exe=$build/app/chokepoint
fi
command -v sqlite3 >/dev/null || { echo "sqlite3 (the shell) is needed" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time (GNU time) is needed" >&2; exit 1; }
mkdir -p "$data"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Runs a command; prints "wall_s cpu_s maxrss_kib".
measure() {
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" ||
        { cat "$tmp/err" >&2; exit 1; }
    awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$tmp/time"
}

fresh() { # an empty workspace: the prepared tables
    rm -f "$1" "$1-wal" "$1-shm"
    "$exe" init "$1" --empty >/dev/null
}

echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores;" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
for sites in $sizes; do
    dir=$data/network-$sites-$seed
    if [[ ! -f $dir/.complete ]]; then
        rm -rf "$dir"
        "$exe" generate "$dir" --sites "$sites" --seed "$seed" >/dev/null
        touch "$dir/.complete"
    fi
    links=$(($(wc -l <"$dir/supply.csv") - 1))
    script=$tmp/peer.sql
    : >"$script"
    for f in "$dir"/*.csv; do
        echo ".import --csv --skip 1 $f $(basename "$f" .csv)" >>"$script"
    done
    : >"$tmp/ours" && : >"$tmp/peer"
    for ((i = 1; i <= runs; i++)); do
        fresh "$tmp/ours.chokepoint"
        measure "$exe" import "$tmp/ours.chokepoint" "$dir" >>"$tmp/ours"
        fresh "$tmp/peer.chokepoint"
        measure sqlite3 "$tmp/peer.chokepoint" ".read $script" >>"$tmp/peer"
    done
    # Both hold the same rows.
    for t in supply sites suppliers; do
        a=$(sqlite3 "$tmp/ours.chokepoint" "SELECT count(*) FROM $t")
        b=$(sqlite3 "$tmp/peer.chokepoint" "SELECT count(*) FROM $t")
        [[ $a == "$b" ]] || { echo "$t: chokepoint has $a rows, the peer $b" >&2; exit 1; }
    done
    best() { sort -n -k"$2" "$1" | head -1 | cut -d' ' -f"$2"; }
    median() { sort -n -k"$2" "$1" | awk -v k="$2" '{ v[NR] = $k } END { print v[int((NR + 1) / 2)] }'; }
    ow=$(best "$tmp/ours" 1) pw=$(best "$tmp/peer" 1)
    oc=$(best "$tmp/ours" 2) pc=$(best "$tmp/peer" 2)
    om=$(median "$tmp/ours" 1) pm=$(median "$tmp/peer" 1)
    orss=$(sort -n -k3 "$tmp/ours" | tail -1 | cut -d' ' -f3)
    prss=$(sort -n -k3 "$tmp/peer" | tail -1 | cut -d' ' -f3)
    awk -v links="$links" -v ow="$ow" -v pw="$pw" -v oc="$oc" -v pc="$pc" -v om="$om" \
        -v pm="$pm" -v orss="$orss" -v prss="$prss" -v runs="$runs" 'BEGIN {
        printf "import %d links (vs sqlite3 .import --csv)  chokepoint %7.2f s   peer %7.2f s   %5.2fx the peer   target <= 1.5x the peer\n",
            links, ow, pw, ow / pw
        printf "  best of %d wall; cpu (user+sys) %.2f s vs %.2f s (%.2fx); median wall %.2f s vs %.2f s (%.2fx); peak RSS %d MiB vs %d MiB\n",
            runs, oc, pc, oc / pc, om, pm, om / pm, orss / 1024, prss / 1024
    }'
done

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Regenerates the golden exposure files of the bundled data set:
#   tests/data/golden/bundled-exposure-<lens>-2025-08-01.json
# Run it only on purpose, after checking that a change in the figures is intended (review the
# diff before committing). tests/app/exposure_golden_test.cpp compares against these files.
#
#   tools/update_golden.sh [path/to/chokepoint]     (default: build/app/chokepoint)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exe="${1:-$root/build/app/chokepoint}"
if [[ ! -x "$exe" ]]; then
    echo "update_golden.sh: no chokepoint executable at $exe (build first, or pass its path)" >&2
    exit 1
fi
asof=2025-08-01
out="$root/tests/data/golden"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$out"
"$exe" init "$tmp/bundled.chokepoint" >/dev/null
for lens in location owned controlled; do
    file="$out/bundled-exposure-$lens-$asof.json"
    "$exe" exposure "$tmp/bundled.chokepoint" --lens "$lens" --as-of "$asof" --format json \
        >"$tmp/$lens.json"
    mv "$tmp/$lens.json" "$file"
    echo "wrote $file"
done
if command -v git >/dev/null && git -C "$root" rev-parse >/dev/null 2>&1; then
    git -C "$root" status --short -- tests/data/golden
fi

#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: clang, ASan + UBSan) and runs each on a seed
# corpus made from the golden test folders, plus tests/data/fuzz-regressions/<target>.
#   scripts/fuzz.sh                  # every target, 60 s each (what CI runs)
#   scripts/fuzz.sh 600 csv xlsx     # ten minutes each, some targets only
# New interesting inputs collect in build-fuzz/corpus/<target> (kept between runs); a crash
# is saved under build-fuzz/artifacts/<target>/ and makes the script fail. Replay one with
#   build-fuzz/fuzz/fuzz_<target> build-fuzz/artifacts/<target>/crash-...
# then add it to tests/data/fuzz-regressions/<target>/ (see docs/testing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv xlsx scenario validator)

scripts/install-deps.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

root=build-fuzz
seeds=$root/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{csv,xlsx,scenario,validator}

# csv: every CSV file of the golden folders and the bundled data.
n=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  cp "$f" "$seeds/csv/$n-$(basename "$f")"
done < <(find tests/data/import-errors tests/data/small-network resources/data -name '*.csv' -print0 | sort -z)

# xlsx: the reader's fixtures, small ones only (libFuzzer's -max_len follows the largest seed).
# Not the hostile ones (tests/data/xlsx/hostile): they are built to cost as much as the limits
# allow before they are refused (up to 15 s each under ASan and coverage, near libFuzzer's
# 30 s timeout on a busy machine), and the HostileXlsx tests already run them.
find tests/data/xlsx -path '*/hostile' -prune -o -name '*.xlsx' -size -200k \
  -exec cp {} "$seeds/xlsx/" \;

# scenario: the bundled scenarios and the test ones.
cp resources/scenarios/*.json "$seeds/scenario/"
find tests/data -name 'scenario*.json' -exec cp {} "$seeds/scenario/" \;

# validator: "@@<table>" sections (see tests/core/robust/fuzzentries.h), one seed per golden
# import case (on its own and over the _base tables), the small network and the bundled data.
sections() { # prints every CSV file of the given folders as sections, later folders winning
  declare -A file=()
  local dir f
  for dir in "$@"; do
    for f in "$dir"/*.csv; do
      [ -e "$f" ] && file[$(basename "$f" .csv)]=$f
    done
  done
  for t in "${!file[@]}"; do
    printf '@@%s\n' "$t"
    cat "${file[$t]}"
    printf '\n'
  done
}
for case in tests/data/import-errors/*/; do
  name=$(basename "$case")
  [ -d "$case/input" ] || continue
  sections "$case/input" >"$seeds/validator/$name"
  sections tests/data/import-errors/_base "$case/input" >"$seeds/validator/$name-over-base"
  { printf 'K\n'; sections "$case/input"; } >"$seeds/validator/$name-kept"
done
sections tests/data/import-errors/_base >"$seeds/validator/base"
sections tests/data/small-network/data >"$seeds/validator/small-network"
sections resources/data/ev-battery >"$seeds/validator/ev-battery"
printf 'K\n' >"$seeds/validator/kept-only"

# Hand-written seeds for what the golden folders lack.
for t in "${targets[@]}"; do
  [ -d "tests/fuzz/seeds/$t" ] && cp tests/fuzz/seeds/"$t"/* "$seeds/$t/"
done

export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
failed=()
for t in "${targets[@]}"; do
  mkdir -p "$root/corpus/$t" "$root/artifacts/$t"
  regressions=tests/data/fuzz-regressions/$t
  dict=()
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
  extra=()
  [ -d "$regressions" ] && extra=("$regressions")
  echo "== fuzz_$t for ${seconds}s"
  if ! "$root/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 \
      -print_final_stats=1 -artifact_prefix="$root/artifacts/$t/" "${dict[@]}" \
      "$root/corpus/$t" "$seeds/$t" "${extra[@]}" 2>"$root/fuzz_$t.log"; then
    tail -n 60 "$root/fuzz_$t.log"
    failed+=("$t")
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|^Done [0-9]+ runs' \
    "$root/fuzz_$t.log" || true
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: crashes in: ${failed[*]} (inputs in $root/artifacts/)" >&2
  exit 1
fi
echo "fuzz: no crash"

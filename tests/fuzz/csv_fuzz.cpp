// SPDX-License-Identifier: MIT
// libFuzzer target: core::io::parseCsv (see tests/core/robust/fuzzentries.h).
#include <cstddef>
#include <cstdint>

#include "tests/core/robust/fuzzentries.h"
#include "tests/fuzz/fuzzcheck.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chokepoint::test::fuzz;
    check(csvEntry(asText(data, size)));
    return 0;
}

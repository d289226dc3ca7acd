// SPDX-License-Identifier: MIT
// libFuzzer target: the interchange validator (convertTables + crossCheck) on several CSV
// tables, and the round trips of whatever it accepts (see tests/core/robust/fuzzentries.h).
#include <cstddef>
#include <cstdint>

#include "tests/core/robust/fuzzentries.h"
#include "tests/fuzz/fuzzcheck.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    chokepoint::test::fuzz::validatorEntry("K\n", chokepoint::test::fuzz::scratch().path());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chokepoint::test::fuzz;
    check(validatorEntry(asText(data, size), scratch().path()));
    return 0;
}

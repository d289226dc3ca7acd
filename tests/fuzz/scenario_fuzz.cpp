// SPDX-License-Identifier: MIT
// libFuzzer target: core::scenario::parseScenarioDetailed against the small test network, plus
// a short run of every scenario it accepts (see tests/core/robust/fuzzentries.h).
#include <cstddef>
#include <cstdint>

#include "tests/core/robust/fuzzentries.h"
#include "tests/fuzz/fuzzcheck.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    // Builds the network once, before the first input is timed.
    chokepoint::test::fuzz::scenarioEntry("{}");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chokepoint::test::fuzz;
    check(scenarioEntry(asText(data, size)));
    return 0;
}

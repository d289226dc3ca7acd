// SPDX-License-Identifier: MIT
// libFuzzer target: core::io::readXlsxWorkbook, which reads by path, so each input goes
// through a scratch file of this process (see tests/core/robust/fuzzentries.h).
#include <cstddef>
#include <cstdint>

#include "tests/core/robust/fuzzentries.h"
#include "tests/fuzz/fuzzcheck.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace chokepoint::test::fuzz;
    static const std::string path = scratch().path() + "/input.xlsx";
    check(xlsxEntry(asText(data, size), path));
    return 0;
}

// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

#include "core/util/result.h"

namespace chokepoint::core {

/// Reads a whole input file (a CSV table, a scenario) into memory. Only a regular file of at
/// most `maxBytes` bytes is read: a FIFO would block until someone writes to it, a device such
/// as /dev/zero never ends, and a huge file would exhaust memory. Errors are plain reasons
/// without the path ("not a regular file (a folder, FIFO or device)", "the file has 300 MiB,
/// more than the limit of 256 MiB", "cannot open the file: No such file or directory").
Result<std::string> readInputFile(const std::string& path, uint64_t maxBytes);

/// The largest scenario file Chokepoint reads (16 MiB; the bundled ones have a few kB).
inline constexpr uint64_t kMaxScenarioFileSize = uint64_t(16) << 20;

} // namespace chokepoint::core

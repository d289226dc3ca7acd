// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "core/util/result.h"

namespace chokepoint::core {

/// What copyWorkspace() moved.
struct CopySummary {
    size_t rows = 0;      ///< rows of the SPEC §2 tables
    size_t scenarios = 0; ///< saved scenarios
};

/// `chokepoint copy SRC DST`: copies a whole workspace (every table, the saved scenarios and
/// the workspace's notes such as the bundled-example mark) from one location to another,
/// file or server, in either direction, in one transaction: DST is complete or untouched.
/// A file DST must not exist (it is built under a temporary name beside it and linked into
/// place at the end); a server DST must not exist or be empty (`chokepoint server init`).
Result<CopySummary> copyWorkspace(const std::string& source, const std::string& destination);

} // namespace chokepoint::core

// SPDX-License-Identifier: MIT
#pragma once

#include "core/model/dataset.h"
#include "core/util/result.h"

#include <string>

namespace chokepoint::core::io {

/// Writes every table as a sheet of one workbook (numbers as numbers, dates as dates,
/// header row frozen), atomically.
Result<void> exportXlsx(const Dataset& data, const std::string& path);

} // namespace chokepoint::core::io

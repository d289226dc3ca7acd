// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "core/model/dataset.h"
#include "core/util/result.h"

namespace chokepoint::core::io {

/// Writes every table as a sheet of one workbook, in tableSpecs() order (header only when a
/// table is empty): bold frozen header row, numbers as numbers, dates as `yyyy-mm-dd` dates,
/// nulls as empty cells, text as text. A number that Excel's 16 significant digits cannot
/// hold exactly (e.g. 0.1 + 0.2) is written as its exact text, so that reading the workbook
/// back gives the same value. Dates before 1900 are written as text.
/// The file is written through AtomicFile, so a failure leaves an existing `path` untouched
/// and `path` must be absent or a regular file. Errors: a table with more rows than a sheet
/// holds (1,048,575 below the header), a text longer than 32,767 characters, I/O.
Result<void> exportXlsx(const Dataset& data, const std::string& path);

} // namespace chokepoint::core::io

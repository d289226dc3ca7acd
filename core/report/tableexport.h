// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>

#include "core/report/reportdocument.h"
#include "core/util/result.h"

namespace chokepoint::core::report {

/// File formats a typed table can be written as.
enum class TableFormat { Csv, Xlsx };

/// The format a path's extension names (.csv / .xlsx, any case); nullopt for others.
std::optional<TableFormat> tableFormatForPath(const std::string& path);

/// The table as CSV text (RFC 4180, UTF-8, comma separator, header row of the column titles):
/// numbers as plain numbers that read back exactly (percentages as fractions, 0.625; money in
/// units, no symbol), dates as YYYY-MM-DD, missing cells empty, text quoted when needed.
std::string tableToCsv(const Table& table);

/// Writes tableToCsv() to `path` atomically (AtomicFile: on failure an existing file is left
/// as it was). Errors name the path.
Result<void> writeTableCsv(const Table& table, const std::string& path);

/// Writes the table as a one-sheet workbook (sheet named after the caption or id): bold frozen
/// header row; numbers as numbers with a matching number format (0.0% for percentages,
/// $#,##0 for money, #,##0 for counts), dates as dates, missing cells empty, web addresses as
/// links. Written through AtomicFile, like every file.
Result<void> writeTableXlsx(const Table& table, const std::string& path);

/// writeTableCsv() or writeTableXlsx() by the path's extension; an error for any other.
Result<void> writeTable(const Table& table, const std::string& path);

} // namespace chokepoint::core::report

// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/io/issue.h"
#include "core/io/rawtable.h"
#include "core/io/readlimits.h"

namespace chokepoint::core::io {

/// Parses RFC 4180 CSV text (comma, header row, optional UTF-8 BOM, CRLF or LF,
/// quoted fields with embedded commas, quotes and newlines) into `out`.
/// `out.file` names the source in issues. Blank lines are skipped. A data cell holding an
/// apostrophe before a formula character (see appendCsvField) loses that one apostrophe.
/// Returns false, with issues added, when the text cannot be read to its end as a table or
/// exceeds `budget` (default: one of its own); `out` then holds the rows read before the
/// problem and `out.complete` is false. A record that cannot be taken (wrong number of
/// fields, bad bytes) is reported, kept in `out.rejected`, and reading goes on: true may come
/// with issues, check `issues`.
bool parseCsv(std::string_view text, RawTable& out, IssueList& issues,
              ReadBudget* budget = nullptr);

/// Reads a whole file and parses it; `displayName` is used in issues. Only a regular file of
/// at most the budget's maxFileSize is read: a FIFO, a device or a folder is refused (reading
/// one would block or never end).
bool readCsvFile(const std::string& path, const std::string& displayName, RawTable& out,
                 IssueList& issues, ReadBudget* budget = nullptr);

/// Appends one CSV field to `line`, quoting it only when needed. A text a spreadsheet would run
/// as a formula (starting with = + - @, tab or CR, after any apostrophes) gets a leading
/// apostrophe, which spreadsheets show as plain text and parseCsv() removes again; plain
/// numbers such as -0.5 are left alone (CSV injection, issue 17).
void appendCsvField(std::string& line, std::string_view field);

/// parseCsv()'s inverse of appendCsvField()'s formula guard: `field` without the apostrophe
/// the guard added, or unchanged.
std::string_view stripFormulaGuard(std::string_view field);

/// Shortest decimal text that reads back as the same double ("0.1", "52348159.58", "1e-07").
std::string formatNumber(double value);

} // namespace chokepoint::core::io

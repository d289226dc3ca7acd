// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/io/issue.h"
#include "core/io/rawtable.h"

namespace chokepoint::core::io {

/// Parses RFC 4180 CSV text (comma, header row, optional UTF-8 BOM, CRLF or LF,
/// quoted fields with embedded commas, quotes and newlines) into `out`.
/// `out.file` names the source in issues. Blank lines are skipped. Returns false,
/// with issues added, when the text cannot be read as a table (it may still have
/// added issues for single rows and returned true; check `issues`).
bool parseCsv(std::string_view text, RawTable& out, IssueList& issues);

/// Reads a whole file and parses it; `displayName` is used in issues.
bool readCsvFile(const std::string& path, const std::string& displayName, RawTable& out,
                 IssueList& issues);

/// Appends one CSV field to `line`, quoting it only when needed.
void appendCsvField(std::string& line, std::string_view field);

/// Shortest decimal text that reads back as the same double ("0.1", "52348159.58", "1e-07").
std::string formatNumber(double value);

} // namespace chokepoint::core::io

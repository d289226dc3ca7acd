// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/io/issue.h"
#include "core/io/rawtable.h"
#include "core/io/readlimits.h"

namespace chokepoint::core::io {

struct XlsxReadOptions {
    /// Largest uncompressed size of one part (sheet, shared strings...) in bytes. Reading
    /// stops with an issue beyond it, whatever the zip directory claims (zip-bomb guard).
    uint64_t maxPartSize = uint64_t(512) << 20;
    /// Largest uncompressed size of every part read, together: bounds the time a workbook
    /// takes to read (about 5 s per GiB of XML).
    uint64_t maxTotalSize = uint64_t(1) << 30;
};

/// Reads every worksheet of an .xlsx workbook as a raw table: table name = sheet name
/// (lower-cased when that names a known table), `file` = `displayName`, `sheet` = the sheet
/// name; the first non-empty row is the header (trimmed), each later non-empty row a row of
/// exactly header-size cells (`lineOf` = spreadsheet row). Numbers become text that reads back
/// exactly ("45", "0.625"), date-formatted numbers `YYYY-MM-DD`, booleans "true"/"false",
/// formulas their saved result. Sheets with no non-empty cell and chart sheets give no table.
/// Issues read `file.xlsx:Sheet!C12: message`. Returns false when the workbook or a sheet
/// cannot be read at all (not a regular file, not a zip, broken XML, a damaged part or bad
/// CRC, a DTD, a part used twice, more than `budget` allows...); it may return true with cell
/// issues added, so check `issues` too. Never throws. What the workbook decodes to is counted
/// against `budget` (default: one of its own): shared strings, cell text and cells, so that a
/// small file cannot expand to gigabytes.
bool readXlsxWorkbook(const std::string& path, const std::string& displayName,
                      std::vector<RawTable>& tables, IssueList& issues,
                      const XlsxReadOptions& options = {}, ReadBudget* budget = nullptr);

} // namespace chokepoint::core::io

// SPDX-License-Identifier: MIT
#pragma once

#include "core/io/issue.h"
#include "core/io/rawtable.h"

#include <string>
#include <vector>

namespace chokepoint::core::io {

/// Reads every worksheet of an .xlsx workbook as a raw table (table name = sheet name,
/// first non-empty row = header). Issues read `file.xlsx:Sheet!C12: message`.
bool readXlsxWorkbook(const std::string& path, const std::string& displayName,
                      std::vector<RawTable>& tables, IssueList& issues);

} // namespace chokepoint::core::io

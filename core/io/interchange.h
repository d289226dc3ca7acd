// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/io/issue.h"
#include "core/io/rawtable.h"
#include "core/model/dataset.h"
#include "core/util/result.h"

namespace chokepoint::core {
class Workspace;
class WorkspaceStore;
} // namespace chokepoint::core

namespace chokepoint::core::io {

/// Reads an interchange source into raw tables: a folder of CSV files (table = file name
/// without `.csv`), a single `.csv` file, or an `.xlsx` workbook (table = sheet name).
/// Returns false with issues when the source as a whole cannot be read (no such path, no
/// .csv files, a workbook that cannot be read). A CSV file or record that cannot be read
/// only adds issues: the file is kept as far as it was read (RawTable::complete, rejected),
/// so that validateTables() checks everything else in the same pass.
bool readSource(const std::string& path, std::vector<RawTable>& tables, IssueList& issues);

struct ImportOptions {
    bool replace = false; ///< replace company data (and reference data, if the import has any)
    /// Optional progress in [0, 1] and stage text; return false to cancel (nothing is written).
    std::function<bool(double, const std::string&)> progress;
};

struct ImportSummary {
    std::map<std::string, size_t> rows; ///< imported rows per table
    bool cancelled = false;
};

/// Validates `tables` against SPEC §2 and what stays in the workspace, then writes them
/// in one transaction. On any issue nothing is written and the issues say why.
Result<ImportSummary> importTables(WorkspaceStore& ws, const std::vector<RawTable>& tables,
                                   const ImportOptions& options, IssueList& issues);
/// The same on a workspace file.
Result<ImportSummary> importTables(Workspace& ws, const std::vector<RawTable>& tables,
                                   const ImportOptions& options, IssueList& issues);

/// Validation only (no workspace write): the typed rows that an import would write. Every
/// check runs in one pass: the rows' own checks, then the checks between tables on the rows
/// that could be read. False when `issues` holds any issue, including ones added before
/// (by readSource()); `out` is then left as it was.
bool validateTables(const std::vector<RawTable>& tables, const Dataset& kept, Dataset& out,
                    IssueList& issues);

/// What stays in the workspace `current` when importing with these options. With `replace`,
/// company data goes, and reference data too when the import has reference tables; of the
/// profile, reference_cutoff counts as reference data and the other keys as company data.
/// Profile keys given by an import replace the workspace's (no "already exists" error).
Dataset keptData(const Dataset& current, bool replace, bool importHasReferenceTables);
bool hasReferenceTables(const std::vector<RawTable>& tables);

/// Writes every table as `DIR/<table>.csv` (header only when empty), each file atomically.
Result<void> exportCsvFolder(const Dataset& data, const std::string& dir);
/// Writes one table as CSV text.
std::string tableToCsv(const Dataset& data, std::string_view table);

} // namespace chokepoint::core::io

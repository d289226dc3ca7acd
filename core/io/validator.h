// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/io/issue.h"
#include "core/io/rawtable.h"
#include "core/model/dataset.h"

namespace chokepoint::core::io {

/// Typed rows of an import, each remembering the raw row it came from.
struct ImportedRows {
    struct Origin {
        const RawTable* table = nullptr;
        std::vector<uint32_t> rows; ///< raw row index of each typed row
    };
    Dataset data;
    std::map<std::string, Origin, std::less<>> origins; ///< by table name
    /// The key of each typed `profile` row (its origin is origins["profile"].rows[i]).
    std::vector<std::string_view> profileKeys;
    /// Keys (id, iso3) given by rows that could not be read, by table: such a row is left out
    /// of the checks between tables, but a reference to its key is not reported as unknown
    /// (its own error says what is wrong; one bad row, one error). Views into the raw tables.
    std::map<std::string, std::unordered_set<std::string_view>, std::less<>> unreadableKeys;
    /// Tables whose keys are not all known (header unreadable, a required key column missing,
    /// or reading stopped before the end): references into them are not checked.
    std::set<std::string, std::less<>> keysUnknown;

    /// Location of typed row `i` of `table`, at spec column `column` (empty: whole row).
    Location locate(std::string_view table, size_t i, std::string_view column = {}) const;
    bool hasReferenceTables() const;
};

/// Types every raw table (header and cell checks). Rows with errors are left out of
/// `out.data` (their keys go to `out.unreadableKeys`); every problem goes to `issues`. The
/// tables must outlive `out`.
void convertTables(const std::vector<RawTable>& tables, ImportedRows& out, IssueList& issues);

/// Cross-row checks of SPEC §2 against what stays in the workspace (`kept`): unique keys,
/// references resolve, supply shares per (buyer_site, material_id) sum to at most 1,
/// recipes acyclic, control dates in order.
void crossCheck(const ImportedRows& imported, const Dataset& kept, IssueList& issues);

} // namespace chokepoint::core::io

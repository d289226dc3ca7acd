// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
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

    /// Location of typed row `i` of `table`, at spec column `column` (empty: whole row).
    Location locate(std::string_view table, size_t i, std::string_view column = {}) const;
    bool hasReferenceTables() const;
};

/// Types every raw table (header and cell checks). Rows with errors are left out of
/// `out.data`; every problem goes to `issues`. The tables must outlive `out`.
void convertTables(const std::vector<RawTable>& tables, ImportedRows& out, IssueList& issues);

/// Cross-row checks of SPEC §2 against what stays in the workspace (`kept`): unique keys,
/// references resolve, supply shares per (buyer_site, material_id) sum to at most 1,
/// recipes acyclic, control dates in order.
void crossCheck(const ImportedRows& imported, const Dataset& kept, IssueList& issues);

} // namespace chokepoint::core::io

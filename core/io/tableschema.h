// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <variant>
#include <vector>

#include "core/model/dataset.h"

namespace chokepoint::core::io {

/// sites.recovery_days is a whole number of days in [0, kMaxRecoveryDays]: ten years. A site that
/// takes longer to come back is a new supply chain, not a recovery (docs/data-format.md).
inline constexpr int kMaxRecoveryDays = 3650;

/// How a column's text is read and written.
enum class ColumnType { Id, Text, Number, Share, Integer, Date, Enum };

struct ColumnSpec {
    std::string_view name;
    bool required;
    ColumnType type;
};

/// One interchange table (SPEC §2), plus the `sources` extension.
struct TableSpec {
    std::string_view name;
    bool reference; ///< reference data (shared facts) rather than company data
    std::vector<ColumnSpec> columns;

    int columnIndex(std::string_view column) const;
};

/// Every table, parents before children (the order of writing and of reading).
const std::vector<TableSpec>& tableSpecs();
const TableSpec* findTableSpec(std::string_view name);

/// A typed cell for writers (CSV writes text; XLSX keeps numbers and dates typed).
using Cell = std::variant<std::monostate, std::string, double, int64_t, Date>;

/// Calls `row` with each row of `table` in `data`, cells in the spec's column order.
void forEachRow(const Dataset& data, std::string_view table,
                const std::function<void(const std::vector<Cell>&)>& row);
/// Number of rows of `table` in `data`.
size_t rowCount(const Dataset& data, std::string_view table);

} // namespace chokepoint::core::io

// SPDX-License-Identifier: MIT
#pragma once

#include <span>
#include <string_view>

namespace chokepoint::core::store {

/// One step of the schema history: applied in its own transaction, in order, with foreign
/// keys off (so that a step can rebuild a table); the keys are checked before it commits.
struct Migration {
    int version; ///< user_version after this step
    std::string_view description;
    std::string_view sql;
};

/// Every migration, oldest first. The last one's version is the current schema version.
std::span<const Migration> migrations();
int currentSchemaVersion();

/// A secondary index of one of the large company tables (supply, sites, site_technologies),
/// exactly as the migrations create it. A large write drops these and creates them again after
/// its inserts, in the same transaction: one sort instead of a B-tree insert per row.
struct IndexDef {
    std::string_view table;
    std::string_view name;
    std::string_view create; ///< the CREATE INDEX statement
};
std::span<const IndexDef> bulkIndexes();

/// Stored in PRAGMA application_id so other SQLite files are not mistaken for workspaces.
inline constexpr int kApplicationId = 0x43484B50; // "CHKP"

} // namespace chokepoint::core::store

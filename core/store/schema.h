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

/// Stored in PRAGMA application_id so other SQLite files are not mistaken for workspaces.
inline constexpr int kApplicationId = 0x43484B50; // "CHKP"

} // namespace chokepoint::core::store

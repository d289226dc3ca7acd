// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "core/store/pgconnection.h"
#include "core/util/result.h"

namespace chokepoint::core::store {

/// The workspace tables on PostgreSQL. They are not written out a second time: the
/// statements are derived from the SQLite migrations (schema.h), applied to an in-memory
/// database, with the types translated (TEXT → text, INTEGER → bigint, REAL → double
/// precision, ifnull → coalesce), the tables ordered so that each comes after the tables it
/// references, and an identity column `rowid` added to each table: the stored order, which
/// SQLite keeps in its own rowid.
Result<std::vector<std::string>> postgresSchemaStatements();

/// The schema-version table of a server workspace: one row (version, application), like
/// SQLite's user_version and application_id.
inline constexpr const char* kPgVersionTable = "chokepoint_schema";
inline constexpr const char* kPgApplication = "chokepoint";

/// The roles `chokepoint server init` creates (SPEC §9).
inline constexpr const char* kPgRoles[] = {"chokepoint_viewer", "chokepoint_analyst",
                                           "chokepoint_admin"};

/// What a schema named `workspace` holds, as far as opening it goes.
enum class PgWorkspaceState { Missing, NotAWorkspace, Workspace };
struct PgWorkspaceInfo {
    PgWorkspaceState state = PgWorkspaceState::Missing;
    int version = 0;
};
Result<PgWorkspaceInfo> inspectWorkspace(pg::Connection& c, const std::string& workspace);

/// Creates schema `workspace` and its tables at the current version, when missing (a schema
/// that exists but is not a workspace is refused), and grants the roles that exist their
/// rights on it: viewer reads, analyst and admin also write. Idempotent; inside the caller's
/// transaction if there is one.
Result<void> installWorkspaceSchema(pg::Connection& c, const std::string& workspace);

/// Creates the roles of kPgRoles that are missing (NOLOGIN; grant them to login roles).
Result<void> createRoles(pg::Connection& c);

/// True when no table of the workspace holds a row (a fresh `server init`).
Result<bool> workspaceIsEmpty(pg::Connection& c, const std::string& workspace);

} // namespace chokepoint::core::store

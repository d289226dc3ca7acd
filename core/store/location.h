// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "core/util/result.h"

namespace chokepoint::core::store {

/// A server workspace location, `postgresql://[user@]host[:port]/db?workspace=NAME` (SPEC §9).
struct ServerLocation {
    std::string uri;       ///< what libpq gets: the location without the workspace parameter
    std::string workspace; ///< the workspace's schema name
};

/// Parses a postgresql:// (or postgres://) location. Other libpq parameters pass through to
/// libpq as they are. Refused, with a message that never repeats the location (it may hold a
/// secret): a password in the URI (`user:secret@`, `password=`: passwords come only from
/// ~/.pgpass or PGPASSWORD), a missing or repeated `workspace`, and workspace names that are
/// not 1–63 of [A-Za-z0-9_] starting with a letter or `_` (nor `pg_…`, which PostgreSQL
/// reserves).
Result<ServerLocation> parseServerLocation(const std::string& location);

/// True when `name` is a valid workspace (schema) name, as above.
bool isValidWorkspaceName(const std::string& name);

} // namespace chokepoint::core::store

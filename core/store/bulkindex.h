// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>
#include <vector>

#include "core/store/schema.h"
#include "core/store/sqlite.h"
#include "core/util/result.h"

namespace chokepoint::core::store {

/// A large write into the big company tables (supply, sites, site_technologies): their
/// secondary indexes (bulkIndexes()) are dropped before the inserts and created again after
/// them, inside the caller's transaction, so that a kill or an error leaves them as they were.
/// Creating an index once from the finished table sorts it; keeping it up to date row by row
/// costs a B-tree descent per row and index, at random places (issue 16's profile).
class BulkIndexes {
public:
    /// Fewer incoming rows than this are inserted with the indexes in place.
    static constexpr size_t kMinRows = 5000;

    explicit BulkIndexes(sql::Database& db)
        : m_db(db) {}
    /// Drops `table`'s bulk indexes when `incoming` rows are at least kMinRows and at least as
    /// many as the table holds already (rebuilding an index over a large table for a few rows
    /// would cost more than it saves).
    Result<void> prepare(std::string_view table, size_t incoming);
    /// Creates every index prepare() dropped. A unique index fails here if the rows break it.
    Result<void> restore();

private:
    sql::Database& m_db;
    std::vector<const IndexDef*> m_dropped;
};

} // namespace chokepoint::core::store

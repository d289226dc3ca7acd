// SPDX-License-Identifier: MIT
#include "core/store/bulkindex.h"

#include <string>

namespace chokepoint::core::store {

Result<void> BulkIndexes::prepare(std::string_view table, size_t incoming) {
    if (incoming < kMinRows)
        return {};
    {
        // max(rowid) is found in one descent and bounds the row count from above. Finalised
        // before the DROP: a pending statement locks the table ("database table is locked").
        sql::Statement size(m_db, "SELECT ifnull(max(rowid), 0) FROM " + std::string(table));
        if (!size.valid() || !size.step())
            return Error{size.errorString().empty() ? m_db.lastError() : size.errorString()};
        if (uint64_t(size.integer(0)) > incoming)
            return {};
    }
    for (const IndexDef& index : bulkIndexes()) {
        if (index.table != table)
            continue;
        if (auto r = m_db.exec("DROP INDEX IF EXISTS " + std::string(index.name)); !r)
            return r;
        m_dropped.push_back(&index);
    }
    return {};
}

Result<void> BulkIndexes::restore() {
    for (const IndexDef* index : m_dropped)
        if (auto r = m_db.exec(index->create); !r)
            return r;
    m_dropped.clear();
    return {};
}

} // namespace chokepoint::core::store

// SPDX-License-Identifier: MIT
// Choosing the store for a location: a file path or a postgresql:// URI (SPEC §9).
#include "core/store/pgstore.h"
#include "core/store/sqlitestore.h"
#include "core/store/workspacestore.h"

namespace chokepoint::core {

bool isServerLocation(const std::string& location) {
    return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<WorkspaceStore>> openStore(const std::string& location, StoreAccess access) {
    if (isServerLocation(location)) {
        auto pg = PgStore::open(location);
        if (!pg)
            return pg.error();
        return std::unique_ptr<WorkspaceStore>(std::move(*pg));
    }
    auto ws = access == StoreAccess::ReadOnly ? Workspace::openReadOnly(location)
                                              : Workspace::open(location);
    if (!ws)
        return ws.error();
    return std::unique_ptr<WorkspaceStore>(std::make_unique<SqliteStore>(std::move(*ws)));
}

Result<void> createStore(const std::string& location, const Dataset& data,
                         const std::string& bundledExample) {
    if (!isServerLocation(location))
        return Workspace::createFile(location, data, false, bundledExample);
    return PgStore::create(location, [&](WorkspaceStore& ws) -> Result<void> {
        if (auto r = ws.write(data, WriteMode::Replace); !r)
            return r;
        if (!bundledExample.empty())
            return ws.setMeta(Workspace::kBundledExampleKey, bundledExample);
        return {};
    });
}

} // namespace chokepoint::core

// SPDX-License-Identifier: MIT
#include "core/store/storecopy.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unistd.h>

#include "core/io/tableschema.h"
#include "core/store/pgstore.h"
#include "core/store/sqlitestore.h"

namespace chokepoint::core {
namespace {

struct Contents {
    Dataset data;
    std::map<std::string, std::string> meta;
    std::vector<store::StoredScenario> scenarios;
};

Result<void> fill(WorkspaceStore& ws, const Contents& c) {
    if (auto r = ws.write(c.data, WriteMode::Replace); !r)
        return r;
    for (const auto& [key, value] : c.meta)
        if (auto r = ws.setMeta(key, value); !r)
            return Error{ws.location() + ": " + r.errorString()};
    return ws.putScenarios(c.scenarios);
}

// A new file workspace: built under a hidden name beside `path`, then linked to `path`, which
// link() refuses to overwrite, so a file that appeared meanwhile is never replaced.
Result<void> copyToFile(const std::string& path, const Contents& c) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::symlink_status(path, ec).type() != fs::file_type::not_found)
        return Error{path + ": already exists; copy into a new file"};
    static std::atomic<int> counter{0};
    const fs::path target(path);
    const std::string temp =
        (target.parent_path() / ("." + target.filename().string() + ".copy-" +
                                 std::to_string(::getpid()) + "-" + std::to_string(++counter)))
            .string();
    auto cleanup = [&] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            fs::remove(temp + suffix, ec);
    };
    {
        auto ws = Workspace::create(temp);
        if (!ws) {
            cleanup();
            return Error{path + ": " + ws.errorString()};
        }
        SqliteStore store(std::move(*ws));
        if (auto r = store.writeTransaction([&] { return fill(store, c); }, false); !r) {
            cleanup();
            return Error{path + ": " + r.errorString()};
        }
    } // closed: SQLite folds the WAL back into the file
    if (::link(temp.c_str(), path.c_str()) != 0) {
        const std::string why = errno == EEXIST ? "already exists" : std::strerror(errno);
        cleanup();
        return Error{path + ": " + why};
    }
    cleanup();
    return {};
}

} // namespace

Result<CopySummary> copyWorkspace(const std::string& source, const std::string& destination) {
    Contents c;
    {
        auto src = openStore(source, StoreAccess::ReadOnly);
        if (!src)
            return src.error();
        auto data = (*src)->load();
        if (!data)
            return data.error();
        c.data = std::move(*data);
        auto meta = (*src)->allMeta();
        if (!meta)
            return meta.error();
        c.meta = std::move(*meta);
        auto scenarios = (*src)->scenarios();
        if (!scenarios)
            return scenarios.error();
        c.scenarios = std::move(*scenarios);
    }
    auto r = isServerLocation(destination)
                 ? PgStore::create(destination, [&](WorkspaceStore& ws) { return fill(ws, c); })
                 : copyToFile(destination, c);
    if (!r)
        return r.error();
    CopySummary summary;
    for (const auto& spec : io::tableSpecs())
        summary.rows += io::rowCount(c.data, spec.name);
    summary.scenarios = c.scenarios.size();
    return summary;
}

} // namespace chokepoint::core

// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/dataset.h"
#include "core/store/scenariostore.h"
#include "core/store/workspace.h"
#include "core/util/result.h"

namespace chokepoint::core {

/// One workspace, wherever it is kept: a SQLite file (SqliteStore, the default) or a schema
/// on a PostgreSQL team server (PgStore, SPEC §9). The loading and writing code (import, the
/// commands, copy) goes through this interface; both implementations hold the same tables
/// and give the same Dataset back.
///
/// Not thread-safe (one connection); errors are values with a message naming location().
/// Every write is one transaction: on any failure nothing changes. Inside
/// writeTransaction(), writes join the caller's transaction.
class WorkspaceStore {
public:
    virtual ~WorkspaceStore() = default;

    /// The location as the user gave it: a file path or a postgresql:// URI (never holding a
    /// password: those are refused, see parseLocation()).
    virtual const std::string& location() const = 0;
    /// A short name for titles: the file's base name, or the server workspace's name.
    virtual std::string displayName() const = 0;
    virtual int schemaVersion() const = 0;

    /// Reads every table, rows in stored order.
    virtual Result<Dataset> load() = 0;
    /// Writes the dataset (see WriteMode) in one transaction.
    virtual Result<void> write(const Dataset& data, WriteMode mode) = 0;

    /// Runs `body` in one write transaction that holds the workspace's write lock from the
    /// start to the commit, so that what `body` reads stays current until it commits (two
    /// imports at once wait for each other). Commits when `body` succeeds, else rolls back.
    /// `referencesChecked`: `body` checks every reference itself (an import's validation), so
    /// the store may skip its own per-row checks where that is safe.
    virtual Result<void> writeTransaction(const std::function<Result<void>()>& body,
                                          bool referencesChecked = false) = 0;

    virtual std::optional<std::string> meta(const std::string& key) = 0;
    virtual Result<std::map<std::string, std::string>> allMeta() = 0;
    virtual Result<void> setMeta(const std::string& key, const std::string& value) = 0;
    /// See Workspace::isBundledExample().
    bool isBundledExample() {
        const auto v = meta(Workspace::kBundledExampleKey);
        return v && !v->empty();
    }

    /// Every saved scenario (SPEC §4 JSON), ordered by id.
    virtual Result<std::vector<store::StoredScenario>> scenarios() = 0;
    /// Stores scenarios as they are (id, name, JSON, times kept), e.g. a copy. The ids and
    /// names must be free.
    virtual Result<void> putScenarios(const std::vector<store::StoredScenario>& list) = 0;
};

enum class StoreAccess { ReadWrite, ReadOnly };

/// True when `location` names a server workspace (postgresql:// or postgres://).
bool isServerLocation(const std::string& location);

/// Opens the workspace at `location` (a file path or a server URI). A file is migrated when
/// opened for writing (Workspace::open), read as it is otherwise (Workspace::openReadOnly).
Result<std::unique_ptr<WorkspaceStore>> openStore(const std::string& location,
                                                  StoreAccess access = StoreAccess::ReadWrite);

/// Creates a workspace at `location` holding `data` (marked as the bundled example
/// `bundledExample` when non-empty), complete or not at all. A file must not exist (or be
/// empty; see Workspace::createFile); a server workspace must not exist or be empty (one
/// made by `chokepoint server init`).
Result<void> createStore(const std::string& location, const Dataset& data,
                         const std::string& bundledExample = {});

} // namespace chokepoint::core

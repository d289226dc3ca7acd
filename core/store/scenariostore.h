// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/store/sqlite.h"
#include "core/util/result.h"

namespace chokepoint::core::store {

/// A scenario saved in a workspace.
struct StoredScenario {
    int64_t id = 0;
    std::string name;
    std::string json;     ///< SPEC §4 file format, as written by scenarioToJson()
    std::string created;  ///< UTC, ISO 8601 ("2025-08-01T09:30:00Z")
    std::string modified; ///< UTC, ISO 8601
    bool operator==(const StoredScenario&) const = default;
};

/// The `scenarios` table of a workspace (schema 2): scenario files saved under their name.
///
/// Works on an open workspace's connection (Workspace::database(); it must outlive the
/// store); not thread-safe, like the connection. Every change runs in its own transaction
/// (nested as a savepoint inside a caller's), so a failed call changes nothing. Stored JSON
/// is the scenario parsed (form checks only: ids are not checked against the data, so a
/// scenario survives a re-import) and written back by scenarioToJson(); the row's name is
/// always the JSON's `name`. Names are unique (case-sensitive, surrounding spaces count).
/// Errors are returned as values with a message for people.
class ScenarioStore {
public:
    /// `clock` returns the current time as stored in created/modified (default: UTC now).
    explicit ScenarioStore(sql::Database& db, std::function<std::string()> clock = {});

    /// Every saved scenario, ordered by name (case-insensitive), then id.
    Result<std::vector<StoredScenario>> list();
    Result<std::optional<StoredScenario>> find(int64_t id);
    Result<std::optional<StoredScenario>> findByName(const std::string& name);

    /// Saves a new scenario; fails when the JSON is not a valid scenario or its name is taken.
    Result<int64_t> add(const std::string& json);
    /// Saves several new scenarios in one transaction: all or none (e.g. an import).
    Result<std::vector<int64_t>> addAll(const std::vector<std::string>& jsons);
    /// Replaces a saved scenario's JSON (its name may change, and must stay unique); keeps
    /// `created`, sets `modified`.
    Result<void> update(int64_t id, const std::string& json);
    /// Renames a saved scenario (the row and the JSON's `name`); the name must be non-empty
    /// and unique.
    Result<void> rename(int64_t id, const std::string& name);
    Result<void> remove(int64_t id);

    /// The current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
    static std::string utcNow();

private:
    Result<int64_t> insert(const std::string& json);
    Result<std::string> normalize(const std::string& json, std::string* name) const;
    Result<void> checkNameFree(const std::string& name, std::optional<int64_t> except);

    sql::Database& m_db;
    std::function<std::string()> m_clock;
};

} // namespace chokepoint::core::store

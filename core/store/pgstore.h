// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>

#include "core/store/location.h"
#include "core/store/pgconnection.h"
#include "core/store/workspacestore.h"

namespace chokepoint::core {

/// The PostgreSQL implementation of WorkspaceStore (SPEC §9): one schema per workspace on a
/// team server, the same tables as a SQLite workspace (store/pgschema.h). Writes send each
/// table with COPY; reads use prepared statements and give the rows, in stored order, to the
/// interchange checks (io::validateTables), the one definition of how a row's text becomes a
/// typed value, so that a workspace loads the same from either kind of store.
class PgStore final : public WorkspaceStore {
public:
    /// Opens an existing server workspace. Errors name the location and say what to do:
    /// server down, login refused, no such workspace, a schema newer than this program.
    static Result<std::unique_ptr<PgStore>> open(const std::string& location);

    /// Creates the workspace at `location` (its schema and tables, when missing; it must be
    /// missing or empty), then lets `fill` write into it, all in one transaction: on any
    /// failure the server is left as it was.
    static Result<void> create(const std::string& location,
                               const std::function<Result<void>(WorkspaceStore&)>& fill);

    /// `chokepoint server init`: creates the roles that are missing and the workspace's
    /// schema (empty) when missing, and grants the roles their rights. Idempotent.
    static Result<void> initServer(const std::string& location);

    const std::string& location() const override { return m_location; }
    std::string displayName() const override { return m_workspace; }
    int schemaVersion() const override { return m_version; }
    Result<Dataset> load() override;
    Result<void> write(const Dataset& data, WriteMode mode) override;
    Result<void> writeTransaction(const std::function<Result<void>()>& body,
                                  bool referencesChecked) override;
    std::optional<std::string> meta(const std::string& key) override;
    Result<std::map<std::string, std::string>> allMeta() override;
    Result<void> setMeta(const std::string& key, const std::string& value) override;
    Result<std::vector<store::StoredScenario>> scenarios() override;
    Result<void> putScenarios(const std::vector<store::StoredScenario>& list) override;

private:
    PgStore(pg::Connection c, std::string location, std::string workspace, int version)
        : m_c(std::move(c))
        , m_location(std::move(location))
        , m_workspace(std::move(workspace))
        , m_version(version) {}
    /// Connects to the server of `location` (no workspace checks).
    static Result<pg::Connection> connect(const std::string& location,
                                          store::ServerLocation& parsed);
    Error error(const std::string& what, const std::string& detail) const;
    Result<void> writeTables(const Dataset& d);

    pg::Connection m_c;
    std::string m_location;
    std::string m_workspace;
    int m_version = 0;
};

} // namespace chokepoint::core

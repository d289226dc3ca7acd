// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include "core/store/workspacestore.h"

namespace chokepoint::core {

/// The SQLite implementation of WorkspaceStore: a Workspace file (core/store/workspace.h),
/// owned, or borrowed from a caller that keeps it open (the GUI's workspace).
class SqliteStore final : public WorkspaceStore {
public:
    explicit SqliteStore(Workspace ws)
        : m_owned(std::move(ws))
        , m_ws(&*m_owned) {}
    // Not movable: m_ws may point into m_owned. borrow() returns a prvalue (no move needed).
    SqliteStore(SqliteStore&&) = delete;
    SqliteStore& operator=(SqliteStore&&) = delete;
    /// Borrows `ws`, which must outlive the store.
    static SqliteStore borrow(Workspace& ws) { return SqliteStore(&ws); }

    Workspace& workspace() { return *m_ws; }

    const std::string& location() const override { return m_ws->path(); }
    std::string displayName() const override;
    int schemaVersion() const override { return m_ws->schemaVersion(); }
    Result<Dataset> load() override { return m_ws->load(); }
    Result<void> write(const Dataset& data, WriteMode mode) override {
        return m_ws->write(data, mode);
    }
    Result<void> writeTransaction(const std::function<Result<void>()>& body,
                                  bool referencesChecked) override;
    std::optional<std::string> meta(const std::string& key) override { return m_ws->meta(key); }
    Result<std::map<std::string, std::string>> allMeta() override;
    Result<void> setMeta(const std::string& key, const std::string& value) override {
        return m_ws->setMeta(key, value);
    }
    Result<std::vector<store::StoredScenario>> scenarios() override;
    Result<void> putScenarios(const std::vector<store::StoredScenario>& list) override;

private:
    explicit SqliteStore(Workspace* ws)
        : m_ws(ws) {}

    std::optional<Workspace> m_owned;
    Workspace* m_ws;
};

} // namespace chokepoint::core

// SPDX-License-Identifier: MIT
#include "core/store/sqlitestore.h"

#include <QFileInfo>

namespace chokepoint::core {

std::string SqliteStore::displayName() const {
    return QFileInfo(QString::fromStdString(location())).completeBaseName().toStdString();
}

Result<void> SqliteStore::writeTransaction(const std::function<Result<void>()>& body,
                                           bool referencesChecked) {
    sql::Database& db = m_ws->database();
    // With the references checked by the caller, SQLite need not repeat them for every
    // inserted row (three index descents per supply link; a third of an import, issue 16).
    // The pragma only takes effect outside a transaction, so it is switched here, and back on
    // after the transaction whatever happens (the guard outlives `tx`).
    struct ForeignKeysOff {
        sql::Database* db;
        ~ForeignKeysOff() {
            if (db)
                (void)db->exec("PRAGMA foreign_keys = ON");
        }
    } foreignKeysOff{referencesChecked ? &db : nullptr};
    if (referencesChecked)
        (void)db.exec("PRAGMA foreign_keys = OFF");
    // BEGIN IMMEDIATE: the write lock is held from the first read to the commit. Another
    // writer waits here (busy timeout) for this one.
    sql::Transaction tx(db);
    if (!tx.begun())
        return Error{location() + ": cannot write: " + tx.errorString() +
                     (tx.errorString().find("locked") != std::string::npos
                          ? " (another program is writing to this workspace; try again)"
                          : "")};
    if (auto r = body(); !r)
        return r;
    if (auto r = tx.commit(); !r)
        return Error{location() + ": cannot commit: " + r.errorString()};
    return {};
}

Result<std::map<std::string, std::string>> SqliteStore::allMeta() {
    sql::Statement st(m_ws->database(), "SELECT key, value FROM meta ORDER BY key");
    if (!st.valid())
        return Error{location() + ": cannot read: " + st.errorString()};
    std::map<std::string, std::string> out;
    while (st.step())
        out[st.text(0)] = st.text(1);
    if (!st.errorString().empty())
        return Error{location() + ": cannot read: " + st.errorString()};
    return out;
}

Result<std::vector<store::StoredScenario>> SqliteStore::scenarios() {
    if (schemaVersion() < 2) // read as it is: no saved scenarios yet
        return std::vector<store::StoredScenario>{};
    sql::Statement st(m_ws->database(),
                      "SELECT id, name, json, created, modified FROM scenarios ORDER BY id");
    if (!st.valid())
        return Error{location() + ": cannot read the saved scenarios: " + st.errorString()};
    std::vector<store::StoredScenario> out;
    while (st.step())
        out.push_back({st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4)});
    if (!st.errorString().empty())
        return Error{location() + ": cannot read the saved scenarios: " + st.errorString()};
    return out;
}

Result<void> SqliteStore::putScenarios(const std::vector<store::StoredScenario>& list) {
    sql::Transaction tx(m_ws->database());
    if (!tx.begun())
        return Error{location() + ": cannot write: " + tx.errorString()};
    sql::Statement st(m_ws->database(), "INSERT INTO scenarios(id, name, json, created, modified) "
                                        "VALUES(?, ?, ?, ?, ?)");
    for (const auto& s : list) {
        st.bind(1, s.id).bind(2, s.name).bind(3, s.json).bind(4, s.created).bind(5, s.modified);
        if (auto r = st.run(); !r)
            return Error{location() + ": cannot save scenario '" + s.name +
                         "': " + r.errorString()};
        st.reset();
    }
    if (auto r = tx.commit(); !r)
        return Error{location() + ": cannot commit: " + r.errorString()};
    return {};
}

} // namespace chokepoint::core

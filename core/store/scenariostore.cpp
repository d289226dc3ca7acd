// SPDX-License-Identifier: MIT
#include "core/store/scenariostore.h"

#include <QDateTime>

#include "core/scenario/scenarioparser.h"

namespace chokepoint::core::store {

namespace {

constexpr const char* kColumns = "SELECT id, name, json, created, modified FROM scenarios ";

StoredScenario readRow(const sql::Statement& st) {
    return {st.integer(0), st.text(1), st.text(2), st.text(3), st.text(4)};
}

Error sqlError(const std::string& what, const std::string& detail) {
    return Error{what + ": " + detail};
}

} // namespace

ScenarioStore::ScenarioStore(sql::Database& db, std::function<std::string()> clock)
    : m_db(db)
    , m_clock(clock ? std::move(clock) : std::function<std::string()>(&ScenarioStore::utcNow)) {}

std::string ScenarioStore::utcNow() {
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString();
}

Result<std::vector<StoredScenario>> ScenarioStore::list() {
    sql::Statement st(m_db, std::string(kColumns) + "ORDER BY name COLLATE NOCASE, id");
    if (!st.valid())
        return sqlError("cannot list the saved scenarios", st.errorString());
    std::vector<StoredScenario> out;
    while (st.step())
        out.push_back(readRow(st));
    if (!st.errorString().empty())
        return sqlError("cannot list the saved scenarios", st.errorString());
    return out;
}

Result<std::optional<StoredScenario>> ScenarioStore::find(int64_t id) {
    sql::Statement st(m_db, std::string(kColumns) + "WHERE id = ?");
    if (!st.valid())
        return sqlError("cannot read the saved scenarios", st.errorString());
    st.bind(1, id);
    if (st.step())
        return std::optional<StoredScenario>(readRow(st));
    if (!st.errorString().empty())
        return sqlError("cannot read the saved scenarios", st.errorString());
    return std::optional<StoredScenario>();
}

Result<std::optional<StoredScenario>> ScenarioStore::findByName(const std::string& name) {
    sql::Statement st(m_db, std::string(kColumns) + "WHERE name = ?");
    if (!st.valid())
        return sqlError("cannot read the saved scenarios", st.errorString());
    st.bind(1, name);
    if (st.step())
        return std::optional<StoredScenario>(readRow(st));
    if (!st.errorString().empty())
        return sqlError("cannot read the saved scenarios", st.errorString());
    return std::optional<StoredScenario>();
}

Result<std::string> ScenarioStore::normalize(const std::string& json, std::string* name) const {
    const scenario::ScenarioParse parsed = scenario::parseScenarioDetailed(json, nullptr);
    if (!parsed.scenario) {
        std::string message = "not a valid scenario:";
        for (const auto& issue : parsed.issues)
            message += "\n" + issue.toString();
        return Error{message};
    }
    if (parsed.scenario->name.empty())
        return Error{"a saved scenario needs a name"};
    *name = parsed.scenario->name;
    return scenario::scenarioToJson(*parsed.scenario);
}

Result<void> ScenarioStore::checkNameFree(const std::string& name, std::optional<int64_t> except) {
    auto existing = findByName(name);
    if (!existing)
        return existing.error();
    if (*existing && (!except || (*existing)->id != *except))
        return Error{"a scenario named \"" + name + "\" is already saved; choose another name"};
    return {};
}

Result<int64_t> ScenarioStore::insert(const std::string& json) {
    std::string name;
    auto text = normalize(json, &name);
    if (!text)
        return text.error();
    if (auto r = checkNameFree(name, std::nullopt); !r)
        return r.error();
    const std::string now = m_clock();
    sql::Statement st(m_db,
                      "INSERT INTO scenarios(name, json, created, modified) VALUES(?, ?, ?, ?)");
    st.bind(1, name).bind(2, *text).bind(3, now).bind(4, now);
    if (auto r = st.run(); !r)
        return sqlError("cannot save the scenario \"" + name + "\"", r.errorString());
    return m_db.lastInsertRowId();
}

Result<int64_t> ScenarioStore::add(const std::string& json) {
    auto all = addAll({json});
    if (!all)
        return all.error();
    return all->front();
}

Result<std::vector<int64_t>> ScenarioStore::addAll(const std::vector<std::string>& jsons) {
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return Error{"cannot save scenarios: " + tx.errorString()};
    std::vector<int64_t> ids;
    for (size_t i = 0; i < jsons.size(); ++i) {
        auto id = insert(jsons[i]);
        if (!id)
            return jsons.size() > 1
                       ? Error{"scenario " + std::to_string(i + 1) + ": " + id.errorString()}
                       : id.error();
        ids.push_back(*id);
    }
    if (auto r = tx.commit(); !r)
        return Error{"cannot save scenarios: " + r.errorString()};
    return ids;
}

Result<void> ScenarioStore::update(int64_t id, const std::string& json) {
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return Error{"cannot save the scenario: " + tx.errorString()};
    auto existing = find(id);
    if (!existing)
        return existing.error();
    if (!*existing)
        return Error{"the scenario to save is no longer in the workspace"};
    std::string name;
    auto text = normalize(json, &name);
    if (!text)
        return text.error();
    if (auto r = checkNameFree(name, id); !r)
        return r;
    sql::Statement st(m_db, "UPDATE scenarios SET name = ?, json = ?, modified = ? WHERE id = ?");
    st.bind(1, name).bind(2, *text).bind(3, m_clock()).bind(4, id);
    if (auto r = st.run(); !r)
        return sqlError("cannot save the scenario \"" + name + "\"", r.errorString());
    return tx.commit();
}

Result<void> ScenarioStore::rename(int64_t id, const std::string& name) {
    if (name.empty())
        return Error{"a saved scenario needs a name"};
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return Error{"cannot rename the scenario: " + tx.errorString()};
    auto existing = find(id);
    if (!existing)
        return existing.error();
    if (!*existing)
        return Error{"the scenario to rename is no longer in the workspace"};
    auto parsed = scenario::parseScenarioDetailed((*existing)->json, nullptr);
    if (!parsed.scenario)
        return Error{"the saved scenario \"" + (*existing)->name + "\" cannot be read"};
    parsed.scenario->name = name;
    if (auto r = checkNameFree(name, id); !r)
        return r;
    sql::Statement st(m_db, "UPDATE scenarios SET name = ?, json = ?, modified = ? WHERE id = ?");
    st.bind(1, name)
        .bind(2, scenario::scenarioToJson(*parsed.scenario))
        .bind(3, m_clock())
        .bind(4, id);
    if (auto r = st.run(); !r)
        return sqlError("cannot rename the scenario", r.errorString());
    return tx.commit();
}

Result<void> ScenarioStore::remove(int64_t id) {
    sql::Transaction tx(m_db);
    if (!tx.begun())
        return Error{"cannot delete the scenario: " + tx.errorString()};
    sql::Statement st(m_db, "DELETE FROM scenarios WHERE id = ?");
    st.bind(1, id);
    if (auto r = st.run(); !r)
        return sqlError("cannot delete the scenario", r.errorString());
    if (m_db.changes() == 0)
        return Error{"the scenario to delete is no longer in the workspace"};
    return tx.commit();
}

} // namespace chokepoint::core::store

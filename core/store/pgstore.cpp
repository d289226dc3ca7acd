// SPDX-License-Identifier: MIT
#include "core/store/pgstore.h"

#include <charconv>

#include "core/io/interchange.h"
#include "core/io/tableschema.h"
#include "core/model/profile.h"
#include "core/store/pgschema.h"
#include "core/store/schema.h"

namespace chokepoint::core {
namespace {

using pg::quoteIdentifier;

std::string columnList(const io::TableSpec& spec) {
    std::string out;
    for (const auto& c : spec.columns)
        out += (out.empty() ? "" : ", ") + quoteIdentifier(c.name);
    return out;
}

// One COPY (FORMAT csv) field: text always quoted, so that an empty text stays an empty text
// and an unquoted empty field is NULL; numbers as the shortest text that reads back exactly.
void appendField(std::string& out, const io::Cell& cell) {
    if (const auto* s = std::get_if<std::string>(&cell)) {
        out += '"';
        for (char c : *s) {
            if (c == '"')
                out += '"';
            out += c;
        }
        out += '"';
    } else if (const auto* d = std::get_if<double>(&cell)) {
        char buf[64];
        out.append(buf, std::to_chars(buf, buf + sizeof buf, *d).ptr);
    } else if (const auto* n = std::get_if<int64_t>(&cell)) {
        out += std::to_string(*n);
    } else if (const auto* date = std::get_if<Date>(&cell)) {
        out += date->toString();
    }
}

} // namespace

Error PgStore::error(const std::string& what, const std::string& detail) const {
    return Error{m_location + ": " + what + ": " + detail};
}

Result<pg::Connection> PgStore::connect(const std::string& location,
                                        store::ServerLocation& parsed) {
    auto p = store::parseServerLocation(location);
    if (!p)
        return p.error();
    parsed = *p;
    auto c = pg::Connection::open(parsed.uri);
    if (!c)
        return Error{location + ": " + c.errorString()};
    return c;
}

namespace {

Result<void> checkVersion(const std::string& location, const std::string& workspace,
                          const store::PgWorkspaceInfo& info) {
    using State = store::PgWorkspaceState;
    if (info.state == State::Missing)
        return Error{location + ": there is no workspace " + workspace +
                     " on this server (create it with `chokepoint server init`, or move a file "
                     "workspace there with `chokepoint copy FILE LOCATION`)"};
    if (info.state == State::NotAWorkspace)
        return Error{location + ": the schema " + workspace +
                     " is not a Chokepoint workspace (it has no " + store::kPgVersionTable +
                     " table)"};
    const int known = store::currentSchemaVersion();
    if (info.version > known)
        return Error{location + ": the workspace was written by a newer Chokepoint (schema " +
                     std::to_string(info.version) + ", this program knows up to " +
                     std::to_string(known) + "); open it with a newer Chokepoint"};
    if (info.version < known) // server workspaces start at the version that brought them
        return Error{location + ": the workspace has schema " + std::to_string(info.version) +
                     ", older than any server workspace this program can migrate"};
    return {};
}

} // namespace

Result<std::unique_ptr<PgStore>> PgStore::open(const std::string& location) {
    store::ServerLocation parsed;
    auto c = connect(location, parsed);
    if (!c)
        return c.error();
    auto info = store::inspectWorkspace(*c, parsed.workspace);
    if (!info)
        return Error{location + ": cannot read the workspace: " + info.errorString()};
    if (auto r = checkVersion(location, parsed.workspace, *info); !r)
        return r.error();
    if (auto r = c->exec("SET search_path TO " + quoteIdentifier(parsed.workspace)); !r)
        return Error{location + ": " + r.errorString()};
    return std::unique_ptr<PgStore>(
        new PgStore(std::move(*c), location, parsed.workspace, info->version));
}

Result<void> PgStore::create(const std::string& location,
                             const std::function<Result<void>(WorkspaceStore&)>& fill) {
    store::ServerLocation parsed;
    auto c = connect(location, parsed);
    if (!c)
        return c.error();
    PgStore ws(std::move(*c), location, parsed.workspace, store::currentSchemaVersion());
    pg::Transaction tx(ws.m_c);
    if (!tx.begun())
        return ws.error("cannot write", tx.errorString());
    auto info = store::inspectWorkspace(ws.m_c, parsed.workspace);
    if (!info)
        return ws.error("cannot read the workspace", info.errorString());
    if (info->state != store::PgWorkspaceState::Missing) {
        if (auto r = checkVersion(location, parsed.workspace, *info); !r)
            return r;
        auto empty = store::workspaceIsEmpty(ws.m_c, parsed.workspace);
        if (!empty)
            return ws.error("cannot read the workspace", empty.errorString());
        if (!*empty)
            return Error{location + ": the workspace " + parsed.workspace +
                         " already holds data; nothing was written (choose a new name)"};
    }
    if (auto r = store::installWorkspaceSchema(ws.m_c, parsed.workspace); !r)
        return ws.error("cannot create the workspace", r.errorString());
    if (auto r = ws.m_c.exec("SET search_path TO " + quoteIdentifier(parsed.workspace)); !r)
        return ws.error("cannot use the workspace", r.errorString());
    if (auto r = fill(ws); !r)
        return r;
    if (auto r = tx.commit(); !r)
        return ws.error("cannot commit", r.errorString());
    return {};
}

Result<void> PgStore::initServer(const std::string& location) {
    store::ServerLocation parsed;
    auto c = connect(location, parsed);
    if (!c)
        return c.error();
    if (auto r = store::createRoles(*c); !r)
        return Error{location + ": " + r.errorString()};
    if (auto r = store::installWorkspaceSchema(*c, parsed.workspace); !r)
        return Error{location + ": " + r.errorString()};
    return {};
}

Result<Dataset> PgStore::load() {
    // Read in one snapshot, even while another program imports.
    pg::Transaction tx(m_c);
    if (!tx.begun())
        return error("cannot read workspace", tx.errorString());
    if (m_c.transactionDepth() == 1)
        if (auto r = m_c.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"); !r)
            return error("cannot read workspace", r.errorString());
    std::vector<io::RawTable> tables;
    for (const auto& spec : io::tableSpecs()) {
        const std::string table(spec.name);
        auto rows = m_c.prepared("load_" + table, "SELECT " + columnList(spec) + " FROM " +
                                                      quoteIdentifier(table) + " ORDER BY rowid");
        if (!rows)
            return error("cannot read workspace", rows.errorString());
        io::RawTable& raw = tables.emplace_back();
        raw.name = table;
        raw.file = m_location + " table " + table;
        for (size_t i = 0; i < spec.columns.size(); ++i) {
            raw.header.emplace_back(spec.columns[i].name);
            raw.headerColumns.push_back(int(i) + 1);
        }
        const int n = rows->count(), cols = rows->columns();
        for (int r = 0; r < n; ++r) {
            raw.beginRow(r + 2); // as in an export of the table: the header is line 1
            for (int col = 0; col < cols; ++col)
                raw.appendCell(rows->text(r, col)); // NULL reads as an empty field
        }
    }
    if (auto r = tx.commit(); !r)
        return error("cannot read workspace", r.errorString());
    Dataset d;
    io::IssueList issues;
    if (!io::validateTables(tables, Dataset{}, d, issues))
        return error("the workspace holds rows that are not valid", "\n" + issues.toString());
    return d;
}

Result<void> PgStore::writeTables(const Dataset& d) {
    for (const auto& spec : io::tableSpecs()) {
        if (spec.name == "profile" || io::rowCount(d, spec.name) == 0)
            continue;
        const std::string table(spec.name);
        auto r = m_c.copyIn("COPY " + quoteIdentifier(table) + " (" + columnList(spec) +
                                ") FROM STDIN (FORMAT csv)",
                            [&](std::string& buffer, const std::function<void()>& flush) {
                                io::forEachRow(d, spec.name, [&](const std::vector<io::Cell>& row) {
                                    for (size_t i = 0; i < row.size(); ++i) {
                                        if (i)
                                            buffer += ',';
                                        appendField(buffer, row[i]);
                                    }
                                    buffer += '\n';
                                    if (buffer.size() >= (1u << 20))
                                        flush();
                                });
                            });
        if (!r)
            return Error{"table " + table + ": " + r.errorString()};
    }
    for (const auto& entry : profileEntries(d.profile))
        if (auto r = m_c.prepared("put_profile",
                                  "INSERT INTO profile(key, value) VALUES($1, $2) ON CONFLICT "
                                  "(key) DO UPDATE SET value = excluded.value",
                                  {std::string(entry.key), std::string(entry.value)});
            !r)
            return Error{"table profile: " + r.errorString()};
    return {};
}

Result<void> PgStore::write(const Dataset& d, WriteMode mode) {
    pg::Transaction tx(m_c);
    if (!tx.begun())
        return error("cannot write", tx.errorString());
    if (mode == WriteMode::Replace) {
        bool hasReference = false;
        for (const auto& spec : io::tableSpecs())
            hasReference = hasReference || (spec.reference && io::rowCount(d, spec.name) > 0);
        // Children before parents: tableSpecs() lists parents first. Company data first, as
        // it refers to reference data. As on SQLite, the company goes with the profile's
        // company keys and the mark of the bundled example.
        std::string sql;
        for (bool reference : {false, true}) {
            if (reference && !hasReference)
                break;
            const auto& specs = io::tableSpecs();
            for (auto it = specs.rbegin(); it != specs.rend(); ++it)
                if (it->reference == reference && it->name != "profile")
                    sql += "DELETE FROM " + quoteIdentifier(it->name) + "; ";
        }
        sql += "DELETE FROM profile WHERE key IN ('company_name', 'company_country'";
        sql += hasReference ? ", 'reference_cutoff'); " : "); ";
        sql += "DELETE FROM meta WHERE key = '" + std::string(Workspace::kBundledExampleKey) + "'";
        if (auto r = m_c.exec(sql); !r)
            return error("cannot write", r.errorString());
    }
    if (auto r = writeTables(d); !r)
        return error("cannot write", r.errorString());
    if (auto r = tx.commit(); !r)
        return error("cannot commit", r.errorString());
    return {};
}

Result<void> PgStore::writeTransaction(const std::function<Result<void>()>& body,
                                       bool /*referencesChecked: PostgreSQL checks anyway*/) {
    pg::Transaction tx(m_c);
    if (!tx.begun())
        return error("cannot write", tx.errorString());
    // One writer at a time (plain readers are not blocked: they see the old rows until the
    // commit). The lock goes with the transaction.
    if (auto r =
            m_c.exec("LOCK TABLE " + std::string(store::kPgVersionTable) + " IN EXCLUSIVE MODE");
        !r)
        return error("cannot write", r.errorString());
    if (auto r = body(); !r)
        return r;
    if (auto r = tx.commit(); !r)
        return error("cannot commit", r.errorString());
    return {};
}

std::optional<std::string> PgStore::meta(const std::string& key) {
    auto rows = m_c.prepared("get_meta", "SELECT value FROM meta WHERE key = $1", {key});
    if (!rows || rows->count() == 0)
        return std::nullopt;
    return std::string(rows->text(0, 0));
}

Result<std::map<std::string, std::string>> PgStore::allMeta() {
    auto rows = m_c.query("SELECT key, value FROM meta ORDER BY key");
    if (!rows)
        return error("cannot read", rows.errorString());
    std::map<std::string, std::string> out;
    for (int i = 0; i < rows->count(); ++i)
        out[std::string(rows->text(i, 0))] = std::string(rows->text(i, 1));
    return out;
}

Result<void> PgStore::setMeta(const std::string& key, const std::string& value) {
    auto r = m_c.prepared("put_meta",
                          "INSERT INTO meta(key, value) VALUES($1, $2) ON CONFLICT (key) DO "
                          "UPDATE SET value = excluded.value",
                          {key, value});
    if (!r)
        return error("cannot write", r.errorString());
    return {};
}

Result<std::vector<store::StoredScenario>> PgStore::scenarios() {
    auto rows = m_c.query("SELECT id, name, json, created, modified FROM scenarios ORDER BY id");
    if (!rows)
        return error("cannot read the saved scenarios", rows.errorString());
    std::vector<store::StoredScenario> out;
    for (int i = 0; i < rows->count(); ++i)
        out.push_back({std::stoll(std::string(rows->text(i, 0))), std::string(rows->text(i, 1)),
                       std::string(rows->text(i, 2)), std::string(rows->text(i, 3)),
                       std::string(rows->text(i, 4))});
    return out;
}

Result<void> PgStore::putScenarios(const std::vector<store::StoredScenario>& list) {
    pg::Transaction tx(m_c);
    if (!tx.begun())
        return error("cannot write", tx.errorString());
    for (const auto& s : list)
        if (auto r = m_c.prepared("put_scenario",
                                  "INSERT INTO scenarios(id, name, json, created, modified) "
                                  "VALUES($1, $2, $3, $4, $5)",
                                  {std::to_string(s.id), s.name, s.json, s.created, s.modified});
            !r)
            return error("cannot save scenario '" + s.name + "'", r.errorString());
    if (auto r = tx.commit(); !r)
        return error("cannot commit", r.errorString());
    return {};
}

} // namespace chokepoint::core

// SPDX-License-Identifier: MIT
#include "core/store/pgschema.h"

#include <algorithm>
#include <regex>

#include "core/store/schema.h"
#include "core/store/sqlite.h"

namespace chokepoint::core::store {
namespace {

struct TableDdl {
    std::string name;
    std::string sql;
    std::vector<std::string> references;
};

// SQLite column types and functions as PostgreSQL spells them. The keywords are upper case
// in schema.cpp and the string literals (CHECK lists) lower case, so whole upper-case words
// are types.
std::string translate(std::string sql) {
    static const std::pair<std::regex, const char*> kRules[] = {
        {std::regex(R"(\bINTEGER\b)"), "bigint"},
        {std::regex(R"(\bREAL\b)"), "double precision"},
        {std::regex(R"(\bTEXT\b)"), "text"},
        {std::regex(R"(\bifnull\()"), "coalesce("},
    };
    for (const auto& [re, to] : kRules)
        sql = std::regex_replace(sql, re, to);
    return sql;
}

std::vector<std::string> referencedTables(const std::string& sql) {
    static const std::regex re(R"re(REFERENCES\s+"?(\w+)"?)re");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(sql.begin(), sql.end(), re); it != std::sregex_iterator();
         ++it)
        out.push_back((*it)[1]);
    return out;
}

} // namespace

Result<std::vector<std::string>> postgresSchemaStatements() {
    auto db = sql::Database::open(":memory:", sql::Database::Mode::Create);
    if (!db)
        return db.error();
    for (const auto& m : migrations())
        if (auto r = db->exec(m.sql); !r)
            return Error{"schema " + std::to_string(m.version) + ": " + r.errorString()};
    std::vector<TableDdl> tables;
    std::vector<std::string> indexes;
    sql::Statement st(*db, "SELECT type, name, sql FROM sqlite_master "
                           "WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid");
    while (st.step()) {
        std::string ddl = translate(st.text(2));
        if (st.text(0) == "index") {
            indexes.push_back(ddl);
            continue;
        }
        const size_t open = ddl.find('(');
        if (open == std::string::npos)
            return Error{"unexpected table definition: " + st.text(2)};
        ddl.insert(open + 1, "\n    rowid bigint GENERATED ALWAYS AS IDENTITY,");
        tables.push_back({st.text(1), ddl, referencedTables(ddl)});
    }
    if (!st.errorString().empty())
        return Error{st.errorString()};
    // Each table after the ones it references (PostgreSQL checks references at creation).
    std::vector<std::string> out;
    std::vector<std::string> created;
    while (!tables.empty()) {
        const auto ready = std::find_if(tables.begin(), tables.end(), [&](const TableDdl& t) {
            return std::all_of(t.references.begin(), t.references.end(),
                               [&](const std::string& ref) {
                                   return ref == t.name || std::find(created.begin(), created.end(),
                                                                     ref) != created.end();
                               });
        });
        if (ready == tables.end())
            return Error{"the tables' references form a cycle"};
        out.push_back(ready->sql);
        created.push_back(ready->name);
        tables.erase(ready);
    }
    out.insert(out.end(), indexes.begin(), indexes.end());
    return out;
}

Result<PgWorkspaceInfo> inspectWorkspace(pg::Connection& c, const std::string& workspace) {
    auto ns = c.query("SELECT to_regclass($1) IS NOT NULL FROM pg_namespace WHERE nspname = $2",
                      {pg::quoteIdentifier(workspace) + "." + kPgVersionTable, workspace});
    if (!ns)
        return ns.error();
    PgWorkspaceInfo info;
    if (ns->count() == 0)
        return info;
    if (ns->text(0, 0) != "t") {
        info.state = PgWorkspaceState::NotAWorkspace;
        return info;
    }
    auto v = c.query("SELECT version, application FROM " + pg::quoteIdentifier(workspace) + "." +
                     kPgVersionTable);
    if (!v)
        return v.error();
    if (v->count() != 1 || v->text(0, 1) != kPgApplication) {
        info.state = PgWorkspaceState::NotAWorkspace;
        return info;
    }
    info.state = PgWorkspaceState::Workspace;
    info.version = std::stoi(std::string(v->text(0, 0)));
    return info;
}

Result<void> createRoles(pg::Connection& c) {
    for (const char* role : kPgRoles) {
        auto exists = c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", {std::string(role)});
        if (!exists)
            return exists.error();
        if (exists->count() > 0)
            continue;
        if (auto r = c.exec("CREATE ROLE " + std::string(role) + " NOLOGIN"); !r)
            // Another `server init` may have created it meanwhile: that is fine.
            if (c.lastSqlState() != "42710")
                return Error{"cannot create role " + std::string(role) + ": " + r.errorString()};
    }
    return {};
}

Result<void> installWorkspaceSchema(pg::Connection& c, const std::string& workspace) {
    auto info = inspectWorkspace(c, workspace);
    if (!info)
        return info.error();
    const std::string schema = pg::quoteIdentifier(workspace);
    pg::Transaction tx(c);
    if (!tx.begun())
        return Error{tx.errorString()};
    if (info->state == PgWorkspaceState::NotAWorkspace)
        return Error{"the schema " + workspace + " exists but is not a Chokepoint workspace"};
    if (info->state == PgWorkspaceState::Missing) {
        auto statements = postgresSchemaStatements();
        if (!statements)
            return statements.error();
        if (auto r = c.exec("CREATE SCHEMA " + schema + "; SET LOCAL search_path TO " + schema); !r)
            return Error{"cannot create the workspace " + workspace + ": " + r.errorString()};
        for (const auto& ddl : *statements)
            if (auto r = c.exec(ddl); !r)
                return Error{"cannot create the workspace's tables: " + r.errorString()};
        if (auto r = c.exec("CREATE TABLE " + std::string(kPgVersionTable) +
                            " (version integer NOT NULL, application text NOT NULL); "
                            "INSERT INTO " +
                            kPgVersionTable + " VALUES (" + std::to_string(currentSchemaVersion()) +
                            ", '" + kPgApplication + "')");
            !r)
            return r.error();
    }
    for (const char* role : kPgRoles) {
        auto exists = c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", {std::string(role)});
        if (!exists)
            return exists.error();
        if (exists->count() == 0)
            continue;
        const std::string r(role);
        std::string grants = "GRANT USAGE ON SCHEMA " + schema + " TO " + r +
                             "; GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + r;
        if (r != "chokepoint_viewer")
            grants += "; GRANT INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA " + schema +
                      " TO " + r;
        if (auto g = c.exec(grants); !g)
            return Error{"cannot grant " + r + " its rights: " + g.errorString()};
    }
    return tx.commit();
}

Result<bool> workspaceIsEmpty(pg::Connection& c, const std::string& workspace) {
    auto tables = c.query("SELECT table_name FROM information_schema.tables "
                          "WHERE table_schema = $1 AND table_name <> $2",
                          {workspace, std::string(kPgVersionTable)});
    if (!tables)
        return tables.error();
    for (int i = 0; i < tables->count(); ++i) {
        auto rows = c.query("SELECT 1 FROM " + pg::quoteIdentifier(workspace) + "." +
                            pg::quoteIdentifier(tables->text(i, 0)) + " LIMIT 1");
        if (!rows)
            return rows.error();
        if (rows->count() > 0)
            return false;
    }
    return true;
}

} // namespace chokepoint::core::store

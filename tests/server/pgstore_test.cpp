// SPDX-License-Identifier: MIT
// What only a server workspace has: its errors, `server init`, and its tables matching a file's.
#include <gtest/gtest.h>

#include "core/store/pgstore.h"
#include "core/store/schema.h"
#include "core/store/sqlite.h"
#include "tests/support/pgserver.h"
#include "tests/support/testsupport.h"
#include "tests/support/tinydataset.h"

namespace chokepoint::test {
namespace {

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string sql(const std::string& query) {
    std::string out;
    EXPECT_TRUE(PgServer::shared().psql(query, &out)) << PgServer::shared().errorString();
    return out;
}

// Sets an environment variable for one test.
struct ScopedEnv {
    QByteArray name, old;
    bool had;
    ScopedEnv(const char* n, const QByteArray& value)
        : name(n)
        , old(qgetenv(n))
        , had(qEnvironmentVariableIsSet(n)) {
        qputenv(n, value);
    }
    ~ScopedEnv() {
        if (had)
            qputenv(name.constData(), old);
        else
            qunsetenv(name.constData());
    }
};

TEST(PgStore, AMissingWorkspaceIsNamedAndHowToMakeOneIsSaid) {
    const auto loc = PgServer::shared().location("nobody_here");
    auto ws = core::openStore(loc);
    ASSERT_FALSE(ws.ok());
    EXPECT_TRUE(has(ws.errorString(), loc + ": there is no workspace nobody_here"))
        << ws.errorString();
    EXPECT_TRUE(has(ws.errorString(), "chokepoint server init")) << ws.errorString();
}

TEST(PgStore, AStoppedServerIsReportedAsUnreachable) {
    PgServer other;
    ASSERT_TRUE(other.start()) << other.errorString();
    const auto loc = other.location("team");
    ASSERT_TRUE(core::createStore(loc, tiny()).ok());
    ASSERT_TRUE(core::openStore(loc).ok());
    other.stop();
    auto ws = core::openStore(loc);
    ASSERT_FALSE(ws.ok());
    EXPECT_TRUE(has(ws.errorString(), "cannot reach the PostgreSQL server: is it running"))
        << ws.errorString();
}

TEST(PgStore, AWrongPasswordIsALoginRefusalAndIsNeverRepeated) {
    sql("DROP ROLE IF EXISTS alice; CREATE ROLE alice LOGIN PASSWORD 'right-one'");
    ScopedEnv passfile("PGPASSFILE", "/nonexistent/pgpass");
    const auto loc = PgServer::shared().location("team", "alice");
    {
        ScopedEnv password("PGPASSWORD", "wrong-one");
        auto ws = core::openStore(loc);
        ASSERT_FALSE(ws.ok());
        EXPECT_TRUE(has(ws.errorString(), "the server refused the login")) << ws.errorString();
        EXPECT_FALSE(has(ws.errorString(), "wrong-one")) << ws.errorString();
    }
    {
        qunsetenv("PGPASSWORD");
        auto ws = core::openStore(loc);
        ASSERT_FALSE(ws.ok());
        EXPECT_TRUE(has(ws.errorString(), "the server refused the login")) << ws.errorString();
    }
    {
        // The right password gets through to the next question: there is no such workspace.
        ScopedEnv password("PGPASSWORD", "right-one");
        auto ws = core::openStore(loc);
        ASSERT_FALSE(ws.ok());
        EXPECT_TRUE(has(ws.errorString(), "there is no workspace team")) << ws.errorString();
    }
}

TEST(PgStore, AWorkspaceFromANewerProgramIsRefused) {
    const auto loc = PgServer::shared().location("from_the_future");
    ASSERT_TRUE(core::createStore(loc, tiny()).ok());
    sql("UPDATE from_the_future.chokepoint_schema SET version = 99");
    auto ws = core::openStore(loc);
    ASSERT_FALSE(ws.ok());
    EXPECT_TRUE(has(ws.errorString(), "written by a newer Chokepoint (schema 99, this program "
                                      "knows up to " +
                                          std::to_string(core::store::currentSchemaVersion())))
        << ws.errorString();
}

TEST(PgStore, ASchemaThatIsNotAWorkspaceIsLeftAlone) {
    sql("CREATE SCHEMA someone_else; CREATE TABLE someone_else.t (x int)");
    const auto loc = PgServer::shared().location("someone_else");
    auto ws = core::openStore(loc);
    ASSERT_FALSE(ws.ok());
    EXPECT_TRUE(has(ws.errorString(), "is not a Chokepoint workspace")) << ws.errorString();
    EXPECT_FALSE(core::createStore(loc, tiny()).ok());
    EXPECT_EQ(sql("SELECT count(*) FROM information_schema.tables "
                  "WHERE table_schema = 'someone_else'"),
              "1\n");
}

TEST(PgStore, ServerInitIsIdempotentGrantsTheRolesAndLeavesAnEmptyWorkspace) {
    const auto loc = PgServer::shared().location("granted");
    ASSERT_TRUE(core::PgStore::initServer(loc).ok());
    auto again = core::PgStore::initServer(loc);
    ASSERT_TRUE(again.ok()) << again.errorString();
    EXPECT_EQ(sql("SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles "
                  "WHERE rolname LIKE 'chokepoint_%'"),
              "chokepoint_admin,chokepoint_analyst,chokepoint_viewer\n");
    EXPECT_EQ(sql("SELECT has_table_privilege('chokepoint_viewer', 'granted.supply', 'SELECT'),"
                  " has_table_privilege('chokepoint_viewer', 'granted.supply', 'INSERT'),"
                  " has_table_privilege('chokepoint_analyst', 'granted.supply', 'INSERT'),"
                  " has_table_privilege('chokepoint_admin', 'granted.controls', 'DELETE')"),
              "t|f|t|t\n");
    // The empty workspace takes data once; then it is no longer empty.
    ASSERT_TRUE(core::createStore(loc, tiny()).ok());
    auto twice = core::createStore(loc, core::Dataset{});
    ASSERT_FALSE(twice.ok());
    EXPECT_TRUE(has(twice.errorString(), "already holds data")) << twice.errorString();
    auto ws = core::openStore(loc);
    ASSERT_TRUE(ws.ok());
    EXPECT_EQ(*(*ws)->load(), tiny());
}

TEST(PgStore, TheServerTablesHaveTheFileTablesColumnsInOrder) {
    TempDir dir;
    ASSERT_TRUE(core::createStore(dir.file("w.chokepoint"), {}).ok());
    ASSERT_TRUE(core::createStore(PgServer::shared().location("columns"), {}).ok());
    auto db =
        core::sql::Database::open(dir.file("w.chokepoint"), core::sql::Database::Mode::ReadOnly);
    ASSERT_TRUE(db.ok());
    core::sql::Statement tables(*db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "ORDER BY name");
    int count = 0;
    while (tables.step()) {
        const std::string table = tables.text(0);
        std::string fileColumns;
        core::sql::Statement cols(*db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
        cols.bind(1, table);
        while (cols.step())
            fileColumns += cols.text(0) + ",";
        const std::string serverColumns =
            sql("SELECT string_agg(column_name, ',' ORDER BY ordinal_position) || ',' FROM "
                "information_schema.columns WHERE table_schema = 'columns' AND table_name = '" +
                table + "' AND column_name <> 'rowid'");
        EXPECT_EQ(serverColumns, fileColumns + "\n") << table;
        ++count;
    }
    // meta, countries, sources, materials, recipes, world_shares, technologies, control_items,
    // suppliers, sites, site_technologies, products, product_bom, supply, inventory,
    // alternatives, scenarios, profile, controls: 19 tables, plus the version table.
    EXPECT_EQ(count, 19);
    EXPECT_EQ(sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'columns'"),
              "20\n");
}

} // namespace
} // namespace chokepoint::test

// SPDX-License-Identifier: MIT
// Schema migrations from fixture files of older versions (tests/data/workspaces), each made by
// `chokepoint init` of the program before the next schema existed: v1.chokepoint (schema 1)
// and v2.chokepoint (schema 2, saved scenarios; made before methodology v2). They are
// migrated on open, each step in a transaction, and their data survives.
#include <filesystem>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "core/store/controlstore.h"
#include "core/store/scenariostore.h"
#include "core/store/schema.h"
#include "core/store/workspace.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using core::Workspace;
namespace fs = std::filesystem;

namespace {

std::string fixture(int version = 1) {
    return test::dataDir() + "/workspaces/v" + std::to_string(version) + ".chokepoint";
}

// A private copy of the fixture (opening migrates the file in place).
std::string copyFixture(const test::TempDir& tmp, int version = 1) {
    const std::string path = tmp.file("v" + std::to_string(version) + ".chokepoint");
    fs::copy_file(fixture(version), path);
    return path;
}

// The fixture read as it is (read-only: never migrated).
core::Dataset readAsItIs(const test::TempDir& tmp, int version) {
    const std::string path = tmp.file("as-it-is-v" + std::to_string(version) + ".chokepoint");
    fs::copy_file(fixture(version), path);
    auto ws = Workspace::openReadOnly(path);
    EXPECT_TRUE(ws.ok()) << ws.errorString();
    auto data = ws->load();
    EXPECT_TRUE(data.ok()) << data.errorString();
    return data.ok() ? *data : core::Dataset{};
}

// Reads one integer with plain sqlite3, bypassing the program's store.
int64_t rawInt(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else
        ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

// Runs `sql` with plain sqlite3; returns the error message ("" on success).
std::string rawTry(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK)
        return "cannot open " + path;
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    std::string message = rc == SQLITE_OK ? "" : (err ? err : "error");
    sqlite3_free(err);
    sqlite3_close(db);
    return message;
}

void rawExec(const std::string& path, const std::string& sql) {
    const std::string message = rawTry(path, sql);
    ASSERT_EQ(message, "") << sql;
}

const char* kScenariosTable = "SELECT count(*) FROM sqlite_master WHERE name = 'scenarios'";

} // namespace

TEST(Migration, SchemaTwoIsTheSavedScenariosTable) {
    const auto list = core::store::migrations();
    ASSERT_GE(list.size(), 2u);
    EXPECT_EQ(list[0].version, 1);
    EXPECT_EQ(list[1].version, 2);
    EXPECT_NE(std::string(list[1].sql).find("CREATE TABLE scenarios"), std::string::npos);
}

TEST(Migration, FixtureIsAVersionOneWorkspace) {
    // The checked-in file itself: schema 1, no scenarios table, the workspace application id.
    EXPECT_EQ(rawInt(fixture(), "PRAGMA user_version"), 1);
    EXPECT_EQ(rawInt(fixture(), "PRAGMA application_id"), core::store::kApplicationId);
    EXPECT_EQ(rawInt(fixture(), kScenariosTable), 0);
}

TEST(Migration, VersionOneOpensMigratedWithItsData) {
    test::TempDir tmp;
    const std::string path = copyFixture(tmp);
    const core::Dataset before = readAsItIs(tmp, 1);
    {
        auto ws = Workspace::open(path);
        ASSERT_TRUE(ws.ok()) << ws.errorString();
        EXPECT_EQ(ws->schemaVersion(), core::store::currentSchemaVersion());
        auto data = ws->load();
        ASSERT_TRUE(data.ok()) << data.errorString();
        // Row counts of resources/data/ev-battery when the fixture was made (`chokepoint
        // init`): 3 products, 62 suppliers, 84 sites, 176 supply rows, 27 controls, 56 control
        // items, 7 inventory rows and 5 alternatives.
        EXPECT_EQ(data->products.size(), 3u);
        EXPECT_EQ(data->suppliers.size(), 62u);
        EXPECT_EQ(data->sites.size(), 84u);
        EXPECT_EQ(data->supply.size(), 176u);
        EXPECT_EQ(data->controls.size(), 27u);
        EXPECT_EQ(data->controlItems.size(), 56u);
        EXPECT_EQ(data->inventory.size(), 7u);
        EXPECT_EQ(data->alternatives.size(), 5u);
        // And row for row what the file held before (the defaults of later schemas are what
        // a read-only open gives too).
        EXPECT_EQ(*data, before);

        // The new table works.
        core::store::ScenarioStore store(ws->database());
        auto listed = store.list();
        ASSERT_TRUE(listed.ok());
        EXPECT_TRUE(listed->empty());
        ASSERT_TRUE(store.add(R"({"name": "kept", "shocks": []})").ok());
    }
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), core::store::currentSchemaVersion());
    EXPECT_EQ(rawInt(path, kScenariosTable), 1);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM scenarios"), 1);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM supply"), 176);

    // Opening again changes nothing.
    auto again = Workspace::open(path);
    ASSERT_TRUE(again.ok()) << again.errorString();
    EXPECT_EQ(again->schemaVersion(), core::store::currentSchemaVersion());
    core::store::ScenarioStore store(again->database());
    auto listed = store.list();
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 1u);
    EXPECT_EQ(listed->front().name, "kept");
}

TEST(Migration, ReadOnlyOpenReadsWithoutMigrating) {
    // `chokepoint exposure` and the other read-only commands work on a version-1 file as it
    // is, and leave it at version 1.
    test::TempDir tmp;
    const std::string path = copyFixture(tmp);
    {
        auto ws = Workspace::openReadOnly(path);
        ASSERT_TRUE(ws.ok()) << ws.errorString();
        EXPECT_EQ(ws->schemaVersion(), 1);
        auto data = ws->load();
        ASSERT_TRUE(data.ok()) << data.errorString();
        EXPECT_EQ(data->supply.size(), 176u);
        EXPECT_EQ(data->controls.size(), 27u);
    }
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), 1);
    EXPECT_EQ(rawInt(path, kScenariosTable), 0);
    std::string out, err;
    EXPECT_EQ(test::runChokepoint({"exposure", path, "--format", "json"}, &out, &err), 0) << err;
    EXPECT_NE(out.find("\"materials\""), std::string::npos);
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), 1);
}

TEST(Migration, AFailingStepLeavesVersionOneUntouched) {
    // A table named `scenarios` already in the way makes step 2 fail: the transaction rolls
    // back, the version stays 1 and the data is as it was.
    test::TempDir tmp;
    const std::string path = copyFixture(tmp);
    rawExec(path, "CREATE TABLE scenarios (x); INSERT INTO scenarios VALUES (42);");
    auto ws = Workspace::open(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.errorString().find("migration to schema 2"), std::string::npos)
        << ws.errorString();
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), 1);
    EXPECT_EQ(rawInt(path, "SELECT x FROM scenarios"), 42);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM supply"), 176);
    // Out of the way, the next open migrates.
    rawExec(path, "DROP TABLE scenarios;");
    auto retry = Workspace::open(path);
    ASSERT_TRUE(retry.ok()) << retry.errorString();
    EXPECT_EQ(retry->schemaVersion(), core::store::currentSchemaVersion());
}

TEST(Migration, NewWorkspacesStartAtTheCurrentVersion) {
    test::TempDir tmp;
    auto ws = Workspace::create(tmp.file("new.chokepoint"));
    ASSERT_TRUE(ws.ok()) << ws.errorString();
    EXPECT_EQ(ws->schemaVersion(), core::store::currentSchemaVersion());
    EXPECT_GE(ws->schemaVersion(), 2);
    core::store::ScenarioStore store(ws->database());
    EXPECT_TRUE(store.list().ok());
}

// ---- schema 3 (methodology v2), from the schema-2 fixture

const char* kProfileTable = "SELECT count(*) FROM sqlite_master WHERE name = 'profile'";

TEST(Migration, FixtureIsAVersionTwoWorkspace) {
    // Saved scenarios but no profile, and controls.target_country still a foreign key.
    EXPECT_EQ(rawInt(fixture(2), "PRAGMA user_version"), 2);
    EXPECT_EQ(rawInt(fixture(2), "PRAGMA application_id"), core::store::kApplicationId);
    EXPECT_EQ(rawInt(fixture(2), kScenariosTable), 1);
    EXPECT_EQ(rawInt(fixture(2), kProfileTable), 0);
    EXPECT_EQ(rawInt(fixture(2), "SELECT count(*) FROM pragma_foreign_key_list('controls') "
                                 "WHERE \"from\" = 'target_country'"),
              1);
    EXPECT_EQ(rawInt(fixture(2), "SELECT count(*) FROM controls"), 27);
}

TEST(Migration, VersionTwoGetsTheMethodologyV2Defaults) {
    test::TempDir tmp;
    const std::string path = copyFixture(tmp, 2);
    const core::Dataset before = readAsItIs(tmp, 2);
    const int64_t ec06r = rawInt(fixture(2), "SELECT rowid FROM controls WHERE id = 'EC06-R'");
    {
        auto ws = Workspace::open(path);
        ASSERT_TRUE(ws.ok()) << ws.errorString();
        EXPECT_EQ(ws->schemaVersion(), 3);
        auto data = ws->load();
        ASSERT_TRUE(data.ok()) << data.errorString();
        EXPECT_EQ(*data, before);
        // The defaults, one by one: no profile, shares measured as production, controls
        // confirmed, technology sources and recovery times unknown; target lists kept.
        EXPECT_TRUE(data->profile.empty());
        ASSERT_EQ(data->worldShares.size(), 47u);
        for (const auto& w : data->worldShares) {
            EXPECT_EQ(w.basis, core::ShareBasis::Production) << w.materialId;
            EXPECT_FALSE(w.note) << w.materialId;
        }
        ASSERT_EQ(data->controls.size(), 27u);
        for (const auto& c : data->controls) {
            EXPECT_EQ(c.status, core::ControlStatus::Confirmed) << c.id;
            const bool usOnly =
                c.id == "EC06" || c.id == "EC06-C1" || c.id == "EC18" || c.id == "EC06-R";
            EXPECT_EQ(c.targetCountries,
                      usOnly ? std::vector<std::string>{"USA"} : std::vector<std::string>{})
                << c.id;
        }
        for (const auto& x : data->sites)
            EXPECT_FALSE(x.recoveryDays) << x.id;
        ASSERT_EQ(data->siteTechnologies.size(), 19u);
        for (const auto& x : data->siteTechnologies)
            EXPECT_FALSE(x.sourceCountry) << x.siteId;
        // The saved-scenarios table of schema 2 is still there.
        EXPECT_TRUE(core::store::ScenarioStore(ws->database()).list().ok());
    }
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), 3);
    EXPECT_EQ(rawInt(path, kProfileTable), 1);
    // controls was rebuilt with its rowids (the stored order and undo positions survive) and
    // without the foreign key on the target list; no leftover of the rebuild.
    EXPECT_EQ(rawInt(path, "SELECT rowid FROM controls WHERE id = 'EC06-R'"), ec06r);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM pragma_foreign_key_list('controls') "
                           "WHERE \"from\" = 'target_country'"),
              0);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM sqlite_master WHERE name = 'controls_v3'"), 0);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM sqlite_master WHERE name = 'controls_issuer'"), 1);
    // Items still refer to the rebuilt table: deleting a control they name is refused.
    EXPECT_NE(rawTry(path, "PRAGMA foreign_keys = ON; DELETE FROM controls WHERE id = 'EC01'"), "");
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM controls"), 27);
    // The new columns check their values.
    EXPECT_NE(rawTry(path, "UPDATE controls SET status = 'rumoured' WHERE id = 'EC01'"), "");
    EXPECT_NE(rawTry(path, "UPDATE world_shares SET basis = 'guess'"), "");
    EXPECT_NE(rawTry(path, "INSERT INTO profile VALUES ('currency', 'EUR')"), "");
}

TEST(Migration, AMigratedWorkspaceStoresSeveralTargetsAndTheStatus) {
    // Schema 2 could not hold "USA;JPN" (a foreign key to one country); schema 3 can, through
    // the control store the Controls page uses.
    test::TempDir tmp;
    const std::string path = copyFixture(tmp, 2);
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok()) << ws.errorString();
    auto data = ws->load();
    ASSERT_TRUE(data.ok());
    core::Control c = data->controls.front(); // EC01
    c.targetCountries = {"USA", "JPN"};
    c.status = core::ControlStatus::Scheduled;
    ASSERT_TRUE(core::updateControl(*ws, "EC01", c, {}).ok());
    auto again = ws->load();
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->controls.front().targetCountries, (std::vector<std::string>{"USA", "JPN"}));
    EXPECT_EQ(again->controls.front().status, core::ControlStatus::Scheduled);
    EXPECT_EQ(again->controls.front().id, "EC01");
}

TEST(Migration, ReadOnlyOpenReadsVersionTwoWithTheDefaults) {
    // `chokepoint exposure` and the other read-only commands read a schema-2 file as it is:
    // the columns schema 3 adds come with their defaults, and the file stays at schema 2.
    test::TempDir tmp;
    const std::string path = copyFixture(tmp, 2);
    {
        auto ws = Workspace::openReadOnly(path);
        ASSERT_TRUE(ws.ok()) << ws.errorString();
        EXPECT_EQ(ws->schemaVersion(), 2);
        auto data = ws->load();
        ASSERT_TRUE(data.ok()) << data.errorString();
        EXPECT_TRUE(data->profile.empty());
        ASSERT_EQ(data->controls.size(), 27u);
        EXPECT_EQ(data->controls[5].id, "EC06");
        EXPECT_EQ(data->controls[5].targetCountries, (std::vector<std::string>{"USA"}));
        EXPECT_EQ(data->controls[5].status, core::ControlStatus::Confirmed);
        EXPECT_EQ(data->worldShares.front().basis, core::ShareBasis::Production);
        EXPECT_FALSE(ws->isBundledExample()); // made before the mark existed
    }
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), 2);
    EXPECT_EQ(rawInt(path, kProfileTable), 0);
    std::string out, err;
    EXPECT_EQ(test::runChokepoint({"exposure", path, "--format", "json"}, &out, &err), 0) << err;
    EXPECT_NE(out.find("\"materials\""), std::string::npos);
    EXPECT_EQ(test::runChokepoint({"export", path, tmp.file("out")}, &out, &err), 0) << err;
    EXPECT_EQ(test::readFile(tmp.file("out/profile.csv")), "key,value\n");
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), 2);
}

TEST(Migration, AFailingStepThreeLeavesVersionTwoUntouched) {
    // A table named `profile` in the way makes step 3 fail after part of it ran: the
    // transaction rolls back the new columns and the rebuilt controls table too.
    test::TempDir tmp;
    const std::string path = copyFixture(tmp, 2);
    rawExec(path, "CREATE TABLE profile (x); INSERT INTO profile VALUES (7);");
    auto ws = Workspace::open(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.errorString().find("migration to schema 3"), std::string::npos)
        << ws.errorString();
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), 2);
    EXPECT_EQ(rawInt(path, "SELECT x FROM profile"), 7);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM controls"), 27);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM pragma_table_info('controls') "
                           "WHERE name = 'status'"),
              0);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM pragma_table_info('world_shares') "
                           "WHERE name = 'basis'"),
              0);
    // And foreign keys are back on for the connection's next use: out of the way, the next
    // open migrates.
    rawExec(path, "DROP TABLE profile;");
    auto retry = Workspace::open(path);
    ASSERT_TRUE(retry.ok()) << retry.errorString();
    EXPECT_EQ(retry->schemaVersion(), 3);
}

TEST(Migration, ABrokenReferenceStopsTheMigration) {
    // Steps run with foreign keys off, so each checks them before it commits: a workspace
    // whose rows already refer to nothing (written by another tool) is not migrated.
    test::TempDir tmp;
    const std::string path = copyFixture(tmp, 2);
    rawExec(path, "INSERT INTO control_items VALUES ('EC99', 'material', 'gallium');");
    auto ws = Workspace::open(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.errorString().find("a row of table control_items refers to a missing row of "
                                    "controls"),
              std::string::npos)
        << ws.errorString();
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), 2);
}

TEST(Migration, ForeignKeysStayOnAfterMigrating) {
    test::TempDir tmp;
    const std::string path = copyFixture(tmp, 2);
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok()) << ws.errorString();
    core::sql::Statement st(ws->database(), "PRAGMA foreign_keys");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.integer(0), 1);
}

// SPDX-License-Identifier: MIT
// Schema migrations from fixture files of older versions (tests/data/workspaces): a version-1
// workspace made by `chokepoint init` before schema 2 existed is migrated on open, in a
// transaction, and its data survives.
#include <filesystem>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "core/io/bundled.h"
#include "core/store/scenariostore.h"
#include "core/store/schema.h"
#include "core/store/workspace.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using core::Workspace;
namespace fs = std::filesystem;

namespace {

std::string fixture() {
    return test::dataDir() + "/workspaces/v1.chokepoint";
}

// A private copy of the fixture (opening migrates the file in place).
std::string copyFixture(const test::TempDir& tmp) {
    const std::string path = tmp.file("v1.chokepoint");
    fs::copy_file(fixture(), path);
    return path;
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

void rawExec(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    const std::string message = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << sql << ": " << message;
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

TEST(Migration, VersionOneOpensMigratedToTwoWithItsData) {
    test::TempDir tmp;
    const std::string path = copyFixture(tmp);
    {
        auto ws = Workspace::open(path);
        ASSERT_TRUE(ws.ok()) << ws.errorString();
        EXPECT_EQ(ws->schemaVersion(), 2);
        auto data = ws->load();
        ASSERT_TRUE(data.ok()) << data.errorString();
        // Row counts of resources/data/ev-battery (the fixture is `chokepoint init`): the CSV
        // files hold 3 products, 62 suppliers, 84 sites, 176 supply rows, 27 controls, 56
        // control items, 7 inventory rows and 5 alternatives.
        EXPECT_EQ(data->products.size(), 3u);
        EXPECT_EQ(data->suppliers.size(), 62u);
        EXPECT_EQ(data->sites.size(), 84u);
        EXPECT_EQ(data->supply.size(), 176u);
        EXPECT_EQ(data->controls.size(), 27u);
        EXPECT_EQ(data->controlItems.size(), 56u);
        EXPECT_EQ(data->inventory.size(), 7u);
        EXPECT_EQ(data->alternatives.size(), 5u);
        // And row for row what the program ships.
        auto bundled = core::io::bundledDataset();
        ASSERT_TRUE(bundled.ok());
        EXPECT_EQ(data->supply, bundled->supply);
        EXPECT_EQ(data->products, bundled->products);
        EXPECT_EQ(data->controls, bundled->controls);

        // The new table works.
        core::store::ScenarioStore store(ws->database());
        auto listed = store.list();
        ASSERT_TRUE(listed.ok());
        EXPECT_TRUE(listed->empty());
        ASSERT_TRUE(store.add(R"({"name": "kept", "shocks": []})").ok());
    }
    EXPECT_EQ(rawInt(path, "PRAGMA user_version"), 2);
    EXPECT_EQ(rawInt(path, kScenariosTable), 1);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM scenarios"), 1);
    EXPECT_EQ(rawInt(path, "SELECT count(*) FROM supply"), 176);

    // Opening again changes nothing.
    auto again = Workspace::open(path);
    ASSERT_TRUE(again.ok()) << again.errorString();
    EXPECT_EQ(again->schemaVersion(), 2);
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
    EXPECT_EQ(retry->schemaVersion(), 2);
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

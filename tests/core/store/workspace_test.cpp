// SPDX-License-Identifier: MIT
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "core/io/bundled.h"
#include "core/store/schema.h"
#include "core/store/workspace.h"
#include "tests/support/testsupport.h"
#include "tests/support/tinydataset.h"

using namespace chokepoint;
using core::Workspace;
using test::tiny;

namespace {

void rawExec(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << sql;
}

TEST(Workspace, UsesWalForeignKeysAndApplicationId) {
    test::TempDir tmp;
    auto ws = Workspace::create(tmp.file("w.chokepoint"));
    ASSERT_TRUE(ws.ok());
    core::sql::Statement mode(ws->database(), "PRAGMA journal_mode");
    ASSERT_TRUE(mode.step());
    EXPECT_EQ(mode.text(0), "wal");
    core::sql::Statement fk(ws->database(), "PRAGMA foreign_keys");
    ASSERT_TRUE(fk.step());
    EXPECT_EQ(fk.integer(0), 1);
    core::sql::Statement app(ws->database(), "PRAGMA application_id");
    ASSERT_TRUE(app.step());
    EXPECT_EQ(app.integer(0), core::store::kApplicationId);
}

TEST(Workspace, CreateRefusesExistingFile) {
    test::TempDir tmp;
    const auto path = tmp.write("x.chokepoint", "something");
    auto ws = Workspace::create(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.errorString().find("already exists"), std::string::npos);
    EXPECT_EQ(test::readFile(path), "something");
}

TEST(Workspace, RefusesNewerSchema) {
    test::TempDir tmp;
    const auto path = tmp.file("new.chokepoint");
    ASSERT_TRUE(Workspace::create(path).ok());
    rawExec(path, "PRAGMA user_version = 999");
    auto ws = Workspace::open(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.errorString().find("newer version of Chokepoint"), std::string::npos)
        << ws.errorString();
    EXPECT_NE(ws.errorString().find("999"), std::string::npos);
}

TEST(Workspace, RefusesFilesThatAreNotWorkspaces) {
    test::TempDir tmp;
    struct Case {
        std::string name;
        std::string content;
        std::string expect;
    };
    const std::vector<Case> cases = {
        {"empty.chokepoint", "", "the file is empty"},
        {"garbage.chokepoint", std::string(5000, '\x7f') + "not sqlite", "not an SQLite database"},
        {"short.chokepoint", "SQLite", "not an SQLite database"},
    };
    for (const auto& c : cases) {
        const auto path = tmp.write(c.name, c.content);
        auto ws = Workspace::open(path);
        ASSERT_FALSE(ws.ok()) << c.name;
        EXPECT_NE(ws.errorString().find(c.expect), std::string::npos) << ws.errorString();
        EXPECT_NE(ws.errorString().find(c.name), std::string::npos) << "message names the file";
    }
    auto missing = Workspace::open(tmp.file("missing.chokepoint"));
    ASSERT_FALSE(missing.ok());
}

TEST(Workspace, RefusesAnotherSqliteDatabase) {
    test::TempDir tmp;
    const auto path = tmp.file("other.db");
    rawExec(path, "CREATE TABLE t(x); INSERT INTO t VALUES(1);");
    auto ws = Workspace::open(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.errorString().find("not a Chokepoint workspace"), std::string::npos)
        << ws.errorString();
}

TEST(Workspace, RefusesTruncatedFile) {
    test::TempDir tmp;
    const auto path = tmp.file("t.chokepoint");
    {
        auto ws = Workspace::create(path);
        ASSERT_TRUE(ws.ok());
        core::Dataset d = tiny();
        for (int i = 0; i < 3000; ++i)
            d.countries.push_back({"C" + std::to_string(i), std::string(100, 'x'), std::nullopt});
        ASSERT_TRUE(ws->write(d, core::WriteMode::Append).ok());
        ASSERT_TRUE(ws->database().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    const auto size = std::filesystem::file_size(path);
    ASSERT_GT(size, 100000u);
    std::filesystem::resize_file(path, size / 2);
    auto ws = Workspace::open(path);
    if (ws.ok()) {
        // Whatever SQLite reads from a truncated file must come back as an error, not a crash.
        auto data = ws->load();
        EXPECT_FALSE(data.ok());
    } else {
        EXPECT_NE(ws.errorString().find("truncated"), std::string::npos) << ws.errorString();
    }
}

TEST(Workspace, TheBundledExampleIsMarkedUntilItsCompanyDataIsReplaced) {
    test::TempDir tmp;
    const auto path = tmp.file("w.chokepoint");
    {
        auto ws = Workspace::create(path);
        ASSERT_TRUE(ws.ok());
        EXPECT_FALSE(ws->isBundledExample());
        ASSERT_TRUE(core::io::writeBundledExample(*ws).ok());
        EXPECT_TRUE(ws->isBundledExample());
        EXPECT_EQ(ws->meta(Workspace::kBundledExampleKey), core::io::kBundledExampleName);
        // Adding rows keeps the mark.
        core::Dataset more;
        more.suppliers = {{"sup_new", "New", std::nullopt, std::nullopt}};
        more.profile.companyName = "Renamed example";
        more.profile.referenceCutoff = core::Date::fromYmd(2026, 1, 30);
        ASSERT_TRUE(ws->write(more, core::WriteMode::Append).ok());
        EXPECT_TRUE(ws->isBundledExample());
    }
    // Read-only opens see it too (the report and exposure commands use them).
    EXPECT_TRUE(Workspace::openReadOnly(path)->isBundledExample());
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok());
    core::Dataset company;
    company.suppliers = {{"sup2", "Second", "DEU", std::nullopt}};
    ASSERT_TRUE(ws->write(company, core::WriteMode::Replace).ok());
    EXPECT_FALSE(ws->isBundledExample());
    // With the company data the profile's company keys went; the reference cut-off stayed.
    auto data = ws->load();
    ASSERT_TRUE(data.ok());
    EXPECT_FALSE(data->profile.companyName);
    EXPECT_FALSE(data->profile.companyCountry);
    EXPECT_EQ(data->profile.referenceCutoff, core::Date::fromYmd(2026, 1, 30));
}

TEST(Workspace, ReadOnlyOpenDoesNotWrite) {
    test::TempDir tmp;
    const auto path = tmp.file("w.chokepoint");
    {
        auto ws = Workspace::create(path);
        ASSERT_TRUE(ws.ok());
        ASSERT_TRUE(ws->write(tiny(), core::WriteMode::Append).ok());
    }
    auto ro = Workspace::openReadOnly(path);
    ASSERT_TRUE(ro.ok()) << ro.errorString();
    auto data = ro->load();
    ASSERT_TRUE(data.ok());
    EXPECT_EQ(*data, tiny());
    EXPECT_FALSE(ro->write(tiny(), core::WriteMode::Append).ok());
}

} // namespace

// SPDX-License-Identifier: MIT
// The workspace under stress: concurrent imports, nested transactions, read-only files and
// folders, files from a newer program (issue 10, item 4).
#include <chrono>
#include <filesystem>
#include <future>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include "core/io/interchange.h"
#include "core/store/workspace.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using core::Workspace;
namespace fs = std::filesystem;

namespace {

std::vector<core::io::RawTable>
tables(std::initializer_list<std::pair<std::string, std::string>> csv) {
    std::vector<core::io::RawTable> raw;
    for (const auto& [name, text] : csv)
        raw.push_back(test::csvTable(name, text));
    return raw;
}

std::string scalar(Workspace& ws, const std::string& sql) {
    core::sql::Statement st(ws.database(), sql);
    return st.step() ? st.text(0) : "error: " + st.errorString();
}

// Two imports of the same workspace at once, each valid on its own but not together (our
// shares of one material would sum to 1.2). The first stops inside importTables, after it read
// the workspace, until the second has had every chance to run. The checks must not go stale:
// one import succeeds, the other sees the first one's link and is refused.
TEST(WorkspaceRobust, ConcurrentImportsSeeEachOther) {
    test::TempDir tmp;
    const auto path = tmp.file("w.chokepoint");
    {
        auto ws = Workspace::create(path);
        ASSERT_TRUE(ws.ok());
        core::Dataset d =
            test::datasetFromCsv({{"countries", "iso3,name\nDEU,Germany\n"},
                                  {"materials", "id,name,stage\nli,Lithium,refining\n"},
                                  {"suppliers", "id,name\nsup,Supplier\n"},
                                  {"sites", "id,supplier_id,country\na,sup,DEU\nb,sup,DEU\n"}});
        ASSERT_TRUE(ws->write(d, core::WriteMode::Append).ok());
    }
    const auto linkA = tables({{"supply", "material_id,supplier_site,share\nli,a,0.6\n"}});
    const auto linkB = tables({{"supply", "material_id,supplier_site,share\nli,b,0.6\n"}});

    std::promise<void> firstHasRead, goOn;
    auto goOnSignal = goOn.get_future().share();
    struct Outcome {
        bool ok = false;
        std::string error;
    };
    auto runImport = [&](const std::vector<core::io::RawTable>& raw, bool pause) {
        auto ws = Workspace::open(path);
        if (!ws)
            return Outcome{false, ws.errorString()};
        core::io::ImportOptions o;
        if (pause)
            o.progress = [&](double, const std::string& stage) {
                if (stage == "validating") {
                    firstHasRead.set_value();
                    goOnSignal.wait();
                }
                return true;
            };
        core::io::IssueList issues;
        auto r = core::io::importTables(*ws, raw, o, issues);
        return Outcome{r.ok() && issues.empty(),
                       issues.empty() ? (r ? "" : r.errorString()) : issues.toString()};
    };
    auto first = std::async(std::launch::async, runImport, linkA, true);
    firstHasRead.get_future().wait();
    auto second = std::async(std::launch::async, runImport, linkB, false);
    // Give the second import time to read, validate and write if nothing holds it back.
    second.wait_for(std::chrono::milliseconds(500));
    goOn.set_value();
    const Outcome a = first.get(), b = second.get();

    EXPECT_TRUE(a.ok) << a.error;
    EXPECT_FALSE(b.ok) << "both imports went through";
    EXPECT_NE(b.error.find("supply shares of material 'li' bought by our company sum to 1.2"),
              std::string::npos)
        << b.error;
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok());
    EXPECT_EQ(scalar(*ws, "SELECT count(*) FROM supply"), "1");
    EXPECT_EQ(scalar(*ws, "SELECT supplier_site FROM supply"), "a");
}

TEST(WorkspaceRobust, NestedTransactionsAreSavepoints) {
    test::TempDir tmp;
    auto ws = Workspace::create(tmp.file("w.chokepoint"));
    ASSERT_TRUE(ws.ok());
    auto& db = ws->database();
    auto countries = [&] { return scalar(*ws, "SELECT group_concat(iso3) FROM countries"); };
    {
        core::sql::Transaction outer(db);
        ASSERT_TRUE(outer.begun());
        ASSERT_TRUE(db.exec("INSERT INTO countries VALUES('AAA','A',NULL)").ok());
        {
            core::sql::Transaction inner(db);
            ASSERT_TRUE(inner.begun()) << inner.errorString();
            ASSERT_TRUE(db.exec("INSERT INTO countries VALUES('BBB','B',NULL)").ok());
        } // not committed: only the inner part is undone
        EXPECT_EQ(countries(), "AAA");
        {
            core::sql::Transaction inner(db);
            ASSERT_TRUE(db.exec("INSERT INTO countries VALUES('CCC','C',NULL)").ok());
            ASSERT_TRUE(inner.commit().ok());
        }
        EXPECT_EQ(countries(), "AAA,CCC");
    } // the outer one is not committed: everything goes
    EXPECT_EQ(countries(), "");
    EXPECT_EQ(sqlite3_get_autocommit(db.handle()), 1);

    // A failing write inside an outer transaction undoes itself and leaves the outer one open.
    core::sql::Transaction outer(db);
    ASSERT_TRUE(db.exec("INSERT INTO countries VALUES('DDD','D',NULL)").ok());
    core::Dataset bad;
    bad.sites = {{"s", "no_such_supplier", "DDD", std::nullopt, std::nullopt, std::nullopt}};
    EXPECT_FALSE(ws->write(bad, core::WriteMode::Append).ok());
    EXPECT_EQ(countries(), "DDD");
    ASSERT_TRUE(outer.commit().ok());
    EXPECT_EQ(countries(), "DDD");
}

// Database::open in Immutable mode (used for files the process cannot write) takes any path,
// including URI metacharacters, and creates no -wal/-shm files beside the workspace.
TEST(WorkspaceRobust, ImmutableOpenOfAnOddPath) {
    test::TempDir tmp;
    const auto path = tmp.file("odd name ?#%&=;'\xC3\xA9.chokepoint");
    {
        auto ws = Workspace::create(path);
        ASSERT_TRUE(ws.ok()) << ws.errorString();
        ASSERT_TRUE(ws->database().exec("INSERT INTO countries VALUES('CHN','China',NULL)").ok());
    }
    ASSERT_FALSE(fs::exists(path + "-wal"));
    auto db = core::sql::Database::open(path, core::sql::Database::Mode::Immutable);
    ASSERT_TRUE(db.ok()) << db.errorString();
    core::sql::Statement st(*db, "SELECT name FROM countries");
    ASSERT_TRUE(st.step()) << st.errorString();
    EXPECT_EQ(st.text(0), "China");
    EXPECT_FALSE(db->exec("DELETE FROM countries").ok());
    EXPECT_FALSE(fs::exists(path + "-wal"));
    EXPECT_FALSE(fs::exists(path + "-shm"));
}

// chmod 444 and a read-only folder. Root may write anything, so as root this runs in
// test_cli (RobustCli.ReadOnlyWorkspace) as another user instead.
TEST(WorkspaceRobust, ReadOnlyFileAndFolder) {
    if (::geteuid() == 0)
        GTEST_SKIP() << "root ignores file permissions; see RobustCli.ReadOnlyWorkspace";
    test::TempDir tmp;
    const auto dir = tmp.file("ro");
    fs::create_directories(dir);
    const auto path = dir + "/w.chokepoint";
    {
        auto ws = Workspace::create(path);
        ASSERT_TRUE(ws.ok());
        ASSERT_TRUE(ws->database().exec("INSERT INTO countries VALUES('CHN','China',NULL)").ok());
    }
    fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
    for (const bool folderToo : {false, true}) {
        SCOPED_TRACE(folderToo ? "read-only folder" : "read-only file");
        if (folderToo)
            fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
        {
            auto ro = Workspace::openReadOnly(path);
            ASSERT_TRUE(ro.ok()) << ro.errorString();
            auto data = ro->load();
            ASSERT_TRUE(data.ok()) << data.errorString();
            EXPECT_EQ(data->countries.size(), 1u);
            auto rw = Workspace::open(path);
            ASSERT_TRUE(rw.ok()) << rw.errorString();
            auto w = rw->write(data.value(), core::WriteMode::Replace);
            ASSERT_FALSE(w.ok());
            EXPECT_NE(w.errorString().find("read-only"), std::string::npos) << w.errorString();
        }
        // Nothing was left beside it that would later stand in the way of writing.
        EXPECT_FALSE(fs::exists(path + "-wal"));
        EXPECT_FALSE(fs::exists(path + "-shm"));
    }
    fs::permissions(dir, fs::perms::owner_all);
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok());
    EXPECT_TRUE(ws->database().exec("DELETE FROM countries").ok()) << "writable again";
}

// The state a crash in the middle of a checkpoint leaves: the WAL intact, page 1 of the file
// already rewritten (its header gives the new, larger size), the file not yet extended. SQLite
// completes the checkpoint from the WAL on open; the header check must not call it truncated
// (it did: RobustCrash.KilledImportLeavesAllOldOrAllNewData found it).
TEST(WorkspaceRobust, CheckpointCutShortByACrashStillOpens) {
    test::TempDir tmp;
    const auto path = tmp.file("w.chokepoint");
    ASSERT_TRUE(Workspace::create(path).ok());
    const auto oldSize = fs::file_size(path);
    std::string wal;
    core::Dataset d;
    for (int i = 0; i < 3000; ++i)
        d.countries.push_back({"C" + std::to_string(i), std::string(200, 'x'), std::nullopt});
    {
        auto ws = Workspace::open(path);
        ASSERT_TRUE(ws.ok());
        ASSERT_TRUE(ws->database().exec("PRAGMA wal_autocheckpoint = 0").ok());
        ASSERT_TRUE(ws->write(d, core::WriteMode::Append).ok());
        wal = test::readFile(path + "-wal");
        ASSERT_GT(wal.size(), 500000u);
        ASSERT_TRUE(ws->database().exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
    }
    const auto checkpointed = test::readFile(path);
    ASSERT_GT(checkpointed.size(), oldSize * 3);
    fs::remove(path + "-shm");
    tmp.write("w.chokepoint", checkpointed.substr(0, oldSize));
    tmp.write("w.chokepoint-wal", wal);

    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok()) << ws.errorString();
    EXPECT_EQ(scalar(*ws, "PRAGMA integrity_check"), "ok");
    auto back = ws->load();
    ASSERT_TRUE(back.ok()) << back.errorString();
    EXPECT_EQ(back->countries, d.countries);
}

TEST(WorkspaceRobust, NewerVersionIsRefusedReadOnlyToo) {
    test::TempDir tmp;
    const auto path = tmp.file("new.chokepoint");
    {
        auto ws = Workspace::create(path);
        ASSERT_TRUE(ws.ok());
        ASSERT_TRUE(ws->database().exec("PRAGMA user_version = 1000").ok());
    }
    const auto before = test::readFile(path);
    for (auto open : {&Workspace::open, &Workspace::openReadOnly}) {
        auto ws = open(path);
        ASSERT_FALSE(ws.ok());
        EXPECT_NE(ws.errorString().find("was written by a newer version of Chokepoint (workspace "
                                        "schema 1000"),
                  std::string::npos)
            << ws.errorString();
    }
    EXPECT_EQ(test::readFile(path), before);
}

} // namespace

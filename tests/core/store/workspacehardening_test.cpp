// SPDX-License-Identifier: MIT
// Workspace files under hostile conditions (issue 17): creation that is all or nothing,
// read-only opens that leave no -wal/-shm, and foreign files whose triggers never run.
#include <fcntl.h>
#include <filesystem>
#include <gtest/gtest.h>
#include <set>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/io/bundled.h"
#include "core/store/workspace.h"
#include "tests/support/smallfs.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using core::Workspace;
namespace fs = std::filesystem;

namespace {

std::set<std::string> entries(const std::string& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        names.insert(e.path().filename().string());
    return names;
}

void rawExec(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
}

core::Dataset smallData() {
    return test::datasetFromCsv(
        {{"countries", "iso3,name\nDEU,Germany\n"}, {"suppliers", "id,name\nsup,Supplier\n"}});
}

} // namespace

TEST(WorkspaceCreate, AFullDiskLeavesNothing) {
    test::SmallFilesystem disk(64); // an empty workspace has 200 kB, the bundled one 280 kB
    if (!disk.mounted())
        GTEST_SKIP() << disk.skipReason();
    auto data = core::io::bundledDataset();
    ASSERT_TRUE(data.ok());
    const auto path = disk.file("w.chokepoint");
    const auto r = Workspace::createFile(path, *data);
    ASSERT_FALSE(r.ok()) << "a full disk was reported as a new workspace";
    EXPECT_NE(r.errorString().find("full"), std::string::npos) << r.errorString();
    EXPECT_TRUE(entries(disk.path()).empty()) << "left " << *entries(disk.path()).begin();
}

TEST(WorkspaceCreate, NothingUnderTheNameUntilComplete) {
    test::TempDir tmp;
    const auto path = tmp.file("w.chokepoint");
    ASSERT_TRUE(Workspace::createFile(path, smallData()).ok());
    EXPECT_EQ(entries(tmp.path()), std::set<std::string>{"w.chokepoint"});
    auto ws = Workspace::openReadOnly(path);
    ASSERT_TRUE(ws.ok()) << ws.errorString();
    auto d = ws->load();
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(*d, smallData());
    // A second create refuses, and leaves the first alone.
    const auto again = Workspace::createFile(path, core::Dataset{});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.errorString(), path + ": already exists; choose another name or open it");
}

TEST(WorkspaceCreate, RemovesWhatAKilledRunLeft) {
    test::TempDir tmp;
    tmp.write(".w.chokepoint.init-killed01", "half a database");
    tmp.write(".w.chokepoint.init-killed01-wal", "half a WAL");
    tmp.write(".w.chokepoint.init-running", "another init, still running");
    const int lock = ::open(tmp.file(".w.chokepoint.init-running").c_str(), O_RDONLY);
    ASSERT_GE(lock, 0);
    ASSERT_EQ(::flock(lock, LOCK_EX), 0);
    // A WAL without its database would be replayed into the new workspace.
    tmp.write("w.chokepoint-wal", "orphaned WAL of a deleted workspace");
    ASSERT_TRUE(Workspace::createFile(tmp.file("w.chokepoint"), smallData()).ok());
    ::close(lock);
    EXPECT_EQ(entries(tmp.path()),
              (std::set<std::string>{".w.chokepoint.init-running", "w.chokepoint"}));
    auto ws = Workspace::open(tmp.file("w.chokepoint"));
    ASSERT_TRUE(ws.ok()) << ws.errorString();
}

TEST(WorkspaceCreate, NeverThroughALink) {
    test::TempDir tmp;
    const auto link = tmp.file("w.chokepoint");
    fs::create_symlink(tmp.file("elsewhere.chokepoint"), link);
    const auto r = Workspace::createFile(link, smallData());
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.errorString().find("is a symbolic link"), std::string::npos) << r.errorString();
    EXPECT_FALSE(fs::exists(tmp.file("elsewhere.chokepoint")));
}

TEST(WorkspaceReadOnly, LeavesNoWalOrShm) {
    test::TempDir tmp;
    const auto path = tmp.file("w.chokepoint");
    ASSERT_TRUE(Workspace::createFile(path, smallData()).ok());
    {
        auto ws = Workspace::openReadOnly(path);
        ASSERT_TRUE(ws.ok()) << ws.errorString();
        ASSERT_TRUE(ws->load().ok());
    }
    EXPECT_EQ(entries(tmp.path()), std::set<std::string>{"w.chokepoint"});
}

// Read immutable, the file changes under the reader (another program's checkpoint): load()
// notices and reads it again the normal way.
TEST(WorkspaceReadOnly, ReadsAgainWhenTheFileChanged) {
    test::TempDir tmp;
    const auto path = tmp.file("w.chokepoint");
    ASSERT_TRUE(Workspace::createFile(path, smallData()).ok());
    auto reader = Workspace::openReadOnly(path);
    ASSERT_TRUE(reader.ok());
    {
        auto writer = Workspace::open(path);
        ASSERT_TRUE(writer.ok());
        const auto more = test::datasetFromCsv({{"suppliers", "id,name\nsup2,Second\n"}});
        ASSERT_TRUE(writer->write(more, core::WriteMode::Append).ok());
    } // the last connection's close writes the WAL back into the file
    auto d = reader->load();
    ASSERT_TRUE(d.ok()) << d.errorString();
    EXPECT_EQ(d->suppliers.size(), 2u);
}

// A workspace from elsewhere may carry triggers; none runs, whatever we write.
TEST(WorkspaceForeign, TriggersAndViewsNeverRun) {
    test::TempDir tmp;
    const auto path = tmp.file("w.chokepoint");
    ASSERT_TRUE(Workspace::createFile(path, core::Dataset{}).ok());
    rawExec(path, "CREATE TRIGGER planted AFTER INSERT ON suppliers BEGIN "
                  "INSERT INTO meta(key, value) VALUES ('pwned', 'yes'); END;"
                  "CREATE VIEW planted_view AS SELECT key FROM meta;");
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok()) << ws.errorString();
    ASSERT_TRUE(ws->write(smallData(), core::WriteMode::Append).ok());
    EXPECT_EQ(ws->meta("pwned"), std::nullopt) << "the planted trigger ran";
    core::sql::Statement view(ws->database(), "SELECT * FROM planted_view");
    EXPECT_FALSE(view.valid() && view.step()) << "the planted view was usable";
}

// SPDX-License-Identifier: MIT
// AtomicFile and AtomicFolder (issue 17): a file is written in full or not at all, a full disk
// is an error and never a success, and an output path that is not a regular file is refused.
#include <fcntl.h>
#include <filesystem>
#include <gtest/gtest.h>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "core/util/atomicfile.h"
#include "tests/support/smallfs.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
namespace fs = std::filesystem;

namespace {

std::set<std::string> entries(const std::string& dir) {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        names.insert(e.path().filename().string());
    return names;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Points `fd` at /dev/full: every later write to it fails with ENOSPC, like a full disk.
void injectFullDisk(int fd) {
    const int full = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    ASSERT_GE(full, 0) << "no /dev/full";
    ASSERT_EQ(::dup2(full, fd), fd);
    ::close(full);
}

} // namespace

TEST(AtomicFile, NothingAppearsBeforeCommit) {
    test::TempDir tmp;
    const auto path = tmp.file("report.html");
    const auto before = entries(tmp.path());
    core::AtomicFile file(path);
    ASSERT_TRUE(file.open().ok());
    ASSERT_TRUE(file.write("<html>complete</html>"));
    // Unnamed (O_TMPFILE) on Linux file systems: a kill now leaves nothing behind at all.
    EXPECT_EQ(entries(tmp.path()), before);
    ASSERT_TRUE(file.commit().ok());
    EXPECT_EQ(test::readFile(path), "<html>complete</html>");
    EXPECT_EQ(entries(tmp.path()), std::set<std::string>{"report.html"});
}

TEST(AtomicFile, ReplacesARegularFileKeepingItsPermissions) {
    test::TempDir tmp;
    const auto path = tmp.write("out.csv", "old");
    ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
    ASSERT_TRUE(core::writeFileAtomically(path, "new").ok());
    EXPECT_EQ(test::readFile(path), "new");
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0640u);
    EXPECT_EQ(entries(tmp.path()), std::set<std::string>{"out.csv"});
}

// Qt 6.4's QSaveFile::commit() succeeds when its final flush fails: a file small enough to sit
// in the write buffer until commit() came out empty on a full disk, reported as written.
TEST(AtomicFile, AFailingFinalFlushIsAnErrorAndKeepsTheOldFile) {
    test::TempDir tmp;
    const auto path = tmp.write("settings.json", "old settings");
    core::AtomicFile file(path);
    ASSERT_TRUE(file.open().ok());
    ASSERT_TRUE(file.write("a small file, still in the buffer"));
    injectFullDisk(file.handle());
    const auto r = file.commit();
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errorString(), path + ": cannot write: No space left on device");
    EXPECT_EQ(test::readFile(path), "old settings");
    EXPECT_EQ(entries(tmp.path()), std::set<std::string>{"settings.json"});
}

TEST(AtomicFile, RefusesWhatIsNotARegularFile) {
    test::TempDir tmp;
    const auto target = tmp.write("target.txt", "keep me");
    const auto link = tmp.file("link.html");
    fs::create_symlink(target, link);
    const auto dangling = tmp.file("dangling.chokepoint");
    fs::create_symlink(tmp.file("nowhere"), dangling);
    const auto fifo = tmp.file("fifo.pdf");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    fs::create_directories(tmp.file("folder.xlsx"));
    struct Case {
        std::string path, says;
    };
    const std::vector<Case> cases = {
        {link, "is a symbolic link; Chokepoint never writes through one"},
        {dangling, "is a symbolic link"},
        {fifo, "is a FIFO (named pipe), not a regular file"},
        {tmp.file("folder.xlsx"), "is a folder"},
        {tmp.file("no/such/folder/x.csv"), "does not exist"},
    };
    for (const auto& c : cases) {
        core::AtomicFile file(c.path);
        const auto r = file.open();
        ASSERT_FALSE(r.ok()) << c.path;
        EXPECT_TRUE(contains(r.errorString(), c.says)) << r.errorString();
        EXPECT_TRUE(contains(r.errorString(), c.path)) << r.errorString();
    }
    EXPECT_EQ(test::readFile(target), "keep me");
    EXPECT_TRUE(fs::is_symlink(link));
    EXPECT_FALSE(fs::exists(tmp.file("nowhere"))) << "wrote at the dangling link's target";
    EXPECT_TRUE(fs::is_fifo(fifo));

    // A device node of our own (the null device's numbers; never a node under /dev).
    const auto device = tmp.file("device.html");
    if (::mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0)
        GTEST_SKIP() << "mknod needs root; the device case is skipped";
    const auto r = core::writeFileAtomically(device, "would replace the device");
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(contains(r.errorString(), "is a device, not a regular file")) << r.errorString();
    EXPECT_TRUE(fs::is_character_file(device)) << "the device was replaced by a file";
}

// A link or special file put in place between open() and commit() is refused too.
TEST(AtomicFile, ChecksThePathAgainAtCommit) {
    test::TempDir tmp;
    const auto target = tmp.write("target.txt", "keep me");
    const auto path = tmp.file("out.csv");
    core::AtomicFile file(path);
    ASSERT_TRUE(file.open().ok());
    file.write("new");
    fs::create_symlink(target, path);
    const auto r = file.commit();
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(contains(r.errorString(), "is a symbolic link")) << r.errorString();
    EXPECT_EQ(test::readFile(target), "keep me");
}

TEST(AtomicFile, FullFilesystem) {
    test::SmallFilesystem disk(64);
    if (!disk.mounted())
        GTEST_SKIP() << disk.skipReason();
    // Larger than the disk: the writes themselves fail.
    const auto big = disk.file("big.csv");
    auto r = core::writeFileAtomically(big, std::string(200 << 10, 'x'));
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(contains(r.errorString(), "No space left on device")) << r.errorString();
    EXPECT_FALSE(fs::exists(big));

    // The small-file case: an old file, then a disk with less room than the new one needs.
    const auto small = disk.file("small.csv");
    ASSERT_TRUE(core::writeFileAtomically(small, "old").ok());
    disk.fill("filler", 0);
    r = core::writeFileAtomically(small, "new text, a hundred bytes or so, that no longer fits on "
                                         "the disk at all; it sits in the buffer until commit");
    ASSERT_FALSE(r.ok()) << "a full disk was reported as written";
    EXPECT_TRUE(contains(r.errorString(), "No space left on device")) << r.errorString();
    EXPECT_EQ(test::readFile(small), "old");
    EXPECT_EQ(entries(disk.path()), (std::set<std::string>{"filler", "small.csv"}));
}

TEST(AtomicFolder, SwapsInTheCompleteFolder) {
    test::TempDir tmp;
    tmp.write("out/a.csv", "old a");
    tmp.write("out/c.csv", "old c");
    const auto out = tmp.file("out");
    core::AtomicFolder folder(out, [](std::string_view n) { return n.size() == 5; });
    ASSERT_TRUE(folder.open().ok());
    ASSERT_TRUE(core::writeFileAtomically(folder.filePath("a.csv"), "new a").ok());
    ASSERT_TRUE(core::writeFileAtomically(folder.filePath("b.csv"), "new b").ok());
    EXPECT_EQ(entries(out), (std::set<std::string>{"a.csv", "c.csv"})) << "changed before commit";
    ASSERT_TRUE(folder.commit().ok());
    EXPECT_EQ(entries(out), (std::set<std::string>{"a.csv", "b.csv"}));
    EXPECT_EQ(test::readFile(out + "/a.csv"), "new a");
    EXPECT_EQ(entries(tmp.path()), std::set<std::string>{"out"}) << "a temporary folder is left";
}

TEST(AtomicFolder, RefusesAFolderItWouldEmptyOfOtherThings) {
    test::TempDir tmp;
    tmp.write("out/a.csv", "old a");
    tmp.write("out/notes.txt", "mine");
    const auto target = tmp.write("elsewhere.csv", "keep me");
    fs::create_directories(tmp.file("links"));
    fs::create_symlink(target, tmp.file("links/a.csv"));
    fs::create_symlink(tmp.file("out"), tmp.file("linked-out"));
    auto csv = [](std::string_view n) { return n.size() > 4 && n.substr(n.size() - 4) == ".csv"; };
    for (const auto& [dir, says] : std::vector<std::pair<std::string, std::string>>{
             {tmp.file("out"), "holds notes.txt, which is not a file this export writes"},
             {tmp.file("links"), "holds a.csv, which is not a file this export writes"},
             {tmp.file("linked-out"), "is a symbolic link"},
             {tmp.file("elsewhere.csv"), "is a file, not a folder"}}) {
        core::AtomicFolder folder(dir, csv);
        const auto r = folder.open();
        ASSERT_FALSE(r.ok()) << dir;
        EXPECT_TRUE(contains(r.errorString(), says)) << r.errorString();
    }
    EXPECT_EQ(test::readFile(tmp.file("out/notes.txt")), "mine");
    EXPECT_EQ(test::readFile(target), "keep me");
}

TEST(AtomicFolder, RemovesTheTemporaryFoldersOfKilledRuns) {
    test::TempDir tmp;
    tmp.write(".out.tmp-killed01/a.csv", "half");
    tmp.write(".out.tmp-running/a.csv", "in progress");
    // A run still in progress holds the lock of its folder.
    const int lock = ::open(tmp.file(".out.tmp-running").c_str(), O_RDONLY | O_DIRECTORY);
    ASSERT_GE(lock, 0);
    ASSERT_EQ(::flock(lock, LOCK_EX), 0);
    core::AtomicFolder folder(tmp.file("out"), [](std::string_view) { return true; });
    ASSERT_TRUE(folder.open().ok());
    ASSERT_TRUE(core::writeFileAtomically(folder.filePath("a.csv"), "new").ok());
    ASSERT_TRUE(folder.commit().ok());
    ::close(lock);
    EXPECT_EQ(entries(tmp.path()), (std::set<std::string>{".out.tmp-running", "out"}));
}

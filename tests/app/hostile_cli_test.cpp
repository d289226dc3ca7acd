// SPDX-License-Identifier: MIT
// Hostile inputs and unlucky conditions through the real executable (issue 17): amplifying
// workbooks within memory and time bounds, special files as inputs and outputs, symbolic
// links, full disks, too many threads, formula texts, control characters in ids.
#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <gtest/gtest.h>
#include <iostream>
#include <set>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QJsonDocument>
#include <QJsonObject>

#include "tests/support/smallfs.h"
#include "tests/support/testsupport.h"

extern char** environ;

using namespace chokepoint;
namespace fs = std::filesystem;

namespace {

struct Outcome {
    int exitCode = -1; ///< -1: ended by a signal
    std::string out, err;
    double peakMb = 0.0;
    double seconds = 0.0;
};

// Runs `argv` (the executable unless argv[0] is "bash") and measures that one process: its
// peak resident memory (wait4) and wall time.
Outcome run(std::vector<std::string> argv) {
    if (argv.empty() || argv[0] != "bash")
        argv.insert(argv.begin(), test::chokepointExecutable());
    test::TempDir io;
    const std::string outPath = io.file("out"), errPath = io.file("err");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.c_str(), O_WRONLY | O_CREAT, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, errPath.c_str(), O_WRONLY | O_CREAT, 0644);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    std::vector<char*> args;
    for (auto& a : argv)
        args.push_back(a.data());
    args.push_back(nullptr);
    Outcome r;
    pid_t pid = 0;
    const auto start = std::chrono::steady_clock::now();
    const std::string program = argv[0] == "bash" ? "/bin/bash" : argv[0];
    if (posix_spawn(&pid, program.c_str(), &actions, nullptr, args.data(), environ) != 0) {
        ADD_FAILURE() << "cannot start " << program;
        return r;
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.peakMb = double(usage.ru_maxrss) / 1024.0;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = test::readFile(outPath);
    r.err = test::readFile(errPath);
    return r;
}

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (const char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAsan = true;
#else
constexpr bool kAsan = false;
#endif
// ASan keeps freed memory in quarantine and adds its shadow: the 1 GiB bound holds for the
// real build; under ASan the bound is looser (it catches runaway growth, not the fine figure).
constexpr double kMaxPeakMb = kAsan ? 2560.0 : 1024.0;

// A workspace with the bundled data, made once per test process.
const std::string& bundledWorkspace() {
    static test::TempDir dir;
    static const std::string path = [] {
        const std::string p = dir.file("bundled.chokepoint");
        EXPECT_EQ(test::runChokepoint({"init", p}), 0);
        return p;
    }();
    return path;
}

// Makes a character device node of our own in `dir` (never one under /dev): (1, 3) is the null
// device, (1, 5) the zero device. False (for GTEST_SKIP) without the privilege.
bool makeDevice(const std::string& path, unsigned minor) {
    return ::mknod(path.c_str(), S_IFCHR | 0666, makedev(1, minor)) == 0;
}

} // namespace

struct HostileWorkbook {
    const char* file;
    const char* says;
};

// Test names and failure messages show the workbook, not the struct's bytes.
void PrintTo(const HostileWorkbook& w, std::ostream* os) {
    *os << w.file;
}

class HostileXlsxCli : public ::testing::TestWithParam<HostileWorkbook> {};

// Each hostile workbook: exit 3 with a message, nothing written, memory and time bounded.
TEST_P(HostileXlsxCli, RefusedWithinMemoryAndTime) {
    const auto& c = GetParam();
    test::TempDir tmp;
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws, "--empty"}), 0);
    const auto before = test::readFile(ws);
    const Outcome r = run({"import", ws, test::dataDir() + "/xlsx/hostile/" + c.file});
    std::cout << "[ hostile ] import " << c.file << ": exit " << r.exitCode << ", peak RSS "
              << r.peakMb << " MB, " << r.seconds << " s\n";
    RecordProperty("peak_rss_mb", int(r.peakMb));
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_TRUE(contains(r.err, c.says)) << r.err;
    EXPECT_TRUE(contains(r.err, "nothing was written")) << r.err;
    EXPECT_LT(r.peakMb, kMaxPeakMb) << c.file;
    EXPECT_LT(r.seconds, 90.0) << c.file;
    EXPECT_EQ(test::readFile(ws), before);
}

INSTANTIATE_TEST_SUITE_P(
    Workbooks, HostileXlsxCli,
    ::testing::Values(HostileWorkbook{"long-shared-string.xlsx", "longer than 1048576 bytes"},
                      HostileWorkbook{"repeated-shared-string.xlsx", "MiB of cell text"},
                      HostileWorkbook{"empty-shared-strings.xlsx", "more shared strings"},
                      HostileWorkbook{"billion-laughs.xlsx", "document type declaration"},
                      HostileWorkbook{"fifty-sheets-one-part.xlsx", "is used twice"},
                      HostileWorkbook{"too-many-rows.xlsx", "more than 1048576 rows"},
                      HostileWorkbook{"deep-nesting.xlsx", "nested more than 64 deep"},
                      HostileWorkbook{"many-cells.xlsx", "more than 16777216 cells"},
                      HostileWorkbook{"bad-crc.xlsx", "CRC error"}),
    [](const ::testing::TestParamInfo<HostileWorkbook>& info) {
        std::string name;
        for (const char* p = info.param.file; *p && *p != '.'; ++p)
            name += std::isalnum(static_cast<unsigned char>(*p)) ? *p : '_';
        return name;
    });

// A FIFO would block, a zero device never ends: inputs must be regular files.
TEST(HostileCli, InputsMustBeRegularFiles) {
    test::TempDir tmp;
    const auto& ws = bundledWorkspace();
    const auto fifo = tmp.file("fifo.json"), fifoCsv = tmp.file("fifo.csv");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    ASSERT_EQ(::mkfifo(fifoCsv.c_str(), 0644), 0);
    Outcome r = run({"scenario", ws, fifo});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_EQ(r.err, "chokepoint scenario: cannot read " + fifo +
                         ": not a regular file (a folder, FIFO or device)\n");
    r = run({"report", ws, "-o", tmp.file("r.html"), "--scenario", fifo});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "not a regular file")) << r.err;
    r = run({"import", ws, fifoCsv});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_TRUE(contains(r.err, fifoCsv + ": not a regular file")) << r.err;
    r = run({"exposure", fifo});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "not a Chokepoint workspace (not a regular file)")) << r.err;

    const auto zero = tmp.file("zero.json");
    if (!makeDevice(zero, 5))
        GTEST_SKIP() << "mknod needs root; the zero-device case is skipped";
    r = run({"scenario", ws, zero}); // used to end in "internal error: std::bad_alloc"
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "not a regular file")) << r.err;
    EXPECT_LT(r.seconds, 30.0);
}

// Outputs: never through a symbolic link, never over a device, FIFO or folder.
TEST(HostileCli, OutputsAreRegularFilesOnly) {
    test::TempDir tmp;
    const auto& ws = bundledWorkspace();
    const auto target = tmp.write("target.txt", "keep me");
    fs::create_directories(tmp.file("export"));
    fs::create_symlink(target, tmp.file("export/countries.csv"));
    Outcome r = run({"export", ws, tmp.file("export")});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "holds countries.csv, which is not a file this export writes"))
        << r.err;
    fs::create_symlink(target, tmp.file("link.html"));
    r = run({"report", ws, "-o", tmp.file("link.html"), "--as-of", "2025-08-01"});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "link.html: is a symbolic link")) << r.err;
    fs::create_symlink(tmp.file("nowhere.chokepoint"), tmp.file("dangling.chokepoint"));
    r = run({"init", tmp.file("dangling.chokepoint")});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_FALSE(fs::exists(tmp.file("nowhere.chokepoint"))) << "init wrote at the link's target";
    EXPECT_EQ(test::readFile(target), "keep me");

    const auto fifo = tmp.file("fifo.html");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    r = run({"report", ws, "-o", fifo});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(fs::is_fifo(fifo));

    const auto device = tmp.file("device.xlsx"), deviceHtml = tmp.file("device.html");
    if (!makeDevice(device, 3) || !makeDevice(deviceHtml, 3))
        GTEST_SKIP() << "mknod needs root; the device cases are skipped";
    r = run({"export", ws, device});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(contains(r.err, "is a device, not a regular file")) << r.err;
    r = run({"report", ws, "-o", deviceHtml});
    EXPECT_EQ(r.exitCode, 1) << r.err;
    EXPECT_TRUE(fs::is_character_file(device) && fs::is_character_file(deviceHtml))
        << "a device was replaced by a regular file";
}

// A real 32 KiB file system: every writing command fails clearly and leaves nothing that
// looks written (the bundled data's smallest output, the workbook, has 54 kB).
TEST(HostileCli, FullDiskIsNeverASuccess) {
    test::SmallFilesystem disk(32);
    if (!disk.mounted())
        GTEST_SKIP() << disk.skipReason();
    const auto& ws = bundledWorkspace();
    struct Case {
        std::vector<std::string> args;
        std::string output;
    };
    const std::vector<Case> cases = {
        {{"export", ws, disk.file("csv")}, disk.file("csv")},
        {{"export", ws, disk.file("w.xlsx")}, disk.file("w.xlsx")},
        {{"report", ws, "-o", disk.file("r.pdf"), "--as-of", "2025-08-01"}, disk.file("r.pdf")},
        {{"report", ws, "-o", disk.file("r.html"), "--as-of", "2025-08-01"}, disk.file("r.html")},
        {{"init", disk.file("w.chokepoint")}, disk.file("w.chokepoint")},
    };
    for (const auto& c : cases) {
        const Outcome r = run(c.args);
        EXPECT_EQ(r.exitCode, 1) << c.args[0] << ": " << r.err << r.out;
        EXPECT_TRUE(contains(r.err, "No space left on device")) << r.err;
        EXPECT_EQ(r.out, "") << "reported as written";
        EXPECT_FALSE(fs::exists(c.output)) << c.output;
        for (const auto& e : fs::directory_iterator(disk.path()))
            ADD_FAILURE() << c.args[0] << " left " << e.path();
        fs::remove_all(c.output);
    }
}

// The small-file case: an earlier export, then a disk with too little room for the new one.
TEST(HostileCli, FullDiskKeepsTheEarlierExport) {
    test::SmallFilesystem disk(256);
    if (!disk.mounted())
        GTEST_SKIP() << disk.skipReason();
    test::TempDir tmp;
    const auto empty = tmp.file("empty.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", empty, "--empty"}), 0);
    const auto csv = disk.file("csv"), xlsx = disk.file("w.xlsx");
    ASSERT_EQ(test::runChokepoint({"export", empty, csv}), 0);
    ASSERT_EQ(test::runChokepoint({"export", empty, xlsx}), 0);
    const auto previousCsv = test::readFile(csv + "/countries.csv");
    const auto previousXlsx = test::readFile(xlsx);
    disk.fill("filler", 0);
    for (const auto& target : {csv, xlsx}) {
        const Outcome r = run({"export", bundledWorkspace(), target});
        EXPECT_EQ(r.exitCode, 1) << r.err;
        EXPECT_TRUE(contains(r.err, "No space left on device")) << r.err;
    }
    EXPECT_EQ(test::readFile(csv + "/countries.csv"), previousCsv);
    EXPECT_EQ(test::readFile(xlsx), previousXlsx);
    std::set<std::string> left;
    for (const auto& e : fs::directory_iterator(disk.path()))
        left.insert(e.path().filename().string());
    EXPECT_EQ(left, (std::set<std::string>{"csv", "filler", "w.xlsx"}));
}

// More threads than the address space allows (each reserves a stack): fewer threads, the same
// numbers, never std::terminate.
TEST(HostileCli, MonteCarloThreadsThatCannotStart) {
    if (kAsan)
        GTEST_SKIP() << "ulimit -v does not work under AddressSanitizer";
    const auto& ws = bundledWorkspace();
    const std::string scenario =
        std::string(CHOKEPOINT_SOURCE_DIR) + "/resources/scenarios/graphite-anode-squeeze.json";
    const Outcome one =
        run({"scenario", ws, scenario, "--runs", "400", "--threads", "1", "--format", "json"});
    ASSERT_EQ(one.exitCode, 0) << one.err;
    const Outcome many =
        run({"bash", "-c",
             "ulimit -v 1048576; exec " + quoted(test::chokepointExecutable()) + " scenario " +
                 quoted(ws) + " " + quoted(scenario) + " --runs 400 --threads 200 --format json"});
    ASSERT_EQ(many.exitCode, 0) << many.err;
    const auto a = QJsonDocument::fromJson(QByteArray::fromStdString(one.out)).object();
    const auto b = QJsonDocument::fromJson(QByteArray::fromStdString(many.out)).object();
    EXPECT_EQ(a.value(QStringLiteral("total_lost_revenue")).toDouble(),
              b.value(QStringLiteral("total_lost_revenue")).toDouble());
    EXPECT_EQ(a.value(QStringLiteral("lost_revenue_p90")).toDouble(),
              b.value(QStringLiteral("lost_revenue_p90")).toDouble());
}

// exposure --format csv writes names a spreadsheet would run as formulas with an apostrophe.
TEST(HostileCli, FormulaNamesInExposureCsv) {
    test::TempDir tmp;
    tmp.write("in/materials.csv",
              "id,name,stage\nli,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",mining\n");
    tmp.write("in/products.csv", "id,name,annual_volume,unit_price\np,+cmd|' /C calc'!A0,10,5\n");
    tmp.write("in/product_bom.csv", "product_id,material_id,qty_per_unit\np,li,1\n");
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws, "--empty"}), 0);
    std::string out, err;
    ASSERT_EQ(test::runChokepoint({"import", ws, tmp.file("in")}, &out, &err), 0) << err;
    ASSERT_EQ(test::runChokepoint({"exposure", ws, "--format", "csv"}, &out, &err), 0) << err;
    EXPECT_TRUE(contains(out, ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",")) << out;
    EXPECT_TRUE(contains(out, ",'+cmd|' /C calc'!A0,")) << out;
    EXPECT_FALSE(contains(out, ",=HYPERLINK")) << out;
}

// Ids with escape sequences and line breaks are echoed escaped: one issue, one line.
TEST(HostileCli, ControlCharactersInIdsAreEscaped) {
    test::TempDir tmp;
    tmp.write("in/materials.csv",
              "id,name,stage\n\"a\x1b[31mred\",A,mining\n\"two\nlines\",B,mining\n");
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws, "--empty"}), 0);
    const Outcome r = run({"import", ws, tmp.file("in")});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_FALSE(contains(r.err, "\x1b")) << "a raw ESC reached the terminal";
    EXPECT_TRUE(contains(r.err, "materials.csv:2:1: invalid id 'a\\x1b[31mred'")) << r.err;
    EXPECT_TRUE(contains(r.err, "materials.csv:3:1: invalid id 'two\\nlines'")) << r.err;
    // Two issues and the summary: three lines.
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 3) << r.err;
}

// Dates outside 1900-2200 and implausible numbers are refused at the door; a report with the
// year 0 used to hang in the timeline chart.
TEST(HostileCli, OddDatesAndNumbersAreRefused) {
    const auto& ws = bundledWorkspace();
    test::TempDir tmp;
    Outcome r = run({"report", ws, "-o", tmp.file("r.html"), "--as-of", "0000-01-01"});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_TRUE(contains(r.err, "is outside the supported range 1900-01-01 to 2200-12-31"))
        << r.err;
    EXPECT_LT(r.seconds, 30.0);
    tmp.write("in/products.csv", "id,name,annual_volume,unit_price\np,P,1e308,1\nq,Q,10,1e12\n");
    const auto fresh = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", fresh, "--empty"}), 0);
    r = run({"import", fresh, tmp.file("in")});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(contains(r.err, "products.csv:2:3: annual_volume '1e308' must be between 0 and "
                                "1000000000000"))
        << r.err;
    EXPECT_TRUE(contains(r.err, "products.csv:3:4: unit_price '1e12' must be between 0 and "
                                "1000000000"))
        << r.err;
}

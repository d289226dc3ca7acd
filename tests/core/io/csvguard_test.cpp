// SPDX-License-Identifier: MIT
// CSV formula injection (issue 17): texts a spreadsheet would run as formulas are written with
// a leading apostrophe, and reading removes exactly that apostrophe, so export -> import still
// gives the same data. And the limits of what a CSV import reads.
#include <filesystem>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "core/io/csv.h"
#include "core/io/interchange.h"
#include "tests/core/robust/hostiledata.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using core::io::appendCsvField;
namespace fs = std::filesystem;

namespace {

std::string field(std::string_view text) {
    std::string line;
    appendCsvField(line, text);
    return line;
}

std::string firstIssue(const core::io::IssueList& issues) {
    return issues.empty() ? std::string() : issues.issues()[0].toString();
}

} // namespace

TEST(CsvFormulaGuard, FormulaTextsGetAnApostrophe) {
    EXPECT_EQ(field("=1+1"), "'=1+1");
    EXPECT_EQ(field("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
    EXPECT_EQ(field("-2+3"), "'-2+3");
    EXPECT_EQ(field("@SUM(A1:A2)"), "'@SUM(A1:A2)");
    EXPECT_EQ(field("\tx"), "'\tx");
    EXPECT_EQ(field("\rx"), "\"'\rx\""); // a CR needs quotes as well
    EXPECT_EQ(field("=HYPERLINK(\"http://x\",\"y\")"),
              "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    // Apostrophes before a formula character: one more, so that reading gives them back.
    EXPECT_EQ(field("'=x"), "''=x");
    EXPECT_EQ(field("''-x"), "'''-x");
    // Plain numbers stay numbers; other texts stay as they are.
    EXPECT_EQ(field("-0.5"), "-0.5");
    EXPECT_EQ(field("+3"), "+3");
    EXPECT_EQ(field("-1e-07"), "-1e-07");
    EXPECT_EQ(field("'x"), "'x");
    EXPECT_EQ(field("a=b"), "a=b");
    EXPECT_EQ(field(""), "");
}

TEST(CsvFormulaGuard, ReadingRemovesExactlyTheGuard) {
    core::io::RawTable t;
    t.file = "t.csv";
    core::io::IssueList issues;
    ASSERT_TRUE(core::io::parseCsv("name\n'=1+1\n''=x\n'x\n'-5\n\"'\tx\"\n'\n", t, issues));
    ASSERT_TRUE(issues.empty()) << issues.toString();
    ASSERT_EQ(t.rowCount(), 6u);
    EXPECT_EQ(t.cell(0, 0), "=1+1");
    EXPECT_EQ(t.cell(1, 0), "'=x");
    EXPECT_EQ(t.cell(2, 0), "'x"); // not a guard: kept
    EXPECT_EQ(t.cell(3, 0), "-5"); // a spreadsheet's way to keep "-5" text
    EXPECT_EQ(t.cell(4, 0), "\tx");
    EXPECT_EQ(t.cell(5, 0), "'");
    EXPECT_EQ(t.header[0], "name");
}

// export DIR writes formula texts guarded, and import DIR reads back the same data.
TEST(CsvFormulaGuard, ExportImportRoundTrips) {
    std::vector<std::string> names = test::hostile::texts();
    for (const char* more : {"=1+1", "+cmd|' /C calc'!A0", "-2+3", "@x", "\tleading tab",
                             "\rleading CR", "'=already guarded", "''+two", "'plain", "-5", "+7"})
        names.emplace_back(more);
    core::Dataset data;
    for (size_t i = 0; i < names.size(); ++i)
        data.materials.push_back(
            {"m" + std::to_string(i), names[i], core::Stage::Other, std::nullopt});
    test::TempDir tmp;
    const auto dir = tmp.file("export");
    ASSERT_TRUE(core::io::exportCsvFolder(data, dir).ok());
    const std::string csv = test::readFile(dir + "/materials.csv");
    EXPECT_NE(csv.find("\n"
                       "m20,'=1+1,"),
              std::string::npos)
        << csv;
    EXPECT_NE(csv.find(",'+cmd|' /C calc'!A0,"), std::string::npos);
    EXPECT_NE(csv.find(",''=already guarded,"), std::string::npos);
    EXPECT_NE(csv.find(",-5,"), std::string::npos);
    EXPECT_EQ(csv.find(",=1+1"), std::string::npos) << "a formula written as is";

    std::vector<core::io::RawTable> tables;
    core::io::IssueList issues;
    ASSERT_TRUE(core::io::readSource(dir, tables, issues)) << issues.toString();
    core::Dataset back;
    ASSERT_TRUE(core::io::validateTables(tables, core::Dataset{}, back, issues))
        << issues.toString();
    EXPECT_EQ(back, data);
}

TEST(CsvLimits, OnlyRegularFilesAreRead) {
    test::TempDir tmp;
    const auto fifo = tmp.file("fifo.csv");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0);
    fs::create_directories(tmp.file("folder.csv"));
    std::vector<std::string> paths = {fifo, tmp.file("folder.csv")};
    // A zero device of our own: reading it never ends (never the one under /dev).
    const auto zero = tmp.file("zero.csv");
    const bool haveDevice = ::mknod(zero.c_str(), S_IFCHR | 0666, makedev(1, 5)) == 0;
    if (haveDevice)
        paths.push_back(zero);
    for (const auto& path : paths) {
        core::io::RawTable t;
        core::io::IssueList issues;
        EXPECT_FALSE(core::io::readCsvFile(path, "in.csv", t, issues)) << path;
        EXPECT_EQ(firstIssue(issues), "in.csv: not a regular file (a folder, FIFO or device)")
            << path;
    }
    if (!haveDevice)
        GTEST_SKIP() << "mknod needs root; the device case is skipped";
}

TEST(CsvLimits, SizeCellsAndFields) {
    test::TempDir tmp;
    core::io::ReadLimits limits;
    limits.maxFileSize = 100;
    limits.maxCells = 10;
    limits.maxColumns = 5;
    auto read = [&](const std::string& text) {
        const auto path = tmp.write("t.csv", text);
        core::io::ReadBudget budget(limits);
        core::io::RawTable t;
        core::io::IssueList issues;
        const bool ok = core::io::readCsvFile(path, "t.csv", t, issues, &budget);
        return std::make_pair(ok, firstIssue(issues));
    };
    auto [ok, issue] = read(std::string(101, 'a'));
    EXPECT_FALSE(ok);
    EXPECT_EQ(issue, "t.csv: the file has 101 bytes, more than the limit of 100 bytes");
    // Empty fields cost a cell each: 2 columns x 6 rows = 12 cells > 10.
    std::tie(ok, issue) = read("a,b\n,\n,\n,\n,\n,\n,\n");
    EXPECT_FALSE(ok);
    EXPECT_EQ(issue, "t.csv:7: the import holds more than 10 cells (rows times columns, every "
                     "table together), the limit; split it into smaller imports");
    std::tie(ok, issue) = read("a,b,c,d,e,f\n");
    EXPECT_FALSE(ok);
    EXPECT_EQ(issue, "t.csv:1: more than 5 fields in one record (the limit); is this a CSV "
                     "file?");
    std::tie(ok, issue) = read("a,b\n1,2\n3,4\n");
    EXPECT_TRUE(ok) << issue;
}

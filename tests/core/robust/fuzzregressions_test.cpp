// SPDX-License-Identifier: MIT
// Replays every saved fuzz input (tests/data/fuzz-regressions/<target>/) and the hand-written
// seeds (tests/fuzz/seeds/<target>/) through the fuzz targets' own entry functions.
#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>

#include "core/io/csv.h"
#include "tests/core/robust/fuzzentries.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> inputs(const std::string& target) {
    std::vector<fs::path> files;
    for (const auto& root : {test::dataDir() + "/fuzz-regressions/" + target,
                             std::string(CHOKEPOINT_SOURCE_DIR) + "/tests/fuzz/seeds/" + target}) {
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(root, ec))
            if (e.is_regular_file())
                files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

template <class Entry> void replay(const std::string& target, Entry entry) {
    for (const auto& f : inputs(target)) {
        SCOPED_TRACE(f.string());
        EXPECT_EQ(entry(test::readFile(f.string())), "");
    }
}

TEST(FuzzRegressions, Csv) {
    ASSERT_FALSE(inputs("csv").empty());
    replay("csv", [](const std::string& s) { return test::fuzz::csvEntry(s); });
}

TEST(FuzzRegressions, Xlsx) {
    test::TempDir tmp;
    replay("xlsx",
           [&](const std::string& s) { return test::fuzz::xlsxEntry(s, tmp.file("in.xlsx")); });
}

TEST(FuzzRegressions, Scenario) {
    ASSERT_FALSE(inputs("scenario").empty());
    replay("scenario", [](const std::string& s) { return test::fuzz::scenarioEntry(s); });
}

TEST(FuzzRegressions, Validator) {
    test::TempDir tmp;
    replay("validator",
           [&](const std::string& s) { return test::fuzz::validatorEntry(s, tmp.path()); });
}

// The validator target's own input format, and that its deep checks do run.
TEST(FuzzRegressions, ValidatorEntryChecksCleanInput) {
    const auto split = test::fuzz::splitTables("K\r\nignored\n@@materials\nid,name,stage\n"
                                               "x1,X one,other\n@@recipes\r\n"
                                               "material_id,input_material_id\nx1,m0_0\n");
    EXPECT_TRUE(split.keepNetwork);
    ASSERT_EQ(split.tables.size(), 2u);
    EXPECT_EQ(split.tables[0].name, "materials");
    EXPECT_EQ(split.tables[0].rowCount(), 1u);
    EXPECT_EQ(split.tables[1].name, "recipes");
    EXPECT_EQ(split.tables[1].cell(0, 1), "m0_0");
    EXPECT_EQ(split.parseIssues, 0u);
    // The whole small network as sections: validates, so every round trip runs on it.
    std::string sections;
    for (const auto& e : fs::directory_iterator(test::dataDir() + "/small-network/data"))
        sections += "@@" + e.path().stem().string() + "\n" + test::readFile(e.path().string());
    test::TempDir tmp;
    EXPECT_EQ(test::fuzz::validatorEntry(sections, tmp.path()), "");
    EXPECT_EQ(test::fuzz::splitTables(sections).tables.size(), 16u); // with the profile
}

// csv/short-escaped-fields, inline: two short fields with doubled quotes in one record. Views
// of the first pointed into a string that moved when the second was unescaped, so the header
// came back as garbage (or ASan stopped with heap-use-after-free).
TEST(FuzzRegressions, CsvShortEscapedFieldsKeepTheirText) {
    core::io::RawTable t;
    t.file = "t.csv";
    core::io::IssueList issues;
    ASSERT_TRUE(core::io::parseCsv("\"\"\"\",\"\"\"\"", t, issues));
    EXPECT_TRUE(issues.empty()) << issues.toString();
    EXPECT_EQ(t.header, (std::vector<std::string>{"\"", "\""}));

    core::io::RawTable rows;
    rows.file = "rows.csv";
    ASSERT_TRUE(core::io::parseCsv("a,b,c\n\"x\"\"1\",\"y\"\"2\",\"z\"\"3\"\n", rows, issues));
    ASSERT_EQ(rows.rowCount(), 1u);
    EXPECT_EQ(rows.cell(0, 0), "x\"1");
    EXPECT_EQ(rows.cell(0, 1), "y\"2");
    EXPECT_EQ(rows.cell(0, 2), "z\"3");
}

} // namespace

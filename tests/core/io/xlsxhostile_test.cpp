// SPDX-License-Identifier: MIT
// Hostile workbooks (issue 17; tests/data/xlsx/hostile/make_hostile.py builds them): small
// files that decode to gigabytes or take minutes are refused with an issue, quickly. Their
// memory is measured through the executable in tests/app/hostile_cli_test.cpp.
#include <cctype>
#include <chrono>
#include <gtest/gtest.h>
#include <iostream>

#include "core/io/interchange.h"
#include "core/io/xlsxreader.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using core::io::IssueList;
using core::io::RawTable;

namespace {

struct Read {
    bool ok = false;
    std::vector<RawTable> tables;
    IssueList issues;
    double seconds = 0.0;
    std::string all() const { return issues.toString(); }
};

// Through readSource, with the budget of a real import.
Read read(const std::string& name) {
    Read r;
    const auto start = std::chrono::steady_clock::now();
    r.ok = core::io::readSource(test::dataDir() + "/xlsx/hostile/" + name, r.tables, r.issues);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return r;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Generous: the slowest case reads about 85 MB of XML, a few seconds under ASan on 2 cores.
constexpr double kMaxSeconds = 60.0;

} // namespace

struct HostileCase {
    const char* file;
    const char* says;
};

class XlsxHostile : public ::testing::TestWithParam<HostileCase> {};

TEST_P(XlsxHostile, IsRefusedQuicklyWithAnIssue) {
    const auto& c = GetParam();
    const Read r = read(c.file);
    EXPECT_FALSE(r.ok && r.issues.empty()) << c.file;
    EXPECT_TRUE(contains(r.all(), c.says)) << c.file << ":\n" << r.all();
    EXPECT_LT(r.seconds, kMaxSeconds) << c.file;
    std::cout << "[ hostile ] " << c.file << ": " << r.seconds << " s\n";
}

INSTANTIATE_TEST_SUITE_P(
    Workbooks, XlsxHostile,
    ::testing::Values(
        // One 20 MB shared string used in 50 cells (the issue's 2 GB import).
        HostileCase{"long-shared-string.xlsx",
                    "part xl/sharedStrings.xml: a text or tag longer than 1048576 bytes"},
        // 32,000 characters (within Excel's limit) in 9,000 cells: 288 MB of text.
        HostileCase{"repeated-shared-string.xlsx",
                    "the import holds more than 256 MiB of cell text, the limit"},
        HostileCase{"empty-shared-strings.xlsx",
                    "more shared strings than the limits allow (4194304 strings"},
        HostileCase{"billion-laughs.xlsx",
                    "part xl/sharedStrings.xml: a document type declaration (<!DOCTYPE or "
                    "<!ENTITY), which .xlsx files never have"},
        HostileCase{"external-entity.xlsx", "a document type declaration"},
        HostileCase{"undeclared-entity.xlsx", "xxe"},
        // Fifty sheets, one part: read once, the second sheet refused.
        HostileCase{"fifty-sheets-one-part.xlsx",
                    "fifty-sheets-one-part.xlsx:s1: part xl/worksheets/sheet1.xml is used twice"},
        HostileCase{"too-many-rows.xlsx", "more than 1048576 rows, the most an .xlsx sheet holds"},
        HostileCase{"deep-nesting.xlsx", "elements nested more than 64 deep"},
        HostileCase{"long-value.xlsx", "a text or tag longer than 1048576 bytes"},
        HostileCase{"many-cells.xlsx", "the import holds more than 16777216 cells"},
        HostileCase{"bad-crc.xlsx",
                    "bad-crc.xlsx:countries: damaged zip data in part xl/worksheets/sheet1.xml: "
                    "CRC error"}),
    [](const ::testing::TestParamInfo<HostileCase>& info) {
        std::string name;
        for (const char* p = info.param.file; *p && *p != '.'; ++p)
            name += std::isalnum(static_cast<unsigned char>(*p)) ? *p : '_';
        return name;
    });

// Numeric cells holding nan, inf or a number past the double range used to come through as
// text ("nan"); they are cell issues.
TEST(XlsxHostileCells, NonFiniteNumbersAreIssues) {
    const Read r = read("nan-inf.xlsx");
    ASSERT_EQ(r.issues.total(), 4u) << r.all();
    const std::string file = test::dataDir() + "/xlsx/hostile/nan-inf.xlsx";
    EXPECT_EQ(r.issues.issues()[0].toString(),
              file + ":products!C2: numeric cell holds 'nan', which is not a finite number");
    EXPECT_EQ(r.issues.issues()[1].toString(),
              file + ":products!C3: numeric cell holds 'inf', which is not a finite number");
    EXPECT_EQ(r.issues.issues()[2].toString(),
              file + ":products!C4: numeric cell holds '-inf', which is not a finite number");
    EXPECT_EQ(r.issues.issues()[3].toString(),
              file + ":products!C5: numeric cell holds '1e999', which is not a finite number");
}

// SPDX-License-Identifier: MIT
// Damaged and wrong workbooks: each gives a clear issue, never a crash or an exception.
#include <gtest/gtest.h>

#include "core/io/interchange.h"
#include "core/io/xlsxreader.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using core::io::IssueList;
using core::io::RawTable;

namespace {

std::string fixture(const std::string& name) {
    return test::dataDir() + "/xlsx/" + name;
}

struct Read {
    bool ok = false;
    std::vector<RawTable> tables;
    IssueList issues;
    std::string first() const {
        return issues.empty() ? std::string() : issues.issues()[0].toString();
    }
};

Read read(const std::string& name, core::io::XlsxReadOptions options = {}) {
    Read r;
    r.ok = core::io::readXlsxWorkbook(fixture(name), name, r.tables, r.issues, options);
    return r;
}

bool startsWith(const std::string& s, const std::string& prefix) {
    return s.rfind(prefix, 0) == 0;
}

} // namespace

TEST(XlsxMalformed, NotAZipFile) {
    const auto r = read("not-a-zip.xlsx");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.issues.total(), 1u);
    EXPECT_EQ(r.first(), "not-a-zip.xlsx: not an .xlsx workbook (not a zip file)");
    EXPECT_TRUE(r.tables.empty());
}

TEST(XlsxMalformed, LegacyOrEncryptedWorkbook) {
    const auto r = read("ole-compound.xlsx");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first(), "ole-compound.xlsx: not an .xlsx workbook (not a zip file); it looks "
                         "like a legacy .xls or a password-protected workbook: save it as .xlsx "
                         "without a password");
}

TEST(XlsxMalformed, MissingFile) {
    Read r;
    r.ok =
        core::io::readXlsxWorkbook(fixture("no-such-file.xlsx"), "gone.xlsx", r.tables, r.issues);
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first(), "gone.xlsx: no such file");
}

TEST(XlsxMalformed, ZipWithoutWorkbook) {
    const auto r = read("no-workbook.xlsx");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first(),
              "no-workbook.xlsx: not an .xlsx workbook (no xl/workbook.xml in the zip file)");
}

TEST(XlsxMalformed, BrokenXmlNamesThePartAndLine) {
    const auto r = read("broken-xml.xlsx");
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.issues.total(), 1u);
    // </rows> closes <row> on line 5 of the part.
    EXPECT_TRUE(startsWith(r.first(), "broken-xml.xlsx:supply: broken XML in part "
                                      "xl/worksheets/sheet1.xml at line 5, column "))
        << r.first();
    EXPECT_NE(r.first().find("mismatch"), std::string::npos) << r.first();
    EXPECT_TRUE(r.tables.empty());
}

TEST(XlsxMalformed, MissingSheetPart) {
    const auto r = read("missing-sheet.xlsx");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first(), "missing-sheet.xlsx:materials: the sheet's part xl/worksheets/sheet2.xml "
                         "is missing from the file");
    ASSERT_EQ(r.tables.size(), 1u); // countries is fine
    EXPECT_EQ(r.tables[0].name, "countries");
}

TEST(XlsxMalformed, SharedStringIndexOutOfRange) {
    const auto r = read("bad-shared-string.xlsx");
    // Shared strings: iso3, name, CHN, China.
    EXPECT_EQ(r.first(), "bad-shared-string.xlsx:countries!B2: shared string index '999' is out "
                         "of range (the workbook has 4 shared strings)");
    EXPECT_EQ(r.issues.total(), 1u);
}

TEST(XlsxMalformed, MoreColumnsThanXfd) {
    const auto r = read("too-many-columns.xlsx");
    ASSERT_EQ(r.issues.total(), 1u);
    EXPECT_EQ(r.issues.issues()[0].where.line, 2);
    EXPECT_NE(r.first().find("more than 16384 columns"), std::string::npos) << r.first();
}

TEST(XlsxMalformed, RowsOutOfOrderAndRepeatedCells) {
    const auto r = read("disorder.xlsx");
    ASSERT_EQ(r.issues.total(), 2u) << r.issues.toString();
    EXPECT_EQ(
        r.issues.issues()[0].toString(),
        "disorder.xlsx:countries!2: row 2 comes after row 3 (rows must be in ascending order)");
    EXPECT_EQ(r.issues.issues()[1].toString(),
              "disorder.xlsx:countries!B4: cell given twice, or out of order in its row");
}

TEST(XlsxMalformed, WorkbookWithoutData) {
    const auto r = read("blank.xlsx");
    EXPECT_FALSE(r.ok);
    EXPECT_EQ(r.first(), "blank.xlsx: the workbook has no sheet with data");
}

TEST(XlsxMalformed, ZipBombStopsAtThePartLimit) {
    core::io::XlsxReadOptions small;
    small.maxPartSize = 1 << 20; // the sheet unpacks to more than 3 MiB
    const auto declared = read("zip-bomb.xlsx", small);
    EXPECT_FALSE(declared.ok);
    EXPECT_TRUE(startsWith(declared.first(), "zip-bomb.xlsx:countries: part "
                                             "xl/worksheets/sheet1.xml would unpack to "))
        << declared.first();
    EXPECT_NE(declared.first().find("more than the limit of 1048576"), std::string::npos);
    EXPECT_NE(declared.first().find("zip bomb"), std::string::npos);
    // The zip directory claims 1,000 bytes: the limit holds while unpacking.
    const auto lying = read("zip-bomb-lying.xlsx", small);
    EXPECT_FALSE(lying.ok);
    EXPECT_EQ(lying.first(), "zip-bomb-lying.xlsx:countries: part xl/worksheets/sheet1.xml "
                             "unpacks to more than 1048576 bytes, the limit for one part (a "
                             "damaged file or a zip bomb)");
    // Under the default part limit (512 MiB) the 3 MiB of blanks in one run are still refused:
    // the XML parser would hold such a run whole (issue 17).
    for (const char* file : {"zip-bomb.xlsx", "zip-bomb-lying.xlsx"}) {
        const auto r = read(file);
        EXPECT_FALSE(r.ok);
        EXPECT_EQ(r.first(), std::string(file) + ":countries: part xl/worksheets/sheet1.xml: a "
                                                 "text or tag longer than 1048576 bytes, far more "
                                                 "than a cell holds");
    }
}

TEST(XlsxMalformed, WrongTypesAreValidationIssuesAtTheCell) {
    const auto r = read("wrong-types.xlsx");
    ASSERT_TRUE(r.ok);
    ASSERT_TRUE(r.issues.empty()) << r.issues.toString();
    IssueList issues;
    core::Dataset d;
    EXPECT_FALSE(core::io::validateTables(r.tables, {}, d, issues));
    // products!C12: the 11th product's annual_volume is "lots".
    ASSERT_EQ(issues.total(), 1u) << issues.toString();
    EXPECT_EQ(issues.issues()[0].toString(),
              "wrong-types.xlsx:products!C12: annual_volume 'lots' is not a number");
}

TEST(XlsxMalformed, TruncatedCopyOfAGoodWorkbook) {
    // Every prefix length class: the reader reports, never crashes.
    const std::string good = test::readFile(fixture("strings.xlsx"));
    test::TempDir tmp;
    for (size_t len : {size_t(0), size_t(4), size_t(100), good.size() / 2, good.size() - 1}) {
        const std::string path = tmp.write("cut.xlsx", good.substr(0, len));
        std::vector<RawTable> tables;
        IssueList issues;
        EXPECT_FALSE(core::io::readXlsxWorkbook(path, "cut.xlsx", tables, issues)) << len;
        EXPECT_FALSE(issues.empty()) << len;
    }
}

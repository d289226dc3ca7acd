// SPDX-License-Identifier: MIT
// Reading workbooks made by openpyxl and LibreOffice (tests/data/xlsx/make_fixtures.py says
// what each one holds; the expected values below are read off that script).
#include <ctime>
#include <gtest/gtest.h>

#include "core/io/fieldreader.h"
#include "core/io/interchange.h"
#include "core/io/xlsxreader.h"
#include "core/io/xlsxzip.h"
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
    const RawTable* table(const std::string& name) const {
        for (const auto& t : tables)
            if (t.name == name)
                return &t;
        return nullptr;
    }
    std::vector<std::string> issueTexts() const {
        std::vector<std::string> s;
        for (const auto& i : issues.issues())
            s.push_back(i.toString());
        return s;
    }
};

Read read(const std::string& name) {
    Read r;
    r.ok = core::io::readXlsxWorkbook(fixture(name), name, r.tables, r.issues);
    return r;
}

std::vector<std::string> row(const RawTable& t, size_t r) {
    std::vector<std::string> cells;
    for (size_t c = 0; c < t.columnCount(); ++c)
        cells.emplace_back(t.cell(r, c));
    return cells;
}

std::vector<int> lines(const RawTable& t) {
    std::vector<int> l;
    for (size_t r = 0; r < t.rowCount(); ++r)
        l.push_back(t.lineOf(r));
    return l;
}

// The text of one part of a package, for checking what the producer wrote.
std::string partText(const std::string& path, const std::string& part) {
    core::io::XlsxPackage zip;
    std::string error;
    if (!zip.open(path, error))
        return error;
    auto device = zip.openPart(zip.findPart(part), 1 << 26, error);
    return device ? device->readAll().toStdString() : error;
}

using Strings = std::vector<std::string>;

} // namespace

TEST(XlsxReader, EveryCellTypeHeaderPlacementAndBlankRows) {
    const auto r = read("values.xlsx");
    EXPECT_TRUE(r.ok);
    // "values", "stray"; the sheet "empty" has no cell and gives no table.
    ASSERT_EQ(r.tables.size(), 2u);
    const RawTable* t = r.table("values");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->file, "values.xlsx");
    EXPECT_EQ(t->sheet, "values");
    // Row 1 holds only blanks; the header is row 3 from column B, J3 is empty.
    EXPECT_EQ(t->headerLine, 3);
    EXPECT_EQ(t->header,
              (Strings{"id", "name", "qty", "price", "flag", "when", "share", "note", "extra"}));
    EXPECT_EQ(t->headerColumns, (std::vector<int>{2, 3, 4, 5, 6, 7, 8, 9, 11}));
    EXPECT_EQ(lines(*t), (std::vector<int>{4, 5, 7, 8})); // row 6 is missing
    // Integers stay integers; 0.625 is the value behind "62.5%"; dates come as YYYY-MM-DD.
    EXPECT_EQ(row(*t, 0), (Strings{"a1", "Alpha", "45", "0.1", "true", "2025-01-01", "0.625",
                                   "  spaced  ", "k"}));
    // Built-in format 14 (mm-dd-yy) is a date format too.
    EXPECT_EQ(row(*t, 1), (Strings{"a2", "Ünïcödé 中文", "-3.5", "52348159.58", "false",
                                   "2024-02-29", "", "line1\nline2", ""}));
    const auto r7 = row(*t, 2);
    EXPECT_EQ(r7[1], "");
    EXPECT_EQ(core::io::parseNumber(r7[2], false), 1e-7);
    EXPECT_EQ(core::io::parseNumber(r7[3], false), 1.5e20);
    EXPECT_EQ(r7[5], "2025-03-04 13:30:00"); // date and time
    EXPECT_EQ(r7[6], "45658");               // format "0": a number, not a date
    EXPECT_EQ(r7[7], "x_y");
    // Quoted letters and [Red] make no date; serials 61, 59, 60 around Lotus' leap day.
    EXPECT_EQ(row(*t, 3),
              (Strings{"a4", "", "3", "2.5", "", "1900-03-01", "1900-02-28", "1900-02-29", ""}));
}

TEST(XlsxReader, CellsOutsideTheHeaderAreIssues) {
    const auto r = read("values.xlsx");
    EXPECT_EQ(r.issueTexts(),
              (Strings{"values.xlsx:stray!C2: cell in a column whose header cell is empty",
                       "values.xlsx:stray!E2: cell outside the header's columns (the header "
                       "ends at column D)"}));
    const RawTable* t = r.table("stray");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->headerColumns, (std::vector<int>{1, 2, 4}));
    ASSERT_EQ(t->rowCount(), 2u);
    EXPECT_EQ(row(*t, 0), (Strings{"1", "", ""}));
    EXPECT_EQ(row(*t, 1), (Strings{"2", " ", ""})); // blanks outside the header are no issue
}

TEST(XlsxReader, Date1904System) {
    // 2025-01-01 is stored as 44196 = 45658 - 1462: the workbook really counts from 1904.
    EXPECT_NE(partText(fixture("date1904.xlsx"), "xl/worksheets/sheet1.xml").find("<v>44196</v>"),
              std::string::npos);
    const auto r = read("date1904.xlsx");
    ASSERT_TRUE(r.ok) << r.issues.toString();
    const RawTable* t = r.table("dates");
    ASSERT_TRUE(t);
    ASSERT_EQ(t->rowCount(), 4u);
    EXPECT_EQ(row(*t, 0), (Strings{"epoch", "1904-01-01"}));
    EXPECT_EQ(row(*t, 1), (Strings{"leap", "1904-02-29"}));
    EXPECT_EQ(row(*t, 2), (Strings{"new year", "2025-01-01"}));
    EXPECT_EQ(row(*t, 3), (Strings{"serial 0", "1904-01-01"}));
}

TEST(XlsxReader, FormulasGiveTheirSavedResults) {
    const auto r = read("formulas.xlsx");
    const RawTable* t = r.table("formulas");
    ASSERT_TRUE(t);
    ASSERT_EQ(t->rowCount(), 2u);
    // B2*3 = 6, A2&"-"&B2 = "x-2", B2>1 is TRUE, DATE(2025,1,1) with a date format.
    EXPECT_EQ(row(*t, 0), (Strings{"x", "2", "6", "x-2", "true", "2025-01-01"}));
    // 0.5/4 = 0.125, UPPER("y") = "Y", 0.5>1 is FALSE.
    EXPECT_EQ(row(*t, 1), (Strings{"y", "0.5", "0.125", "Y", "false", "2024-02-29"}));
    // =1/0 is saved as the error #DIV/0!: an issue at its cell.
    EXPECT_EQ(r.issueTexts(),
              Strings{"formulas.xlsx:errors!B2: the cell holds the error #DIV/0! (its formula "
                      "failed)"});
}

TEST(XlsxReader, FormulasWithoutSavedResultsAreIssues) {
    const auto r = read("formulas-uncached.xlsx");
    // C2:F3 hold formulas: 4 columns x 2 rows.
    ASSERT_EQ(r.issues.total(), 8u) << r.issues.toString();
    EXPECT_EQ(r.issues.issues()[0].toString().rfind(
                  "formulas-uncached.xlsx:formulas!C2: formula without a saved result", 0),
              0u);
    EXPECT_EQ(r.issues.issues()[7].where.line, 3);
    EXPECT_EQ(r.issues.issues()[7].where.column, 6);
}

TEST(XlsxReader, SharedInlineRichAndEscapedStrings) {
    const auto r = read("strings.xlsx");
    ASSERT_TRUE(r.ok);
    ASSERT_TRUE(r.issues.empty()) << r.issues.toString();
    const RawTable* t = r.table("strings");
    ASSERT_TRUE(t);
    Strings texts;
    for (size_t i = 0; i < t->rowCount(); ++i)
        texts.push_back(row(*t, i)[1]);
    EXPECT_EQ(texts, (Strings{
                         "plain shared",
                         "Bold and plain", // two runs; the phonetic run is left out
                         "inline text",
                         "inline",      // inline runs, phonetic run left out
                         "a\rb_x0041_", // _x000D_ is CR, _x005F_ an escaped underscore
                         "str!",        // a formula's saved text
                         "true",
                     }));
}

TEST(XlsxReader, RowsAndCellsWithoutReferences) {
    const auto r = read("layout.xlsx");
    ASSERT_TRUE(r.ok);
    ASSERT_TRUE(r.issues.empty()) << r.issues.toString();
    const RawTable* t = r.table("layout");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->header, (Strings{"id", "value"}));
    EXPECT_EQ(t->headerLine, 1);
    // Row 2 follows row 1; row 5 is explicit; the next row (no r=) is 6, and a row whose
    // first cell is A9 is row 9. Cells without r= follow the previous cell.
    EXPECT_EQ(lines(*t), (std::vector<int>{2, 5, 6, 9, 10, 11}));
    EXPECT_EQ(row(*t, 0), (Strings{"1", "10"}));
    EXPECT_EQ(row(*t, 1), (Strings{"", "50"}));
    EXPECT_EQ(row(*t, 2), (Strings{"6", "60"}));
    EXPECT_EQ(row(*t, 3), (Strings{"9", ""}));
    // t="d" cells: an ISO 8601 day at midnight is a date; with a time it stays as written.
    EXPECT_EQ(row(*t, 4), (Strings{"10", "2025-01-01"}));
    EXPECT_EQ(row(*t, 5), (Strings{"11", "2025-01-01T12:30:00"}));
}

TEST(XlsxReader, ErpExportKeepsItsOwnColumnNames) {
    const auto r = read("erp-suppliers.xlsx");
    ASSERT_TRUE(r.ok);
    ASSERT_EQ(r.tables.size(), 1u);
    const RawTable& t = r.tables[0];
    EXPECT_EQ(t.name, "Supplier master");
    EXPECT_EQ(t.header, (Strings{"Supplier ID", "Supplier Name", "Country of origin", "Share %",
                                 "Annual spend (EUR)", "Last audit"}));
    ASSERT_EQ(t.rowCount(), 3u);
    // 62.5% is the fraction 0.625; dd.mm.yyyy dates come as YYYY-MM-DD.
    EXPECT_EQ(row(t, 0),
              (Strings{"V-1001", "Ganfeng Lithium", "China", "0.625", "1250000.5", "2025-03-31"}));
    EXPECT_EQ(row(t, 1), (Strings{"V-1002", "Albemarle", "Chile", "0.25", "800000", "2024-11-15"}));
    EXPECT_EQ(row(t, 2), (Strings{"V-1003", "Pilbara Minerals", "Australia", "0.125", "", ""}));
    // Until it is mapped, it is no interchange table.
    IssueList issues;
    core::Dataset d;
    EXPECT_FALSE(core::io::validateTables(r.tables, {}, d, issues));
    ASSERT_EQ(issues.total(), 1u);
    EXPECT_EQ(issues.issues()[0].toString().rfind(
                  "erp-suppliers.xlsx:Supplier master: unknown table 'Supplier master'", 0),
              0u)
        << issues.toString();
}

TEST(XlsxReader, SmallNetworkWorkbookEqualsTheCsvFolder) {
    const auto r = read("small-network.xlsx");
    ASSERT_TRUE(r.ok);
    ASSERT_TRUE(r.issues.empty()) << r.issues.toString();
    // The sheet "Supply" is the table supply; the hidden sheet technologies is read too.
    const RawTable* supply = r.table("supply");
    ASSERT_TRUE(supply);
    EXPECT_EQ(supply->sheet, "Supply");
    ASSERT_TRUE(r.table("technologies"));
    IssueList issues;
    core::Dataset fromXlsx;
    ASSERT_TRUE(core::io::validateTables(r.tables, {}, fromXlsx, issues)) << issues.toString();
    const core::Dataset fromCsv = test::datasetFromFolder(test::dataDir() + "/small-network/data");
    EXPECT_EQ(fromXlsx.supply.size(), 348u); // supply.csv: 349 lines with the header
    EXPECT_EQ(fromXlsx.sites.size(), 120u);
    EXPECT_TRUE(fromXlsx == fromCsv);
    EXPECT_TRUE(fromXlsx.controls == fromCsv.controls); // dates
    EXPECT_TRUE(fromXlsx.supply == fromCsv.supply);     // shares, spends, lead times
}

TEST(XlsxReader, FiftyThousandRowSheetReadsFast) {
    const std::clock_t start = std::clock();
    const auto r = read("supply-50k.xlsx");
    const double seconds = double(std::clock() - start) / CLOCKS_PER_SEC;
    ASSERT_TRUE(r.ok);
    ASSERT_TRUE(r.issues.empty()) << r.issues.toString();
    const RawTable* t = r.table("supply");
    ASSERT_TRUE(t);
    ASSERT_EQ(t->rowCount(), 50000u);
    // Row i (1-based) is sheet row i + 1: m{i % 10}, s{i}, 0.0002, i * 1000 + 0.5, i % 90.
    for (const int i : {1, 12345, 50000}) {
        const auto cells = row(*t, size_t(i - 1));
        EXPECT_EQ(t->lineOf(size_t(i - 1)), i + 1);
        EXPECT_EQ(cells[0], "");
        EXPECT_EQ(cells[1], "m" + std::to_string(i % 10));
        EXPECT_EQ(cells[2], "s" + std::to_string(i));
        EXPECT_EQ(cells[3], "0.0002");
        EXPECT_EQ(core::io::parseNumber(cells[4], false), i * 1000.0 + 0.5);
        EXPECT_EQ(cells[5], std::to_string(i % 90));
    }
    EXPECT_EQ(row(*t, 12344)[5], "15"); // 12345 = 137 * 90 + 15
    EXPECT_EQ(row(*t, 49999)[5], "50"); // 50000 = 555 * 90 + 50
#if defined(__SANITIZE_ADDRESS__)
    (void)seconds; // sanitizers slow everything down several times
#else
    EXPECT_LT(seconds, 1.0) << "CPU seconds to read 50,000 rows";
#endif
}

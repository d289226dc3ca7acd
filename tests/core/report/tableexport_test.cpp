// SPDX-License-Identifier: MIT
// Typed tables written as CSV and XLSX: numbers stay numbers, text stays text.
#include <gtest/gtest.h>

#include <QFile>

#include "core/io/xlsxreader.h"
#include "core/io/xlsxzip.h"
#include "core/report/tableexport.h"
#include "tests/support/testsupport.h"

namespace chokepoint::core::report {
namespace {

Table sampleTable() {
    Table t;
    t.id = "materials";
    t.caption = "Materials: exposure [location]";
    t.addColumn("Material");
    t.addColumn("Dependence", Align::Right);
    t.addColumn("Spend at risk", Align::Right);
    t.addColumn("Effective");
    t.addColumn("Note");
    t.addRow({Cell::ofText("Graphite, spherical"), Cell::ofNumber(0.625, NumberFormat::Percent),
              Cell::ofNumber(1234567.5, NumberFormat::Money),
              Cell::ofDate(Date::fromYmd(2023, 12, 1)), Cell::ofText("says \"hi\"\nand more")});
    t.addRow({Cell::ofText("=HYPERLINK(\"x\")"), Cell::ofNumber(0.1 + 0.2, NumberFormat::Percent),
              Cell::missing(), Cell::missing(),
              Cell::ofLink("Source", "https://example.org/a?b=1")});
    return t;
}

std::string readPart(const std::string& path, const std::string& part) {
    io::XlsxPackage zip;
    std::string error;
    EXPECT_TRUE(zip.open(path, error)) << error;
    auto stream = zip.openPart(zip.findPart(part), 1 << 24, error);
    EXPECT_TRUE(stream) << part << ": " << error;
    return stream ? stream->readAll().toStdString() : std::string();
}

TEST(TableExport, CsvHasRawNumbersAndQuotedText) {
    const std::string csv = tableToCsv(sampleTable());
    // Hand-written expectation: fractions for percentages, plain numbers for money, ISO dates,
    // RFC 4180 quoting, and a formula-looking text defused with an apostrophe.
    EXPECT_EQ(csv, "Material,Dependence,Spend at risk,Effective,Note\r\n"
                   "\"Graphite, spherical\",0.625,1234567.5,2023-12-01,\"says \"\"hi\"\"\nand "
                   "more\"\r\n"
                   "\"'=HYPERLINK(\"\"x\"\")\",0.30000000000000004,,,Source\r\n");
}

TEST(TableExport, CsvFileIsWrittenAndReplacedWhole) {
    test::TempDir dir;
    const std::string path = dir.file("t.csv");
    ASSERT_TRUE(writeTableCsv(sampleTable(), path).ok());
    EXPECT_EQ(test::readFile(path), tableToCsv(sampleTable()));
    Table small;
    small.addColumn("a");
    small.addRow({Cell::ofNumber(1.0, NumberFormat::Count)});
    ASSERT_TRUE(writeTable(small, path).ok());
    EXPECT_EQ(test::readFile(path), "a\r\n1\r\n");
}

TEST(TableExport, BadPathsFailWithoutLeavingFiles) {
    test::TempDir dir;
    auto r = writeTableCsv(sampleTable(), dir.file("missing/t.csv"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.errorString().find("missing/t.csv"), std::string::npos);
    EXPECT_FALSE(writeTableXlsx(sampleTable(), dir.file("missing/t.xlsx")).ok());
    EXPECT_FALSE(QFile::exists(QString::fromStdString(dir.file("missing"))));
    auto unknown = writeTable(sampleTable(), dir.file("t.txt"));
    ASSERT_FALSE(unknown.ok());
    EXPECT_FALSE(QFile::exists(QString::fromStdString(dir.file("t.txt"))));
    EXPECT_EQ(tableFormatForPath("A.XLSX"), TableFormat::Xlsx);
    EXPECT_EQ(tableFormatForPath("a.csv"), TableFormat::Csv);
    EXPECT_FALSE(tableFormatForPath("a.pdf").has_value());
}

TEST(TableExport, XlsxKeepsNumbersAsNumbers) {
    test::TempDir dir;
    const std::string path = dir.file("t.xlsx");
    ASSERT_TRUE(writeTableXlsx(sampleTable(), path).ok());

    std::vector<io::RawTable> tables;
    io::IssueList issues;
    ASSERT_TRUE(io::readXlsxWorkbook(path, "t.xlsx", tables, issues));
    ASSERT_EQ(tables.size(), 1u);
    const io::RawTable& t = tables[0];
    EXPECT_EQ(t.sheet, "Materials  exposure  location");
    ASSERT_EQ(t.header, (std::vector<std::string>{"Material", "Dependence", "Spend at risk",
                                                  "Effective", "Note"}));
    ASSERT_EQ(t.rowCount(), 2u);
    EXPECT_EQ(t.cell(0, 0), "Graphite, spherical");
    EXPECT_EQ(t.cell(0, 1), "0.625");
    EXPECT_EQ(t.cell(0, 2), "1234567.5");
    EXPECT_EQ(t.cell(0, 3), "2023-12-01");        // a date-formatted number
    EXPECT_EQ(t.cell(1, 0), "=HYPERLINK(\"x\")"); // text, not a formula
    EXPECT_EQ(t.cell(1, 2), "");
    EXPECT_EQ(t.cell(1, 4), "Source");

    // The cells themselves: numbers carry no string type, text cells are shared strings.
    const std::string sheet = readPart(path, "xl/worksheets/sheet1.xml");
    EXPECT_NE(sheet.find("<c r=\"B2\" s=\""), std::string::npos);
    EXPECT_NE(sheet.find("><v>0.625</v></c>"), std::string::npos);
    EXPECT_NE(sheet.find("<c r=\"A2\" t=\"s\""), std::string::npos);
    EXPECT_EQ(sheet.find("<f>"), std::string::npos);
    const std::string styles = readPart(path, "xl/styles.xml");
    EXPECT_NE(styles.find("formatCode=\"0.0%\""), std::string::npos);
    EXPECT_NE(styles.find("formatCode=\"yyyy-mm-dd\""), std::string::npos);
    const std::string rels = readPart(path, "xl/worksheets/_rels/sheet1.xml.rels");
    EXPECT_NE(rels.find("https://example.org/a?b=1"), std::string::npos);
}

} // namespace
} // namespace chokepoint::core::report

// SPDX-License-Identifier: MIT
// import/export of .xlsx workbooks through the real executable.
#include <gtest/gtest.h>

#include "core/io/tableschema.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;

namespace {

std::string xlsxFixture(const std::string& name) {
    return test::dataDir() + "/xlsx/" + name;
}

// Every table of the workspace as CSV text, via `chokepoint export WS DIR`.
std::string csvExport(const test::TempDir& tmp, const std::string& ws, const std::string& dir) {
    EXPECT_EQ(test::runChokepoint({"export", ws, tmp.file(dir)}), 0);
    std::string all;
    for (const auto& spec : core::io::tableSpecs())
        all += std::string(spec.name) + ":\n" +
               test::readFile(tmp.file(dir + "/" + std::string(spec.name) + ".csv"));
    return all;
}

} // namespace

TEST(XlsxCli, MalformedWorkbooksExitThreeAndChangeNothing) {
    test::TempDir tmp;
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws}), 0);
    const std::string before = csvExport(tmp, ws, "before");
    const struct {
        const char* file;
        const char* message;
    } cases[] = {
        {"wrong-types.xlsx", "wrong-types.xlsx:products!C12: annual_volume 'lots' is not a number"},
        {"broken-xml.xlsx", "broken-xml.xlsx:supply: broken XML in part xl/worksheets/sheet1.xml"},
        {"not-a-zip.xlsx", "not-a-zip.xlsx: not an .xlsx workbook (not a zip file)"},
        {"missing-sheet.xlsx", "missing-sheet.xlsx:materials: the sheet's part"},
    };
    int n = 0;
    for (const auto& c : cases) {
        std::string out, err;
        EXPECT_EQ(test::runChokepoint({"import", ws, xlsxFixture(c.file), "--replace"}, &out, &err),
                  3)
            << c.file;
        EXPECT_NE(err.find(c.message), std::string::npos) << c.file << ":\n" << err;
        EXPECT_NE(err.find("nothing was written"), std::string::npos) << err;
        EXPECT_EQ(csvExport(tmp, ws, "after" + std::to_string(n++)), before) << c.file;
    }
}

TEST(XlsxCli, ExportThenImportIntoAFreshWorkspaceReproducesTheData) {
    test::TempDir tmp;
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws}), 0);
    std::string out, err;
    ASSERT_EQ(test::runChokepoint({"export", ws, tmp.file("out.xlsx")}, &out, &err), 0) << err;
    EXPECT_NE(out.find("exported"), std::string::npos);

    const auto fresh = tmp.file("fresh.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", fresh, "--empty"}), 0);
    ASSERT_EQ(test::runChokepoint({"import", fresh, tmp.file("out.xlsx")}, &out, &err), 0) << err;
    const std::string original = csvExport(tmp, ws, "a");
    EXPECT_EQ(csvExport(tmp, fresh, "b"), original);
    EXPECT_GT(original.size(), 10000u); // the bundled data set, not an empty one
}

TEST(XlsxCli, ImportsTheSmallNetworkWorkbookLikeItsCsvFolder) {
    test::TempDir tmp;
    const auto fromCsv = tmp.file("csv.chokepoint");
    const auto fromXlsx = tmp.file("xlsx.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", fromCsv, "--empty"}), 0);
    ASSERT_EQ(test::runChokepoint({"init", fromXlsx, "--empty"}), 0);
    std::string err;
    ASSERT_EQ(test::runChokepoint({"import", fromCsv, test::dataDir() + "/small-network/data"},
                                  nullptr, &err),
              0)
        << err;
    ASSERT_EQ(
        test::runChokepoint({"import", fromXlsx, xlsxFixture("small-network.xlsx")}, nullptr, &err),
        0)
        << err;
    EXPECT_EQ(csvExport(tmp, fromXlsx, "x"), csvExport(tmp, fromCsv, "c"));
}

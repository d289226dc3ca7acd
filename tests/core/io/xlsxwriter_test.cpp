// SPDX-License-Identifier: MIT
// exportXlsx: what the workbook holds, and that reading it back gives the same data.
#include <gtest/gtest.h>

#include <QDir>
#include <QXmlStreamReader>

#include "core/io/bundled.h"
#include "core/io/interchange.h"
#include "core/io/tableschema.h"
#include "core/io/xlsxreader.h"
#include "core/io/xlsxwriter.h"
#include "core/io/xlsxzip.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using core::io::IssueList;
using core::io::RawTable;

namespace {

std::string partText(const std::string& path, const std::string& part) {
    core::io::XlsxPackage zip;
    std::string error;
    if (!zip.open(path, error))
        return error;
    auto device = zip.openPart(zip.findPart(part), 1 << 26, error);
    return device ? device->readAll().toStdString() : error;
}

// Index (1-based) of `table`'s sheet: sheets come in tableSpecs() order.
int sheetNumber(std::string_view table) {
    const auto& specs = core::io::tableSpecs();
    for (size_t i = 0; i < specs.size(); ++i)
        if (specs[i].name == table)
            return int(i) + 1;
    return 0;
}

std::string sheetXml(const std::string& path, std::string_view table) {
    return partText(path, "xl/worksheets/sheet" + std::to_string(sheetNumber(table)) + ".xml");
}

// Reads `path` back and validates it as a whole import into an empty workspace.
core::Dataset readBack(const std::string& path, std::vector<RawTable>* raw = nullptr) {
    std::vector<RawTable> tables;
    IssueList issues;
    core::Dataset d;
    EXPECT_TRUE(core::io::readXlsxWorkbook(path, "out.xlsx", tables, issues)) << issues.toString();
    EXPECT_TRUE(core::io::validateTables(tables, {}, d, issues)) << issues.toString();
    if (raw)
        *raw = std::move(tables);
    return d;
}

// The style index of the cell `ref` in a sheet's XML, or -1.
int styleOf(const std::string& xml, const std::string& ref) {
    QXmlStreamReader r(QByteArray::fromStdString(xml));
    while (!r.atEnd()) {
        r.readNext();
        if (r.isStartElement() && r.name() == u"c" &&
            r.attributes().value(QLatin1StringView("r")) == QString::fromStdString(ref))
            return r.attributes().value(QLatin1StringView("s")).toInt();
    }
    return -1;
}

// The XML of cell `ref` (`<c r="ref" ...>...</c>`), or "" when the sheet has no such cell.
std::string cellXml(const std::string& xml, const std::string& ref) {
    const size_t start = xml.find("<c r=\"" + ref + "\"");
    if (start == std::string::npos)
        return {};
    const size_t close = xml.find('>', start);
    if (xml[close - 1] == '/')
        return xml.substr(start, close + 1 - start);
    return xml.substr(start, xml.find("</c>", start) + 4 - start);
}

// Whether cellXfs entry `xf` of styles.xml uses a bold font.
bool styleIsBold(const std::string& styles, int xf) {
    std::vector<bool> boldFonts;
    std::vector<int> xfFonts;
    QXmlStreamReader r(QByteArray::fromStdString(styles));
    QString section;
    while (!r.atEnd()) {
        r.readNext();
        if (!r.isStartElement())
            continue;
        const auto n = r.name();
        if (n == u"fonts" || n == u"cellXfs" || n == u"cellStyleXfs")
            section = n.toString();
        else if (n == u"font" && section == u"fonts")
            boldFonts.push_back(false);
        else if (n == u"b" && section == u"fonts" && !boldFonts.empty())
            boldFonts.back() = true;
        else if (n == u"xf" && section == u"cellXfs")
            xfFonts.push_back(r.attributes().value(QLatin1StringView("fontId")).toInt());
    }
    return xf >= 0 && size_t(xf) < xfFonts.size() &&
           size_t(xfFonts[size_t(xf)]) < boldFonts.size() && boldFonts[size_t(xfFonts[size_t(xf)])];
}

core::Dataset edgeCases() {
    return test::datasetFromCsv({
        {"countries", "iso3,name,region\nCHN,China,\nXXX,\"  spaced name  \",Asia_x0041_\n"},
        {"profile", "key,value\ncompany_name,\"Acme, \"\"v2\"\"\"\ncompany_country,XXX\n"
                    "reference_cutoff,2026-01-30\n"},
        {"sources", "id,publisher,title,year,url,notes\n"
                    "S1,Pub,\"two\nlines\",2024,,\"ctl\x01 & <xml> \"\"q\"\" ünï 中文 😀\"\n"},
        {"materials", "id,name,stage\nli,Lithium,mining\n007,=1+1,other\n"},
        {"world_shares", "material_id,country,share,basis,note\n"
                         "li,CHN,0.30000000000000004,lower_bound,\"'>30 %', \"\"lower\"\"\"\n"
                         "li,XXX,33.3%,,\n007,CHN,0.1,nationality,by company\n"},
        {"technologies", "id,name\nt1,Process\n"},
        {"controls", "id,issuer,title,announced,effective,end,kind,licence_review_days,source,"
                     "target_country,status\n"
                     "C1,CHN,T1,1900-01-01,1900-01-01,1900-02-28,licence,45,S1,XXX;CHN,scheduled\n"
                     "C2,CHN,T2,1900-03-01,2023-12-01,2200-12-31,prohibition,,,,\n"},
        {"suppliers", "id,name\nsup,Sup\n"},
        {"sites", "id,supplier_id,country,lat,lon,recovery_days\n"
                  "s1,sup,CHN,-33.8688,151.2093,3650\n"},
        {"site_technologies", "site_id,technology_id,source_country\ns1,t1,XXX\n"},
        {"products", "id,name,annual_volume,unit_price\np1,P,129235,1e-7\np2,Q,1e12,0.1\n"},
        {"alternatives", "material_id,site_id,qualification_days,max_share,cost_premium_pct\n"
                         "li,s1,30,0.5,-12.5\n"},
    });
}

} // namespace

TEST(XlsxWriter, BundledDataRoundTrips) {
    auto bundled = core::io::bundledDataset();
    ASSERT_TRUE(bundled.ok()) << bundled.errorString();
    test::TempDir tmp;
    const auto path = tmp.file("out.xlsx");
    const auto r = core::io::exportXlsx(*bundled, path);
    ASSERT_TRUE(r.ok()) << r.errorString();
    EXPECT_TRUE(readBack(path) == *bundled);
}

TEST(XlsxWriter, EdgeValuesRoundTrip) {
    const core::Dataset d = edgeCases();
    ASSERT_EQ(d.worldShares.size(), 3u);
    ASSERT_NE(d.worldShares[0].share, 0.3); // 0.1 + 0.2 needs 17 significant digits
    test::TempDir tmp;
    const auto path = tmp.file("edge.xlsx");
    ASSERT_TRUE(core::io::exportXlsx(d, path).ok());
    const core::Dataset back = readBack(path);
    EXPECT_TRUE(back.countries == d.countries);
    EXPECT_TRUE(back.sources == d.sources);
    EXPECT_TRUE(back.materials == d.materials);
    EXPECT_TRUE(back.worldShares == d.worldShares);
    EXPECT_TRUE(back.controls == d.controls);
    EXPECT_TRUE(back.products == d.products);
    EXPECT_TRUE(back.sites == d.sites);
    EXPECT_TRUE(back.alternatives == d.alternatives);
    EXPECT_TRUE(back.profile == d.profile);
    EXPECT_TRUE(back.siteTechnologies == d.siteTechnologies);
    EXPECT_TRUE(back == d);
    // Every methodology-v2 field took a value other than its default.
    EXPECT_EQ(d.profile.companyName, "Acme, \"v2\"");
    EXPECT_EQ(d.profile.companyCountry, "XXX");
    EXPECT_EQ(d.profile.referenceCutoff, core::Date::fromYmd(2026, 1, 30));
    EXPECT_EQ(d.worldShares[0].basis, core::ShareBasis::LowerBound);
    EXPECT_EQ(d.worldShares[0].note, "'>30 %', \"lower\"");
    EXPECT_EQ(d.worldShares[1].basis, core::ShareBasis::Production);
    EXPECT_EQ(d.controls[0].targetCountries, (std::vector<std::string>{"XXX", "CHN"}));
    EXPECT_EQ(d.controls[0].status, core::ControlStatus::Scheduled);
    EXPECT_EQ(d.controls[1].status, core::ControlStatus::Confirmed);
    EXPECT_EQ(d.sites[0].recoveryDays, 3650);
    EXPECT_EQ(d.siteTechnologies[0].sourceCountry, "XXX");
}

TEST(XlsxWriter, SheetsHeadersNumbersAndDates) {
    core::Dataset d = edgeCases();
    // Before 1900 (no import gives one since issue 17, but the writer still handles it).
    d.controls[0].announced = core::Date::fromYmd(1899, 12, 31);
    test::TempDir tmp;
    const auto path = tmp.file("edge.xlsx");
    ASSERT_TRUE(core::io::exportXlsx(d, path).ok());

    // One sheet per table, in tableSpecs() order, empty tables included.
    const std::string workbook = partText(path, "xl/workbook.xml");
    size_t pos = 0;
    for (const auto& spec : core::io::tableSpecs()) {
        const size_t at = workbook.find("name=\"" + std::string(spec.name) + "\"", pos);
        ASSERT_NE(at, std::string::npos) << spec.name;
        pos = at;
    }

    const std::string controls = sheetXml(path, "controls");
    // The header row is frozen and bold.
    EXPECT_NE(controls.find("ySplit=\"1\""), std::string::npos);
    EXPECT_NE(controls.find("state=\"frozen\""), std::string::npos);
    EXPECT_TRUE(styleIsBold(partText(path, "xl/styles.xml"), styleOf(controls, "A1")));
    EXPECT_FALSE(styleIsBold(partText(path, "xl/styles.xml"), styleOf(controls, "A2")));
    // effective (column F): C1's 1900-01-01 is serial 1 and C2's 2023-12-01 serial 45261,
    // numbers with a style; announced 1899-12-31 has no serial and is written as text.
    const std::string f2 = cellXml(controls, "F2"), f3 = cellXml(controls, "F3");
    EXPECT_NE(f2.find("<v>1</v>"), std::string::npos) << f2;
    EXPECT_NE(f3.find("<v>45261</v>"), std::string::npos) << f3;
    EXPECT_EQ(f3.find(" t=\""), std::string::npos) << f3;
    EXPECT_GT(styleOf(controls, "F3"), 0);
    EXPECT_NE(cellXml(controls, "E2").find("<t>1899-12-31</t>"), std::string::npos);
    // Every column gets a width.
    size_t cols = 0;
    for (size_t p = controls.find("<col "); p != std::string::npos;
         p = controls.find("<col ", p + 1))
        ++cols;
    EXPECT_EQ(cols, core::io::findTableSpec("controls")->columns.size());

    // Numbers are numbers; the id "007" and the text "=1+1" stay text.
    const std::string products = sheetXml(path, "products");
    EXPECT_EQ(cellXml(products, "C2"), "<c r=\"C2\"><v>129235</v></c>");
    // 0.1 + 0.2 does not survive Excel's 16 digits: it is written as its exact text.
    const std::string shares = sheetXml(path, "world_shares");
    EXPECT_NE(cellXml(shares, "C2").find("<t>0.30000000000000004</t>"), std::string::npos)
        << cellXml(shares, "C2");
    EXPECT_EQ(cellXml(shares, "C4"), "<c r=\"C4\"><v>0.1</v></c>");
    const std::string materials = sheetXml(path, "materials");
    EXPECT_NE(materials.find("<t>007</t>"), std::string::npos);
    EXPECT_NE(materials.find("<t>=1+1</t>"), std::string::npos);
    EXPECT_EQ(materials.find("<f>"), std::string::npos);
    // A null (unit) is no cell at all: D2 and D3 are absent.
    EXPECT_EQ(cellXml(materials, "D2"), "");
    EXPECT_NE(cellXml(materials, "C2"), "");
    // The profile's values are text, the cut-off date included (key,value; row 4 is
    // reference_cutoff).
    const std::string profile = sheetXml(path, "profile");
    EXPECT_NE(cellXml(profile, "A4").find("reference_cutoff"), std::string::npos)
        << cellXml(profile, "A4");
    EXPECT_NE(cellXml(profile, "B4").find("<t>2026-01-30</t>"), std::string::npos)
        << cellXml(profile, "B4");
}

TEST(XlsxWriter, EmptyDatasetGivesEveryHeader) {
    test::TempDir tmp;
    const auto path = tmp.file("empty.xlsx");
    ASSERT_TRUE(core::io::exportXlsx({}, path).ok());
    std::vector<RawTable> raw;
    EXPECT_TRUE(readBack(path, &raw) == core::Dataset{});
    const auto& specs = core::io::tableSpecs();
    ASSERT_EQ(raw.size(), specs.size());
    for (size_t i = 0; i < specs.size(); ++i) {
        EXPECT_EQ(raw[i].name, specs[i].name);
        EXPECT_EQ(raw[i].rowCount(), 0u);
        ASSERT_EQ(raw[i].header.size(), specs[i].columns.size());
        for (size_t c = 0; c < specs[i].columns.size(); ++c)
            EXPECT_EQ(raw[i].header[c], specs[i].columns[c].name);
    }
}

TEST(XlsxWriter, FailureLeavesTheOldFileAndNoTemporary) {
    test::TempDir tmp;
    const auto path = tmp.write("out.xlsx", "the previous export");
    core::Dataset d = edgeCases();
    d.sources[0].notes = std::string(40000, 'x'); // a cell holds at most 32,767 characters
    const auto r = core::io::exportXlsx(d, path);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.errorString().find("table sources, row 2, column notes"), std::string::npos)
        << r.errorString();
    EXPECT_NE(r.errorString().find("32,767"), std::string::npos);
    EXPECT_EQ(test::readFile(path), "the previous export");
    const QStringList left = QDir(QString::fromStdString(tmp.path()))
                                 .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    EXPECT_EQ(left, QStringList{"out.xlsx"});
}

TEST(XlsxWriter, ReplacesAnExistingFile) {
    test::TempDir tmp;
    const auto path = tmp.write("out.xlsx", "old");
    ASSERT_TRUE(core::io::exportXlsx(edgeCases(), path).ok());
    EXPECT_TRUE(readBack(path) == edgeCases());
    const QStringList left = QDir(QString::fromStdString(tmp.path()))
                                 .entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    EXPECT_EQ(left, QStringList{"out.xlsx"});
}

TEST(XlsxWriter, MissingFolderIsAnError) {
    test::TempDir tmp;
    const auto r = core::io::exportXlsx({}, tmp.file("no/such/folder/out.xlsx"));
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.errorString().find("does not exist"), std::string::npos) << r.errorString();
}

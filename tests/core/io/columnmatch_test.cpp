// SPDX-License-Identifier: MIT
// Automatic matching of an ERP export's own names to interchange tables and fields.
#include <gtest/gtest.h>

#include "core/io/columnmatch.h"
#include "core/io/csv.h"
#include "core/io/xlsxreader.h"
#include "tests/support/testsupport.h"

namespace chokepoint::core::io {
namespace {

using Strings = std::vector<std::string>;

const TableSpec& spec(std::string_view name) {
    return *findTableSpec(name);
}

int score(std::string_view table, std::string_view field, std::string_view header) {
    const TableSpec& t = spec(table);
    return matchScore(t, size_t(t.columnIndex(field)), header);
}

// The column of `field` in a mapping, or -1.
int columnOf(const TableMapping& m, std::string_view field) {
    const int i = spec(m.table).columnIndex(field);
    return m.fields[size_t(i)].column;
}

const Strings kErpHeader = {"Vendor No.", "Supplier Name", "Country of origin",  "Plant",
                            "Material",   "Share %",       "Annual spend (USD)", "Lead time (days)",
                            "Incoterms"};

TEST(ColumnMatch, NormalizesCaseSpacesPunctuationAndCamelCase) {
    EXPECT_EQ(normalizeHeader("Lead time (days)"), "lead time days");
    EXPECT_EQ(normalizeHeader("Share %"), "share percent");
    EXPECT_EQ(normalizeHeader("VendorNo."), "vendor no");
    EXPECT_EQ(normalizeHeader("material_id"), "material id");
    EXPECT_EQ(normalizeHeader("  Supplier   NAME "), "supplier name");
    EXPECT_EQ(normalizeHeader("Part #"), "part no");
    EXPECT_EQ(normalizeHeader("ISO3"), "iso3");
    EXPECT_EQ(normalizeHeader("--"), "");
}

TEST(ColumnMatch, ScoresNamesSynonymsUnitsAndContainedNames) {
    EXPECT_EQ(score("supply", "lead_time_days", "Lead time (days)"), kExactMatch);
    EXPECT_EQ(score("supply", "lead_time_days", "LEAD_TIME_DAYS"), kExactMatch);
    EXPECT_EQ(score("suppliers", "name", "Supplier Name"), kSynonymMatch);
    EXPECT_EQ(score("supply", "supplier_site", "Plant"), kSynonymMatch);
    EXPECT_EQ(score("sites", "id", "Site"), kSynonymMatch);
    EXPECT_EQ(score("sites", "supplier_id", "Vendor"), kSynonymMatch);
    EXPECT_EQ(score("sites", "country", "Country of origin"), kSynonymMatch);
    EXPECT_EQ(score("suppliers", "hq_country", "Country of origin"), kSynonymMatch);
    // A unit or currency after the name.
    EXPECT_EQ(score("supply", "share", "Share %"), kUnitMatch);
    EXPECT_EQ(score("supply", "annual_spend", "Annual spend (USD)"), kUnitMatch);
    EXPECT_EQ(score("supply", "annual_spend", "Spend p.a. (EUR)"), kUnitMatch);
    // A synonym of two words inside a longer header.
    EXPECT_EQ(score("supply", "annual_spend", "Annual spend budget"), kContainsMatch);
    // No match: a one-word synonym inside a longer header is too weak ("name" is not the
    // site's name in "Supplier Name"), and unrelated words.
    EXPECT_EQ(score("sites", "name", "Supplier Name"), 0);
    EXPECT_EQ(score("supply", "material_id", "Last audit"), 0);
    EXPECT_EQ(score("supply", "supplier_site", "Vendor No."), 0);
}

TEST(ColumnMatch, NamesOfTheMethodologyV2Columns) {
    // Technology sources, share bases, measure status and recovery times as analysts and ERP
    // exports name them.
    EXPECT_EQ(score("site_technologies", "source_country", "Licensor country"), kSynonymMatch);
    EXPECT_EQ(score("site_technologies", "source_country", "Technology origin"), kSynonymMatch);
    EXPECT_EQ(score("site_technologies", "source_country", "Source country"), kExactMatch);
    EXPECT_EQ(score("world_shares", "basis", "Basis"), kExactMatch);
    EXPECT_EQ(score("world_shares", "basis", "What is measured"), kSynonymMatch);
    EXPECT_EQ(score("world_shares", "note", "Caveat"), kSynonymMatch);
    EXPECT_EQ(score("controls", "status", "Measure status"), kSynonymMatch);
    EXPECT_EQ(score("controls", "target_country", "Destination countries"), kSynonymMatch);
    EXPECT_EQ(score("sites", "recovery_days", "TTR"), kSynonymMatch);
    EXPECT_EQ(score("sites", "recovery_days", "TTR (days)"), kUnitMatch);
    EXPECT_EQ(score("sites", "recovery_days", "Recovery time"), kSynonymMatch);
    EXPECT_EQ(score("sites", "recovery_days", "Time to recover (days)"), kUnitMatch);
    EXPECT_EQ(score("profile", "key", "Setting"), kSynonymMatch);
    EXPECT_EQ(score("profile", "value", "Value"), kExactMatch);
    // Not every "country" is a technology's source: the plain word stays with sites.country.
    EXPECT_EQ(score("site_technologies", "source_country", "Country"), 0);

    // A sheet of plant technologies as a licensing register might hold it.
    EXPECT_EQ(matchColumns(spec("site_technologies"), {"Plant", "Process", "Licensor country"}),
              (std::vector<int>{0, 1, 2}));
    // sites with a TTR column: id, supplier_id, country, name, lat, lon, recovery_days
    EXPECT_EQ(matchColumns(spec("sites"), {"Plant", "Vendor", "Country", "TTR (days)"}),
              (std::vector<int>{0, 1, 2, -1, -1, -1, 3}));
    // Sheet names.
    ASSERT_TRUE(tableForSourceName("Company profile"));
    EXPECT_EQ(tableForSourceName("Company profile")->name, "profile");
    ASSERT_TRUE(tableForSourceName("Profile"));
    EXPECT_EQ(tableForSourceName("Profile")->name, "profile");
}

TEST(ColumnMatch, AProfileIsNeverDerivedFromAnotherSheet) {
    // A sheet of purchase lines that happens to have "Key" and "Value" columns fills supply
    // (and the suppliers and sites it names), never the profile's key/value rows.
    RawTable purchases;
    purchases.name = "purchases";
    purchases.file = "purchases.csv";
    purchases.header = {"Vendor", "Plant", "Country", "Material", "Share", "Key", "Value"};
    for (int i = 0; i < 7; ++i)
        purchases.headerColumns.push_back(i + 1);
    purchases.beginRow(2);
    for (const char* cell : {"v1", "p1", "CHN", "li", "0.5", "k", "1"})
        purchases.appendCell(cell);
    const auto mappings = proposeMappings({purchases});
    ASSERT_EQ(mappings.size(), 1u);
    ASSERT_FALSE(mappings[0].tables.empty());
    EXPECT_EQ(mappings[0].tables[0].table, "supply");
    for (const auto& t : mappings[0].tables)
        EXPECT_NE(t.table, "profile");
}

TEST(ColumnMatch, AssignsErpColumnsToTheFieldsOfEachTable) {
    // supply: buyer_site, material_id, supplier_site, share, annual_spend, lead_time_days
    EXPECT_EQ(matchColumns(spec("supply"), kErpHeader), (std::vector<int>{-1, 4, 3, 5, 6, 7}));
    // sites: id, supplier_id, country, name, lat, lon, recovery_days
    EXPECT_EQ(matchColumns(spec("sites"), kErpHeader), (std::vector<int>{3, 0, 2, -1, -1, -1, -1}));
    // suppliers: id, name, hq_country, owner_country
    EXPECT_EQ(matchColumns(spec("suppliers"), kErpHeader), (std::vector<int>{0, 1, 2, -1}));
}

TEST(ColumnMatch, EachColumnServesOneFieldBestScoreFirst) {
    // Both "Site" and "Plant" name the site id: the earlier column wins, the other stays out.
    EXPECT_EQ(matchColumns(spec("sites"), {"Site", "Plant"}),
              (std::vector<int>{0, -1, -1, -1, -1, -1, -1}));
    // "Country" is the exact field name of sites.country (100) and a synonym of nothing else
    // here; "Plant country" is a synonym (90): the exact one takes the field.
    EXPECT_EQ(matchColumns(spec("sites"), {"Plant country", "Country", "Plant"}),
              (std::vector<int>{2, -1, 1, -1, -1, -1, -1}));
    // suppliers: "Vendor" (synonym of id) and "Vendor name" (synonym of name).
    EXPECT_EQ(matchColumns(spec("suppliers"), {"Vendor name", "Vendor"}),
              (std::vector<int>{1, 0, -1, -1}));
}

TEST(ColumnMatch, TablesFromFileAndSheetNames) {
    auto table = [](std::string_view name) {
        const TableSpec* t = tableForSourceName(name);
        return t ? std::string(t->name) : std::string("-");
    };
    EXPECT_EQ(table("Supplier master"), "suppliers");
    EXPECT_EQ(table("Vendors"), "suppliers");
    EXPECT_EQ(table("Purchase lines"), "supply");
    EXPECT_EQ(table("purchase-lines-2025"), "supply");
    EXPECT_EQ(table("PO lines export"), "supply");
    EXPECT_EQ(table("Plants"), "sites");
    EXPECT_EQ(table("Supply"), "supply");
    EXPECT_EQ(table("site_technologies"), "site_technologies");
    EXPECT_EQ(table("Site technologies"), "site_technologies");
    EXPECT_EQ(table("Bill of materials"), "product_bom");
    EXPECT_EQ(table("Notes"), "-");
    EXPECT_EQ(table("Data export"), "-");
}

RawTable csv(const std::string& name, const std::string& text) {
    RawTable t;
    t.name = name;
    t.file = name + ".csv";
    IssueList issues;
    EXPECT_TRUE(parseCsv(text, t, issues)) << issues.toString();
    return t;
}

TEST(ColumnMatch, PercentColumnsHoldNumbersUpToAHundredAndSomeAboveOne) {
    const RawTable t = csv("t", "a,b,c,d,e,f\n"
                                "20,0.2,45%,abc,150,\n"
                                ",1,30,50,20,\n"
                                "100,0.5,10,10,10,\n");
    EXPECT_TRUE(looksLikePercent(t, 0));  // 20, 100
    EXPECT_FALSE(looksLikePercent(t, 1)); // fractions
    EXPECT_FALSE(looksLikePercent(t, 2)); // says % itself
    EXPECT_FALSE(looksLikePercent(t, 3)); // text
    EXPECT_FALSE(looksLikePercent(t, 4)); // 150 is no percentage of a whole
    EXPECT_FALSE(looksLikePercent(t, 5)); // empty
    EXPECT_FALSE(looksLikePercent(t, 6)); // no such column
    // A header that says percent: 120 is a mistake in a percent column, not a fraction.
    const RawTable named = csv("n", "Share %,Share,Quota pct\n20,20,20\n120,120,120\n");
    EXPECT_TRUE(looksLikePercent(named, 0));
    EXPECT_FALSE(looksLikePercent(named, 1));
    EXPECT_TRUE(looksLikePercent(named, 2));
    // Fractions with one typo stay fractions (the 1.2 is then reported as a share above 1);
    // percentages with a few small values stay percentages: the majority decides.
    const RawTable typo = csv("q", "quota,pct_share\n0.2,20\n0.55,0.5\n0.45,45\n1.2,35\n");
    EXPECT_FALSE(looksLikePercent(typo, 0)); // 1 of 4 above 1
    EXPECT_TRUE(looksLikePercent(typo, 1));  // 3 of 4 above 1
}

TEST(ColumnMatch, PurchaseLinesFillSupplyAndDerivedSuppliersAndSites) {
    RawTable t;
    IssueList issues;
    ASSERT_TRUE(
        readCsvFile(test::dataDir() + "/erp/purchase-lines.csv", "purchase-lines.csv", t, issues));
    t.name = "purchase-lines";
    ASSERT_EQ(t.header, kErpHeader);
    const auto proposal = proposeMappings({t});
    ASSERT_EQ(proposal.size(), 1u);
    const auto& tables = proposal[0].tables;
    ASSERT_EQ(tables.size(), 3u);

    EXPECT_EQ(tables[0].table, "supply");
    EXPECT_FALSE(tables[0].distinct);
    EXPECT_EQ(columnOf(tables[0], "buyer_site"), -1);
    EXPECT_EQ(columnOf(tables[0], "material_id"), 4);
    EXPECT_EQ(columnOf(tables[0], "supplier_site"), 3);
    EXPECT_EQ(columnOf(tables[0], "share"), 5);
    EXPECT_EQ(columnOf(tables[0], "annual_spend"), 6);
    EXPECT_EQ(columnOf(tables[0], "lead_time_days"), 7);
    // 20, 55, 45, 100: percentages.
    EXPECT_TRUE(tables[0].fields[3].percent);

    EXPECT_EQ(tables[1].table, "suppliers");
    EXPECT_TRUE(tables[1].distinct);
    EXPECT_EQ(columnOf(tables[1], "id"), 0);
    EXPECT_EQ(columnOf(tables[1], "name"), 1);
    // The country of a purchase line is where the plant is, which sites takes.
    EXPECT_EQ(columnOf(tables[1], "hq_country"), -1);

    EXPECT_EQ(tables[2].table, "sites");
    EXPECT_TRUE(tables[2].distinct);
    EXPECT_EQ(columnOf(tables[2], "id"), 3);
    EXPECT_EQ(columnOf(tables[2], "supplier_id"), 0);
    EXPECT_EQ(columnOf(tables[2], "country"), 2);
    EXPECT_EQ(columnOf(tables[2], "name"), -1);
}

TEST(ColumnMatch, ErpSupplierMasterWorkbookIsTheSuppliersTable) {
    std::vector<RawTable> tables;
    IssueList issues;
    ASSERT_TRUE(readXlsxWorkbook(test::dataDir() + "/xlsx/erp-suppliers.xlsx", "erp-suppliers.xlsx",
                                 tables, issues));
    const auto proposal = proposeMappings(tables);
    ASSERT_EQ(proposal.size(), 1u);
    ASSERT_EQ(proposal[0].tables.size(), 1u);
    const TableMapping& m = proposal[0].tables[0];
    EXPECT_EQ(m.table, "suppliers");
    EXPECT_FALSE(m.distinct);
    // Supplier ID, Supplier Name, Country of origin, Share %, Annual spend (EUR), Last audit
    EXPECT_EQ(columnOf(m, "id"), 0);
    EXPECT_EQ(columnOf(m, "name"), 1);
    EXPECT_EQ(columnOf(m, "hq_country"), 2);
    EXPECT_EQ(columnOf(m, "owner_country"), -1);
}

TEST(ColumnMatch, SupplierListAndPurchaseLinesWorkbook) {
    std::vector<RawTable> tables;
    IssueList issues;
    ASSERT_TRUE(readXlsxWorkbook(test::dataDir() + "/erp/northwind-erp.xlsx", "northwind-erp.xlsx",
                                 tables, issues));
    ASSERT_EQ(tables.size(), 2u);
    const auto proposal = proposeMappings(tables);
    // Vendors: Vendor No., Vendor name, Country, Parent company country, Payment terms
    ASSERT_EQ(proposal[0].tables.size(), 1u);
    const TableMapping& vendors = proposal[0].tables[0];
    EXPECT_EQ(vendors.table, "suppliers");
    EXPECT_EQ(columnOf(vendors, "id"), 0);
    EXPECT_EQ(columnOf(vendors, "name"), 1);
    EXPECT_EQ(columnOf(vendors, "hq_country"), 2);
    EXPECT_EQ(columnOf(vendors, "owner_country"), 3);
    // Purchase lines: PO line, Vendor No., Plant, Plant country, Material, Quota,
    // Spend p.a. (USD), Lead time (days). Suppliers come from the Vendors sheet, so only the
    // sites are derived here.
    ASSERT_EQ(proposal[1].tables.size(), 2u);
    const TableMapping& supply = proposal[1].tables[0];
    EXPECT_EQ(supply.table, "supply");
    EXPECT_EQ(columnOf(supply, "material_id"), 4);
    EXPECT_EQ(columnOf(supply, "supplier_site"), 2);
    EXPECT_EQ(columnOf(supply, "share"), 5);
    EXPECT_FALSE(supply.fields[3].percent); // 20 % cells hold 0.2
    EXPECT_EQ(columnOf(supply, "annual_spend"), 6);
    EXPECT_EQ(columnOf(supply, "lead_time_days"), 7);
    const TableMapping& sites = proposal[1].tables[1];
    EXPECT_EQ(sites.table, "sites");
    EXPECT_TRUE(sites.distinct);
    EXPECT_EQ(columnOf(sites, "id"), 2);
    EXPECT_EQ(columnOf(sites, "supplier_id"), 1);
    EXPECT_EQ(columnOf(sites, "country"), 3);
}

TEST(ColumnMatch, UnnamedSourcesGoToTheBestCoveredTableOrNowhere) {
    // "export" names no table; the header fits suppliers best (four exact names) although
    // technologies' required id and name match too.
    const auto p = proposeMappings(
        {csv("export", "id,name,hq_country,owner_country\n"), csv("notes", "Comment,Date\n")});
    ASSERT_EQ(p[0].tables.size(), 1u);
    EXPECT_EQ(p[0].tables[0].table, "suppliers");
    EXPECT_EQ(p[0].tables[0].fields,
              (std::vector<FieldSource>{{0, false}, {1, false}, {2, false}, {3, false}}));
    EXPECT_TRUE(p[1].tables.empty());
}

} // namespace
} // namespace chokepoint::core::io

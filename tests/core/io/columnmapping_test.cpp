// SPDX-License-Identifier: MIT
// Applying a column mapping before validation: renamed, reordered and dropped columns,
// percent and country-name conversion, repeated rows, and locations that still point at the
// source's own cells.
#include <gtest/gtest.h>

#include "core/io/columnmapping.h"
#include "core/io/columnmatch.h"
#include "core/io/csv.h"
#include "core/io/interchange.h"
#include "tests/support/testsupport.h"

namespace chokepoint::core::io {
namespace {

using Strings = std::vector<std::string>;

RawTable csv(const std::string& file, const std::string& text) {
    RawTable t;
    t.name = file;
    t.file = file;
    IssueList issues;
    EXPECT_TRUE(parseCsv(text, t, issues)) << issues.toString();
    return t;
}

Strings row(const RawTable& t, size_t r) {
    Strings out;
    for (size_t c = 0; c < t.columnCount(); ++c)
        out.emplace_back(t.cell(r, c));
    return out;
}

// A mapping of `table` from {field, column, percent} triples.
TableMapping mapping(const std::string& table,
                     std::initializer_list<std::tuple<std::string, int, bool>> fields,
                     bool distinct = false) {
    TableMapping m = emptyTableMapping(table);
    const TableSpec* spec = findTableSpec(table);
    for (const auto& [field, column, percent] : fields)
        m.fields[size_t(spec->columnIndex(field))] = {column, percent};
    m.distinct = distinct;
    return m;
}

// Columns: 0 Vendor No., 1 Supplier Name, 2 Country of origin, 3 Plant, 4 Material,
// 5 Share %, 6 Annual spend (USD), 7 Note. Lines 2-6; line 5 repeats line 2's plant.
const char* kLines = "Vendor No.,Supplier Name,Country of origin,Plant,Material,Share %,"
                     "Annual spend (USD),Note\n"
                     "V1,Acme,China,P1,li,45,100,\n"
                     "V2,Bolt, chn ,P2,li,55%,200,x\n"
                     "V3,Cobb,Atlantis,P3,ni,abc,,\n"
                     "V1,Acme,China,P1,ni,100,50,\n"
                     ",,,,,,,only a note\n";

TableMapping supplyMapping() {
    return mapping("supply", {{"material_id", 4, false},
                              {"supplier_site", 3, false},
                              {"share", 5, true},
                              {"annual_spend", 6, false}});
}

TEST(ColumnMapping, RenamesReordersAndDropsColumnsKeepingSourceCells) {
    const RawTable src = csv("lines.csv", kLines);
    const RawTable t = applyTableMapping(src, supplyMapping());
    EXPECT_EQ(t.name, "supply");
    EXPECT_EQ(t.file, "lines.csv");
    // Spec order; buyer_site and lead_time_days are not mapped and so are absent.
    EXPECT_EQ(t.header, (Strings{"material_id", "supplier_site", "share", "annual_spend"}));
    EXPECT_EQ(t.headerColumns, (std::vector<int>{5, 4, 6, 7}));
    // Line 6 has no mapped value and is skipped like a blank line.
    ASSERT_EQ(t.rowCount(), 4u);
    // Percent: a plain number gets its sign; "55%" and text stay as written.
    EXPECT_EQ(row(t, 0), (Strings{"li", "P1", "45%", "100"}));
    EXPECT_EQ(row(t, 1), (Strings{"li", "P2", "55%", "200"}));
    EXPECT_EQ(row(t, 2), (Strings{"ni", "P3", "abc", ""}));
    EXPECT_EQ(row(t, 3), (Strings{"ni", "P1", "100%", "50"}));
    EXPECT_EQ(t.lineOf(0), 2);
    EXPECT_EQ(t.lineOf(3), 5);
    // share of the second row: source line 3, source column 6 ("Share %").
    EXPECT_EQ(t.locate(1, 2).toString(), "lines.csv:3:6");
}

TEST(ColumnMapping, CountryNamesBecomeCodesAndRepeatedRowsAreReadOnce) {
    const RawTable src = csv("lines.csv", kLines);
    const std::vector<Country> countries = {{"CHN", "China", {}}, {"DEU", "Germany", {}}};
    const CountryCodes codes = countryCodes(countries);
    const TableMapping sites = mapping(
        "sites", {{"id", 3, false}, {"supplier_id", 0, false}, {"country", 2, false}}, true);
    const RawTable t = applyTableMapping(src, sites, &codes);
    // Line 5 repeats line 2 (P1, V1, China) and is left out; line 6 is blank here.
    ASSERT_EQ(t.rowCount(), 3u);
    EXPECT_EQ(row(t, 0), (Strings{"P1", "V1", "CHN"}));
    EXPECT_EQ(row(t, 1), (Strings{"P2", "V2", "CHN"}));      // " chn " in any case and spacing
    EXPECT_EQ(row(t, 2), (Strings{"P3", "V3", "Atlantis"})); // unknown: left for the validator
    EXPECT_EQ(t.lineOf(2), 4);
    // Without `distinct` the repeated row stays (the validator then names the duplicate).
    TableMapping all = sites;
    all.distinct = false;
    EXPECT_EQ(applyTableMapping(src, all, &codes).rowCount(), 4u);
    // Without a country list nothing is converted.
    EXPECT_EQ(row(applyTableMapping(src, sites), 0), (Strings{"P1", "V1", "China"}));
}

TEST(ColumnMapping, CountryNamesInTargetListsAndTheProfileBecomeCodes) {
    const std::vector<Country> countries = {
        {"CHN", "China", {}}, {"DEU", "Germany", {}}, {"USA", "United States", {}}};
    const CountryCodes codes = countryCodes(countries);
    // A list of destinations, entry by entry; unknown entries stay for the validator.
    const RawTable measures =
        csv("measures.csv", "Measure,Destinations\nm1,United States; germany\nm2,USA;Atlantis\n");
    const RawTable t = applyTableMapping(
        measures, mapping("controls", {{"id", 0, false}, {"target_country", 1, false}}), &codes);
    EXPECT_EQ(row(t, 0), (Strings{"m1", "USA;DEU"}));
    EXPECT_EQ(row(t, 1), (Strings{"m2", "USA;Atlantis"}));
    // The profile's value is a country on the company_country row, and only there.
    const RawTable about = csv("about.csv", "Setting,Value\ncompany_country,Germany\n"
                                            "company_name,China Town Motors\n");
    const RawTable p = applyTableMapping(
        about, mapping("profile", {{"key", 0, false}, {"value", 1, false}}), &codes);
    EXPECT_EQ(row(p, 0), (Strings{"company_country", "DEU"}));
    EXPECT_EQ(row(p, 1), (Strings{"company_name", "China Town Motors"}));
}

TEST(ColumnMapping, ValidationIssuesPointAtTheOriginalFileRowAndColumn) {
    const RawTable src = csv("lines.csv", "Plant,Vendor,Material,Share %\n"
                                          "P1,V1,li,60\n"
                                          "P2,V1,li,120\n"
                                          "P3,V1,li bad,10\n");
    const Dataset kept = test::datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\n"},
        {"materials", "id,name,stage\nli,Lithium,refining\n"},
        {"suppliers", "id,name\nV1,Acme\n"},
        {"sites", "id,supplier_id,country\nP1,V1,CHN\nP2,V1,CHN\nP3,V1,CHN\n"},
    });
    MappedTables mapped;
    ASSERT_TRUE(applyMapping({src},
                             {SourceMapping{{mapping("supply", {{"material_id", 2, false},
                                                                {"supplier_site", 0, false},
                                                                {"share", 3, true}})}}},
                             {}, mapped));
    IssueList issues;
    Dataset out;
    EXPECT_FALSE(validateTables(mapped.tables, kept, out, issues));
    ASSERT_EQ(issues.total(), 2u) << issues.toString();
    EXPECT_EQ(issues.issues()[0].toString(), "lines.csv:3:4: share '120%' must be between 0 and 1");
    EXPECT_EQ(issues.issues()[1].toString(),
              "lines.csv:4:3: invalid material_id 'li bad' (ids are 1-64 characters of A-Z a-z "
              "0-9 _ . -)");
}

TEST(ColumnMapping, MappedPurchaseLinesValidateAgainstReferenceData) {
    const std::vector<Country> countries = {{"CHN", "China", {}}};
    const CountryCodes codes = countryCodes(countries);
    const Dataset kept = test::datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\n"},
        {"materials", "id,name,stage\nli,Lithium,refining\nni,Nickel,refining\n"},
    });
    // kLines without V3 (unknown country, bad share) and the note.
    const RawTable clean = csv("lines.csv", "Vendor No.,Supplier Name,Country of origin,Plant,"
                                            "Material,Share %,Annual spend (USD),Note\n"
                                            "V1,Acme,China,P1,li,45,100,\n"
                                            "V2,Bolt, chn ,P2,li,55%,200,x\n"
                                            "V1,Acme,China,P1,ni,100,50,\n");
    SourceMapping m;
    m.tables = {supplyMapping(), mapping("suppliers", {{"id", 0, false}, {"name", 1, false}}, true),
                mapping("sites",
                        {{"id", 3, false}, {"supplier_id", 0, false}, {"country", 2, false}},
                        true)};
    MappedTables mapped;
    MappingOptions options;
    options.countries = &codes;
    ASSERT_TRUE(applyMapping({clean}, {m}, options, mapped));
    ASSERT_EQ(mapped.tables.size(), 3u);
    EXPECT_EQ(mapped.origins[2].source, 0u);
    EXPECT_EQ(mapped.origins[2].mapping, 2u);
    IssueList issues;
    Dataset out;
    ASSERT_TRUE(validateTables(mapped.tables, kept, out, issues)) << issues.toString();
    ASSERT_EQ(out.supply.size(), 3u);
    EXPECT_DOUBLE_EQ(out.supply[0].share, 0.45);
    EXPECT_DOUBLE_EQ(out.supply[1].share, 0.55);
    EXPECT_DOUBLE_EQ(out.supply[2].share, 1.0);
    EXPECT_EQ(out.supply[2].annualSpend, 50.0);
    ASSERT_EQ(out.suppliers.size(), 2u); // V1 once
    EXPECT_EQ(out.suppliers[1].name, "Bolt");
    ASSERT_EQ(out.sites.size(), 2u);
    EXPECT_EQ(out.sites[1].country, "CHN");
}

TEST(ColumnMapping, ProblemsNameMissingRequiredFieldsAndTablesFilledTwice) {
    const RawTable a = csv("a.csv", "Plant,Material\nP1,li\n");
    RawTable b = csv("b.csv", "Plant,Material,Share\nP1,li,1\n");
    b.sheet = "Lines";
    const SourceMapping noShare{
        {mapping("supply", {{"material_id", 1, false}, {"supplier_site", 0, false}})}};
    const SourceMapping full{{mapping(
        "supply", {{"material_id", 1, false}, {"supplier_site", 0, false}, {"share", 2, false}})}};
    EXPECT_EQ(mappingProblems({a}, {noShare}),
              (Strings{"a.csv \u2192 supply: no column for the required field 'share'"}));
    EXPECT_TRUE(mappingProblems({b}, {full}).empty());
    EXPECT_EQ(mappingProblems({a, b}, {SourceMapping{}, full}), Strings{});
    // A column index beyond the source counts as unmapped.
    SourceMapping beyond = full;
    beyond.tables[0].fields[3].column = 7;
    EXPECT_EQ(mappingProblems({b}, {beyond}),
              (Strings{"Lines \u2192 supply: no column for the required field 'share'"}));
    EXPECT_EQ(mappingProblems({b, b}, {full, full}),
              (Strings{"supply is filled from 2 sources (Lines and Lines); a table can come from "
                       "one source only"}));
}

TEST(ColumnMapping, ReadsValuesAsTheImportWill) {
    const ColumnSpec id{"id", true, ColumnType::Id};
    const ColumnSpec share{"share", true, ColumnType::Share};
    const ColumnSpec days{"lead_time_days", false, ColumnType::Integer};
    const ColumnSpec date{"effective", true, ColumnType::Date};
    const ColumnSpec stage{"stage", true, ColumnType::Enum};
    const ColumnSpec text{"name", true, ColumnType::Text};
    const ColumnSpec number{"annual_spend", false, ColumnType::Number};
    EXPECT_EQ(readValue(id, " V-1001 "), Cell(std::string("V-1001")));
    EXPECT_EQ(readValue(id, "a b"), std::nullopt);
    EXPECT_EQ(readValue(share, "45%"), Cell(0.45));
    EXPECT_EQ(readValue(share, "0.625"), Cell(0.625));
    EXPECT_EQ(readValue(share, "1.2"), std::nullopt);
    EXPECT_EQ(readValue(days, "60"), Cell(int64_t(60)));
    EXPECT_EQ(readValue(days, "6.5"), std::nullopt);
    EXPECT_EQ(readValue(date, "2025-03-31"), Cell(Date::fromYmd(2025, 3, 31)));
    EXPECT_EQ(readValue(date, "31.03.2025"), std::nullopt);
    EXPECT_EQ(readValue(stage, "cell"), Cell(std::string("cell")));
    EXPECT_EQ(readValue(stage, "Cell"), std::nullopt);
    EXPECT_EQ(readValue(text, " as is "), Cell(std::string(" as is ")));
    EXPECT_EQ(readValue(number, "1e3"), Cell(1000.0));
    EXPECT_EQ(readValue(number, "6.1 m"), std::nullopt);
    EXPECT_EQ(readValue(number, "  "), Cell());
}

TEST(ColumnMapping, FindsTheMappedCellOfAnIssueLocation) {
    const RawTable src = csv("lines.csv", kLines);
    SourceMapping m;
    m.tables = {supplyMapping(),
                mapping("suppliers", {{"id", 0, false}, {"name", 1, false}}, true)};
    MappedTables mapped;
    ASSERT_TRUE(applyMapping({src}, {m}, {}, mapped));
    // supply: lines 2, 3, 4, 5; suppliers (distinct): lines 2 (V1), 3 (V2), 4 (V3).
    auto find = [&](int line, int column) {
        return findMappedCell(mapped, {"lines.csv", "", line, column});
    };
    auto at = find(4, 6); // Share % of line 4: supply row 2, column "share" (index 2)
    ASSERT_TRUE(at);
    EXPECT_EQ(at->table, 0u);
    EXPECT_EQ(at->row, 2u);
    EXPECT_EQ(at->column, 2);
    at = find(3, 1); // Vendor No. is not in supply but is suppliers.id: suppliers row 1
    ASSERT_TRUE(at);
    EXPECT_EQ(at->table, 1u);
    EXPECT_EQ(at->row, 1u);
    EXPECT_EQ(at->column, 0);
    at = find(5, 1); // line 5's supplier row was a repeat: only supply holds the line
    ASSERT_TRUE(at);
    EXPECT_EQ(at->table, 0u);
    EXPECT_EQ(at->row, 3u);
    EXPECT_EQ(at->column, -1);
    EXPECT_FALSE(find(6, 8));                                            // skipped (blank) line
    EXPECT_FALSE(find(1, 6));                                            // header
    EXPECT_FALSE(findMappedCell(mapped, {"other.csv", "", 2, 1}));       // another file
    EXPECT_FALSE(findMappedCell(mapped, {"lines.csv", "Sheet1", 2, 1})); // another sheet
}

TEST(ColumnMapping, SavedMappingsAreKeyedByHeaderAndSurviveReordering) {
    const RawTable src = csv("lines.csv", kLines);
    SourceMapping m;
    m.tables = {supplyMapping(),
                mapping("suppliers", {{"id", 0, false}, {"name", 1, false}}, true)};
    const std::string json = mappingToJson(m, src);
    EXPECT_EQ(mappingFromJson(json, src), m);

    // The same columns spelled differently give the same key; other columns another one.
    const RawTable respelled = csv("x.csv", "vendor no,SUPPLIER NAME,Country-of-origin,plant,"
                                            "material,share %,annual spend usd,note\n");
    EXPECT_EQ(mappingKey(respelled), mappingKey(src));
    EXPECT_EQ(mappingKey(src).rfind("import-mapping/", 0), 0u);
    const RawTable other = csv("y.csv", "Plant,Material,Share %,Annual spend (USD)\n");
    EXPECT_NE(mappingKey(other), mappingKey(src));

    // Fields find their columns by name: in another order, or gone (then unmapped).
    const auto moved = mappingFromJson(json, other);
    ASSERT_TRUE(moved);
    ASSERT_EQ(moved->tables.size(), 2u);
    EXPECT_EQ(moved->tables[0], mapping("supply", {{"material_id", 1, false},
                                                   {"supplier_site", 0, false},
                                                   {"share", 2, true},
                                                   {"annual_spend", 3, false}}));
    EXPECT_EQ(moved->tables[1], mapping("suppliers", {}, true));

    EXPECT_FALSE(mappingFromJson("not json", src));
    EXPECT_FALSE(mappingFromJson("{\"version\": 2, \"tables\": []}", src));
    const auto unknown =
        mappingFromJson("{\"version\":1,\"tables\":[{\"table\":\"nope\",\"fields\":[]}]}", src);
    ASSERT_TRUE(unknown);
    EXPECT_TRUE(unknown->tables.empty());
}

TEST(ColumnMapping, ApplyingCanBeCancelled) {
    const RawTable src = csv("lines.csv", kLines);
    const SourceMapping m{{supplyMapping()}};
    MappedTables mapped;
    MappingOptions options;
    std::vector<double> seen;
    options.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    EXPECT_TRUE(applyMapping({src, src}, {m, m}, options, mapped));
    EXPECT_EQ(seen, (std::vector<double>{0.0, 0.5, 1.0}));
    EXPECT_EQ(mapped.tables.size(), 2u);
    MappedTables cancelled;
    options.progress = [](double f) { return f < 0.5; };
    EXPECT_FALSE(applyMapping({src, src}, {m, m}, options, cancelled));
    EXPECT_EQ(cancelled.tables.size(), 1u);
}

} // namespace
} // namespace chokepoint::core::io

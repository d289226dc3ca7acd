// SPDX-License-Identifier: MIT
// Hostile and odd input to the readers and the validator: garbage, UTF-16, NUL bytes,
// 10,000 columns, odd numbers, recipe cycles, metacharacters in text (issue 10, item 4).
#include <cmath>
#include <gtest/gtest.h>
#include <random>

#include "core/io/csv.h"
#include "core/io/interchange.h"
#include "core/io/tableschema.h"
#include "core/io/xlsxreader.h"
#include "core/io/xlsxwriter.h"
#include "core/store/workspace.h"
#include "tests/core/robust/hostiledata.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;

namespace {

// Reads a source; returns the issues as text, "" when clean.
std::string readIssues(const std::string& path, std::vector<core::io::RawTable>* out = nullptr) {
    std::vector<core::io::RawTable> tables;
    core::io::IssueList issues;
    const bool ok = core::io::readSource(path, tables, issues);
    if (!ok && issues.empty())
        return "read failed without an issue";
    if (out)
        *out = std::move(tables);
    return issues.toString();
}

// Reads and validates a folder against an empty workspace; issues as text.
std::string validateFolder(const std::string& folder, core::Dataset* out = nullptr) {
    std::vector<core::io::RawTable> tables;
    core::io::IssueList issues;
    core::Dataset d;
    if (core::io::readSource(folder, tables, issues))
        core::io::validateTables(tables, core::Dataset{}, d, issues);
    if (out)
        *out = std::move(d);
    return issues.toString();
}

std::string randomBytes(size_t n, uint32_t seed) {
    std::mt19937 rng(seed);
    std::string s(n, '\0');
    for (auto& c : s)
        c = char(rng() & 0xFF);
    return s;
}

std::string utf16le(const std::string& ascii, bool bom) {
    std::string s = bom ? std::string("\xFF\xFE", 2) : std::string();
    for (const char c : ascii) {
        s += c;
        s += '\0';
    }
    return s;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

TEST(HostileInput, BinaryGarbageIsRefusedWithAMessage) {
    test::TempDir tmp;
    for (uint32_t seed = 1; seed <= 20; ++seed) {
        const std::string bytes = randomBytes(4096 + seed * 97, seed);
        const auto csv = tmp.write("garbage" + std::to_string(seed) + "/materials.csv", bytes);
        EXPECT_NE(readIssues(csv), "") << seed;
        const auto xlsx = tmp.write("garbage" + std::to_string(seed) + ".xlsx", bytes);
        const auto issues = readIssues(xlsx);
        EXPECT_TRUE(contains(issues, "not an .xlsx workbook")) << issues;
    }
    // A zip signature followed by garbage.
    const auto zip = tmp.write("zip.xlsx", "PK\x03\x04" + randomBytes(3000, 99));
    EXPECT_NE(readIssues(zip), "");
}

TEST(HostileInput, Utf16IsNamed) {
    test::TempDir tmp;
    const std::string csv = "id,name,stage\nli,Lithium,mining\n";
    const auto withBom = tmp.write("bom/materials.csv", utf16le(csv, true));
    EXPECT_TRUE(
        contains(readIssues(withBom), "materials.csv:1: the file is UTF-16; save it as UTF-8"))
        << readIssues(withBom);
    std::string be = "\xFE\xFF";
    for (const char c : csv) {
        be += '\0';
        be += c;
    }
    EXPECT_TRUE(contains(readIssues(tmp.write("be/materials.csv", be)), "UTF-16"));
    // Without a BOM the NULs give it away.
    const auto noBom = tmp.write("nobom/materials.csv", utf16le(csv, false));
    EXPECT_TRUE(contains(readIssues(noBom), "NUL byte in field (is this a binary or UTF-16 file?)"))
        << readIssues(noBom);
}

TEST(HostileInput, NulBytesAreLocated) {
    test::TempDir tmp;
    const auto path = tmp.write("nul/materials.csv", std::string("id,name,stage\nli,Lith") + '\0' +
                                                         "ium,mining\nco,Co,mining\n");
    const auto issues = readIssues(path);
    EXPECT_TRUE(contains(issues, "materials.csv:2:2: NUL byte in field")) << issues;
    // The other rows are still read, so every problem is reported in one pass.
    std::vector<core::io::RawTable> tables;
    readIssues(path, &tables);
    ASSERT_EQ(tables.size(), 1u);
    EXPECT_EQ(tables[0].rowCount(), 1u);
    EXPECT_EQ(tables[0].cell(0, 0), "co");
}

TEST(HostileInput, TenThousandColumns) {
    test::TempDir tmp;
    std::string header = "id,name,stage", row = "li,Lithium,mining";
    for (int i = 0; i < 10000; ++i) {
        header += ",extra" + std::to_string(i);
        row += ",x";
    }
    const auto path = tmp.write("wide/materials.csv", header + "\n" + row + "\n");
    core::io::IssueList issues;
    std::vector<core::io::RawTable> tables;
    ASSERT_TRUE(core::io::readSource(tmp.file("wide"), tables, issues));
    ASSERT_EQ(tables[0].columnCount(), 10003u);
    core::Dataset d;
    EXPECT_FALSE(core::io::validateTables(tables, core::Dataset{}, d, issues));
    // One issue per unknown column, capped so that the message stays readable.
    EXPECT_EQ(issues.total(), 10000u);
    EXPECT_EQ(issues.issues().size(), 200u);
    EXPECT_TRUE(contains(issues.toString(), "materials.csv:1:4: unknown column 'extra0'"));
    EXPECT_TRUE(contains(issues.toString(), "... and 9800 more errors"));

    // A row of 10,000 fields under a normal header.
    const auto ragged = tmp.write("ragged/materials.csv", "id,name,stage\n" + row + "\n");
    EXPECT_TRUE(contains(readIssues(tmp.file("ragged")),
                         "materials.csv:2: expected 3 fields (as in the header), found 10003"))
        << ragged;
}

TEST(HostileInput, OddNumbersInShares) {
    test::TempDir tmp;
    tmp.write("base/countries.csv", "iso3,name\nCHN,China\n");
    tmp.write("base/materials.csv", "id,name,stage\nli,Lithium,mining\n");
    struct Case {
        std::string share;
        std::string issue; // "" = accepted
        double value;
    };
    const std::vector<Case> cases = {
        {"NaN", "share 'NaN' is not a number", 0},
        {"nan", "share 'nan' is not a number", 0},
        {"-nan", "share '-nan' is not a number", 0},
        {"inf", "share 'inf' is not a number", 0},
        {"-inf", "share '-inf' is not a number", 0},
        {"1e309", "share '1e309' is not a number", 0},
        {"-1e309", "share '-1e309' is not a number", 0},
        {"1e-400", "share '1e-400' is not a number", 0},
        {"0x1p-1", "share '0x1p-1' is not a number", 0},
        {"1,5", "", 0}, // two fields: a field-count issue, checked below
        {"-0", "", 0.0},
        {"-0.0%", "", 0.0},
        {"+0.25", "", 0.25},
        {" 50% ", "", 0.5},
        {"1e-300", "", 1e-300},
        {"1.0000000000000002", "share '1.0000000000000002' must be between 0 and 1", 0},
        {"-1e-300", "share '-1e-300' must be between 0 and 1", 0},
        {"150%", "share '150%' must be between 0 and 1", 0},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.share);
        const std::string dir = tmp.file("case");
        std::filesystem::remove_all(dir);
        std::filesystem::copy(tmp.file("base"), dir);
        tmp.write("case/world_shares.csv", "material_id,country,share\nli,CHN," + c.share + "\n");
        core::Dataset d;
        const auto issues = validateFolder(dir, &d);
        if (c.share == "1,5") {
            EXPECT_TRUE(contains(issues, "expected 3 fields")) << issues;
            continue;
        }
        if (!c.issue.empty()) {
            EXPECT_TRUE(contains(issues, "world_shares.csv:2:3: " + c.issue)) << issues;
            continue;
        }
        ASSERT_EQ(issues, "");
        ASSERT_EQ(d.worldShares.size(), 1u);
        EXPECT_EQ(d.worldShares[0].share, c.value);
        EXPECT_FALSE(std::signbit(d.worldShares[0].share)) << "-0 must be stored as 0";
        if (c.value == 0.0) {
            // year, source empty; basis the default; note empty.
            EXPECT_TRUE(
                contains(core::io::tableToCsv(d, "world_shares"), "li,CHN,0,,,production,\n"));
        }
    }
}

TEST(HostileInput, RecipeCyclesAreNamed) {
    test::TempDir tmp;
    tmp.write("self/materials.csv", "id,name,stage\na,A,other\n");
    tmp.write("self/recipes.csv", "material_id,input_material_id\na,a\n");
    EXPECT_TRUE(contains(validateFolder(tmp.file("self")), "recipes.csv:2:2: recipe cycle: a -> a"))
        << validateFolder(tmp.file("self"));
    tmp.write("three/materials.csv", "id,name,stage\na,A,other\nb,B,other\nc,C,other\nd,D,other\n");
    tmp.write("three/recipes.csv", "material_id,input_material_id\nd,a\nb,a\nc,b\na,c\n");
    EXPECT_TRUE(contains(validateFolder(tmp.file("three")), "recipe cycle: a -> c -> b -> a"))
        << validateFolder(tmp.file("three"));
}

TEST(HostileInput, IdsWithMetacharactersAreRefused) {
    test::TempDir tmp;
    std::string csv = "id,name,stage\n";
    for (const char* id :
         {"x'; DROP TABLE materials; --", "<script>", "a b", "caf\xC3\xA9", "a/b", "a\"b"})
        csv += test::hostile::csvQuoted(id) + ",Name,other\n";
    csv += std::string(65, 'a') + ",Too long,other\n";
    tmp.write("ids/materials.csv", csv);
    const auto issues = validateFolder(tmp.file("ids"));
    for (int line = 2; line <= 8; ++line)
        EXPECT_TRUE(contains(issues, "materials.csv:" + std::to_string(line) + ":1: invalid id"))
            << line << "\n"
            << issues;
    EXPECT_TRUE(contains(issues, "(ids are 1-64 characters of A-Z a-z 0-9 _ . -)"));
}

// Every hostile text in a name or title goes through the validator, the workspace, the CSV
// export and the XLSX export and comes back byte for byte.
TEST(HostileInput, MetacharactersInTextRoundTrip) {
    test::TempDir tmp;
    for (const auto& [file, csv] : test::hostile::csvTables())
        tmp.write("in/" + file, csv);
    core::Dataset d;
    ASSERT_EQ(validateFolder(tmp.file("in"), &d), "");
    ASSERT_EQ(d.materials.size(), test::hostile::texts().size());
    for (size_t i = 0; i < test::hostile::texts().size(); ++i) {
        EXPECT_EQ(d.materials[i].name, test::hostile::texts()[i]);
        EXPECT_EQ(d.controls[i].title, test::hostile::texts()[i]);
    }

    auto ws = core::Workspace::create(tmp.file("w.chokepoint"));
    ASSERT_TRUE(ws.ok()) << ws.errorString();
    ASSERT_TRUE(ws->write(d, core::WriteMode::Replace).ok());
    auto stored = ws->load();
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(*stored, d);
    // The statements are bound, so no text ran as SQL: every table is still there.
    EXPECT_EQ(stored->suppliers.size(), test::hostile::texts().size());

    ASSERT_TRUE(core::io::exportCsvFolder(*stored, tmp.file("csv")).ok());
    core::Dataset fromCsv;
    ASSERT_EQ(validateFolder(tmp.file("csv"), &fromCsv), "");
    EXPECT_EQ(fromCsv, d);

    const auto xlsx = tmp.file("out.xlsx");
    ASSERT_TRUE(core::io::exportXlsx(*stored, xlsx).ok());
    std::vector<core::io::RawTable> tables;
    core::io::IssueList issues;
    ASSERT_TRUE(core::io::readXlsxWorkbook(xlsx, "out.xlsx", tables, issues)) << issues.toString();
    core::Dataset fromXlsx;
    ASSERT_TRUE(core::io::validateTables(tables, core::Dataset{}, fromXlsx, issues))
        << issues.toString();
    for (size_t i = 0; i < d.materials.size(); ++i)
        EXPECT_EQ(fromXlsx.materials[i].name, d.materials[i].name) << i;
    EXPECT_EQ(fromXlsx, d);
}

} // namespace

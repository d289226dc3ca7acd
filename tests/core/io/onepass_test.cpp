// SPDX-License-Identifier: MIT
// SPEC §2 validation in one pass (issue 16): row errors and errors between tables reported
// together, each once, with no follow-on errors from rows that could not be read.
#include <gtest/gtest.h>

#include "core/io/interchange.h"
#include "core/store/workspace.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using namespace std::string_literals;

namespace {

struct OnePass {
    test::TempDir tmp;
    core::Workspace ws = std::move(core::Workspace::create(tmp.file("w.chokepoint")).value());

    // Reads and imports `folder` as the CLI does (a source that reads goes on to the checks,
    // whatever its single files' problems); the issues as lines relative to the folder.
    std::vector<std::string> import(const std::string& folder, size_t* total = nullptr) {
        std::vector<core::io::RawTable> tables;
        core::io::IssueList issues;
        if (core::io::readSource(tmp.file(folder), tables, issues)) {
            auto r = core::io::importTables(ws, tables, {}, issues);
            EXPECT_EQ(r.ok(), issues.empty());
        }
        if (total)
            *total = issues.total();
        std::vector<std::string> lines;
        const std::string prefix = tmp.file(folder) + "/";
        for (const auto& i : issues.issues()) {
            std::string s = i.toString();
            if (s.compare(0, prefix.size(), prefix) == 0)
                s.erase(0, prefix.size());
            lines.push_back(s);
        }
        return lines;
    }
    void write(const std::string& folder, const std::string& table, const std::string& csv) {
        tmp.write(folder + "/" + table + ".csv", csv);
    }
    size_t rows() {
        const auto d = ws.load().value();
        return d.countries.size() + d.materials.size() + d.recipes.size() + d.suppliers.size() +
               d.sites.size() + d.supply.size();
    }
};

// The issue's example: a supply share of 1.7, a supplier site that does not exist and a
// recipe loop in one import. Before issue 16 only the share was reported.
TEST(OnePassValidation, ShareRangeUnknownSiteAndRecipeLoopInOneRun) {
    OnePass f;
    f.write("in", "countries", "iso3,name\nCHN,China\nDEU,Germany\n");
    f.write("in", "materials",
            "id,name,stage\nore,Ore,mining\nli,Lithium,refining\n"
            "cell,Cell,cell\n");
    // Line 1 header; line 2 li<-ore; line 3 cell<-li; line 4 li<-cell closes the loop
    // cell -> li -> cell. The search starts at "cell" (sorted), walks cell->li (line 3), then
    // li->cell (line 4) meets "cell" on its path: the row reported is line 4, and its column 2
    // (input_material_id).
    f.write("in", "recipes",
            "material_id,input_material_id,qty_per_unit\nli,ore,6\ncell,li,1\nli,cell,1\n");
    f.write("in", "suppliers", "id,name\nsup1,Supplier One\n");
    f.write("in", "sites", "id,supplier_id,country\ns1,sup1,CHN\ns2,sup1,DEU\n");
    // Line 3: share (column 4) 1.7. Line 4: supplier_site (column 3) s9, a site nowhere.
    f.write("in", "supply",
            "buyer_site,material_id,supplier_site,share\n,li,s1,0.5\n,cell,s2,1.7\n,li,s9,0.3\n");
    const auto issues = f.import("in");
    const std::vector<std::string> expected = {
        "supply.csv:3:4: share '1.7' must be between 0 and 1",
        "supply.csv:4:3: unknown site 's9' (not in the import nor in the workspace)",
        "recipes.csv:4:2: recipe cycle: cell -> li -> cell",
    };
    EXPECT_EQ(issues, expected);
    EXPECT_EQ(f.rows(), 0u) << "all or nothing: nothing was written";
}

// One error of each kind the issue lists, each reported once at its own cell.
TEST(OnePassValidation, OneErrorOfEachKindEachOnce) {
    OnePass f;
    // Already in the workspace: material "ore" (a duplicate key across import and workspace).
    f.write("base", "materials", "id,name,stage\nore,Ore,mining\n");
    ASSERT_TRUE(f.import("base").empty());

    // countries: an unknown column "capital" (line 1, column 3).
    f.write("in", "countries", "iso3,name,capital\nCHN,China,Beijing\n");
    // materials: line 2 an enum error (stage, column 3), line 3 "ore" again (id, column 1,
    // already in the workspace).
    f.write("in", "materials",
            "id,name,stage\nli,Lithium,liquid\nore,Ore,mining\n"
            "cat,Cathode,cathode\nan,Anode,anode\n");
    // recipes: cat <- an and an <- cat, a cycle "an -> cat -> an" found from "an" (sorted
    // first) through the edge on line 2 to cat, whose edge on line 3 meets "an": line 3,
    // column 2.
    f.write("in", "recipes", "material_id,input_material_id\nan,cat\ncat,an\n");
    // suppliers: the required column "name" is missing (line 1, no column).
    f.write("in", "suppliers", "id\nsup1\n");
    // sites: line 2 a type error (lat, column 4).
    f.write("in", "sites",
            "id,supplier_id,country,lat\ns1,sup1,CHN,north\ns2,sup1,CHN,10\n"
            "s3,sup1,CHN,11\n");
    // supply: line 2 an unknown material "graphite" (column 2); lines 3-4: shares of "cat"
    // bought by our company 0.75 + 0.5 = 1.25 > 1, reported on the last of them (line 4,
    // column 4); line 5 a range error (lead_time_days -3, column 5).
    f.write("in", "supply",
            "buyer_site,material_id,supplier_site,share,lead_time_days\n"
            ",graphite,s2,0.5,1\n,cat,s2,0.75,1\n,cat,s3,0.5,1\n,an,s2,0.2,-3\n");
    const auto issues = f.import("in");
    const std::vector<std::string> expected = {
        "countries.csv:1:3: unknown column 'capital' in table countries (expected: iso3, name, "
        "region)",
        "materials.csv:2:3: stage 'liquid' is not one of: mining, refining, precursor, cathode, "
        "anode, electrolyte, separator, cell, magnet, component, other",
        "suppliers.csv:1: missing required column 'name'",
        "sites.csv:2:4: lat 'north' is not a number",
        "supply.csv:5:5: lead_time_days '-3' must be between 0 and 36500",
        "materials.csv:3:1: material id already exists in the workspace",
        "supply.csv:2:2: unknown material 'graphite' (not in the import nor in the workspace)",
        "supply.csv:4:4: supply shares of material 'cat' bought by our company sum to 1.25, more "
        "than 1",
        "recipes.csv:3:2: recipe cycle: an -> cat -> an",
    };
    EXPECT_EQ(issues, expected);
    EXPECT_EQ(f.rows(), 1u) << "only the base import's material";
}

// More than 200 errors: the first 200 and the count of the rest.
TEST(OnePassValidation, FirstTwoHundredAndTheCountOfTheRest) {
    OnePass f;
    f.write("in", "countries", "iso3,name\nCHN,China\n");
    f.write("in", "materials", "id,name,stage\nli,Lithium,refining\n");
    f.write("in", "suppliers", "id,name\nsup1,One\n");
    // 300 sites, each with an unknown country: 300 errors, on lines 2..301, column 3.
    std::string sites = "id,supplier_id,country\n";
    for (int i = 0; i < 300; ++i)
        sites += "s" + std::to_string(i) + ",sup1,XXX\n";
    f.write("in", "sites", sites);
    size_t total = 0;
    const auto issues = f.import("in", &total);
    EXPECT_EQ(total, 300u);
    ASSERT_EQ(issues.size(), 200u);
    EXPECT_EQ(issues.front(),
              "sites.csv:2:3: unknown country 'XXX' (not in the import nor in the workspace)");
    EXPECT_EQ(issues.back(),
              "sites.csv:201:3: unknown country 'XXX' (not in the import nor in the workspace)");

    std::vector<core::io::RawTable> tables;
    core::io::IssueList list;
    ASSERT_TRUE(core::io::readSource(f.tmp.file("in"), tables, list));
    core::Dataset out;
    EXPECT_FALSE(core::io::validateTables(tables, {}, out, list));
    const std::string text = list.toString();
    EXPECT_NE(text.find("\n... and 100 more errors\n"), std::string::npos) << text;
}

// A row that cannot be read gives its own error and nothing else: the rows referring to it,
// the share sums it would join and the keys it repeats are not reported.
TEST(OnePassValidation, ABadRowGivesOneErrorNotACascade) {
    OnePass f;
    f.write("in", "countries", "iso3,name\nCHN,China\n");
    f.write("in", "materials", "id,name,stage\nli,Lithium,refining\n");
    f.write("in", "suppliers", "id,name\nsup1,One\n");
    // Line 3: s2's latitude 95 is out of range; line 4: s3 has one field too many (a record
    // the reader cannot take); line 5: s4 has a NUL byte in its name (column 4).
    f.write("in", "sites",
            "id,supplier_id,country,name,lat\ns1,sup1,CHN,A,1\ns2,sup1,CHN,B,95\n"
            "s3,sup1,CHN,C,1,extra\ns4,sup1,CHN,D\0x,2\n"s);
    // Every supply row names s2, s3 or s4; s1 buys li from each, and the line 3 share of 1.5
    // (s1 buying from s2) is a row error that must not also give a share-sum error.
    f.write("in", "supply",
            "buyer_site,material_id,supplier_site,share\n"
            "s1,li,s2,0.3\ns1,li,s2,1.5\ns1,li,s3,0.3\ns1,li,s4,0.3\n");
    const auto issues = f.import("in");
    const std::vector<std::string> expected = {
        "sites.csv:4: expected 5 fields (as in the header), found 6",
        "sites.csv:5:4: NUL byte in field (is this a binary or UTF-16 file?)",
        "sites.csv:3:5: lat '95' must be between -90 and 90",
        "supply.csv:3:4: share '1.5' must be between 0 and 1",
    };
    EXPECT_EQ(issues, expected);
}

// A table that cannot be read at all, or only in part, gives its own errors; references into
// it are not reported as unknown (whatever it held is not known).
TEST(OnePassValidation, AnUnreadableTableGivesNoUnknownReferences) {
    OnePass f;
    f.write("in", "countries", "iso3,name\nCHN,China\n");
    f.write("in", "materials", "id,name,stage\nli,Lithium,refining\n");
    // suppliers: the key column "id" is missing, so no supplier is known.
    f.write("in", "suppliers", "name\nOne\n");
    // sites: an unterminated quote on line 3 ends the reading; s1 (line 2) was read.
    f.write("in", "sites", "id,supplier_id,country,name\ns1,sup1,CHN,A\ns2,sup1,CHN,\"B\n");
    // s5 may have been below the unterminated quote: not reported.
    f.write("in", "supply",
            "material_id,supplier_site,share\nli,s1,0.5\nli,s5,0.5\n"
            "graphite,s1,0.1\n");
    const auto issues = f.import("in");
    const std::vector<std::string> expected = {
        "sites.csv:3:4: unterminated quoted field (missing closing \")",
        "suppliers.csv:1: missing required column 'id'",
        "supply.csv:4:1: unknown material 'graphite' (not in the import nor in the workspace)",
    };
    EXPECT_EQ(issues, expected);
}

} // namespace

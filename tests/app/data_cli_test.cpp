// SPDX-License-Identifier: MIT
// The data sub-commands through the real executable: exit codes and messages (SPEC §5).
#include <gtest/gtest.h>

#include "core/io/tableschema.h"
#include "core/store/workspace.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;

namespace {

std::string exportAll(const test::TempDir& tmp, const std::string& ws, const std::string& dir) {
    EXPECT_EQ(test::runChokepoint({"export", ws, tmp.file(dir)}), 0);
    std::string all;
    for (const auto& spec : core::io::tableSpecs())
        all += test::readFile(tmp.file(dir + "/" + std::string(spec.name) + ".csv"));
    return all;
}

TEST(DataCli, HelpVersionAndBadUsage) {
    std::string out, err;
    EXPECT_EQ(test::runChokepoint({"--help"}, &out), 0);
    EXPECT_NE(out.find("chokepoint import WS PATH [--replace]"), std::string::npos) << out;
    EXPECT_EQ(test::runChokepoint({"--version"}, &out), 0);
    EXPECT_EQ(out.rfind("chokepoint ", 0), 0u) << out;
    EXPECT_EQ(test::runChokepoint({"frobnicate"}, &out, &err), 2);
    EXPECT_NE(err.find("unknown command 'frobnicate'"), std::string::npos);
    EXPECT_EQ(test::runChokepoint({"init"}, &out, &err), 2);
    EXPECT_NE(err.find("missing arguments"), std::string::npos);
    EXPECT_EQ(test::runChokepoint({"init", "a", "b"}, &out, &err), 2);
    EXPECT_EQ(test::runChokepoint({"init", "a", "--colour"}, &out, &err), 2);
    EXPECT_NE(err.find("unknown option --colour"), std::string::npos);
}

TEST(DataCli, InitThenExportGivesBackTheBundledData) {
    test::TempDir tmp;
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws}), 0);
    exportAll(tmp, ws, "out");
    for (const auto& spec : core::io::tableSpecs()) {
        const std::string name = std::string(spec.name) + ".csv";
        EXPECT_EQ(test::readFile(tmp.file("out/" + name)),
                  test::readFile(std::string(CHOKEPOINT_SOURCE_DIR) +
                                 "/resources/data/ev-battery/" + name))
            << name;
    }
    std::string err;
    EXPECT_EQ(test::runChokepoint({"init", ws}, nullptr, &err), 1) << "exists already";
    EXPECT_NE(err.find("already exists"), std::string::npos);
}

TEST(DataCli, InitSaysTheExampleCompanyIsFictionalAndMarksTheWorkspace) {
    test::TempDir tmp;
    const auto ws = tmp.file("w.chokepoint");
    std::string out, err;
    ASSERT_EQ(test::runChokepoint({"init", ws}, &out, &err), 0) << err;
    EXPECT_NE(out.find("fictional"), std::string::npos) << out;
    {
        auto w = core::Workspace::open(ws);
        ASSERT_TRUE(w.ok()) << w.errorString();
        EXPECT_TRUE(w->isBundledExample());
    }
    // An empty workspace is no example and its message says nothing of one.
    const auto empty = tmp.file("e.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", empty, "--empty"}, &out, &err), 0) << err;
    EXPECT_EQ(out.find("fictional"), std::string::npos) << out;
    EXPECT_FALSE(core::Workspace::open(empty)->isBundledExample());
    // Adding to the example keeps the mark (the fictional rows are still there); replacing
    // the company data removes it.
    tmp.write("more/suppliers.csv", "id,name\nmine,My supplier\n");
    ASSERT_EQ(test::runChokepoint({"import", ws, tmp.file("more")}, &out, &err), 0) << err;
    EXPECT_TRUE(core::Workspace::open(ws)->isBundledExample());
    ASSERT_EQ(test::runChokepoint({"import", ws, tmp.file("more"), "--replace"}, &out, &err), 0)
        << err;
    EXPECT_FALSE(core::Workspace::open(ws)->isBundledExample());
}

TEST(DataCli, MalformedImportExitsThreeListsEveryErrorAndChangesNothing) {
    test::TempDir tmp;
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws}), 0);
    const std::string before = exportAll(tmp, ws, "before");
    tmp.write("bad/suppliers.csv", "id,name,owner_country\nnew_sup,New,CHN\nbad sup,Bad,CHN\n");
    tmp.write("bad/sites.csv", "id,supplier_id,country\nnew_site,new_sup,ATLANTIS\n");
    tmp.write("bad/supply.csv", "material_id,supplier_site,share\nnot_a_material,new_site,2\n");
    std::string out, err;
    EXPECT_EQ(test::runChokepoint({"import", ws, tmp.file("bad")}, &out, &err), 3);
    const std::string dir = tmp.file("bad") + "/";
    EXPECT_NE(err.find(dir + "suppliers.csv:3:1: invalid id 'bad sup'"), std::string::npos) << err;
    EXPECT_NE(err.find(dir + "supply.csv:2:3: share '2' must be between 0 and 1"),
              std::string::npos)
        << err;
    // In the same run (one pass, SPEC §2): the reference error of a row that could be read.
    EXPECT_NE(err.find(dir + "sites.csv:2:3: unknown country 'ATLANTIS'"), std::string::npos)
        << err;
    // The supply row could not be read (its share): its material is not reported as well.
    EXPECT_EQ(err.find("not_a_material"), std::string::npos) << err;
    EXPECT_NE(err.find("chokepoint import: 3 error(s); nothing was written"), std::string::npos)
        << err;
    EXPECT_EQ(exportAll(tmp, ws, "after"), before);

    // Fixing the share lets the row be read: its unknown material is reported now.
    tmp.write("bad/supply.csv", "material_id,supplier_site,share\nnot_a_material,new_site,0.2\n");
    EXPECT_EQ(test::runChokepoint({"import", ws, tmp.file("bad")}, &out, &err), 3);
    EXPECT_NE(err.find(dir + "supply.csv:2:1: unknown material 'not_a_material'"),
              std::string::npos)
        << err;
    EXPECT_EQ(exportAll(tmp, ws, "after2"), before);
}

// The example through the command line: every error in one run, file:line:column,
// exit 3, nothing written; more than 200 errors give the first 200 and the count of the rest.
TEST(DataCli, ImportListsEveryErrorInOneRunAndTheFirstTwoHundred) {
    test::TempDir tmp;
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws, "--empty"}), 0);
    tmp.write("in/countries.csv", "iso3,name\nCHN,China\n");
    tmp.write("in/materials.csv", "id,name,stage\na,A,refining\nb,B,refining\n");
    // b <- a on line 2 and a <- b on line 3: from "a" (sorted first) the edge a->b (line 3)
    // then b->a (line 2) meets "a": reported on line 2, column 2.
    tmp.write("in/recipes.csv", "material_id,input_material_id\nb,a\na,b\n");
    tmp.write("in/suppliers.csv", "id,name\nsup,S\n");
    tmp.write("in/sites.csv", "id,supplier_id,country\ns1,sup,CHN\n");
    tmp.write("in/supply.csv", "material_id,supplier_site,share\na,s1,1.7\nb,nowhere,0.5\n");
    std::string out, err;
    EXPECT_EQ(test::runChokepoint({"import", ws, tmp.file("in")}, &out, &err), 3);
    const std::string dir = tmp.file("in") + "/";
    EXPECT_EQ(err, dir + "supply.csv:2:3: share '1.7' must be between 0 and 1\n" + dir +
                       "supply.csv:3:2: unknown site 'nowhere' (not in the import nor in the "
                       "workspace)\n" +
                       dir + "recipes.csv:2:2: recipe cycle: a -> b -> a\n" +
                       "chokepoint import: 3 error(s); nothing was written\n");
    EXPECT_EQ(out, "");

    // 250 rows with an unknown material: lines 2..251, column 1.
    std::string supply = "material_id,supplier_site,share\n";
    for (int i = 0; i < 250; ++i)
        supply += "m" + std::to_string(i) + ",s1,0.001\n";
    tmp.write("many/supply.csv", supply);
    tmp.write("many/countries.csv", "iso3,name\nCHN,China\n");
    tmp.write("many/suppliers.csv", "id,name\nsup,S\n");
    tmp.write("many/sites.csv", "id,supplier_id,country\ns1,sup,CHN\n");
    EXPECT_EQ(test::runChokepoint({"import", ws, tmp.file("many")}, &out, &err), 3);
    size_t lines = 0;
    for (const char c : err)
        lines += c == '\n';
    EXPECT_EQ(lines, 200u + 2u) << err; // 200 errors, "... and 50 more", the summary
    const std::string mdir = tmp.file("many") + "/";
    EXPECT_NE(err.find(mdir + "supply.csv:201:1: unknown material 'm199'"), std::string::npos);
    EXPECT_EQ(err.find("'m200'"), std::string::npos);
    EXPECT_NE(err.find("\n... and 50 more errors\nchokepoint import: 250 error(s); nothing was "
                       "written\n"),
              std::string::npos)
        << err;
    EXPECT_EQ(test::runChokepoint({"export", ws, tmp.file("after")}), 0);
    EXPECT_EQ(test::readFile(tmp.file("after/supply.csv")),
              "buyer_site,material_id,supplier_site,share,annual_spend,lead_time_days\n");
}

TEST(DataCli, ImportAndReplace) {
    test::TempDir tmp;
    const auto ws = tmp.file("w.chokepoint");
    ASSERT_EQ(test::runChokepoint({"init", ws, "--empty"}), 0);
    std::string out;
    ASSERT_EQ(test::runChokepoint({"import", ws, test::dataDir() + "/small-network/data"}, &out),
              0);
    EXPECT_NE(out.find("supply 348"), std::string::npos) << out;
    // Importing the same again collides with existing ids.
    std::string err;
    EXPECT_EQ(
        test::runChokepoint({"import", ws, test::dataDir() + "/small-network/data"}, &out, &err),
        3);
    EXPECT_NE(err.find("already exists in the workspace"), std::string::npos);
    // --replace swaps it in one go.
    EXPECT_EQ(test::runChokepoint(
                  {"import", ws, test::dataDir() + "/small-network/data", "--replace"}, &out, &err),
              0)
        << err;
}

TEST(DataCli, WorkspaceProblemsExitOne) {
    test::TempDir tmp;
    std::string err;
    EXPECT_EQ(test::runChokepoint({"export", tmp.file("missing.chokepoint"), tmp.file("o")},
                                  nullptr, &err),
              1);
    const auto garbage = tmp.write("g.chokepoint", "definitely not a database");
    EXPECT_EQ(test::runChokepoint({"import", garbage, test::dataDir() + "/small-network/data"},
                                  nullptr, &err),
              1);
    EXPECT_NE(err.find("not a Chokepoint workspace"), std::string::npos) << err;
    EXPECT_EQ(test::readFile(garbage), "definitely not a database");
}

} // namespace

// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/io/bundled.h"
#include "core/io/interchange.h"
#include "core/io/tableschema.h"
#include "core/store/workspace.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;

namespace {

struct Fixture {
    test::TempDir tmp;
    core::Workspace ws = std::move(core::Workspace::create(tmp.file("w.chokepoint")).value());

    // Imports a folder; returns the issues as text ("" when clean).
    std::string import(const std::string& folder, bool replace = false) {
        std::vector<core::io::RawTable> tables;
        core::io::IssueList issues;
        if (core::io::readSource(folder, tables, issues) && issues.empty()) {
            core::io::ImportOptions o;
            o.replace = replace;
            auto r = core::io::importTables(ws, tables, o, issues);
            if (!r.ok() && issues.empty())
                return r.errorString();
        }
        return issues.toString();
    }
    core::Dataset data() { return ws.load().value(); }
};

const char* kReference[][2] = {
    {"countries.csv", "iso3,name\nCHN,China\nDEU,Germany\nIDN,Indonesia\n"},
    {"materials.csv", "id,name,stage\nore,Ore,mining\nmetal,Metal,refining\n"},
};

TEST(Import, QuirksColumnOrderBomCrlfQuotingPercentAndDefaults) {
    Fixture f;
    for (const auto& [name, text] : kReference)
        f.tmp.write(std::string("ref/") + name, text);
    ASSERT_EQ(f.import(f.tmp.file("ref")), "");
    // Columns in another order, optional columns missing, a BOM, CRLF, quoted fields with
    // commas, quotes and a newline, and a share in percent.
    f.tmp.write("co/suppliers.csv",
                "\xEF\xBB\xBFname,id\r\n\"Acme, \"\"Ltd\"\"\r\nEast\",acme\r\n");
    f.tmp.write("co/sites.csv", "country,supplier_id,id\r\nIDN,acme,plant1\r\n");
    f.tmp.write("co/supply.csv", "share,supplier_site,material_id\r\n62.5%,plant1,metal\r\n");
    f.tmp.write("co/recipes.csv", "input_material_id,material_id\nore,metal\n");
    ASSERT_EQ(f.import(f.tmp.file("co")), "");
    const auto d = f.data();
    ASSERT_EQ(d.suppliers.size(), 1u);
    EXPECT_EQ(d.suppliers[0].name, "Acme, \"Ltd\"\r\nEast");
    EXPECT_FALSE(d.suppliers[0].ownerCountry.has_value());
    ASSERT_EQ(d.supply.size(), 1u);
    EXPECT_DOUBLE_EQ(d.supply[0].share, 0.625);
    EXPECT_EQ(d.supply[0].buyerSite, "");
    EXPECT_EQ(d.supply[0].leadTimeDays, 0); // default
    EXPECT_FALSE(d.supply[0].annualSpend.has_value());
    ASSERT_EQ(d.recipes.size(), 1u);
    EXPECT_DOUBLE_EQ(d.recipes[0].qtyPerUnit, 1.0); // default
}

TEST(Import, ExportThenImportReproducesTheWorkspace) {
    Fixture a;
    ASSERT_EQ(a.import(test::dataDir() + "/small-network/data"), "");
    const auto original = a.data();
    ASSERT_EQ(original.supply.size(), 348u);
    const auto out = a.tmp.file("export");
    ASSERT_TRUE(core::io::exportCsvFolder(original, out).ok());

    Fixture b;
    ASSERT_EQ(b.import(out), "");
    EXPECT_EQ(b.data(), original);
}

// Every methodology-v2 field with a value other than its default.
const char* kV2[][2] = {
    {"countries.csv", "iso3,name\nCHN,China\nDEU,Germany\nMAR,Morocco\nUSA,United States\n"},
    {"profile.csv", "key,value\nreference_cutoff,2026-01-30\ncompany_country,DEU\n"
                    "company_name,Example AG\n"},
    {"materials.csv", "id,name,stage\nore,Ore,mining\nmetal,Metal,refining\n"},
    {"world_shares.csv", "material_id,country,share,year,source,basis,note\n"
                         "metal,CHN,0.9,2024,S1,capacity,\"capacity, not output\"\n"
                         "ore,CHN,0.5,2023,S2,,\n"},
    {"technologies.csv", "id,name\nt_lfp,LFP process\n"},
    {"controls.csv", "id,issuer,title,effective,kind,target_country,status\n"
                     "c1,CHN,US-only,2024-12-03,country_ban,USA,confirmed\n"
                     "c1-r,CHN,Resumption,2026-11-11,licence, USA ; DEU ,scheduled\n"
                     "c2,CHN,Everyone,2023-12-01,licence,,\n"},
    {"suppliers.csv", "id,name\nsup,Supplier\n"},
    {"sites.csv", "id,supplier_id,country,recovery_days\nmar,sup,MAR,540\ncn,sup,CHN,\n"},
    {"site_technologies.csv", "site_id,technology_id,source_country\nmar,t_lfp,CHN\n"
                              "cn,t_lfp,\n"},
};

TEST(Import, MethodologyV2FieldsSurviveTheStoreExportAndImport) {
    Fixture a;
    for (const auto& [name, text] : kV2)
        a.tmp.write(std::string("v2/") + name, text);
    ASSERT_EQ(a.import(a.tmp.file("v2")), "");
    const auto d = a.data();
    // Read and stored as written.
    EXPECT_EQ(d.profile.companyName, "Example AG");
    EXPECT_EQ(d.profile.companyCountry, "DEU");
    EXPECT_EQ(d.profile.referenceCutoff, core::Date::fromYmd(2026, 1, 30));
    ASSERT_EQ(d.worldShares.size(), 2u);
    EXPECT_EQ(d.worldShares[0].basis, core::ShareBasis::Capacity);
    EXPECT_EQ(d.worldShares[0].note, "capacity, not output");
    EXPECT_EQ(d.worldShares[1].basis, core::ShareBasis::Production); // default
    EXPECT_FALSE(d.worldShares[1].note);
    ASSERT_EQ(d.controls.size(), 3u);
    EXPECT_EQ(d.controls[0].targetCountries, (std::vector<std::string>{"USA"}));
    EXPECT_EQ(d.controls[1].targetCountries, (std::vector<std::string>{"USA", "DEU"}));
    EXPECT_EQ(d.controls[1].status, core::ControlStatus::Scheduled);
    EXPECT_TRUE(d.controls[2].targetCountries.empty());
    EXPECT_EQ(d.controls[2].status, core::ControlStatus::Confirmed); // default
    ASSERT_EQ(d.sites.size(), 2u);
    EXPECT_EQ(d.sites[0].recoveryDays, 540);
    EXPECT_FALSE(d.sites[1].recoveryDays);
    ASSERT_EQ(d.siteTechnologies.size(), 2u);
    EXPECT_EQ(d.siteTechnologies[0].sourceCountry, "CHN");
    EXPECT_FALSE(d.siteTechnologies[1].sourceCountry);

    // The export writes the profile in key order and the lists as `a;b`.
    const auto out = a.tmp.file("export");
    ASSERT_TRUE(core::io::exportCsvFolder(d, out).ok());
    EXPECT_EQ(test::readFile(a.tmp.file("export/profile.csv")),
              "key,value\ncompany_name,Example AG\ncompany_country,DEU\n"
              "reference_cutoff,2026-01-30\n");
    EXPECT_NE(test::readFile(a.tmp.file("export/controls.csv"))
                  .find(",2026-11-11,,licence,USA;DEU,,,scheduled\n"),
              std::string::npos);
    Fixture b;
    ASSERT_EQ(b.import(out), "");
    EXPECT_EQ(b.data(), d);
}

TEST(Import, ProfileKeysAreCheckedAndReportedWhereTheyAre) {
    Fixture f;
    for (const auto& [name, text] : kReference)
        f.tmp.write(std::string("bad/") + name, text);
    f.tmp.write("bad/profile.csv", "key,value\n"
                                   "company_country,FRA\n"         // not a country here
                                   "currency,EUR\n"                // unknown key
                                   "company_country,DEU\n"         // twice
                                   "reference_cutoff,2026-02-30\n" // no such day
                                   "company_name,\n");             // empty
    const std::string issues = f.import(f.tmp.file("bad"));
    for (const char* expected :
         {"profile.csv:3:1: unknown profile key 'currency' (expected: company_name, "
          "company_country, reference_cutoff)",
          "profile.csv:4:1: profile key 'company_country' is given twice (first on line 2)",
          "profile.csv:5:2: reference_cutoff '2026-02-30' is not a date (YYYY-MM-DD)",
          "profile.csv:6:2: missing company_name"})
        EXPECT_NE(issues.find(expected), std::string::npos) << expected << "\n" << issues;
    // The unknown country is a check between tables: it waits for the rows to be readable.
    f.tmp.write("bad/profile.csv", "key,value\ncompany_country,FRA\n");
    EXPECT_NE(f.import(f.tmp.file("bad"))
                  .find("profile.csv:2:2: unknown country 'FRA' (not in the import nor in the "
                        "workspace)"),
              std::string::npos);
    EXPECT_TRUE(f.data().countries.empty()) << "nothing written";
}

TEST(Import, TheProfileFollowsCompanyAndReferenceData) {
    Fixture f;
    for (const auto& [name, text] : kV2)
        f.tmp.write(std::string("v2/") + name, text);
    ASSERT_EQ(f.import(f.tmp.file("v2")), "");
    // Adding a profile sets the keys it names; the others stay.
    f.tmp.write("p/profile.csv", "key,value\ncompany_country,MAR\n");
    ASSERT_EQ(f.import(f.tmp.file("p")), "");
    EXPECT_EQ(f.data().profile.companyCountry, "MAR");
    EXPECT_EQ(f.data().profile.companyName, "Example AG");
    // Replacing the company data clears the company keys and keeps the reference cut-off.
    f.tmp.write("co/suppliers.csv", "id,name\nother,Other\n");
    ASSERT_EQ(f.import(f.tmp.file("co"), true), "");
    auto d = f.data();
    EXPECT_FALSE(d.profile.companyName);
    EXPECT_FALSE(d.profile.companyCountry);
    EXPECT_EQ(d.profile.referenceCutoff, core::Date::fromYmd(2026, 1, 30));
    // ... and a replacing import's own profile comes in whole.
    f.tmp.write("co/profile.csv", "key,value\ncompany_country,USA\n"
                                  "reference_cutoff,2026-06-30\n");
    ASSERT_EQ(f.import(f.tmp.file("co"), true), "");
    d = f.data();
    EXPECT_EQ(d.profile.companyCountry, "USA");
    EXPECT_EQ(d.profile.referenceCutoff, core::Date::fromYmd(2026, 6, 30));
    // Replacing the reference data too takes the cut-off that dated it.
    for (const auto& [name, text] : kReference)
        f.tmp.write(std::string("ref/") + name, text);
    ASSERT_EQ(f.import(f.tmp.file("ref"), true), "");
    EXPECT_TRUE(f.data().profile.empty());
}

TEST(Import, BundledDataRoundTripsByteForByte) {
    auto bundled = core::io::bundledDataset();
    ASSERT_TRUE(bundled.ok()) << bundled.errorString();
    EXPECT_GE(bundled->suppliers.size(), 30u);
    EXPECT_GE(bundled->products.size(), 3u);
    test::TempDir tmp;
    ASSERT_TRUE(core::io::exportCsvFolder(*bundled, tmp.path()).ok());
    for (const auto& spec : core::io::tableSpecs()) {
        const std::string name = std::string(spec.name) + ".csv";
        EXPECT_EQ(test::readFile(tmp.file(name)),
                  test::readFile(std::string(CHOKEPOINT_SOURCE_DIR) +
                                 "/resources/data/ev-battery/" + name))
            << name;
    }
}

TEST(Import, AppendChecksShareSumsAgainstTheWorkspace) {
    Fixture f;
    for (const auto& [name, text] : kReference)
        f.tmp.write(std::string("ref/") + name, text);
    f.tmp.write("ref/suppliers.csv", "id,name\nacme,Acme\n");
    f.tmp.write("ref/sites.csv", "id,supplier_id,country\np1,acme,CHN\np2,acme,DEU\n");
    f.tmp.write("ref/supply.csv", "material_id,supplier_site,share\nmetal,p1,0.7\n");
    ASSERT_EQ(f.import(f.tmp.file("ref")), "");
    // 0.7 already in the workspace + 0.4 = 1.1 > 1.
    f.tmp.write("more/supply.csv", "material_id,supplier_site,share\nmetal,p2,0.4\n");
    const std::string issues = f.import(f.tmp.file("more"));
    EXPECT_NE(issues.find("supply.csv:2:3: supply shares of material 'metal' bought by our company "
                          "sum to 1.1, more than 1"),
              std::string::npos)
        << issues;
    EXPECT_EQ(f.data().supply.size(), 1u);
    // With --replace the old company rows go, so the same file is fine.
    f.tmp.write("more/suppliers.csv", "id,name\nacme,Acme\n");
    f.tmp.write("more/sites.csv", "id,supplier_id,country\np2,acme,DEU\n");
    EXPECT_EQ(f.import(f.tmp.file("more"), true), "");
    const auto d = f.data();
    ASSERT_EQ(d.supply.size(), 1u);
    EXPECT_EQ(d.supply[0].supplierSite, "p2");
    EXPECT_EQ(d.materials.size(), 2u) << "reference data kept";
}

TEST(Import, ReplaceWithReferenceTablesReplacesEverything) {
    Fixture f;
    ASSERT_EQ(f.import(test::dataDir() + "/small-network/data"), "");
    for (const auto& [name, text] : kReference)
        f.tmp.write(std::string("ref/") + name, text);
    ASSERT_EQ(f.import(f.tmp.file("ref"), true), "");
    const auto d = f.data();
    EXPECT_EQ(d.countries.size(), 3u);
    EXPECT_EQ(d.materials.size(), 2u);
    EXPECT_TRUE(d.supply.empty());
    EXPECT_TRUE(d.controls.empty());
}

TEST(Import, DeepRecipeChainIsAcceptedAndCycleNamed) {
    Fixture f;
    std::string materials = "id,name,stage\n", recipes = "material_id,input_material_id\n";
    for (int i = 0; i <= 1000; ++i)
        materials += "m" + std::to_string(i) + ",M" + std::to_string(i) + ",other\n";
    for (int i = 1; i <= 1000; ++i)
        recipes += "m" + std::to_string(i) + ",m" + std::to_string(i - 1) + "\n";
    f.tmp.write("chain/materials.csv", materials);
    f.tmp.write("chain/recipes.csv", recipes);
    ASSERT_EQ(f.import(f.tmp.file("chain")), "");
    EXPECT_EQ(f.data().recipes.size(), 1000u);
    // Closing the chain makes a 1,001-material cycle, reported at the closing row.
    f.tmp.write("close/recipes.csv", "material_id,input_material_id\nm0,m1000\n");
    const auto issues = f.import(f.tmp.file("close"));
    EXPECT_NE(issues.find("recipes.csv:2:2: recipe cycle: m0 -> m1000 -> m999"), std::string::npos)
        << issues.substr(0, 200);
    EXPECT_EQ(f.data().recipes.size(), 1000u);
}

TEST(Import, ErrorsAreCappedButCounted) {
    Fixture f;
    std::string csv = "id,name,stage\n";
    for (int i = 0; i < 1000; ++i)
        csv += "bad id " + std::to_string(i) + ",x,mining\n";
    f.tmp.write("many/materials.csv", csv);
    const auto issues = f.import(f.tmp.file("many"));
    EXPECT_NE(issues.find("... and 800 more errors"), std::string::npos);
}

// The import checks references itself and writes with SQLite's foreign keys off (issue 16):
// afterwards they are on again, and the file holds no broken reference.
TEST(Import, ForeignKeysAreOnAgainAndUnbrokenAfterAnImport) {
    Fixture f;
    ASSERT_EQ(f.import(test::dataDir() + "/small-network/data"), "");
    // A failed import (two unknown references) also leaves them on.
    f.tmp.write("bad/supply.csv", "material_id,supplier_site,share\nnothing,nowhere,0.5\n");
    EXPECT_NE(f.import(f.tmp.file("bad")), "");
    core::sql::Statement on(f.ws.database(), "PRAGMA foreign_keys");
    ASSERT_TRUE(on.step());
    EXPECT_EQ(on.integer(0), 1);
    core::sql::Statement broken(f.ws.database(), "PRAGMA foreign_key_check");
    EXPECT_FALSE(broken.step()) << "broken reference in table " << broken.text(0);
    EXPECT_EQ(f.data().supply.size(),
              test::datasetFromFolder(test::dataDir() + "/small-network/data").supply.size());
}

} // namespace

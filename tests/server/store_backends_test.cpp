// SPDX-License-Identifier: MIT
// The store tests that hold for every kind of workspace, run on both: a SQLite file and a
// schema on the throwaway PostgreSQL server (SPEC §9: the same tables, the same data back).
#include <gtest/gtest.h>

#include "core/io/interchange.h"
#include "core/io/tableschema.h"
#include "core/store/schema.h"
#include "core/store/workspacestore.h"
#include "tests/support/pgserver.h"
#include "tests/support/testsupport.h"
#include "tests/support/tinydataset.h"

namespace chokepoint::test {
namespace {

using core::WorkspaceStore;
using core::WriteMode;

enum class Backend { Sqlite, Postgres };

class StoreBackends : public ::testing::TestWithParam<Backend> {
protected:
    // A location that holds nothing yet.
    std::string newLocation() {
        static int counter = 0;
        const std::string name = "store_" + std::to_string(++counter);
        return GetParam() == Backend::Sqlite ? m_dir.file(name + ".chokepoint")
                                             : PgServer::shared().location(name);
    }
    // A new workspace holding `data`, opened for writing.
    std::unique_ptr<WorkspaceStore> create(const core::Dataset& data = {}) {
        m_location = newLocation();
        auto made = core::createStore(m_location, data);
        EXPECT_TRUE(made.ok()) << made.errorString();
        return reopen();
    }
    std::unique_ptr<WorkspaceStore> reopen() {
        auto ws = core::openStore(m_location);
        EXPECT_TRUE(ws.ok()) << ws.errorString();
        return ws ? std::move(*ws) : nullptr;
    }

    TempDir m_dir;
    std::string m_location;
};

std::string lower(std::string s) {
    for (char& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

TEST_P(StoreBackends, CreateWriteLoadRoundTrip) {
    {
        auto ws = create();
        ASSERT_TRUE(ws);
        EXPECT_EQ(ws->schemaVersion(), core::store::currentSchemaVersion());
        auto empty = ws->load();
        ASSERT_TRUE(empty.ok()) << empty.errorString();
        EXPECT_EQ(*empty, core::Dataset{});
        ASSERT_TRUE(ws->write(tiny(), WriteMode::Append).ok());
    }
    auto ws = reopen();
    ASSERT_TRUE(ws);
    auto data = ws->load();
    ASSERT_TRUE(data.ok()) << data.errorString();
    EXPECT_EQ(*data, tiny());
}

TEST_P(StoreBackends, FailedWriteRollsBackEverything) {
    auto ws = create(tiny());
    ASSERT_TRUE(ws);
    // A second dataset whose last table breaks a reference: the earlier tables of the same
    // write must not stay behind.
    core::Dataset bad;
    bad.countries = {{"JPN", "Japan", std::nullopt}};
    bad.materials = {{"extra", "Extra", core::Stage::Other, std::nullopt}};
    bad.alternatives = {{"metal", "no_such_site", 30, 0.5, std::nullopt}};
    auto r = ws->write(bad, WriteMode::Append);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(lower(r.errorString()).find("foreign key"), std::string::npos) << r.errorString();
    EXPECT_NE(r.errorString().find(m_location), std::string::npos) << r.errorString();
    auto data = ws->load();
    ASSERT_TRUE(data.ok()) << data.errorString();
    EXPECT_EQ(*data, tiny());
}

TEST_P(StoreBackends, ReplaceKeepsReferenceDataWhenOnlyCompanyDataIsGiven) {
    auto ws = create(tiny());
    ASSERT_TRUE(ws);
    core::Dataset company;
    company.suppliers = {{"sup2", "Second", "DEU", std::nullopt}};
    company.sites = {{"s2", "sup2", "DEU", std::nullopt, std::nullopt, std::nullopt, std::nullopt}};
    ASSERT_TRUE(ws->write(company, WriteMode::Replace).ok());
    auto data = ws->load();
    ASSERT_TRUE(data.ok()) << data.errorString();
    EXPECT_EQ(data->materials, tiny().materials);
    EXPECT_EQ(data->controls, tiny().controls);
    EXPECT_EQ(data->suppliers, company.suppliers);
    EXPECT_EQ(data->sites, company.sites);
    EXPECT_TRUE(data->supply.empty());
}

TEST_P(StoreBackends, MetaValuesAndTheBundledMark) {
    auto ws = create(tiny());
    ASSERT_TRUE(ws);
    EXPECT_FALSE(ws->meta("name").has_value());
    ASSERT_TRUE(ws->setMeta("name", "Demo").ok());
    ASSERT_TRUE(ws->setMeta("name", "Demo 2").ok());
    EXPECT_EQ(ws->meta("name"), "Demo 2");
    EXPECT_FALSE(ws->isBundledExample());
    ASSERT_TRUE(ws->setMeta(core::Workspace::kBundledExampleKey, "ev-battery").ok());
    EXPECT_TRUE(ws->isBundledExample());
    auto all = ws->allMeta();
    ASSERT_TRUE(all.ok());
    EXPECT_EQ(all->at("name"), "Demo 2");
    // Replacing the company data removes the mark, as on a file (Workspace::write).
    core::Dataset company;
    company.suppliers = {{"sup2", "Second", "DEU", std::nullopt}};
    ASSERT_TRUE(ws->write(company, WriteMode::Replace).ok());
    EXPECT_FALSE(ws->isBundledExample());
    EXPECT_EQ(ws->meta("name"), "Demo 2");
}

TEST_P(StoreBackends, SmallNetworkComesBackExactly) {
    const core::Dataset original = datasetFromFolder(dataDir() + "/small-network/data");
    ASSERT_FALSE(original.supply.empty());
    auto ws = create(original);
    ASSERT_TRUE(ws);
    auto data = ws->load();
    ASSERT_TRUE(data.ok()) << data.errorString();
    EXPECT_EQ(*data, original);
    for (const auto& spec : core::io::tableSpecs())
        EXPECT_EQ(core::io::tableToCsv(*data, spec.name), core::io::tableToCsv(original, spec.name))
            << spec.name;
}

TEST_P(StoreBackends, AwkwardTextAndNumbersComeBackBitForBit) {
    core::Dataset d = tiny();
    // Quotes, separators, a line break, non-ASCII text, and an empty text apart from none.
    d.countries[1].region = "Europe, \"West\"\nand \xC3\xBC";
    d.materials[0].unit = "";
    d.suppliers[0].name = "A \"quoted\", name;";
    // Doubles whose shortest text needs all 17 digits or an exponent.
    d.supply[0].share = 1.0 / 3.0;
    d.supply[0].annualSpend = 1e-7;
    d.sites[0].lat = -33.868820000000007;
    d.sites[0].lon = 151.20929;
    d.recipes[0].qtyPerUnit = 0.1 + 0.2; // 0.30000000000000004
    auto ws = create(d);
    ASSERT_TRUE(ws);
    auto data = ws->load();
    ASSERT_TRUE(data.ok()) << data.errorString();
    EXPECT_EQ(data->countries, d.countries);
    EXPECT_EQ(data->suppliers, d.suppliers);
    EXPECT_EQ(data->supply, d.supply);
    EXPECT_EQ(data->sites, d.sites);
    EXPECT_EQ(data->recipes[0].qtyPerUnit, 0.1 + 0.2);
    EXPECT_NE(data->recipes[0].qtyPerUnit, 0.3);
    // An empty text: a file keeps "", the server reads it as none (its rows are read as
    // interchange text, where the two are one). Either way the workspace exports the same.
    EXPECT_EQ(data->materials[0].unit.value_or(""), "");
    EXPECT_EQ(core::io::tableToCsv(*data, "materials"), core::io::tableToCsv(d, "materials"));
}

TEST_P(StoreBackends, AppendKeepsTheStoredOrder) {
    auto ws = create(tiny());
    ASSERT_TRUE(ws);
    core::Dataset more;
    // "a…" sorts before "s1": the rows must come back in the order written, not by key.
    more.suppliers = {{"zed", "Zed", std::nullopt, std::nullopt}};
    more.sites = {{"a2", "zed", "DEU", std::nullopt, std::nullopt, std::nullopt, std::nullopt},
                  {"a1", "zed", "CHN", std::nullopt, std::nullopt, std::nullopt, std::nullopt}};
    ASSERT_TRUE(ws->write(more, WriteMode::Append).ok());
    auto data = ws->load();
    ASSERT_TRUE(data.ok()) << data.errorString();
    ASSERT_EQ(data->sites.size(), 3u);
    EXPECT_EQ(data->sites[0].id, "s1");
    EXPECT_EQ(data->sites[1].id, "a2");
    EXPECT_EQ(data->sites[2].id, "a1");
}

TEST_P(StoreBackends, AWriteTransactionThatFailsChangesNothing) {
    auto ws = create(tiny());
    ASSERT_TRUE(ws);
    core::Dataset more;
    more.suppliers = {{"zed", "Zed", std::nullopt, std::nullopt}};
    auto r = ws->writeTransaction([&]() -> core::Result<void> {
        if (auto w = ws->write(more, WriteMode::Append); !w)
            return w;
        if (auto m = ws->setMeta("name", "half done"); !m)
            return m;
        return core::Error{"stopped on purpose"};
    });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.errorString(), "stopped on purpose");
    auto data = ws->load();
    ASSERT_TRUE(data.ok()) << data.errorString();
    EXPECT_EQ(*data, tiny());
    EXPECT_FALSE(ws->meta("name").has_value());
}

TEST_P(StoreBackends, SavedScenariosKeepEveryFieldAndAreAllOrNothing) {
    auto ws = create(tiny());
    ASSERT_TRUE(ws);
    const std::vector<core::store::StoredScenario> list = {
        {3, "China stop", R"({"name":"China stop"})", "2025-08-01T09:30:00Z",
         "2025-08-02T10:00:00Z"},
        {7, "Licence", R"({"name":"Licence"})", "2025-08-03T00:00:00Z", "2025-08-03T00:00:00Z"}};
    ASSERT_TRUE(ws->putScenarios(list).ok());
    auto back = ws->scenarios();
    ASSERT_TRUE(back.ok()) << back.errorString();
    EXPECT_EQ(*back, list);
    // A second batch whose last name is taken: its first scenario must not stay behind.
    auto r = ws->putScenarios({{8, "New", R"({"name":"New"})", "x", "x"},
                               {9, "Licence", R"({"name":"Licence"})", "x", "x"}});
    EXPECT_FALSE(r.ok());
    back = ws->scenarios();
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, list);
}

TEST_P(StoreBackends, AFailedImportChangesNothingAndAGoodOneAdds) {
    auto ws = create(tiny());
    ASSERT_TRUE(ws);
    core::io::IssueList issues;
    // Two errors: an unknown country, and a share over 1.
    const std::vector<core::io::RawTable> bad = {
        csvTable("suppliers", "id,name,hq_country\nnew,New,XXX\n"),
        csvTable("supply", "material_id,supplier_site,share\nore,s1,1.5\n")};
    auto r = core::io::importTables(*ws, bad, {}, issues);
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(issues.total(), 2u) << issues.toString();
    auto data = ws->load();
    ASSERT_TRUE(data.ok()) << data.errorString();
    EXPECT_EQ(*data, tiny());

    core::io::IssueList none;
    const std::vector<core::io::RawTable> good = {
        csvTable("suppliers", "id,name,hq_country\nnew,New,DEU\n"),
        csvTable("sites", "id,supplier_id,country\nn1,new,DEU\n"),
        csvTable("supply", "material_id,supplier_site,share\nore,n1,0.25\n")};
    auto ok = core::io::importTables(*ws, good, {}, none);
    ASSERT_TRUE(ok.ok()) << ok.errorString() << none.toString();
    EXPECT_EQ(ok->rows.at("supply"), 1u);
    data = ws->load();
    ASSERT_TRUE(data.ok()) << data.errorString();
    ASSERT_EQ(data->supply.size(), 2u);
    EXPECT_EQ(data->supply[1].supplierSite, "n1");
    EXPECT_EQ(data->supply[1].share, 0.25);
}

INSTANTIATE_TEST_SUITE_P(Both, StoreBackends, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         [](const auto& info) {
                             return info.param == Backend::Sqlite ? "Sqlite" : "Postgres";
                         });

} // namespace
} // namespace chokepoint::test

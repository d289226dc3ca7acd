// SPDX-License-Identifier: MIT
// Overview figures on a six-site network whose numbers are worked out by hand below.
#include <gtest/gtest.h>

#include "core/analysis/exposureengine.h"
#include "core/analysis/summary.h"
#include "tests/support/testsupport.h"

namespace chokepoint::core::analysis {
namespace {

// ore -> chem -> cell (recipes); motor has no recipe; gallium is in no supply chain of ours.
// Products: car (10 x 1000, BOM cell + motor), van (5 x 2000, BOM motor).
// Our links: cell 0.6 from de_cell (600), 0.4 from kr_cell (400); motor 1.0 from de_motor (100).
// de_cell buys chem 0.5 from cn_chem (rest unknown); kr_cell has no chem links; cn_chem buys
// ore 1.0 from au_ore. Supplier de (Germany) is owned from China.
// World shares (CHN): ore 0.5, chem 0.8. C1: chem from 2024-01-01; C2: technology of cn_chem
// from 2025-06-01; C3: ore, ended 2021-01-01; C4: gallium (not ours).
Dataset tinyData() {
    return test::datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nDEU,Germany\nKOR,Korea\nAUS,Australia\n"},
        {"materials", "id,name,stage\nore,Ore,mining\nchem,Chemical,refining\ncell,Cell,cell\n"
                      "motor,Motor,component\ngallium,Gallium,refining\n"},
        {"recipes", "material_id,input_material_id\nchem,ore\ncell,chem\n"},
        {"sources", "id,publisher\nS1,Survey\nS2,Agency\nS3,Ministry\n"},
        {"world_shares", "material_id,country,share,source\nore,CHN,0.5,S1\nore,AUS,0.5,S1\n"
                         "chem,CHN,0.8,S1\nchem,KOR,0.2,S1;S2\n"},
        {"technologies", "id,name\nt_chem,Chem process\n"},
        {"controls", "id,issuer,title,effective,end,kind,source\n"
                     "C1,CHN,Chem control,2024-01-01,,licence,S3;S1\n"
                     "C2,CHN,Tech control,2025-06-01,,prohibition,\n"
                     "C3,CHN,Ore control,2020-01-01,2021-01-01,licence,\n"
                     "C4,CHN,Gallium control,2020-01-01,,licence,\n"},
        {"control_items", "control_id,item_kind,item_id\nC1,material,chem\nC2,technology,t_chem\n"
                          "C3,material,ore\nC4,material,gallium\n"},
        {"suppliers", "id,name,hq_country,owner_country\ncn,CN Co,CHN,CHN\nde,DE Co,DEU,CHN\n"
                      "kr,KR Co,KOR,KOR\nau,AU Co,AUS,AUS\n"},
        {"sites", "id,supplier_id,country,name\ncn_chem,cn,CHN,CN chem plant\n"
                  "de_cell,de,DEU,DE cell plant\nkr_cell,kr,KOR,KR cell plant\n"
                  "au_ore,au,AUS,AU mine\nde_motor,de,DEU,DE motor plant\n"},
        {"site_technologies", "site_id,technology_id\ncn_chem,t_chem\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,10,1000\nvan,Van,5,2000\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\ncar,motor,1\n"
                        "van,motor,2\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n"
                   ",cell,de_cell,0.6,600\n,cell,kr_cell,0.4,400\n,motor,de_motor,1,100\n"
                   "de_cell,chem,cn_chem,0.5,\ncn_chem,ore,au_ore,1,\n"},
    });
}

class SummaryTest : public ::testing::Test {
protected:
    SummaryTest()
        : net(tinyData())
        , engine(net) {}
    Summary run(Lens lens, const char* date, SummaryFilter filter = {}) {
        return summarize(net, engine.compute(lens, *Date::parse(date)), filter);
    }
    std::vector<std::string> controlIds(const Summary& s) const {
        std::vector<std::string> ids;
        for (const Index c : s.controlsInForce)
            ids.push_back(net.controlIds.id(c));
        return ids;
    }
    Index material(const char* id) const { return net.materials.find(id); }
    Index site(const char* id) const { return net.sites.find(id); }

    Network net;
    ExposureEngine engine;
};

// Location lens: u(chem) = 0.8; de_cell f = 0.5 * 1 + 0.5 * 0.8 = 0.9; kr_cell f = u(chem) = 0.8;
// D(cell) = 0.6 * 0.9 + 0.4 * 0.8 = 0.86 (no exposed tier-1 site); D(motor) = 0.
TEST_F(SummaryTest, LocationKpis) {
    const Summary s = run(Lens::Location, "2025-01-01");
    EXPECT_DOUBLE_EQ(s.revenue, 20000.0);
    EXPECT_NEAR(s.revenueAtRisk, 8600.0, 1e-9); // car 10000 * 0.86, van 0
    ASSERT_TRUE(s.revenueDependence);
    EXPECT_NEAR(*s.revenueDependence, 0.43, 1e-12);
    EXPECT_DOUBLE_EQ(s.spend, 1100.0);
    EXPECT_NEAR(s.spendAtRisk, 860.0, 1e-9); // 600 * 0.9 + 400 * 0.8
    EXPECT_EQ(s.materialsOverHalf, 1u);
    EXPECT_EQ(s.singleCountryMaterials, 1u); // motor: all from Germany
    EXPECT_EQ(controlIds(s), std::vector<std::string>({"C1"}));

    ASSERT_EQ(s.materials.size(), 2u); // cell first (0.86), then motor (0)
    EXPECT_EQ(s.materials[0].material, material("cell"));
    EXPECT_NEAR(s.materials[0].dependence, 0.86, 1e-12);
    EXPECT_NEAR(s.materials[0].directShare, 0.0, 1e-12);
    EXPECT_NEAR(s.materials[0].deeperShare, 0.86, 1e-12);
    ASSERT_TRUE(s.materials[0].hhi);
    EXPECT_NEAR(*s.materials[0].hhi, 5200.0, 1e-9); // 60^2 + 40^2
    EXPECT_FALSE(s.materials[0].singleCountry);
    EXPECT_TRUE(s.materials[1].singleCountry);

    ASSERT_EQ(s.countryMix.size(), 2u);
    EXPECT_EQ(net.countries.id(s.countryMix[0].country), "DEU");
    EXPECT_DOUBLE_EQ(s.countryMix[0].spend, 700.0);
    EXPECT_NEAR(s.countryMix[0].share, 7.0 / 11.0, 1e-12);
    EXPECT_EQ(net.countries.id(s.countryMix[1].country), "KOR");
    EXPECT_NEAR(s.countryMix[1].share, 4.0 / 11.0, 1e-12);

    ASSERT_EQ(s.products.size(), 2u);
    ASSERT_TRUE(s.products[0].revenueAtRisk);
    EXPECT_NEAR(*s.products[0].revenueAtRisk, 8600.0, 1e-9);
    EXPECT_NEAR(*s.products[1].revenueAtRisk, 0.0, 1e-12);
}

TEST_F(SummaryTest, LocationChokepointsAndWhy) {
    const Summary s = run(Lens::Location, "2025-01-01");
    ASSERT_EQ(s.chokepoints.size(), 3u);
    EXPECT_EQ(s.chokepoints[0].kind, ChokepointKind::Material);
    EXPECT_EQ(s.chokepoints[0].material, material("cell"));
    EXPECT_EQ(s.chokepoints[0].why,
              "86.0 % through deeper tiers, mainly Chemical of DE cell plant");
    EXPECT_EQ(s.chokepoints[1].kind, ChokepointKind::Site);
    EXPECT_EQ(s.chokepoints[1].site, site("de_cell"));
    EXPECT_NEAR(s.chokepoints[1].dependence, 0.54, 1e-12); // 0.6 * 0.9
    ASSERT_TRUE(s.chokepoints[1].spendAtRisk);
    EXPECT_NEAR(*s.chokepoints[1].spendAtRisk, 540.0, 1e-9);
    EXPECT_EQ(s.chokepoints[1].why, "60.0 % of our Cell; its inputs are 90.0 % dependent, mainly "
                                    "Chemical");
    EXPECT_EQ(s.chokepoints[2].site, site("kr_cell"));
    EXPECT_NEAR(s.chokepoints[2].dependence, 0.32, 1e-12);
}

// Owned lens: de (owner CHN) makes de_cell and de_motor exposed: D(cell) = 0.6 + 0.32 = 0.92,
// D(motor) = 1, both products fully dependent.
TEST_F(SummaryTest, OwnedLens) {
    const Summary s = run(Lens::Owned, "2025-01-01");
    EXPECT_NEAR(*s.revenueDependence, 1.0, 1e-12);
    EXPECT_NEAR(s.spendAtRisk, 1020.0, 1e-9); // 600 + 320 + 100
    EXPECT_EQ(s.materialsOverHalf, 2u);
    ASSERT_EQ(s.chokepoints.size(), 5u);
    // Ties (motor and de_motor: 1.0, spend 100) put the material before its site.
    EXPECT_EQ(s.chokepoints[0].material, material("motor"));
    EXPECT_EQ(s.chokepoints[0].kind, ChokepointKind::Material);
    EXPECT_EQ(s.chokepoints[0].why,
              "100.0 % from exposed tier-1 sites (DE motor plant); all tier-1 supply from Germany");
    EXPECT_EQ(s.chokepoints[1].site, site("de_motor"));
    EXPECT_EQ(s.chokepoints[1].why, "100.0 % of our Motor; owned from China");
    EXPECT_EQ(s.chokepoints[2].material, material("cell"));
    EXPECT_NEAR(s.chokepoints[2].dependence, 0.92, 1e-12);
    EXPECT_EQ(s.chokepoints[2].why, "60.0 % from exposed tier-1 sites (DE cell plant); 32.0 % "
                                    "through deeper tiers, mainly Chemical of KR cell plant");
    EXPECT_EQ(s.chokepoints[3].site, site("de_cell"));
    EXPECT_EQ(s.chokepoints[4].site, site("kr_cell"));
}

// Controlled lens: before C1 nothing is exposed; after C2 only C1 touches the chain: C2 is a
// technology control and cn_chem uses t_chem in China (v2: technology controls reach plants
// abroad; v1 counted C2 too).
TEST_F(SummaryTest, ControlledLensFollowsDate) {
    const Summary before = run(Lens::Controlled, "2023-06-01");
    EXPECT_NEAR(before.spendAtRisk, 0.0, 1e-12);
    EXPECT_NEAR(*before.revenueDependence, 0.0, 1e-12);
    EXPECT_TRUE(before.controlsInForce.empty()); // C3 ended, C4 is not in our chain
    EXPECT_TRUE(before.chokepoints.empty());

    const Summary after = run(Lens::Controlled, "2025-07-01");
    EXPECT_NEAR(after.spendAtRisk, 860.0, 1e-9); // as the location lens
    EXPECT_EQ(controlIds(after), std::vector<std::string>({"C1"}));
    // cell: chem is covered by C1 (from China); cell itself is not covered.
    EXPECT_EQ(after.chokepoints[0].why,
              "86.0 % through deeper tiers, mainly Chemical of DE cell plant");
}

TEST_F(SummaryTest, ProductFilter) {
    SummaryFilter f;
    f.product = net.products.find("van");
    const Summary s = run(Lens::Location, "2025-07-01", f);
    ASSERT_EQ(s.materials.size(), 1u);
    EXPECT_EQ(s.materials[0].material, material("motor"));
    EXPECT_DOUBLE_EQ(s.revenue, 10000.0);
    EXPECT_NEAR(*s.revenueDependence, 0.0, 1e-12);
    EXPECT_DOUBLE_EQ(s.spend, 100.0);
    EXPECT_TRUE(s.controlsInForce.empty()); // motor has no inputs; de_motor no technology
}

TEST_F(SummaryTest, StageFilter) {
    SummaryFilter f;
    f.stage = Stage::Cell;
    const Summary s = run(Lens::Location, "2025-01-01", f);
    ASSERT_EQ(s.materials.size(), 1u);
    EXPECT_DOUBLE_EQ(s.spend, 1000.0);
    EXPECT_DOUBLE_EQ(s.revenue, 20000.0); // revenue is not limited by stage
    EXPECT_EQ(s.singleCountryMaterials, 0u);
}

// Country KOR keeps only the link to kr_cell: spend 400, at risk 400 * 0.8 = 320; C2 is not
// reachable from kr_cell (no chem links), C1 still covers chem, an input of cell.
TEST_F(SummaryTest, CountryFilter) {
    SummaryFilter f;
    f.country = net.countries.find("KOR");
    const Summary s = run(Lens::Location, "2025-07-01", f);
    ASSERT_EQ(s.materials.size(), 1u);
    EXPECT_DOUBLE_EQ(s.spend, 400.0);
    EXPECT_NEAR(s.spendAtRisk, 320.0, 1e-9);
    ASSERT_EQ(s.countryMix.size(), 1u);
    EXPECT_DOUBLE_EQ(s.countryMix[0].share, 1.0);
    EXPECT_EQ(controlIds(s), std::vector<std::string>({"C1"}));
    ASSERT_EQ(s.chokepoints.size(), 2u);
    EXPECT_EQ(s.chokepoints[1].site, site("kr_cell"));
}

TEST_F(SummaryTest, ChokepointLimit) {
    const auto r = engine.compute(Lens::Owned, *Date::parse("2025-01-01"));
    EXPECT_EQ(summarize(net, r, {}, 2).chokepoints.size(), 2u);
}

TEST_F(SummaryTest, Lookups) {
    const auto covering =
        controlsCoveringMaterial(ControlState(net, *Date::parse("2025-01-01")), material("chem"));
    ASSERT_EQ(covering.size(), 1u);
    EXPECT_EQ(net.controlIds.id(covering[0]), "C1");
    EXPECT_TRUE(
        controlsCoveringMaterial(ControlState(net, *Date::parse("2023-12-31")), material("chem"))
            .empty());

    const auto& sources = net.data().sources;
    const auto chem = materialSources(net, material("chem"));
    ASSERT_EQ(chem.size(), 2u);
    EXPECT_EQ(sources[chem[0]].id, "S1");
    EXPECT_EQ(sources[chem[1]].id, "S2");
    const auto c1 = controlSources(net, net.controlIds.find("C1"));
    ASSERT_EQ(c1.size(), 2u);
    EXPECT_EQ(sources[c1[0]].id, "S3");
    EXPECT_EQ(sources[c1[1]].id, "S1");
    EXPECT_TRUE(materialSources(net, material("motor")).empty());
}

} // namespace
} // namespace chokepoint::core::analysis

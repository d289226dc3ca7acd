// SPDX-License-Identifier: MIT
// What changed in the controlled lens between two dates, on the network of timeline_test.cpp
// (figures per date worked out there by hand).
#include <gtest/gtest.h>

#include "core/analysis/exposurediff.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {
core::Dataset controlsTestData(); // tests/core/analysis/timeline_test.cpp
}

namespace chokepoint::core::analysis {
namespace {

class ExposureDiffTest : public ::testing::Test {
protected:
    ExposureDiffTest()
        : net(test::controlsTestData())
        , engine(net) {}
    ExposureDiff diff(const char* from, const char* to, SummaryFilter filter = {}) const {
        return diffControlledExposure(engine, *Date::parse(from), *Date::parse(to), filter);
    }
    std::vector<std::string> ids(const std::vector<Index>& controls) const {
        std::vector<std::string> out;
        for (const Index c : controls)
            out.push_back(net.controlIds.id(c));
        return out;
    }
    std::string flowName(const FlowDiff& f) const {
        return net.sites.id(f.site) + "/" + net.materials.id(f.material);
    }
    Network net;
    ExposureEngine engine;
};

TEST_F(ExposureDiffTest, CoveringControlsOfAFlow) {
    const Index cn = net.sites.find("cn_chem");
    const Index chem = net.materials.find("chem");
    const Index deu = net.countries.find("DEU");
    auto covering = [&](Index site, const char* date) {
        return ControlState(net, *Date::parse(date)).controlsCoveringFlow(site, chem, deu);
    };
    // cn_chem's chem to de_cell in Germany: an export of China under C1 from 2024. C2 (a
    // Chinese technology control on t_chem) does not cover it: cn_chem is a plant in China.
    EXPECT_TRUE(covering(cn, "2023-06-01").empty());
    EXPECT_EQ(ids(covering(cn, "2024-06-01")), std::vector<std::string>({"C1"}));
    EXPECT_EQ(ids(covering(cn, "2025-06-01")), std::vector<std::string>({"C1"}));
    // The same flow inside China is no export: not covered.
    EXPECT_TRUE(ControlState(net, *Date::parse("2025-06-01"))
                    .controlsCoveringFlow(cn, chem, net.countries.find("CHN"))
                    .empty());
    // Chinese chem control, German site: not covered.
    EXPECT_TRUE(covering(net.sites.find("de_cell"), "2025-06-01").empty());
}

// C1 comes into force: cn_chem's chem becomes controlled (tier 2, no spend of ours, f 0 -> 1);
// our cell links change through their inputs: de_cell 0 -> 0.9 (spend at risk 0 -> 540),
// kr_cell 0 -> 0.8 (0 -> 320). Totals 0 -> 860 and revenue at risk 0 -> 8,600.
TEST_F(ExposureDiffTest, AMeasureComesIntoForce) {
    const ExposureDiff d = diff("2021-06-01", "2024-06-01");
    EXPECT_EQ(ids(d.cameIntoForce), std::vector<std::string>({"C1"}));
    EXPECT_TRUE(d.wentOutOfForce.empty());
    ASSERT_EQ(d.flows.size(), 3u);
    EXPECT_EQ(flowName(d.flows[0]), "de_cell/cell");
    EXPECT_EQ(d.flows[0].change, FlowChange::InputsChanged);
    EXPECT_EQ(d.flows[0].tier, 1);
    EXPECT_DOUBLE_EQ(d.flows[0].ourShare, 0.6);
    EXPECT_NEAR(*d.flows[0].spendAtRiskBefore, 0.0, 1e-12);
    EXPECT_NEAR(*d.flows[0].spendAtRiskAfter, 540.0, 1e-9);
    EXPECT_EQ(flowName(d.flows[1]), "kr_cell/cell");
    EXPECT_NEAR(d.flows[1].fAfter, 0.8, 1e-12);
    EXPECT_NEAR(*d.flows[1].spendAtRiskAfter, 320.0, 1e-9);
    EXPECT_EQ(flowName(d.flows[2]), "cn_chem/chem");
    EXPECT_EQ(d.flows[2].change, FlowChange::BecameControlled);
    EXPECT_EQ(d.flows[2].tier, 2);
    EXPECT_TRUE(d.flows[2].controlsBefore.empty());
    EXPECT_EQ(ids(d.flows[2].controlsAfter), std::vector<std::string>({"C1"}));
    EXPECT_DOUBLE_EQ(d.flows[2].fBefore, 0.0);
    EXPECT_DOUBLE_EQ(d.flows[2].fAfter, 1.0);
    EXPECT_FALSE(d.flows[2].ourSpend);

    EXPECT_NEAR(d.spendAtRiskBefore, 0.0, 1e-12);
    EXPECT_NEAR(d.spendAtRiskAfter, 860.0, 1e-9);
    EXPECT_NEAR(d.revenueAtRiskBefore, 0.0, 1e-12);
    EXPECT_NEAR(d.revenueAtRiskAfter, 8600.0, 1e-9);
    EXPECT_NEAR(*d.revenueDependenceAfter, 0.43, 1e-12);
    ASSERT_EQ(d.materials.size(), 1u); // cell 0 -> 0.86; motor unchanged
    EXPECT_EQ(net.materials.id(d.materials[0].material), "cell");
    EXPECT_NEAR(d.materials[0].dependenceAfter, 0.86, 1e-12);
    ASSERT_EQ(d.products.size(), 1u); // car 0 -> 8,600; van unchanged at 0
    EXPECT_EQ(net.products.id(d.products[0].product), "car");
    EXPECT_NEAR(*d.products[0].revenueAtRiskAfter, 8600.0, 1e-9);
}

// C3 ends: no flow was covered by it (the ore site is Australian), but unknown ore stops
// counting: de_cell 0.25 -> 0 (150 -> 0), kr_cell 0.5 -> 0 (200 -> 0). The tier-1 changes add
// up to the total change, -350.
TEST_F(ExposureDiffTest, AMeasureEndsAndOnlyUnknownOriginChanges) {
    const ExposureDiff d = diff("2020-06-01", "2021-06-01");
    EXPECT_EQ(ids(d.wentOutOfForce), std::vector<std::string>({"C3"}));
    ASSERT_EQ(d.flows.size(), 2u);
    double sum = 0;
    for (const FlowDiff& f : d.flows) {
        EXPECT_EQ(f.change, FlowChange::InputsChanged);
        sum += *f.spendAtRiskAfter - *f.spendAtRiskBefore;
    }
    EXPECT_NEAR(*d.flows[0].spendAtRiskBefore, 150.0, 1e-9);
    EXPECT_NEAR(*d.flows[1].spendAtRiskBefore, 200.0, 1e-9);
    EXPECT_NEAR(sum, -350.0, 1e-9);
    EXPECT_NEAR(d.spendAtRiskAfter - d.spendAtRiskBefore, -350.0, 1e-9);
    EXPECT_NEAR(d.revenueAtRiskBefore, 3500.0, 1e-9);
    EXPECT_NEAR(d.revenueAtRiskAfter, 0.0, 1e-12);
}

// C2 (a Chinese technology control on t_chem) comes into force, but the only site using
// t_chem is cn_chem, a plant in China: technology controls reach plants abroad, so no flow's
// cover and no figure changes (v1 counted it as a second cover of cn_chem's chem).
TEST_F(ExposureDiffTest, ATechnologyControlDoesNotReachPlantsOfTheIssuer) {
    const ExposureDiff d = diff("2025-05-01", "2025-07-01");
    EXPECT_EQ(ids(d.cameIntoForce), std::vector<std::string>({"C2"}));
    EXPECT_TRUE(d.flows.empty());
    EXPECT_TRUE(d.materials.empty());
    EXPECT_TRUE(d.products.empty());
    EXPECT_NEAR(d.revenueAtRiskAfter - d.revenueAtRiskBefore, 0.0, 1e-12);
}

// A flow already covered gains a second cover: its cover changes, no figure does. kr_chem (in
// Korea, Chinese t_chem) sells us all our chem, which Korea's own measure K1 covers from 2024
// (an export to Germany, our country); China's technology control T1 reaches it from 2025.
// Dependence is 1 at both dates.
TEST(ExposureDiffCover, CoverChangesWithoutFigures) {
    const Network net(test::datasetFromCsv({
        {"profile", "key,value\ncompany_country,DEU\n"},
        {"countries", "iso3,name\nCHN,China\nDEU,Germany\nKOR,Korea\n"},
        {"materials", "id,name,stage\nchem,Chemical,refining\n"},
        {"technologies", "id,name\nt_chem,Chem process\n"},
        {"controls", "id,issuer,title,effective,kind\nK1,KOR,Korean chem,2024-01-01,licence\n"
                     "T1,CHN,Chinese tech,2025-01-01,licence\n"},
        {"control_items", "control_id,item_kind,item_id\nK1,material,chem\nT1,technology,t_chem\n"},
        {"suppliers", "id,name\nkr,KR Co\n"},
        {"sites", "id,supplier_id,country\nkr_chem,kr,KOR\n"},
        {"site_technologies", "site_id,technology_id,source_country\nkr_chem,t_chem,CHN\n"},
        {"products", "id,name,annual_volume,unit_price\nbox,Box,10,100\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\nbox,chem,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n,chem,kr_chem,1,50\n"},
    }));
    const ExposureEngine engine(net);
    const ExposureDiff d =
        diffControlledExposure(engine, *Date::parse("2024-06-01"), *Date::parse("2025-06-01"));
    ASSERT_EQ(d.cameIntoForce.size(), 1u);
    EXPECT_EQ(net.controlIds.id(d.cameIntoForce[0]), "T1");
    ASSERT_EQ(d.flows.size(), 1u);
    EXPECT_EQ(net.sites.id(d.flows[0].site), "kr_chem");
    EXPECT_EQ(d.flows[0].change, FlowChange::CoverChanged);
    ASSERT_EQ(d.flows[0].controlsBefore.size(), 1u);
    EXPECT_EQ(net.controlIds.id(d.flows[0].controlsBefore[0]), "K1");
    ASSERT_EQ(d.flows[0].controlsAfter.size(), 2u);
    EXPECT_EQ(net.controlIds.id(d.flows[0].controlsAfter[0]), "K1");
    EXPECT_EQ(net.controlIds.id(d.flows[0].controlsAfter[1]), "T1");
    EXPECT_TRUE(d.materials.empty());
    EXPECT_TRUE(d.products.empty());
    EXPECT_NEAR(d.revenueAtRiskBefore, 1000.0, 1e-9); // 10 · 100 · 1
    EXPECT_NEAR(d.revenueAtRiskAfter, 1000.0, 1e-9);
}

// Backwards in time C6 goes out of force: de_motor becomes free, 100 -> 0; the van falls from
// 10,000 to 0 and the car from 10,000 to 8,600.
TEST_F(ExposureDiffTest, FlowBecomesFree) {
    const ExposureDiff d = diff("2027-06-01", "2026-06-01");
    EXPECT_EQ(ids(d.wentOutOfForce), std::vector<std::string>({"C6"}));
    ASSERT_EQ(d.flows.size(), 1u);
    EXPECT_EQ(flowName(d.flows[0]), "de_motor/motor");
    EXPECT_EQ(d.flows[0].change, FlowChange::BecameFree);
    EXPECT_NEAR(*d.flows[0].spendAtRiskBefore, 100.0, 1e-9);
    EXPECT_NEAR(*d.flows[0].spendAtRiskAfter, 0.0, 1e-12);
    EXPECT_NEAR(d.revenueAtRiskBefore, 20000.0, 1e-9);
    EXPECT_NEAR(d.revenueAtRiskAfter, 8600.0, 1e-9);
    ASSERT_EQ(d.products.size(), 2u);
    EXPECT_NEAR(*d.products[1].revenueAtRiskBefore, 10000.0, 1e-9);
    EXPECT_NEAR(*d.products[1].revenueAtRiskAfter, 0.0, 1e-12);
    // Under the car filter, only the car's figures count.
    SummaryFilter car;
    car.product = net.products.find("car");
    const ExposureDiff c = diff("2027-06-01", "2026-06-01", car);
    EXPECT_NEAR(c.revenueAtRiskBefore, 10000.0, 1e-9);
    EXPECT_NEAR(c.revenueAtRiskAfter, 8600.0, 1e-9);
    ASSERT_EQ(c.products.size(), 1u);
}

TEST_F(ExposureDiffTest, SameDateChangesNothing) {
    const ExposureDiff d = diff("2025-06-01", "2025-06-01");
    EXPECT_TRUE(d.flows.empty());
    EXPECT_TRUE(d.cameIntoForce.empty());
    EXPECT_TRUE(d.wentOutOfForce.empty());
    EXPECT_NEAR(d.revenueAtRiskBefore, d.revenueAtRiskAfter, 1e-12);
}

} // namespace
} // namespace chokepoint::core::analysis

// SPDX-License-Identifier: MIT
// "Exposure under one measure" on the network of timeline_test.cpp, worked out by hand.
#include <gtest/gtest.h>

#include "core/analysis/measureimpact.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {
core::Dataset controlsTestData(); // tests/core/analysis/timeline_test.cpp
}

namespace chokepoint::core::analysis {
namespace {

class MeasureImpactTest : public ::testing::Test {
protected:
    MeasureImpactTest()
        : net(test::controlsTestData())
        , engine(net) {}
    MeasureImpact impact(const char* control, const char* date = "2022-06-01",
                         SummaryFilter filter = {}) const {
        return measureImpact(engine, net.controlIds.find(control), *Date::parse(date), filter);
    }
    const MaterialSummary* material(const MeasureImpact& m, const char* id) const {
        for (const auto& s : m.summary.materials)
            if (s.material == net.materials.find(id))
                return &s;
        return nullptr;
    }
    Network net;
    ExposureEngine engine;
};

TEST(SiteTiersTest, FewestLinksFromUs) {
    const Network net(test::controlsTestData());
    const std::vector<int> tiers = net.siteTiers();
    EXPECT_EQ(tiers[size_t(net.sites.find("de_cell"))], 1);
    EXPECT_EQ(tiers[size_t(net.sites.find("kr_cell"))], 1);
    EXPECT_EQ(tiers[size_t(net.sites.find("de_motor"))], 1);
    EXPECT_EQ(tiers[size_t(net.sites.find("cn_chem"))], 2);
    EXPECT_EQ(tiers[size_t(net.sites.find("au_ore"))], 3);
}

// C1 alone (chem from China): f(cn_chem) = 1 and u(chem) = 0.8, so g(de_cell) = 0.5 + 0.5 * 0.8
// = 0.9, g(kr_cell) = 0.8, D(cell) = 0.6 * 0.9 + 0.4 * 0.8 = 0.86, motor 0. Spend at risk
// 540 + 320 = 860; revenue at risk car 10,000 * 0.86 = 8,600 of 20,000. The date does not
// matter (2022-06-01: C1 is not yet in force, C3 and C4 are, but they are left out).
TEST_F(MeasureImpactTest, MaterialMeasure) {
    const MeasureImpact m = impact("C1");
    EXPECT_EQ(m.control, net.controlIds.find("C1"));
    EXPECT_NEAR(m.summary.revenueAtRisk, 8600.0, 1e-9);
    EXPECT_NEAR(*m.summary.revenueDependence, 0.43, 1e-12);
    EXPECT_NEAR(m.summary.spendAtRisk, 860.0, 1e-9);
    ASSERT_NE(material(m, "cell"), nullptr);
    EXPECT_NEAR(material(m, "cell")->dependence, 0.86, 1e-12);
    EXPECT_NEAR(*material(m, "cell")->spendAtRisk, 860.0, 1e-9);
    EXPECT_NEAR(material(m, "motor")->dependence, 0.0, 1e-12);
    ASSERT_EQ(m.summary.controlsInForce.size(), 1u);
    EXPECT_EQ(m.summary.controlsInForce[0], net.controlIds.find("C1"));

    // The flow it covers itself: cn_chem's chem, two links from us, not bought directly.
    ASSERT_EQ(m.flows.size(), 1u);
    EXPECT_EQ(net.sites.id(m.flows[0].site), "cn_chem");
    EXPECT_EQ(net.materials.id(m.flows[0].material), "chem");
    EXPECT_TRUE(m.flows[0].byMaterial);
    EXPECT_FALSE(m.flows[0].byTechnology);
    EXPECT_EQ(m.flows[0].tier, 2);
    EXPECT_DOUBLE_EQ(m.flows[0].ourShare, 0.0);
    EXPECT_FALSE(m.flows[0].ourSpend);

    // Tier-1 suppliers: de (de_cell 0.6 at f 0.9, de_motor 1.0 at f 0): 0.54 / 1.6 = 0.3375;
    // kr (kr_cell 0.4 at 0.8): 0.8.
    ASSERT_EQ(m.suppliers.size(), 2u);
    EXPECT_EQ(net.suppliers.id(m.suppliers[0].supplier), "de");
    EXPECT_NEAR(*m.suppliers[0].dependence, 0.3375, 1e-12);
    EXPECT_EQ(net.suppliers.id(m.suppliers[1].supplier), "kr");
    EXPECT_NEAR(*m.suppliers[1].dependence, 0.8, 1e-12);
}

// C2 alone (China's technology t_chem): cn_chem uses it in China, which a technology control
// does not reach (v2; v1 counted cn_chem): nothing is covered.
// With kr_cell using t_chem from China too, C2 covers kr_cell, a plant abroad: f(kr_cell) = 1.
// chem is no item of C2, so unknown chem counts 0 and g(de_cell, chem) = 0: D(cell) = 0.6 * 0
// + 0.4 * 1 = 0.4; spend at risk 400 * 1 = 400; revenue at risk 10 * 1,000 * 0.4 = 4,000.
// Suppliers: de 0 (left out); kr 0.4 * 1 / 0.4 = 1.
TEST_F(MeasureImpactTest, TechnologyMeasure) {
    const MeasureImpact domestic = impact("C2");
    EXPECT_TRUE(domestic.flows.empty());
    EXPECT_NEAR(domestic.summary.revenueAtRisk, 0.0, 1e-12);
    EXPECT_TRUE(domestic.summary.controlsInForce.empty());

    core::Dataset d = test::controlsTestData();
    d.siteTechnologies.push_back({"kr_cell", "t_chem", std::string("CHN")});
    const Network abroadNet(d);
    const ExposureEngine abroadEngine(abroadNet);
    const MeasureImpact m =
        measureImpact(abroadEngine, abroadNet.controlIds.find("C2"), *Date::parse("2022-06-01"));
    const MaterialSummary* cell = nullptr;
    for (const auto& s : m.summary.materials)
        if (s.material == abroadNet.materials.find("cell"))
            cell = &s;
    ASSERT_NE(cell, nullptr);
    EXPECT_NEAR(cell->dependence, 0.4, 1e-12);
    EXPECT_NEAR(m.summary.spendAtRisk, 400.0, 1e-9);
    EXPECT_NEAR(m.summary.revenueAtRisk, 4000.0, 1e-9);
    ASSERT_EQ(m.flows.size(), 1u);
    EXPECT_EQ(abroadNet.sites.id(m.flows[0].site), "kr_cell");
    EXPECT_TRUE(m.flows[0].byTechnology);
    EXPECT_FALSE(m.flows[0].byMaterial);
    EXPECT_EQ(m.flows[0].tier, 1);
    ASSERT_EQ(m.suppliers.size(), 1u);
    EXPECT_EQ(abroadNet.suppliers.id(m.suppliers[0].supplier), "kr");
    EXPECT_NEAR(*m.suppliers[0].dependence, 1.0, 1e-12);
    ASSERT_EQ(m.summary.controlsInForce.size(), 1u);
}

// C5 was never in force; alone it is counted as if it were: the same figures as C1.
TEST_F(MeasureImpactTest, NeverInForceMeasureIsShownAsIfInForce) {
    const MeasureImpact m = impact("C5", "2026-06-01");
    EXPECT_NEAR(m.summary.revenueAtRisk, 8600.0, 1e-9);
    EXPECT_NEAR(m.summary.spendAtRisk, 860.0, 1e-9);
    EXPECT_EQ(m.summary.asOf.toString(), "2026-06-01");
}

// C3 alone (ore): no site of ours is Chinese ore, but unknown ore counts China's 0.5 share
// (C3 is China's, and the destinations DEU and KOR are not China): u(chem, d) = 0.5, g(de_cell) =
// 0.25, g(kr_cell) = 0.5, D(cell) = 0.15 + 0.2 = 0.35; spend at risk 150 + 200 = 350; revenue at
// risk 3,500. No flow is covered itself.
TEST_F(MeasureImpactTest, UnknownOriginOnly) {
    const MeasureImpact m = impact("C3");
    EXPECT_TRUE(m.flows.empty());
    EXPECT_NEAR(material(m, "cell")->dependence, 0.35, 1e-12);
    EXPECT_NEAR(m.summary.spendAtRisk, 350.0, 1e-9);
    EXPECT_NEAR(m.summary.revenueAtRisk, 3500.0, 1e-9);
}

// C6 alone (German motors): de_motor is covered, tier 1, 100 % of our motors, spend 100 all at
// risk; car and van both depend fully: 20,000 at risk; cells untouched.
TEST_F(MeasureImpactTest, TierOneFlowWithSpend) {
    const MeasureImpact m = impact("C6");
    ASSERT_EQ(m.flows.size(), 1u);
    EXPECT_EQ(net.sites.id(m.flows[0].site), "de_motor");
    EXPECT_EQ(m.flows[0].tier, 1);
    EXPECT_DOUBLE_EQ(m.flows[0].ourShare, 1.0);
    EXPECT_DOUBLE_EQ(*m.flows[0].ourSpend, 100.0);
    EXPECT_DOUBLE_EQ(*m.flows[0].spendAtRisk, 100.0);
    EXPECT_NEAR(m.summary.revenueAtRisk, 20000.0, 1e-9);
    EXPECT_NEAR(m.summary.spendAtRisk, 100.0, 1e-9);
    EXPECT_NEAR(material(m, "cell")->dependence, 0.0, 1e-12);
    // Under the van filter: revenue 10,000, all at risk.
    SummaryFilter van;
    van.product = net.products.find("van");
    const MeasureImpact v = impact("C6", "2022-06-01", van);
    EXPECT_DOUBLE_EQ(v.summary.revenue, 10000.0);
    EXPECT_NEAR(v.summary.revenueAtRisk, 10000.0, 1e-9);
}

// C4 (gallium) and C7 (no items) touch nothing of ours.
TEST_F(MeasureImpactTest, MeasuresOutsideOurChain) {
    for (const char* id : {"C4", "C7"}) {
        SCOPED_TRACE(id);
        const MeasureImpact m = impact(id);
        EXPECT_TRUE(m.flows.empty());
        EXPECT_TRUE(m.suppliers.empty());
        EXPECT_NEAR(m.summary.revenueAtRisk, 0.0, 1e-12);
        EXPECT_NEAR(m.summary.spendAtRisk, 0.0, 1e-12);
        EXPECT_TRUE(m.summary.controlsInForce.empty());
    }
}

TEST_F(MeasureImpactTest, UnknownIndexGivesAnEmptyResult) {
    const MeasureImpact m = measureImpact(engine, Index(99), *Date::parse("2022-06-01"));
    EXPECT_TRUE(m.flows.empty());
    EXPECT_TRUE(m.summary.materials.empty());
}

} // namespace
} // namespace chokepoint::core::analysis

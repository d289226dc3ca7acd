// SPDX-License-Identifier: MIT
// The controlled-lens timeline and control statuses on a small network whose figures are
// worked out by hand below. The same network (controlsTestData) serves the measure-impact,
// exposure-diff and scenario-factory tests.
#include <gtest/gtest.h>

#include "core/analysis/timeline.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {

// ore -> chem -> cell (recipes); motor has no recipe; gallium is in no chain of ours.
// Products: car (10 x 1000, BOM cell + motor), van (5 x 2000, BOM 2 motor). Revenue 20,000.
// Our links: cell 0.6 from de_cell (spend 600), 0.4 from kr_cell (400); motor 1.0 from
// de_motor (100). de_cell buys chem 0.5 from cn_chem (rest unknown); kr_cell buys no chem
// (all unknown); cn_chem buys ore 1.0 from au_ore. cn_chem depends on technology t_chem.
// Tiers: de_cell, kr_cell, de_motor 1; cn_chem 2; au_ore 3. World CHN: ore 0.5, chem 0.8.
// Controls: C1 chem (CHN, announced 2023-10-01, from 2024-01-01, 45 review days); C2 t_chem
// (prohibition, from 2025-06-01; cn_chem uses Chinese t_chem in China, so C2 never covers it:
// technology controls reach plants abroad); C3 ore (2020-01-01 until 2021-01-01); C4 gallium (from
// 2020-01-01); C5 chem, announced 2025-10-01, due 2026-01-01 but suspended 2025-12-01 (never
// in force); C6 motor issued by DEU from 2027-01-01 (30 review days); C7 no items.
core::Dataset controlsTestData() {
    return datasetFromCsv({
        {"countries", "iso3,name\nCHN,China\nDEU,Germany\nKOR,Korea\nAUS,Australia\n"},
        {"materials", "id,name,stage\nore,Ore,mining\nchem,Chemical,refining\ncell,Cell,cell\n"
                      "motor,Motor,component\ngallium,Gallium,refining\n"},
        {"recipes", "material_id,input_material_id\nchem,ore\ncell,chem\n"},
        {"sources",
         "id,publisher,title,year,url\nS1,Survey,Chem survey,2024,https://example.org/s1\n"
         "S3,Ministry,Announcement No. 1,2023,\n"},
        {"world_shares", "material_id,country,share\nore,CHN,0.5\nore,AUS,0.5\n"
                         "chem,CHN,0.8\nchem,KOR,0.2\n"},
        {"technologies", "id,name\nt_chem,Chem process\n"},
        {"controls",
         "id,issuer,title,reference,announced,effective,end,kind,licence_review_days,source\n"
         "C1,CHN,Chem control,No. 1,2023-10-01,2024-01-01,,licence,45,S3;S1\n"
         "C2,CHN,Tech control,,,2025-06-01,,prohibition,,\n"
         "C3,CHN,Ore control,,,2020-01-01,2021-01-01,licence,,\n"
         "C4,CHN,Gallium control,,,2020-01-01,,licence,,\n"
         "C5,CHN,Suspended chem control,,2025-10-01,2026-01-01,2025-12-01,licence,45,\n"
         "C6,DEU,Motor control,,,2027-01-01,,licence,30,\n"
         "C7,CHN,Framework,,,2020-01-01,,licence,,\n"},
        {"control_items", "control_id,item_kind,item_id\nC1,material,chem\nC2,technology,t_chem\n"
                          "C3,material,ore\nC4,material,gallium\nC5,material,chem\n"
                          "C6,material,motor\n"},
        {"suppliers", "id,name,hq_country,owner_country\ncn,CN Co,CHN,CHN\nde,DE Co,DEU,CHN\n"
                      "kr,KR Co,KOR,KOR\nau,AU Co,AUS,AUS\n"},
        {"sites", "id,supplier_id,country,name\ncn_chem,cn,CHN,CN chem plant\n"
                  "de_cell,de,DEU,DE cell plant\nkr_cell,kr,KOR,KR cell plant\n"
                  "au_ore,au,AUS,AU mine\nde_motor,de,DEU,DE motor plant\n"},
        {"site_technologies", "site_id,technology_id,source_country\ncn_chem,t_chem,CHN\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,10,1000\nvan,Van,5,2000\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\ncar,motor,1\n"
                        "van,motor,2\n"},
        {"supply", "buyer_site,material_id,supplier_site,share,annual_spend\n"
                   ",cell,de_cell,0.6,600\n,cell,kr_cell,0.4,400\n,motor,de_motor,1,100\n"
                   "de_cell,chem,cn_chem,0.5,\ncn_chem,ore,au_ore,1,\n"},
    });
}

} // namespace chokepoint::test

namespace chokepoint::core::analysis {
namespace {

Date day(const char* text) {
    return *Date::parse(text);
}

class TimelineTest : public ::testing::Test {
protected:
    TimelineTest()
        : net(test::controlsTestData())
        , engine(net) {}
    std::vector<std::string> ids(const std::vector<Index>& controls) const {
        std::vector<std::string> out;
        for (const Index c : controls)
            out.push_back(net.controlIds.id(c));
        return out;
    }
    const Control& control(const char* id) const {
        return net.data().controls[size_t(net.controlIds.find(id))];
    }
    Network net;
    ExposureEngine engine;
};

TEST_F(TimelineTest, StatusOfEachKindOfMeasure) {
    // C1: announced 2023-10-01, effective 2024-01-01, no end.
    EXPECT_EQ(controlStatus(control("C1"), day("2023-09-30")), ControlStatus::NotAnnounced);
    EXPECT_EQ(controlStatus(control("C1"), day("2023-10-01")), ControlStatus::Announced);
    EXPECT_EQ(controlStatus(control("C1"), day("2023-12-31")), ControlStatus::Announced);
    EXPECT_EQ(controlStatus(control("C1"), day("2024-01-01")), ControlStatus::InForce);
    // C3: in force 2020-01-01 up to (not including) 2021-01-01.
    EXPECT_EQ(controlStatus(control("C3"), day("2020-12-31")), ControlStatus::InForce);
    EXPECT_EQ(controlStatus(control("C3"), day("2021-01-01")), ControlStatus::Ended);
    // C5: suspended 2025-12-01 before its effective date 2026-01-01.
    EXPECT_EQ(controlStatus(control("C5"), day("2025-09-30")), ControlStatus::NotAnnounced);
    EXPECT_EQ(controlStatus(control("C5"), day("2025-11-30")), ControlStatus::Announced);
    EXPECT_EQ(controlStatus(control("C5"), day("2025-12-01")), ControlStatus::NeverInForce);
    EXPECT_EQ(controlStatus(control("C5"), day("2026-06-01")), ControlStatus::NeverInForce);
    // C6: no announcement date: pending until effective.
    EXPECT_EQ(controlStatus(control("C6"), day("2026-06-01")), ControlStatus::Announced);
    EXPECT_EQ(controlStatus(control("C6"), day("2027-01-01")), ControlStatus::InForce);
}

TEST_F(TimelineTest, ChangeDatesAreEveryEffectiveAndEndDateOnce) {
    std::vector<std::string> dates;
    for (const Date d : controlChangeDates(net))
        dates.push_back(d.toString());
    EXPECT_EQ(dates,
              std::vector<std::string>({"2020-01-01", "2021-01-01", "2024-01-01", "2025-06-01",
                                        "2025-12-01", "2026-01-01", "2027-01-01"}));
}

// Hand-worked controlled lens (revenue 20,000, spend 1,100). No company country: our
// destination is unknown, which every measure without targets reaches:
// - 2020-01-01 (C3, C4, C7): ore is covered, so u(ore, d) = U(ore, d) = 0.5 for the
//   destinations outside China (DEU, KOR) and u(chem, d) = 0.5; au_ore is Australian (not
//   covered), cn_chem's g(ore) = 0, so f(cn_chem) = 0. g(de_cell, chem) =
//   0.5 * 0 + 0.5 * 0.5 = 0.25, g(kr_cell, chem) = u(chem) = 0.5. D(cell) = 0.6 * 0.25 +
//   0.4 * 0.5 = 0.35; motor 0. Revenue at risk 10,000 * 0.35 = 3,500 (17.5 %); spend at risk
//   600 * 0.25 + 400 * 0.5 = 350.
// - 2021-01-01 and the as-of day 2022-06-01 (C4, C7): nothing of ours covered: all 0.
// - 2024-01-01 (C1): cn_chem's chem to de_cell is an export: f = 1; u(chem, DEU or KOR) = 0.8:
// g(de_cell) = 0.5 + 0.4 = 0.9,
//   g(kr_cell) = 0.8, D(cell) = 0.54 + 0.32 = 0.86: 8,600 (43 %), spend 540 + 320 = 860.
// - 2025-06-01 (C2 too: it covers nothing, cn_chem uses t_chem in China), 2025-12-01 and
//   2026-01-01 (C5 never in force): unchanged.
// - 2027-01-01 (C6): de_motor is German, C6 is German and our unknown destination is not
//   Germany: D(motor) = 1, so car and van are both 1: 20,000 (100 %); spend at risk 860 +
//   100 = 960; two materials over 50 %.
TEST_F(TimelineTest, ControlledFiguresOnEveryChangeDateAndTheAsOfDate) {
    const ControlTimeline t = controlledTimeline(engine, day("2022-06-01"));
    ASSERT_FALSE(t.cancelled);
    ASSERT_EQ(t.points.size(), 8u);
    const std::vector<std::string> dates = {"2020-01-01", "2021-01-01", "2022-06-01", "2024-01-01",
                                            "2025-06-01", "2025-12-01", "2026-01-01", "2027-01-01"};
    const std::vector<double> atRisk = {3500, 0, 0, 8600, 8600, 8600, 8600, 20000};
    const std::vector<double> spendAtRisk = {350, 0, 0, 860, 860, 860, 860, 960};
    const std::vector<size_t> over50 = {0, 0, 0, 1, 1, 1, 1, 2};
    for (size_t i = 0; i < t.points.size(); ++i) {
        SCOPED_TRACE(dates[i]);
        const TimelinePoint& p = t.points[i];
        EXPECT_EQ(p.date.toString(), dates[i]);
        EXPECT_EQ(p.asOf, dates[i] == "2022-06-01");
        EXPECT_DOUBLE_EQ(p.revenue, 20000.0);
        EXPECT_NEAR(p.revenueAtRisk, atRisk[i], 1e-9);
        ASSERT_TRUE(p.revenueDependence);
        EXPECT_NEAR(*p.revenueDependence, atRisk[i] / 20000.0, 1e-12);
        EXPECT_DOUBLE_EQ(p.spend, 1100.0);
        EXPECT_NEAR(p.spendAtRisk, spendAtRisk[i], 1e-9);
        EXPECT_EQ(p.materialsOverHalf, over50[i]);
    }
    // Touching our chain: C3 (ore, an input of the chem of unknown origin), C1, C6; never C2
    // (cn_chem, the one site using t_chem, is in China), C4 (gallium) or C7 (no items).
    EXPECT_EQ(ids(t.points[0].controlsTouching), std::vector<std::string>({"C3"}));
    EXPECT_TRUE(t.points[1].controlsTouching.empty());
    EXPECT_EQ(ids(t.points[3].controlsTouching), std::vector<std::string>({"C1"}));
    EXPECT_EQ(ids(t.points[4].controlsTouching), std::vector<std::string>({"C1"}));
    EXPECT_EQ(ids(t.points[7].controlsTouching), std::vector<std::string>({"C1", "C6"}));

    EXPECT_EQ(ids(t.points[0].starting), std::vector<std::string>({"C3", "C4", "C7"}));
    EXPECT_EQ(ids(t.points[1].ending), std::vector<std::string>({"C3"}));
    EXPECT_TRUE(t.points[2].starting.empty() && t.points[2].ending.empty());
    EXPECT_EQ(ids(t.points[5].ending), std::vector<std::string>({"C5"}));
    EXPECT_EQ(ids(t.points[6].starting), std::vector<std::string>({"C5"}));
    EXPECT_EQ(ids(t.points[7].starting), std::vector<std::string>({"C6"}));
}

TEST_F(TimelineTest, AsOfOnAChangeDateAddsNoPoint) {
    const ControlTimeline t = controlledTimeline(engine, day("2024-01-01"));
    ASSERT_EQ(t.points.size(), 7u);
    EXPECT_TRUE(t.points[2].asOf);
    EXPECT_EQ(t.points[2].date.toString(), "2024-01-01");
}

// The van needs only motors: 0 until C6, then 5 * 2000 = 10,000 of 10,000.
TEST_F(TimelineTest, FollowsTheProductFilter) {
    SummaryFilter filter;
    filter.product = net.products.find("van");
    const ControlTimeline t = controlledTimeline(engine, day("2022-06-01"), filter);
    ASSERT_EQ(t.points.size(), 8u);
    EXPECT_DOUBLE_EQ(t.points[3].revenue, 10000.0);
    EXPECT_NEAR(t.points[3].revenueAtRisk, 0.0, 1e-12);
    EXPECT_NEAR(t.points[7].revenueAtRisk, 10000.0, 1e-9);
    EXPECT_NEAR(*t.points[7].revenueDependence, 1.0, 1e-12);
}

// Moving the as-of date: points of the earlier timeline are taken over (a marked figure
// shows it), the new as-of day is computed (2023-06-01: only C4 and C7 in force: 0).
TEST_F(TimelineTest, ReusesAnEarlierTimeline) {
    ControlTimeline earlier = controlledTimeline(engine, day("2022-06-01"));
    earlier.points[3].revenueAtRisk = 1234.5; // 2024-01-01
    earlier.points[2].revenueAtRisk = 999.0;  // the old as-of day, not a change date
    const ControlTimeline t = controlledTimeline(engine, day("2023-06-01"), {}, {}, &earlier);
    ASSERT_EQ(t.points.size(), 8u);
    EXPECT_EQ(t.points[2].date.toString(), "2023-06-01");
    EXPECT_TRUE(t.points[2].asOf);
    EXPECT_NEAR(t.points[2].revenueAtRisk, 0.0, 1e-12);
    EXPECT_DOUBLE_EQ(t.points[3].revenueAtRisk, 1234.5);
    EXPECT_FALSE(t.points[3].asOf);
    EXPECT_EQ(ids(t.points[3].starting), std::vector<std::string>({"C1"}));
    EXPECT_NEAR(t.points[0].revenueAtRisk, 3500.0, 1e-9);
}

TEST_F(TimelineTest, ProgressCanStopIt) {
    size_t calls = 0;
    const ControlTimeline t =
        controlledTimeline(engine, day("2022-06-01"), {}, [&](size_t done, size_t total) {
            EXPECT_EQ(total, 8u);
            ++calls;
            return done < 3;
        });
    EXPECT_TRUE(t.cancelled);
    EXPECT_EQ(t.points.size(), 3u);
    EXPECT_EQ(calls, 4u);
}

} // namespace
} // namespace chokepoint::core::analysis

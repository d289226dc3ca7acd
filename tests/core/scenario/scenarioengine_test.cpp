// SPDX-License-Identifier: MIT
// Small networks whose day-by-day results are worked out by hand in the comments.
// Unless a test says otherwise: one product `car` with annual_volume 365 (one car a day)
// and unit_price 1000, needing 1 `cell` per car, so need(cell) = 365/365 · 1 = 1 per day.
#include <gtest/gtest.h>

#include "core/synth/generator.h"
#include "tests/core/scenario/scenariotestutil.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using namespace chokepoint::core::scenario;
using test::materialOf;
using test::productOf;

namespace {

// A piecewise-constant day series: 1 until the first change, then each (day, value).
std::vector<double> steps(int horizon, std::initializer_list<std::pair<int, double>> changes) {
    std::vector<double> v(size_t(horizon), 1.0);
    for (const auto& [day, value] : changes)
        std::fill(v.begin() + day, v.end(), value);
    return v;
}

void expectSeries(const std::vector<double>& actual, const std::vector<double>& expected) {
    ASSERT_EQ(actual.size(), expected.size());
    for (size_t t = 0; t < actual.size(); ++t)
        EXPECT_NEAR(actual[t], expected[t], 1e-12) << "day " << t;
}

const char* kCarProduct = "id,name,annual_volume,unit_price\ncar,Car,365,1000\n";
const char* kCarBom = "product_id,material_id,qty_per_unit\ncar,cell,1\n";
const char* kMaterials = "id,name,stage\ncell,Cell,cell\ncathode,Cathode,cathode\n"
                         "electrolyte,Electrolyte,electrolyte\nmotor,Motor,component\n";
const char* kSuppliers = "id,name,owner_country\nsupCN,CN,CHN\nsupKR,KR,KOR\nsupJP,JP,JPN\n";
const char* kSites = "id,supplier_id,country\ncnA,supCN,CHN\ncnB,supCN,CHN\nkrA,supKR,KOR\n"
                     "krB,supKR,KOR\njpA,supJP,JPN\n";

std::unique_ptr<core::analysis::Network> oneLink(const std::string& supply,
                                                 const std::string& inventory = "",
                                                 const std::string& alternatives = "") {
    return test::networkFromCsv({
        {"countries", test::kTestCountries},
        {"materials", kMaterials},
        {"suppliers", kSuppliers},
        {"sites", kSites},
        {"products", kCarProduct},
        {"product_bom", kCarBom},
        {"supply", "buyer_site,material_id,supplier_site,share,lead_time_days\n" + supply},
        {"inventory", "material_id,days_on_hand\n" + inventory},
        {"alternatives", "material_id,site_id,qualification_days,max_share\n" + alternatives},
    });
}

} // namespace

TEST(ScenarioEngine, LeadTimeShiftsTheDisruption) {
    // cnA (China) sells us all our cells with a lead time of 5 days. The stop hits cnA on
    // days 2, 3, 4 and reaches us 5 days later: S = 0 on days 7, 8, 9. No stock: the car
    // output x = r = S, so 3 cars are lost (3 × 1000 revenue); first shortfall day 7,
    // and r stays 1 again from day 10.
    auto net = oneLink(",cell,cnA,1,5\n");
    const auto r = test::runJson(*net, R"({"name": "lead", "horizon_days": 20, "shocks": [
        {"select": {"countries": ["CHN"]}, "kind": "stop", "start_day": 2, "duration_days": 3}]})");
    const auto& cell = materialOf(r, "cell");
    expectSeries(cell.supply, steps(20, {{7, 0.0}, {10, 1.0}}));
    expectSeries(productOf(r, "car").output, steps(20, {{7, 0.0}, {10, 1.0}}));
    expectSeries(r.dailyOutput, steps(20, {{7, 0.0}, {10, 1.0}}));
    EXPECT_DOUBLE_EQ(productOf(r, "car").lostUnits, 3.0);
    EXPECT_DOUBLE_EQ(productOf(r, "car").lostRevenue, 3000.0);
    EXPECT_DOUBLE_EQ(r.totalLostRevenue, 3000.0);
    EXPECT_DOUBLE_EQ(r.lostRevenueP10, 3000.0);
    EXPECT_DOUBLE_EQ(r.lostRevenueP90, 3000.0);
    EXPECT_EQ(cell.firstShortfallDay, 7);
    EXPECT_EQ(cell.recoveryDay, 10);
}

TEST(ScenarioEngine, InventoryRunsOutOnTheRightDay) {
    // Same link, 2 days of stock (I0 = 2), stop on days 2..6, so S = 0 on days 7..11.
    // day 7: r = min(1, (0 + 2)/1) = 1, consumption 1, I = min(2, 2 + 0 - 1) = 1
    // day 8: r = min(1, 1) = 1, I = 0
    // day 9, 10, 11: r = 0, x = 0, I = 0
    // day 12: S = 1: r = 1, consumption 1, I = min(2, 0 + 1 - 1) = 0 (stock is not rebuilt
    // while output runs at full speed).
    auto net = oneLink(",cell,cnA,1,5\n", "cell,2\n");
    const auto r = test::runJson(*net, R"({"name": "stock", "horizon_days": 20, "shocks": [
        {"select": {"countries": ["CHN"]}, "kind": "stop", "start_day": 2, "duration_days": 5}]})");
    const auto& cell = materialOf(r, "cell");
    EXPECT_DOUBLE_EQ(cell.initialInventory, 2.0);
    expectSeries(cell.fillRate, steps(20, {{9, 0.0}, {12, 1.0}}));
    expectSeries(cell.inventory, steps(20, {{0, 2.0}, {7, 1.0}, {8, 0.0}}));
    EXPECT_EQ(cell.firstShortfallDay, 9);
    EXPECT_EQ(cell.recoveryDay, 12);
    EXPECT_DOUBLE_EQ(productOf(r, "car").lostUnits, 3.0);
}

TEST(ScenarioEngine, PartialSupplyDrainsStockThenCutsOutput) {
    // Capacity 0.5 at the Chinese site on days 0..3, lead time 0, 1 day of stock.
    // day 0: r = min(1, 0.5 + 1) = 1, consumption 1, I = 1 + 0.5 - 1 = 0.5
    // day 1: r = min(1, 0.5 + 0.5) = 1, I = 0
    // day 2, 3: r = 0.5, x = 0.5, consumption 0.5, I = 0 + 0.5 - 0.5 = 0
    // day 4: S = 1, r = 1. Lost cars = 0.5 + 0.5 = 1.
    auto net = oneLink(",cell,cnA,1,0\n", "cell,1\n");
    const auto r = test::runJson(*net, R"({"name": "cap", "horizon_days": 8, "shocks": [
        {"select": {"countries": ["CHN"]}, "kind": "capacity", "capacity": 0.5,
         "duration_days": 4}]})");
    const auto& cell = materialOf(r, "cell");
    expectSeries(cell.supply, steps(8, {{0, 0.5}, {4, 1.0}}));
    expectSeries(cell.fillRate, steps(8, {{2, 0.5}, {4, 1.0}}));
    expectSeries(cell.inventory, steps(8, {{0, 0.5}, {1, 0.0}}));
    EXPECT_DOUBLE_EQ(productOf(r, "car").lostUnits, 1.0);
    EXPECT_EQ(cell.firstShortfallDay, 2);
    EXPECT_EQ(cell.recoveryDay, 4);
}

TEST(ScenarioEngine, StockRefillsWhileAnotherPartHoldsOutputBack) {
    // The car needs a cell (stock 2 days, from China) and a motor (no stock, from Korea).
    // China stops days 0-1, Korea runs at half capacity days 2-4; lead times 0.
    // day 0: r_cell = min(1, (0 + 2)/1) = 1, r_motor = 1, x = 1; I_cell = 2 - 1 = 1
    // day 1: r_cell = 1, x = 1, I_cell = 0
    // day 2: r_cell = 1, r_motor = 0.5, x = 0.5; I_cell = min(2, 0 + 1 - 0.5) = 0.5
    // day 3: x = 0.5, I_cell = 1;  day 4: x = 0.5, I_cell = 1.5
    // day 5: x = 1, I_cell = min(2, 1.5 + 1 - 1) = 1.5. Lost cars 1.5.
    auto net = test::networkFromCsv({
        {"countries", test::kTestCountries},
        {"materials", kMaterials},
        {"suppliers", kSuppliers},
        {"sites", kSites},
        {"products", kCarProduct},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\ncar,motor,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share\n,cell,cnA,1\n,motor,krA,1\n"},
        {"inventory", "material_id,days_on_hand\ncell,2\n"},
    });
    const auto r = test::runJson(*net, R"({"name": "refill", "horizon_days": 8, "shocks": [
        {"select": {"countries": ["CHN"]}, "kind": "stop", "duration_days": 2},
        {"select": {"countries": ["KOR"]}, "kind": "capacity", "capacity": 0.5, "start_day": 2,
         "duration_days": 3}]})");
    expectSeries(materialOf(r, "cell").inventory,
                 steps(8, {{0, 1.0}, {1, 0.0}, {2, 0.5}, {3, 1.0}, {4, 1.5}}));
    expectSeries(productOf(r, "car").output, steps(8, {{2, 0.5}, {5, 1.0}}));
    EXPECT_DOUBLE_EQ(productOf(r, "car").lostUnits, 1.5);
    EXPECT_FALSE(materialOf(r, "cell").firstShortfallDay);
    EXPECT_FALSE(materialOf(r, "cell").recoveryDay);
    EXPECT_EQ(materialOf(r, "motor").firstShortfallDay, 2);
    EXPECT_EQ(materialOf(r, "motor").recoveryDay, 5);
}

TEST(ScenarioEngine, AlternativesArriveAfterQualification) {
    // China stops from day 2 to the end (horizon 10); S = 0 from t0 = 2. The Korean
    // alternative (max_share 0.4, qualification 3 days) adds 0.4 · A(krA) = 0.4 from day 5.
    // Lost cars: days 2, 3, 4 fully (3) + days 5..9 at 0.6 (5 × 0.6 = 3) = 6.
    auto net = oneLink(",cell,cnA,1,0\n", "", "cell,krA,3,0.4\n");
    const std::string shock =
        R"("shocks": [{"select": {"countries": ["CHN"]}, "kind": "stop", "start_day": 2}])";
    auto r = test::runJson(*net, R"({"name": "alt", "horizon_days": 10, )" + shock + "}");
    expectSeries(materialOf(r, "cell").supply, steps(10, {{2, 0.0}, {5, 0.4}}));
    EXPECT_NEAR(productOf(r, "car").lostUnits, 6.0, 1e-12);
    EXPECT_EQ(materialOf(r, "cell").firstShortfallDay, 2);
    EXPECT_FALSE(materialOf(r, "cell").recoveryDay); // r stays 0.4 to the end

    // Without alternatives: 8 cars lost (days 2..9).
    r = test::runJson(*net, R"({"name": "alt", "horizon_days": 10, )" + shock +
                                R"(, "mitigations": {"alternatives": false}})");
    EXPECT_NEAR(productOf(r, "car").lostUnits, 8.0, 1e-12);

    // An alternative in China is stopped too: A(cnB) = 0 adds nothing.
    auto cn = oneLink(",cell,cnA,1,0\n", "", "cell,cnB,3,0.4\n");
    r = test::runJson(*cn, R"({"name": "alt", "horizon_days": 10, )" + shock + "}");
    EXPECT_NEAR(productOf(r, "car").lostUnits, 8.0, 1e-12);
}

TEST(ScenarioEngine, AlternativeSupplyIsCappedAtOne) {
    // Half from China, half from Korea; China stops from day 1: S = 0.5 (t0 = 1). The
    // Korean alternative (max_share 0.8, 2 days) lifts S to min(1, 0.5 + 0.8) = 1 from
    // day 3. Lost cars: days 1, 2 at 0.5 each = 1; recovery on day 3.
    auto net = oneLink(",cell,cnA,0.5,0\n,cell,krB,0.5,0\n", "", "cell,krA,2,0.8\n");
    const auto r = test::runJson(*net, R"({"name": "cap", "horizon_days": 6, "shocks": [
        {"select": {"countries": ["CHN"]}, "kind": "stop", "start_day": 1}]})");
    expectSeries(materialOf(r, "cell").supply, steps(6, {{1, 0.5}, {3, 1.0}}));
    EXPECT_NEAR(productOf(r, "car").lostUnits, 1.0, 1e-12);
    EXPECT_EQ(materialOf(r, "cell").recoveryDay, 3);
}

TEST(ScenarioEngine, DisruptionTravelsUpTheTiers) {
    // krA makes cells from cathode (from cnA, lead 3) and electrolyte (from jpA, lead 0); we
    // buy the cells from krA with lead 2. China stops days 1-2; Japan runs at 0.5 on days 5-9.
    // G(krA, cathode, t) = A(cnA, t - 3): 0 on days 4, 5.
    // G(krA, electrolyte, t) = 0.5 on days 5..9.
    // A(krA, cell) = min of both: 0 on 4, 5; 0.5 on 6..9; 1 from 10.
    // S(t) = A(krA, cell, t - 2): 0 on 6, 7; 0.5 on 8..11; 1 from 12.
    // Lost cars 2 + 4 × 0.5 = 4; first shortfall 6, recovery 12.
    auto net = test::networkFromCsv({
        {"countries", test::kTestCountries},
        {"materials", kMaterials},
        {"recipes", "material_id,input_material_id\ncell,cathode\ncell,electrolyte\n"},
        {"suppliers", kSuppliers},
        {"sites", kSites},
        {"products", kCarProduct},
        {"product_bom", kCarBom},
        {"supply", "buyer_site,material_id,supplier_site,share,lead_time_days\n,cell,krA,1,2\n"
                   "krA,cathode,cnA,1,3\nkrA,electrolyte,jpA,1,0\n"},
    });
    const auto r = test::runJson(*net, R"({"name": "tiers", "horizon_days": 15, "shocks": [
        {"select": {"countries": ["CHN"]}, "kind": "stop", "start_day": 1, "duration_days": 2},
        {"select": {"countries": ["JPN"]}, "kind": "capacity", "capacity": 0.5, "start_day": 5,
         "duration_days": 5}]})");
    expectSeries(materialOf(r, "cell").supply, steps(15, {{6, 0.0}, {8, 0.5}, {12, 1.0}}));
    EXPECT_NEAR(productOf(r, "car").lostUnits, 4.0, 1e-12);
    EXPECT_EQ(materialOf(r, "cell").firstShortfallDay, 6);
    EXPECT_EQ(materialOf(r, "cell").recoveryDay, 12);
}

TEST(ScenarioEngine, ShocksMultiplyAndCapacityCuts) {
    // Capacity 0.5 on China days 0..9 and capacity 0.4 on cells days 5..9, both hitting cnA:
    // a = 0.5 on days 0..4, 0.5 · 0.4 = 0.2 on days 5..9. Lost: 5 × 0.5 + 5 × 0.8 = 6.5.
    auto net = oneLink(",cell,cnA,1,0\n");
    const auto r = test::runJson(*net, R"({"name": "mult", "horizon_days": 10, "shocks": [
        {"select": {"countries": ["CHN"]}, "kind": "capacity", "capacity": 0.5},
        {"select": {"materials": ["cell"]}, "kind": "capacity", "capacity": 0.4,
         "start_day": 5}]})");
    expectSeries(materialOf(r, "cell").supply, steps(10, {{0, 0.5}, {5, 0.2}}));
    EXPECT_NEAR(productOf(r, "car").lostUnits, 6.5, 1e-12);
}

TEST(ScenarioEngine, LicenceDelaysAndApprovals) {
    // Licence on China from day 2 (horizon 10): availability 0 for delay_days, then 1 if
    // approved, else 0 to the end of the shock. Lost cars = days at 0.
    auto net = oneLink(",cell,cnA,1,0\n");
    auto lost = [&](const std::string& shockFields) {
        const auto r = test::runJson(*net, R"({"name": "lic", "horizon_days": 10, "shocks": [
            {"select": {"countries": ["CHN"]}, "kind": "licence", "start_day": 2, )" +
                                               shockFields + "}]}");
        return productOf(r, "car").lostUnits;
    };
    EXPECT_NEAR(lost(R"("delay_days": 3)"), 3.0, 1e-12);   // days 2, 3, 4
    EXPECT_NEAR(lost(R"("delay_days": 2.5)"), 3.0, 1e-12); // rounds half up to 3
    EXPECT_NEAR(lost(R"("delay_days": 2.4)"), 2.0, 1e-12); // rounds to 2
    EXPECT_NEAR(lost(R"("delay_days": 3, "approval_probability": 0)"), 8.0, 1e-12); // never
    EXPECT_NEAR(lost(R"("delay_days": 3, "approval_probability": 0, "duration_days": 4)"), 4.0,
                1e-12); // 0 on days 2..5 only: the shock ends
    // Deterministic run: the mode of a triangular delay (4: days 2..5).
    EXPECT_NEAR(lost(R"("delay_days": {"min": 1, "mode": 4, "max": 9})"), 4.0, 1e-12);
    // Deterministic run: an approval probability below 1 counts as refused (SPEC §4; 0.1
    // applied p >= 0.5): 0 from day 2 to the end, 8 days.
    EXPECT_NEAR(lost(R"("delay_days": 3, "approval_probability": 0.99)"), 8.0, 1e-12);
    EXPECT_NEAR(lost(R"("delay_days": 3, "approval_probability": 0.5)"), 8.0, 1e-12);
    EXPECT_NEAR(lost(R"("delay_days": 3, "approval_probability": 1)"), 3.0, 1e-12);
    // A delay longer than the shock: 0 while the shock lasts (days 2..4), then 1.
    EXPECT_NEAR(lost(R"("delay_days": 6, "duration_days": 3)"), 3.0, 1e-12);
    // A delay of 0 with approval: nothing happens.
    EXPECT_NEAR(lost(R"("delay_days": 0)"), 0.0, 1e-12);
}

TEST(ScenarioEngine, ShocksOutsideTheHorizonDoNothing) {
    auto net = oneLink(",cell,cnA,1,0\n");
    const auto r = test::runJson(*net, R"({"name": "none", "horizon_days": 10, "shocks": [
        {"select": {"countries": ["CHN"]}, "kind": "stop", "start_day": 10},
        {"select": {"countries": ["CHN"]}, "kind": "stop", "start_day": 3, "duration_days": 0}]})");
    EXPECT_EQ(productOf(r, "car").lostUnits, 0.0);
    expectSeries(r.dailyOutput, steps(10, {}));
    EXPECT_EQ(r.affectedEntities, 0u);
    EXPECT_FALSE(materialOf(r, "cell").firstShortfallDay);
}

TEST(ScenarioEngine, DailyOutputIsWeightedByRevenue) {
    // car: 365 a year at 1000 (weight 365,000), van: 730 a year at 250 (weight 182,500).
    // Cells (car only) at half supply from day 0, motors (van only) unaffected:
    // daily output = (365,000 · 0.5 + 182,500 · 1) / 547,500 = 2/3.
    // The bike has no price: it weighs nothing and its lost revenue is unknown (NaN).
    auto net = test::networkFromCsv({
        {"countries", test::kTestCountries},
        {"materials", kMaterials},
        {"suppliers", kSuppliers},
        {"sites", kSites},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,365,1000\nvan,Van,730,250\n"
                     "bike,Bike,365,\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\nvan,motor,2\n"
                        "bike,cell,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share\n,cell,cnA,1\n,motor,krA,1\n"},
    });
    const auto r = test::runJson(*net, R"({"name": "w", "horizon_days": 4, "shocks": [
        {"select": {"countries": ["CHN"]}, "kind": "capacity", "capacity": 0.5}]})");
    expectSeries(r.dailyOutput, steps(4, {{0, 2.0 / 3.0}}));
    // need(cell) = 1 (car) + 1 (bike) = 2 a day; r = 0.5; each product loses 0.5 a day.
    EXPECT_DOUBLE_EQ(materialOf(r, "cell").needPerDay, 2.0);
    EXPECT_DOUBLE_EQ(materialOf(r, "motor").needPerDay, 4.0);
    EXPECT_NEAR(productOf(r, "car").lostUnits, 2.0, 1e-12);
    EXPECT_NEAR(productOf(r, "bike").lostUnits, 2.0, 1e-12);
    EXPECT_TRUE(std::isnan(productOf(r, "bike").lostRevenue));
    EXPECT_NEAR(r.totalLostRevenue, 2000.0, 1e-9);
    // Products are listed by id.
    ASSERT_EQ(r.products.size(), 3u);
    EXPECT_EQ(r.products[0].id, "bike");
    EXPECT_EQ(r.products[2].id, "van");
    const std::string json = scenarioResultToJson(r);
    EXPECT_NE(json.find("\"lost_revenue\": null"), std::string::npos) << json;
}

TEST(ScenarioEngine, ExtraInventoryDaysDelayTheShortfall) {
    // Stop from day 0, no lead time: with 3 days of stock r = 1 on days 0, 1, 2 and 0 from
    // day 3; 2 extra days in the mitigations move the first shortfall to day 5.
    auto net = oneLink(",cell,cnA,1,0\n", "cell,3\n");
    const std::string base = R"({"name": "inv", "horizon_days": 10, "shocks": [
        {"select": {"countries": ["CHN"]}, "kind": "stop"}])";
    auto r = test::runJson(*net, base + "}");
    EXPECT_EQ(materialOf(r, "cell").firstShortfallDay, 3);
    EXPECT_NEAR(productOf(r, "car").lostUnits, 7.0, 1e-12);
    r = test::runJson(*net, base + R"(, "mitigations": {"extra_inventory_days": {"cell": 2}}})");
    EXPECT_EQ(materialOf(r, "cell").firstShortfallDay, 5);
    EXPECT_DOUBLE_EQ(materialOf(r, "cell").initialInventory, 5.0);
    EXPECT_NEAR(productOf(r, "car").lostUnits, 5.0, 1e-12);
}

TEST(ScenarioEngine, OnlyWhatAShockReachesIsComputed) {
    // A generated network of ~2,000 sites; a shock on one of our direct suppliers reaches
    // that supplier's node, our group for its material and the unknown-origin part of
    // nothing: three entities at most, however large the network.
    core::synth::GeneratorOptions o;
    o.sites = 2000;
    const core::analysis::Network net(core::synth::generateNetwork(o));
    const auto self = net.selfGroup[size_t(net.topoOrder.back())] != core::analysis::kNone
                          ? net.selfGroup[size_t(net.topoOrder.back())]
                          : net.selfGroup[size_t(net.reportedMaterials.front())];
    ASSERT_NE(self, core::analysis::kNone);
    const auto& link = *net.groupLinks.begin(size_t(self));
    const std::string site = net.sites.id(link.supplierSite);
    const std::string material = net.materials.id(net.groups[size_t(self)].material);
    const auto r = test::runJson(net, R"({"name": "one", "horizon_days": 365, "shocks": [
        {"select": {"sites": [")" + site + R"("], "materials": [")" +
                                          material + R"("]}, "kind": "stop"}],
        "mitigations": {"alternatives": false}})");
    EXPECT_GE(r.affectedEntities, 2u);
    EXPECT_LE(r.affectedEntities, 3u);
    // It arrives after the link's lead time and lowers our supply by the link's share.
    const auto& supply = materialOf(r, material).supply;
    EXPECT_NEAR(supply.at(size_t(link.leadTimeDays)), 1.0 - link.share, 1e-12);
    if (link.leadTimeDays > 0) {
        EXPECT_EQ(supply.at(size_t(link.leadTimeDays - 1)), 1.0);
    }
}

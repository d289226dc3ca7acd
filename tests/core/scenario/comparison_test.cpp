// SPDX-License-Identifier: MIT
// Figures of scenario results (when lines stop, time to survive vs time to recover) and the
// side-by-side comparison, on results written by hand and on small networks whose days are
// worked out in the comments.
#include <cmath>
#include <gtest/gtest.h>

#include "core/scenario/comparison.h"
#include "tests/core/scenario/scenariotestutil.h"

using namespace chokepoint;
using namespace chokepoint::core::scenario;

namespace {

// One product `car`, one material `cell` (need 1 a day, 2 days of stock), 8 days.
ScenarioResult handResult(const std::string& name, double lost, std::vector<double> output,
                          std::vector<double> supply, std::optional<int> shortfall,
                          std::optional<int> recovery) {
    ScenarioResult r;
    r.name = name;
    r.horizonDays = 8;
    r.totalLostRevenue = lost;
    r.lostRevenueP10 = lost * 0.5;
    r.lostRevenueP50 = lost;
    r.lostRevenueP90 = lost * 2.0;
    double lostUnits = 0;
    for (double x : output)
        lostUnits += 1.0 - x;
    r.products.push_back({"car", "Car", lostUnits, lostUnits * 1000.0, output});
    r.dailyOutput = output;
    MaterialOutcome m;
    m.id = "cell";
    m.name = "Cell";
    m.needPerDay = 2.0;
    m.initialInventory = 4.0; // 2 days
    m.firstShortfallDay = shortfall;
    m.recoveryDay = recovery;
    m.supply = std::move(supply);
    m.inventory = {4, 2, 0, 0, 0, 1, 2, 4};
    r.materials.push_back(m);
    MaterialOutcome bought; // bought directly, no need: not in the figures
    bought.id = "aaa";
    bought.supply = std::vector<double>(8, 0.0);
    r.materials.insert(r.materials.begin(), bought);
    return r;
}

} // namespace

TEST(ScenarioFigures, ProductAndMaterialDays) {
    // Output 1, 1, 0.5, 0, 0, 1, 1, 1: short from day 2, stopped from day 3, lowest 0 on 3
    // days short. Supply 1, 0, 0, 0, 0.5, 1, 1, 1: disrupted from day 1, last short day 4 so
    // back on day 5; the fill rate first fell short on day 2 (before day 5): runs out.
    const ScenarioResult r =
        handResult("A", 2500.0, {1, 1, 0.5, 0, 0, 1, 1, 1}, {1, 0, 0, 0, 0.5, 1, 1, 1}, 2, 5);
    const ScenarioFigures f = scenarioFigures(r);
    EXPECT_EQ(f.name, "A");
    EXPECT_DOUBLE_EQ(f.lostRevenue, 2500.0);
    EXPECT_DOUBLE_EQ(f.lostRevenueP90, 5000.0);
    EXPECT_DOUBLE_EQ(f.lostUnits, 2.5);
    EXPECT_DOUBLE_EQ(f.lowestOutput, 0.0);
    EXPECT_EQ(f.lowestOutputDay, 3);
    ASSERT_EQ(f.products.size(), 1u);
    const ProductFigures& car = f.products[0];
    EXPECT_EQ(car.firstShortDay, 2);
    EXPECT_EQ(car.firstStopDay, 3);
    EXPECT_DOUBLE_EQ(car.lowestOutput, 0.0);
    EXPECT_EQ(car.daysShort, 3);
    EXPECT_DOUBLE_EQ(car.lostRevenue, 2500.0);
    ASSERT_EQ(f.materials.size(), 1u); // `aaa` has no need
    const MaterialTimes& cell = f.materials[0];
    EXPECT_EQ(cell.id, "cell");
    EXPECT_DOUBLE_EQ(cell.stockDays, 2.0);
    EXPECT_EQ(cell.disruptionDay, 1);
    EXPECT_EQ(cell.survivalDay, 2);
    EXPECT_EQ(cell.supplyRecoveryDay, 5);
    EXPECT_EQ(cell.recoveryDay, 5);
    EXPECT_TRUE(cell.runsOut);
    EXPECT_TRUE(cell.disrupted());
    // Stock in days of need: inventory / 2.
    MaterialOutcome m = r.materials[1];
    EXPECT_EQ(stockCoverDays(m), (std::vector<double>{2, 1, 0, 0, 0, 0.5, 1, 2}));
    EXPECT_TRUE(stockCoverDays(r.materials[0]).empty());
}

TEST(ScenarioFigures, StockOutlastsTheDisruption) {
    // Supply short on days 1–2 only, no shortfall: survives; supply back on day 3.
    const ScenarioFigures f =
        scenarioFigures(handResult("B", 0.0, std::vector<double>(8, 1.0),
                                   {1, 0.2, 0.2, 1, 1, 1, 1, 1}, std::nullopt, std::nullopt));
    const MaterialTimes& cell = f.materials[0];
    EXPECT_EQ(cell.disruptionDay, 1);
    EXPECT_EQ(cell.supplyRecoveryDay, 3);
    EXPECT_FALSE(cell.survivalDay);
    EXPECT_FALSE(cell.runsOut);
    EXPECT_FALSE(f.products[0].firstShortDay);
    EXPECT_FALSE(f.products[0].firstStopDay);
    EXPECT_FALSE(f.lowestOutputDay);
    EXPECT_DOUBLE_EQ(f.lowestOutput, 1.0);
}

TEST(ScenarioFigures, SupplyNotBackWithinTheHorizon) {
    const ScenarioFigures f = scenarioFigures(handResult(
        "C", 1.0, {1, 1, 1, 1, 0.4, 0.4, 0.4, 0.4}, {1, 1, 0, 0, 0, 0, 0, 0.5}, 4, std::nullopt));
    const MaterialTimes& cell = f.materials[0];
    EXPECT_EQ(cell.disruptionDay, 2);
    EXPECT_FALSE(cell.supplyRecoveryDay);
    EXPECT_EQ(cell.survivalDay, 4);
    EXPECT_TRUE(cell.runsOut);
    EXPECT_EQ(f.products[0].firstShortDay, 4);
    EXPECT_FALSE(f.products[0].firstStopDay); // never at 0
    EXPECT_DOUBLE_EQ(f.products[0].lowestOutput, 0.4);
}

TEST(ScenarioFigures, FromTheEngine) {
    // cnA sells us all our cells (need 1 a day), 2 days of stock; a stop on days 2..6 gives
    // S = 0 on days 2..6. Stock covers days 2 and 3; days 4, 5, 6 are short (3 cars lost,
    // $3,000); supply is back on day 7 and the fill rate too.
    auto net = test::networkFromCsv({
        {"countries", test::kTestCountries},
        {"materials", "id,name,stage\ncell,Cell,cell\n"},
        {"suppliers", "id,name\nsupCN,CN\n"},
        {"sites", "id,supplier_id,country\ncnA,supCN,CHN\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,365,1000\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share\n,cell,cnA,1\n"},
        {"inventory", "material_id,days_on_hand\ncell,2\n"},
    });
    const auto r = test::runJson(*net, R"({"name": "stop", "horizon_days": 12, "shocks": [
        {"select": {"countries": ["CHN"]}, "kind": "stop", "start_day": 2, "duration_days": 5}]})");
    const ScenarioFigures f = scenarioFigures(r);
    ASSERT_EQ(f.materials.size(), 1u);
    EXPECT_EQ(f.materials[0].disruptionDay, 2);
    EXPECT_EQ(f.materials[0].survivalDay, 4);
    EXPECT_EQ(f.materials[0].supplyRecoveryDay, 7);
    EXPECT_EQ(f.materials[0].recoveryDay, 7);
    EXPECT_DOUBLE_EQ(f.materials[0].stockDays, 2.0);
    EXPECT_TRUE(f.materials[0].runsOut);
    EXPECT_EQ(f.products[0].firstShortDay, 4);
    EXPECT_EQ(f.products[0].firstStopDay, 4);
    EXPECT_EQ(f.products[0].daysShort, 3);
    EXPECT_DOUBLE_EQ(f.lostRevenue, 3000.0);
    EXPECT_DOUBLE_EQ(f.lostUnits, 3.0);
}

TEST(Comparison, DeltasAgainstTheFirstScenario) {
    const ScenarioFigures a = scenarioFigures(handResult(
        "Licence as is", 2500.0, {1, 1, 0.5, 0, 0, 1, 1, 1}, {1, 0, 0, 0, 0.5, 1, 1, 1}, 2, 5));
    const ScenarioFigures b = scenarioFigures(handResult(
        "More stock", 1000.0, {1, 1, 1, 1, 0, 1, 1, 1}, {1, 0, 0, 0, 0.5, 1, 1, 1}, 4, 5));
    const ScenarioFigures c =
        scenarioFigures(handResult("No shortfall", 0.0, std::vector<double>(8, 1.0),
                                   {1, 0.2, 1, 1, 1, 1, 1, 1}, std::nullopt, std::nullopt));
    const Comparison cmp = compareScenarios({a, b, c});
    EXPECT_EQ(cmp.names, (std::vector<std::string>{"Licence as is", "More stock", "No shortfall"}));

    const ComparisonRow* lost = cmp.row("lost_revenue");
    ASSERT_TRUE(lost);
    EXPECT_EQ(lost->unit, FigureUnit::Money);
    EXPECT_EQ(lost->values, (std::vector<std::optional<double>>{2500.0, 1000.0, 0.0}));
    EXPECT_EQ(lost->deltas, (std::vector<std::optional<double>>{std::nullopt, -1500.0, -2500.0}));
    // P90 = 2 × the mean in handResult: 5000, 2000, 0.
    EXPECT_EQ(cmp.row("lost_revenue_p90")->deltas[1], -3000.0);
    // Lost units: 2.5, 1, 0.
    EXPECT_EQ(cmp.row("lost_units")->deltas[2], -2.5);
    EXPECT_EQ(cmp.row("lowest_output")->values,
              (std::vector<std::optional<double>>{0.0, 0.0, 1.0}));

    // Days: "none" has no delta.
    const ComparisonRow* stop = cmp.row("product:car:stop_day");
    ASSERT_TRUE(stop);
    EXPECT_EQ(stop->unit, FigureUnit::Day);
    EXPECT_EQ(stop->label, "Car: line stops");
    EXPECT_EQ(stop->values, (std::vector<std::optional<double>>{3.0, 4.0, std::nullopt}));
    EXPECT_EQ(stop->deltas, (std::vector<std::optional<double>>{std::nullopt, 1.0, std::nullopt}));
    const ComparisonRow* survival = cmp.row("material:cell:survival");
    ASSERT_TRUE(survival);
    EXPECT_EQ(survival->values, (std::vector<std::optional<double>>{2.0, 4.0, std::nullopt}));
    EXPECT_EQ(survival->deltas[1], 2.0);
    const ComparisonRow* back = cmp.row("material:cell:supply_recovery");
    EXPECT_EQ(back->values, (std::vector<std::optional<double>>{5.0, 5.0, 2.0}));
    EXPECT_EQ(back->deltas, (std::vector<std::optional<double>>{std::nullopt, 0.0, -3.0}));
    EXPECT_EQ(cmp.row("product:car:lost_revenue")->values[0], 2500.0);
    EXPECT_EQ(cmp.row("nothing"), nullptr);

    // Row order: totals, then per product, then per material.
    ASSERT_GE(cmp.rows.size(), 12u);
    EXPECT_EQ(cmp.rows[0].key, "lost_revenue");
    EXPECT_EQ(cmp.rows[5].key, "lowest_output");
    EXPECT_EQ(cmp.rows[6].key, "product:car:lost_revenue");
    EXPECT_EQ(cmp.rows[10].key, "material:cell:survival");
    EXPECT_EQ(cmp.rows.size(), 12u);
}

TEST(Comparison, ProductsWithoutPriceHaveNoRevenueValue) {
    ScenarioResult r = handResult("A", 0.0, std::vector<double>(8, 1.0),
                                  std::vector<double>(8, 1.0), std::nullopt, std::nullopt);
    r.products[0].lostRevenue = std::nan("");
    const Comparison cmp = compareScenarios({scenarioFigures(r), scenarioFigures(r)});
    EXPECT_EQ(cmp.row("product:car:lost_revenue")->values,
              (std::vector<std::optional<double>>{std::nullopt, std::nullopt}));
    EXPECT_EQ(cmp.row("product:car:lost_revenue")->deltas[1], std::nullopt);
}

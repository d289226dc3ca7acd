// SPDX-License-Identifier: MIT
// Sensitivity on a network where lost revenue is known in closed form: one product `car`
// (365 a year, $1,000 each: one car a day) needing one `cell` a day, all bought from cnA in
// China without lead time, no stock unless a test adds it. Every day without cells loses
// $1,000.
#include <gtest/gtest.h>
#include <stop_token>

#include "core/scenario/scenarioparser.h"
#include "core/scenario/sensitivity.h"
#include "tests/core/scenario/scenariotestutil.h"

using namespace chokepoint;
using namespace chokepoint::core::scenario;

namespace {

std::unique_ptr<core::analysis::Network> network() {
    return test::networkFromCsv({
        {"countries", test::kTestCountries},
        {"materials", "id,name,stage\ncell,Cell,cell\n"},
        {"suppliers", "id,name\nsupCN,CN\nsupKR,KR\n"},
        {"sites", "id,supplier_id,country\ncnA,supCN,CHN\nkrA,supKR,KOR\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,365,1000\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share\n,cell,cnA,1\n"},
        {"alternatives", "material_id,site_id,qualification_days,max_share\ncell,krA,5,0.5\n"},
    });
}

Scenario parse(const core::analysis::Network& net, const std::string& json) {
    auto r = parseScenario(json, net);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.errorString());
    return r ? *r : Scenario{};
}

const SensitivityBar& barOf(const SensitivityResult& r, ParameterKind kind) {
    for (const auto& b : r.bars)
        if (b.parameter.kind == kind)
            return b;
    static SensitivityBar none;
    ADD_FAILURE() << "no bar of kind " << int(kind);
    return none;
}

} // namespace

TEST(Sensitivity, StopDurationIsLinear) {
    // A stop from day 0 for D days loses D cars: $1,000 · D. D = 20 as written; 10 and 40.
    auto net = network();
    const Scenario s = parse(*net, R"({"name": "stop", "horizon_days": 100,
        "mitigations": {"alternatives": false},
        "shocks": [{"select": {"countries": ["CHN"]}, "kind": "stop", "duration_days": 20}]})");
    auto r = runSensitivity(*net, s, {{ParameterKind::Duration, 0, {}, 10, 40}});
    ASSERT_TRUE(r.ok()) << r.errorString();
    EXPECT_FALSE(r->cancelled);
    EXPECT_DOUBLE_EQ(r->baseLostRevenue, 20000.0);
    ASSERT_EQ(r->bars.size(), 1u);
    EXPECT_DOUBLE_EQ(r->bars[0].lowLostRevenue, 10000.0);
    EXPECT_DOUBLE_EQ(r->bars[0].highLostRevenue, 40000.0);
    EXPECT_DOUBLE_EQ(r->bars[0].swing(), 30000.0);
    EXPECT_EQ(r->bars[0].label, "Shock 1: duration (days)");
}

TEST(Sensitivity, CapacityIsLinear) {
    // Capacity c for the whole 100-day horizon: output c every day, loss (1 − c) · $100,000.
    auto net = network();
    const Scenario s = parse(*net, R"({"name": "cap", "horizon_days": 100,
        "mitigations": {"alternatives": false},
        "shocks": [{"label": "half", "select": {"sites": ["cnA"]}, "kind": "capacity",
                    "capacity": 0.5}]})");
    auto r = runSensitivity(*net, s, {{ParameterKind::Capacity, 0, {}, 0.2, 0.8}});
    ASSERT_TRUE(r.ok()) << r.errorString();
    EXPECT_NEAR(r->baseLostRevenue, 50000.0, 1e-6);
    EXPECT_NEAR(r->bars[0].lowLostRevenue, 80000.0, 1e-6);
    EXPECT_NEAR(r->bars[0].highLostRevenue, 20000.0, 1e-6);
    EXPECT_EQ(r->bars[0].label, "Shock 1 (half): capacity");
}

TEST(Sensitivity, LicenceDelayApprovalAndTheirOrder) {
    // Licence from day 0, delay d (deterministic: the mode), approval p (deterministic: an
    // approval probability below 1 counts as refused) to the horizon of 100 days. Approved: d
    // days lost; refused: all 100 days lost.
    //   delay 10 (as written, approved) -> $10,000; 5 -> $5,000; 15 -> $15,000 (swing $10,000);
    //   approval 0.25 -> refused, $100,000; 1 -> approved, $10,000 (swing $90,000).
    auto net = network();
    const Scenario s = parse(*net, R"({"name": "lic", "horizon_days": 100,
        "mitigations": {"alternatives": false},
        "shocks": [{"select": {"countries": ["CHN"]}, "kind": "licence",
                    "delay_days": {"min": 2, "mode": 10, "max": 20},
                    "approval_probability": 1}]})");
    auto r = runSensitivity(*net, s,
                            {{ParameterKind::Delay, 0, {}, 5, 15},
                             {ParameterKind::ApprovalProbability, 0, {}, 0.25, 1.0}});
    ASSERT_TRUE(r.ok()) << r.errorString();
    EXPECT_DOUBLE_EQ(r->baseLostRevenue, 10000.0);
    ASSERT_EQ(r->bars.size(), 2u);
    // The largest swing first.
    EXPECT_EQ(r->bars[0].parameter.kind, ParameterKind::ApprovalProbability);
    EXPECT_DOUBLE_EQ(r->bars[0].lowLostRevenue, 100000.0);
    EXPECT_DOUBLE_EQ(r->bars[0].highLostRevenue, 10000.0);
    EXPECT_DOUBLE_EQ(barOf(*r, ParameterKind::Delay).lowLostRevenue, 5000.0);
    EXPECT_DOUBLE_EQ(barOf(*r, ParameterKind::Delay).highLostRevenue, 15000.0);

    // Any approval below 1 is refused in the deterministic run: 0.6 is as bad as 0.
    const Scenario refused = parse(*net, R"({"name": "lic", "horizon_days": 100,
        "mitigations": {"alternatives": false},
        "shocks": [{"select": {"countries": ["CHN"]}, "kind": "licence",
                    "delay_days": 10, "approval_probability": 0.6}]})");
    auto q = runSensitivity(*net, refused, {{ParameterKind::Delay, 0, {}, 5, 15}});
    ASSERT_TRUE(q.ok()) << q.errorString();
    EXPECT_DOUBLE_EQ(q->baseLostRevenue, 100000.0);
    EXPECT_DOUBLE_EQ(q->bars[0].lowLostRevenue, 100000.0);
    EXPECT_DOUBLE_EQ(q->bars[0].highLostRevenue, 100000.0);
}

TEST(Sensitivity, DelayMovesTheTriangleWithItsMode) {
    auto net = network();
    const Scenario s = parse(*net, R"({"name": "lic", "shocks": [{"select": {}, "kind":
        "licence", "delay_days": {"min": 2, "mode": 10, "max": 20}}, {"select": {}, "kind":
        "licence", "delay_days": 7}]})");
    const SensitivityParameter first{ParameterKind::Delay, 0, {}, 5, 15};
    // 10 -> 5: shift −5; min 2 − 5 stays at 0, max 20 − 5 = 15.
    EXPECT_EQ(withParameter(s, first, 5).shocks[0].delayDays, Delay::triangle(0, 5, 15));
    EXPECT_EQ(withParameter(s, first, 15.4).shocks[0].delayDays, Delay::triangle(7, 15, 25));
    const SensitivityParameter second{ParameterKind::Delay, 1, {}, 0, 0};
    EXPECT_EQ(withParameter(s, second, 2.5).shocks[1].delayDays, Delay::fixed(3));
    EXPECT_DOUBLE_EQ(parameterBaseValue(s, first), 10.0);
    EXPECT_DOUBLE_EQ(parameterBaseValue(s, second), 7.0);
}

TEST(Sensitivity, MitigationsExtraStockAndAlternatives) {
    // Stop for 20 days from day 0. Extra stock of E days covers E of them: (20 − E) · $1,000;
    // 0 -> $20,000, 15 -> $5,000.
    // Alternatives: with a 100-day stop, krA can take 50 % from day 5: 5 days lost fully and
    // 95 days at half output = $5,000 + $47,500 = $52,500; without: $100,000.
    auto net = network();
    const Scenario stop20 = parse(*net, R"({"name": "s", "horizon_days": 100,
        "mitigations": {"alternatives": false},
        "shocks": [{"select": {"countries": ["CHN"]}, "kind": "stop", "duration_days": 20}]})");
    auto stock = runSensitivity(*net, stop20, {{ParameterKind::ExtraInventory, -1, "cell", 0, 15}});
    ASSERT_TRUE(stock.ok()) << stock.errorString();
    EXPECT_DOUBLE_EQ(stock->bars[0].lowLostRevenue, 20000.0);
    EXPECT_DOUBLE_EQ(stock->bars[0].highLostRevenue, 5000.0);
    EXPECT_EQ(stock->bars[0].label, "Extra stock of Cell (days)");

    const Scenario stopAll = parse(*net, R"({"name": "s", "horizon_days": 100,
        "shocks": [{"select": {"countries": ["CHN"]}, "kind": "stop"}]})");
    auto alt = runSensitivity(*net, stopAll, {{ParameterKind::Alternatives, -1, {}, 0, 1}});
    ASSERT_TRUE(alt.ok()) << alt.errorString();
    EXPECT_DOUBLE_EQ(alt->baseLostRevenue, 52500.0); // alternatives on by default
    EXPECT_DOUBLE_EQ(alt->bars[0].lowLostRevenue, 100000.0);
    EXPECT_DOUBLE_EQ(alt->bars[0].highLostRevenue, 52500.0);
}

TEST(Sensitivity, MonteCarloPointsUseTheScenariosRuns) {
    // A fixed delay of 5 days, always approved: every run loses $5,000, so the mean does too;
    // delay 8 -> $8,000. Progress counts (2 · 1 + 1) · 40 runs.
    auto net = network();
    const Scenario s = parse(*net, R"({"name": "mc", "horizon_days": 50, "runs": 40,
        "seed": 7, "mitigations": {"alternatives": false},
        "shocks": [{"select": {"countries": ["CHN"]}, "kind": "licence", "delay_days": 5}]})");
    SensitivityOptions options;
    options.monteCarlo = true;
    options.run.threads = 2;
    int last = 0, total = 0, calls = 0;
    options.run.progress = [&](int done, int all) {
        EXPECT_GT(done, last);
        last = done;
        total = all;
        ++calls;
    };
    auto r = runSensitivity(*net, s, {{ParameterKind::Delay, 0, {}, 2, 8}}, options);
    ASSERT_TRUE(r.ok()) << r.errorString();
    EXPECT_EQ(r->runsPerPoint, 40);
    EXPECT_EQ(total, 120);
    EXPECT_EQ(last, 120);
    EXPECT_EQ(calls, 120);
    EXPECT_DOUBLE_EQ(r->baseLostRevenue, 5000.0);
    EXPECT_DOUBLE_EQ(r->bars[0].lowLostRevenue, 2000.0);
    EXPECT_DOUBLE_EQ(r->bars[0].highLostRevenue, 8000.0);

    // Deterministic mode: one run per point.
    options.monteCarlo = false;
    last = 0;
    auto d = runSensitivity(*net, s, {{ParameterKind::Delay, 0, {}, 2, 8}}, options);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->runsPerPoint, 1);
    EXPECT_EQ(total, 3);
}

TEST(Sensitivity, ParametersThatDoNotFitAreErrors) {
    auto net = network();
    const Scenario s = parse(*net, R"({"name": "s", "shocks": [{"select": {}, "kind": "stop"},
        {"select": {}, "kind": "capacity", "capacity": 0.5}]})");
    auto capOfStop = runSensitivity(*net, s, {{ParameterKind::Capacity, 0, {}, 0, 1}});
    ASSERT_FALSE(capOfStop.ok());
    EXPECT_NE(capOfStop.errorString().find("not a capacity shock"), std::string::npos);
    EXPECT_FALSE(runSensitivity(*net, s, {{ParameterKind::Delay, 1, {}, 0, 1}}).ok());
    EXPECT_FALSE(runSensitivity(*net, s, {{ParameterKind::Duration, 5, {}, 0, 1}}).ok());
    auto tooHigh = runSensitivity(*net, s, {{ParameterKind::Capacity, 1, {}, 0.5, 1.5}});
    ASSERT_FALSE(tooHigh.ok());
    EXPECT_NE(tooHigh.errorString().find("shocks[1].capacity"), std::string::npos)
        << tooHigh.errorString();
    auto unknown = runSensitivity(*net, s, {{ParameterKind::ExtraInventory, -1, "nope", 0, 1}});
    EXPECT_FALSE(unknown.ok());
}

TEST(Sensitivity, StopRequestCancels) {
    auto net = network();
    const Scenario s = parse(*net, R"({"name": "s", "runs": 50, "shocks": [{"select": {},
        "kind": "licence", "delay_days": {"min": 1, "mode": 5, "max": 9}}]})");
    std::stop_source stop;
    stop.request_stop();
    SensitivityOptions options;
    options.monteCarlo = true;
    options.run.stop = stop.get_token();
    auto r = runSensitivity(*net, s, {{ParameterKind::Delay, 0, {}, 1, 9}}, options);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->cancelled);
    EXPECT_TRUE(r->bars.empty());
}

TEST(Sensitivity, DefaultParameters) {
    // Licence (mode 31, p 0.6): delay 16 … 47 (31 · 0.5 = 15.5 rounds up; 46.5 -> 47),
    // approval 0.35 … 0.85, duration (none: 365 − 0 days) 183 … 365 (182.5 rounds up).
    // Capacity 0.355 for 90 days from day 10: 0.105 … 0.605, duration 45 … 135.
    // Mitigations: 14 extra days of cell -> 0 … 28; then `cell` is the only BOM material;
    // alternatives off/on.
    auto net = network();
    const Scenario s = parse(*net, R"({"name": "d", "shocks": [
        {"select": {}, "kind": "licence", "delay_days": {"min": 15, "mode": 31, "max": 63},
         "approval_probability": 0.6},
        {"select": {}, "kind": "capacity", "capacity": 0.355, "start_day": 10,
         "duration_days": 90}],
        "mitigations": {"extra_inventory_days": {"cell": 14}}})");
    const auto p = defaultParameters(s, *net);
    ASSERT_EQ(p.size(), 7u);
    EXPECT_EQ(p[0], (SensitivityParameter{ParameterKind::Delay, 0, {}, 16, 47}));
    EXPECT_EQ(p[1].kind, ParameterKind::ApprovalProbability);
    EXPECT_NEAR(p[1].low, 0.35, 1e-12);
    EXPECT_NEAR(p[1].high, 0.85, 1e-12);
    EXPECT_EQ(p[2], (SensitivityParameter{ParameterKind::Duration, 0, {}, 183, 365}));
    EXPECT_EQ(p[3].kind, ParameterKind::Capacity);
    EXPECT_NEAR(p[3].low, 0.105, 1e-12);
    EXPECT_NEAR(p[3].high, 0.605, 1e-12);
    EXPECT_EQ(p[4], (SensitivityParameter{ParameterKind::Duration, 1, {}, 45, 135}));
    EXPECT_EQ(p[5], (SensitivityParameter{ParameterKind::ExtraInventory, -1, "cell", 0, 28}));
    EXPECT_EQ(p[6], (SensitivityParameter{ParameterKind::Alternatives, -1, {}, 0, 1}));
    // Every default runs (they are all valid).
    EXPECT_TRUE(runSensitivity(*net, s, p).ok());
}

// SPDX-License-Identifier: MIT
#include <atomic>
#include <chrono>
#include <cmath>
#include <gtest/gtest.h>
#include <map>

#include "core/scenario/random.h"
#include "core/scenario/scenarioevaluator.h"
#include "core/scenario/scenarioparser.h"
#include "core/scenario/scenarioplan.h"
#include "tests/core/scenario/scenariotestutil.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using namespace chokepoint::core::scenario;

namespace {

// We buy all cells from a Chinese site (lead 0, no stock); one car a day at unit price 1.
// A licence shock from day 0 makes availability 0 for D days (D drawn per run), then 1:
// the lost revenue of a run is exactly D (as long as D < horizon).
std::unique_ptr<core::analysis::Network> licenceNet() {
    return test::networkFromCsv({
        {"countries", test::kTestCountries},
        {"materials", "id,name,stage\ncell,Cell,cell\n"},
        {"suppliers", "id,name\nA,A\n"},
        {"sites", "id,supplier_id,country\ncn,A,CHN\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,365,1\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share\n,cell,cn,1\n"},
    });
}

std::string licenceScenario(int runs, uint64_t seed, const std::string& delay,
                            double approval = 1.0, int horizon = 200) {
    return R"({"name": "mc", "horizon_days": )" + std::to_string(horizon) + R"(, "runs": )" +
           std::to_string(runs) + R"(, "seed": )" + std::to_string(seed) +
           R"(, "shocks": [{"select": {"countries": ["CHN"]}, "kind": "licence",
                "delay_days": )" +
           delay + R"(, "approval_probability": )" + std::to_string(approval) + "}]}";
}

// A network with some depth for the determinism checks: the small worked example.
std::unique_ptr<core::analysis::Network> smallNetwork() {
    return std::make_unique<core::analysis::Network>(
        test::datasetFromFolder(test::dataDir() + "/small-network/data"));
}

const char* kMixedShocks = R"({"name": "mixed", "as_of": "2025-08-01", "horizon_days": 200,
    "runs": 60, "seed": 11, "shocks": [
      {"select": {"countries": ["CHN"], "controlled": true}, "kind": "licence", "start_day": 5,
       "delay_days": {"min": 10, "mode": 40, "max": 120}, "approval_probability": 0.7},
      {"select": {"technologies": ["t2"]}, "kind": "licence",
       "delay_days": {"min": 0, "mode": 20, "max": 60}, "approval_probability": 0.9},
      {"select": {"countries": ["COD"]}, "kind": "capacity", "capacity": 0.6, "start_day": 20,
       "duration_days": 50}]})";

} // namespace

TEST(ScenarioMonteCarlo, SameSeedSameNumbersOnOneOrTwoThreads) {
    auto net = smallNetwork();
    RunOptions one, two;
    one.threads = 1;
    two.threads = 2;
    const auto a = test::runJson(*net, kMixedShocks, one);
    const auto b = test::runJson(*net, kMixedShocks, two);
    ASSERT_FALSE(a.cancelled);
    EXPECT_GT(a.variableEntities, 0u);
    EXPECT_EQ(a.runLostRevenue, b.runLostRevenue); // bit for bit
    EXPECT_EQ(a.dailyOutput, b.dailyOutput);
    EXPECT_EQ(a.dailyOutputP10, b.dailyOutputP10);
    EXPECT_EQ(a.dailyOutputP90, b.dailyOutputP90);
    EXPECT_EQ(a.medianRun, b.medianRun);
    EXPECT_EQ(scenarioResultToJson(a), scenarioResultToJson(b));
    // The runs differ from each other (the draws matter).
    std::vector<double> sorted = a.runLostRevenue;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_LT(sorted.front(), sorted.back());

    // Another seed gives other draws.
    std::string other = kMixedShocks;
    other.replace(other.find("\"seed\": 11"), 10, "\"seed\": 12");
    const auto c = test::runJson(*net, other, one);
    EXPECT_NE(a.runLostRevenue, c.runLostRevenue);
}

TEST(ScenarioMonteCarlo, MedianRunCarriesTheDetails) {
    auto net = smallNetwork();
    const auto r = test::runJson(*net, kMixedShocks);
    // The median run has the lower-median lost revenue.
    std::vector<double> sorted = r.runLostRevenue;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(r.runLostRevenue[size_t(r.medianRun)], sorted[(sorted.size() - 1) / 2]);
    // Its product outputs add up to its lost revenue.
    double lost = 0.0;
    for (size_t p = 0; p < r.products.size(); ++p) {
        double units = 0.0;
        for (const double x : r.products[p].output)
            units += (1.0 - x) * net->productVolume[size_t(net->products.find(r.products[p].id))] /
                     365.0;
        lost += units * net->productPrice[size_t(net->products.find(r.products[p].id))];
    }
    EXPECT_NEAR(lost, r.runLostRevenue[size_t(r.medianRun)], 1e-6 * (1.0 + lost));
    // Products carry means over runs: they add up to the mean lost revenue.
    double mean = 0.0;
    for (const auto& p : r.products)
        mean += p.lostRevenue;
    EXPECT_NEAR(mean, r.totalLostRevenue, 1e-6 * (1.0 + mean));
    // Bands are ordered.
    for (size_t t = 0; t < r.dailyOutput.size(); ++t) {
        EXPECT_LE(r.dailyOutputP10[t], r.dailyOutput[t]);
        EXPECT_LE(r.dailyOutput[t], r.dailyOutputP90[t]);
    }
}

TEST(ScenarioMonteCarlo, TriangularDelayQuantiles) {
    // D ~ round(triangular(10, 40, 100)); lost revenue = D. F(mode) = 30/90 = 1/3.
    // Q(0.1) = 10 + sqrt(0.1 · 90 · 30) = 10 + sqrt(270) = 26.43
    // Q(0.5) = 100 - sqrt(0.5 · 90 · 60) = 100 - sqrt(2700) = 48.04
    // Q(0.9) = 100 - sqrt(0.1 · 90 · 60) = 100 - sqrt(540) = 76.76
    // mean = (10 + 40 + 100) / 3 = 50.
    // With 4000 runs the standard errors are about 0.4 (P10, P50), 0.55 (P90), 0.3 (mean);
    // rounding to whole days adds at most 0.5.
    auto net = licenceNet();
    const auto r =
        test::runJson(*net, licenceScenario(4000, 2024, R"({"min": 10, "mode": 40, "max": 100})"));
    ASSERT_EQ(r.runLostRevenue.size(), 4000u);
    for (const double v : r.runLostRevenue) {
        EXPECT_EQ(v, std::round(v)); // whole days
        EXPECT_GE(v, 10.0);
        EXPECT_LE(v, 100.0);
    }
    EXPECT_NEAR(r.lostRevenueP10, 10.0 + std::sqrt(270.0), 2.5);
    EXPECT_NEAR(r.lostRevenueP50, 100.0 - std::sqrt(2700.0), 2.5);
    EXPECT_NEAR(r.lostRevenueP90, 100.0 - std::sqrt(540.0), 2.5);
    EXPECT_NEAR(r.totalLostRevenue, 50.0, 1.5);

    // Daily output bands: on day 20, P(D <= 20) = P(T < 20.5) = 10.5² / 2700 = 0.04, so
    // nearly all runs still produce nothing: P90 = 0. On day 80, P(T < 80.5) =
    // 1 - 19.5² / 5400 = 0.93: P10 = 1. On day 40, P(T < 40.5) = 1/3 + ... ≈ 0.34: P10 = 0,
    // P50 = 0, P90 = 1.
    EXPECT_EQ(r.dailyOutputP90[20], 0.0);
    EXPECT_EQ(r.dailyOutputP10[80], 1.0);
    EXPECT_EQ(r.dailyOutputP10[40], 0.0);
    EXPECT_EQ(r.dailyOutput[40], 0.0);
    EXPECT_EQ(r.dailyOutputP90[40], 1.0);
    // The reported material comes from the median run: shortfall from day 0 until D.
    const auto& cell = test::materialOf(r, "cell");
    EXPECT_EQ(cell.firstShortfallDay, 0);
    EXPECT_EQ(cell.recoveryDay, int(r.runLostRevenue[size_t(r.medianRun)]));
}

TEST(ScenarioMonteCarlo, ApprovalProbability) {
    // Delay 10; approved with p = 0.3 (lost 10), else 0 to the end (lost 100, horizon 100).
    // mean = 0.3 · 10 + 0.7 · 100 = 73 (standard error 90 · sqrt(0.21 / 4000) = 0.65).
    // P10 = 10 (30 % of the runs lose 10), P90 = 100.
    auto net = licenceNet();
    auto r = test::runJson(*net, licenceScenario(4000, 5, "10", 0.3, 100));
    EXPECT_NEAR(r.totalLostRevenue, 73.0, 3.0);
    EXPECT_EQ(r.lostRevenueP10, 10.0);
    EXPECT_EQ(r.lostRevenueP90, 100.0);
    size_t approved = 0;
    for (const double v : r.runLostRevenue) {
        EXPECT_TRUE(v == 10.0 || v == 100.0) << v;
        approved += v == 10.0;
    }
    EXPECT_NEAR(double(approved) / 4000.0, 0.3, 0.03);

    // p = 0: never approved, every run loses the whole horizon.
    r = test::runJson(*net, licenceScenario(50, 5, "10", 0.0, 100));
    for (const double v : r.runLostRevenue)
        EXPECT_EQ(v, 100.0);
    EXPECT_EQ(r.totalLostRevenue, 100.0);
    EXPECT_EQ(r.variableEntities, 0u); // nothing random: no per-run work
}

TEST(ScenarioMonteCarlo, ProgressAndCancellation) {
    auto net = licenceNet();
    std::vector<int> seen;
    RunOptions options;
    options.threads = 2;
    options.progress = [&](int done, int total) {
        EXPECT_EQ(total, 200);
        seen.push_back(done);
    };
    auto r =
        test::runJson(*net, licenceScenario(200, 1, R"({"min": 1, "mode": 5, "max": 9})"), options);
    ASSERT_EQ(seen.size(), 200u);
    for (size_t i = 0; i < seen.size(); ++i)
        EXPECT_EQ(seen[i], int(i) + 1);

    // Stop requested before the start: nothing is computed.
    std::stop_source early;
    early.request_stop();
    options.progress = nullptr;
    options.stop = early.get_token();
    r = test::runJson(*net, licenceScenario(200, 1, "5"), options);
    EXPECT_TRUE(r.cancelled);
    EXPECT_TRUE(r.runLostRevenue.empty());
    EXPECT_TRUE(r.products.empty());
    EXPECT_NE(scenarioResultToJson(r).find("\"cancelled\": true"), std::string::npos);

    // Stop from the progress callback after a few of 20,000 runs: returns promptly.
    std::stop_source source;
    options.stop = source.get_token();
    std::atomic<int> calls{0};
    options.progress = [&](int done, int) {
        ++calls;
        if (done == 5)
            source.request_stop();
    };
    const auto start = std::chrono::steady_clock::now();
    r = test::runJson(*net,
                      licenceScenario(20000, 1, R"({"min": 1, "mode": 50, "max": 150})", 0.5, 200),
                      options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_TRUE(r.cancelled);
    EXPECT_LT(calls.load(), 100);
    EXPECT_LT(seconds, 5.0);
    EXPECT_TRUE(r.dailyOutput.empty());
}

TEST(ScenarioMonteCarlo, SingleRunIsDeterministicAndIgnoresTheSeed) {
    // runs = 1: the mode (40) and an approval probability below 1 counts as refused (SPEC §4),
    // whatever the seed: 40 days without cells, then refused to the end of the 200-day
    // horizon: 200 cars at $1 lost.
    auto net = licenceNet();
    const auto a =
        test::runJson(*net, licenceScenario(1, 1, R"({"min": 10, "mode": 40, "max": 100})", 0.6));
    const auto b =
        test::runJson(*net, licenceScenario(1, 99, R"({"min": 10, "mode": 40, "max": 100})", 0.6));
    EXPECT_EQ(a.totalLostRevenue, 200.0);
    EXPECT_EQ(b.totalLostRevenue, 200.0);
    EXPECT_EQ(a.lostRevenueP10, 200.0);
    EXPECT_EQ(a.lostRevenueP90, 200.0);
    // Approval 1: approved after the mode: 40 cars lost.
    const auto c =
        test::runJson(*net, licenceScenario(1, 5, R"({"min": 10, "mode": 40, "max": 100})", 1.0));
    EXPECT_EQ(c.totalLostRevenue, 40.0);
}

TEST(ScenarioRandom, ReferenceValues) {
    // SplitMix64 from state 0: first outputs published with the reference implementation.
    uint64_t state = 0;
    EXPECT_EQ(splitMix64(state), 0xe220a8397b1dcdafULL);
    EXPECT_EQ(splitMix64(state), 0x6e789e6aa1b965f4ULL);
    EXPECT_EQ(splitMix64(state), 0x06c45d188009454fULL);
    // Uniform draws lie in [0, 1) and have mean 1/2.
    Random random(7);
    double sum = 0.0;
    for (int i = 0; i < 100000; ++i) {
        const double u = random.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        sum += u;
    }
    EXPECT_NEAR(sum / 100000.0, 0.5, 0.005);
    // Streams of runs are independent of each other and reproducible.
    EXPECT_EQ(Random::forRun(1, 0).next(), Random::forRun(1, 0).next());
    EXPECT_NE(Random::forRun(1, 0).next(), Random::forRun(1, 1).next());
    EXPECT_NE(Random::forRun(1, 0).next(), Random::forRun(2, 0).next());
}

TEST(ScenarioRandom, TriangularAndQuantiles) {
    // Triangular(0, 1, 4): F(1) = 1/4. Q(0.25) = 1; Q(0.01) = sqrt(0.01 · 4 · 1) = 0.2;
    // Q(0.91) = 4 - sqrt(0.09 · 4 · 3) = 4 - sqrt(1.08).
    EXPECT_NEAR(triangularQuantile(0.25, 0, 1, 4), 1.0, 1e-12);
    EXPECT_NEAR(triangularQuantile(0.01, 0, 1, 4), 0.2, 1e-12);
    EXPECT_NEAR(triangularQuantile(0.91, 0, 1, 4), 4.0 - std::sqrt(1.08), 1e-12);
    EXPECT_EQ(triangularQuantile(0.0, 2, 5, 9), 2.0);
    EXPECT_EQ(triangularQuantile(1.0, 2, 5, 9), 9.0);
    EXPECT_EQ(triangularQuantile(0.7, 3, 3, 3), 3.0);
    // Type 7: h = (n - 1) p. For {1, 2, 3, 4, 10}: P10 -> h = 0.4 -> 1.4; P50 -> 3;
    // P90 -> h = 3.6 -> 4 + 0.6 · 6 = 7.6.
    const std::vector<double> v = {1, 2, 3, 4, 10};
    EXPECT_NEAR(quantileSorted(v, 0.1), 1.4, 1e-12);
    EXPECT_NEAR(quantileSorted(v, 0.5), 3.0, 1e-12);
    EXPECT_NEAR(quantileSorted(v, 0.9), 7.6, 1e-12);
    EXPECT_EQ(quantileSorted({5.0}, 0.9), 5.0);
    EXPECT_TRUE(std::isnan(quantileSorted({}, 0.5)));
}

TEST(ScenarioMonteCarlo, EachRunEqualsAFullEvaluationOfItsDraws) {
    // Monte Carlo recomputes only the variable part of the network on top of shared series;
    // a fresh evaluator given the same draws (per shock and per exporting site) recomputes
    // everything. Both must agree run by run.
    auto net = smallNetwork();
    const auto parsed = parseScenario(kMixedShocks, *net);
    ASSERT_TRUE(parsed);
    const Scenario& s = *parsed;
    RunOptions one;
    one.threads = 1;
    const ScenarioResult mc = runScenario(*net, s, one);
    const ScenarioPlan plan(*net, s, *s.asOf, false, true);
    std::vector<double> lostUnits(net->products.size()), daily(size_t(s.horizonDays));
    for (int run = 0; run < 8; ++run) {
        const Realization draw = plan.drawRealization(s.effectiveSeed(), uint64_t(run));
        ScenarioEvaluator full(plan);
        ASSERT_TRUE(full.evaluateAll(draw, std::stop_token()));
        const double lost = full.simulate(lostUnits.data(), daily.data(), nullptr);
        EXPECT_NEAR(mc.runLostRevenue[size_t(run)], lost, 1e-9 * (1.0 + lost)) << "run " << run;
    }
}

TEST(ScenarioMonteCarlo, LicencesAreDrawnPerExportingSite) {
    // Two Chinese sites each sell us half our cells; one licence shock on both. Each site
    // draws its own approval (p = 0.5), so over many runs the loss takes three values: both
    // approved (delay 10 days: 10 cars), one refused (10 + 190 / 2 = 105), both refused (200),
    // with probabilities 1/4, 1/2, 1/4. One draw per shock would give only 10 and 200.
    auto net = test::networkFromCsv({
        {"countries", test::kTestCountries},
        {"materials", "id,name,stage\ncell,Cell,cell\n"},
        {"suppliers", "id,name\nA,A\nB,B\n"},
        {"sites", "id,supplier_id,country\ncn1,A,CHN\ncn2,B,CHN\n"},
        {"products", "id,name,annual_volume,unit_price\ncar,Car,365,1\n"},
        {"product_bom", "product_id,material_id,qty_per_unit\ncar,cell,1\n"},
        {"supply", "buyer_site,material_id,supplier_site,share\n,cell,cn1,0.5\n,cell,cn2,0.5\n"},
    });
    RunOptions one, two;
    one.threads = 1;
    two.threads = 2;
    const auto r = test::runJson(*net, licenceScenario(400, 3, "10", 0.5), one);
    std::map<long, int> counts;
    for (const double lost : r.runLostRevenue)
        ++counts[std::lround(lost)];
    ASSERT_EQ(counts.size(), 3u);
    EXPECT_EQ(counts.begin()->first, 10);
    EXPECT_EQ(std::next(counts.begin())->first, 105);
    EXPECT_EQ(counts.rbegin()->first, 200);
    EXPECT_NEAR(counts[105] / 400.0, 0.5, 0.1);
    // The same numbers on two threads.
    EXPECT_EQ(test::runJson(*net, licenceScenario(400, 3, "10", 0.5), two).runLostRevenue,
              r.runLostRevenue);
}

TEST(ScenarioMonteCarlo, OnlyRandomShocksAreRecomputedPerRun) {
    auto net = smallNetwork();
    const auto r = test::runJson(*net, kMixedShocks);
    // The capacity shock reaches entities the licences do not: they are computed once.
    EXPECT_GT(r.variableEntities, 0u);
    EXPECT_LT(r.variableEntities, r.affectedEntities);
}

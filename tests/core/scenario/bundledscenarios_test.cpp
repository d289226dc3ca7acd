// SPDX-License-Identifier: MIT
// The example scenarios shipped in resources/scenarios validate against the bundled data set
// and run.
#include <gtest/gtest.h>

#include "core/io/bundled.h"
#include "core/scenario/scenarioengine.h"
#include "core/scenario/scenarioparser.h"

using namespace chokepoint;
using namespace chokepoint::core::scenario;

TEST(BundledScenarios, ValidateAndRun) {
    auto data = core::io::bundledDataset();
    ASSERT_TRUE(data) << data.errorString();
    const core::analysis::Network net(std::move(*data));
    const auto scenarios = core::io::bundledScenarios();
    ASSERT_GE(scenarios.size(), 5u);
    for (const auto& [file, text] : scenarios) {
        auto s = parseScenario(text, net);
        ASSERT_TRUE(s) << file << ":\n" << s.errorString();
        EXPECT_TRUE(s->asOf) << file << ": examples name their date";
        EXPECT_TRUE(s->description) << file << ": examples say what they assume";
        // Each example hits the company; a few runs are enough to check that.
        s->runs = std::min(s->runs, 20);
        const ScenarioResult r = runScenario(net, *s);
        EXPECT_FALSE(r.cancelled) << file;
        EXPECT_GT(r.totalLostRevenue, 0.0) << file;
        EXPECT_GT(r.affectedEntities, 0u) << file;
        // Writing and reading back gives the same scenario.
        const auto back = parseScenario(scenarioToJson(*s), net);
        ASSERT_TRUE(back) << file;
        EXPECT_EQ(*back, *s) << file;
    }
}

TEST(BundledScenarios, FullChinaStopCostsMostOfTheOutput) {
    // The full stop is the upper bound of the examples: every other example loses less.
    auto data = core::io::bundledDataset();
    ASSERT_TRUE(data);
    const core::analysis::Network net(std::move(*data));
    double fullStop = 0.0;
    std::vector<std::pair<std::string, double>> others;
    for (const auto& [file, text] : core::io::bundledScenarios()) {
        auto s = parseScenario(text, net);
        ASSERT_TRUE(s);
        s->runs = 1;
        const double lost = runScenario(net, *s).totalLostRevenue;
        if (file == "china-full-stop.json")
            fullStop = lost;
        else
            others.emplace_back(file, lost);
    }
    ASSERT_GT(fullStop, 0.0);
    for (const auto& [file, lost] : others)
        EXPECT_LT(lost, fullStop) << file;
}

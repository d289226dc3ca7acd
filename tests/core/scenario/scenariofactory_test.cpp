// SPDX-License-Identifier: MIT
// "Stress this measure": the licence-delay scenario built for one export control parses, hits
// exactly the measure's flows, and its deterministic loss is worked out by hand on the network
// of tests/core/analysis/timeline_test.cpp.
#include <gtest/gtest.h>

#include "core/io/bundled.h"
#include "core/scenario/scenarioengine.h"
#include "core/scenario/scenariofactory.h"
#include "core/scenario/scenarioparser.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {
core::Dataset controlsTestData(); // tests/core/analysis/timeline_test.cpp
}

namespace chokepoint::core::scenario {
namespace {

Date day(const char* text) {
    return *Date::parse(text);
}

TEST(ScenarioFactoryTest, WorkingDaysToCalendarDays) {
    EXPECT_EQ(calendarDays(45), 63); // 9 weeks
    EXPECT_EQ(calendarDays(30), 42);
    EXPECT_EQ(calendarDays(5), 7);
    EXPECT_EQ(calendarDays(1), 1); // 1.4
    EXPECT_EQ(calendarDays(3), 4); // 4.2
    EXPECT_EQ(calendarDays(0), 0);
    // The example scenarios' 15 / 63 / 90 triangle (docs/scenarios.md).
    EXPECT_EQ(licenceDelayFor(45), Delay::triangle(15, 63, 90));
    // 42 days: 42 / 4 = 10.5 -> 10; 420 / 7 = 60.
    EXPECT_EQ(licenceDelayFor(30), Delay::triangle(10, 42, 60));
    // 7 days: 1.75 -> 1; 70 / 7 = 10.
    EXPECT_EQ(licenceDelayFor(5), Delay::triangle(1, 7, 10));
}

class MeasureStressTest : public ::testing::Test {
protected:
    MeasureStressTest()
        : net(test::controlsTestData()) {}
    Scenario build(const char* control, const char* asOf,
                   const MeasureStressOptions& options = {}) const {
        auto s = measureStressScenario(net, net.controlIds.find(control), day(asOf), options);
        EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.errorString());
        return s.ok() ? *s : Scenario{};
    }
    // Through JSON and the parser, as the Scenarios page and the command line read it.
    ScenarioResult runDeterministic(const char* control, const char* asOf) const {
        auto json = measureStressScenarioJson(net, net.controlIds.find(control), day(asOf));
        EXPECT_TRUE(json.ok());
        auto parsed = parseScenario(*json, net);
        EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.errorString());
        Scenario s = *parsed;
        s.runs = 1;
        return runScenario(net, s);
    }
    analysis::Network net;
};

TEST_F(MeasureStressTest, MaterialMeasureInForce) {
    const Scenario s = build("C1", "2024-06-01");
    EXPECT_EQ(s.asOf, day("2024-06-01"));
    EXPECT_EQ(s.horizonDays, 365);
    EXPECT_EQ(s.runs, 1000);
    EXPECT_EQ(s.seed, 20240101u); // C1's effective date
    EXPECT_NE(s.name.find("C1"), std::string::npos);
    ASSERT_EQ(s.shocks.size(), 1u);
    const Shock& k = s.shocks[0];
    EXPECT_EQ(k.kind, ShockKind::Licence);
    EXPECT_EQ(k.startDay, 0);
    EXPECT_EQ(k.delayDays, Delay::triangle(15, 63, 90)); // 45 working days
    EXPECT_EQ(k.approvalProbability, 0.6);
    EXPECT_EQ(k.select.controlled, true);
    EXPECT_EQ(k.select.countries, std::vector<std::string>({"CHN"}));
    EXPECT_EQ(k.select.materials, std::vector<std::string>({"chem"}));
    EXPECT_FALSE(k.select.technologies);

    // JSON -> parser gives the same scenario back.
    auto json = measureStressScenarioJson(net, net.controlIds.find("C1"), day("2024-06-01"));
    ASSERT_TRUE(json.ok());
    auto parsed = parseScenario(*json, net);
    ASSERT_TRUE(parsed.ok()) << parsed.errorString();
    EXPECT_EQ(*parsed, s);
}

// Deterministic run: delay = mode 63 days, then refused (an approval probability of 0.6 is
// below 1), so the licence shock holds all year. cn_chem's chem to de_cell is an export from
// China to Germany: stopped. Unknown chem is hit at China's world share 0.8 for every buyer
// (DEU, KOR: both reached, neither the issuer), so V(chem) = 0.2 (ore is not an item:
// V(ore) = 1). G(de_cell, chem) = 0.5 * 0 + 0.5 * 0.2 = 0.1; kr_cell buys no chem:
// G = V = 0.2. S(cell) = 0.6 * 0.1 + 0.4 * 0.2 = 0.14 on all 365 days, no stock: the car runs
// at 14 %. Lost revenue = 365 days * 0.86 * 10 / 365 cars * 1000 = 8,600. The van (motors) is
// fine.
TEST_F(MeasureStressTest, MaterialMeasureLossByHand) {
    const ScenarioResult r = runDeterministic("C1", "2024-06-01");
    EXPECT_NEAR(r.totalLostRevenue, 8600.0, 1e-6);
    ASSERT_EQ(r.products.size(), 2u);
    EXPECT_NEAR(r.products[0].lostUnits, 0.86 * 10, 1e-9);
    EXPECT_NEAR(r.products[1].lostRevenue, 0.0, 1e-12);
}

// A prohibition: no licence is ever granted (approval 0), selected by technology only.
// cn_chem stops for the whole year; unknown chem is not hit (technology selectors never are):
// G(de_cell, chem) = 0.5, kr_cell 1; S(cell) = 0.3 + 0.4 = 0.7. Lost: 365 days * 0.3 * 10 / 365
// cars * 1000 = 3,000.
TEST_F(MeasureStressTest, ProhibitionIsNeverApproved) {
    const Scenario s = build("C2", "2025-07-01");
    ASSERT_EQ(s.shocks.size(), 1u);
    EXPECT_EQ(s.shocks[0].approvalProbability, 0.0);
    EXPECT_EQ(s.shocks[0].select.technologies, std::vector<std::string>({"t_chem"}));
    EXPECT_FALSE(s.shocks[0].select.countries);
    EXPECT_FALSE(s.shocks[0].select.materials);
    const ScenarioResult r = runDeterministic("C2", "2025-07-01");
    EXPECT_NEAR(r.totalLostRevenue, 3000.0, 1e-6);
}

// C6 is not yet in force at 2026-06-01: no `controlled` key (it would select nothing), the
// measure is stressed as if it were. 30 working days -> 10 / 42 / 60. Deterministic: 42 days,
// then refused (approval 0.6 < 1): German motors stop all year, car and van with them:
// 10 * 1000 + 5 * 2000 = 20,000.
TEST_F(MeasureStressTest, MeasureNotInForceIsStressedAsIfItWere) {
    const Scenario s = build("C6", "2026-06-01");
    ASSERT_EQ(s.shocks.size(), 1u);
    EXPECT_FALSE(s.shocks[0].select.controlled);
    EXPECT_EQ(s.shocks[0].select.countries, std::vector<std::string>({"DEU"}));
    EXPECT_EQ(s.shocks[0].delayDays, Delay::triangle(10, 42, 60));
    ASSERT_TRUE(s.description);
    EXPECT_NE(s.description->find("not in force"), std::string::npos);
    const ScenarioResult r = runDeterministic("C6", "2026-06-01");
    EXPECT_NEAR(r.totalLostRevenue, 20000.0, 1e-6);
}

TEST_F(MeasureStressTest, OptionsOverrideTheDefaults) {
    MeasureStressOptions o;
    o.delay = Delay::fixed(60);
    o.approvalProbability = 0.25;
    o.runs = 1;
    o.seed = 7;
    o.horizonDays = 180;
    const Scenario s = build("C1", "2024-06-01", o);
    EXPECT_EQ(s.shocks[0].delayDays, Delay::fixed(60));
    EXPECT_EQ(s.shocks[0].approvalProbability, 0.25);
    EXPECT_EQ(s.runs, 1);
    EXPECT_EQ(s.seed, 7u);
    EXPECT_EQ(s.horizonDays, 180);
}

TEST_F(MeasureStressTest, MeasureWithoutItemsCannotBeStressed) {
    auto s = measureStressScenario(net, net.controlIds.find("C7"), day("2024-06-01"));
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.errorString().find("C7"), std::string::npos);
    EXPECT_FALSE(measureStressScenario(net, analysis::Index(99), day("2024-06-01")).ok());
}

// On the bundled data, EC10 at 2025-07-15 gives the technologies, delays, approval and seed of
// the shipped example tech-licences-july-2025.json, plus `controlled: true`. The shipped
// example stresses every site using those technologies (Chinese plants included, as v1 did);
// under v2 a technology control reaches only plants abroad using the issuer's technology, so
// the measure's own stress hits a subset of those flows: with the same deterministic timing
// it can never lose more.
TEST(MeasureStressBundledTest, Ec10SelectsTheShippedTechnologiesUnderTheControlledLens) {
    auto data = io::bundledDataset();
    ASSERT_TRUE(data.ok());
    const analysis::Network net(std::move(*data));
    auto built = measureStressScenario(net, net.controlIds.find("EC10"), day("2025-07-15"));
    ASSERT_TRUE(built.ok()) << built.errorString();
    std::string example;
    for (const auto& [name, json] : io::bundledScenarios())
        if (name.find("tech-licences-july-2025") != std::string::npos)
            example = json;
    ASSERT_FALSE(example.empty());
    auto shipped = parseScenario(example, net);
    ASSERT_TRUE(shipped.ok()) << shipped.errorString();
    ASSERT_EQ(built->shocks.size(), 1u);
    ASSERT_EQ(shipped->shocks.size(), 1u);
    auto techs = *shipped->shocks[0].select.technologies;
    std::sort(techs.begin(), techs.end());
    EXPECT_EQ(built->shocks[0].select.technologies, techs);
    EXPECT_EQ(built->shocks[0].select.controlled, true);
    EXPECT_EQ(built->shocks[0].delayDays, shipped->shocks[0].delayDays);
    EXPECT_EQ(built->shocks[0].approvalProbability, shipped->shocks[0].approvalProbability);
    EXPECT_EQ(built->seed, shipped->seed);

    Scenario a = *built, b = *shipped;
    a.runs = b.runs = 1;
    const ScenarioResult ra = runScenario(net, a);
    const ScenarioResult rb = runScenario(net, b);
    EXPECT_GT(rb.totalLostRevenue, 0.0);
    EXPECT_LE(ra.totalLostRevenue, rb.totalLostRevenue + 1e-6);
}

} // namespace
} // namespace chokepoint::core::scenario

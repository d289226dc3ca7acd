// SPDX-License-Identifier: MIT
#include <algorithm>
#include <gtest/gtest.h>

#include "core/scenario/scenarioparser.h"
#include "tests/core/scenario/scenariotestutil.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using namespace chokepoint::core::scenario;

namespace {

std::unique_ptr<core::analysis::Network> smallNet() {
    return test::networkFromCsv({
        {"countries", test::kTestCountries},
        {"materials", "id,name,stage\ncell,Cell,cell\ncathode,Cathode,cathode\n"},
        {"technologies", "id,name\nt_lfp,LFP prep\n"},
        {"suppliers", "id,name,owner_country\nsupA,A,CHN\n"},
        {"sites", "id,supplier_id,country\ncnA,supA,CHN\n"},
        {"supply", "buyer_site,material_id,supplier_site,share\n,cell,cnA,1\n"},
    });
}

std::vector<std::string> paths(const ScenarioParse& p) {
    std::vector<std::string> out;
    for (const auto& i : p.issues)
        out.push_back(i.path);
    return out;
}

bool hasPath(const ScenarioParse& p, const std::string& path) {
    const auto all = paths(p);
    return std::find(all.begin(), all.end(), path) != all.end();
}

} // namespace

TEST(ScenarioParser, DefaultsOfAMinimalScenario) {
    auto net = smallNet();
    const auto p = parseScenarioDetailed(
        R"({"name": "x", "shocks": [{"select": {"countries": ["CHN"]}, "kind": "stop"}]})",
        net.get());
    ASSERT_TRUE(p.scenario) << (p.issues.empty() ? "" : p.issues[0].toString());
    const Scenario& s = *p.scenario;
    EXPECT_EQ(s.name, "x");
    EXPECT_EQ(s.horizonDays, 365);
    EXPECT_EQ(s.runs, 1);
    EXPECT_FALSE(s.seed);
    EXPECT_EQ(s.effectiveSeed(), 0u);
    EXPECT_FALSE(s.asOf);
    ASSERT_EQ(s.shocks.size(), 1u);
    EXPECT_EQ(s.shocks[0].start(), 0);
    EXPECT_FALSE(s.shocks[0].durationDays);
    EXPECT_EQ(s.shocks[0].approval(), 1.0);
    EXPECT_EQ(s.shocks[0].select.countries, std::vector<std::string>{"CHN"});
    EXPECT_FALSE(s.shocks[0].select.materials);
    EXPECT_FALSE(s.mitigations);
}

TEST(ScenarioParser, ReadsEveryField) {
    auto net = smallNet();
    const auto p = parseScenarioDetailed(R"({
        "name": "all", "description": "d", "as_of": "2025-08-01", "horizon_days": 100,
        "runs": 50, "seed": 42,
        "shocks": [
          {"label": "l", "select": {"countries": ["CHN", "KOR"], "owner_countries": ["CHN"],
            "materials": ["cell"], "technologies": ["t_lfp"], "sites": ["cnA"], "controlled": true},
           "kind": "licence", "start_day": 3, "duration_days": 40,
           "delay_days": {"min": 5, "mode": 10.5, "max": 30}, "approval_probability": 0.25},
          {"select": {}, "kind": "capacity", "capacity": 0.5},
          {"select": {"sites": ["cnA"]}, "kind": "licence", "delay_days": 7}],
        "mitigations": {"extra_inventory_days": {"cell": 12.5}, "alternatives": false}})",
                                         net.get());
    ASSERT_TRUE(p.scenario);
    const Scenario& s = *p.scenario;
    EXPECT_EQ(s.description, "d");
    EXPECT_EQ(s.asOf, core::Date::fromYmd(2025, 8, 1));
    EXPECT_EQ(s.horizonDays, 100);
    EXPECT_EQ(s.runs, 50);
    EXPECT_EQ(s.seed, 42u);
    ASSERT_EQ(s.shocks.size(), 3u);
    const Shock& a = s.shocks[0];
    EXPECT_EQ(a.label, "l");
    EXPECT_EQ(a.kind, ShockKind::Licence);
    EXPECT_EQ(a.startDay, 3);
    EXPECT_EQ(a.durationDays, 40);
    EXPECT_EQ(a.delayDays, Delay::triangle(5, 10.5, 30));
    EXPECT_EQ(a.approvalProbability, 0.25);
    EXPECT_EQ(a.select.ownerCountries, std::vector<std::string>{"CHN"});
    EXPECT_EQ(a.select.technologies, std::vector<std::string>{"t_lfp"});
    EXPECT_EQ(a.select.sites, std::vector<std::string>{"cnA"});
    EXPECT_EQ(a.select.controlled, true);
    EXPECT_EQ(s.shocks[1].kind, ShockKind::Capacity);
    EXPECT_EQ(s.shocks[1].capacity, 0.5);
    EXPECT_EQ(s.shocks[1].select, Selector{});
    EXPECT_EQ(s.shocks[2].delayDays, Delay::fixed(7));
    ASSERT_TRUE(s.mitigations);
    EXPECT_EQ(s.mitigations->extraInventoryDays.at("cell"), 12.5);
    EXPECT_FALSE(s.mitigations->useAlternatives());
}

TEST(ScenarioParser, RoundTripThroughJson) {
    auto net = smallNet();
    Scenario s;
    s.name = "Round \"trip\"";
    s.description = "line\nbreak";
    s.asOf = core::Date::fromYmd(2026, 11, 10);
    s.horizonDays = 730;
    s.runs = 250;
    s.seed = (uint64_t(1) << 53) - 1;
    Shock a;
    a.select.countries = {"CHN", "KOR"};
    a.select.controlled = false;
    a.kind = ShockKind::Licence;
    a.startDay = 0;
    a.durationDays = 365;
    a.delayDays = Delay::triangle(21, 63.25, 180);
    a.approvalProbability = 0.6;
    a.label = "technology licences";
    Shock b;
    b.kind = ShockKind::Capacity;
    b.capacity = 0.1 + 0.2; // not exactly representable in short decimal form
    b.select.materials = {"cell", "cathode"};
    b.select.sites = {"cnA"};
    b.select.technologies = {"t_lfp"};
    b.select.ownerCountries = {"CHN"};
    Shock c;
    c.kind = ShockKind::Licence;
    c.delayDays = Delay::fixed(12.5);
    c.select.countries = {"AUS"};
    s.shocks = {a, b, c};
    s.mitigations = Mitigations{{{"cell", 14.0}, {"cathode", 0.5}}, true};

    const std::string json = scenarioToJson(s);
    const auto back = parseScenarioDetailed(json, net.get());
    ASSERT_TRUE(back.scenario) << json << (back.issues.empty() ? "" : back.issues[0].toString());
    EXPECT_EQ(*back.scenario, s) << json;
    EXPECT_EQ(scenarioToJson(*back.scenario), json);

    // A minimal scenario keeps its unset optionals unset.
    Scenario minimal;
    minimal.name = "m";
    const auto back2 = parseScenarioDetailed(scenarioToJson(minimal), net.get());
    ASSERT_TRUE(back2.scenario);
    EXPECT_EQ(*back2.scenario, minimal);
}

TEST(ScenarioParser, ReportsEveryProblemWithItsPath) {
    auto net = smallNet();
    const auto p = parseScenarioDetailed(R"({
        "name": "bad", "horizon_days": 0, "runs": 0, "seed": -1, "colour": "red",
        "as_of": "2025-02-30",
        "shocks": [
          {"select": {"countries": ["XXX"], "materials": ["unobtainium"], "technologies": ["t9"],
                      "sites": ["nowhere"], "owner_countries": ["ZZZ"], "planet": ["Mars"]},
           "kind": "stop", "start_day": -1, "duration_days": -5},
          {"select": {"countries": "CHN"}, "kind": "capacity", "capacity": 1.5},
          {"select": {}, "kind": "capacity", "capacity": 0.5},
          {"select": {}, "kind": "licence", "delay_days": {"min": 10, "mode": 5, "max": 20},
           "approval_probability": 2},
          {"select": {}, "kind": "licence", "delay_days": {"min": 1, "mode": 30, "max": 20}},
          {"select": {}, "kind": "licence", "delay_days": -3},
          {"select": {}, "kind": "licence"},
          {"select": {}, "kind": "capacity"},
          {"select": {}, "kind": "stop", "capacity": 0.5, "delay_days": 3},
          {"select": {}, "kind": "ban"},
          {"kind": "stop"},
          {"select": {"countries": []}, "kind": "stop", "start_day": 1.5},
          "not an object"],
        "mitigations": {"extra_inventory_days": {"cell": -1, "nothing": 3}, "alternatives": "no"}
      })",
                                         net.get());
    EXPECT_FALSE(p.scenario);
    for (const char* path : {"horizon_days",
                             "runs",
                             "seed",
                             "colour",
                             "as_of",
                             "shocks[0].select.countries[0]",
                             "shocks[0].select.materials[0]",
                             "shocks[0].select.technologies[0]",
                             "shocks[0].select.sites[0]",
                             "shocks[0].select.owner_countries[0]",
                             "shocks[0].select.planet",
                             "shocks[0].start_day",
                             "shocks[0].duration_days",
                             "shocks[1].select.countries",
                             "shocks[1].capacity",
                             "shocks[3].delay_days.mode",
                             "shocks[3].approval_probability",
                             "shocks[4].delay_days.max",
                             "shocks[5].delay_days",
                             "shocks[6].delay_days",
                             "shocks[7].capacity",
                             "shocks[8].capacity",
                             "shocks[8].delay_days",
                             "shocks[9].kind",
                             "shocks[10].select",
                             "shocks[11].select.countries",
                             "shocks[11].start_day",
                             "shocks[12]",
                             "mitigations.extra_inventory_days.cell",
                             "mitigations.extra_inventory_days.nothing",
                             "mitigations.alternatives"})
        EXPECT_TRUE(hasPath(p, path)) << "no issue at " << path;
    // shocks[2] is fine; nothing is reported for it.
    for (const auto& path : paths(p))
        EXPECT_NE(path.rfind("shocks[2]", 0), 0u) << path;
}

TEST(ScenarioParser, TypeProblemsAreNotReportedTwice) {
    auto net = smallNet();
    const auto p = parseScenarioDetailed(
        R"({"name": "x", "shocks": [{"select": {}, "kind": "capacity", "capacity": "half"},
                                     {"select": {}, "kind": 7, "capacity": 0.5}]})",
        net.get());
    ASSERT_EQ(p.issues.size(), 2u) << p.issues[0].toString();
    EXPECT_EQ(p.issues[0].path, "shocks[0].capacity");
    EXPECT_EQ(p.issues[1].path, "shocks[1].kind");
}

TEST(ScenarioParser, SyntaxErrorsAndWrongRoots) {
    auto net = smallNet();
    auto p = parseScenarioDetailed("{\"name\": \"x\",\n \"shocks\": [}", net.get());
    ASSERT_EQ(p.issues.size(), 1u);
    EXPECT_NE(p.issues[0].message.find("line 2"), std::string::npos) << p.issues[0].message;
    p = parseScenarioDetailed("[1, 2]", net.get());
    ASSERT_EQ(p.issues.size(), 1u);
    EXPECT_NE(p.issues[0].message.find("object"), std::string::npos);
    p = parseScenarioDetailed("{}", net.get());
    EXPECT_TRUE(hasPath(p, "name"));
    EXPECT_TRUE(hasPath(p, "shocks"));
}

TEST(ScenarioParser, IdsAreOnlyCheckedAgainstANetwork) {
    const std::string json =
        R"({"name": "x", "shocks": [{"select": {"countries": ["XXX"]}, "kind": "stop"}]})";
    EXPECT_TRUE(parseScenarioDetailed(json, nullptr).scenario);
    auto net = smallNet();
    const auto r = parseScenario(json, *net);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.errorString(), "shocks[0].select.countries[0]: unknown country 'XXX'");
}

TEST(ScenarioParser, NullMeansNotGiven) {
    auto net = smallNet();
    const auto p = parseScenarioDetailed(
        R"({"name": "x", "seed": null, "shocks": [{"select": {"materials": null}, "kind": "stop",
            "duration_days": null}]})",
        net.get());
    ASSERT_TRUE(p.scenario);
    EXPECT_FALSE(p.scenario->seed);
    EXPECT_FALSE(p.scenario->shocks[0].durationDays);
    EXPECT_FALSE(p.scenario->shocks[0].select.materials);
}

TEST(ScenarioParser, LimitsRunsTimesHorizon) {
    Scenario s;
    s.name = "big";
    s.runs = kMaxRuns;
    s.horizonDays = 365;
    const auto issues = validateScenario(s, nullptr);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].path, "runs");
    s.runs = 1000;
    EXPECT_TRUE(validateScenario(s, nullptr).empty());
}

TEST(ScenarioParser, TheWorkedExampleParses) {
    const auto net = std::make_unique<core::analysis::Network>(
        test::datasetFromFolder(test::dataDir() + "/small-network/data"));
    const auto s = parseScenario(
        test::readFile(test::dataDir() + "/small-network/scenario-china-stop.json"), *net);
    ASSERT_TRUE(s) << s.errorString();
    EXPECT_EQ(s->horizonDays, 150);
    EXPECT_EQ(s->shocks[0].startDay, 10);
    EXPECT_EQ(s->shocks[0].durationDays, 60);
}

// SPDX-License-Identifier: MIT
// The engine against the worked example of tests/data/small-network and against the slow
// reference implementation (scenarioreference.cpp) on random networks and scenarios.
#include <gtest/gtest.h>
#include <random>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "core/scenario/scenarioparser.h"
#include "tests/core/scenario/scenarioreference.h"
#include "tests/core/scenario/scenariotestutil.h"
#include "tests/support/testsupport.h"

using namespace chokepoint;
using namespace chokepoint::core;
using namespace chokepoint::core::scenario;

namespace {

// Every key and number of `expected` must be in `actual` (1e-6 relative).
void expectJsonMatches(const QJsonValue& actual, const QJsonValue& expected,
                       const std::string& path) {
    if (expected.isObject()) {
        ASSERT_TRUE(actual.isObject()) << path;
        const QJsonObject e = expected.toObject(), a = actual.toObject();
        for (auto it = e.begin(); it != e.end(); ++it) {
            ASSERT_TRUE(a.contains(it.key())) << path << "." << it.key().toStdString();
            expectJsonMatches(a.value(it.key()), it.value(), path + "." + it.key().toStdString());
        }
    } else if (expected.isArray()) {
        ASSERT_TRUE(actual.isArray()) << path;
        const QJsonArray e = expected.toArray(), a = actual.toArray();
        ASSERT_EQ(a.size(), e.size()) << path;
        for (qsizetype i = 0; i < e.size(); ++i)
            expectJsonMatches(a[i], e[i], path + "[" + std::to_string(i) + "]");
    } else if (expected.isDouble()) {
        ASSERT_TRUE(actual.isDouble()) << path;
        const double e = expected.toDouble(), a = actual.toDouble();
        EXPECT_NEAR(a, e, 1e-6 * std::max(1.0, std::fabs(e))) << path;
    } else {
        EXPECT_EQ(actual, expected) << path;
    }
}

void expectNearSeries(const std::vector<double>& a, const std::vector<double>& e,
                      const std::string& what) {
    ASSERT_EQ(a.size(), e.size()) << what;
    for (size_t t = 0; t < a.size(); ++t)
        ASSERT_NEAR(a[t], e[t], 1e-9 * std::max(1.0, std::fabs(e[t]))) << what << " day " << t;
}

void expectMatchesReference(const analysis::Network& net, const Scenario& s,
                            const std::string& what) {
    const Date asOf = *s.asOf;
    const ScenarioResult r = runScenario(net, s);
    const test::ReferenceOutcome ref = test::referenceScenario(net.data(), s, asOf);
    for (const auto& p : r.products) {
        EXPECT_NEAR(p.lostUnits, ref.lostUnits.at(p.id), 1e-9 * (1.0 + ref.lostUnits.at(p.id)))
            << what << " product " << p.id;
        if (!std::isnan(p.lostRevenue)) {
            EXPECT_NEAR(p.lostRevenue, ref.lostRevenue.at(p.id),
                        1e-9 * (1.0 + ref.lostRevenue.at(p.id)))
                << what;
        }
    }
    EXPECT_NEAR(r.totalLostRevenue, ref.totalLostRevenue, 1e-9 * (1.0 + ref.totalLostRevenue))
        << what;
    expectNearSeries(r.dailyOutput, ref.dailyOutput, what + " daily output");
    size_t withNeed = 0;
    for (const auto& m : r.materials) {
        if (!(m.needPerDay > 0.0))
            continue;
        ++withNeed;
        ASSERT_TRUE(ref.supply.count(m.id)) << what << " " << m.id;
        expectNearSeries(m.supply, ref.supply.at(m.id), what + " S " + m.id);
        expectNearSeries(m.fillRate, ref.fillRate.at(m.id), what + " r " + m.id);
        expectNearSeries(m.inventory, ref.inventory.at(m.id), what + " I " + m.id);
        EXPECT_EQ(m.firstShortfallDay, ref.firstShortfall.at(m.id)) << what << " " << m.id;
        EXPECT_EQ(m.recoveryDay, ref.recovery.at(m.id)) << what << " " << m.id;
    }
    EXPECT_EQ(withNeed, ref.supply.size()) << what;
}

// Random test data. std::mt19937_64 is specified exactly by the standard; the mapping to
// numbers is ours, so the cases are the same everywhere.
class Dice {
public:
    explicit Dice(uint64_t seed)
        : m_g(seed) {}
    double uniform() { return double(m_g() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    size_t below(size_t n) { return size_t(m_g() % n); }
    bool chance(double p) { return uniform() < p; }
    template <class T> const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }
    std::vector<std::string> some(const std::vector<std::string>& from, size_t max) {
        std::vector<std::string> out;
        const size_t n = 1 + below(max);
        for (size_t i = 0; i < n; ++i) {
            const std::string& s = pick(from);
            if (std::find(out.begin(), out.end(), s) == out.end())
                out.push_back(s);
        }
        return out;
    }

private:
    std::mt19937_64 m_g;
};

const std::vector<std::string> kCountries = {"CHN", "KOR", "AUS", "DEU", "USA"};
const std::vector<std::string> kTechs = {"t0", "t1", "t2"};

Dataset randomNetwork(Dice& dice) {
    Dataset d;
    for (const auto& c : kCountries)
        d.countries.push_back({c, c, {}});
    std::vector<std::vector<std::string>> tiers(3);
    std::vector<std::string> allMaterials;
    for (int t = 0; t < 3; ++t)
        for (const char* k : {"a", "b"}) {
            const std::string id = "m" + std::to_string(t) + k;
            tiers[size_t(t)].push_back(id);
            allMaterials.push_back(id);
            d.materials.push_back({id, id, Stage::Other, {}});
        }
    for (int t = 0; t < 2; ++t)
        for (const auto& m : tiers[size_t(t)])
            for (const auto& in : dice.some(tiers[size_t(t) + 1], 2))
                d.recipes.push_back({m, in, dice.uniform(0.5, 2)});
    for (const auto& m : allMaterials) {
        double left = 0.95;
        for (const auto& c : dice.some(kCountries, 3)) {
            const double share = dice.uniform(0, left);
            left -= share;
            d.worldShares.push_back({m, c, share, {}, {}, {}, {}});
        }
    }
    for (const auto& t : kTechs)
        d.technologies.push_back({t, t, {}, {}});
    auto control = [&](const std::string& id, const std::string& issuer, const char* from,
                       std::optional<const char*> to) {
        Control c;
        c.id = id;
        c.issuer = issuer;
        c.title = id;
        c.effective = *Date::parse(from);
        if (to)
            c.end = Date::parse(*to);
        d.controls.push_back(c);
    };
    control("c_mat", "CHN", "2025-01-01", std::nullopt);
    control("c_tech", "CHN", "2025-07-15", std::nullopt);
    control("c_old", "KOR", "2020-01-01", "2024-01-01");
    control("c_kor", "KOR", "2025-01-01", std::nullopt);
    // v2: a measure aimed at some destinations, a scheduled one, our own country (or none).
    control("c_us", "CHN", "2024-12-01", std::nullopt);
    d.controls.back().targetCountries = dice.some(kCountries, 2);
    control("c_sched", "CHN", "2025-03-01", std::nullopt);
    d.controls.back().status = ControlStatus::Scheduled;
    if (dice.chance(0.7))
        d.profile.companyCountry = dice.pick(kCountries);
    d.controlItems.push_back({"c_us", ItemKind::Material, dice.pick(allMaterials)});
    d.controlItems.push_back({"c_sched", ItemKind::Material, dice.pick(allMaterials)});
    d.controlItems.push_back({"c_sched", ItemKind::Technology, "t1"});
    for (const auto& m : dice.some(allMaterials, 4))
        d.controlItems.push_back({"c_mat", ItemKind::Material, m});
    d.controlItems.push_back({"c_tech", ItemKind::Technology, "t0"});
    d.controlItems.push_back({"c_old", ItemKind::Material, dice.pick(allMaterials)});
    d.controlItems.push_back({"c_kor", ItemKind::Material, dice.pick(allMaterials)});

    for (int i = 0; i < 6; ++i) {
        Supplier s{"sup" + std::to_string(i), "S", {}, {}};
        if (dice.chance(0.8))
            s.ownerCountry = dice.pick(kCountries);
        d.suppliers.push_back(s);
    }
    std::vector<std::string> sites;
    for (int i = 0; i < 12; ++i) {
        const std::string id = "s" + std::to_string(i);
        sites.push_back(id);
        d.sites.push_back(
            {id, d.suppliers[dice.below(6)].id, dice.pick(kCountries), {}, {}, {}, {}});
        for (const auto& t : kTechs)
            if (dice.chance(0.25)) {
                // Source: China, another country, or unknown.
                std::optional<std::string> source;
                if (dice.chance(0.7))
                    source = dice.chance(0.6) ? "CHN" : dice.pick(kCountries);
                d.siteTechnologies.push_back({id, t, source});
            }
    }
    // Supply: our groups for tier 0, then every supplier's groups for its recipe inputs.
    auto group = [&](const std::string& buyer, const std::string& material) {
        std::vector<std::string> from;
        for (const auto& s : dice.some(sites, 3))
            if (s != buyer)
                from.push_back(s);
        const double total = dice.chance(0.5) ? 1.0 : dice.uniform(0.3, 1.0);
        std::vector<double> w;
        double sum = 0.0;
        for (size_t i = 0; i < from.size(); ++i)
            sum += w.emplace_back(dice.uniform(0.1, 1.0));
        for (size_t i = 0; i < from.size(); ++i)
            d.supply.push_back(
                {buyer, material, from[i], w[i] / sum * total, {}, int(dice.below(9))});
    };
    for (const auto& m : tiers[0])
        group("", m);
    for (int t = 0; t < 2; ++t)
        for (const auto& m : tiers[size_t(t)]) {
            std::set<std::string> suppliers;
            for (const auto& l : d.supply)
                if (l.materialId == m)
                    suppliers.insert(l.supplierSite);
            for (const auto& s : suppliers)
                for (const auto& r : d.recipes)
                    if (r.materialId == m && dice.chance(0.8))
                        group(s, r.inputMaterialId);
        }
    d.products.push_back({"p0", "P0", dice.uniform(100, 1000), dice.uniform(10, 100)});
    d.products.push_back({"p1", "P1", dice.uniform(100, 1000), dice.uniform(10, 100)});
    d.productBom.push_back({"p0", "m0a", dice.uniform(0.5, 3)});
    d.productBom.push_back({"p1", "m0a", dice.uniform(0.5, 3)});
    d.productBom.push_back({"p1", "m0b", dice.uniform(0.5, 3)});
    for (const auto& m : tiers[0])
        if (dice.chance(0.7))
            d.inventory.push_back({m, double(dice.below(8))});
    for (const auto& m : tiers[0])
        for (const auto& s : dice.some(sites, 2))
            if (dice.chance(0.6))
                d.alternatives.push_back({m, s, int(dice.below(15)), dice.uniform(0.1, 0.6), {}});
    return d;
}

Scenario randomScenario(Dice& dice, const Dataset& d) {
    Scenario s;
    s.name = "random";
    s.asOf = *Date::parse(dice.chance(0.7) ? "2025-08-01" : "2024-06-01");
    if (dice.chance(0.4))
        s.assumeScheduled = dice.chance(0.5);
    s.horizonDays = 40;
    std::vector<std::string> materials, sites;
    for (const auto& m : d.materials)
        materials.push_back(m.id);
    for (const auto& site : d.sites)
        sites.push_back(site.id);
    const size_t n = 1 + dice.below(3);
    for (size_t i = 0; i < n; ++i) {
        Shock k;
        if (dice.chance(0.6))
            k.select.countries = dice.some(kCountries, 2);
        if (dice.chance(0.2))
            k.select.ownerCountries = dice.some(kCountries, 2);
        if (dice.chance(0.3))
            k.select.materials = dice.some(materials, 3);
        if (dice.chance(0.2))
            k.select.technologies = dice.some(kTechs, 2);
        if (dice.chance(0.15))
            k.select.sites = dice.some(sites, 3);
        if (dice.chance(0.25))
            k.select.controlled = dice.chance(0.7);
        k.kind = ShockKind(dice.below(3));
        if (dice.chance(0.7))
            k.startDay = int(dice.below(15));
        if (dice.chance(0.6))
            k.durationDays = 1 + int(dice.below(20));
        if (k.kind == ShockKind::Capacity)
            k.capacity = dice.uniform(0, 1);
        if (k.kind == ShockKind::Licence) {
            const double mode = dice.chance(0.5) ? double(dice.below(20)) : dice.uniform(0, 20);
            k.delayDays = dice.chance(0.5) ? Delay::fixed(mode) : Delay::triangle(0, mode, 30);
            if (dice.chance(0.6))
                k.approvalProbability = dice.pick(std::vector<double>{0.0, 0.3, 0.5, 0.8, 1.0});
        }
        s.shocks.push_back(k);
    }
    if (dice.chance(0.5)) {
        Mitigations m;
        if (dice.chance(0.5))
            m.extraInventoryDays["m0a"] = double(dice.below(5));
        if (dice.chance(0.5))
            m.alternatives = dice.chance(0.5);
        s.mitigations = m;
    }
    return s;
}

} // namespace

// The worked example's scenarios: a stop of every Chinese site, and flow-level licences on
// everything the `controlled` lens counts (refused after 60 days in the deterministic run).
class WorkedScenario : public ::testing::TestWithParam<const char*> {};

TEST_P(WorkedScenario, EngineMatchesExpectedJson) {
    const std::string name = GetParam();
    const auto net = std::make_unique<analysis::Network>(
        test::datasetFromFolder(test::dataDir() + "/small-network/data"));
    const auto s = parseScenario(
        test::readFile(test::dataDir() + "/small-network/scenario-" + name + ".json"), *net);
    ASSERT_TRUE(s) << s.errorString();
    const ScenarioResult r = runScenario(*net, *s);
    const std::string json = scenarioResultToJson(r);
    const QJsonDocument actual = QJsonDocument::fromJson(QByteArray::fromStdString(json));
    const QJsonDocument expected = QJsonDocument::fromJson(QByteArray::fromStdString(
        test::readFile(test::dataDir() + "/small-network/expected-scenario-" + name + ".json")));
    ASSERT_TRUE(expected.isObject());
    expectJsonMatches(actual.object(), expected.object(), "");
}

TEST_P(WorkedScenario, ReferenceReproducesTheWorkedExample) {
    // The reference itself against the independently computed expected figures.
    const std::string name = GetParam();
    const Dataset data = test::datasetFromFolder(test::dataDir() + "/small-network/data");
    const analysis::Network net(data);
    const auto s = parseScenario(
        test::readFile(test::dataDir() + "/small-network/scenario-" + name + ".json"), net);
    ASSERT_TRUE(s);
    const auto ref = test::referenceScenario(data, *s, *s->asOf);
    const QJsonObject e =
        QJsonDocument::fromJson(
            QByteArray::fromStdString(test::readFile(
                test::dataDir() + "/small-network/expected-scenario-" + name + ".json")))
            .object();
    const double total = e["total_lost_revenue"].toDouble();
    EXPECT_GT(total, 0.0);
    EXPECT_NEAR(ref.totalLostRevenue, total, 1e-6 * total);
    for (const auto& p : e["products"].toArray()) {
        const std::string id = p.toObject()["id"].toString().toStdString();
        EXPECT_NEAR(ref.lostUnits.at(id), p.toObject()["lost_units"].toDouble(),
                    1e-6 * (1.0 + ref.lostUnits.at(id)))
            << id;
    }
    for (const auto& m : e["materials"].toArray()) {
        const std::string id = m.toObject()["id"].toString().toStdString();
        const QJsonValue first = m.toObject()["first_shortfall_day"];
        const QJsonValue recovery = m.toObject()["recovery_day"];
        EXPECT_EQ(ref.firstShortfall.at(id),
                  first.isNull() ? std::nullopt : std::optional<int>(first.toInt()))
            << id;
        EXPECT_EQ(ref.recovery.at(id),
                  recovery.isNull() ? std::nullopt : std::optional<int>(recovery.toInt()))
            << id;
    }
    const QJsonArray daily = e["daily_output"].toArray();
    ASSERT_EQ(ref.dailyOutput.size(), size_t(daily.size()));
    for (qsizetype t = 0; t < daily.size(); ++t)
        EXPECT_NEAR(ref.dailyOutput[size_t(t)], daily[t].toDouble(), 1e-9);

    // And the engine against the reference, series by series.
    expectMatchesReference(net, *s, "worked example " + name);
}

INSTANTIATE_TEST_SUITE_P(SmallNetwork, WorkedScenario,
                         ::testing::Values("china-stop", "controlled-licence"),
                         [](const auto& info) {
                             std::string n = info.param;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

TEST(ScenarioReference, RandomNetworksAndScenarios) {
    for (uint64_t seed = 1; seed <= 60; ++seed) {
        Dice dice(seed);
        const Dataset data = randomNetwork(dice);
        const analysis::Network net(data);
        const Scenario s = randomScenario(dice, data);
        ASSERT_TRUE(validateScenario(s, &net).empty()) << "seed " << seed;
        expectMatchesReference(net, s, "seed " + std::to_string(seed));
        if (testing::Test::HasFailure()) {
            ADD_FAILURE() << "first failing case, seed " << seed << ":\n" << scenarioToJson(s);
            break;
        }
    }
}

TEST(ScenarioReference, RandomCasesAreNotTrivial) {
    // The random cases must exercise shortfalls, or the comparison above proves little.
    size_t withLoss = 0, withRecovery = 0;
    for (uint64_t seed = 1; seed <= 60; ++seed) {
        Dice dice(seed);
        const Dataset data = randomNetwork(dice);
        const analysis::Network net(data);
        const ScenarioResult r = runScenario(net, randomScenario(dice, data));
        withLoss += r.totalLostRevenue > 0.0;
        for (const auto& m : r.materials)
            withRecovery += m.recoveryDay.has_value();
    }
    EXPECT_GE(withLoss, 30u);
    EXPECT_GE(withRecovery, 5u);
}

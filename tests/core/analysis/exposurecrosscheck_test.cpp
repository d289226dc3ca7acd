// SPDX-License-Identifier: MIT
// The engine against the slow reference (exposurereference.cpp) on random networks: the
// synthetic generator's layered networks, and irregular ones made here (any site may buy
// anything from anyone, recipes skip tiers, shares below 1, controls with random periods).
#include <cmath>
#include <gtest/gtest.h>

#include "core/analysis/exposureengine.h"
#include "core/io/bundled.h"
#include "core/synth/generator.h"
#include "tests/core/analysis/exposurereference.h"

namespace chokepoint::test {
namespace {

using core::Date;
using namespace core::analysis;

void expectClose(double a, double b, const std::string& what) {
    EXPECT_LE(std::fabs(a - b), 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}))
        << what << ": engine " << a << ", reference " << b;
}

void expectClose(const std::optional<double>& a, const std::optional<double>& b,
                 const std::string& what) {
    ASSERT_EQ(a.has_value(), b.has_value()) << what;
    if (a)
        expectClose(*a, *b, what);
}

// Returns the number of figures compared.
size_t compare(const Network& net, const ExposureResult& r, const reference::Figures& ref) {
    size_t n = 0;
    EXPECT_EQ(r.materials.size(), ref.materials.size());
    for (const auto& m : r.materials) {
        const std::string& id = net.materials.id(m.material);
        auto it = ref.materials.find(id);
        if (it == ref.materials.end()) {
            ADD_FAILURE() << "material " << id << " not in the reference";
            continue;
        }
        expectClose(m.dependence, it->second.dependence, id + " dependence");
        expectClose(m.dependenceLow, it->second.dependenceLow, id + " dependence_low");
        expectClose(m.dependenceHigh, it->second.dependenceHigh, id + " dependence_high");
        expectClose(m.directShare, it->second.directShare, id + " direct_share");
        expectClose(m.spendAtRisk, it->second.spendAtRisk, id + " spend_at_risk");
        expectClose(m.hhi, it->second.hhi, id + " hhi");
        expectClose(m.worldHhi, it->second.worldHhi, id + " world_hhi");
        n += 7;
    }
    EXPECT_EQ(r.products.size(), ref.products.size());
    for (const auto& p : r.products) {
        const std::string& id = net.products.id(p.product);
        const auto& rp = ref.products.at(id);
        expectClose(p.dependence, rp.dependence, id + " dependence");
        expectClose(p.dependenceLow, rp.dependenceLow, id + " dependence_low");
        expectClose(p.dependenceHigh, rp.dependenceHigh, id + " dependence_high");
        expectClose(p.revenueAtRisk, rp.revenueAtRisk, id + " revenue_at_risk");
        expectClose(p.revenueAtRiskLow, rp.revenueAtRiskLow, id + " revenue_at_risk_low");
        expectClose(p.revenueAtRiskHigh, rp.revenueAtRiskHigh, id + " revenue_at_risk_high");
        n += 6;
    }
    EXPECT_EQ(r.suppliers.size(), ref.suppliers.size());
    for (const auto& s : r.suppliers) {
        const std::string& id = net.suppliers.id(s.supplier);
        auto it = ref.suppliers.find(id);
        if (it == ref.suppliers.end()) {
            ADD_FAILURE() << "supplier " << id << " not in the reference";
            continue;
        }
        expectClose(s.dependence, it->second, id + " supplier dependence");
        ++n;
    }
    return n;
}

size_t crossCheck(const core::Dataset& data, const std::vector<const char*>& dates) {
    const Network net(data);
    const ExposureEngine engine(net);
    size_t n = 0;
    for (const Lens lens : {Lens::Location, Lens::Owned, Lens::Controlled})
        for (const char* date : dates)
            for (const bool assumeScheduled : {false, true}) {
                if (assumeScheduled && lens != Lens::Controlled)
                    continue;
                SCOPED_TRACE(std::string(toString(lens)) + " " + date +
                             (assumeScheduled ? " assume scheduled" : ""));
                const Date t = *Date::parse(date);
                n += compare(
                    net, engine.compute(lens, t, assumeScheduled),
                    reference::exposure(data, std::string(toString(lens)), t, assumeScheduled));
            }
    return n;
}

TEST(ExposureCrossCheck, GeneratedNetworks) {
    struct Case {
        int sites, tiers;
        uint64_t seed;
    };
    for (const Case c :
         {Case{12, 2, 1}, Case{60, 3, 7}, Case{250, 4, 42}, Case{600, 5, 2025}, Case{400, 8, 99}}) {
        SCOPED_TRACE("sites " + std::to_string(c.sites) + ", seed " + std::to_string(c.seed));
        const auto data = core::synth::generateNetwork({c.sites, c.tiers, c.seed});
        const size_t n = crossCheck(data, {"2023-06-01", "2025-08-01", "2025-12-01", "2026-06-01"});
        EXPECT_GT(n, 50u);
    }
}

// Irregular networks: recipes between any materials (a DAG by index), sites buying any
// material from any other site, unknown remainders, missing spends and prices, controls by
// several issuers with random periods, target lists and scheduled status, technologies of
// Chinese, other or unknown source, our company's country given or not, world shares that
// may sum to under 0.8.
core::Dataset irregularNetwork(uint64_t seed) {
    core::synth::SplitMix64 rng(seed);
    core::Dataset d;
    const char* countries[] = {"CHN", "USA", "DEU", "IDN", "KOR"};
    for (const char* c : countries)
        d.countries.push_back({c, c, std::nullopt});
    auto country = [&] { return std::string(countries[rng.below(5)]); };
    const int nMat = 3 + int(rng.below(9));
    for (int m = 0; m < nMat; ++m) {
        const std::string id = "m" + std::to_string(m);
        d.materials.push_back({id, "Material " + id, core::Stage::Other, std::nullopt});
        for (int j = 0; j < m; ++j)
            if (rng.chance(0.3))
                d.recipes.push_back({id, "m" + std::to_string(j), 1.0});
        double left = rng.chance(0.5) ? 1.0 : rng.uniform();
        for (const char* c : countries)
            if (rng.chance(0.5)) {
                const double s = std::floor(rng.uniform() * left * 1e6) / 1e6;
                left -= s;
                d.worldShares.push_back({id, c, s, std::nullopt, std::nullopt, {}, std::nullopt});
            }
    }
    for (int t = 0; t < 4; ++t)
        d.technologies.push_back({"t" + std::to_string(t), "T", std::nullopt, std::nullopt});
    const int nSup = 2 + int(rng.below(10));
    for (int s = 0; s < nSup; ++s) {
        std::optional<std::string> owner;
        if (rng.chance(0.3))
            owner = "CHN";
        else if (rng.chance(0.8))
            owner = country();
        d.suppliers.push_back({"sup" + std::to_string(s), "Supplier", country(), owner});
    }
    const int nSites = 3 + int(rng.below(30));
    for (int s = 0; s < nSites; ++s) {
        const std::string id = "s" + std::to_string(s);
        d.sites.push_back({id, "sup" + std::to_string(rng.below(uint64_t(nSup))),
                           rng.chance(0.3) ? "CHN" : country(), std::nullopt, std::nullopt,
                           std::nullopt, std::nullopt});
        for (int t = 0; t < 4; ++t)
            if (rng.chance(0.15)) {
                std::optional<std::string> source;
                if (rng.chance(0.7))
                    source = rng.chance(0.5) ? "CHN" : country();
                d.siteTechnologies.push_back({id, "t" + std::to_string(t), source});
            }
    }
    if (rng.chance(0.7))
        d.profile.companyCountry = country();
    for (int c = 0; c < 5; ++c) {
        core::Control ctl;
        ctl.id = "c" + std::to_string(c);
        ctl.issuer = rng.chance(0.6) ? "CHN" : country();
        ctl.title = "Control";
        ctl.effective = Date::fromYmd(2023, 1, 1).addDays(int(rng.below(1400)));
        if (rng.chance(0.5))
            ctl.end = ctl.effective.addDays(1 + int(rng.below(500)));
        if (rng.chance(0.3))
            for (int k = 0; k < 2; ++k)
                if (const std::string target = country();
                    std::find(ctl.targetCountries.begin(), ctl.targetCountries.end(), target) ==
                    ctl.targetCountries.end())
                    ctl.targetCountries.push_back(target);
        if (rng.chance(0.25))
            ctl.status = core::ControlStatus::Scheduled;
        d.controls.push_back(ctl);
        for (int m = 0; m < nMat; ++m)
            if (rng.chance(0.3))
                d.controlItems.push_back(
                    {ctl.id, core::ItemKind::Material, "m" + std::to_string(m)});
        for (int t = 0; t < 4; ++t)
            if (rng.chance(0.15))
                d.controlItems.push_back(
                    {ctl.id, core::ItemKind::Technology, "t" + std::to_string(t)});
    }
    for (int b = -1; b < nSites; ++b)
        for (int m = 0; m < nMat; ++m) {
            if (!rng.chance(b < 0 ? 0.5 : 0.35))
                continue;
            const std::string buyer = b < 0 ? "" : "s" + std::to_string(b);
            std::vector<int> from;
            const int k = 1 + int(rng.below(4));
            for (int tries = 0; tries < 20 && int(from.size()) < k; ++tries) {
                const int s = int(rng.below(uint64_t(nSites)));
                if (s != b && std::find(from.begin(), from.end(), s) == from.end())
                    from.push_back(s);
            }
            double left = rng.chance(0.6) ? 1.0 : rng.uniform(0.2, 1.0);
            for (size_t i = 0; i < from.size(); ++i) {
                const double s = i + 1 == from.size()
                                     ? std::floor(left * 1e6) / 1e6
                                     : std::floor(rng.uniform() * left * 1e6) / 1e6;
                left -= s;
                std::optional<double> spend;
                if (rng.chance(0.7))
                    spend = std::round(rng.uniform(0, 1e6));
                d.supply.push_back(
                    {buyer, "m" + std::to_string(m), "s" + std::to_string(from[i]), s, spend, 0});
            }
        }
    const int nProducts = int(rng.below(4));
    for (int p = 0; p < nProducts; ++p) {
        const std::string id = "p" + std::to_string(p);
        std::optional<double> price;
        if (rng.chance(0.8))
            price = rng.uniform(1, 100);
        d.products.push_back({id, "Product", std::round(rng.uniform(0, 1000)), price});
        for (int m = 0; m < nMat; ++m)
            if (rng.chance(0.25))
                d.productBom.push_back({id, "m" + std::to_string(m), 1.0});
    }
    return d;
}

// The bundled data set (what tests/data/golden holds), before and after its reference cut-off.
TEST(ExposureCrossCheck, BundledData) {
    auto data = core::io::bundledDataset();
    ASSERT_TRUE(data.ok());
    EXPECT_GT(crossCheck(*data, {"2025-08-01", "2026-12-07"}), 200u);
}

TEST(ExposureCrossCheck, IrregularNetworks) {
    size_t n = 0;
    for (uint64_t seed = 1; seed <= 60; ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        n += crossCheck(irregularNetwork(seed),
                        {"2023-01-01", "2024-03-15", "2025-08-01", "2026-09-30"});
    }
    EXPECT_GT(n, 1000u);
}

} // namespace
} // namespace chokepoint::test

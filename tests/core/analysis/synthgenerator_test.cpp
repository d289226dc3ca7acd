// SPDX-License-Identifier: MIT
// core/synth/generator (kept next to the exposure tests, which use it for cross-checks).
#include <gtest/gtest.h>
#include <map>
#include <set>

#include "core/analysis/controlstate.h"
#include "core/io/interchange.h"
#include "core/synth/generator.h"
#include "tests/support/testsupport.h"

namespace chokepoint::test {
namespace {

using core::synth::GeneratorOptions;
using core::synth::SplitMix64;

// Reference values of splitmix64.c (Vigna) for seed 0: the generator is portable only if
// these hold on every platform.
TEST(SynthGenerator, SplitMix64MatchesTheReferenceSequence) {
    SplitMix64 rng(0);
    EXPECT_EQ(rng.next(), 0xe220a8397b1dcdafULL);
    EXPECT_EQ(rng.next(), 0x6e789e6aa1b965f4ULL);
    EXPECT_EQ(rng.next(), 0x06c45d188009454fULL);
    SplitMix64 u(7);
    for (int i = 0; i < 1000; ++i) {
        const double x = u.uniform();
        ASSERT_GE(x, 0.0);
        ASSERT_LT(x, 1.0);
        ASSERT_LT(u.below(10), 10u);
    }
}

TEST(SynthGenerator, DeterministicFromTheSeed) {
    const GeneratorOptions a{300, 4, 5};
    EXPECT_EQ(core::synth::generateNetwork(a), core::synth::generateNetwork(a));
    GeneratorOptions b = a;
    b.seed = 6;
    EXPECT_NE(core::synth::generateNetwork(a).supply, core::synth::generateNetwork(b).supply);
}

TEST(SynthGenerator, WritesAValidInterchangeFolder) {
    const auto data = core::synth::generateNetwork({500, 5, 11});
    TempDir dir;
    ASSERT_TRUE(core::io::exportCsvFolder(data, dir.path()));
    // datasetFromFolder fails the test on any validation issue.
    const core::Dataset back = datasetFromFolder(dir.path());
    EXPECT_EQ(back.supply.size(), data.supply.size());
    EXPECT_EQ(back.sites, data.sites);
    EXPECT_EQ(back.controls, data.controls);
    EXPECT_EQ(back.supply, data.supply);
}

TEST(SynthGenerator, HasTheShapeTheBenchNeeds) {
    const int sites = 4000;
    const auto d = core::synth::generateNetwork({sites, 4, 3});
    EXPECT_EQ(d.sites.size(), size_t(sites));
    const double perSite = double(d.supply.size()) / sites;
    EXPECT_GT(perSite, 7.5);
    EXPECT_LT(perSite, 12.5);

    std::map<std::string, std::string> country, owner, supplierOf;
    for (const auto& s : d.suppliers)
        owner[s.id] = s.ownerCountry.value_or("");
    size_t inChina = 0, ownedFromChinaAbroad = 0;
    for (const auto& s : d.sites) {
        country[s.id] = s.country;
        inChina += s.country == "CHN";
        ownedFromChinaAbroad += s.country != "CHN" && owner[s.supplierId] == "CHN";
    }
    EXPECT_GT(inChina, size_t(sites / 10));
    EXPECT_GT(ownedFromChinaAbroad, 20u);

    std::map<std::pair<std::string, std::string>, double> groupShare;
    size_t ours = 0, oursWithSpend = 0;
    for (const auto& l : d.supply) {
        groupShare[{l.buyerSite, l.materialId}] += l.share;
        if (l.buyerSite.empty()) {
            ++ours;
            oursWithSpend += l.annualSpend.has_value();
        }
    }
    size_t partial = 0;
    for (const auto& [key, sum] : groupShare) {
        EXPECT_LE(sum, 1.0 + 1e-9);
        partial += sum < 0.999;
    }
    EXPECT_GT(partial, groupShare.size() / 10); // unknown remainders are common
    EXPECT_GT(ours, 0u);
    EXPECT_EQ(oursWithSpend, ours);

    const auto t = *core::Date::parse("2025-08-01");
    size_t inForce = 0, future = 0;
    for (const auto& c : d.controls) {
        inForce += core::analysis::controlStatus(c, t) == core::analysis::ControlStatus::InForce;
        future += c.effective > t;
    }
    EXPECT_GE(inForce, 2u);
    EXPECT_GE(future, 1u);
    std::set<core::ItemKind> kinds;
    for (const auto& ci : d.controlItems)
        kinds.insert(ci.itemKind);
    EXPECT_EQ(kinds.size(), 2u);
    EXPECT_FALSE(d.siteTechnologies.empty());
    EXPECT_FALSE(d.products.empty());
    EXPECT_FALSE(d.productBom.empty());
    EXPECT_FALSE(d.recipes.empty());
    EXPECT_FALSE(d.worldShares.empty());
    // A control that ends (suspended) after 2025-08-01: ended by December.
    const auto later = *core::Date::parse("2025-12-01");
    size_t endedLater = 0;
    for (const auto& c : d.controls)
        endedLater += c.end && *c.end <= later;
    EXPECT_GE(endedLater, 1u);
}

} // namespace
} // namespace chokepoint::test

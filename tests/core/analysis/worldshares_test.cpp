// SPDX-License-Identifier: MIT
// What a world share measures (SPEC §2 world_shares.basis): the row of one country, the basis
// of a material's shares (common, mixed), and the words views and reports use for it.
#include <gtest/gtest.h>

#include "core/analysis/network.h"
#include "core/analysis/worldshares.h"

namespace chokepoint::core::analysis {
namespace {

Dataset sharesData() {
    Dataset d;
    d.countries = {{"CHN", "China", {}}, {"JPN", "Japan", {}}, {"AUS", "Australia", {}}};
    d.materials = {{"ore", "Ore", Stage::Mining, {}},
                   {"sep", "Separator", Stage::Separator, {}},
                   {"mix", "Mixed", Stage::Other, {}},
                   {"none", "No shares", Stage::Other, {}}};
    // ore: production (a note too, but production needs no qualification).
    d.worldShares.push_back({"ore", "AUS", 0.5, 2024, {}, ShareBasis::Production, "Li content"});
    d.worldShares.push_back({"ore", "CHN", 0.2, 2024, {}, ShareBasis::Production, {}});
    // sep: by company nationality, one note on both rows.
    const std::string nat = "Shipments by company nationality";
    d.worldShares.push_back({"sep", "CHN", 0.874, 2023, {}, ShareBasis::Nationality, nat});
    d.worldShares.push_back({"sep", "JPN", 0.097, 2023, {}, ShareBasis::Nationality, nat});
    // mix: capacity for China, a single month for Japan.
    d.worldShares.push_back({"mix", "CHN", 0.9, 2024, {}, ShareBasis::Capacity, "Plant capacity"});
    d.worldShares.push_back({"mix", "JPN", 0.05, 2024, {}, ShareBasis::Other, "A single month"});
    return d;
}

TEST(WorldShares, TheRowOfOneCountryWithWhatItMeasures) {
    const Network net(sharesData());
    const Index chn = net.countries.find("CHN"), jpn = net.countries.find("JPN");

    const auto ore = worldShareFact(net, net.materials.find("ore"), chn);
    ASSERT_TRUE(ore);
    EXPECT_DOUBLE_EQ(ore->share, 0.2);
    EXPECT_FALSE(ore->qualified());
    EXPECT_EQ(ore->qualification(), ""); // production says nothing more

    const auto sep = worldShareFact(net, net.materials.find("sep"), chn);
    ASSERT_TRUE(sep);
    EXPECT_DOUBLE_EQ(sep->share, 0.874);
    EXPECT_TRUE(sep->qualified());
    EXPECT_EQ(sep->qualification(),
              "share of world output by company nationality, not plant location: Shipments by "
              "company nationality");

    // Japan has no share of ore: unknown, not 0; nor has an unknown country.
    EXPECT_FALSE(worldShareFact(net, net.materials.find("ore"), jpn));
    EXPECT_FALSE(worldShareFact(net, net.materials.find("ore"), kNone));
    EXPECT_FALSE(worldShareFact(net, net.materials.find("none"), chn));
}

TEST(WorldShares, TheBasisOfAMaterialIsCommonOrMixed) {
    const Network net(sharesData());
    const WorldShareBasis ore = worldShareBasis(net, net.materials.find("ore"));
    EXPECT_EQ(ore.basis, ShareBasis::Production);
    EXPECT_FALSE(ore.mixed);
    EXPECT_FALSE(ore.qualified());
    EXPECT_TRUE(ore.notes.empty()); // notes of production rows are not qualifications

    const WorldShareBasis sep = worldShareBasis(net, net.materials.find("sep"));
    EXPECT_EQ(sep.basis, ShareBasis::Nationality);
    EXPECT_FALSE(sep.mixed);
    EXPECT_TRUE(sep.qualified());
    EXPECT_EQ(sep.notes, std::vector<std::string>{"Shipments by company nationality"}); // once

    const WorldShareBasis mix = worldShareBasis(net, net.materials.find("mix"));
    EXPECT_TRUE(mix.mixed);
    EXPECT_EQ(mix.basis, ShareBasis::Other);
    EXPECT_TRUE(mix.qualified());
    EXPECT_EQ(mix.notes, (std::vector<std::string>{"Plant capacity", "A single month"}));

    const WorldShareBasis none = worldShareBasis(net, net.materials.find("none"));
    EXPECT_FALSE(none.qualified());
}

TEST(WorldShares, NoBasisButProductionReadsAsWorldProduction) {
    for (int b = 0; b <= int(ShareBasis::Other); ++b) {
        const auto basis = ShareBasis(b);
        const std::string measure(shareBasisMeasure(basis));
        EXPECT_FALSE(std::string(shareBasisLabel(basis)).empty()) << b;
        if (basis == ShareBasis::Production)
            EXPECT_EQ(measure, "share of world production");
        else
            EXPECT_NE(measure, "share of world production") << b;
    }
    EXPECT_EQ(shareBasisMeasure(ShareBasis::Capacity), "share of world production capacity");
    EXPECT_EQ(shareBasisMeasure(ShareBasis::Mining), "share of world mine output");
    EXPECT_EQ(shareBasisLabel(ShareBasis::LowerBound), "lower bound");
}

} // namespace
} // namespace chokepoint::core::analysis

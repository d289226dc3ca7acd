// SPDX-License-Identifier: MIT
// The synthetic network's site coordinates (core/synth/sitecoordinates), checked on the map.
#include <gtest/gtest.h>

#include "core/map/worldatlas.h"
#include "core/synth/generator.h"

namespace chokepoint::core {
namespace {

TEST(SynthSites, MostSitesSitInTheirOwnCountry) {
    const auto atlas = map::loadBundledWorldAtlas();
    ASSERT_TRUE(atlas) << atlas.errorString();
    const Dataset d = synth::generateNetwork({4000, 4, 3});
    size_t placed = 0, inside = 0;
    for (const Site& s : d.sites) {
        ASSERT_EQ(s.lat.has_value(), s.lon.has_value()) << s.id;
        if (!s.lat)
            continue;
        ++placed;
        const map::AtlasCountry* c = atlas->countryAt(map::equalEarth({*s.lon, *s.lat}));
        inside += c && c->iso3 == s.country;
    }
    // One in ten keeps no coordinates (binomial: 400 ± 19 of 4,000).
    EXPECT_GT(placed, 3500u);
    EXPECT_LT(placed, 3700u);
    // Scattered 1.5° around inland and coastal towns: most land in their own country, some in
    // the sea or over a border.
    EXPECT_GT(double(inside) / double(placed), 0.75);
}

TEST(SynthSites, CoordinatesComeFromTheirOwnStream) {
    // Same seed, same coordinates; another seed scatters the sites differently.
    const Dataset a = synth::generateNetwork({500, 4, 9});
    const Dataset b = synth::generateNetwork({500, 4, 9});
    EXPECT_EQ(a.sites, b.sites);
    const Dataset c = synth::generateNetwork({500, 4, 10});
    size_t same = 0;
    for (size_t i = 0; i < a.sites.size(); ++i)
        same += a.sites[i].lat == c.sites[i].lat && a.sites[i].lat.has_value();
    EXPECT_LT(same, 10u);
}

} // namespace
} // namespace chokepoint::core

// SPDX-License-Identifier: MIT
// The Equal Earth projection against values computed outside this program.
#include <cmath>
#include <gtest/gtest.h>
#include <numbers>

#include "core/map/equalearth.h"

namespace chokepoint::core::map {
namespace {

// Expected values: PROJ 9.1.1 (Debian's proj-bin), `proj -f %.9f +proj=eqearth +R=1`, which
// agree to all nine decimals with a separate Python implementation of the paper's equations
// (Šavrič, Patterson & Jenny 2018, eq. 1–2). PROJ's documentation prints the first as
// "122 47 -> 1.55 0.89".
struct Case {
    double lon, lat, x, y;
};
constexpr Case kPublished[] = {
    {122.0, 47.0, 1.549254331, 0.893308325},
    {180.0, 0.0, 2.706629984, 0.0},
    {0.0, 90.0, 0.0, 1.317362759},
    {-74.006, 40.7128, -0.981861450, 0.787064220}, // New York
    {151.21, -33.87, 2.087103104, -0.664705766},   // Sydney
    {-58.38, -34.6, -0.802717537, -0.678050405},   // Buenos Aires
};

TEST(EqualEarth, ForwardMatchesPublishedCoordinates) {
    for (const Case& c : kPublished) {
        const MapPoint p = equalEarth({c.lon, c.lat});
        EXPECT_NEAR(p.x, c.x, 1e-9) << c.lon << " " << c.lat;
        EXPECT_NEAR(p.y, c.y, 1e-9) << c.lon << " " << c.lat;
    }
}

TEST(EqualEarth, SymmetricAboutBothAxes) {
    const MapPoint p = equalEarth({40.0, 30.0});
    EXPECT_EQ(equalEarth({-40.0, 30.0}), (MapPoint{-p.x, p.y}));
    EXPECT_EQ(equalEarth({40.0, -30.0}), (MapPoint{p.x, -p.y}));
}

TEST(EqualEarth, InverseOfPublishedPoints) {
    // PROJ's test suite (test/gie/builtins.gie): +proj=eqearth +R=6378137 maps
    // 17263256.84 m east on the equator back to longitude 180.
    const auto edge = equalEarthInverse({17263256.84 / 6378137.0, 0.0});
    ASSERT_TRUE(edge);
    EXPECT_NEAR(edge->lon, 180.0, 1e-6);
    EXPECT_NEAR(edge->lat, 0.0, 1e-12);
    for (const Case& c : kPublished) {
        if (std::abs(c.lat) == 90.0) // a pole: no longitude, and y to 9 decimals is too coarse
            continue;
        const auto g = equalEarthInverse({c.x, c.y});
        ASSERT_TRUE(g);
        EXPECT_NEAR(g->lon, c.lon, 1e-6);
        EXPECT_NEAR(g->lat, c.lat, 1e-6);
    }
    const auto pole = equalEarthInverse({0.0, equalEarthHalfHeight()});
    ASSERT_TRUE(pole);
    EXPECT_NEAR(pole->lat, 90.0, 1e-6);
}

TEST(EqualEarth, InverseRefusesPointsOffTheMap) {
    EXPECT_FALSE(equalEarthInverse({3.0, 0.0})); // beyond x(180°) = 2.7066
    EXPECT_FALSE(equalEarthInverse({0.0, 1.4})); // above the pole's 1.3174
    EXPECT_FALSE(equalEarthInverse({2.6, 1.2})); // inside the box, outside the outline
    EXPECT_FALSE(equalEarthInverse({NAN, 0.0}));
}

TEST(EqualEarth, WrapsLongitudesAndClampsLatitudes) {
    const MapPoint a = equalEarth({-170.0, 10.0});
    const MapPoint b = equalEarth({190.0, 10.0});
    EXPECT_NEAR(a.x, b.x, 1e-12);
    EXPECT_NEAR(a.y, b.y, 1e-12);
    EXPECT_EQ(equalEarth({0.0, 95.0}), equalEarth({0.0, 90.0}));
}

TEST(EqualEarth, ExtentOfTheMap) {
    EXPECT_NEAR(equalEarthHalfWidth(), 2.706629984, 1e-9);
    EXPECT_NEAR(equalEarthHalfHeight(), 1.317362759, 1e-9);
}

} // namespace
} // namespace chokepoint::core::map

// SPDX-License-Identifier: MIT
#include <cmath>
#include <gtest/gtest.h>
#include <numbers>

#include "core/map/geometry.h"

namespace chokepoint::core::map {
namespace {

TEST(MapGeometry, RingAndPolygonMoments) {
    // A 4 x 2 rectangle at (1, 1), counter-clockwise: area 8, centroid (3, 2).
    const MapRing rect = {{1, 1}, {5, 1}, {5, 3}, {1, 3}};
    const RingMoments m = ringMoments(rect);
    EXPECT_DOUBLE_EQ(m.area, 8);
    EXPECT_DOUBLE_EQ(m.centroid.x, 3);
    EXPECT_DOUBLE_EQ(m.centroid.y, 2);
    EXPECT_DOUBLE_EQ(ringMoments({{1, 3}, {5, 3}, {5, 1}, {1, 1}}).area, -8); // clockwise
    // With a 1 x 2 hole at x 4..5 (area 2, centroid (4.5, 2)), whatever its orientation:
    // (8 · 3 − 2 · 4.5) / 6 = 2.5.
    const MapPolygon holed = {rect, {{4, 1}, {4, 3}, {5, 3}, {5, 1}}};
    const RingMoments h = polygonMoments(holed);
    EXPECT_DOUBLE_EQ(h.area, 6);
    EXPECT_DOUBLE_EQ(h.centroid.x, 2.5);
    EXPECT_DOUBLE_EQ(h.centroid.y, 2);
    EXPECT_TRUE(polygonContains(holed, {2, 2}));
    EXPECT_FALSE(polygonContains(holed, {4.5, 2}));
    EXPECT_FALSE(polygonContains(holed, {0, 2}));
}

TEST(MapGeometry, PointInsideABentPolygon) {
    // A U: two 1-wide arms x 0..1 and x 3..4, joined at the bottom y 0..1. The centroid
    // (2, 1.25) lies in the gap; the line y = 1.25 crosses the arms at 0..1 and 3..4, whose
    // middles 0.5 and 3.5 are equally near: the first is taken.
    const MapPolygon u = {{{0, 0}, {4, 0}, {4, 3}, {3, 3}, {3, 1}, {1, 1}, {1, 3}, {0, 3}}};
    const RingMoments m = polygonMoments(u);
    EXPECT_DOUBLE_EQ(m.centroid.x, 2);
    // Area 4 + 2 · 2 = 8; y moments: bottom 4 · 0.5, arms 2 · 2 each: (2 + 8) / 8 = 1.25.
    EXPECT_DOUBLE_EQ(m.centroid.y, 1.25);
    const MapPoint p = pointInside(u, m.centroid);
    EXPECT_DOUBLE_EQ(p.x, 0.5);
    EXPECT_DOUBLE_EQ(p.y, 1.25);
    EXPECT_TRUE(polygonContains(u, p));
    EXPECT_EQ(pointInside(u, {0.5, 0.5}), (MapPoint{0.5, 0.5})); // inside already
}

TEST(MapGeometry, SplitsPolygonsAcrossTheAntimeridian) {
    // lon 170 .. -170 (across 180), lat 60..70.
    const GeoPolygon across = {{{170, 60}, {-170, 60}, {-170, 70}, {170, 70}}};
    const auto parts = splitAtAntimeridian(across);
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_EQ(parts[0][0], (GeoRing{{170, 60}, {180, 60}, {180, 70}, {170, 70}}));
    EXPECT_EQ(parts[1][0], (GeoRing{{-180, 60}, {-170, 60}, {-170, 70}, {-180, 70}}));

    // Within [-180, 180] already: unchanged; so is a ring round the pole along ±180.
    const GeoPolygon plain = {{{10, 0}, {20, 0}, {20, 10}}};
    EXPECT_EQ(splitAtAntimeridian(plain), std::vector<GeoPolygon>{plain});
    const GeoPolygon polar = {
        {{-180, -80}, {-90, -70}, {0, -75}, {90, -70}, {180, -80}, {180, -90}, {-180, -90}}};
    EXPECT_EQ(splitAtAntimeridian(polar), std::vector<GeoPolygon>{polar});
    // Touching 180 without crossing (a ring that runs along it): unchanged.
    const GeoPolygon touching = {{{175, 0}, {180, 0}, {180, 5}, {175, 5}}};
    EXPECT_EQ(splitAtAntimeridian(touching), std::vector<GeoPolygon>{touching});
}

} // namespace
} // namespace chokepoint::core::map

// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "core/map/clustering.h"

namespace chokepoint::core::map {
namespace {

std::vector<std::vector<uint32_t>> groups(const Clusters& c) {
    std::vector<std::vector<uint32_t>> out;
    for (size_t i = 0; i < c.size(); ++i)
        out.emplace_back(c.begin(i), c.end(i));
    return out;
}

// A(0,0) w5, B(0.5,0) w1, C(1.2,0) w3, D(5,5) w2, E(5.9,5) w1; radius 1.
// Seeds by weight: A takes B (0.5 away; C is 1.2 away); C is alone (B is taken); D takes E
// (0.9 away); B and E are taken already.
const std::vector<MapPoint> kPoints = {{0, 0}, {0.5, 0}, {1.2, 0}, {5, 5}, {5.9, 5}};
const std::vector<double> kWeights = {5, 1, 3, 2, 1};

TEST(Clustering, HeaviestPointsSeedClustersWithinTheRadius) {
    const Clusters c = clusterPoints(kPoints, kWeights, 1.0);
    EXPECT_EQ(groups(c), (std::vector<std::vector<uint32_t>>{{0, 1}, {2}, {3, 4}}));
    ASSERT_EQ(c.size(), 3u);
    EXPECT_NEAR(c.centre[0].x, 0.25, 1e-12);
    EXPECT_NEAR(c.centre[0].y, 0.0, 1e-12);
    EXPECT_EQ(c.centre[1], (MapPoint{1.2, 0}));
    EXPECT_NEAR(c.centre[2].x, 5.45, 1e-12);
    EXPECT_EQ(c.count(2), 2u);
}

TEST(Clustering, WeightsDecideWhoSeeds) {
    // C heaviest: it takes B (0.7 away); A is left alone (B is taken).
    const Clusters c = clusterPoints(kPoints, {1, 1, 9, 1, 1}, 1.0);
    EXPECT_EQ(groups(c), (std::vector<std::vector<uint32_t>>{{2, 1}, {0}, {3, 4}}));
    // No weights: index order.
    EXPECT_EQ(groups(clusterPoints(kPoints, {}, 1.0)),
              (std::vector<std::vector<uint32_t>>{{0, 1}, {2}, {3, 4}}));
}

TEST(Clustering, RadiusLimits) {
    EXPECT_EQ(clusterPoints(kPoints, kWeights, 0.0).size(), 5u);
    const Clusters all = clusterPoints(kPoints, kWeights, 10.0);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_NEAR(all.centre[0].x, (0 + 0.5 + 1.2 + 5 + 5.9) / 5, 1e-12);
    EXPECT_NEAR(all.centre[0].y, 2.0, 1e-12);
    // Exactly at the radius counts; across a grid cell border (negative coordinates) too.
    EXPECT_EQ(clusterPoints({{0, 0}, {1, 0}}, {}, 1.0).size(), 1u);
    EXPECT_EQ(clusterPoints({{-0.1, -0.1}, {0.1, 0.1}}, {}, 0.5).size(), 1u);
    EXPECT_EQ(clusterPoints({}, {}, 1.0).size(), 0u);
}

TEST(Clustering, ManyPointsOnOnePlace) {
    // 20,000 sites at two centroids and a line of 1,000 points 0.01 apart (radius 0.045: in
    // index order every seed takes the next four points, so 1,000 / 5 = 200 clusters).
    std::vector<MapPoint> pts(10000, MapPoint{1, 1});
    pts.insert(pts.end(), 10000, MapPoint{-1, 0.5});
    for (int i = 0; i < 1000; ++i)
        pts.push_back({3 + 0.01 * i, -1});
    const Clusters c = clusterPoints(pts, {}, 0.045);
    ASSERT_GE(c.size(), 2u);
    EXPECT_EQ(c.count(0), 10000u);
    EXPECT_EQ(c.count(1), 10000u);
    EXPECT_EQ(c.size(), 2u + 200u);
    size_t total = 0;
    for (size_t i = 0; i < c.size(); ++i)
        total += c.count(i);
    EXPECT_EQ(total, pts.size());
}

} // namespace
} // namespace chokepoint::core::map

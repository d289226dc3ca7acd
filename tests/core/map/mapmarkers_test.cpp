// SPDX-License-Identifier: MIT
// Markers and flows at a zoom level, on a scene written by hand.
#include <gtest/gtest.h>

#include "core/map/mapmarkers.h"

namespace chokepoint::core::map {
namespace {

MapSite site(int32_t id, MapPoint p, double size, SiteExposure e, bool atCentroid, int tier) {
    MapSite s;
    s.site = id;
    s.position = p;
    s.size = size;
    s.spend = size;
    s.spendAtRisk = e == SiteExposure::Exposed ? size : 0.0;
    s.exposure = e;
    s.atCentroid = atCentroid;
    s.tier = tier;
    return s;
}

MapArc arc(int32_t from, int32_t to, double share, bool exposed) {
    MapArc a;
    a.fromSite = from;
    a.toSite = to;
    a.share = share;
    a.exposed = exposed;
    return a;
}

// Sites 0 (0,0) size 10 exposed; 1 (0.05,0) size 5 clear, at a centroid; 2 (1,0) size 1
// upstream, centroid; 3 (1.02,0) size 0 exposed, centroid. Our company at (2, 2).
// Arcs: 0 -> us 0.7 (exposed), 1 -> us 0.3, 2 -> 0 0.2, 3 -> 2 0.1 (exposed), 3 -> 1 0.05
// (exposed).
MapScene scene() {
    MapScene s;
    s.sites = {site(0, {0, 0}, 10, SiteExposure::Exposed, false, 1),
               site(1, {0.05, 0}, 5, SiteExposure::Clear, true, 1),
               site(2, {1, 0}, 1, SiteExposure::Upstream, true, 2),
               site(3, {1.02, 0}, 0, SiteExposure::Exposed, true, 3)};
    s.self = MapPoint{2, 2};
    s.arcs = {arc(0, kOurCompany, 0.7, true), arc(1, kOurCompany, 0.3, false),
              arc(2, 0, 0.2, false), arc(3, 2, 0.1, true), arc(3, 1, 0.05, true)};
    for (MapArc& a : s.arcs) {
        a.from = s.findSite(a.fromSite)->position;
        a.to = a.toSite == kOurCompany ? *s.self : s.findSite(a.toSite)->position;
    }
    return s;
}

TEST(MapMarkers, ClustersSitesAndSumsTheirFlows) {
    // Radius 0.1: site 0 (heaviest) takes site 1 (0.05 away); site 2 takes site 3 (0.02).
    const MapMarkers m = buildMarkers(scene(), 0.1);
    ASSERT_EQ(m.markers.size(), 2u);
    EXPECT_EQ(m.markerOfSite, (std::vector<int>{0, 0, 1, 1}));
    const MapMarker& a = m.markers[0];
    EXPECT_EQ(a.count, 2u);
    EXPECT_DOUBLE_EQ(a.size, 15);
    EXPECT_DOUBLE_EQ(a.spendAtRisk, 10);
    EXPECT_EQ(a.exposed, 1u);
    EXPECT_EQ(a.clear, 1u);
    EXPECT_FALSE(a.allAtCentroid);
    EXPECT_EQ(a.minTier, 1);
    EXPECT_DOUBLE_EQ(a.position.x, 0.025);
    const MapMarker& b = m.markers[1];
    EXPECT_EQ(b.upstream, 1u);
    EXPECT_EQ(b.exposed, 1u);
    EXPECT_TRUE(b.allAtCentroid);
    EXPECT_EQ(b.minTier, 2);
    EXPECT_DOUBLE_EQ(b.position.x, 1.01);

    // Flows: A -> us 0.7 + 0.3 (0.7 exposed); B -> A 0.2 + 0.05 (0.05 exposed); 3 -> 2 stays
    // inside B and is not drawn.
    ASSERT_EQ(m.flows.size(), 2u);
    EXPECT_EQ(m.flows[0].from, 0);
    EXPECT_EQ(m.flows[0].to, MapFlow::kToUs);
    EXPECT_DOUBLE_EQ(m.flows[0].share, 1.0);
    EXPECT_DOUBLE_EQ(m.flows[0].exposedShare, 0.7);
    EXPECT_EQ(m.flows[0].arcs, 2u);
    EXPECT_EQ(m.flows[0].toPoint, (MapPoint{2, 2}));
    EXPECT_EQ(m.flows[1].from, 1);
    EXPECT_EQ(m.flows[1].to, 0);
    EXPECT_DOUBLE_EQ(m.flows[1].share, 0.25);
    EXPECT_DOUBLE_EQ(m.flows[1].exposedShare, 0.05);
    EXPECT_EQ(m.flows[1].fromPoint, b.position);
}

TEST(MapMarkers, ZoomedInEverySiteIsItsOwnMarker) {
    const MapMarkers m = buildMarkers(scene(), 0.0);
    ASSERT_EQ(m.markers.size(), 4u);
    // Heaviest first: sites 0, 1, 2, 3 by size 10, 5, 1, 0.
    EXPECT_EQ(m.markerOfSite, (std::vector<int>{0, 1, 2, 3}));
    EXPECT_EQ(m.markers[2].position, (MapPoint{1, 0}));
    ASSERT_EQ(m.flows.size(), 5u);
    EXPECT_DOUBLE_EQ(m.flows[0].share, 0.7);
    EXPECT_DOUBLE_EQ(m.flows[4].share, 0.05);
}

} // namespace
} // namespace chokepoint::core::map

// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

#include "core/map/clustering.h"
#include "core/map/mapscene.h"

namespace chokepoint::core::map {

/// One marker at a zoom level: a site, or a cluster of sites drawn with a count.
struct MapMarker {
    MapPoint position;
    uint32_t count = 0; ///< sites in it
    double size = 0.0;  ///< Σ of the sites' MapSite::size
    double spend = 0.0, spendAtRisk = 0.0;
    uint32_t exposed = 0, upstream = 0, clear = 0; ///< sites per SiteExposure
    bool allAtCentroid = false;                    ///< every site placed at a centroid
    int minTier = 0;
};

/// The flow between two markers: the scene's arcs between their sites, summed.
struct MapFlow {
    int from = -1; ///< marker index
    int to = -1;   ///< marker index, or kToUs (our company)
    MapPoint fromPoint, toPoint;
    double share = 0.0;        ///< Σ MapArc::share (can pass 1 when paths share a site)
    double exposedShare = 0.0; ///< the part of it from exposed deliveries
    uint32_t arcs = 0;
    static constexpr int kToUs = -2;
};

/// The scene's sites and arcs at one zoom level: sites within `radius` (map units) of a
/// heavier one merge into one marker (clusterPoints(), weighted by MapSite::size, so the
/// biggest sites stay where they are), and the arcs between the sites of two markers become
/// one flow; arcs inside one marker are not drawn.
struct MapMarkers {
    std::vector<MapMarker> markers;
    Clusters clusters;             ///< members are indices into MapScene::sites
    std::vector<int> markerOfSite; ///< per MapScene::sites entry
    std::vector<MapFlow> flows;    ///< share descending
    double radius = 0.0;
};
MapMarkers buildMarkers(const MapScene& scene, double radius);

} // namespace chokepoint::core::map

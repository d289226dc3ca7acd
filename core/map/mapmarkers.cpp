// SPDX-License-Identifier: MIT
#include "core/map/mapmarkers.h"

#include <algorithm>
#include <map>

namespace chokepoint::core::map {

MapMarkers buildMarkers(const MapScene& scene, double radius) {
    MapMarkers out;
    out.radius = radius;
    std::vector<MapPoint> points;
    std::vector<double> weights;
    points.reserve(scene.sites.size());
    weights.reserve(scene.sites.size());
    for (const MapSite& s : scene.sites) {
        points.push_back(s.position);
        // Heavier sites seed first; among equals, exposed ones (so a cluster's centre leans
        // to what matters). The tiny term never outweighs a real difference in size.
        weights.push_back(s.size + (s.exposure == SiteExposure::Exposed ? 1e-9 : 0.0));
    }
    out.clusters = clusterPoints(points, weights, radius);
    out.markerOfSite.assign(scene.sites.size(), -1);
    out.markers.reserve(out.clusters.size());
    for (size_t c = 0; c < out.clusters.size(); ++c) {
        MapMarker m;
        m.position =
            out.clusters.count(c) == 1 ? points[*out.clusters.begin(c)] : out.clusters.centre[c];
        m.allAtCentroid = true;
        for (const uint32_t* i = out.clusters.begin(c); i != out.clusters.end(c); ++i) {
            const MapSite& s = scene.sites[*i];
            out.markerOfSite[*i] = int(c);
            ++m.count;
            m.size += s.size;
            m.spend += s.spend;
            m.spendAtRisk += s.spendAtRisk;
            m.allAtCentroid = m.allAtCentroid && s.atCentroid;
            m.minTier = m.minTier ? std::min(m.minTier, s.tier) : s.tier;
            switch (s.exposure) {
            case SiteExposure::Exposed:
                ++m.exposed;
                break;
            case SiteExposure::Upstream:
                ++m.upstream;
                break;
            case SiteExposure::Clear:
                ++m.clear;
                break;
            }
        }
        out.markers.push_back(m);
    }

    // Arcs -> flows between markers.
    std::map<std::pair<int, int>, size_t> index;
    for (const MapArc& a : scene.arcs) {
        const MapSite* from = scene.findSite(a.fromSite);
        if (!from)
            continue;
        const int fm = out.markerOfSite[size_t(from - scene.sites.data())];
        int tm = MapFlow::kToUs;
        if (a.toSite != kOurCompany) {
            const MapSite* to = scene.findSite(a.toSite);
            if (!to)
                continue;
            tm = out.markerOfSite[size_t(to - scene.sites.data())];
        }
        if (fm == tm)
            continue;
        const auto [it, added] = index.try_emplace({fm, tm}, out.flows.size());
        if (added) {
            MapFlow f;
            f.from = fm;
            f.to = tm;
            f.fromPoint = out.markers[size_t(fm)].position;
            f.toPoint = tm == MapFlow::kToUs ? a.to : out.markers[size_t(tm)].position;
            out.flows.push_back(f);
        }
        MapFlow& f = out.flows[it->second];
        f.share += a.share;
        if (a.exposed)
            f.exposedShare += a.share;
        ++f.arcs;
    }
    std::stable_sort(out.flows.begin(), out.flows.end(),
                     [](const MapFlow& a, const MapFlow& b) { return a.share > b.share; });
    return out;
}

} // namespace chokepoint::core::map

// SPDX-License-Identifier: MIT
#include "core/map/geometry.h"

#include <algorithm>
#include <cmath>

namespace chokepoint::core::map {

void MapRect::add(MapPoint p) {
    if (empty()) {
        minX = maxX = p.x;
        minY = maxY = p.y;
        return;
    }
    minX = std::min(minX, p.x);
    maxX = std::max(maxX, p.x);
    minY = std::min(minY, p.y);
    maxY = std::max(maxY, p.y);
}

void MapRect::add(const MapRect& r) {
    if (r.empty())
        return;
    add(MapPoint{r.minX, r.minY});
    add(MapPoint{r.maxX, r.maxY});
}

RingMoments ringMoments(const MapRing& ring) {
    RingMoments m;
    if (ring.empty())
        return m;
    double a = 0, cx = 0, cy = 0;
    // Relative to the first point: keeps the products small and the sums exact enough.
    const MapPoint o = ring.front();
    for (size_t i = 0; i < ring.size(); ++i) {
        const MapPoint p{ring[i].x - o.x, ring[i].y - o.y};
        const MapPoint q{ring[(i + 1) % ring.size()].x - o.x, ring[(i + 1) % ring.size()].y - o.y};
        const double c = p.x * q.y - q.x * p.y;
        a += c;
        cx += (p.x + q.x) * c;
        cy += (p.y + q.y) * c;
    }
    m.area = a / 2.0;
    m.centroid = m.area != 0.0 ? MapPoint{o.x + cx / (3.0 * a), o.y + cy / (3.0 * a)} : o;
    return m;
}

RingMoments polygonMoments(const MapPolygon& polygon) {
    RingMoments out;
    double mx = 0, my = 0;
    for (size_t r = 0; r < polygon.size(); ++r) {
        const RingMoments m = ringMoments(polygon[r]);
        const double a = r == 0 ? std::abs(m.area) : -std::abs(m.area);
        out.area += a;
        mx += a * m.centroid.x;
        my += a * m.centroid.y;
    }
    if (out.area > 0)
        out.centroid = {mx / out.area, my / out.area};
    else if (!polygon.empty() && !polygon.front().empty())
        out.centroid = polygon.front().front();
    return out;
}

bool polygonContains(const MapPolygon& polygon, MapPoint p) {
    bool inside = false;
    for (const MapRing& ring : polygon)
        for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const MapPoint& a = ring[i];
            const MapPoint& b = ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
                inside = !inside;
        }
    return inside;
}

MapPoint pointInside(const MapPolygon& polygon, MapPoint p) {
    if (polygonContains(polygon, p))
        return p;
    // Where the horizontal line through p crosses the rings; between pairs of crossings
    // (even-odd) the line is inside.
    std::vector<double> xs;
    for (const MapRing& ring : polygon)
        for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const MapPoint& a = ring[i];
            const MapPoint& b = ring[j];
            if ((a.y > p.y) != (b.y > p.y))
                xs.push_back((b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x);
        }
    std::sort(xs.begin(), xs.end());
    MapPoint best = p;
    double bestDistance = INFINITY;
    for (size_t i = 0; i + 1 < xs.size(); i += 2) {
        const double mid = (xs[i] + xs[i + 1]) / 2.0;
        if (std::abs(mid - p.x) < bestDistance) {
            bestDistance = std::abs(mid - p.x);
            best = {mid, p.y};
        }
    }
    return best;
}

namespace {

// Sutherland–Hodgman against one meridian: keeps the part of `ring` east (keepEast) or west of
// `lon`, adding the crossing points on the meridian.
GeoRing clipAtMeridian(const GeoRing& ring, double lon, bool keepEast) {
    GeoRing out;
    auto inside = [&](const GeoPoint& p) { return keepEast ? p.lon >= lon : p.lon <= lon; };
    for (size_t i = 0; i < ring.size(); ++i) {
        const GeoPoint& p = ring[i];
        const GeoPoint& q = ring[(i + 1) % ring.size()];
        if (inside(p))
            out.push_back(p);
        if (inside(p) != inside(q) && p.lon != q.lon) {
            const double t = (lon - p.lon) / (q.lon - p.lon);
            out.push_back({lon, p.lat + t * (q.lat - p.lat)});
        }
    }
    return out;
}

GeoRing shifted(GeoRing ring, double dLon) {
    for (GeoPoint& p : ring)
        p.lon += dLon;
    return ring;
}

} // namespace

std::vector<GeoPolygon> splitAtAntimeridian(const GeoPolygon& polygon) {
    if (polygon.empty() || polygon.front().size() < 3)
        return {polygon};
    // Unwrap each ring: longitudes made continuous by steps of 360°.
    std::vector<GeoRing> unwrapped;
    bool crosses = false;
    for (const GeoRing& ring : polygon) {
        GeoRing u = ring;
        double offset = 0;
        for (size_t i = 1; i < ring.size(); ++i) {
            const double d = ring[i].lon - ring[i - 1].lon;
            if (d > 180)
                offset -= 360;
            else if (d < -180)
                offset += 360;
            u[i].lon = ring[i].lon + offset;
        }
        // A ring that does not come back to its start after unwrapping goes round a pole:
        // Natural Earth already draws it along ±180°; leave the polygon alone.
        if (std::abs(u.back().lon - u.front().lon) > 180)
            return {polygon};
        crosses = crosses || offset != 0 || std::any_of(u.begin(), u.end(), [](const GeoPoint& p) {
                      return p.lon > 180 || p.lon < -180;
                  });
        unwrapped.push_back(std::move(u));
    }
    if (!crosses)
        return {polygon};
    // Put the exterior in [-180, 540) so the cut is at +180, then cut every ring there.
    const auto [lo, hi] =
        std::minmax_element(unwrapped.front().begin(), unwrapped.front().end(),
                            [](const GeoPoint& a, const GeoPoint& b) { return a.lon < b.lon; });
    const double shift = lo->lon < -180 ? 360 : 0;
    const double minLon = lo->lon + shift, maxLon = hi->lon + shift;
    GeoPolygon west, east;
    for (size_t r = 0; r < unwrapped.size(); ++r) {
        GeoRing ring = shifted(unwrapped[r], shift);
        // A hole unwrapped on its own may sit a turn away from its exterior.
        const double first = ring.front().lon;
        if (r > 0 && (first < minLon || first > maxLon))
            ring = shifted(std::move(ring), first + 360 <= maxLon ? 360 : -360);
        GeoRing w = clipAtMeridian(ring, 180, false);
        GeoRing e = shifted(clipAtMeridian(ring, 180, true), -360);
        if (r == 0 || w.size() >= 3)
            west.push_back(std::move(w));
        if (r == 0 || e.size() >= 3)
            east.push_back(std::move(e));
    }
    std::vector<GeoPolygon> out;
    for (GeoPolygon* part : {&west, &east})
        if (part->front().size() >= 3)
            out.push_back(std::move(*part));
    return out;
}

} // namespace chokepoint::core::map

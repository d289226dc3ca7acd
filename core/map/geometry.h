// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "core/map/equalearth.h"
#include "core/map/topojson.h"

namespace chokepoint::core::map {

using MapRing = std::vector<MapPoint>;
/// An area on the map plane: exterior ring first, then holes.
using MapPolygon = std::vector<MapRing>;

/// An axis-aligned rectangle of the map plane (y north). Empty while min > max.
struct MapRect {
    double minX = 1, minY = 1, maxX = 0, maxY = 0;
    bool empty() const { return minX > maxX || minY > maxY; }
    double width() const { return empty() ? 0.0 : maxX - minX; }
    double height() const { return empty() ? 0.0 : maxY - minY; }
    bool contains(MapPoint p) const {
        return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY;
    }
    bool intersects(const MapRect& o) const {
        return !empty() && !o.empty() && o.minX <= maxX && o.maxX >= minX && o.minY <= maxY &&
               o.maxY >= minY;
    }
    void add(MapPoint p);
    void add(const MapRect& r);
    bool operator==(const MapRect&) const = default;
};

/// Signed area of a ring (counter-clockwise positive, y north) and its area-weighted
/// centroid (shoelace formulas); a degenerate ring gives area 0 and its first point.
struct RingMoments {
    double area = 0.0;
    MapPoint centroid;
};
RingMoments ringMoments(const MapRing& ring);
/// Area of a polygon (exterior minus holes, whatever the rings' orientation) and the
/// area-weighted centroid of what remains.
RingMoments polygonMoments(const MapPolygon& polygon);
/// Even-odd point-in-polygon test over all rings (holes excluded).
bool polygonContains(const MapPolygon& polygon, MapPoint p);

/// A point inside `polygon` near `p`: `p` itself when inside, else the middle of the
/// polygon's stretch along the horizontal line through `p` that lies nearest to it (for a
/// centroid that falls outside a bent country, such as Vietnam's). `p` when the line misses
/// the polygon.
MapPoint pointInside(const MapPolygon& polygon, MapPoint p);

/// Natural Earth draws a few areas across the 180° meridian (Chukotka, Fiji's islands): their
/// rings jump from 180° to −180°. Splits such a polygon into a western and an eastern part
/// that each stay within [−180°, 180°], cutting along the meridian. A ring around a pole
/// (Antarctica's, which runs along ±180° itself) and every other polygon come back as they are.
std::vector<GeoPolygon> splitAtAntimeridian(const GeoPolygon& polygon);

} // namespace chokepoint::core::map

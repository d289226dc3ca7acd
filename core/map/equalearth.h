// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

namespace chokepoint::core::map {

/// A place on the globe in degrees: longitude east of Greenwich, latitude north of the equator.
struct GeoPoint {
    double lon = 0.0;
    double lat = 0.0;
    bool operator==(const GeoPoint&) const = default;
};

/// A point of the map plane, in units of the Earth's radius (R = 1): x east, y north.
struct MapPoint {
    double x = 0.0;
    double y = 0.0;
    bool operator==(const MapPoint&) const = default;
};

/// The Equal Earth projection (Šavrič, Patterson & Jenny 2018, "The Equal Earth map
/// projection", International Journal of Geographical Information Science 33(3), 454–465,
/// doi:10.1080/13658816.2018.1504949), spherical form, central meridian 0°, R = 1.
/// Equal-area: areas on the plane are proportional to areas on the globe.
///
/// Longitudes outside [-180, 180] are wrapped; latitudes are clamped to [-90, 90].
MapPoint equalEarth(GeoPoint p);
/// The inverse, by Newton iteration on the parametric latitude (as in the paper). Nothing
/// for a point outside the map's outline.
std::optional<GeoPoint> equalEarthInverse(MapPoint p);

/// Half the width of the map (x of longitude 180° on the equator) and half its height
/// (y of the North Pole).
double equalEarthHalfWidth();
double equalEarthHalfHeight();

} // namespace chokepoint::core::map

// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/map/equalearth.h"
#include "core/util/result.h"

namespace chokepoint::core::map {

/// A closed ring of points (the last point need not repeat the first).
using GeoRing = std::vector<GeoPoint>;
/// An area: its exterior ring first, then its holes.
using GeoPolygon = std::vector<GeoRing>;

/// One geometry of a TopoJSON object: its id (a string or a number, as text), its
/// `properties.name` (empty when missing) and its areas. Points and lines carry no area and
/// are left out; a null geometry has no polygons.
struct TopoFeature {
    std::string id;
    std::string name;
    std::vector<GeoPolygon> polygons;
};

/// Decodes the geometries of `objectName` in a TopoJSON topology (topojson-specification
/// 1.0): arcs shared between features, quantised and delta-encoded when the topology has a
/// `transform`, referenced by index (a negative index ~i is arc i reversed), Polygon and
/// MultiPolygon geometries inside a GeometryCollection (or a single geometry).
///
/// Errors name `sourceName`: JSON syntax errors as `source:line:column: message`, structural
/// ones with the JSON path (`source: objects.countries.geometries[3].arcs: arc 812 out of
/// range (595 arcs)`). Pure function; thread-safe.
Result<std::vector<TopoFeature>>
decodeTopoJson(std::string_view json, const std::string& objectName, const std::string& sourceName);

} // namespace chokepoint::core::map

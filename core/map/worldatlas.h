// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/map/equalearth.h"
#include "core/map/geometry.h"
#include "core/map/topojson.h"
#include "core/util/result.h"

namespace chokepoint::core::map {

/// One country of the atlas, projected with Equal Earth.
struct AtlasCountry {
    std::string iso3;
    std::string name; ///< Natural Earth's short name ("Korea", "Dem. Rep. Congo")
    std::vector<MapPolygon> polygons;
    MapRect bounds;
    double area = 0.0; ///< Σ polygon areas on the R = 1 plane (4π is the whole globe)
    /// Area-weighted centroid of the country's largest polygon: where markers of sites
    /// without coordinates go. (Of the largest polygon, so that France's falls in France, not
    /// in the sea between Europe and French Guiana.)
    MapPoint centroid;
    GeoPoint centroidGeo;
    bool contains(MapPoint p) const;
};

/// The bundled world map (resources/map, resources/map/NOTICE.md): Natural Earth 1:110m
/// country outlines keyed by ISO 3166-1 alpha-3, projected once with Equal Earth, plus
/// centroids of the countries too small for that scale. Immutable after construction;
/// safe to share between threads for reading.
class WorldAtlas {
public:
    /// Builds the atlas from the texts of the resource files: the TopoJSON outlines (object
    /// "countries", ids = ISO numeric codes), `iso3166-numeric.csv` (numeric,iso3,name),
    /// `unnumbered-features.csv` (atlas_name,iso3,reason) and `small-country-centroids.csv`
    /// (iso3,lat,lon,atlas_name). Features whose id is in no table are an error (a
    /// mismatch between the files), as is any unreadable file.
    static Result<WorldAtlas> build(std::string_view topoJson, std::string_view isoNumericCsv,
                                    std::string_view unnumberedCsv,
                                    std::string_view smallCentroidsCsv);

    const std::vector<AtlasCountry>& countries() const { return m_countries; }
    /// The country with outlines, or null.
    const AtlasCountry* find(std::string_view iso3) const;
    /// Where a site of `iso3` without coordinates goes: the outline's centroid, else the
    /// small-country centroid; false when neither exists (see missingReason()).
    bool centroid(std::string_view iso3, MapPoint& out) const;
    /// Why `iso3` has no outline: empty when it has one; else a sentence for people, e.g.
    /// "too small for the 1:110m outlines: placed at its centroid".
    std::string missingReason(std::string_view iso3) const;
    /// The ISO 3166-1 name of a code (empty when unknown).
    std::string isoName(std::string_view iso3) const;
    /// The country whose outline contains `p` (null over the sea).
    const AtlasCountry* countryAt(MapPoint p) const;
    /// Everything, and the inhabited world without Antarctica (the default view).
    MapRect bounds() const { return m_bounds; }
    MapRect inhabitedBounds() const { return m_inhabited; }

private:
    std::vector<AtlasCountry> m_countries;
    std::unordered_map<std::string, size_t> m_index;
    std::unordered_map<std::string, std::string> m_isoNames;
    std::unordered_map<std::string, MapPoint> m_smallCentroids;
    MapRect m_bounds, m_inhabited;
};

/// The atlas from the resources compiled into the program (needs chokepoint_resources
/// linked). An error here is a bug in the shipped files. Takes a few milliseconds: callers
/// keep the result.
Result<WorldAtlas> loadBundledWorldAtlas();

} // namespace chokepoint::core::map

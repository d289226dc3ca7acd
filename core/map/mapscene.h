// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/map/equalearth.h"

namespace chokepoint::core::map {

// What the map shows, as plain data (built by buildMapScene(), mapbuilder.h; drawn by
// ui/map; carried by reports). Sites, countries and materials are Network indices.

/// The buyer of a link that is our own company (analysis::kSelf).
inline constexpr int32_t kOurCompany = -1;

/// What shades the countries (SPEC §6, the Map).
enum class CountryMeasure {
    SpendAtRisk, ///< Σ spend · f(s, m) over our filtered tier-1 links from sites there
    SupplyShare, ///< the country's share of our filtered tier-1 spend
    WorldShare,  ///< world_share(material, country) of the chosen material
};

/// How a site's marker is coloured under the lens.
enum class SiteExposure {
    Exposed,  ///< L(s, m) holds for a material it delivers in the chain
    Upstream, ///< not itself, but exposed through its inputs: f(s, m) > 0
    Clear,    ///< f(s, m) = 0 for everything it delivers in the chain
};

/// A site of the filtered supply chain, placed on the map.
struct MapSite {
    int32_t site = -1;
    MapPoint position;
    bool atCentroid = false; ///< no coordinates: at its country's centroid (drawn hollow)
    SiteExposure exposure = SiteExposure::Clear;
    int tier = 0;             ///< 1 = sells to us; 1 + fewest links to our company
    double spend = 0.0;       ///< our filtered tier-1 annual spend on links from it
    double spendAtRisk = 0.0; ///< Σ spend · f(s, m) over the same links
    double size = 0.0;        ///< what the marker's area shows: spend or the request's sizes
    double flowShare = 0.0;   ///< share of the flow (material or product) passing through it
    bool operator==(const MapSite&) const = default;
};

/// The figures of one workspace country.
struct MapCountry {
    int32_t country = -1;
    std::string iso3;
    double spend = 0.0;               ///< our filtered tier-1 spend on sites there
    double spendAtRisk = 0.0;         ///< Σ spend · f over the same links
    double supplyShare = 0.0;         ///< spend / Σ spend over every country (0 without spend)
    std::optional<double> worldShare; ///< of the measure's material; none without a row
    int sites = 0;                    ///< chain sites located there
    std::optional<double> value;      ///< the chosen measure; none = no data (not shaded)
    bool operator==(const MapCountry&) const = default;
};

/// A supply link drawn as an arc, from the supplier site to its buyer.
struct MapArc {
    int32_t fromSite = -1;
    int32_t toSite = -1; ///< kOurCompany: our company
    int32_t material = -1;
    MapPoint from, to;
    /// w · (share of the flow the buyer's node carries): the part of our supply of the flow
    /// material that runs along this link (for a product: the largest over its materials).
    double share = 0.0;
    bool exposed = false; ///< what the supplier delivers counts as exposed, L(s, m)
    bool operator==(const MapArc&) const = default;
};

/// Everything the map shows for one request: ready numbers, no drawing.
struct MapScene {
    std::vector<MapSite> sites;        ///< by site index
    std::vector<MapCountry> countries; ///< every workspace country, by index
    std::vector<MapArc> arcs;          ///< share descending, then supplier and buyer index
    size_t arcsLeftOut = 0;            ///< links of the flow beyond the request's maxArcs
    /// Our company (the profile's company_country centroid): where tier-1 arcs end.
    std::optional<MapPoint> self;
    std::string selfCountry; ///< iso3; empty when the profile has none
    CountryMeasure measure = CountryMeasure::SpendAtRisk;
    double measureMax = 0.0;  ///< largest country value (0 without any)
    double sizeMax = 0.0;     ///< largest site size
    std::string sizeName;     ///< "tier-1 spend" or the request's size name
    size_t sitesUnplaced = 0; ///< chain sites with no coordinates and no centroid
    /// Countries with chain sites or figures but no outline, with the atlas's reason.
    std::vector<std::pair<std::string, std::string>> countriesWithoutOutline;

    /// The site entry of a Network site index, or null when it is not on the map.
    const MapSite* findSite(int32_t site) const;
    bool operator==(const MapScene&) const = default;
};

/// What the map's title and legend say, for people: the Map page and the report's map use
/// the same words. Values on the measure's scale are formatted by the drawing (money or
/// percent, by the measure).
struct MapCaption {
    std::string title;        ///< "Where our supply sits: spend at risk by country"
    std::string measureTitle; ///< "Spend at risk, location lens"
    std::string noDataText;   ///< what unshaded land means
    std::string exposedText, upstreamText, clearText; ///< the marker colours under the lens
    std::string centroidText;                         ///< hollow markers
    std::string sizeText;                             ///< marker area and clusters
    std::string flowText;                             ///< arc width; empty without flows
    std::string usText;                               ///< our company's marker; empty if unknown
    std::vector<std::string> notes;                   ///< what is missing from the map and why
    bool operator==(const MapCaption&) const = default;
};

} // namespace chokepoint::core::map

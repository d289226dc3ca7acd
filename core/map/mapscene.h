// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/analysis/exposureengine.h"
#include "core/analysis/network.h"
#include "core/analysis/summary.h"
#include "core/map/worldatlas.h"

namespace chokepoint::core::map {

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

/// What to draw: the global filter bar's filter, the flow to draw as arcs, the measure.
struct MapRequest {
    analysis::SummaryFilter filter;
    /// Arcs for this material's supply chain (every link that carries part of our supply of
    /// it) or, when no material, for this product's bill of materials; none when both kNone.
    analysis::Index flowMaterial = analysis::kNone;
    analysis::Index flowProduct = analysis::kNone;
    CountryMeasure measure = CountryMeasure::SpendAtRisk;
    /// The material of CountryMeasure::WorldShare.
    analysis::Index measureMaterial = analysis::kNone;
    /// Marker sizes: empty = our tier-1 spend; otherwise one value per Network site (e.g. a
    /// criticality run's lost revenue), named `sizeName` in legends and tooltips.
    std::vector<double> siteSize;
    std::string sizeName;
    /// The most arcs kept (the largest shares); the rest are counted in arcsLeftOut.
    size_t maxArcs = 500;
};

/// A site of the filtered supply chain, placed on the map.
struct MapSite {
    analysis::Index site = analysis::kNone;
    MapPoint position;
    bool atCentroid = false; ///< no coordinates: at its country's centroid (drawn hollow)
    SiteExposure exposure = SiteExposure::Clear;
    int tier = 0;             ///< 1 = sells to us; 1 + fewest links to our company
    double spend = 0.0;       ///< our filtered tier-1 annual spend on links from it
    double spendAtRisk = 0.0; ///< Σ spend · f(s, m) over the same links
    double size = 0.0;        ///< what the marker's area shows: spend or MapRequest::siteSize
    double flowShare = 0.0;   ///< share of the flow (material or product) passing through it
    bool operator==(const MapSite&) const = default;
};

/// The figures of one workspace country.
struct MapCountry {
    analysis::Index country = analysis::kNone;
    double spend = 0.0;               ///< our filtered tier-1 spend on sites there
    double spendAtRisk = 0.0;         ///< Σ spend · f over the same links
    double supplyShare = 0.0;         ///< spend / Σ spend over every country (0 without spend)
    std::optional<double> worldShare; ///< of MapRequest::measureMaterial; none without a row
    int sites = 0;                    ///< chain sites located there
    std::optional<double> value;      ///< the chosen measure; none = no data (not shaded)
    bool operator==(const MapCountry&) const = default;
};

/// A supply link drawn as an arc, from the supplier site to its buyer.
struct MapArc {
    analysis::Index fromSite = analysis::kNone;
    analysis::Index toSite = analysis::kNone; ///< analysis::kSelf: our company
    analysis::Index material = analysis::kNone;
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
    size_t arcsLeftOut = 0;            ///< links of the flow beyond MapRequest::maxArcs
    /// Our company (the profile's company_country centroid): where tier-1 arcs end.
    std::optional<MapPoint> self;
    std::string selfCountry; ///< iso3; empty when the profile has none
    CountryMeasure measure = CountryMeasure::SpendAtRisk;
    double measureMax = 0.0;  ///< largest country value (0 without any)
    double sizeMax = 0.0;     ///< largest site size
    std::string sizeName;     ///< "tier-1 spend" or MapRequest::sizeName
    size_t sitesUnplaced = 0; ///< chain sites with no coordinates and no centroid
    /// Countries with chain sites or figures but no outline, with the atlas's reason.
    std::vector<std::pair<std::string, std::string>> countriesWithoutOutline;

    /// The site entry of a Network site index, or null when it is not on the map.
    const MapSite* findSite(analysis::Index site) const;
};

/// Decides what the map shows (SPEC §6) for `request` under the lens and date of `result`
/// (which must come from an ExposureEngine over `net`):
/// - sites: every site reachable upstream from our tier-1 links of the materials the
///   product filter keeps (filteredMaterials() without stage and country), through the
///   tier-1 sites in the filter's country; with a stage set, only the sites delivering a
///   material of that stage; placed at their coordinates, else at their country's centroid;
/// - countries: the chosen measure over our tier-1 links of filteredMaterials(filter), the
///   links the Overview's country mix counts;
/// - arcs: the links carrying the flow material or product (share > 0), largest first.
/// Pure function; thread-safe over const inputs.
MapScene buildMapScene(const analysis::Network& net, const analysis::ExposureResult& result,
                       const WorldAtlas& atlas, const MapRequest& request);

} // namespace chokepoint::core::map

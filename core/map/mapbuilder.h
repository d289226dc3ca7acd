// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "core/analysis/exposureengine.h"
#include "core/analysis/network.h"
#include "core/analysis/summary.h"
#include "core/map/mapscene.h"
#include "core/map/worldatlas.h"

namespace chokepoint::core::map {

/// What to draw: the global filter bar's filter, the flow to draw as arcs, the measure.
struct MapRequest {
    analysis::SummaryFilter filter;
    /// Arcs for the routes of this material through the chain of what we buy (the links
    /// that deliver it or something made with it, and the links upstream of its suppliers)
    /// or, when no material, for this product's bill of materials; none when both kNone.
    analysis::Index flowMaterial = analysis::kNone;
    analysis::Index flowProduct = analysis::kNone;
    /// With neither a material nor a product: arcs for everything we buy (every material
    /// filteredMaterials() keeps under the filter), each link's share taken of the material
    /// it carries most of.
    bool flowAll = false;
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

/// Decides what the map shows (SPEC §6) for `request` under the lens and date of `result`
/// (which must come from an ExposureEngine over `net`):
/// - sites: every site reachable upstream from our tier-1 links of the materials the
///   product filter keeps (filteredMaterials() without stage and country), through the
///   tier-1 sites in the filter's country; with a stage set, only the sites delivering a
///   material of that stage; placed at their coordinates, else at their country's centroid;
/// - countries: the chosen measure over our tier-1 links of filteredMaterials(filter), the
///   links the Overview's country mix counts;
/// - arcs: the links carrying the flow (share > 0), largest first. A link's share is the
///   part of our supply of the top material (one we buy) that runs along it: w times the
///   share its buyer carries (Σ over the buyer's own buyers), the largest over the top
///   materials.
/// Pure function; thread-safe over const inputs.
MapScene buildMapScene(const analysis::Network& net, const analysis::ExposureResult& result,
                       const WorldAtlas& atlas, const MapRequest& request);

} // namespace chokepoint::core::map

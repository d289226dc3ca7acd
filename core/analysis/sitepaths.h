// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/analysis/network.h"

namespace chokepoint::core::analysis {

/// One delivery on the way from a site to us: `site` sells `material` to `buyer` (a site, or
/// kSelf: our company) and covers `share` of the buyer's supply of it.
struct SitePathStep {
    Index site = kNone;
    Index material = kNone;
    Index buyer = kSelf;
    double share = 0.0;
    int leadTimeDays = 0;
};

/// One way a site's output reaches our products: deliveries from the site up to our own
/// purchase (each buyer uses what it is sold as a recipe input of what it sells on), then the
/// products whose bill of materials needs what we buy.
struct SitePath {
    std::vector<SitePathStep> steps; ///< the first from the site, the last to us
    /// The product of the steps' shares: the part of our supply of the last material that
    /// runs along this path (what a stop of the site takes from it at first).
    double weight = 0.0;
    std::vector<Index> products; ///< ascending index
};

/// How a site reaches our products (the details dock's "paths" for a selected site, e.g. on
/// the Criticality page).
struct SiteReach {
    Index site = kNone;
    std::vector<SitePath> paths;  ///< the heaviest first (weight descending), at most maxPaths
    double pathCount = 0.0;       ///< every path from the site to us (a double: it can be huge)
    std::vector<Index> products;  ///< every product reached, ascending index
    std::vector<Index> customers; ///< our direct suppliers it reaches (itself included), ascending
    std::vector<Index> materials; ///< what we buy that it reaches, ascending index
};

struct SitePathOptions {
    size_t maxPaths = 5;
};

/// The paths from `site` to our products, the heaviest first (ties: the first found, in
/// node and link order). One pass over the network in topological order, keeping the
/// maxPaths heaviest paths to each node reached (a path's weight only falls as it grows, so
/// the heaviest to a node extend the heaviest to its suppliers). Recipes form no cycle
/// (Network::topoOrder), so neither do paths. Pure function, O(links · maxPaths).
SiteReach siteReach(const Network& net, Index site, const SitePathOptions& options = {});

/// Per site: whether it is in the part of the chain a product and a stage filter keep (SPEC
/// §6 filter bar): it supplies a link of a material of `stage` (any when unset) and, when
/// `product` is set, that node is upstream of our purchases of the product's materials (its
/// bill of materials and their recipe inputs, as filteredMaterials()). All ones when neither
/// is set.
std::vector<char> sitesInChain(const Network& net, Index product, std::optional<Stage> stage);

} // namespace chokepoint::core::analysis

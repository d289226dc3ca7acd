// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/analysis/exposureengine.h"
#include "core/analysis/network.h"
#include "core/analysis/summary.h"

namespace chokepoint::core::analysis {

/// What one material of the network means for us, through everything it feeds: any material,
/// also one we never buy ourselves (graphite several tiers up), not only the reported ones.
///
/// "Dependence through i" of a material M we report is the SPEC §3 recursion with only the
/// exposed supply of i counted: the groups buying i keep the g(b, i) of the exposure result
/// (exposed flows of i and i's own upstream), every other flow counts 0, and what a group
/// buys of unknown origin counts u(i, dest(b)) when i is (transitively) an input of its
/// material:
///
///     g_i(b, i) = g(b, i)
///     f_i(s, m) = max over inputs j of m of g_i(s, j)   (0 if no input of m needs i)
///     g_i(b, m) = Σ_links(b,m) w · f_i(s', m) + (1 − Σ w) · u(i, dest(b))
///
/// A buyer with no link for an input j that needs i counts u(i, dest(b)) for it. Only the
/// point estimate: the result keeps g and u without their low and high bounds.
///
/// D_i(M) = g_i(self, M): the share of our supply of M that stops if the exposed supply of i
/// stops. For a product, D_i(P) = max over its BOM materials of D_i(M), as D(P) in §3.
struct ReachedMaterial {
    Index material = kNone;  ///< a reported material that needs i (i itself when reported)
    double dependence = 0.0; ///< D_i(M)
};

struct ReachedProduct {
    Index product = kNone;
    double dependence = 0.0;             ///< D_i(P)
    std::optional<double> revenueAtRisk; ///< volume · unit price · D_i(P); missing without price
};

struct MaterialReach {
    Index material = kNone;
    /// Tiers at which the material is needed: bit t − 1 for tier t, where tier 1 are the
    /// materials we report (BOM or bought directly) and tier t + 1 the recipe inputs of a
    /// tier-t material. 0: nothing we report needs it.
    uint64_t tiers = 0;
    /// The largest D_i(M) over the reported materials it feeds: our dependence on China
    /// through this material. 0 when it feeds nothing we report.
    double dependence = 0.0;
    /// Reported materials it feeds (itself included when reported), D_i descending, then id.
    std::vector<ReachedMaterial> feeds;
    /// Products whose BOM needs it, directly or through recipes, by product id.
    std::vector<ReachedProduct> products;
    /// Σ revenue at risk over those products with a price; missing when none has one.
    std::optional<double> revenueAtRisk;

    std::vector<int> tierList() const;
};

/// Tier bits (as MaterialReach::tiers) of every material, by network index.
std::vector<uint64_t> materialTiers(const Network& net);

/// The reach of one material under `result`, which must come from an ExposureEngine over `net`.
MaterialReach materialReach(const Network& net, const ExposureResult& result, Index material);

/// The reach of every material of the network, by network index. One pass per material over
/// the groups and sites downstream of it; pure and thread-safe over const inputs.
std::vector<MaterialReach> materialReaches(const Network& net, const ExposureResult& result);

/// The shortest chain of recipes from `from` down to its (transitive) input `to`: from, an
/// input of from, …, to. Among chains of one length, the one through the smallest material
/// ids. Empty when `to` is not an input of `from` at any depth; {from} when they are equal.
std::vector<Index> recipePath(const Network& net, Index from, Index to);

/// Whether the global filter keeps `material`, for any material of the network. A reported
/// material is kept exactly as by filteredMaterials(). Any other: needed for the product (when
/// set), of the stage (when set), and supplied to any buyer by a site in the country (when set).
/// By network index.
std::vector<char> materialsInFilter(const Network& net, const SummaryFilter& filter);

} // namespace chokepoint::core::analysis

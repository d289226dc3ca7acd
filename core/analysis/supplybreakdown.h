// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "core/analysis/network.h"

namespace chokepoint::core::analysis {

/// Where one material needed for our supply of a root material comes from, at one tier.
///
/// Shares are fractions of our supply of the root material, weighted along the supply paths:
/// at tier 1 a link of share w counts w; at tier 2 a link of share w2 of a tier-1 site that
/// carries w1 of our supply counts w1 · w2, and so on. Because a site needs every recipe input
/// (SPEC §3), every row sums to 1: Σ countries + unknownOrigin + untraced = 1.
struct BreakdownRow {
    int tier = 1;           ///< 1 = what we buy; 2 = what our tier-1 sites buy for it; …
    Index material = kNone; ///< the material bought at this tier
    int parent = -1;        ///< row whose material needs this one as a recipe input; -1 at tier 1
    /// By supplier-site country, share descending then country index; no zero shares.
    std::vector<CountryShare> countries;
    /// Bought by known sites (or by us) from no known site: 1 − Σ w of their links, or the
    /// whole weight of a known buyer with no link for this material.
    double unknownOrigin = 0.0;
    /// Needed by supply of unknown origin at an earlier tier: nothing is known of it.
    double untraced = 0.0;
    size_t sites = 0; ///< distinct supplier sites at this row
    double known() const { return 1.0 - unknownOrigin - untraced; }
};

struct BreakdownOptions {
    int maxDepth = 6;    ///< deepest tier shown
    size_t maxRows = 30; ///< rows shown at most (tier 1 first)
};

/// The supply of one material by tier and country.
struct SupplyBreakdown {
    Index material = kNone;
    /// Tier ascending; within a tier, by parent row, then by the parent's recipe input order.
    /// A row whose known part is 0 is not expanded (its inputs would be all untraced).
    std::vector<BreakdownRow> rows;
    bool truncated = false; ///< rows were left out by maxDepth or maxRows
};

/// The per-tier country breakdown of `material` as we buy it. Pure; safe from any thread.
SupplyBreakdown supplyBreakdown(const Network& net, Index material,
                                const BreakdownOptions& options = {});

/// A breakdown as chart columns: a fixed list of countries, the rest summed per row.
struct BreakdownColumns {
    /// The focus country first when it appears in any row, then the countries with the
    /// largest summed share over all rows (ties by iso3); at most `maxCountries`.
    std::vector<Index> countries;
    std::vector<std::vector<double>> shares; ///< per row, per listed country
    std::vector<double> otherCountries;      ///< per row: countries not listed
};
BreakdownColumns breakdownColumns(const Network& net, const SupplyBreakdown& breakdown,
                                  size_t maxCountries = 6);

/// World production of a material (world_shares), with its vintage and sources.
struct WorldMix {
    std::vector<CountryShare> shares; ///< share descending, then iso3
    double rest = 0.0;                ///< 1 − Σ shares, at least 0: production not listed
    std::optional<int> firstYear;     ///< oldest and newest year of its rows
    std::optional<int> lastYear;
    std::vector<size_t> sources; ///< indices into Dataset::sources (summary.h materialSources)
};
WorldMix worldMix(const Network& net, Index material);

/// Products that need `material`: in their BOM, or as a recipe input (at any depth) of a BOM
/// material. Product indices ordered by product id.
std::vector<Index> productsUsing(const Network& net, Index material);

} // namespace chokepoint::core::analysis

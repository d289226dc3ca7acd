// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <vector>

#include "core/analysis/exposureengine.h"
#include "core/analysis/summary.h"

namespace chokepoint::core::analysis {

/// A (site, material) flow that one measure covers itself (SPEC §3, `controlled` lens): the
/// site is in the issuer's country and the material is an item, or the site depends on a
/// technology item.
struct MeasureFlow {
    Index site = kNone;
    Index material = kNone;
    Index node = kNone;
    bool byMaterial = false;   ///< covered as a material item issued by the site's country
    bool byTechnology = false; ///< covered through a technology item the site depends on
    /// Fewest supply links between us and the site (1 = we buy from it); 0 when no chain of
    /// ours reaches it (e.g. an alternative site only).
    int tier = 0;
    double ourShare = 0.0;             ///< share w of our own supply of the material (tier 1)
    std::optional<double> ourSpend;    ///< our annual spend on that link, if given
    std::optional<double> spendAtRisk; ///< ourSpend · f(s, m) under the measure alone
};

/// What one export-control measure does to the company on its own: the `controlled` lens
/// computed with that measure in force and every other control out of force, whatever their
/// dates. So it answers "what does this measure touch", also for a measure not (or no
/// longer) in force at the as-of date.
struct MeasureImpact {
    Index control = kNone;
    /// The overview figures under the measure alone (lens Controlled, date `asOf`):
    /// materials with dependence and spend at risk, products with revenue at risk, totals.
    /// `summary.controlsInForce` holds the measure when it touches the filtered chain.
    Summary summary;
    std::vector<MeasureFlow> flows; ///< covered flows in the network, by tier, site, material
    std::vector<SupplierExposure> suppliers; ///< tier-1 suppliers with dependence > 0, by id
};

/// The impact of the measure `control` (an index into Network::controls) under `filter`.
/// `asOf` only dates the result. Copies the network once (the engine needs its own control
/// list), so it costs about as much as loading the workspace: run it off the GUI thread for
/// large networks. Pure function; thread-safe.
MeasureImpact measureImpact(const Network& net, Index control, Date asOf,
                            const SummaryFilter& filter = {});

/// Fewest supply links from us to each site (1 = tier 1; 0 = not reachable), per site index.
std::vector<int> siteTiers(const Network& net);

} // namespace chokepoint::core::analysis

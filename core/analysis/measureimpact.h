// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <vector>

#include "core/analysis/exposureengine.h"
#include "core/analysis/summary.h"

namespace chokepoint::core::analysis {

/// A (site, material) node whose flows one measure covers itself (SPEC §3, `controlled` lens):
/// an export of a material item from the issuer's country to a destination it reaches, or a
/// site abroad using a technology item from the issuer.
struct MeasureFlow {
    Index site = kNone;
    Index material = kNone;
    Index node = kNone;
    bool byMaterial = false;   ///< some flow of the node is material-controlled by the measure
    bool byTechnology = false; ///< the site is technology-controlled by the measure
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

/// The impact of the measure `control` (an index into Network::controls) under `filter`:
/// one exposure run with ControlState::only(control). `asOf` only dates the result. Pure
/// function; thread-safe.
MeasureImpact measureImpact(const ExposureEngine& engine, Index control, Date asOf,
                            const SummaryFilter& filter = {});

} // namespace chokepoint::core::analysis

// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <vector>

#include "core/analysis/exposureengine.h"
#include "core/analysis/summary.h"

namespace chokepoint::core::analysis {

/// How a flow (site → buyer, material) differs between two dates under the `controlled` lens.
enum class FlowChange {
    BecameControlled, ///< not covered before, covered after
    BecameFree,       ///< covered before, not after
    CoverChanged,     ///< covered on both dates, by a different set of controls
    InputsChanged,    ///< a tier-1 flow not covered on either date whose f changed upstream
};

struct FlowDiff {
    Index site = kNone;
    Index buyer = kSelf; ///< the buying site, or kSelf (us)
    Index material = kNone;
    Index node = kNone;
    FlowChange change = FlowChange::CoverChanged;
    /// Covering measures on each date (ControlState::controlsCoveringFlow).
    std::vector<Index> controlsBefore, controlsAfter;
    double fBefore = 0.0, fAfter = 0.0; ///< f(s, m, b) on each date
    int tier = 0;                       ///< as Network::siteTiers(): 1 = we buy from it
    double ourShare = 0.0;              ///< the link's share of our supply (buyer kSelf)
    std::optional<double> ourSpend;     ///< our annual spend on the link
    /// ourSpend · f on each date; missing without a spend.
    std::optional<double> spendAtRiskBefore, spendAtRiskAfter;
};

struct MaterialDiff {
    Index material = kNone;
    double dependenceBefore = 0.0, dependenceAfter = 0.0;
    std::optional<double> spendAtRiskBefore, spendAtRiskAfter;
};

struct ProductDiff {
    Index product = kNone;
    double dependenceBefore = 0.0, dependenceAfter = 0.0;
    std::optional<double> revenueAtRiskBefore, revenueAtRiskAfter;
};

/// What changed in the company's `controlled` exposure between two dates.
struct ExposureDiff {
    Date from, to;
    /// Controls in force at `to` but not at `from`, and the reverse (data order).
    std::vector<Index> cameIntoForce, wentOutOfForce;
    /// Flows (links) whose coverage changed (any tier), and our own flows whose f changed
    /// through their inputs; by tier, site id, material id, buyer (us first, then site id).
    /// Over our flows the spend-at-risk changes add up to the change of the unfiltered total
    /// spend at risk.
    std::vector<FlowDiff> flows;
    /// Filtered materials / products whose figures changed (by id).
    std::vector<MaterialDiff> materials;
    std::vector<ProductDiff> products;
    /// Totals under the filter (Summary::spendAtRisk, revenueAtRisk, revenueDependence).
    double spendAtRiskBefore = 0.0, spendAtRiskAfter = 0.0;
    double revenueAtRiskBefore = 0.0, revenueAtRiskAfter = 0.0;
    std::optional<double> revenueDependenceBefore, revenueDependenceAfter;
};

/// The `controlled` lens at `from` and at `to` (scheduled measures counted when
/// `assumeScheduled`), compared. Pure function over const inputs; thread-safe. Flows are not
/// limited by the filter (a flow deep in the chain has no product or stage of its own);
/// materials, products and totals are.
ExposureDiff diffControlledExposure(const ExposureEngine& engine, Date from, Date to,
                                    const SummaryFilter& filter = {},
                                    bool assumeScheduled = false);

} // namespace chokepoint::core::analysis

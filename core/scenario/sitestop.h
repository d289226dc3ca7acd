// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include "core/analysis/network.h"
#include "core/model/date.h"
#include "core/scenario/scenarioplan.h"

namespace chokepoint::core::scenario {

/// What one deterministic run of "site s stops on days 0 … D−1" did to our output.
struct SiteStopOutcome {
    /// Some product's output fell below 1 (tolerance 1e-9, SPEC §4) on some day.
    bool lostOutput = false;
    double lostRevenue = 0.0; ///< products without a unit price count 0
};

/// The scenario engine's entry point for knocking out one site at a time (SPEC §4.2): each
/// run() is the deterministic run of a scenario with one `stop` shock selecting that site
/// (default mitigations), through the same plan and evaluator as runScenario(). Built once per
/// network, it indexes who buys from whom, so that a run walks only what the site feeds
/// (a ScenarioPlan region) and a site that feeds nothing we need costs no run at all.
/// Immutable after construction: run() is thread-safe.
class SiteStopRunner {
public:
    /// `net` must outlive the runner. `asOf` dates the scenario; horizonDays ≥ 1.
    SiteStopRunner(const analysis::Network& net, Date asOf, int horizonDays);

    const analysis::Network& net() const { return m_net; }
    int horizonDays() const { return m_horizon; }

    /// Whether a stop of `site` can change our supply of a material some product needs:
    /// a path from one of its nodes through buyers' recipes to our own purchases.
    bool reachesOurNeeds(analysis::Index site) const { return m_reaches[size_t(site)] != 0; }

    /// Stops `site` on days 0 … stopDays−1 (clipped to the horizon; ≤ 0: no stop).
    SiteStopOutcome run(analysis::Index site, int stopDays) const;

private:
    void indexReach();
    void indexDownstream();
    PlanRegion downstreamOf(analysis::Index site) const;

    const analysis::Network& m_net;
    Date m_asOf;
    int m_horizon;
    std::vector<char> m_reaches;                 ///< per site
    analysis::Csr<analysis::Index> m_siteNodes;  ///< per site: its nodes
    analysis::Csr<analysis::Index> m_nodeGroups; ///< per node: read groups it supplies
    analysis::Csr<analysis::Index> m_groupUsers; ///< per group: nodes with it as an input
};

} // namespace chokepoint::core::scenario

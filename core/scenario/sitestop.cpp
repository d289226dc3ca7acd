// SPDX-License-Identifier: MIT
#include "core/scenario/sitestop.h"

#include <algorithm>
#include <cmath>

#include "core/scenario/scenario.h"
#include "core/scenario/scenarioevaluator.h"
#include "core/scenario/scenarioplan.h"

namespace chokepoint::core::scenario {

using analysis::Index;
using analysis::kNone;

namespace {
constexpr double kTolerance = 1e-9;
}

SiteStopRunner::SiteStopRunner(const analysis::Network& net, Date asOf, int horizonDays)
    : m_net(net)
    , m_asOf(asOf)
    , m_horizon(std::clamp(horizonDays, 1, kMaxHorizonDays)) {
    indexReach();
}

// Upstream from our own purchases of the materials products need: a group matters when it
// is such a purchase or the input of a node that matters; a node matters when it supplies a
// group that matters. A site reaches our needs when one of its nodes matters. Alternatives
// need no walk of their own: they only act once our supply of their material falls, which
// takes a path as above.
void SiteStopRunner::indexReach() {
    const analysis::Network& net = m_net;
    std::vector<char> needed(net.materials.size(), 0);
    for (size_t p = 0; p < net.products.size(); ++p)
        if (net.productVolume[p] > 0.0)
            for (auto* b = net.productBom.begin(p); b != net.productBom.end(p); ++b)
                if (b->qty > 0.0)
                    needed[size_t(b->material)] = 1;

    std::vector<char> groupMatters(net.groups.size(), 0), nodeMatters(net.nodes.size(), 0);
    std::vector<Index> work;
    for (size_t m = 0; m < net.materials.size(); ++m)
        if (const Index g = net.selfGroup[m]; g != kNone && needed[m]) {
            groupMatters[size_t(g)] = 1;
            work.push_back(g);
        }
    while (!work.empty()) {
        const Index g = work.back();
        work.pop_back();
        for (auto* l = net.groupLinks.begin(size_t(g)); l != net.groupLinks.end(size_t(g)); ++l) {
            const size_t n = size_t(l->supplierNode);
            if (nodeMatters[n])
                continue;
            nodeMatters[n] = 1;
            for (auto* in = net.nodeInputGroups.begin(n); in != net.nodeInputGroups.end(n); ++in)
                if (*in != kNone && !groupMatters[size_t(*in)]) {
                    groupMatters[size_t(*in)] = 1;
                    work.push_back(*in);
                }
        }
    }
    m_reaches.assign(net.sites.size(), 0);
    for (size_t n = 0; n < net.nodes.size(); ++n)
        if (nodeMatters[n])
            m_reaches[size_t(net.nodes[n].site)] = 1;
}

SiteStopOutcome SiteStopRunner::run(Index site, int stopDays) const {
    SiteStopOutcome out;
    if (stopDays <= 0 || !reachesOurNeeds(site))
        return out;
    Scenario scenario;
    scenario.name = "stop " + m_net.sites.id(site);
    scenario.asOf = m_asOf;
    scenario.horizonDays = m_horizon;
    Shock stop;
    stop.select.sites = std::vector<std::string>{m_net.sites.id(site)};
    stop.kind = ShockKind::Stop;
    stop.startDay = 0;
    stop.durationDays = std::min(stopDays, m_horizon);
    scenario.shocks.push_back(std::move(stop));

    const ScenarioPlan plan(m_net, scenario, m_asOf, false);
    ScenarioEvaluator evaluator(plan);
    evaluator.evaluateAll(plan.deterministicRealization(), {});
    const size_t nProducts = m_net.products.size();
    std::vector<double> lostUnits(nProducts), daily(static_cast<size_t>(m_horizon));
    out.lostRevenue = evaluator.simulate(lostUnits.data(), daily.data(), nullptr);
    // lost units = Σ_t (1 − x) · volume / 365: some day below 1 − 1e-9 leaves more than
    // 1e-9 days' worth of output lost, while rounding on undisturbed days stays far below it.
    for (size_t p = 0; p < nProducts && !out.lostOutput; ++p) {
        const double perDay = m_net.productVolume[p] / 365.0;
        out.lostOutput = perDay > 0.0 && lostUnits[p] / perDay > kTolerance;
    }
    return out;
}

} // namespace chokepoint::core::scenario

// SPDX-License-Identifier: MIT
#include "core/scenario/sitestop.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <utility>

#include "core/scenario/scenario.h"
#include "core/scenario/scenarioevaluator.h"
#include "core/scenario/scenarioplan.h"

namespace chokepoint::core::scenario {

using analysis::Index;
using analysis::kNone;

namespace {

constexpr double kTolerance = 1e-9;

// Pairs (owner, item) as a Csr over `owners`, items in ascending order without repeats.
analysis::Csr<Index> csrOf(size_t owners, std::vector<std::pair<Index, Index>> pairs) {
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    analysis::Csr<Index> csr;
    csr.start.assign(owners + 1, 0);
    for (const auto& p : pairs)
        ++csr.start[size_t(p.first) + 1];
    for (size_t o = 0; o < owners; ++o)
        csr.start[o + 1] += csr.start[o];
    csr.items.reserve(pairs.size());
    for (const auto& p : pairs)
        csr.items.push_back(p.second);
    return csr;
}

} // namespace

SiteStopRunner::SiteStopRunner(const analysis::Network& net, Date asOf, int horizonDays)
    : m_net(net)
    , m_asOf(asOf)
    , m_horizon(std::clamp(horizonDays, 1, kMaxHorizonDays)) {
    indexReach();
    indexDownstream();
}

// Who reads what: the groups a node supplies (only groups that a node or we read: an unread
// group passes nothing on), and the nodes reading each group as a recipe input.
void SiteStopRunner::indexDownstream() {
    const analysis::Network& net = m_net;
    std::vector<char> read(net.groups.size(), 0);
    std::vector<std::pair<Index, Index>> groupUsers, siteNodes, nodeGroups;
    for (size_t n = 0; n < net.nodes.size(); ++n) {
        siteNodes.push_back({net.nodes[n].site, Index(n)});
        for (auto* g = net.nodeInputGroups.begin(n); g != net.nodeInputGroups.end(n); ++g)
            if (*g != kNone) {
                read[size_t(*g)] = 1;
                groupUsers.push_back({*g, Index(n)});
            }
    }
    for (const Index g : net.selfGroup)
        if (g != kNone)
            read[size_t(g)] = 1;
    for (size_t g = 0; g < net.groups.size(); ++g)
        if (read[g])
            for (auto* l = net.groupLinks.begin(g); l != net.groupLinks.end(g); ++l)
                nodeGroups.push_back({l->supplierNode, Index(g)});
    m_siteNodes = csrOf(net.sites.size(), std::move(siteNodes));
    m_nodeGroups = csrOf(net.nodes.size(), std::move(nodeGroups));
    m_groupUsers = csrOf(net.groups.size(), std::move(groupUsers));
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

// The site's nodes and everything they feed, by material, for the scenario plan.
PlanRegion SiteStopRunner::downstreamOf(Index site) const {
    const analysis::Network& net = m_net;
    std::vector<std::pair<Index, Index>> nodes, groups; // (material, index)
    std::vector<Index> work;
    std::unordered_set<Index> seenNodes, seenGroups;
    auto addNode = [&](Index n) {
        if (seenNodes.insert(n).second) {
            nodes.push_back({net.nodes[size_t(n)].material, n});
            work.push_back(n);
        }
    };
    for (auto* n = m_siteNodes.begin(size_t(site)); n != m_siteNodes.end(size_t(site)); ++n)
        addNode(*n);
    while (!work.empty()) {
        const Index n = work.back();
        work.pop_back();
        for (auto* g = m_nodeGroups.begin(size_t(n)); g != m_nodeGroups.end(size_t(n)); ++g)
            if (seenGroups.insert(*g).second) {
                groups.push_back({net.groups[size_t(*g)].material, *g});
                for (auto* u = m_groupUsers.begin(size_t(*g)); u != m_groupUsers.end(size_t(*g));
                     ++u)
                    addNode(*u);
            }
    }
    const size_t nMaterials = net.materials.size();
    return {csrOf(nMaterials, std::move(nodes)), csrOf(nMaterials, std::move(groups))};
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

    const PlanRegion region = downstreamOf(site);
    const ScenarioPlan plan(m_net, scenario, m_asOf, /*assumeScheduled=*/false,
                            /*monteCarlo=*/false, &region);
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

// SPDX-License-Identifier: MIT
#include "core/analysis/exposurediff.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "core/analysis/measureimpact.h"

namespace chokepoint::core::analysis {

namespace {

constexpr double kEps = 1e-12;

bool contains(const std::vector<Index>& v, Index x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

bool differs(const std::optional<double>& a, const std::optional<double>& b) {
    if (a.has_value() != b.has_value())
        return true;
    return a && std::abs(*a - *b) > kEps;
}

} // namespace

std::vector<Index> controlsCoveringFlow(const Network& net, Index site, Index material, Date t) {
    std::vector<Index> out;
    const Index country = net.siteCountry[size_t(site)];
    for (size_t c = 0; c < net.controls.size(); ++c) {
        const ControlInfo& info = net.controls[c];
        if (!info.inForceAt(t))
            continue;
        bool covers =
            info.issuer != kNone && info.issuer == country && contains(info.materials, material);
        for (auto* tech = net.siteTechnologies.begin(size_t(site));
             tech != net.siteTechnologies.end(size_t(site)) && !covers; ++tech)
            covers = contains(info.technologies, *tech);
        if (covers)
            out.push_back(Index(c));
    }
    return out;
}

ExposureDiff diffControlledExposure(const ExposureEngine& engine, Date from, Date to,
                                    const SummaryFilter& filter) {
    const Network& net = engine.network();
    ExposureDiff out;
    out.from = from;
    out.to = to;
    for (size_t c = 0; c < net.controls.size(); ++c) {
        const bool before = net.controls[c].inForceAt(from);
        const bool after = net.controls[c].inForceAt(to);
        if (after && !before)
            out.cameIntoForce.push_back(Index(c));
        if (before && !after)
            out.wentOutOfForce.push_back(Index(c));
    }

    const ExposureResult a = engine.compute(Lens::Controlled, from);
    const ExposureResult b = engine.compute(Lens::Controlled, to);
    const std::vector<int> tiers = siteTiers(net);

    // Our own links per node (share and spend), for tier-1 figures.
    std::vector<double> share(net.nodes.size(), 0.0);
    std::vector<std::optional<double>> spend(net.nodes.size());
    std::vector<char> ours(net.nodes.size(), 0);
    for (size_t m = 0; m < net.materials.size(); ++m) {
        const Index grp = net.selfGroup[m];
        if (grp == kNone)
            continue;
        for (auto* l = net.groupLinks.begin(size_t(grp)); l != net.groupLinks.end(size_t(grp));
             ++l) {
            const size_t n = size_t(l->supplierNode);
            ours[n] = 1;
            share[n] += l->share;
            if (!std::isnan(l->spend))
                spend[n] = spend[n].value_or(0.0) + l->spend;
        }
    }

    for (size_t n = 0; n < net.nodes.size(); ++n) {
        const Node& node = net.nodes[n];
        FlowDiff f;
        f.site = node.site;
        f.material = node.material;
        f.node = Index(n);
        f.controlsBefore = controlsCoveringFlow(net, node.site, node.material, from);
        f.controlsAfter = controlsCoveringFlow(net, node.site, node.material, to);
        f.fBefore = a.f[n];
        f.fAfter = b.f[n];
        const bool was = !f.controlsBefore.empty();
        const bool is = !f.controlsAfter.empty();
        if (!was && is)
            f.change = FlowChange::BecameControlled;
        else if (was && !is)
            f.change = FlowChange::BecameFree;
        else if (was && f.controlsBefore != f.controlsAfter)
            f.change = FlowChange::CoverChanged;
        else if (ours[n] && std::abs(f.fAfter - f.fBefore) > kEps)
            f.change = was ? FlowChange::CoverChanged : FlowChange::InputsChanged;
        else
            continue;
        f.tier = tiers[size_t(node.site)];
        f.ourShare = share[n];
        f.ourSpend = spend[n];
        if (spend[n]) {
            f.spendAtRiskBefore = *spend[n] * f.fBefore;
            f.spendAtRiskAfter = *spend[n] * f.fAfter;
        }
        out.flows.push_back(std::move(f));
    }
    const auto tierKey = [](int t) { return t == 0 ? 1 << 30 : t; };
    std::sort(out.flows.begin(), out.flows.end(), [&](const FlowDiff& x, const FlowDiff& y) {
        return std::tuple(tierKey(x.tier), net.sites.id(x.site), net.materials.id(x.material)) <
               std::tuple(tierKey(y.tier), net.sites.id(y.site), net.materials.id(y.material));
    });

    const Summary sa = summarize(net, a, filter, 0);
    const Summary sb = summarize(net, b, filter, 0);
    out.spendAtRiskBefore = sa.spendAtRisk;
    out.spendAtRiskAfter = sb.spendAtRisk;
    out.revenueAtRiskBefore = sa.revenueAtRisk;
    out.revenueAtRiskAfter = sb.revenueAtRisk;
    out.revenueDependenceBefore = sa.revenueDependence;
    out.revenueDependenceAfter = sb.revenueDependence;

    for (const MaterialSummary& ma : sa.materials)
        for (const MaterialSummary& mb : sb.materials)
            if (ma.material == mb.material && (std::abs(ma.dependence - mb.dependence) > kEps ||
                                               differs(ma.spendAtRisk, mb.spendAtRisk)))
                out.materials.push_back(
                    {ma.material, ma.dependence, mb.dependence, ma.spendAtRisk, mb.spendAtRisk});
    std::sort(out.materials.begin(), out.materials.end(),
              [&](const MaterialDiff& x, const MaterialDiff& y) {
                  return net.materials.id(x.material) < net.materials.id(y.material);
              });
    for (const ProductSummary& pa : sa.products)
        for (const ProductSummary& pb : sb.products)
            if (pa.product == pb.product && (std::abs(pa.dependence - pb.dependence) > kEps ||
                                             differs(pa.revenueAtRisk, pb.revenueAtRisk)))
                out.products.push_back(
                    {pa.product, pa.dependence, pb.dependence, pa.revenueAtRisk, pb.revenueAtRisk});
    return out;
}

} // namespace chokepoint::core::analysis

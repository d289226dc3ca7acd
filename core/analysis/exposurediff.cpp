// SPDX-License-Identifier: MIT
#include "core/analysis/exposurediff.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <tuple>

namespace chokepoint::core::analysis {

namespace {

constexpr double kEps = 1e-12;

bool differs(const std::optional<double>& a, const std::optional<double>& b) {
    if (a.has_value() != b.has_value())
        return true;
    return a && std::abs(*a - *b) > kEps;
}

} // namespace

ExposureDiff diffControlledExposure(const ExposureEngine& engine, Date from, Date to,
                                    const SummaryFilter& filter, bool assumeScheduled) {
    const Network& net = engine.network();
    ExposureDiff out;
    out.from = from;
    out.to = to;
    const ExposureResult a = engine.compute(Lens::Controlled, from, assumeScheduled);
    const ExposureResult b = engine.compute(Lens::Controlled, to, assumeScheduled);
    const ControlState& before = *a.controls;
    const ControlState& after = *b.controls;
    for (size_t c = 0; c < net.controls.size(); ++c) {
        if (after.inForce(Index(c)) && !before.inForce(Index(c)))
            out.cameIntoForce.push_back(Index(c));
        if (before.inForce(Index(c)) && !after.inForce(Index(c)))
            out.wentOutOfForce.push_back(Index(c));
    }
    const std::vector<int> tiers = net.siteTiers();

    for (size_t g = 0; g < net.groups.size(); ++g) {
        const Group& group = net.groups[g];
        const Index destination = net.destination(group.buyer);
        for (const Link& l : net.links(Index(g))) {
            FlowDiff f;
            f.site = l.supplierSite;
            f.buyer = group.buyer;
            f.material = group.material;
            f.node = l.supplierNode;
            const bool was = before.flowControlled(f.site, f.material, destination);
            const bool is = after.flowControlled(f.site, f.material, destination);
            f.fBefore = a.f(net, l);
            f.fAfter = b.f(net, l);
            const bool ours = group.buyer == kSelf;
            if (was)
                f.controlsBefore = before.controlsCoveringFlow(f.site, f.material, destination);
            if (is)
                f.controlsAfter = after.controlsCoveringFlow(f.site, f.material, destination);
            if (!was && is)
                f.change = FlowChange::BecameControlled;
            else if (was && !is)
                f.change = FlowChange::BecameFree;
            else if (was && f.controlsBefore != f.controlsAfter)
                f.change = FlowChange::CoverChanged;
            else if (ours && std::abs(f.fAfter - f.fBefore) > kEps)
                f.change = was ? FlowChange::CoverChanged : FlowChange::InputsChanged;
            else
                continue;
            f.tier = tiers[size_t(f.site)];
            if (ours) {
                f.ourShare = l.share;
                if (!std::isnan(l.spend)) {
                    f.ourSpend = l.spend;
                    f.spendAtRiskBefore = l.spend * f.fBefore;
                    f.spendAtRiskAfter = l.spend * f.fAfter;
                }
            }
            out.flows.push_back(std::move(f));
        }
    }
    const auto tierKey = [](int t) { return t == 0 ? 1 << 30 : t; };
    const auto buyerKey = [&](Index b) { return b == kSelf ? std::string() : net.sites.id(b); };
    std::sort(out.flows.begin(), out.flows.end(), [&](const FlowDiff& x, const FlowDiff& y) {
        return std::tuple(tierKey(x.tier), net.sites.id(x.site), net.materials.id(x.material),
                          x.buyer != kSelf, buyerKey(x.buyer)) <
               std::tuple(tierKey(y.tier), net.sites.id(y.site), net.materials.id(y.material),
                          y.buyer != kSelf, buyerKey(y.buyer));
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

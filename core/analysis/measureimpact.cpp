// SPDX-License-Identifier: MIT
#include "core/analysis/measureimpact.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace chokepoint::core::analysis {

MeasureImpact measureImpact(const ExposureEngine& engine, Index control, Date asOf,
                            const SummaryFilter& filter) {
    const Network& net = engine.network();
    MeasureImpact out;
    out.control = control;
    if (control < 0 || size_t(control) >= net.controls.size())
        return out;

    const ExposureResult result = engine.compute(
        Lens::Controlled,
        std::make_shared<const ControlState>(ControlState::only(net, control, asOf)));
    out.summary = summarize(net, result, filter, 0);
    const ControlState& alone = *result.controls;

    std::vector<char> byMaterial(net.nodes.size(), 0);
    for (size_t g = 0; g < net.groups.size(); ++g) {
        const Index destination = net.destination(net.groups[g].buyer);
        for (const Link& l : net.links(Index(g)))
            if (alone.materialControlled(l.supplierSite, net.groups[g].material, destination))
                byMaterial[size_t(l.supplierNode)] = 1;
    }
    const std::vector<int> tiers = net.siteTiers();
    for (size_t n = 0; n < net.nodes.size(); ++n) {
        const Node& node = net.nodes[n];
        MeasureFlow f;
        f.site = node.site;
        f.material = node.material;
        f.node = Index(n);
        f.byMaterial = byMaterial[n] != 0;
        f.byTechnology = alone.technologyControlled(node.site);
        if (!f.byMaterial && !f.byTechnology)
            continue;
        f.tier = tiers[size_t(node.site)];
        for (const Link& l : net.tier1Links(node.material))
            if (l.supplierNode == Index(n)) {
                f.ourShare += l.share;
                if (!std::isnan(l.spend)) {
                    f.ourSpend = f.ourSpend.value_or(0.0) + l.spend;
                    f.spendAtRisk = f.spendAtRisk.value_or(0.0) + l.spend * result.f(net, l);
                }
            }
        out.flows.push_back(f);
    }
    const auto tierKey = [](int t) { return t == 0 ? 1 << 30 : t; };
    std::sort(out.flows.begin(), out.flows.end(), [&](const MeasureFlow& a, const MeasureFlow& b) {
        return std::tuple(tierKey(a.tier), net.sites.id(a.site), net.materials.id(a.material)) <
               std::tuple(tierKey(b.tier), net.sites.id(b.site), net.materials.id(b.material));
    });
    for (const SupplierExposure& s : result.suppliers)
        if (s.dependence && *s.dependence > 0.0)
            out.suppliers.push_back(s);
    return out;
}

} // namespace chokepoint::core::analysis

// SPDX-License-Identifier: MIT
#include "core/analysis/measureimpact.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace chokepoint::core::analysis {

namespace {

// Far enough from any real date that the measure is in force, and the others not, on any day.
constexpr Date kDawn = Date::fromDays(-10000000);
constexpr Date kNever = Date::fromDays(10000000);

bool contains(const std::vector<Index>& v, Index x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

} // namespace

std::vector<int> siteTiers(const Network& net) {
    std::vector<int> tier(net.sites.size(), 0);
    std::vector<Index> frontier;
    for (size_t m = 0; m < net.materials.size(); ++m) {
        const Index grp = net.selfGroup[m];
        if (grp == kNone)
            continue;
        for (auto* l = net.groupLinks.begin(size_t(grp)); l != net.groupLinks.end(size_t(grp)); ++l)
            if (tier[size_t(l->supplierSite)] == 0) {
                tier[size_t(l->supplierSite)] = 1;
                frontier.push_back(l->supplierSite);
            }
    }
    // Breadth first over the groups whose buyer is a site of the current tier.
    std::vector<std::vector<Index>> groupsOfBuyer(net.sites.size());
    for (size_t g = 0; g < net.groups.size(); ++g)
        if (net.groups[g].buyer != kSelf)
            groupsOfBuyer[size_t(net.groups[g].buyer)].push_back(Index(g));
    for (int t = 1; !frontier.empty(); ++t) {
        std::vector<Index> next;
        for (const Index buyer : frontier)
            for (const Index g : groupsOfBuyer[size_t(buyer)])
                for (auto* l = net.groupLinks.begin(size_t(g)); l != net.groupLinks.end(size_t(g));
                     ++l)
                    if (tier[size_t(l->supplierSite)] == 0) {
                        tier[size_t(l->supplierSite)] = t + 1;
                        next.push_back(l->supplierSite);
                    }
        frontier = std::move(next);
    }
    return tier;
}

MeasureImpact measureImpact(const Network& net, Index control, Date asOf,
                            const SummaryFilter& filter) {
    MeasureImpact out;
    out.control = control;
    if (control < 0 || size_t(control) >= net.controls.size())
        return out;

    // The same network with only this control in force. Indices stay those of `net`, so the
    // summary's control list and "why" texts name the right measure.
    Network alone = net;
    for (size_t c = 0; c < alone.controls.size(); ++c) {
        ControlInfo& info = alone.controls[c];
        if (Index(c) == control) {
            info.effective = kDawn;
            info.end.reset();
        } else {
            info.effective = kNever;
            info.end.reset();
        }
    }
    const ExposureEngine engine(alone);
    const ExposureResult result = engine.compute(Lens::Controlled, asOf);
    out.summary = summarize(alone, result, filter, 0);

    const ControlInfo& info = net.controls[size_t(control)];
    const std::vector<int> tiers = siteTiers(net);
    for (size_t n = 0; n < net.nodes.size(); ++n) {
        const Node& node = net.nodes[n];
        MeasureFlow f;
        f.site = node.site;
        f.material = node.material;
        f.node = Index(n);
        f.byMaterial = info.issuer != kNone && net.siteCountry[size_t(node.site)] == info.issuer &&
                       contains(info.materials, node.material);
        for (auto* t = net.siteTechnologies.begin(size_t(node.site));
             t != net.siteTechnologies.end(size_t(node.site)) && !f.byTechnology; ++t)
            f.byTechnology = contains(info.technologies, *t);
        if (!f.byMaterial && !f.byTechnology)
            continue;
        f.tier = tiers[size_t(node.site)];
        if (const Index grp = net.selfGroup[size_t(node.material)]; grp != kNone)
            for (auto* l = net.groupLinks.begin(size_t(grp)); l != net.groupLinks.end(size_t(grp));
                 ++l)
                if (l->supplierNode == Index(n)) {
                    f.ourShare += l->share;
                    if (!std::isnan(l->spend)) {
                        f.ourSpend = f.ourSpend.value_or(0.0) + l->spend;
                        f.spendAtRisk = f.spendAtRisk.value_or(0.0) + l->spend * result.f[n];
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

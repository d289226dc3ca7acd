// SPDX-License-Identifier: MIT
#include "core/analysis/exposureengine.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace chokepoint::core::analysis {

namespace {

// Σ_c (100 · share_c / total)² over the given (country, share) pairs; missing when the known
// shares add up to nothing.
std::optional<double> hhiOf(std::vector<std::pair<Index, double>> shares) {
    std::sort(shares.begin(), shares.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    double total = 0.0;
    for (const auto& s : shares)
        total += s.second;
    if (!(total > 0.0))
        return std::nullopt;
    double hhi = 0.0;
    for (size_t i = 0; i < shares.size();) {
        double c = 0.0;
        const Index country = shares[i].first;
        for (; i < shares.size() && shares[i].first == country; ++i)
            c += shares[i].second;
        const double pct = 100.0 * c / total;
        hhi += pct * pct;
    }
    return hhi;
}

template <class Ids> std::vector<Index> sortedById(size_t n, const Ids& ids) {
    std::vector<Index> order(n);
    std::iota(order.begin(), order.end(), Index(0));
    std::sort(order.begin(), order.end(), [&](Index a, Index b) { return ids.id(a) < ids.id(b); });
    return order;
}

} // namespace

std::optional<Lens> parseLens(std::string_view text) {
    for (size_t i = 0; i < kLensNames.size(); ++i)
        if (kLensNames[i] == text)
            return static_cast<Lens>(i);
    return std::nullopt;
}

double ExposureResult::dependence(const Network& net, Index material) const {
    const Index grp = net.selfGroup[size_t(material)];
    return grp == kNone ? unknown[size_t(material)] : g[size_t(grp)];
}

ExposureEngine::ExposureEngine(const Network& net)
    : m_net(net) {
    const size_t nMat = net.materials.size();

    // Nodes are sorted by the rank of their material: find each rank's range.
    m_rankNodeStart.assign(nMat + 1, 0);
    for (const Node& n : net.nodes)
        ++m_rankNodeStart[size_t(net.topoRank[size_t(n.material)]) + 1];
    std::partial_sum(m_rankNodeStart.begin(), m_rankNodeStart.end(), m_rankNodeStart.begin());

    m_rankGroups.start.assign(nMat + 1, 0);
    for (const Group& grp : net.groups)
        ++m_rankGroups.start[size_t(net.topoRank[size_t(grp.material)]) + 1];
    std::partial_sum(m_rankGroups.start.begin(), m_rankGroups.start.end(),
                     m_rankGroups.start.begin());
    m_rankGroups.items.resize(net.groups.size());
    std::vector<uint32_t> fill(m_rankGroups.start.begin(), m_rankGroups.start.end() - 1);
    for (size_t gi = 0; gi < net.groups.size(); ++gi)
        m_rankGroups.items[fill[size_t(net.topoRank[size_t(net.groups[gi].material)])]++] =
            Index(gi);

    const Index focus = net.focusCountry();
    m_siteInFocus.assign(net.sites.size(), 0);
    m_siteOwnedByFocus.assign(net.sites.size(), 0);
    for (size_t s = 0; s < net.sites.size(); ++s) {
        m_siteInFocus[s] = focus != kNone && net.siteCountry[s] == focus;
        const Index sup = net.siteSupplier[s];
        m_siteOwnedByFocus[s] =
            focus != kNone && sup != kNone && net.supplierOwner[size_t(sup)] == focus;
    }

    m_worldFocusShare.assign(nMat, 0.0);
    m_hhi.assign(nMat, std::nullopt);
    m_worldHhi.assign(nMat, std::nullopt);
    std::vector<std::pair<Index, double>> mix;
    for (size_t m = 0; m < nMat; ++m) {
        mix.clear();
        for (auto* w = net.worldShares.begin(m); w != net.worldShares.end(m); ++w) {
            if (focus != kNone && w->country == focus)
                m_worldFocusShare[m] += w->share;
            mix.emplace_back(w->country, w->share);
        }
        m_worldHhi[m] = hhiOf(mix);
        if (const Index grp = net.selfGroup[m]; grp != kNone) {
            mix.clear();
            for (auto* l = net.groupLinks.begin(size_t(grp)); l != net.groupLinks.end(size_t(grp));
                 ++l)
                mix.emplace_back(net.siteCountry[size_t(l->supplierSite)], l->share);
            m_hhi[m] = hhiOf(mix);
        }
    }
}

bool ExposureEngine::nodeExposed(Lens lens, Index node, const ControlState& controls) const {
    const Node& n = m_net.nodes[size_t(node)];
    switch (lens) {
    case Lens::Location:
        return m_siteInFocus[size_t(n.site)];
    case Lens::Owned:
        return m_siteInFocus[size_t(n.site)] || m_siteOwnedByFocus[size_t(n.site)];
    case Lens::Controlled:
        return controls.flowControlled(n.site, n.material);
    }
    return false;
}

double ExposureEngine::unknownFallback(Lens lens, Index material,
                                       const ControlState& controls) const {
    const double share = m_worldFocusShare[size_t(material)];
    if (lens != Lens::Controlled)
        return share;
    const Index focus = m_net.focusCountry();
    return focus != kNone && controls.materialControlled(material, focus) ? share : 0.0;
}

ExposureResult ExposureEngine::compute(Lens lens, Date asOf) const {
    ExposureResult r;
    r.lens = lens;
    r.asOf = asOf;
    const ControlState controls(m_net, asOf);
    computeFlows(lens, controls, r);
    computeFigures(r);
    return r;
}

// One pass over the materials in topological order (inputs first). For each material m:
// u(m) from its inputs' u; f of every node supplying m from the g of the node's input
// groups (all of earlier materials); then g of every group buying m from those f.
void ExposureEngine::computeFlows(Lens lens, const ControlState& controls,
                                  ExposureResult& r) const {
    const Network& net = m_net;
    const size_t nMat = net.materials.size();
    r.unknown.assign(nMat, 0.0);
    r.f.assign(net.nodes.size(), 0.0);
    r.exposed.assign(net.nodes.size(), 0);
    r.g.assign(net.groups.size(), 0.0);
    double* f = r.f.data();
    double* g = r.g.data();
    double* u = r.unknown.data();
    char* exposed = r.exposed.data();
    const Link* links = net.groupLinks.items.data();
    const uint32_t* linkStart = net.groupLinks.start.data();
    const Index* inputGroups = net.nodeInputGroups.items.data();
    const uint32_t* inputStart = net.nodeInputGroups.start.data();

    for (size_t rank = 0; rank < nMat; ++rank) {
        const Index m = net.topoOrder[rank];
        const RecipeInput* inBegin = net.recipes.begin(size_t(m));
        const uint32_t nInputs = net.recipes.count(size_t(m));

        double um = unknownFallback(lens, m, controls);
        for (uint32_t k = 0; k < nInputs; ++k)
            um = std::max(um, u[size_t(inBegin[k].material)]);
        u[size_t(m)] = um;

        for (uint32_t n = m_rankNodeStart[rank]; n < m_rankNodeStart[rank + 1]; ++n) {
            if (nodeExposed(lens, Index(n), controls)) {
                exposed[n] = 1;
                f[n] = 1.0;
                continue;
            }
            double best = 0.0;
            const Index* grp = inputGroups + inputStart[n];
            for (uint32_t k = 0; k < nInputs; ++k) {
                const double gi =
                    grp[k] == kNone ? u[size_t(inBegin[k].material)] : g[size_t(grp[k])];
                best = std::max(best, gi);
            }
            f[n] = best;
        }

        for (auto* gp = m_rankGroups.begin(rank); gp != m_rankGroups.end(rank); ++gp) {
            const size_t gi = size_t(*gp);
            double known = 0.0;
            for (uint32_t l = linkStart[gi]; l < linkStart[gi + 1]; ++l)
                known += links[l].share * f[size_t(links[l].supplierNode)];
            g[gi] = known + (1.0 - net.groups[gi].shareSum) * um;
        }
    }
}

void ExposureEngine::computeFigures(ExposureResult& r) const {
    const Network& net = m_net;

    r.materials.reserve(net.reportedMaterials.size());
    for (const Index m : net.reportedMaterials) {
        MaterialExposure e;
        e.material = m;
        e.dependence = r.dependence(net, m);
        e.hhi = m_hhi[size_t(m)];
        e.worldHhi = m_worldHhi[size_t(m)];
        e.spendAtRisk = 0.0;
        if (const Index grp = net.selfGroup[size_t(m)]; grp != kNone) {
            double spend = 0.0;
            bool anySpend = false;
            for (auto* l = net.groupLinks.begin(size_t(grp)); l != net.groupLinks.end(size_t(grp));
                 ++l) {
                const size_t node = size_t(l->supplierNode);
                if (r.exposed[node])
                    e.directShare += l->share;
                if (!std::isnan(l->spend)) {
                    spend += l->spend * r.f[node];
                    anySpend = true;
                }
            }
            e.spendAtRisk = anySpend ? std::optional<double>(spend) : std::nullopt;
        }
        r.materials.push_back(e);
    }

    std::vector<double> materialDependence(net.materials.size());
    for (size_t m = 0; m < net.materials.size(); ++m)
        materialDependence[m] = r.dependence(net, Index(m));
    for (const Index p : sortedById(net.products.size(), net.products)) {
        ProductExposure e;
        e.product = p;
        for (auto* b = net.productBom.begin(size_t(p)); b != net.productBom.end(size_t(p)); ++b)
            e.dependence = std::max(e.dependence, materialDependence[size_t(b->material)]);
        const double price = net.productPrice[size_t(p)];
        if (!std::isnan(price))
            e.revenueAtRisk = net.productVolume[size_t(p)] * price * e.dependence;
        r.products.push_back(e);
    }

    std::vector<double> share(net.suppliers.size(), 0.0), exposedShare(net.suppliers.size(), 0.0);
    std::vector<char> direct(net.suppliers.size(), 0);
    for (const Index grp : net.selfGroup) {
        if (grp == kNone)
            continue;
        for (auto* l = net.groupLinks.begin(size_t(grp)); l != net.groupLinks.end(size_t(grp));
             ++l) {
            const Index sup = net.siteSupplier[size_t(l->supplierSite)];
            if (sup == kNone)
                continue;
            direct[size_t(sup)] = 1;
            share[size_t(sup)] += l->share;
            exposedShare[size_t(sup)] += l->share * r.f[size_t(l->supplierNode)];
        }
    }
    for (const Index s : sortedById(net.suppliers.size(), net.suppliers)) {
        if (!direct[size_t(s)])
            continue;
        SupplierExposure e;
        e.supplier = s;
        e.share = share[size_t(s)];
        if (share[size_t(s)] > 0.0)
            e.dependence = exposedShare[size_t(s)] / share[size_t(s)];
        r.suppliers.push_back(e);
    }
}

} // namespace chokepoint::core::analysis

// SPDX-License-Identifier: MIT
#include "core/analysis/exposureengine.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/analysis/dataquality.h" // kMinKnownWorldShare

namespace chokepoint::core::analysis {

namespace {

// Σ_c (100 · share_c / total)² over the given (country, share) pairs; missing when the known
// shares add up to less than `minTotal` (or to nothing).
std::optional<double> hhiOf(std::vector<std::pair<Index, double>> shares, double minTotal = 0.0) {
    std::sort(shares.begin(), shares.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    double total = 0.0;
    for (const auto& s : shares)
        total += s.second;
    if (!(total > 0.0) || total < minTotal)
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

// Per node: exposed for every buyer under the point estimate (and so every bound), exposed
// for every buyer under the high bound only.
enum : uint8_t { kExposed = 1, kExposedHigh = 2 };

} // namespace

std::optional<Lens> parseLens(std::string_view text) {
    for (size_t i = 0; i < kLensNames.size(); ++i)
        if (kLensNames[i] == text)
            return static_cast<Lens>(i);
    return std::nullopt;
}

double ExposureResult::unknownAt(Index material, Index destination) const {
    const size_t nMat = materialRow.size();
    const Index row = unknownRow[destination == kNone ? unknownRow.size() - 1 : size_t(destination)];
    if (row == kNone) // a destination the engine did not see: no flow goes there
        return 0.0;
    return unknown[size_t(row) * nMat + size_t(material)];
}

double ExposureResult::supplyDependence(const Network& net, Index buyer, Index material) const {
    const Index grp = buyer == kSelf ? net.selfGroup[size_t(material)]
                                     : net.findGroup(buyer, material);
    return grp == kNone ? unknownAt(material, net.destination(buyer)) : g[size_t(grp)];
}

const MaterialExposure* ExposureResult::materialFigures(Index material) const {
    if (material < 0 || size_t(material) >= materialRow.size() ||
        materialRow[size_t(material)] == kNone)
        return nullptr;
    return &materials[size_t(materialRow[size_t(material)])];
}

const ProductExposure* ExposureResult::productFigures(Index product) const {
    for (const ProductExposure& p : products) // products are few
        if (p.product == product)
            return &p;
    return nullptr;
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

    // Destinations that occur: ours, every buyer site's and every supplying site's (a site
    // with no link for an input takes all of it from unknown origin).
    const size_t nCountries = net.countries.size();
    m_destinationRow.assign(nCountries + 1, kNone);
    auto addDestination = [&](Index country) {
        Index& row = m_destinationRow[country == kNone ? nCountries : size_t(country)];
        if (row == kNone) {
            row = Index(m_rowCountry.size());
            m_rowCountry.push_back(country);
        }
    };
    addDestination(net.companyCountry());
    for (const Group& grp : net.groups)
        if (grp.buyer != kSelf)
            addDestination(net.siteCountry[size_t(grp.buyer)]);
    for (const Node& n : net.nodes)
        if (net.recipes.count(size_t(n.material)))
            addDestination(net.siteCountry[size_t(n.site)]);

    m_worldFocusShare.assign(nMat, 0.0);
    m_hasWorldShares.assign(nMat, 0);
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
        m_hasWorldShares[m] = !mix.empty();
        m_worldHhi[m] = hhiOf(mix, kMinKnownWorldShare);
        if (const Index grp = net.selfGroup[m]; grp != kNone) {
            mix.clear();
            for (const Link& l : net.links(grp))
                mix.emplace_back(net.siteCountry[size_t(l.supplierSite)], l.share);
            m_hhi[m] = hhiOf(mix);
        }
    }
}

ExposureResult ExposureEngine::compute(Lens lens, Date asOf, bool assumeScheduled) const {
    return compute(lens, std::make_shared<const ControlState>(m_net, asOf, assumeScheduled));
}

ExposureResult ExposureEngine::compute(Lens lens,
                                       std::shared_ptr<const ControlState> controls) const {
    ExposureResult r;
    r.lens = lens;
    r.asOf = controls->asOf();
    r.assumeScheduled = controls->assumeScheduled();
    r.controls = std::move(controls);
    computeFlows(lens, *r.controls, r);
    return r;
}

uint8_t ExposureEngine::siteFlags(Lens lens, const ControlState& controls, Index site) const {
    const size_t s = size_t(site);
    switch (lens) {
    case Lens::Location:
        return m_siteInFocus[s] ? kExposed | kExposedHigh : 0;
    case Lens::Owned:
        return m_siteInFocus[s] || m_siteOwnedByFocus[s] ? kExposed | kExposedHigh : 0;
    case Lens::Controlled:
        if (controls.technologyControlled(site))
            return kExposed | kExposedHigh;
        return controls.technologyControlledIfUnknownSource(site) ? kExposedHigh : 0;
    }
    return 0;
}

bool ExposureEngine::lensHolds(Lens lens, const ControlState& controls, Index node,
                               Index destination) const {
    const Node& n = m_net.nodes[size_t(node)];
    if (siteFlags(lens, controls, n.site) & kExposed)
        return true;
    return lens == Lens::Controlled && controls.materialControlled(n.site, n.material, destination);
}

// u(i, d) per destination row, in topological order: U of the lens and bound, then the max
// over the inputs (SPEC §3). The low bound has U ≡ 0, so its u is 0 everywhere.
void ExposureEngine::computeUnknown(Lens lens, const ControlState& controls,
                                    std::vector<Triple>& u) const {
    const Network& net = m_net;
    const size_t nMat = net.materials.size();
    const size_t rows = lens == Lens::Controlled ? m_rowCountry.size() : 1;
    u.assign(rows * nMat, Triple{0.0, 0.0, 0.0});
    for (size_t row = 0; row < rows; ++row) {
        Triple* ur = u.data() + row * nMat;
        const Index d = m_rowCountry[row];
        for (const Index m : net.topoOrder) {
            Triple t{0.0, 0.0, 0.0};
            if (lens == Lens::Controlled) {
                t.point = controls.unknownShare(m, d);
                t.high = controls.unknownPossible(m, d) ? 1.0 : 0.0;
            } else {
                t.point = m_worldFocusShare[size_t(m)];
                t.high = t.point > 0.0 || !m_hasWorldShares[size_t(m)] ? 1.0 : 0.0;
            }
            for (auto* in = net.recipes.begin(size_t(m)); in != net.recipes.end(size_t(m)); ++in) {
                const Triple& v = ur[size_t(in->material)];
                t.point = std::max(t.point, v.point);
                t.high = std::max(t.high, v.high);
            }
            ur[size_t(m)] = t;
        }
    }
}

// One pass over the materials in topological order (inputs first). For each material m:
// F of every node supplying m from the g of the node's input groups (all of earlier
// materials), then g of every group buying m from the f of its links. Point, low and high
// are computed side by side: a link's supplier is read once for all three.
void ExposureEngine::computeFlows(Lens lens, const ControlState& controls,
                                  ExposureResult& r) const {
    const Network& net = m_net;
    const size_t nMat = net.materials.size();
    const size_t nCountries = net.countries.size();
    const bool controlled = lens == Lens::Controlled;

    std::vector<Triple> u;
    computeUnknown(lens, controls, u);
    auto rowOf = [&](Index country) -> size_t {
        if (!controlled)
            return 0;
        return size_t(m_destinationRow[country == kNone ? nCountries : size_t(country)]);
    };

    // What the lens says of each node for every buyer, and (controlled) the destinations
    // its flows are material-controlled to.
    std::vector<uint8_t> nodeFlags(net.nodes.size(), 0);
    std::vector<const uint8_t*> nodeReach(controlled ? net.nodes.size() : 0, nullptr);
    r.exposedToUs.assign(net.nodes.size(), 0);
    const size_t ourSlot = controls.slot(net.companyCountry());
    for (size_t n = 0; n < net.nodes.size(); ++n) {
        nodeFlags[n] = siteFlags(lens, controls, net.nodes[n].site);
        if (controlled)
            nodeReach[n] = controls.materialReach(net.nodes[n].site, net.nodes[n].material);
        r.exposedToUs[n] = (nodeFlags[n] & kExposed) || (nodeReach.size() > 0 && nodeReach[n] &&
                                                         nodeReach[n][ourSlot]);
    }

    std::vector<Triple> nodeF(net.nodes.size(), Triple{0.0, 0.0, 0.0});
    std::vector<Triple> g(net.groups.size(), Triple{0.0, 0.0, 0.0});
    r.linkExposed.assign(net.groupLinks.items.size(), 0);
    char* linkExposed = r.linkExposed.data();
    const Link* links = net.groupLinks.items.data();
    const uint32_t* linkStart = net.groupLinks.start.data();
    const Index* inputGroups = net.nodeInputGroups.items.data();
    const uint32_t* inputStart = net.nodeInputGroups.start.data();

    for (size_t rank = 0; rank < nMat; ++rank) {
        const Index m = net.topoOrder[rank];
        const RecipeInput* inBegin = net.recipes.begin(size_t(m));
        const uint32_t nInputs = net.recipes.count(size_t(m));

        if (nInputs > 0)
            for (uint32_t n = m_rankNodeStart[rank]; n < m_rankNodeStart[rank + 1]; ++n) {
                const Triple* ur = u.data() + rowOf(net.siteCountry[size_t(net.nodes[n].site)]) * nMat;
                Triple best{0.0, 0.0, 0.0};
                const Index* grp = inputGroups + inputStart[n];
                for (uint32_t k = 0; k < nInputs; ++k) {
                    const Triple& v =
                        grp[k] == kNone ? ur[size_t(inBegin[k].material)] : g[size_t(grp[k])];
                    best.point = std::max(best.point, v.point);
                    best.low = std::max(best.low, v.low);
                    best.high = std::max(best.high, v.high);
                }
                nodeF[n] = best;
            }

        for (auto* gp = m_rankGroups.begin(rank); gp != m_rankGroups.end(rank); ++gp) {
            const size_t gi = size_t(*gp);
            const Index dest = net.destination(net.groups[gi].buyer);
            const size_t reachSlot = controls.slot(dest);
            Triple sum{0.0, 0.0, 0.0};
            for (uint32_t l = linkStart[gi]; l < linkStart[gi + 1]; ++l) {
                const size_t n = size_t(links[l].supplierNode);
                const uint8_t flags = nodeFlags[n];
                bool exposed = flags & kExposed;
                if (controlled && !exposed && nodeReach[n])
                    exposed = nodeReach[n][reachSlot] != 0;
                const bool exposedHigh = exposed || (flags & kExposedHigh);
                linkExposed[l] = exposed;
                const double w = links[l].share;
                const Triple& f = nodeF[n];
                sum.point += w * (exposed ? 1.0 : f.point);
                sum.low += w * (exposed ? 1.0 : f.low);
                sum.high += w * (exposedHigh ? 1.0 : f.high);
            }
            const double rest = 1.0 - net.groups[gi].shareSum;
            const Triple& um = u[rowOf(dest) * nMat + size_t(m)];
            g[gi] = {sum.point + rest * um.point, sum.low + rest * um.low,
                     sum.high + rest * um.high};
        }
    }

    // The point estimate stays in the result; the bounds only reach the figures.
    r.nodeF.resize(nodeF.size());
    for (size_t n = 0; n < nodeF.size(); ++n)
        r.nodeF[n] = nodeF[n].point;
    r.g.resize(g.size());
    for (size_t i = 0; i < g.size(); ++i)
        r.g[i] = g[i].point;
    r.unknown.resize(u.size());
    for (size_t i = 0; i < u.size(); ++i)
        r.unknown[i] = u[i].point;
    if (controlled) {
        r.unknownRow = m_destinationRow;
    } else {
        r.unknownRow.assign(nCountries + 1, 0);
    }

    std::vector<Triple> dependence(nMat);
    const Triple* ours = u.data() + rowOf(net.companyCountry()) * nMat;
    for (size_t m = 0; m < nMat; ++m) {
        const Index grp = net.selfGroup[m];
        dependence[m] = grp == kNone ? ours[m] : g[size_t(grp)];
    }
    computeFigures(r, dependence);
}

void ExposureEngine::computeFigures(ExposureResult& r,
                                    const std::vector<Triple>& dependence) const {
    const Network& net = m_net;

    r.materialRow.assign(net.materials.size(), kNone);
    r.materials.reserve(net.reportedMaterials.size());
    for (const Index m : net.reportedMaterials) {
        MaterialExposure e;
        e.material = m;
        e.dependence = dependence[size_t(m)].point;
        e.dependenceLow = dependence[size_t(m)].low;
        e.dependenceHigh = dependence[size_t(m)].high;
        e.hhi = m_hhi[size_t(m)];
        e.worldHhi = m_worldHhi[size_t(m)];
        e.spendAtRisk = 0.0;
        if (net.selfGroup[size_t(m)] != kNone) {
            double spend = 0.0;
            bool anySpend = false;
            for (const Link& l : net.tier1Links(m)) {
                if (r.exposed(net, l))
                    e.directShare += l.share;
                if (!std::isnan(l.spend)) {
                    spend += l.spend * r.f(net, l);
                    anySpend = true;
                }
            }
            e.spendAtRisk = anySpend ? std::optional<double>(spend) : std::nullopt;
        }
        r.materialRow[size_t(m)] = Index(r.materials.size());
        r.materials.push_back(e);
    }

    for (const Index p : sortedById(net.products.size(), net.products)) {
        ProductExposure e;
        e.product = p;
        for (auto* b = net.productBom.begin(size_t(p)); b != net.productBom.end(size_t(p)); ++b) {
            const Triple& d = dependence[size_t(b->material)];
            e.dependence = std::max(e.dependence, d.point);
            e.dependenceLow = std::max(e.dependenceLow, d.low);
            e.dependenceHigh = std::max(e.dependenceHigh, d.high);
        }
        const double price = net.productPrice[size_t(p)];
        if (!std::isnan(price)) {
            const double revenue = net.productVolume[size_t(p)] * price;
            e.revenueAtRisk = revenue * e.dependence;
            e.revenueAtRiskLow = revenue * e.dependenceLow;
            e.revenueAtRiskHigh = revenue * e.dependenceHigh;
        }
        r.products.push_back(e);
    }

    std::vector<double> share(net.suppliers.size(), 0.0), exposedShare(net.suppliers.size(), 0.0);
    std::vector<char> direct(net.suppliers.size(), 0);
    for (const Index grp : net.selfGroup) {
        if (grp == kNone)
            continue;
        for (const Link& l : net.links(grp)) {
            const Index sup = net.siteSupplier[size_t(l.supplierSite)];
            if (sup == kNone)
                continue;
            direct[size_t(sup)] = 1;
            share[size_t(sup)] += l.share;
            exposedShare[size_t(sup)] += l.share * r.f(net, l);
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

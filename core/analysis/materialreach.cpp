// SPDX-License-Identifier: MIT
#include "core/analysis/materialreach.h"

#include <algorithm>
#include <cmath>

namespace chokepoint::core::analysis {

namespace {

constexpr int kMaxTier = 64;

// u(i, dest(b)) for what `buyer` (a site, or kSelf) buys of unknown origin: the exposure
// result's unknown-origin fallback of i for the buyer's country, inputs included.
double unknownFor(const Network& net, const ExposureResult& r, Index material, Index buyer) {
    return r.unknownAt(material, net.destination(buyer));
}

// The network arranged for passes downstream of one material: groups per material, the range
// of nodes per material (nodes are sorted by the topological rank of their material).
struct Layout {
    explicit Layout(const Network& net) {
        const size_t nMat = net.materials.size();
        groups.start.assign(nMat + 1, 0);
        for (const Group& g : net.groups)
            ++groups.start[size_t(g.material) + 1];
        for (size_t m = 0; m < nMat; ++m)
            groups.start[m + 1] += groups.start[m];
        groups.items.resize(net.groups.size());
        std::vector<uint32_t> fill(groups.start.begin(), groups.start.end() - 1);
        for (size_t g = 0; g < net.groups.size(); ++g)
            groups.items[fill[size_t(net.groups[g].material)]++] = Index(g);

        nodeStart.assign(nMat + 1, 0);
        for (const Node& n : net.nodes)
            ++nodeStart[size_t(net.topoRank[size_t(n.material)]) + 1];
        for (size_t r = 0; r < nMat; ++r)
            nodeStart[r + 1] += nodeStart[r];
    }
    Csr<Index> groups;               ///< per material
    std::vector<uint32_t> nodeStart; ///< per topological rank
};

// One pass of the recursion restricted to one material's exposed supply (see the header).
class ReachPass {
public:
    ReachPass(const Network& net, const ExposureResult& r, const Layout& layout,
              const std::vector<uint64_t>& tiers)
        : m_net(net)
        , m_r(r)
        , m_layout(layout)
        , m_tiers(tiers)
        , m_needs(net.materials.size(), 0)
        , m_g(net.groups.size(), 0.0)
        , m_f(net.nodes.size(), 0.0) {}

    MaterialReach run(Index material) {
        const Network& net = m_net;
        MaterialReach out;
        out.material = material;
        out.tiers = m_tiers[size_t(material)];

        // needs[m]: making m needs `material`; inputs come first in topoOrder.
        const size_t first = size_t(net.topoRank[size_t(material)]);
        std::fill(m_needs.begin(), m_needs.end(), 0);
        m_needs[size_t(material)] = 1;
        for (const Index* gp = m_layout.groups.begin(size_t(material));
             gp != m_layout.groups.end(size_t(material)); ++gp)
            m_g[size_t(*gp)] = m_r.g[size_t(*gp)];

        for (size_t rank = first + 1; rank < net.topoOrder.size(); ++rank) {
            const Index m = net.topoOrder[rank];
            const RecipeInput* in = net.recipes.begin(size_t(m));
            const uint32_t nInputs = net.recipes.count(size_t(m));
            for (uint32_t k = 0; k < nInputs && !m_needs[size_t(m)]; ++k)
                m_needs[size_t(m)] = m_needs[size_t(in[k].material)];
            if (!m_needs[size_t(m)])
                continue;
            for (uint32_t n = m_layout.nodeStart[rank]; n < m_layout.nodeStart[rank + 1]; ++n) {
                const Index* grp = net.nodeInputGroups.begin(n);
                double best = 0.0;
                for (uint32_t k = 0; k < nInputs; ++k) {
                    if (!m_needs[size_t(in[k].material)])
                        continue;
                    const double v = grp[k] == kNone
                                         ? unknownFor(net, m_r, material, net.nodes[n].site)
                                         : m_g[size_t(grp[k])];
                    best = std::max(best, v);
                }
                m_f[n] = best;
            }
            for (const Index* gp = m_layout.groups.begin(size_t(m));
                 gp != m_layout.groups.end(size_t(m)); ++gp) {
                const size_t gi = size_t(*gp);
                double known = 0.0;
                for (const Link* l = net.groupLinks.begin(gi); l != net.groupLinks.end(gi); ++l)
                    known += l->share * m_f[size_t(l->supplierNode)];
                m_g[gi] = known + (1.0 - net.groups[gi].shareSum) *
                                      unknownFor(net, m_r, material, net.groups[gi].buyer);
            }
        }

        // D_i(M) of every reported material that needs it.
        std::vector<double> reached(net.materials.size(), 0.0);
        for (const Index m : net.reportedMaterials) {
            if (!m_needs[size_t(m)])
                continue;
            const Index grp = net.selfGroup[size_t(m)];
            const double d =
                grp == kNone ? unknownFor(net, m_r, material, kSelf) : m_g[size_t(grp)];
            reached[size_t(m)] = d;
            out.feeds.push_back({m, d});
            out.dependence = std::max(out.dependence, d);
        }
        std::sort(out.feeds.begin(), out.feeds.end(),
                  [&](const ReachedMaterial& a, const ReachedMaterial& b) {
                      if (a.dependence != b.dependence)
                          return a.dependence > b.dependence;
                      return net.materials.id(a.material) < net.materials.id(b.material);
                  });

        for (size_t p = 0; p < net.products.size(); ++p) {
            ReachedProduct rp;
            rp.product = Index(p);
            bool uses = false;
            for (const BomItem* b = net.productBom.begin(p); b != net.productBom.end(p); ++b)
                if (m_needs[size_t(b->material)]) {
                    uses = true;
                    rp.dependence = std::max(rp.dependence, reached[size_t(b->material)]);
                }
            if (!uses)
                continue;
            const double price = net.productPrice[p];
            if (!std::isnan(price)) {
                rp.revenueAtRisk = net.productVolume[p] * price * rp.dependence;
                out.revenueAtRisk = out.revenueAtRisk.value_or(0.0) + *rp.revenueAtRisk;
            }
            out.products.push_back(rp);
        }
        std::sort(out.products.begin(), out.products.end(),
                  [&](const ReachedProduct& a, const ReachedProduct& b) {
                      return net.products.id(a.product) < net.products.id(b.product);
                  });
        return out;
    }

private:
    const Network& m_net;
    const ExposureResult& m_r;
    const Layout& m_layout;
    const std::vector<uint64_t>& m_tiers;
    std::vector<char> m_needs;
    std::vector<double> m_g; ///< g_i per group (valid for groups of materials that need i)
    std::vector<double> m_f; ///< f_i per node (likewise)
};

} // namespace

std::vector<int> MaterialReach::tierList() const {
    std::vector<int> out;
    for (int t = 0; t < kMaxTier; ++t)
        if (tiers & (uint64_t(1) << t))
            out.push_back(t + 1);
    return out;
}

std::vector<uint64_t> materialTiers(const Network& net) {
    std::vector<uint64_t> tiers(net.materials.size(), 0);
    for (const Index m : net.reportedMaterials)
        tiers[size_t(m)] = 1;
    // What a material makes comes after its inputs in topoOrder: walk it backwards so that
    // every consumer's tiers are final before they pass one tier up to its inputs.
    for (auto it = net.topoOrder.rbegin(); it != net.topoOrder.rend(); ++it) {
        const uint64_t up = tiers[size_t(*it)] << 1;
        for (const RecipeInput* in = net.recipes.begin(size_t(*it));
             in != net.recipes.end(size_t(*it)); ++in)
            tiers[size_t(in->material)] |= up;
    }
    return tiers;
}

MaterialReach materialReach(const Network& net, const ExposureResult& result, Index material) {
    const Layout layout(net);
    const std::vector<uint64_t> tiers = materialTiers(net);
    ReachPass pass(net, result, layout, tiers);
    return pass.run(material);
}

std::vector<MaterialReach> materialReaches(const Network& net, const ExposureResult& result) {
    const Layout layout(net);
    const std::vector<uint64_t> tiers = materialTiers(net);
    ReachPass pass(net, result, layout, tiers);
    std::vector<MaterialReach> out;
    out.reserve(net.materials.size());
    for (size_t m = 0; m < net.materials.size(); ++m)
        out.push_back(pass.run(Index(m)));
    return out;
}

std::vector<Index> recipePath(const Network& net, Index from, Index to) {
    if (from == to)
        return {from};
    // Breadth first from `from` over recipe inputs, inputs tried in id order.
    std::vector<Index> parent(net.materials.size(), kNone);
    std::vector<char> seen(net.materials.size(), 0);
    std::vector<Index> level{from}, next, inputs;
    seen[size_t(from)] = 1;
    while (!level.empty() && !seen[size_t(to)]) {
        next.clear();
        for (const Index m : level) {
            inputs.clear();
            for (const RecipeInput* in = net.recipes.begin(size_t(m));
                 in != net.recipes.end(size_t(m)); ++in)
                inputs.push_back(in->material);
            std::sort(inputs.begin(), inputs.end(),
                      [&](Index a, Index b) { return net.materials.id(a) < net.materials.id(b); });
            for (const Index in : inputs)
                if (!seen[size_t(in)]) {
                    seen[size_t(in)] = 1;
                    parent[size_t(in)] = m;
                    next.push_back(in);
                }
        }
        level.swap(next);
    }
    if (!seen[size_t(to)])
        return {};
    std::vector<Index> path;
    for (Index m = to; m != kNone; m = parent[size_t(m)])
        path.push_back(m);
    std::reverse(path.begin(), path.end());
    return path;
}

std::vector<char> materialsInFilter(const Network& net, const SummaryFilter& filter) {
    const size_t nMat = net.materials.size();
    std::vector<char> keep(nMat, 0), reported(nMat, 0);
    for (const Index m : net.reportedMaterials)
        reported[size_t(m)] = 1;
    for (const Index m : filteredMaterials(net, filter))
        keep[size_t(m)] = 1;

    std::vector<char> needed(nMat, filter.product == kNone ? 1 : 0);
    if (filter.product != kNone) {
        for (const BomItem* b = net.productBom.begin(size_t(filter.product));
             b != net.productBom.end(size_t(filter.product)); ++b)
            needed[size_t(b->material)] = 1;
        for (auto it = net.topoOrder.rbegin(); it != net.topoOrder.rend(); ++it)
            if (needed[size_t(*it)])
                for (const RecipeInput* in = net.recipes.begin(size_t(*it));
                     in != net.recipes.end(size_t(*it)); ++in)
                    needed[size_t(in->material)] = 1;
    }
    std::vector<char> fromCountry(nMat, filter.country == kNone ? 1 : 0);
    if (filter.country != kNone)
        for (size_t g = 0; g < net.groups.size(); ++g)
            for (const Link* l = net.groupLinks.begin(g); l != net.groupLinks.end(g); ++l)
                if (net.siteCountry[size_t(l->supplierSite)] == filter.country)
                    fromCountry[size_t(net.groups[g].material)] = 1;

    for (size_t m = 0; m < nMat; ++m) {
        if (reported[m])
            continue;
        keep[m] = needed[m] && fromCountry[m] &&
                  (!filter.stage || net.data().materials[m].stage == *filter.stage);
    }
    return keep;
}

} // namespace chokepoint::core::analysis

// SPDX-License-Identifier: MIT
#include "core/analysis/sitepaths.h"

#include <algorithm>
#include <utility>

#include "core/analysis/summary.h"

namespace chokepoint::core::analysis {

namespace {

// One of the heaviest paths from the site to a node: its weight, the last link (null at the
// site itself) and the entry of the link's supplier node it extends (-1 at the site).
struct Entry {
    double weight;
    const Link* link;
    int prev;
};

void sortUnique(std::vector<Index>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Keeps the `k` heaviest candidates (stable: the first found wins a tie), heaviest first.
void keepHeaviest(std::vector<Entry>& candidates, size_t k) {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Entry& a, const Entry& b) { return a.weight > b.weight; });
    if (candidates.size() > k)
        candidates.resize(k);
}

} // namespace

// One pass over the nodes in topological order (Network::nodes: every input before what is
// made of it), so a node's suppliers are done before it:
//   paths(n) = [n is the site's] + Σ over n's input groups, over their links from a reached
//              supplier node s, of paths(s);
// and the k heaviest paths to n are among the k heaviest to each such s, extended by the
// link (weights multiply by shares in [0, 1]). Our own groups close the paths. Linear in the
// links, with no index to build, so a selection in a 1,000,000-link network stays quick.
SiteReach siteReach(const Network& net, Index site, const SitePathOptions& options) {
    SiteReach out;
    out.site = site;
    if (site < 0 || size_t(site) >= net.sites.size())
        return out;
    const size_t k = options.maxPaths;
    const size_t nNodes = net.nodes.size();
    std::vector<double> paths(nNodes, 0.0);
    std::vector<uint32_t> first(nNodes, 0), count(nNodes, 0); // into `pool`
    std::vector<Entry> pool, candidates;
    auto extend = [&](const Link& l) {
        const size_t s = size_t(l.supplierNode);
        const double share = l.share > 0.0 ? l.share : 0.0;
        for (uint32_t e = first[s]; e < first[s] + count[s]; ++e)
            candidates.push_back({pool[e].weight * share, &l, int(e)});
    };
    for (size_t n = 0; n < nNodes; ++n) {
        const bool start = net.nodes[n].site == site;
        double p = start ? 1.0 : 0.0;
        candidates.clear();
        if (start)
            candidates.push_back({1.0, nullptr, -1});
        for (auto* g = net.nodeInputGroups.begin(n); g != net.nodeInputGroups.end(n); ++g) {
            if (*g == kNone)
                continue;
            for (const Link& l : net.links(*g))
                if (paths[size_t(l.supplierNode)] > 0.0) {
                    p += paths[size_t(l.supplierNode)];
                    extend(l);
                }
        }
        if (p <= 0.0)
            continue;
        paths[n] = p;
        keepHeaviest(candidates, k);
        first[n] = uint32_t(pool.size());
        count[n] = uint32_t(candidates.size());
        pool.insert(pool.end(), candidates.begin(), candidates.end());
    }

    // Our own purchases close the paths.
    std::vector<std::vector<Index>> productsOf(net.materials.size());
    for (size_t p = 0; p < net.products.size(); ++p)
        for (auto* b = net.productBom.begin(p); b != net.productBom.end(p); ++b)
            productsOf[size_t(b->material)].push_back(Index(p));
    for (auto& v : productsOf)
        sortUnique(v);
    candidates.clear();
    for (size_t m = 0; m < net.materials.size(); ++m) {
        const Index g = net.selfGroup[m];
        if (g == kNone)
            continue;
        for (const Link& l : net.links(g)) {
            const double p = paths[size_t(l.supplierNode)];
            if (!(p > 0.0))
                continue;
            out.pathCount += p;
            out.customers.push_back(l.supplierSite);
            out.materials.push_back(Index(m));
            out.products.insert(out.products.end(), productsOf[m].begin(), productsOf[m].end());
            extend(l);
        }
    }
    sortUnique(out.customers);
    sortUnique(out.materials);
    sortUnique(out.products);
    keepHeaviest(candidates, k);

    for (const Entry& end : candidates) {
        SitePath path;
        path.weight = end.weight;
        path.products = productsOf[size_t(net.nodes[size_t(end.link->supplierNode)].material)];
        Index buyer = kSelf;
        for (const Entry* e = &end; e->link; e = &pool[size_t(e->prev)]) {
            const Node& from = net.nodes[size_t(e->link->supplierNode)];
            path.steps.push_back({from.site, from.material, buyer,
                                  e->link->share > 0.0 ? e->link->share : 0.0,
                                  e->link->leadTimeDays});
            buyer = from.site;
        }
        std::reverse(path.steps.begin(), path.steps.end());
        out.paths.push_back(std::move(path));
    }
    return out;
}

std::vector<char> sitesInChain(const Network& net, Index product, std::optional<Stage> stage) {
    std::vector<char> keep(net.sites.size(), product == kNone && !stage ? 1 : 0);
    if (product == kNone && !stage)
        return keep;
    // The nodes that count: upstream of our purchases of the product's materials, or every
    // node supplying a link.
    std::vector<char> inChain(net.nodes.size(), 0);
    if (product != kNone) {
        std::vector<Index> work;
        for (const Index m : filteredMaterials(net, SummaryFilter{product, std::nullopt, kNone}))
            if (const Index g = net.selfGroup[size_t(m)]; g != kNone)
                work.push_back(g);
        std::vector<char> seenGroup(net.groups.size(), 0);
        for (const Index g : work)
            seenGroup[size_t(g)] = 1;
        while (!work.empty()) {
            const Index g = work.back();
            work.pop_back();
            for (auto* l = net.groupLinks.begin(size_t(g)); l != net.groupLinks.end(size_t(g));
                 ++l) {
                const size_t n = size_t(l->supplierNode);
                if (inChain[n])
                    continue;
                inChain[n] = 1;
                for (auto* in = net.nodeInputGroups.begin(n); in != net.nodeInputGroups.end(n);
                     ++in)
                    if (*in != kNone && !seenGroup[size_t(*in)]) {
                        seenGroup[size_t(*in)] = 1;
                        work.push_back(*in);
                    }
            }
        }
    } else {
        for (const Link& l : net.groupLinks.items)
            inChain[size_t(l.supplierNode)] = 1;
    }
    for (size_t n = 0; n < net.nodes.size(); ++n) {
        const Node& node = net.nodes[n];
        if (inChain[n] && (!stage || net.data().materials[size_t(node.material)].stage == *stage))
            keep[size_t(node.site)] = 1;
    }
    return keep;
}

} // namespace chokepoint::core::analysis

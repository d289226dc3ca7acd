// SPDX-License-Identifier: MIT
#include "core/analysis/sitepaths.h"

#include <algorithm>
#include <utility>

#include <queue>

#include "core/analysis/summary.h"

namespace chokepoint::core::analysis {

namespace {

struct Supplied {
    Index group;
    const Link* link;
};

// Per node, the links it supplies (with their group); per group, the nodes reading it as a
// recipe input; per material, the products whose bill of materials lists it.
struct ForwardIndex {
    Csr<Supplied> supplied;
    Csr<Index> users;
    Csr<Index> products;
};

template <class T> Csr<T> csrOf(size_t owners, const std::vector<std::pair<Index, T>>& pairs) {
    Csr<T> csr;
    csr.start.assign(owners + 1, 0);
    for (const auto& p : pairs)
        ++csr.start[size_t(p.first) + 1];
    for (size_t o = 0; o < owners; ++o)
        csr.start[o + 1] += csr.start[o];
    csr.items.resize(pairs.size());
    std::vector<uint32_t> next(csr.start.begin(), csr.start.end() - 1);
    for (const auto& p : pairs) // stable: items keep the order of `pairs`
        csr.items[next[size_t(p.first)]++] = p.second;
    return csr;
}

ForwardIndex forwardIndex(const Network& net) {
    ForwardIndex ix;
    std::vector<std::pair<Index, Supplied>> supplied;
    supplied.reserve(net.groupLinks.items.size());
    for (size_t g = 0; g < net.groups.size(); ++g)
        for (auto* l = net.groupLinks.begin(g); l != net.groupLinks.end(g); ++l)
            supplied.push_back({l->supplierNode, {Index(g), l}});
    ix.supplied = csrOf(net.nodes.size(), supplied);
    std::vector<std::pair<Index, Index>> users;
    for (size_t n = 0; n < net.nodes.size(); ++n)
        for (auto* g = net.nodeInputGroups.begin(n); g != net.nodeInputGroups.end(n); ++g)
            if (*g != kNone)
                users.push_back({*g, Index(n)});
    ix.users = csrOf(net.groups.size(), users);
    std::vector<std::pair<Index, Index>> products;
    for (size_t p = 0; p < net.products.size(); ++p)
        for (auto* b = net.productBom.begin(p); b != net.productBom.end(p); ++b)
            products.push_back({b->material, Index(p)});
    std::sort(products.begin(), products.end());
    products.erase(std::unique(products.begin(), products.end()), products.end());
    ix.products = csrOf(net.materials.size(), products);
    return ix;
}

std::vector<Index> siteNodes(const Network& net, Index site) {
    std::vector<Index> out;
    for (size_t n = 0; n < net.nodes.size(); ++n)
        if (net.nodes[n].site == site)
            out.push_back(Index(n));
    return out;
}

void sortUnique(std::vector<Index>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Everything the site's nodes reach, and the number of paths to us from each reached node:
// count(n) = Σ over the links n supplies of 1 (a link to us) or Σ count(u) over the nodes u
// reading the buyer's group. A reader makes something of a higher topological rank, and
// nodes are ordered by rank, so walking reached nodes from the highest index down finishes
// every reader before its suppliers.
void countPaths(const Network& net, const ForwardIndex& ix, const std::vector<Index>& start,
                SiteReach& out) {
    std::vector<char> reached(net.nodes.size(), 0);
    std::vector<Index> work(start.begin(), start.end()), order;
    for (const Index n : start)
        reached[size_t(n)] = 1;
    while (!work.empty()) {
        const Index n = work.back();
        work.pop_back();
        order.push_back(n);
        for (auto* s = ix.supplied.begin(size_t(n)); s != ix.supplied.end(size_t(n)); ++s) {
            const Group& g = net.groups[size_t(s->group)];
            if (g.buyer == kSelf) {
                out.customers.push_back(net.nodes[size_t(n)].site);
                out.materials.push_back(g.material);
                for (auto* p = ix.products.begin(size_t(g.material));
                     p != ix.products.end(size_t(g.material)); ++p)
                    out.products.push_back(*p);
                continue;
            }
            for (auto* u = ix.users.begin(size_t(s->group)); u != ix.users.end(size_t(s->group));
                 ++u)
                if (!reached[size_t(*u)]) {
                    reached[size_t(*u)] = 1;
                    work.push_back(*u);
                }
        }
    }
    std::sort(order.begin(), order.end(), std::greater<>());
    std::vector<double> count(net.nodes.size(), 0.0);
    for (const Index n : order) {
        double c = 0.0;
        for (auto* s = ix.supplied.begin(size_t(n)); s != ix.supplied.end(size_t(n)); ++s) {
            if (net.groups[size_t(s->group)].buyer == kSelf) {
                c += 1.0;
                continue;
            }
            for (auto* u = ix.users.begin(size_t(s->group)); u != ix.users.end(size_t(s->group));
                 ++u)
                c += count[size_t(*u)];
        }
        count[size_t(n)] = c;
    }
    for (const Index n : start)
        out.pathCount += count[size_t(n)];
    sortUnique(out.customers);
    sortUnique(out.materials);
    sortUnique(out.products);
}

} // namespace

SiteReach siteReach(const Network& net, Index site, const SitePathOptions& options) {
    SiteReach out;
    out.site = site;
    if (site < 0 || size_t(site) >= net.sites.size())
        return out;
    const ForwardIndex ix = forwardIndex(net);
    const std::vector<Index> start = siteNodes(net, site);
    countPaths(net, ix, start, out);
    if (out.pathCount <= 0.0 || options.maxPaths == 0)
        return out;

    // Best-first over partial paths: a tree of steps (each entry's parent is the path before
    // it), a queue of path heads by weight. A finished path goes back into the queue, so it
    // comes out only once no unfinished path could still outweigh it.
    struct Partial {
        int parent;
        SitePathStep step;
    };
    struct Head {
        double weight;
        uint64_t order; // first in, first out among equal weights
        Index node;     // kNone: a finished path
        int partial;    // its last step, -1 before the first
    };
    const auto lighter = [](const Head& a, const Head& b) {
        return a.weight != b.weight ? a.weight < b.weight : a.order > b.order;
    };
    std::priority_queue<Head, std::vector<Head>, decltype(lighter)> queue(lighter);
    std::vector<Partial> partials;
    uint64_t pushed = 0;
    for (const Index n : start)
        queue.push({1.0, pushed++, n, -1});
    size_t expansions = 0;
    while (!queue.empty() && out.paths.size() < options.maxPaths &&
           expansions < options.maxExpansions) {
        const Head head = queue.top();
        queue.pop();
        if (head.node == kNone) {
            SitePath path;
            path.weight = head.weight;
            for (int p = head.partial; p >= 0; p = partials[size_t(p)].parent)
                path.steps.push_back(partials[size_t(p)].step);
            std::reverse(path.steps.begin(), path.steps.end());
            const Index material = path.steps.back().material;
            path.products.assign(ix.products.begin(size_t(material)),
                                 ix.products.end(size_t(material)));
            out.paths.push_back(std::move(path));
            continue;
        }
        ++expansions;
        const Node& node = net.nodes[size_t(head.node)];
        for (auto* s = ix.supplied.begin(size_t(head.node));
             s != ix.supplied.end(size_t(head.node)); ++s) {
            const Group& g = net.groups[size_t(s->group)];
            const double share = s->link->share > 0.0 ? s->link->share : 0.0;
            partials.push_back(
                {head.partial, {node.site, node.material, g.buyer, share, s->link->leadTimeDays}});
            const int id = int(partials.size() - 1);
            const double weight = head.weight * share;
            if (g.buyer == kSelf) {
                queue.push({weight, pushed++, kNone, id});
                continue;
            }
            for (auto* u = ix.users.begin(size_t(s->group)); u != ix.users.end(size_t(s->group));
                 ++u)
                queue.push({weight, pushed++, *u, id});
        }
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

// SPDX-License-Identifier: MIT
#include "core/analysis/supplygraph.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace chokepoint::core::analysis {

namespace {

constexpr double kEps = 1e-9;

struct MergedLink {
    Index site;
    Index node;
    double share;
    const Link* link; ///< the first of the site's links (one buyer: one exposure)
};

// What one buyer's expansion would add: children with the share of the buyer's purchase.
struct Planned {
    GraphNode node; // kind, site, material, node, f, exposed, folded, foldedExposed
    double share = 0.0;
};

class GraphBuilder {
public:
    GraphBuilder(const Network& net, const ExposureResult& result, const GraphOptions& options,
                 SupplyGraph& graph)
        : m_net(net)
        , m_result(result)
        , m_options(options)
        , m_graph(graph) {}

    void expand(int index) {
        const GraphNode buyer = m_graph.nodes[size_t(index)];
        if (buyer.kind == GraphNodeKind::Unknown || buyer.kind == GraphNodeKind::Others)
            return;
        std::vector<Index> inputs;
        if (buyer.kind == GraphNodeKind::Us)
            inputs.push_back(buyer.material);
        else
            for (auto* in = m_net.recipes.begin(size_t(buyer.material));
                 in != m_net.recipes.end(size_t(buyer.material)); ++in)
                inputs.push_back(in->material);
        if (inputs.empty())
            return;
        if (buyer.tier >= m_options.maxDepth) {
            truncate(index);
            return;
        }
        std::vector<Planned> plan;
        for (const Index input : inputs)
            planInput(buyer, input, plan);
        size_t added = 0;
        for (const Planned& p : plan)
            if (p.node.kind != GraphNodeKind::Site ||
                !m_siteNodes.count({p.node.site, p.node.material, buyer.tier + 1}))
                ++added;
        if (m_graph.nodes.size() + added > m_options.maxNodes) {
            truncate(index);
            return;
        }
        for (const Planned& p : plan)
            addChild(index, p);
    }

private:
    void truncate(int index) {
        m_graph.nodes[size_t(index)].truncated = true;
        m_graph.truncated = true;
    }

    void planInput(const GraphNode& buyer, Index input, std::vector<Planned>& plan) const {
        const Index grp = buyer.kind == GraphNodeKind::Us ? m_net.selfGroup[size_t(input)]
                                                          : m_net.findGroup(buyer.site, input);
        Planned unknown;
        unknown.node.kind = GraphNodeKind::Unknown;
        unknown.node.material = input;
        unknown.node.f = m_result.unknownAt(
            input, m_net.destination(buyer.kind == GraphNodeKind::Us ? kSelf : buyer.site));
        unknown.share = 1.0;
        if (grp == kNone) {
            plan.push_back(unknown);
            return;
        }
        std::vector<MergedLink> links;
        double sum = 0.0;
        for (const Link& link : m_net.links(grp)) {
            const Link* l = &link;
            sum += l->share;
            const auto it = std::find_if(links.begin(), links.end(), [&](const MergedLink& m) {
                return m.site == l->supplierSite;
            });
            if (it == links.end())
                links.push_back({l->supplierSite, l->supplierNode, l->share, l});
            else
                it->share += l->share;
        }
        std::sort(links.begin(), links.end(), [&](const MergedLink& a, const MergedLink& b) {
            if (a.share != b.share)
                return a.share > b.share;
            return m_net.sites.id(a.site) < m_net.sites.id(b.site);
        });
        Planned others;
        others.node.kind = GraphNodeKind::Others;
        others.node.material = input;
        double othersF = 0.0;
        for (size_t k = 0; k < links.size(); ++k) {
            const MergedLink& l = links[k];
            const double f = m_result.f(m_net, *l.link);
            const bool exposed = m_result.exposed(m_net, *l.link);
            if (k < m_options.topLinks) {
                Planned p;
                p.node.kind = GraphNodeKind::Site;
                p.node.site = l.site;
                p.node.material = input;
                p.node.node = l.node;
                p.node.buyer = buyer.kind == GraphNodeKind::Us ? kSelf : buyer.site;
                p.node.f = f;
                p.node.exposed = exposed;
                p.share = l.share;
                plan.push_back(p);
            } else {
                others.share += l.share;
                othersF += l.share * f;
                others.node.folded += 1;
                others.node.foldedExposed += exposed ? l.share : 0.0;
            }
        }
        if (others.node.folded > 0) {
            others.node.f = others.share > 0.0 ? othersF / others.share : 0.0;
            plan.push_back(others);
        }
        if (1.0 - sum > kEps) {
            unknown.share = 1.0 - sum;
            plan.push_back(unknown);
        }
    }

    void addChild(int buyerIndex, const Planned& p) {
        const int tier = m_graph.nodes[size_t(buyerIndex)].tier + 1;
        const double flow = m_graph.nodes[size_t(buyerIndex)].flow * p.share;
        int child = -1;
        if (p.node.kind == GraphNodeKind::Site) {
            const auto key = std::make_tuple(p.node.site, p.node.material, tier);
            const auto it = m_siteNodes.find(key);
            if (it != m_siteNodes.end())
                child = it->second;
            else
                m_siteNodes.emplace(key, child = newNode(p.node, tier));
        } else {
            child = newNode(p.node, tier);
        }
        m_graph.nodes[size_t(child)].flow += flow;
        m_graph.edges.push_back({child, buyerIndex, p.node.material, p.share, flow});
    }

    int newNode(GraphNode node, int tier) {
        node.tier = tier;
        node.flow = 0.0;
        if (int(m_graph.tierSizes.size()) <= tier)
            m_graph.tierSizes.resize(size_t(tier) + 1, 0);
        node.order = m_graph.tierSizes[size_t(tier)]++;
        m_graph.tiers = std::max(m_graph.tiers, tier);
        m_graph.nodes.push_back(node);
        return int(m_graph.nodes.size()) - 1;
    }

    const Network& m_net;
    const ExposureResult& m_result;
    const GraphOptions& m_options;
    SupplyGraph& m_graph;
    std::map<std::tuple<Index, Index, int>, int> m_siteNodes;
};

} // namespace

int SupplyGraph::findSite(Index site, int tier) const {
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].kind == GraphNodeKind::Site && nodes[i].site == site && nodes[i].tier == tier)
            return int(i);
    return -1;
}

SupplyGraph supplyGraph(const Network& net, const ExposureResult& result, Index material,
                        const GraphOptions& options) {
    SupplyGraph graph;
    graph.material = material;
    if (material == kNone || options.maxNodes == 0)
        return graph;
    GraphNode us;
    us.kind = GraphNodeKind::Us;
    us.material = material;
    us.flow = 1.0;
    us.f = result.dependence(net, material);
    graph.nodes.push_back(us);
    graph.tierSizes.push_back(1);
    GraphBuilder builder(net, result, options, graph);
    // Nodes of tier t + 1 are all created while tier t is expanded, so by the time a node is
    // expanded every path into it has added its flow.
    for (size_t i = 0; i < graph.nodes.size(); ++i)
        builder.expand(int(i));
    return graph;
}

} // namespace chokepoint::core::analysis

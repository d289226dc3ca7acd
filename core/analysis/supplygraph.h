// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <vector>

#include "core/analysis/exposureengine.h"
#include "core/analysis/network.h"

namespace chokepoint::core::analysis {

enum class GraphNodeKind {
    Us,      ///< our company, buying the root material (tier 0)
    Site,    ///< a supplier site selling one material
    Unknown, ///< the part of one buyer's purchase of one material that has no known site
    Others,  ///< the links of one group beyond GraphOptions::topLinks, folded into one node
};

/// A node of the layered supply graph. Columns are tiers: 0 = us, 1 = our suppliers, …
struct GraphNode {
    GraphNodeKind kind = GraphNodeKind::Site;
    int tier = 0;
    int order = 0;          ///< position within its tier, 0 first
    Index site = kNone;     ///< Site
    Index material = kNone; ///< what it supplies (Us: the root material)
    Index node = kNone;     ///< the Network node (site, material), for Site
    /// Site: the buyer of the flow it was first drawn for (a site, or kSelf); f and exposed
    /// are of that flow.
    Index buyer = kSelf;
    /// Fraction of our supply of the root material that passes through it: Σ of its edges'
    /// flows (1 for us). A site reached on several paths at one tier is one node.
    double flow = 0.0;
    /// Site: f(s, m, b) of its flow to the buyer. Unknown: u(material, dest(buyer)), what the
    /// engine counts for it. Others: the
    /// share-weighted mean f of the folded links. Us: D(root).
    double f = 0.0;
    bool exposed = false;     ///< Site: L(s, m, b)
    size_t folded = 0;        ///< Others: links folded in
    double foldedExposed = 0; ///< Others: Σ share of the folded links that are exposed (L)
    /// Its recipe inputs were not drawn (maxDepth or maxNodes): the graph goes on upstream.
    bool truncated = false;
};

/// A supply relation: `from` (seller, one tier up) sells `material` to `to` (buyer).
struct GraphEdge {
    int from = 0;
    int to = 0;
    Index material = kNone;
    double share = 0.0; ///< of the buyer's purchase of the material (w; Σ w folded; 1 − Σ w)
    double flow = 0.0;  ///< the buyer's flow · share
};

struct GraphOptions {
    size_t topLinks = 4;   ///< links drawn per (buyer, material), largest shares first
    int maxDepth = 5;      ///< deepest tier drawn
    size_t maxNodes = 150; ///< the graph never holds more nodes
};

struct SupplyGraph {
    Index material = kNone;
    std::vector<GraphNode> nodes; ///< node 0 is us; then tier by tier, each tier in order
    std::vector<GraphEdge> edges;
    int tiers = 0;                            ///< the deepest tier present
    std::vector<int> tierSizes;               ///< nodes per tier, tier 0 included
    bool truncated = false;                   ///< some node was not expanded
    int findSite(Index site, int tier) const; ///< the Site node of a site at a tier, or -1
};

/// The supply chain of `material` as a layered graph for drawing, under `result` (from an
/// ExposureEngine over `net`).
///
/// From us (tier 0) the graph follows our links for the material, then each site's links for
/// each of its recipe inputs, one tier per step, breadth first. A site is one node per tier
/// and material (paths meeting there add their flows). Per buyer node and input material,
/// the `topLinks` largest links (ties by site id) become edges; the others one Others node;
/// the share with no known site (1 − Σ w, or all of it when the buyer has no link for that
/// input) one Unknown node. Unknown and Others nodes are leaves. A site is expanded only if
/// its tier is below maxDepth and all its new nodes fit in maxNodes; otherwise it is marked
/// truncated. Within a tier, nodes come in the order their first buyer (in its tier's order)
/// lists them: by recipe input, then sites by share, then Others, then Unknown. Pure.
SupplyGraph supplyGraph(const Network& net, const ExposureResult& result, Index material,
                        const GraphOptions& options = {});

} // namespace chokepoint::core::analysis

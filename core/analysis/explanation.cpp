// SPDX-License-Identifier: MIT
#include "core/analysis/explanation.h"

#include <algorithm>

namespace chokepoint::core::analysis {

namespace {

class Explainer {
public:
    Explainer(const ExposureEngine& engine, const ExposureResult& r, const ExplainOptions& o)
        : m_net(engine.network())
        , m_r(r)
        , m_o(o) {}

    // Why the node's flows to a buyer in `destination` count (or not).
    ExposureReason reason(Index node, bool exposed, Index destination) const {
        const Node& n = m_net.nodes[size_t(node)];
        if (exposed) {
            const Index focus = m_net.focusCountry();
            switch (m_r.lens) {
            case Lens::Location:
                return ExposureReason::Located;
            case Lens::Owned:
                return m_net.siteCountry[size_t(n.site)] == focus ? ExposureReason::Located
                                                                  : ExposureReason::Owned;
            case Lens::Controlled:
                return m_r.controls->materialControlled(n.site, n.material, destination)
                           ? ExposureReason::MaterialControl
                           : ExposureReason::TechnologyControl;
            }
        }
        return m_net.recipes.count(size_t(n.material)) ? ExposureReason::Inputs
                                                       : ExposureReason::None;
    }

    GroupExplanation group(int tier, Index buyer, Index material, double weight) const {
        GroupExplanation ge;
        ge.tier = tier;
        ge.buyer = buyer;
        ge.material = material;
        ge.weight = weight;
        const Index grp = m_net.findGroup(buyer, material);
        const double u = m_r.unknownAt(material, m_net.destination(buyer));
        ge.shareSum = grp == kNone ? 0.0 : m_net.groups[size_t(grp)].shareSum;
        ge.g = grp == kNone ? u : m_r.g[size_t(grp)];
        ge.unknown.remainder = 1.0 - ge.shareSum;
        ge.unknown.fallback = u;
        ge.unknown.contribution = weight * ge.unknown.remainder * u;
        if (grp == kNone)
            return ge;

        std::vector<const Link*> links;
        for (const Link& l : m_net.links(grp))
            links.push_back(&l);
        auto contribution = [&](const Link* l) { return weight * l->share * m_r.f(m_net, *l); };
        std::stable_sort(links.begin(), links.end(), [&](const Link* a, const Link* b) {
            return contribution(a) > contribution(b);
        });
        for (const Link* l : links) {
            const double c = contribution(l);
            if (ge.links.size() >= m_o.topN || c < m_o.minContribution) {
                ++ge.omittedLinks;
                ge.omittedContribution += c;
                continue;
            }
            ge.links.push_back(link(tier, buyer, *l, weight));
        }
        return ge;
    }

    LinkExplanation link(int tier, Index buyer, const Link& l, double weight) const {
        LinkExplanation le;
        const Index node = l.supplierNode;
        le.supplierSite = l.supplierSite;
        le.supplier = m_net.siteSupplier[size_t(l.supplierSite)];
        le.country = m_net.siteCountry[size_t(l.supplierSite)];
        le.share = l.share;
        le.f = m_r.f(m_net, l);
        le.contribution = weight * l.share * le.f;
        le.reason = reason(node, m_r.exposed(m_net, l), m_net.destination(buyer));
        if (le.reason != ExposureReason::Inputs)
            return le;
        const Index m = m_net.nodes[size_t(node)].material;
        const Index* grp = m_net.nodeInputGroups.begin(size_t(node));
        size_t best = 0;
        for (auto* in = m_net.recipes.begin(size_t(m)); in != m_net.recipes.end(size_t(m));
             ++in, ++grp) {
            InputValue v;
            v.material = in->material;
            v.hasLinks = *grp != kNone;
            v.g = v.hasLinks ? m_r.g[size_t(*grp)]
                             : m_r.unknownAt(in->material, m_net.siteCountry[size_t(l.supplierSite)]);
            if (le.inputs.empty() || v.g > le.inputs[best].g)
                best = le.inputs.size();
            le.inputs.push_back(v);
        }
        if (tier < m_o.maxDepth && !le.inputs.empty())
            le.upstream.push_back(
                group(tier + 1, l.supplierSite, le.inputs[best].material, weight * l.share));
        return le;
    }

private:
    const Network& m_net;
    const ExposureResult& m_r;
    const ExplainOptions& m_o;
};

} // namespace

Explanation explainMaterial(const ExposureEngine& engine, const ExposureResult& result,
                            Index material, const ExplainOptions& options) {
    Explanation e;
    e.lens = result.lens;
    e.asOf = result.asOf;
    e.material = material;
    e.dependence = result.dependence(engine.network(), material);
    e.root = Explainer(engine, result, options).group(1, kSelf, material, 1.0);
    return e;
}

ExposureReason exposureReason(const ExposureEngine& engine, const ExposureResult& result,
                              Index node, Index buyer) {
    const Network& net = engine.network();
    const Index destination = net.destination(buyer);
    const bool exposed = engine.lensHolds(result.lens, *result.controls, node, destination);
    return Explainer(engine, result, ExplainOptions{}).reason(node, exposed, destination);
}

NodeFlow nodeFlow(const ExposureEngine& engine, const ExposureResult& result, Index node) {
    const Network& net = engine.network();
    const Index material = net.nodes[size_t(node)].material;
    NodeFlow out;
    const Link* link = nullptr;
    for (const Link& l : net.tier1Links(material))
        if (l.supplierNode == node && !link)
            link = &l;
    for (size_t g = 0; g < net.groups.size() && !link; ++g)
        if (net.groups[g].material == material && net.groups[g].buyer != kSelf)
            for (const Link& l : net.links(Index(g)))
                if (l.supplierNode == node && !link) {
                    link = &l;
                    out.buyer = net.groups[g].buyer;
                }
    out.exposed = link ? result.exposed(net, *link)
                       : engine.lensHolds(result.lens, *result.controls, node,
                                          net.destination(kSelf));
    out.f = out.exposed ? 1.0 : result.nodeF[size_t(node)];
    out.reason = exposureReason(engine, result, node, out.buyer);
    return out;
}

} // namespace chokepoint::core::analysis

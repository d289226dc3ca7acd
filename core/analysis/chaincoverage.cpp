// SPDX-License-Identifier: MIT
#include "core/analysis/chaincoverage.h"

#include <algorithm>

namespace chokepoint::core::analysis {

namespace {

void addOnce(std::vector<Index>& v, Index x) {
    if (std::find(v.begin(), v.end(), x) == v.end())
        v.push_back(x);
}

// The issuer produces some of the material (or nothing is known of who does).
bool mayProduce(const Network& net, Index material, Index issuer) {
    if (net.worldShares.count(size_t(material)) == 0)
        return true;
    for (auto* w = net.worldShares.begin(size_t(material));
         w != net.worldShares.end(size_t(material)); ++w)
        if (w->country == issuer && w->share > 0.0)
            return true;
    return false;
}

} // namespace

ChainReach chainReach(const Network& net, std::span<const Index> roots, Index country) {
    ChainReach reach;
    reach.materials = net.recipeClosure(roots);
    std::vector<Index> seeds;
    for (const Index m : roots)
        for (const Link& l : net.tier1Links(m))
            if (country == kNone || net.siteCountry[size_t(l.supplierSite)] == country)
                seeds.push_back(l.supplierNode);
    reach.nodes = net.upstreamNodes(seeds);
    reach.sites.assign(net.sites.size(), 0);
    for (size_t n = 0; n < net.nodes.size(); ++n)
        if (reach.nodes[n])
            reach.sites[size_t(net.nodes[n].site)] = 1;
    return reach;
}

std::vector<ChainTouch> chainTouches(const ControlState& state, const ChainReach& reach) {
    const Network& net = state.network();
    std::vector<ChainTouch> out(net.controls.size());

    // A flow in the chain, and the unknown-origin part of a purchase in the chain.
    auto flow = [&](const Link& l, Index material, Index destination) {
        if (!state.materialControlled(l.supplierSite, material, destination))
            return;
        for (const ControlState::Cover& cover :
             state.coversOfFlow(l.supplierSite, material, destination))
            if (cover.kind == ItemKind::Material)
                addOnce(out[size_t(cover.control)].materials, material);
    };
    // Unknown-origin supply of a material counts what measures on it or on any of its inputs
    // would cover (u(i, d) takes the max over the inputs): once per (material, destination).
    const size_t slots = net.countries.size() + 1;
    std::vector<char> done(net.materials.size() * slots, 0);
    std::vector<Index> stack;
    auto unknown = [&](Index material, Index destination) {
        stack.assign(1, material);
        while (!stack.empty()) {
            const Index m = stack.back();
            stack.pop_back();
            char& seen = done[size_t(m) * slots + state.slot(destination)];
            if (seen)
                continue;
            seen = 1;
            for (const Index c : state.controlsListing(ItemKind::Material, m)) {
                if (state.exportReaches(c, destination) &&
                    mayProduce(net, m, net.controls[size_t(c)].issuer))
                    addOnce(out[size_t(c)].materials, m);
            }
            for (auto* in = net.recipes.begin(size_t(m)); in != net.recipes.end(size_t(m)); ++in)
                stack.push_back(in->material);
        }
    };
    auto purchase = [&](Index group, Index buyer, Index material) {
        const Index destination = net.destination(buyer);
        if (group == kNone) {
            unknown(material, destination);
            return;
        }
        for (const Link& l : net.links(group))
            flow(l, material, destination);
        if (net.groups[size_t(group)].shareSum < 1.0 - 1e-9)
            unknown(material, destination);
    };

    for (size_t m = 0; m < net.materials.size(); ++m)
        if (reach.materials[m] && (net.selfGroup[m] != kNone))
            purchase(net.selfGroup[m], kSelf, Index(m));
    for (size_t n = 0; n < net.nodes.size(); ++n) {
        if (!reach.nodes[n])
            continue;
        const Node& node = net.nodes[n];
        const RecipeInput* in = net.recipes.begin(size_t(node.material));
        for (auto* g = net.nodeInputGroups.begin(n); g != net.nodeInputGroups.end(n); ++g, ++in)
            purchase(*g, node.site, in->material);
    }
    for (size_t s = 0; s < net.sites.size(); ++s) {
        if (!reach.sites[s])
            continue;
        std::vector<std::pair<Index, Index>> seen; // (control, technology) once per site
        for (const ControlState::Cover& cover : state.coversOfSite(Index(s))) {
            if (std::find(seen.begin(), seen.end(), std::pair(cover.control, cover.item)) !=
                seen.end())
                continue;
            seen.emplace_back(cover.control, cover.item);
            ChainTouch& t = out[size_t(cover.control)];
            const auto it = std::find(t.technologies.begin(), t.technologies.end(), cover.item);
            if (it == t.technologies.end()) {
                t.technologies.push_back(cover.item);
                t.technologySites.push_back(1);
            } else {
                ++t.technologySites[size_t(it - t.technologies.begin())];
            }
        }
    }
    for (ChainTouch& t : out) {
        std::sort(t.materials.begin(), t.materials.end());
        std::vector<size_t> order(t.technologies.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(),
                  [&](size_t a, size_t b) { return t.technologies[a] < t.technologies[b]; });
        std::vector<Index> techs;
        std::vector<int> sites;
        for (const size_t i : order) {
            techs.push_back(t.technologies[i]);
            sites.push_back(t.technologySites[i]);
        }
        t.technologies = std::move(techs);
        t.technologySites = std::move(sites);
    }
    return out;
}

std::vector<Index> controlsTouching(const ControlState& state, const ChainReach& reach) {
    std::vector<Index> out;
    const auto touches = chainTouches(state, reach);
    for (size_t c = 0; c < touches.size(); ++c)
        if (touches[c].touches())
            out.push_back(Index(c));
    return out;
}

} // namespace chokepoint::core::analysis

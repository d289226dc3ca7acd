// SPDX-License-Identifier: MIT
#include "core/map/mapbuilder.h"

#include <algorithm>
#include <cmath>
#include <deque>

namespace chokepoint::core::map {

namespace an = analysis;
static_assert(kOurCompany == an::kSelf);

namespace {

std::vector<char> materialMask(const an::Network& net, const an::SummaryFilter& filter) {
    std::vector<char> mask(net.materials.size(), 0);
    for (const an::Index m : an::filteredMaterials(net, filter))
        mask[size_t(m)] = 1;
    return mask;
}

// Tier of every node reachable upstream from our tier-1 links of `seeds` (through sites the
// filter's country keeps): 1 for what we buy, 0 for nodes outside the chain. Breadth-first,
// so a node's tier is its fewest links to us.
std::vector<int> chainTiers(const an::Network& net, const an::SummaryFilter& filter,
                            const std::vector<char>& seeds) {
    std::vector<int> tier(net.nodes.size(), 0);
    std::deque<an::Index> queue;
    for (size_t m = 0; m < seeds.size(); ++m) {
        const an::Index g = net.selfGroup[m];
        if (!seeds[m] || g == an::kNone)
            continue;
        for (auto* l = net.groupLinks.begin(size_t(g)); l != net.groupLinks.end(size_t(g)); ++l)
            if (an::siteInFilterCountry(net, filter, l->supplierSite) &&
                !tier[size_t(l->supplierNode)]) {
                tier[size_t(l->supplierNode)] = 1;
                queue.push_back(l->supplierNode);
            }
    }
    while (!queue.empty()) {
        const an::Index n = queue.front();
        queue.pop_front();
        const size_t nn = size_t(n);
        for (auto* g = net.nodeInputGroups.begin(nn); g != net.nodeInputGroups.end(nn); ++g) {
            if (*g == an::kNone)
                continue;
            for (auto* l = net.groupLinks.begin(size_t(*g)); l != net.groupLinks.end(size_t(*g));
                 ++l)
                if (!tier[size_t(l->supplierNode)]) {
                    tier[size_t(l->supplierNode)] = tier[nn] + 1;
                    queue.push_back(l->supplierNode);
                }
        }
    }
    return tier;
}

// The flow of `seed` through the chain: carried[n] is the share of our supply of `seed`
// that node n delivers (Σ over its buyers of w · carried(buyer)), and linkShare[row] the share
// running along each link. Nodes are ordered inputs first (Network::nodes), so walking them
// backwards finishes every buyer before its suppliers.
void propagateFlow(const an::Network& net, const an::SummaryFilter& filter, an::Index seed,
                   std::vector<double>& nodeShare, std::vector<double>& linkShare) {
    std::vector<double> carried(net.nodes.size(), 0.0);
    const an::Index g = net.selfGroup[size_t(seed)];
    if (g == an::kNone)
        return;
    for (auto* l = net.groupLinks.begin(size_t(g)); l != net.groupLinks.end(size_t(g)); ++l) {
        if (!an::siteInFilterCountry(net, filter, l->supplierSite) || !(l->share > 0))
            continue;
        carried[size_t(l->supplierNode)] += l->share;
        linkShare[l->row] = std::max(linkShare[l->row], l->share);
    }
    for (size_t n = net.nodes.size(); n-- > 0;) {
        const double c = carried[n];
        if (!(c > 0))
            continue;
        nodeShare[n] = std::max(nodeShare[n], std::min(1.0, c));
        for (auto* in = net.nodeInputGroups.begin(n); in != net.nodeInputGroups.end(n); ++in) {
            if (*in == an::kNone)
                continue;
            for (auto* l = net.groupLinks.begin(size_t(*in)); l != net.groupLinks.end(size_t(*in));
                 ++l) {
                if (!(l->share > 0))
                    continue;
                const double s = l->share * c;
                carried[size_t(l->supplierNode)] += s;
                linkShare[l->row] = std::max(linkShare[l->row], std::min(1.0, s));
            }
        }
    }
}

// Keeps, of a flow computed by propagateFlow(), the routes by which material `m` reaches us:
// every link whose supplier delivers m or something made with m (with its share of the
// flow), and the links upstream of m's suppliers (their inputs), which carry only the part
// of the flow that passes through m.
void restrictToMaterial(const an::Network& net, an::Index m, std::vector<double>& nodeShare,
                        std::vector<double>& linkShare) {
    const size_t nNodes = net.nodes.size();
    // Nodes that deliver m or have it upstream; inputs come first in Network::nodes.
    std::vector<char> dep(nNodes, 0);
    for (size_t n = 0; n < nNodes; ++n) {
        if (net.nodes[n].material == m) {
            dep[n] = 1;
            continue;
        }
        for (auto* in = net.nodeInputGroups.begin(n); in != net.nodeInputGroups.end(n) && !dep[n];
             ++in)
            if (*in != an::kNone)
                for (auto* l = net.groupLinks.begin(size_t(*in));
                     l != net.groupLinks.end(size_t(*in)) && !dep[n]; ++l)
                    dep[n] = dep[size_t(l->supplierNode)];
    }
    std::vector<double> nodeOut(nNodes, 0.0), linkOut(linkShare.size(), 0.0), up(nNodes, 0.0);
    for (size_t g = 0; g < net.groups.size(); ++g)
        for (auto* l = net.groupLinks.begin(g); l != net.groupLinks.end(g); ++l)
            if (dep[size_t(l->supplierNode)])
                linkOut[l->row] = linkShare[l->row];
    for (size_t n = 0; n < nNodes; ++n) {
        if (dep[n])
            nodeOut[n] = nodeShare[n];
        if (net.nodes[n].material == m)
            up[n] = nodeShare[n];
    }
    for (size_t n = nNodes; n-- > 0;) {
        const double c = up[n];
        if (!(c > 0))
            continue;
        if (!dep[n])
            nodeOut[n] = std::max(nodeOut[n], std::min(1.0, c));
        for (auto* in = net.nodeInputGroups.begin(n); in != net.nodeInputGroups.end(n); ++in) {
            if (*in == an::kNone)
                continue;
            for (auto* l = net.groupLinks.begin(size_t(*in)); l != net.groupLinks.end(size_t(*in));
                 ++l) {
                if (!(l->share > 0))
                    continue;
                const double s = l->share * c;
                up[size_t(l->supplierNode)] += s;
                linkOut[l->row] = std::max(linkOut[l->row], std::min(1.0, s));
            }
        }
    }
    nodeShare.swap(nodeOut);
    linkShare.swap(linkOut);
}

bool placeSite(const an::Network& net, const WorldAtlas& atlas, an::Index s, MapPoint& pos,
               bool& atCentroid) {
    const Site& site = net.data().sites[size_t(s)];
    if (site.lat && site.lon && std::isfinite(*site.lat) && std::isfinite(*site.lon)) {
        pos = equalEarth({*site.lon, *site.lat});
        atCentroid = false;
        return true;
    }
    atCentroid = true;
    return atlas.centroid(site.country, pos);
}

} // namespace

MapScene buildMapScene(const an::Network& net, const an::ExposureResult& result,
                       const WorldAtlas& atlas, const MapRequest& request) {
    MapScene scene;
    scene.measure = request.measure;
    const bool customSize = request.siteSize.size() == net.sites.size();
    scene.sizeName = customSize ? request.sizeName : std::string("tier-1 spend");
    const an::SummaryFilter& filter = request.filter;
    const size_t nSites = net.sites.size();

    // The flow: shares per node and per link, for a product's materials, everything we buy,
    // or the routes of one material through the chain of what we buy.
    const std::vector<char> chainSeeds =
        materialMask(net, an::SummaryFilter{filter.product, std::nullopt, an::kNone});
    std::vector<double> nodeShare, linkShare;
    std::vector<an::Index> flowSeeds;
    if (request.flowMaterial != an::kNone) {
        for (size_t m = 0; m < chainSeeds.size(); ++m)
            if (chainSeeds[m])
                flowSeeds.push_back(an::Index(m));
    } else if (request.flowProduct != an::kNone)
        for (auto* b = net.productBom.begin(size_t(request.flowProduct));
             b != net.productBom.end(size_t(request.flowProduct)); ++b)
            flowSeeds.push_back(b->material);
    else if (request.flowAll)
        flowSeeds = an::filteredMaterials(net, filter);
    std::vector<int> flowTier;
    if (!flowSeeds.empty()) {
        nodeShare.assign(net.nodes.size(), 0.0);
        linkShare.assign(net.data().supply.size(), 0.0);
        std::vector<char> mask(net.materials.size(), 0);
        for (const an::Index m : flowSeeds) {
            propagateFlow(net, filter, m, nodeShare, linkShare);
            mask[size_t(m)] = 1;
        }
        if (request.flowMaterial != an::kNone)
            restrictToMaterial(net, request.flowMaterial, nodeShare, linkShare);
        if (mask != chainSeeds)
            flowTier = chainTiers(net, filter, mask);
    }

    // Which sites: the chain of the product's materials, limited to the stage, and every
    // site the flow passes through (an arc's ends).
    const std::vector<int> tier = chainTiers(net, filter, chainSeeds);
    if (!flowSeeds.empty() && flowTier.empty()) // the flow runs through the chain itself
        flowTier = tier;
    std::vector<int> siteTier(nSites, 0);
    std::vector<char> exposed(nSites, 0), upstream(nSites, 0);
    std::vector<double> siteFlow(nSites, 0.0);
    // Whether the lens counts a flow depends on its destination (SPEC §3): a node is drawn
    // exposed when any of its flows is, or its flow to us would be.
    std::vector<char> nodeExposed(result.exposedToUs.begin(), result.exposedToUs.end());
    for (size_t l = 0; l < net.groupLinks.items.size(); ++l)
        if (result.linkExposed[l])
            nodeExposed[size_t(net.groupLinks.items[l].supplierNode)] = 1;
    for (size_t n = 0; n < net.nodes.size(); ++n) {
        const an::Node& node = net.nodes[n];
        const bool onFlow = !nodeShare.empty() && nodeShare[n] > 0;
        const bool inChain =
            tier[n] &&
            (!filter.stage || net.data().materials[size_t(node.material)].stage == *filter.stage);
        if (!onFlow && !inChain)
            continue;
        const int t = inChain && onFlow ? std::min(tier[n], flowTier[n])
                      : inChain         ? tier[n]
                                        : flowTier[n];
        int& st = siteTier[size_t(node.site)];
        st = st ? std::min(st, t) : t;
        exposed[size_t(node.site)] |= nodeExposed[n];
        upstream[size_t(node.site)] |= result.nodeF[n] > 0.0;
        if (onFlow)
            siteFlow[size_t(node.site)] = std::max(siteFlow[size_t(node.site)], nodeShare[n]);
    }

    // Spend and spend at risk over the tier-1 links the Overview counts.
    std::vector<double> siteSpend(nSites, 0.0), siteRisk(nSites, 0.0);
    std::vector<double> countrySpend(net.countries.size(), 0.0),
        countryRisk(net.countries.size(), 0.0);
    std::vector<char> countryLinked(net.countries.size(), 0);
    const std::vector<char> kept = materialMask(net, filter);
    double totalSpend = 0.0;
    for (size_t m = 0; m < kept.size(); ++m) {
        const an::Index g = net.selfGroup[m];
        if (!kept[m] || g == an::kNone)
            continue;
        for (auto* l = net.groupLinks.begin(size_t(g)); l != net.groupLinks.end(size_t(g)); ++l) {
            if (!an::siteInFilterCountry(net, filter, l->supplierSite))
                continue;
            const an::Index c = net.siteCountry[size_t(l->supplierSite)];
            if (c != an::kNone)
                countryLinked[size_t(c)] = 1;
            if (!std::isfinite(l->spend))
                continue;
            const double risk = l->spend * result.f(net, *l);
            siteSpend[size_t(l->supplierSite)] += l->spend;
            siteRisk[size_t(l->supplierSite)] += risk;
            totalSpend += l->spend;
            if (c != an::kNone) {
                countrySpend[size_t(c)] += l->spend;
                countryRisk[size_t(c)] += risk;
            }
        }
    }

    // Our company: where tier-1 arcs end.
    if (const auto& cc = net.data().profile.companyCountry; cc && !cc->empty()) {
        scene.selfCountry = *cc;
        MapPoint p;
        if (atlas.centroid(*cc, p))
            scene.self = p;
    }

    // Sites.
    std::vector<char> placed(nSites, 0);
    std::vector<MapPoint> position(nSites);
    for (size_t s = 0; s < nSites; ++s) {
        if (!siteTier[s])
            continue;
        MapSite ms;
        ms.site = an::Index(s);
        if (!placeSite(net, atlas, ms.site, ms.position, ms.atCentroid)) {
            ++scene.sitesUnplaced;
            continue;
        }
        placed[s] = 1;
        position[s] = ms.position;
        ms.tier = siteTier[s];
        ms.exposure = exposed[s]    ? SiteExposure::Exposed
                      : upstream[s] ? SiteExposure::Upstream
                                    : SiteExposure::Clear;
        ms.spend = siteSpend[s];
        ms.spendAtRisk = siteRisk[s];
        ms.size = customSize ? request.siteSize[s] : siteSpend[s];
        ms.flowShare = siteFlow[s];
        scene.sizeMax = std::max(scene.sizeMax, ms.size);
        scene.sites.push_back(ms);
    }

    // Arcs: every link with a share of the flow, both ends placed, largest first.
    for (size_t g = 0; g < net.groups.size() && !linkShare.empty(); ++g) {
        const an::Group& group = net.groups[g];
        for (auto* l = net.groupLinks.begin(g); l != net.groupLinks.end(g); ++l) {
            const double share = linkShare[l->row];
            if (!(share > 0) || !placed[size_t(l->supplierSite)])
                continue;
            MapArc arc;
            arc.fromSite = l->supplierSite;
            arc.toSite = group.buyer;
            arc.material = group.material;
            arc.from = position[size_t(l->supplierSite)];
            if (group.buyer == an::kSelf) {
                if (!scene.self)
                    continue;
                arc.to = *scene.self;
            } else {
                if (!placed[size_t(group.buyer)])
                    continue;
                arc.to = position[size_t(group.buyer)];
            }
            arc.share = share;
            arc.exposed = result.exposed(net, *l);
            scene.arcs.push_back(arc);
        }
    }
    // Largest first; of a large network's hundred thousand links only the top maxArcs are
    // sorted (selected first in linear time).
    const auto larger = [](const MapArc& a, const MapArc& b) {
        if (a.share != b.share)
            return a.share > b.share;
        if (a.fromSite != b.fromSite)
            return a.fromSite < b.fromSite;
        if (a.toSite != b.toSite)
            return a.toSite < b.toSite;
        return a.material < b.material;
    };
    if (scene.arcs.size() > request.maxArcs) {
        std::nth_element(scene.arcs.begin(), scene.arcs.begin() + long(request.maxArcs),
                         scene.arcs.end(), larger);
        scene.arcsLeftOut = scene.arcs.size() - request.maxArcs;
        scene.arcs.resize(request.maxArcs);
    }
    std::sort(scene.arcs.begin(), scene.arcs.end(), larger);

    // Countries.
    std::vector<int> countrySites(net.countries.size(), 0);
    for (const MapSite& ms : scene.sites)
        if (const an::Index c = net.siteCountry[size_t(ms.site)]; c != an::kNone)
            ++countrySites[size_t(c)];
    for (size_t c = 0; c < net.countries.size(); ++c) {
        MapCountry mc;
        mc.country = an::Index(c);
        mc.iso3 = net.countries.id(an::Index(c));
        mc.spend = countrySpend[c];
        mc.spendAtRisk = countryRisk[c];
        mc.supplyShare = totalSpend > 0 ? countrySpend[c] / totalSpend : 0.0;
        mc.sites = countrySites[c];
        if (request.measureMaterial != an::kNone) {
            const size_t m = size_t(request.measureMaterial);
            for (auto* w = net.worldShares.begin(m); w != net.worldShares.end(m); ++w)
                if (w->country == an::Index(c))
                    mc.worldShare = w->share;
        }
        switch (request.measure) {
        case CountryMeasure::SpendAtRisk:
            if (countryLinked[c])
                mc.value = mc.spendAtRisk;
            break;
        case CountryMeasure::SupplyShare:
            if (countryLinked[c] && totalSpend > 0)
                mc.value = mc.supplyShare;
            break;
        case CountryMeasure::WorldShare:
            mc.value = mc.worldShare;
            break;
        }
        if (mc.value)
            scene.measureMax = std::max(scene.measureMax, *mc.value);
        const std::string& iso3 = net.countries.id(an::Index(c));
        if ((mc.sites > 0 || mc.value) && !atlas.find(iso3))
            scene.countriesWithoutOutline.emplace_back(iso3, atlas.missingReason(iso3));
        scene.countries.push_back(mc);
    }
    return scene;
}

} // namespace chokepoint::core::map

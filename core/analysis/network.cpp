// SPDX-License-Identifier: MIT
#include "core/analysis/network.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>
#include <stdexcept>

#include "core/util/idlookup.h"

namespace chokepoint::core::analysis {

namespace {
using util::CachedLookup;
using util::hashId;
using util::IdLookup;
using util::KeyMap;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Builds a Csr from (owner, item) pairs, keeping the pairs' order within each owner.
template <class T> Csr<T> makeCsr(size_t owners, const std::vector<std::pair<Index, T>>& pairs) {
    Csr<T> csr;
    csr.start.assign(owners + 1, 0);
    for (const auto& p : pairs)
        ++csr.start[size_t(p.first) + 1];
    std::partial_sum(csr.start.begin(), csr.start.end(), csr.start.begin());
    csr.items.resize(pairs.size());
    std::vector<uint32_t> fill(csr.start.begin(), csr.start.end() - 1);
    for (const auto& p : pairs)
        csr.items[fill[size_t(p.first)]++] = p.second;
    return csr;
}

} // namespace

Index IdIndex::add(const std::string& id) {
    auto [it, inserted] = m_map.emplace(id, Index(m_ids.size()));
    if (inserted)
        m_ids.push_back(id);
    return it->second;
}

Index IdIndex::find(std::string_view id) const {
    auto it = m_map.find(id);
    return it == m_map.end() ? kNone : it->second;
}

void IdIndex::reserve(size_t n) {
    m_ids.reserve(n);
    m_map.reserve(n);
}

Network::Network(Dataset data, std::string focusCountry)
    : m_data(std::move(data)) {
    const Dataset& d = m_data;
    countries.reserve(d.countries.size());
    for (const auto& c : d.countries)
        countries.add(c.iso3);
    m_focus = countries.find(focusCountry);
    if (d.profile.companyCountry)
        m_company = countries.find(*d.profile.companyCountry);
    materials.reserve(d.materials.size());
    for (const auto& m : d.materials)
        materials.add(m.id);
    for (const auto& t : d.technologies)
        technologies.add(t.id);
    suppliers.reserve(d.suppliers.size());
    for (const auto& s : d.suppliers) {
        suppliers.add(s.id);
        supplierOwner.push_back(s.ownerCountry ? countries.find(*s.ownerCountry) : kNone);
        supplierHq.push_back(s.hqCountry ? countries.find(*s.hqCountry) : kNone);
    }
    sites.reserve(d.sites.size());
    siteSupplier.reserve(d.sites.size());
    siteCountry.reserve(d.sites.size());
    {
        const IdLookup supplierIds(suppliers.ids()), countryIds(countries.ids());
        CachedLookup supplierOf(supplierIds), countryOf(countryIds);
        for (const auto& s : d.sites) {
            sites.add(s.id);
            siteSupplier.push_back(supplierOf.find(s.supplierId));
            siteCountry.push_back(countryOf.find(s.country));
        }
    }
    {
        std::vector<std::pair<Index, std::pair<Index, Index>>> pairs;
        for (const auto& st : d.siteTechnologies) {
            Index source = kNone;
            if (st.sourceCountry) {
                source = countries.find(*st.sourceCountry);
                if (source == kNone)
                    source = kOtherCountry;
            }
            pairs.push_back(
                {sites.find(st.siteId), {technologies.find(st.technologyId), source}});
        }
        const auto both = makeCsr(sites.size(), pairs);
        siteTechnologies.start = both.start;
        siteTechnologies.items.clear();
        siteTechnologySource.clear();
        for (const auto& [tech, source] : both.items) {
            siteTechnologies.items.push_back(tech);
            siteTechnologySource.push_back(source);
        }
    }
    for (const auto& c : d.controls) {
        controlIds.add(c.id);
        ControlInfo info{countries.find(c.issuer), c.kind, {}, !c.targetCountries.empty(), {}, {}};
        for (const auto& target : c.targetCountries)
            if (const Index t = countries.find(target); t != kNone)
                info.targets.push_back(t);
        controls.push_back(std::move(info));
    }
    for (const auto& ci : d.controlItems) {
        const Index c = controlIds.find(ci.controlId);
        if (c == kNone)
            continue;
        if (ci.itemKind == ItemKind::Material) {
            if (const Index m = materials.find(ci.itemId); m != kNone)
                controls[size_t(c)].materials.push_back(m);
        } else if (const Index t = technologies.find(ci.itemId); t != kNone) {
            controls[size_t(c)].technologies.push_back(t);
        }
    }
    for (const auto& p : d.products) {
        products.add(p.id);
        productVolume.push_back(p.annualVolume);
        productPrice.push_back(p.unitPrice ? *p.unitPrice : kNaN);
    }
    {
        std::vector<std::pair<Index, BomItem>> pairs;
        for (const auto& b : d.productBom)
            pairs.push_back(
                {products.find(b.productId), {materials.find(b.materialId), b.qtyPerUnit}});
        productBom = makeCsr(products.size(), pairs);
    }
    buildMaterials();
    buildSupply();
}

void Network::buildMaterials() {
    const Dataset& d = m_data;
    const size_t n = materials.size();
    std::vector<std::pair<Index, RecipeInput>> pairs;
    for (const auto& r : d.recipes)
        pairs.push_back(
            {materials.find(r.materialId), {materials.find(r.inputMaterialId), r.qtyPerUnit}});
    recipes = makeCsr(n, pairs);

    // Topological order (inputs first), Kahn's algorithm on "input -> output" edges.
    std::vector<uint32_t> pending(n);
    std::vector<std::vector<Index>> users(n);
    for (size_t m = 0; m < n; ++m) {
        pending[m] = recipes.count(m);
        for (auto* it = recipes.begin(m); it != recipes.end(m); ++it)
            users[size_t(it->material)].push_back(Index(m));
    }
    topoOrder.clear();
    topoOrder.reserve(n);
    for (size_t m = 0; m < n; ++m)
        if (pending[m] == 0)
            topoOrder.push_back(Index(m));
    for (size_t i = 0; i < topoOrder.size(); ++i)
        for (const Index u : users[size_t(topoOrder[i])])
            if (--pending[size_t(u)] == 0)
                topoOrder.push_back(u);
    if (topoOrder.size() != n)
        throw std::invalid_argument("recipes contain a cycle");
    topoRank.assign(n, 0);
    for (size_t i = 0; i < n; ++i)
        topoRank[size_t(topoOrder[i])] = int(i);

    std::vector<std::pair<Index, CountryShare>> shares;
    for (const auto& w : d.worldShares)
        shares.push_back({materials.find(w.materialId), {countries.find(w.country), w.share}});
    worldShares = makeCsr(n, shares);

    inventoryDays.assign(n, 0.0);
    for (const auto& inv : d.inventory)
        inventoryDays[size_t(materials.find(inv.materialId))] = inv.daysOnHand;
}

Index Network::findGroup(Index buyer, Index material) const {
    auto it = m_groupIndex.find(key(buyer, material));
    return it == m_groupIndex.end() ? kNone : it->second;
}

Index Network::findNode(Index site, Index material) const {
    auto it = m_nodeIndex.find(key(site, material));
    return it == m_nodeIndex.end() ? kNone : it->second;
}

void Network::buildSupply() {
    const Dataset& d = m_data;
    const size_t nLinks = d.supply.size();
    const size_t nCandidates = nLinks + d.alternatives.size();
    // Candidate nodes (site, material): the supplier of every link, then every alternative.
    std::vector<Index> buyer(nLinks), site(nCandidates), material(nCandidates);
    {
        const IdLookup siteIds(sites.ids()), materialIds(materials.ids());
        CachedLookup buyerOf(siteIds), materialOf(materialIds), altMaterialOf(materialIds);
        // Supplier sites are scattered: hash a block of them and prefetch their slots first.
        constexpr size_t kBlock = 16;
        uint64_t hashes[kBlock];
        for (size_t i0 = 0; i0 < nLinks; i0 += kBlock) {
            const size_t n = std::min(kBlock, nLinks - i0);
            for (size_t k = 0; k < n; ++k) {
                hashes[k] = hashId(d.supply[i0 + k].supplierSite);
                siteIds.prefetch(hashes[k]);
            }
            for (size_t k = 0; k < n; ++k) {
                const size_t i = i0 + k;
                const auto& s = d.supply[i];
                buyer[i] = s.buyerSite.empty() ? kSelf : buyerOf.find(s.buyerSite);
                material[i] = materialOf.find(s.materialId);
                site[i] = siteIds.find(s.supplierSite, hashes[k]);
            }
        }
        for (size_t a = 0; a < d.alternatives.size(); ++a) {
            site[nLinks + a] = siteIds.find(d.alternatives[a].siteId);
            material[nLinks + a] = altMaterialOf.find(d.alternatives[a].materialId);
        }
    }

    // Nodes sorted by (material rank, site), each once: bucket the candidates by rank, then
    // per rank keep each site once (stamped with the rank) and sort the sites.
    const size_t nMat = materials.size();
    std::vector<uint32_t> rankStart(nMat + 2, 0);
    for (size_t c = 0; c < nCandidates; ++c)
        if (material[c] != kNone && site[c] != kNone)
            ++rankStart[size_t(topoRank[size_t(material[c])]) + 2];
    std::partial_sum(rankStart.begin(), rankStart.end(), rankStart.begin());
    std::vector<uint32_t> byRank(rankStart[nMat + 1]);
    for (size_t c = 0; c < nCandidates; ++c)
        if (material[c] != kNone && site[c] != kNone)
            byRank[rankStart[size_t(topoRank[size_t(material[c])]) + 1]++] = uint32_t(c);
    std::vector<Index> candidateNode(nCandidates, kNone);
    std::vector<Index> nodeOfSite(sites.size(), kNone);
    std::vector<int> stamp(sites.size(), -1);
    std::vector<Index> unique;
    nodes.clear();
    for (size_t r = 0; r < nMat; ++r) {
        unique.clear();
        for (uint32_t k = rankStart[r]; k < rankStart[r + 1]; ++k) {
            const Index s = site[byRank[k]];
            if (stamp[size_t(s)] != int(r)) {
                stamp[size_t(s)] = int(r);
                unique.push_back(s);
            }
        }
        std::sort(unique.begin(), unique.end());
        for (const Index s : unique) {
            nodeOfSite[size_t(s)] = Index(nodes.size());
            nodes.push_back({s, topoOrder[r]});
        }
        for (uint32_t k = rankStart[r]; k < rankStart[r + 1]; ++k)
            candidateNode[byRank[k]] = nodeOfSite[size_t(site[byRank[k]])];
    }
    m_nodeIndex.reserve(nodes.size());
    for (size_t n = 0; n < nodes.size(); ++n)
        m_nodeIndex.emplace(key(nodes[n].site, nodes[n].material), Index(n));

    // Groups in order of first appearance; links keep their row order within a group.
    std::vector<Index> linkGroup(nLinks);
    KeyMap groupOf(nLinks / 8 + 16);
    uint64_t lastKey = 0;
    Index lastGroup = kNone;
    for (size_t i = 0; i < nLinks; ++i) {
        const uint64_t k = key(buyer[i], material[i]);
        if (lastGroup == kNone || k != lastKey) {
            const auto [g, inserted] = groupOf.emplace(k, Index(groups.size()));
            if (inserted)
                groups.push_back({buyer[i], material[i], 0.0});
            lastKey = k;
            lastGroup = g;
        }
        linkGroup[i] = lastGroup;
        groups[size_t(lastGroup)].shareSum += d.supply[i].share;
    }
    m_groupIndex.reserve(groups.size());
    for (size_t g = 0; g < groups.size(); ++g)
        m_groupIndex.emplace(key(groups[g].buyer, groups[g].material), Index(g));

    groupLinks.start.assign(groups.size() + 1, 0);
    for (size_t i = 0; i < nLinks; ++i)
        ++groupLinks.start[size_t(linkGroup[i]) + 1];
    std::partial_sum(groupLinks.start.begin(), groupLinks.start.end(), groupLinks.start.begin());
    auto makeLink = [&](size_t i) {
        const auto& s = d.supply[i];
        return Link{site[i],        candidateNode[i],
                    s.share,        s.annualSpend ? *s.annualSpend : kNaN,
                    s.leadTimeDays, uint32_t(i)};
    };
    groupLinks.items.clear();
    if (std::is_sorted(linkGroup.begin(), linkGroup.end())) {
        // Rows already come group by group (the usual case): append, no scatter.
        groupLinks.items.reserve(nLinks);
        for (size_t i = 0; i < nLinks; ++i)
            groupLinks.items.push_back(makeLink(i));
    } else {
        groupLinks.items.resize(nLinks);
        std::vector<uint32_t> fill(groupLinks.start.begin(), groupLinks.start.end() - 1);
        for (size_t i = 0; i < nLinks; ++i)
            groupLinks.items[fill[size_t(linkGroup[i])]++] = makeLink(i);
    }

    selfGroup.assign(nMat, kNone);
    for (size_t g = 0; g < groups.size(); ++g)
        if (groups[g].buyer == kSelf)
            selfGroup[size_t(groups[g].material)] = Index(g);

    nodeInputGroups.start.assign(nodes.size() + 1, 0);
    nodeInputGroups.items.clear();
    for (size_t n = 0; n < nodes.size(); ++n) {
        const Index m = nodes[n].material;
        for (auto* it = recipes.begin(size_t(m)); it != recipes.end(size_t(m)); ++it)
            nodeInputGroups.items.push_back(groupOf.find(key(nodes[n].site, it->material)));
        nodeInputGroups.start[n + 1] = uint32_t(nodeInputGroups.items.size());
    }

    std::vector<std::pair<Index, AlternativeInfo>> alts;
    for (size_t a = 0; a < d.alternatives.size(); ++a) {
        const auto& x = d.alternatives[a];
        alts.push_back({material[nLinks + a],
                        {site[nLinks + a], candidateNode[nLinks + a], x.qualificationDays,
                         x.maxShare, x.costPremiumPct ? *x.costPremiumPct : kNaN}});
    }
    alternatives = makeCsr(nMat, alts);

    std::vector<char> reported(materials.size(), 0);
    for (const auto& b : productBom.items)
        reported[size_t(b.material)] = 1;
    for (const Index g : selfGroup)
        if (g != kNone)
            reported[size_t(groups[size_t(g)].material)] = 1;
    reportedMaterials.clear();
    for (size_t m = 0; m < materials.size(); ++m)
        if (reported[m])
            reportedMaterials.push_back(Index(m));
    std::sort(reportedMaterials.begin(), reportedMaterials.end(),
              [&](Index a, Index b) { return materials.id(a) < materials.id(b); });
}

std::vector<char> Network::recipeClosure(std::span<const Index> seeds) const {
    std::vector<char> seen(materials.size(), 0);
    std::vector<Index> stack(seeds.begin(), seeds.end());
    while (!stack.empty()) {
        const Index m = stack.back();
        stack.pop_back();
        if (seen[size_t(m)])
            continue;
        seen[size_t(m)] = 1;
        for (auto* in = recipes.begin(size_t(m)); in != recipes.end(size_t(m)); ++in)
            stack.push_back(in->material);
    }
    return seen;
}

std::vector<char> Network::upstreamNodes(std::span<const Index> seeds) const {
    std::vector<char> seen(nodes.size(), 0);
    std::vector<Index> stack(seeds.begin(), seeds.end());
    while (!stack.empty()) {
        const Index n = stack.back();
        stack.pop_back();
        if (seen[size_t(n)])
            continue;
        seen[size_t(n)] = 1;
        for (auto* g = nodeInputGroups.begin(size_t(n)); g != nodeInputGroups.end(size_t(n)); ++g)
            if (*g != kNone)
                for (const Link& l : links(*g))
                    if (!seen[size_t(l.supplierNode)])
                        stack.push_back(l.supplierNode);
    }
    return seen;
}

std::vector<int> Network::siteTiers() const {
    std::vector<int> tier(sites.size(), 0);
    std::vector<Index> frontier;
    for (const Index g : selfGroup)
        if (g != kNone)
            for (const Link& l : links(g))
                if (tier[size_t(l.supplierSite)] == 0) {
                    tier[size_t(l.supplierSite)] = 1;
                    frontier.push_back(l.supplierSite);
                }
    // Breadth first over the groups whose buyer is a site of the current tier.
    std::vector<std::vector<Index>> groupsOfBuyer(sites.size());
    for (size_t g = 0; g < groups.size(); ++g)
        if (groups[g].buyer != kSelf)
            groupsOfBuyer[size_t(groups[g].buyer)].push_back(Index(g));
    for (int t = 1; !frontier.empty(); ++t) {
        std::vector<Index> next;
        for (const Index buyer : frontier)
            for (const Index g : groupsOfBuyer[size_t(buyer)])
                for (const Link& l : links(g))
                    if (tier[size_t(l.supplierSite)] == 0) {
                        tier[size_t(l.supplierSite)] = t + 1;
                        next.push_back(l.supplierSite);
                    }
        frontier = std::move(next);
    }
    return tier;
}

} // namespace chokepoint::core::analysis

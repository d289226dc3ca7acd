// SPDX-License-Identifier: MIT
#include "core/analysis/network.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace chokepoint::core::analysis {

namespace {
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
    for (const auto& s : d.sites) {
        sites.add(s.id);
        siteSupplier.push_back(suppliers.find(s.supplierId));
        siteCountry.push_back(countries.find(s.country));
    }
    {
        std::vector<std::pair<Index, Index>> pairs;
        for (const auto& st : d.siteTechnologies)
            pairs.emplace_back(sites.find(st.siteId), technologies.find(st.technologyId));
        siteTechnologies = makeCsr(sites.size(), pairs);
    }
    for (const auto& c : d.controls) {
        controlIds.add(c.id);
        controls.push_back({countries.find(c.issuer), c.effective, c.end, c.kind, {}, {}});
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
    std::vector<Index> buyer(nLinks), material(nLinks), supplier(nLinks);
    for (size_t i = 0; i < nLinks; ++i) {
        const auto& s = d.supply[i];
        buyer[i] = s.buyerSite.empty() ? kSelf : sites.find(s.buyerSite);
        material[i] = materials.find(s.materialId);
        supplier[i] = sites.find(s.supplierSite);
    }

    // Nodes: every (supplier site, material), plus alternative sites; sorted by material rank.
    std::vector<Node> candidates;
    candidates.reserve(nLinks + d.alternatives.size());
    for (size_t i = 0; i < nLinks; ++i)
        candidates.push_back({supplier[i], material[i]});
    for (const auto& a : d.alternatives)
        candidates.push_back({sites.find(a.siteId), materials.find(a.materialId)});
    std::sort(candidates.begin(), candidates.end(), [&](const Node& a, const Node& b) {
        const int ra = topoRank[size_t(a.material)], rb = topoRank[size_t(b.material)];
        return ra != rb ? ra < rb : a.site < b.site;
    });
    nodes.clear();
    m_nodeIndex.reserve(candidates.size());
    for (const Node& c : candidates)
        if (m_nodeIndex.emplace(key(c.site, c.material), Index(nodes.size())).second)
            nodes.push_back(c);

    // Groups in order of first appearance; links keep their row order within a group.
    std::vector<Index> linkGroup(nLinks);
    m_groupIndex.reserve(nLinks / 2 + 1);
    for (size_t i = 0; i < nLinks; ++i) {
        auto [it, inserted] =
            m_groupIndex.emplace(key(buyer[i], material[i]), Index(groups.size()));
        if (inserted)
            groups.push_back({buyer[i], material[i], 0.0});
        linkGroup[i] = it->second;
        groups[size_t(it->second)].shareSum += d.supply[i].share;
    }
    std::vector<std::pair<Index, Link>> pairs;
    pairs.reserve(nLinks);
    for (size_t i = 0; i < nLinks; ++i) {
        const auto& s = d.supply[i];
        pairs.push_back({linkGroup[i],
                         {supplier[i], findNode(supplier[i], material[i]), s.share,
                          s.annualSpend ? *s.annualSpend : kNaN, s.leadTimeDays, uint32_t(i)}});
    }
    groupLinks = makeCsr(groups.size(), pairs);

    selfGroup.assign(materials.size(), kNone);
    for (size_t g = 0; g < groups.size(); ++g)
        if (groups[g].buyer == kSelf)
            selfGroup[size_t(groups[g].material)] = Index(g);

    std::vector<std::pair<Index, Index>> inputs;
    for (size_t n = 0; n < nodes.size(); ++n) {
        const Index m = nodes[n].material;
        for (auto* it = recipes.begin(size_t(m)); it != recipes.end(size_t(m)); ++it)
            inputs.emplace_back(Index(n), findGroup(nodes[n].site, it->material));
    }
    nodeInputGroups = makeCsr(nodes.size(), inputs);

    std::vector<std::pair<Index, AlternativeInfo>> alts;
    for (const auto& a : d.alternatives) {
        const Index s = sites.find(a.siteId), m = materials.find(a.materialId);
        alts.push_back({m,
                        {s, findNode(s, m), a.qualificationDays, a.maxShare,
                         a.costPremiumPct ? *a.costPremiumPct : kNaN}});
    }
    alternatives = makeCsr(materials.size(), alts);

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

ControlState::ControlState(const Network& net, Date asOf)
    : m_net(net)
    , m_asOf(asOf)
    , m_materialIssuers(net.materials.size())
    , m_tech(net.technologies.size(), 0)
    , m_siteTech(net.sites.size(), 0) {
    for (const auto& c : net.controls) {
        if (!c.inForceAt(asOf))
            continue;
        for (const Index m : c.materials) {
            auto& issuers = m_materialIssuers[size_t(m)];
            if (std::find(issuers.begin(), issuers.end(), c.issuer) == issuers.end())
                issuers.push_back(c.issuer);
        }
        for (const Index t : c.technologies)
            m_tech[size_t(t)] = 1;
    }
    for (size_t s = 0; s < net.sites.size(); ++s)
        for (auto* t = net.siteTechnologies.begin(s); t != net.siteTechnologies.end(s); ++t)
            if (m_tech[size_t(*t)]) {
                m_siteTech[s] = 1;
                break;
            }
}

bool ControlState::materialControlledBy(Index material, Index country) const {
    const auto& issuers = m_materialIssuers[size_t(material)];
    return std::find(issuers.begin(), issuers.end(), country) != issuers.end();
}

bool ControlState::flowControlled(Index site, Index material) const {
    return m_siteTech[size_t(site)] ||
           materialControlledBy(material, m_net.siteCountry[size_t(site)]);
}

} // namespace chokepoint::core::analysis

// SPDX-License-Identifier: MIT
#include "core/scenario/scenarioplan.h"

#include <algorithm>
#include <cmath>

#include "core/scenario/random.h"

namespace chokepoint::core::scenario {

using analysis::Index;
using analysis::kNone;

namespace {

// Delays are whole days: round half up.
int roundDays(double days) {
    return int(std::floor(days + 0.5));
}

// Appends a step unless it repeats the current value.
void pushStep(std::vector<Step>& out, int32_t day, double value) {
    const double current = out.empty() ? 1.0 : out.back().value;
    if (value != current)
        out.push_back({day, value});
}

std::vector<char> idSet(const analysis::IdIndex& index, const std::vector<std::string>& ids) {
    std::vector<char> set(index.size(), 0);
    for (const auto& id : ids)
        if (const Index i = index.find(id); i != kNone)
            set[size_t(i)] = 1;
    return set;
}

} // namespace

// A selector with its id lists turned into membership tables.
struct ScenarioPlan::ResolvedSelector {
    bool hasCountries = false, hasOwners = false, hasMaterials = false, hasTechnologies = false,
         hasSites = false;
    std::vector<char> countries, owners, materials, technologies, sites;
    std::optional<bool> controlled;
    /// It can hit unknown-origin supply (SPEC §4): it names countries, and no sites,
    /// technologies or owners. A `controlled` selector narrows those countries further; one
    /// without countries acts on known flows only.
    bool hitsUnknown = false;

    // Every field but `controlled` matches the flows of (site, material).
    bool matches(const analysis::Network& net, Index site, Index material) const {
        if (hasCountries) {
            const Index country = net.siteCountry[size_t(site)];
            if (country == kNone || !countries[size_t(country)])
                return false;
        }
        if (hasOwners) {
            const Index supplier = net.siteSupplier[size_t(site)];
            const Index owner = supplier == kNone ? kNone : net.supplierOwner[size_t(supplier)];
            if (owner == kNone || !owners[size_t(owner)])
                return false;
        }
        if (hasMaterials && !materials[size_t(material)])
            return false;
        if (hasSites && !sites[size_t(site)])
            return false;
        if (hasTechnologies) {
            bool any = false;
            for (auto* t = net.siteTechnologies.begin(size_t(site));
                 t != net.siteTechnologies.end(size_t(site)) && !any; ++t)
                any = technologies[size_t(*t)];
            if (!any)
                return false;
        }
        return true;
    }
};

namespace {

ScenarioPlan::ResolvedSelector resolve(const analysis::Network& net, const Selector& s) {
    ScenarioPlan::ResolvedSelector r;
    auto take = [&](const auto& list, bool& has, std::vector<char>& set,
                    const analysis::IdIndex& index) {
        if (list) {
            has = true;
            set = idSet(index, *list);
        }
    };
    take(s.countries, r.hasCountries, r.countries, net.countries);
    take(s.ownerCountries, r.hasOwners, r.owners, net.countries);
    take(s.materials, r.hasMaterials, r.materials, net.materials);
    take(s.technologies, r.hasTechnologies, r.technologies, net.technologies);
    take(s.sites, r.hasSites, r.sites, net.sites);
    r.controlled = s.controlled;
    r.hitsUnknown = r.hasCountries && !r.hasOwners && !r.hasTechnologies && !r.hasSites;
    return r;
}

// Items 0..count-1 grouped by owner (in item order within an owner).
template <class OwnerOf>
analysis::Csr<Index> bucketBy(size_t owners, size_t count, OwnerOf ownerOf) {
    analysis::Csr<Index> csr;
    csr.start.assign(owners + 1, 0);
    for (size_t i = 0; i < count; ++i)
        ++csr.start[size_t(ownerOf(i)) + 1];
    for (size_t o = 0; o < owners; ++o)
        csr.start[o + 1] += csr.start[o];
    csr.items.resize(count);
    std::vector<uint32_t> fill(csr.start.begin(), csr.start.end() - 1);
    for (size_t i = 0; i < count; ++i)
        csr.items[fill[size_t(ownerOf(i))]++] = Index(i);
    return csr;
}

// Appends the items of one owner to a Csr being built in owner order.
template <class T> void closeRow(analysis::Csr<T>& csr) {
    csr.start.push_back(uint32_t(csr.items.size()));
}

} // namespace

ScenarioPlan::ScenarioPlan(const analysis::Network& net, const Scenario& scenario, Date asOf,
                           bool assumeScheduled, bool monteCarlo, const PlanRegion* region)
    : m_net(net)
    , m_horizon(scenario.horizonDays)
    , m_useAlternatives(!scenario.mitigations || scenario.mitigations->useAlternatives()) {
    resolveShocks(scenario, monteCarlo);
    matchShocks(scenario, asOf, assumeScheduled);
    markReach(region);
    buildDemand(scenario);
}

void ScenarioPlan::resolveShocks(const Scenario& scenario, bool monteCarlo) {
    for (const Shock& k : scenario.shocks) {
        ShockSpec s;
        s.kind = k.kind;
        s.start = std::min(k.start(), m_horizon);
        const int64_t end = k.durationDays ? int64_t(s.start) + *k.durationDays : m_horizon;
        s.end = int32_t(std::min<int64_t>(end, m_horizon));
        s.capacity = k.capacity.value_or(1.0);
        s.delay = k.delayDays.value_or(Delay{});
        s.approval = k.approval();
        const bool randomDelay = s.delay.triangular && s.delay.min < s.delay.max;
        const bool randomApproval = s.approval > 0.0 && s.approval < 1.0;
        s.random = monteCarlo && s.kind == ShockKind::Licence && (randomDelay || randomApproval);
        m_shocks.push_back(s);
    }
    m_drawSites.assign(m_shocks.size(), {});
}

size_t ScenarioPlan::unknownSlot(Index material, Index destination) const {
    const size_t nCountries = m_net.countries.size();
    const Index row = m_destinationRow[destination == kNone ? nCountries : size_t(destination)];
    return size_t(row == kNone ? 0 : row) * m_net.materials.size() + size_t(material);
}

// While matching, a hit of a random shock records the site (as -2 - site); the draws are
// numbered once every hit site of the shock is known (finishDraws()).
int32_t ScenarioPlan::drawOf(size_t shock, Index site) {
    if (!m_shocks[shock].random)
        return -1;
    m_drawSites[shock].push_back(site);
    return -2 - int32_t(site);
}

void ScenarioPlan::matchShocks(const Scenario& scenario, Date asOf, bool assumeScheduled) {
    const analysis::Network& net = m_net;
    std::vector<ResolvedSelector> selectors;
    std::vector<size_t> siteShocks, flowShocks, active;
    for (size_t k = 0; k < m_shocks.size(); ++k) {
        selectors.push_back(resolve(net, scenario.shocks[k].select));
        if (m_shocks[k].start >= m_shocks[k].end)
            continue; // changes nothing within the horizon
        active.push_back(k);
        (selectors.back().controlled ? flowShocks : siteShocks).push_back(k);
    }
    std::optional<analysis::ControlState> controls;
    if (!flowShocks.empty())
        controls.emplace(net, asOf, assumeScheduled);

    m_shockFlags.assign(m_shocks.size(), 0);
    for (size_t k = 0; k < m_shocks.size(); ++k)
        m_shockFlags[k] = uint8_t(kAffected | (m_shocks[k].random ? kVariable : 0));

    // Sites: a(s, m, t), in node order.
    m_nodeHits = {};
    for (size_t n = 0; n < net.nodes.size(); ++n) {
        const analysis::Node& node = net.nodes[n];
        for (const size_t k : siteShocks)
            if (selectors[k].matches(net, node.site, node.material))
                m_nodeHits.items.push_back({int32_t(k), drawOf(k, node.site)});
        closeRow(m_nodeHits);
    }
    // Flows: e(s, m, b, t) per link, and per alternative (a flow to us).
    m_linkHits = {};
    m_altHits = {};
    for (size_t g = 0; g < net.groups.size(); ++g) {
        const Index material = net.groups[g].material;
        const Index destination = net.destination(net.groups[g].buyer);
        for (const analysis::Link& l : net.links(Index(g))) {
            for (const size_t k : flowShocks)
                if (selectors[k].matches(net, l.supplierSite, material) &&
                    controls->flowControlled(l.supplierSite, material, destination) ==
                        *selectors[k].controlled)
                    m_linkHits.items.push_back({int32_t(k), drawOf(k, l.supplierSite)});
            closeRow(m_linkHits);
        }
    }
    for (size_t m = 0; m < net.materials.size(); ++m)
        for (auto* a = net.alternatives.begin(m); a != net.alternatives.end(m); ++a) {
            for (const size_t k : flowShocks)
                if (selectors[k].matches(net, a->site, Index(m)) &&
                    controls->flowControlled(a->site, Index(m), net.companyCountry()) ==
                        *selectors[k].controlled)
                    m_altHits.items.push_back({int32_t(k), drawOf(k, a->site)});
            closeRow(m_altHits);
        }

    // Number the draws: per shock, its hit sites in site order.
    m_drawStart.assign(m_shocks.size() + 1, 0);
    for (size_t k = 0; k < m_shocks.size(); ++k) {
        auto& sites = m_drawSites[k];
        std::sort(sites.begin(), sites.end());
        sites.erase(std::unique(sites.begin(), sites.end()), sites.end());
        m_drawStart[k + 1] = m_drawStart[k] + int32_t(sites.size());
    }
    for (auto* csr : {&m_nodeHits, &m_linkHits, &m_altHits})
        for (Hit& h : csr->items)
            if (h.draw <= -2) {
                const auto& sites = m_drawSites[size_t(h.shock)];
                const Index site = Index(-2 - h.draw);
                h.draw =
                    m_drawStart[size_t(h.shock)] +
                    int32_t(std::lower_bound(sites.begin(), sites.end(), site) - sites.begin());
            }

    matchUnknown(selectors, active, controls ? &*controls : nullptr);
}

// V(i, t, d): Σ over the selector's countries of the world share, per material and (when a
// `controlled` shock hits unknown supply) per destination: only the countries whose measures
// in force list i and reach d (c ≠ d), or only the others for `controlled: false`.
void ScenarioPlan::matchUnknown(const std::vector<ResolvedSelector>& selectors,
                                const std::vector<size_t>& active,
                                const analysis::ControlState* controls) {
    const analysis::Network& net = m_net;
    const size_t nMat = net.materials.size(), nCountries = net.countries.size();
    bool perDestination = false;
    for (const size_t k : active)
        perDestination = perDestination || (selectors[k].hitsUnknown && selectors[k].controlled);
    m_destinationRow.assign(nCountries + 1, perDestination ? kNone : 0);
    std::vector<Index> rowCountry{perDestination ? net.companyCountry() : kNone};
    if (perDestination) {
        auto add = [&](Index country) {
            Index& row = m_destinationRow[country == kNone ? nCountries : size_t(country)];
            if (row == kNone) {
                row = Index(rowCountry.size());
                rowCountry.push_back(country);
            }
        };
        m_destinationRow[net.companyCountry() == kNone ? nCountries
                                                       : size_t(net.companyCountry())] = 0;
        for (const analysis::Group& g : net.groups)
            if (g.buyer != analysis::kSelf)
                add(net.siteCountry[size_t(g.buyer)]);
        for (const analysis::Node& n : net.nodes)
            add(net.siteCountry[size_t(n.site)]);
    }
    m_rows = rowCountry.size();

    m_unknownHits = {};
    std::vector<Index> issuers;
    for (size_t row = 0; row < m_rows; ++row) {
        const Index d = rowCountry[row];
        for (size_t m = 0; m < nMat; ++m) {
            for (const size_t k : active) {
                const ResolvedSelector& r = selectors[k];
                if (!r.hitsUnknown || (r.hasMaterials && !r.materials[m]))
                    continue;
                if (r.controlled)
                    issuers = controls->unknownIssuers(Index(m), d);
                double weight = 0.0;
                for (auto* w = net.worldShares.begin(m); w != net.worldShares.end(m); ++w) {
                    if (w->country == kNone || (r.hasCountries && !r.countries[size_t(w->country)]))
                        continue;
                    if (r.controlled && (std::find(issuers.begin(), issuers.end(), w->country) !=
                                         issuers.end()) != *r.controlled)
                        continue;
                    weight += w->share;
                }
                if (weight > 0.0)
                    m_unknownHits.items.push_back({int32_t(k), weight});
            }
            closeRow(m_unknownHits);
        }
    }
}

void ScenarioPlan::markReach(const PlanRegion* region) {
    const analysis::Network& net = m_net;
    const size_t nMaterials = net.materials.size();

    // Groups and nodes per material, and whether anything reads a group (a node's recipe
    // input or us): of the whole network, or only the caller's region (whose groups are read).
    std::vector<char> used;
    analysis::Csr<Index> allGroups, allNodes;
    if (!region) {
        used.assign(net.groups.size(), 0);
        for (const Index g : net.nodeInputGroups.items)
            if (g != kNone)
                used[size_t(g)] = 1;
        for (const Index g : net.selfGroup)
            if (g != kNone)
                used[size_t(g)] = 1;
        allGroups = bucketBy(nMaterials, net.groups.size(),
                             [&](size_t g) { return net.groups[g].material; });
        allNodes =
            bucketBy(nMaterials, net.nodes.size(), [&](size_t n) { return net.nodes[n].material; });
    }
    const analysis::Csr<Index>& groupsOf = region ? region->groupsOf : allGroups;
    const analysis::Csr<Index>& nodesOf = region ? region->nodesOf : allNodes;
    m_unknownFlags.assign(m_rows * nMaterials, 0);
    m_nodeFlags.assign(net.nodes.size(), 0);
    m_groupFlags.assign(net.groups.size(), 0);
    auto record = [&](EntityType type, Index i, uint8_t flags) {
        if (flags & kAffected)
            m_affected.push_back({type, i});
        if (flags & kVariable)
            m_variable.push_back({type, i});
    };
    auto hitFlags = [&](const analysis::Csr<Hit>& csr, size_t i) {
        uint8_t f = 0;
        for (auto* h = csr.begin(i); h != csr.end(i); ++h)
            f |= m_shockFlags[size_t(h->shock)];
        return f;
    };
    for (const Index m : net.topoOrder) {
        for (size_t row = 0; row < m_rows; ++row) {
            const size_t slot = row * nMaterials + size_t(m);
            uint8_t uf = 0;
            for (auto* h = m_unknownHits.begin(slot); h != m_unknownHits.end(slot); ++h)
                uf |= m_shockFlags[size_t(h->shock)];
            for (auto* in = net.recipes.begin(size_t(m)); in != net.recipes.end(size_t(m)); ++in)
                uf |= m_unknownFlags[row * nMaterials + size_t(in->material)];
            m_unknownFlags[slot] = uf;
            record(EntityType::Unknown, Index(slot), uf);
        }

        for (auto* np = nodesOf.begin(size_t(m)); np != nodesOf.end(size_t(m)); ++np) {
            const size_t n = size_t(*np);
            uint8_t f = hitFlags(m_nodeHits, n);
            const Index country = net.siteCountry[size_t(net.nodes[n].site)];
            const analysis::RecipeInput* in = net.recipes.begin(size_t(m));
            for (auto* g = net.nodeInputGroups.begin(n); g != net.nodeInputGroups.end(n); ++g, ++in)
                f |= *g != kNone ? m_groupFlags[size_t(*g)]
                                 : m_unknownFlags[unknownSlot(in->material, country)];
            m_nodeFlags[n] = f;
            record(EntityType::Node, Index(n), f);
        }
        for (auto* gp = groupsOf.begin(size_t(m)); gp != groupsOf.end(size_t(m)); ++gp) {
            const size_t g = size_t(*gp);
            if (!region && !used[g])
                continue;
            const analysis::Group& group = net.groups[g];
            uint8_t f = group.shareSum != 1.0
                            ? m_unknownFlags[unknownSlot(m, net.destination(group.buyer))]
                            : 0;
            for (const analysis::Link& l : net.links(Index(g)))
                f |=
                    m_nodeFlags[size_t(l.supplierNode)] | hitFlags(m_linkHits, net.linkPosition(l));
            m_groupFlags[g] = f;
            record(EntityType::Group, Index(g), f);
        }
    }

    m_supplyVariable.assign(nMaterials, 0);
    for (size_t m = 0; m < nMaterials; ++m) {
        const Index g = net.selfGroup[m];
        uint8_t f = g != kNone ? m_groupFlags[size_t(g)]
                               : m_unknownFlags[unknownSlot(Index(m), net.companyCountry())];
        if (m_useAlternatives)
            for (uint32_t a = net.alternatives.start[m]; a < net.alternatives.start[m + 1]; ++a)
                f |= m_nodeFlags[size_t(net.alternatives.items[a].node)] | hitFlags(m_altHits, a);
        m_supplyVariable[m] = (f & kVariable) != 0;
    }
}

void ScenarioPlan::buildDemand(const Scenario& scenario) {
    const analysis::Network& net = m_net;
    const size_t nMaterials = net.materials.size();
    m_need.assign(nMaterials, 0.0);
    std::vector<std::pair<Index, ProductNeed>> users;
    for (size_t p = 0; p < net.products.size(); ++p)
        for (auto* b = net.productBom.begin(p); b != net.productBom.end(p); ++b) {
            const double perDay = net.productVolume[p] / 365.0 * b->qty;
            m_need[size_t(b->material)] += perDay;
            users.push_back({b->material, {Index(p), perDay}});
        }
    m_materialUsers.start.assign(nMaterials + 1, 0);
    for (const auto& u : users)
        ++m_materialUsers.start[size_t(u.first) + 1];
    for (size_t m = 0; m < nMaterials; ++m)
        m_materialUsers.start[m + 1] += m_materialUsers.start[m];
    m_materialUsers.items.resize(users.size());
    std::vector<uint32_t> fill(m_materialUsers.start.begin(), m_materialUsers.start.end() - 1);
    for (const auto& u : users)
        m_materialUsers.items[fill[size_t(u.first)]++] = u.second;

    m_inventory0.assign(nMaterials, 0.0);
    for (size_t m = 0; m < nMaterials; ++m) {
        double days = net.inventoryDays[m];
        if (scenario.mitigations) {
            const auto& extra = scenario.mitigations->extraInventoryDays;
            if (auto it = extra.find(net.materials.id(Index(m))); it != extra.end())
                days += it->second;
        }
        m_inventory0[m] = days * m_need[m];
        if (m_need[m] > 0.0)
            m_needMaterials.push_back(Index(m));
    }
    std::sort(m_needMaterials.begin(), m_needMaterials.end(),
              [&](Index a, Index b) { return net.materials.id(a) < net.materials.id(b); });
}

Realization ScenarioPlan::deterministicRealization() const {
    Realization r;
    for (const ShockSpec& s : m_shocks) {
        r.delay.push_back(roundDays(s.delay.mode));
        r.approved.push_back(s.approval >= 1.0); // below 1 counts as refused (SPEC §4)
    }
    r.siteDelay.assign(size_t(m_drawStart.back()), 0);
    r.siteApproved.assign(size_t(m_drawStart.back()), 0);
    for (size_t k = 0; k < m_shocks.size(); ++k)
        for (int32_t i = m_drawStart[k]; i < m_drawStart[k + 1]; ++i) {
            r.siteDelay[size_t(i)] = r.delay[k];
            r.siteApproved[size_t(i)] = r.approved[k];
        }
    return r;
}

Realization ScenarioPlan::drawRealization(uint64_t seed, uint64_t run) const {
    Random random = Random::forRun(seed, run);
    Realization r;
    r.siteDelay.resize(size_t(m_drawStart.back()));
    r.siteApproved.resize(size_t(m_drawStart.back()));
    auto draw = [&](const ShockSpec& s, int& delay, char& approved) {
        const double u = random.uniform();
        const double v = random.uniform();
        const Delay& d = s.delay;
        delay = roundDays(d.triangular ? triangularQuantile(u, d.min, d.mode, d.max) : d.mode);
        approved = v < s.approval;
    };
    for (size_t k = 0; k < m_shocks.size(); ++k) {
        const ShockSpec& s = m_shocks[k];
        int delay = 0;
        char approved = 1;
        if (s.kind == ShockKind::Licence)
            draw(s, delay, approved); // the unknown-origin supply's pair
        r.delay.push_back(delay);
        r.approved.push_back(approved);
        for (int32_t i = m_drawStart[k]; i < m_drawStart[k + 1]; ++i)
            draw(s, r.siteDelay[size_t(i)], r.siteApproved[size_t(i)]);
    }
    return r;
}

namespace {

void licenceSteps(const ScenarioPlan::ShockSpec& s, int delay, bool approved, int32_t horizon,
                  std::vector<Step>& out) {
    const int32_t decided = int32_t(std::min<int64_t>(int64_t(s.start) + delay, s.end));
    if (decided > s.start)
        pushStep(out, s.start, 0.0);
    if (decided < s.end)
        pushStep(out, decided, approved ? 1.0 : 0.0);
    if (s.end < horizon)
        pushStep(out, s.end, 1.0);
}

} // namespace

void ScenarioPlan::hitSteps(const Realization& r, const Hit& hit, std::vector<Step>& out) const {
    if (hit.draw < 0) {
        shockSteps(r, size_t(hit.shock), out);
        return;
    }
    out.clear();
    const ShockSpec& s = m_shocks[size_t(hit.shock)];
    if (s.start < s.end)
        licenceSteps(s, r.siteDelay[size_t(hit.draw)], r.siteApproved[size_t(hit.draw)] != 0,
                     m_horizon, out);
}

void ScenarioPlan::shockSteps(const Realization& r, size_t k, std::vector<Step>& out) const {
    out.clear();
    const ShockSpec& s = m_shocks[k];
    if (s.start >= s.end)
        return;
    switch (s.kind) {
    case ShockKind::Stop:
        pushStep(out, s.start, 0.0);
        break;
    case ShockKind::Capacity:
        pushStep(out, s.start, s.capacity);
        break;
    case ShockKind::Licence:
        licenceSteps(s, r.delay[k], r.approved[k] != 0, m_horizon, out);
        return;
    }
    if (s.end < m_horizon)
        pushStep(out, s.end, 1.0);
}

} // namespace chokepoint::core::scenario

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

// A selector with its id lists turned into membership tables.
struct ResolvedSelector {
    bool hasCountries = false, hasOwners = false, hasMaterials = false, hasTechnologies = false,
         hasSites = false;
    std::vector<char> countries, owners, materials, technologies, sites;
    std::optional<bool> controlled;
    bool hitsUnknown = false;
};

ResolvedSelector resolve(const analysis::Network& net, const Selector& s) {
    ResolvedSelector r;
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

bool matches(const analysis::Network& net, const analysis::ControlState* controls,
             const ResolvedSelector& r, Index site, Index material) {
    if (r.hasCountries) {
        const Index country = net.siteCountry[size_t(site)];
        if (country == kNone || !r.countries[size_t(country)])
            return false;
    }
    if (r.hasOwners) {
        const Index supplier = net.siteSupplier[size_t(site)];
        const Index owner = supplier == kNone ? kNone : net.supplierOwner[size_t(supplier)];
        if (owner == kNone || !r.owners[size_t(owner)])
            return false;
    }
    if (r.hasMaterials && !r.materials[size_t(material)])
        return false;
    if (r.hasSites && !r.sites[size_t(site)])
        return false;
    if (r.hasTechnologies) {
        bool any = false;
        for (auto* t = net.siteTechnologies.begin(size_t(site));
             t != net.siteTechnologies.end(size_t(site)) && !any; ++t)
            any = r.technologies[size_t(*t)];
        if (!any)
            return false;
    }
    if (r.controlled && controls->flowControlled(site, material) != *r.controlled)
        return false;
    return true;
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

} // namespace

ScenarioPlan::ScenarioPlan(const analysis::Network& net, const Scenario& scenario, Date asOf,
                           bool monteCarlo, const PlanRegion* region)
    : m_net(net)
    , m_horizon(scenario.horizonDays)
    , m_useAlternatives(!scenario.mitigations || scenario.mitigations->useAlternatives()) {
    resolveShocks(scenario, monteCarlo);
    matchShocks(scenario, asOf);
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
}

void ScenarioPlan::matchShocks(const Scenario& scenario, Date asOf) {
    const analysis::Network& net = m_net;
    std::vector<ResolvedSelector> selectors;
    std::vector<size_t> active; // shocks that change anything within the horizon
    bool needControls = false;
    for (size_t k = 0; k < m_shocks.size(); ++k) {
        selectors.push_back(resolve(net, scenario.shocks[k].select));
        if (m_shocks[k].start < m_shocks[k].end) {
            active.push_back(k);
            needControls = needControls || selectors.back().controlled.has_value();
        }
    }
    std::optional<analysis::ControlState> controls;
    if (needControls)
        controls.emplace(net, asOf);
    const analysis::ControlState* cs = controls ? &*controls : nullptr;

    m_shockFlags.assign(m_shocks.size(), 0);
    for (size_t k = 0; k < m_shocks.size(); ++k)
        m_shockFlags[k] = uint8_t(kAffected | (m_shocks[k].random ? kVariable : 0));

    // Sites: node hits, in node order.
    m_nodeShocks.start.assign(net.nodes.size() + 1, 0);
    m_nodeFlags.assign(net.nodes.size(), 0);
    for (size_t n = 0; n < net.nodes.size(); ++n) {
        const analysis::Node& node = net.nodes[n];
        for (const size_t k : active)
            if (matches(net, cs, selectors[k], node.site, node.material)) {
                m_nodeShocks.items.push_back(int32_t(k));
                m_nodeFlags[n] |= m_shockFlags[k];
            }
        m_nodeShocks.start[n + 1] = uint32_t(m_nodeShocks.items.size());
    }

    // Unknown origin: Σ over the selector's countries of the world share, per material.
    m_unknownHits.start.assign(net.materials.size() + 1, 0);
    for (size_t m = 0; m < net.materials.size(); ++m) {
        for (const size_t k : active) {
            const ResolvedSelector& r = selectors[k];
            if (!r.hitsUnknown || (r.hasMaterials && !r.materials[m]))
                continue;
            double weight = 0.0;
            for (auto* w = net.worldShares.begin(m); w != net.worldShares.end(m); ++w) {
                if (w->country == kNone || !r.countries[size_t(w->country)])
                    continue;
                if (r.controlled && cs->materialControlled(Index(m), w->country) != *r.controlled)
                    continue;
                weight += w->share;
            }
            if (weight > 0.0)
                m_unknownHits.items.push_back({int32_t(k), weight});
        }
        m_unknownHits.start[m + 1] = uint32_t(m_unknownHits.items.size());
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
    m_unknownFlags.assign(nMaterials, 0);
    m_groupFlags.assign(net.groups.size(), 0);
    auto record = [&](EntityType type, Index i, uint8_t flags) {
        if (flags & kAffected)
            m_affected.push_back({type, i});
        if (flags & kVariable)
            m_variable.push_back({type, i});
    };
    for (const Index m : net.topoOrder) {
        uint8_t uf = 0;
        for (auto* h = m_unknownHits.begin(size_t(m)); h != m_unknownHits.end(size_t(m)); ++h)
            uf |= m_shockFlags[size_t(h->shock)];
        for (auto* in = net.recipes.begin(size_t(m)); in != net.recipes.end(size_t(m)); ++in)
            uf |= m_unknownFlags[size_t(in->material)];
        m_unknownFlags[size_t(m)] = uf;
        record(EntityType::Unknown, m, uf);

        for (auto* np = nodesOf.begin(size_t(m)); np != nodesOf.end(size_t(m)); ++np) {
            const size_t n = size_t(*np);
            uint8_t f = m_nodeFlags[n];
            const analysis::RecipeInput* in = net.recipes.begin(size_t(m));
            for (auto* g = net.nodeInputGroups.begin(n); g != net.nodeInputGroups.end(n); ++g, ++in)
                f |= *g != kNone ? m_groupFlags[size_t(*g)] : m_unknownFlags[size_t(in->material)];
            m_nodeFlags[n] = f;
            record(EntityType::Node, Index(n), f);
        }
        for (auto* gp = groupsOf.begin(size_t(m)); gp != groupsOf.end(size_t(m)); ++gp) {
            const size_t g = size_t(*gp);
            if (!region && !used[g])
                continue;
            uint8_t f = net.groups[g].shareSum != 1.0 ? uf : 0;
            for (auto* l = net.groupLinks.begin(g); l != net.groupLinks.end(g); ++l)
                f |= m_nodeFlags[size_t(l->supplierNode)];
            m_groupFlags[g] = f;
            record(EntityType::Group, Index(g), f);
        }
    }

    m_supplyVariable.assign(nMaterials, 0);
    for (size_t m = 0; m < nMaterials; ++m) {
        const Index g = net.selfGroup[m];
        uint8_t f = g != kNone ? m_groupFlags[size_t(g)] : m_unknownFlags[m];
        if (m_useAlternatives)
            for (auto* a = net.alternatives.begin(m); a != net.alternatives.end(m); ++a)
                f |= m_nodeFlags[size_t(a->node)];
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
        r.approved.push_back(s.approval >= 0.5);
    }
    return r;
}

Realization ScenarioPlan::drawRealization(uint64_t seed, uint64_t run) const {
    Random random = Random::forRun(seed, run);
    Realization r;
    for (const ShockSpec& s : m_shocks) {
        if (s.kind != ShockKind::Licence) {
            r.delay.push_back(0);
            r.approved.push_back(1);
            continue;
        }
        const double u = random.uniform();
        const double v = random.uniform();
        const Delay& d = s.delay;
        r.delay.push_back(
            roundDays(d.triangular ? triangularQuantile(u, d.min, d.mode, d.max) : d.mode));
        r.approved.push_back(v < s.approval);
    }
    return r;
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
    case ShockKind::Licence: {
        const int32_t decided = int32_t(std::min<int64_t>(int64_t(s.start) + r.delay[k], s.end));
        if (decided > s.start)
            pushStep(out, s.start, 0.0);
        if (decided < s.end)
            pushStep(out, decided, r.approved[k] ? 1.0 : 0.0);
        break;
    }
    }
    if (s.end < m_horizon)
        pushStep(out, s.end, 1.0);
}

} // namespace chokepoint::core::scenario

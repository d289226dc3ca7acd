// SPDX-License-Identifier: MIT
#include "core/analysis/controlstate.h"

#include <algorithm>
#include <numeric>

namespace chokepoint::core::analysis {

namespace {

bool contains(const std::vector<Index>& v, Index x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

// Per owner, the owners' items in order: a Csr from (owner, item) pairs already in item order.
Csr<Index> bucket(size_t owners, const std::vector<std::pair<Index, Index>>& pairs) {
    Csr<Index> csr;
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

ControlStatus controlStatus(const Control& control, Date t) {
    if (control.end && *control.end <= t)
        return *control.end <= control.effective ? ControlStatus::NeverInForce
                                                 : ControlStatus::Ended;
    if (control.effective <= t)
        return ControlStatus::InForce;
    if (control.announced && t < *control.announced)
        return ControlStatus::NotAnnounced;
    return ControlStatus::Announced;
}

bool afterReferenceCutoff(const Network& net, Date asOf) {
    const auto cutoff = net.referenceCutoff();
    return cutoff && *cutoff < asOf;
}

ControlState::ControlState(const Network& net, Date asOf, bool assumeScheduled)
    : m_net(&net)
    , m_asOf(asOf)
    , m_assumeScheduled(assumeScheduled) {
    const auto& controls = net.data().controls;
    m_inForce.assign(controls.size(), 0);
    for (size_t c = 0; c < controls.size(); ++c)
        m_inForce[c] = controlStatus(controls[c], asOf) == ControlStatus::InForce &&
                       (controls[c].status == core::ControlStatus::Confirmed || assumeScheduled);
    build();
}

ControlState::ControlState(const Network& net, Date asOf, bool assumeScheduled,
                           std::vector<char> inForce)
    : m_net(&net)
    , m_asOf(asOf)
    , m_assumeScheduled(assumeScheduled)
    , m_inForce(std::move(inForce)) {
    build();
}

ControlState ControlState::only(const Network& net, Index control, Date asOf) {
    std::vector<char> inForce(net.controls.size(), 0);
    if (control >= 0 && size_t(control) < inForce.size())
        inForce[size_t(control)] = 1;
    return ControlState(net, asOf, true, std::move(inForce));
}

ControlState ControlState::every(const Network& net, Date asOf) {
    return ControlState(net, asOf, true, std::vector<char>(net.controls.size(), 1));
}

void ControlState::build() {
    const Network& net = *m_net;
    const size_t nCountries = net.countries.size();
    m_unknownSlot = nCountries;
    m_inForceList.clear();
    std::vector<std::pair<Index, Index>> byMaterial, byTechnology;
    for (size_t c = 0; c < net.controls.size(); ++c) {
        if (!m_inForce[c])
            continue;
        m_inForceList.push_back(Index(c));
        const ControlInfo& info = net.controls[c];
        for (const Index m : info.materials)
            byMaterial.emplace_back(m, Index(c));
        for (const Index t : info.technologies)
            byTechnology.emplace_back(t, Index(c));
    }
    m_materialControls = bucket(net.materials.size(), byMaterial);
    m_technologyControls = bucket(net.technologies.size(), byTechnology);
    for (auto* csr : {&m_materialControls, &m_technologyControls})
        for (size_t i = 0; i < csr->size(); ++i) { // each measure once per item
            Index* b = csr->items.data() + csr->start[i];
            Index* e = csr->items.data() + csr->start[i + 1];
            std::fill(std::unique(b, e), e, kNone);
        }

    // Per material, one entry per issuer: the destinations reached by any of its measures,
    // the issuer itself excluded (a flow inside the issuing country is not an export).
    const size_t width = nCountries + 1;
    m_masks.clear();
    std::vector<std::pair<Index, Entry>> entries;
    for (size_t m = 0; m < net.materials.size(); ++m) {
        const size_t first = entries.size();
        for (auto* c = m_materialControls.begin(m); c != m_materialControls.end(m); ++c) {
            if (*c == kNone)
                continue;
            const ControlInfo& info = net.controls[size_t(*c)];
            if (info.issuer == kNone)
                continue;
            auto it = std::find_if(entries.begin() + std::ptrdiff_t(first), entries.end(),
                                   [&](const auto& e) { return e.second.issuer == info.issuer; });
            if (it == entries.end()) {
                entries.push_back({Index(m), {info.issuer, uint32_t(m_masks.size())}});
                m_masks.resize(m_masks.size() + width, 0);
                it = entries.end() - 1;
            }
            uint8_t* mask = m_masks.data() + it->second.mask;
            for (size_t d = 0; d < width; ++d)
                mask[d] |= uint8_t(reachesSlot(info, d == nCountries ? kNone : Index(d)));
            mask[size_t(info.issuer)] = 0;
        }
    }
    m_entries.start.assign(net.materials.size() + 1, 0);
    m_entries.items.clear();
    for (const auto& [m, e] : entries) {
        ++m_entries.start[size_t(m) + 1];
        m_entries.items.push_back(e);
    }
    std::partial_sum(m_entries.start.begin(), m_entries.start.end(), m_entries.start.begin());

    m_siteTech.assign(net.sites.size(), 0);
    for (size_t s = 0; s < net.sites.size(); ++s)
        for (const Cover& cover : coversOfSite(Index(s), true))
            m_siteTech[s] |= cover.unknownSource ? kUnknownSource : kSourced;

    m_hasWorldShares.assign(net.materials.size(), 0);
    for (size_t m = 0; m < net.materials.size(); ++m)
        m_hasWorldShares[m] = net.worldShares.count(m) > 0;
}

bool ControlState::reachesSlot(const ControlInfo& c, Index destination) const {
    if (!c.targeted)
        return true;
    return destination != kNone && contains(c.targets, destination);
}

bool ControlState::reaches(Index control, Index destination) const {
    return reachesSlot(m_net->controls[size_t(control)], destination);
}

bool ControlState::exportReaches(Index control, Index destination) const {
    const ControlInfo& info = m_net->controls[size_t(control)];
    return info.issuer != kNone && destination != info.issuer && reachesSlot(info, destination);
}

MeasureStatus ControlState::status(Index control) const {
    const Control& c = m_net->data().controls[size_t(control)];
    return {controlStatus(c, m_asOf), c.status == core::ControlStatus::Scheduled, inForce(control)};
}

const uint8_t* ControlState::materialReach(Index site, Index material) const {
    const Index country = m_net->siteCountry[size_t(site)];
    if (country == kNone)
        return nullptr;
    for (auto* e = m_entries.begin(size_t(material)); e != m_entries.end(size_t(material)); ++e)
        if (e->issuer == country)
            return m_masks.data() + e->mask;
    return nullptr;
}

std::vector<ControlState::Cover> ControlState::coversOfSite(Index site, bool unknownSources) const {
    const Network& net = *m_net;
    std::vector<Cover> out;
    const Index country = net.siteCountry[size_t(site)];
    for (uint32_t k = net.siteTechnologies.start[size_t(site)];
         k < net.siteTechnologies.start[size_t(site) + 1]; ++k) {
        const Index tech = net.siteTechnologies.items[k];
        const Index source = net.siteTechnologySource[k];
        if (tech == kNone || (source == kNone && !unknownSources))
            continue;
        for (auto* c = m_technologyControls.begin(size_t(tech));
             c != m_technologyControls.end(size_t(tech)); ++c) {
            if (*c == kNone)
                continue;
            const ControlInfo& info = net.controls[size_t(*c)];
            if (info.issuer == kNone || country == info.issuer || !reachesSlot(info, country))
                continue;
            if (source == info.issuer || source == kNone)
                out.push_back({*c, ItemKind::Technology, tech, source == kNone});
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Cover& a, const Cover& b) {
        return a.unknownSource != b.unknownSource ? !a.unknownSource : a.control < b.control;
    });
    return out;
}

std::vector<ControlState::Cover> ControlState::coversOfFlow(Index site, Index material,
                                                            Index destination,
                                                            bool unknownSources) const {
    const Network& net = *m_net;
    std::vector<Cover> out;
    const Index country = net.siteCountry[size_t(site)];
    if (materialControlled(site, material, destination))
        for (auto* c = m_materialControls.begin(size_t(material));
             c != m_materialControls.end(size_t(material)); ++c) {
            if (*c == kNone)
                continue;
            const ControlInfo& info = net.controls[size_t(*c)];
            if (info.issuer == country && destination != country && reachesSlot(info, destination))
                out.push_back({*c, ItemKind::Material, material, false});
        }
    const auto tech = coversOfSite(site, unknownSources);
    out.insert(out.end(), tech.begin(), tech.end());
    return out;
}

std::vector<Index> ControlState::controlsCoveringFlow(Index site, Index material, Index destination,
                                                      bool unknownSources) const {
    std::vector<Index> out;
    for (const Cover& c : coversOfFlow(site, material, destination, unknownSources))
        out.push_back(c.control);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::vector<Index> ControlState::controlsListing(ItemKind kind, Index item) const {
    const Csr<Index>& csr = kind == ItemKind::Material ? m_materialControls : m_technologyControls;
    std::vector<Index> out;
    for (auto* c = csr.begin(size_t(item)); c != csr.end(size_t(item)); ++c)
        if (*c != kNone)
            out.push_back(*c);
    return out;
}

double ControlState::unknownShare(Index material, Index destination) const {
    const Network& net = *m_net;
    double sum = 0.0;
    for (auto* e = m_entries.begin(size_t(material)); e != m_entries.end(size_t(material)); ++e) {
        if (!m_masks[e->mask + slot(destination)])
            continue; // the issuer is the destination, or it does not reach it
        for (auto* w = net.worldShares.begin(size_t(material));
             w != net.worldShares.end(size_t(material)); ++w)
            if (w->country == e->issuer)
                sum += w->share;
    }
    return std::min(1.0, sum);
}

bool ControlState::unknownPossible(Index material, Index destination) const {
    const Network& net = *m_net;
    for (auto* e = m_entries.begin(size_t(material)); e != m_entries.end(size_t(material)); ++e) {
        if (!m_masks[e->mask + slot(destination)])
            continue;
        if (!m_hasWorldShares[size_t(material)])
            return true;
        for (auto* w = net.worldShares.begin(size_t(material));
             w != net.worldShares.end(size_t(material)); ++w)
            if (w->country == e->issuer && w->share > 0.0)
                return true;
    }
    return false;
}

std::vector<Index> ControlState::unknownIssuers(Index material, Index destination) const {
    std::vector<Index> out;
    for (auto* e = m_entries.begin(size_t(material)); e != m_entries.end(size_t(material)); ++e)
        if (m_masks[e->mask + slot(destination)])
            out.push_back(e->issuer);
    return out;
}

} // namespace chokepoint::core::analysis

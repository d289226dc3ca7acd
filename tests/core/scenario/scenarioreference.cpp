// SPDX-License-Identifier: MIT
#include "tests/core/scenario/scenarioreference.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "tests/support/referencecontrols.h"

namespace chokepoint::test {

using core::scenario::Scenario;
using core::scenario::Shock;
using core::scenario::ShockKind;

namespace {

bool listHas(const std::optional<std::vector<std::string>>& list, const std::string& v) {
    return std::find(list->begin(), list->end(), v) != list->end();
}

class Reference {
public:
    Reference(const core::Dataset& d, const Scenario& s, core::Date asOf)
        : m_d(d)
        , m_s(s)
        , m_rules(d, asOf, s.assumeScheduled.value_or(false)) {
        for (const auto& site : d.sites) {
            m_siteCountry[site.id] = site.country;
            for (const auto& sup : d.suppliers)
                if (sup.id == site.supplierId && sup.ownerCountry)
                    m_siteOwner[site.id] = *sup.ownerCountry;
        }
        for (const auto& st : d.siteTechnologies)
            m_siteTechs[st.siteId].insert(st.technologyId);
        for (const auto& r : d.recipes)
            m_inputs[r.materialId].push_back(r.inputMaterialId);
        for (const auto& w : d.worldShares)
            m_worldShare[{w.materialId, w.country}] = w.share;
    }

    std::set<std::string> techsOf(const std::string& site) const {
        auto it = m_siteTechs.find(site);
        return it == m_siteTechs.end() ? std::set<std::string>{} : it->second;
    }

    bool hits(const Shock& k, const std::string& site, const std::string& material) const {
        const auto& sel = k.select;
        if (sel.countries && !listHas(sel.countries, m_siteCountry.at(site)))
            return false;
        if (sel.ownerCountries) {
            auto it = m_siteOwner.find(site);
            if (it == m_siteOwner.end() || !listHas(sel.ownerCountries, it->second))
                return false;
        }
        if (sel.materials && !listHas(sel.materials, material))
            return false;
        if (sel.technologies) {
            bool any = false;
            for (const auto& t : techsOf(site))
                any = any || listHas(sel.technologies, t);
            if (!any)
                return false;
        }
        if (sel.sites && !listHas(sel.sites, site))
            return false;
        return true;
    }

    // a(s, m, t): the shocks without `controlled` whose selector matches (s, m).
    // e(s, m, b, t): those with `controlled` whose other fields match (s, m) and under which
    // the flow (s -> b, m) is exposed in the `controlled` lens (or not, for false).
    double flowFactor(const std::string& site, const std::string& material,
                      const std::string& buyer, int t) const {
        double f = 1.0;
        for (const auto& k : m_s.shocks)
            if (k.select.controlled && hits(k, site, material) &&
                m_rules.flowControlled(site, material, buyer) == *k.select.controlled)
                f *= factor(k, t);
        return f;
    }

    double factor(const Shock& k, int t) const {
        const int start = k.startDay.value_or(0);
        if (t < start || (k.durationDays && t >= start + *k.durationDays))
            return 1.0;
        switch (k.kind) {
        case ShockKind::Stop:
            return 0.0;
        case ShockKind::Capacity:
            return *k.capacity;
        case ShockKind::Licence: {
            const int delay = int(std::floor(k.delayDays->mode + 0.5));
            if (t < start + delay)
                return 0.0;
            // Deterministic: an approval probability below 1 counts as refused.
            return k.approvalProbability.value_or(1.0) >= 1.0 ? 1.0 : 0.0;
        }
        }
        return 1.0;
    }

    double a(const std::string& site, const std::string& material, int t) const {
        double f = 1.0;
        for (const auto& k : m_s.shocks)
            if (!k.select.controlled && hits(k, site, material))
                f *= factor(k, t);
        return f;
    }

    // V(i, t, d). A shock hits unknown supply when its selector names countries and no sites,
    // technologies or owners; with `controlled` true only the countries c != d whose measures
    // in force list i and reach d count, with false only the others.
    double V(const std::string& material, int t, const std::string& d) const {
        double loss = 0.0;
        for (const auto& k : m_s.shocks) {
            const auto& sel = k.select;
            if (!sel.countries || sel.sites || sel.technologies || sel.ownerCountries)
                continue;
            if (sel.materials && !listHas(sel.materials, material))
                continue;
            const auto issuers = m_rules.unknownIssuers(material, d);
            double shares = 0.0;
            for (const auto& w : m_d.worldShares) {
                if (w.materialId != material)
                    continue;
                if (sel.countries && !listHas(sel.countries, w.country))
                    continue;
                if (sel.controlled && (issuers.count(w.country) > 0) != *sel.controlled)
                    continue;
                shares += w.share;
            }
            loss += (1.0 - factor(k, t)) * shares;
        }
        double v = 1.0 - loss;
        if (auto it = m_inputs.find(material); it != m_inputs.end())
            for (const auto& j : it->second)
                v = std::min(v, V(j, t, d));
        return std::max(0.0, v);
    }

    double A(const std::string& site, const std::string& material, int t) {
        if (t < 0)
            return 1.0;
        const auto key = std::make_tuple(site, material, t);
        if (auto it = m_memo.find(key); it != m_memo.end())
            return it->second;
        double least = 1.0;
        if (auto it = m_inputs.find(material); it != m_inputs.end())
            for (const auto& i : it->second)
                least = std::min(least, G(site, i, t));
        const double v = a(site, material, t) * least;
        m_memo[key] = v;
        return v;
    }

    double G(const std::string& buyer, const std::string& material, int t) {
        double sum = 0.0, shares = 0.0;
        for (const auto& link : m_d.supply)
            if (link.buyerSite == buyer && link.materialId == material) {
                const int at = t - link.leadTimeDays;
                const double e = at < 0 ? 1.0 : flowFactor(link.supplierSite, material, buyer, at);
                sum += link.share * A(link.supplierSite, material, at) * e;
                shares += link.share;
            }
        return sum + (1.0 - shares) * V(material, t, m_rules.destination(buyer));
    }

    ReferenceOutcome run() {
        const int h = m_s.horizonDays;
        const bool alternatives = !m_s.mitigations || m_s.mitigations->alternatives.value_or(true);
        std::map<std::string, double> need;
        for (const auto& p : m_d.products)
            for (const auto& b : m_d.productBom)
                if (b.productId == p.id)
                    need[b.materialId] += p.annualVolume / 365.0 * b.qtyPerUnit;
        ReferenceOutcome out;
        std::map<std::string, double> stock, stock0;
        for (const auto& [m, n] : need) {
            if (!(n > 0.0))
                continue;
            // S(m, t) for every day, computed from scratch each day.
            std::vector<double> s(static_cast<size_t>(h));
            for (int t = 0; t < h; ++t) {
                m_memo.clear();
                s[size_t(t)] = G("", m, t);
            }
            int t0 = -1;
            for (int t = 0; t < h && t0 < 0; ++t)
                if (s[size_t(t)] < 1.0 - 1e-9)
                    t0 = t;
            if (t0 >= 0 && alternatives) {
                for (const auto& alt : m_d.alternatives)
                    if (alt.materialId == m)
                        for (int t = t0 + alt.qualificationDays; t < h; ++t) {
                            m_memo.clear();
                            s[size_t(t)] += alt.maxShare * A(alt.siteId, m, t) *
                                            flowFactor(alt.siteId, m, "", t);
                        }
            }
            for (double& v : s) // supply is capped at 1
                v = std::min(1.0, v);
            out.supply[m] = s;
            double days = 0.0;
            for (const auto& inv : m_d.inventory)
                if (inv.materialId == m)
                    days = inv.daysOnHand;
            if (m_s.mitigations && m_s.mitigations->extraInventoryDays.count(m))
                days += m_s.mitigations->extraInventoryDays.at(m);
            stock[m] = stock0[m] = days * n;
        }
        double totalWeight = 0.0;
        for (const auto& p : m_d.products)
            totalWeight += p.annualVolume * p.unitPrice.value_or(0.0);
        for (const auto& p : m_d.products)
            out.lostUnits[p.id] = 0.0;
        for (int t = 0; t < h; ++t) {
            std::map<std::string, double> r;
            for (const auto& [m, s] : out.supply) {
                r[m] = std::min(1.0, (s[size_t(t)] * need[m] + stock[m]) / need[m]);
                out.fillRate[m].push_back(r[m]);
            }
            std::map<std::string, double> x;
            double daily = 0.0;
            for (const auto& p : m_d.products) {
                double v = 1.0;
                for (const auto& b : m_d.productBom)
                    if (b.productId == p.id && r.count(b.materialId))
                        v = std::min(v, r[b.materialId]);
                x[p.id] = v;
                out.lostUnits[p.id] += (1.0 - v) * p.annualVolume / 365.0;
                daily += p.annualVolume * p.unitPrice.value_or(0.0) * v;
            }
            out.dailyOutput.push_back(daily / totalWeight);
            for (const auto& [m, s] : out.supply) {
                double consumption = 0.0;
                for (const auto& p : m_d.products)
                    for (const auto& b : m_d.productBom)
                        if (b.productId == p.id && b.materialId == m)
                            consumption += x[p.id] * p.annualVolume / 365.0 * b.qtyPerUnit;
                stock[m] = std::min(stock0[m], stock[m] + s[size_t(t)] * need[m] - consumption);
                out.inventory[m].push_back(stock[m]);
            }
        }
        for (const auto& p : m_d.products) {
            out.lostRevenue[p.id] = out.lostUnits[p.id] * p.unitPrice.value_or(0.0);
            out.totalLostRevenue += out.lostRevenue[p.id];
        }
        for (const auto& [m, r] : out.fillRate) {
            std::optional<int> first, recovery;
            for (int t = 0; t < h; ++t)
                if (r[size_t(t)] < 1.0 - 1e-9 && !first)
                    first = t;
            if (first)
                for (int t = h - 1; t >= *first; --t) {
                    // the first shortfall-or-later day from which r stays 1
                    bool stays = true;
                    for (int u = t; u < h; ++u)
                        stays = stays && r[size_t(u)] >= 1.0 - 1e-9;
                    if (stays)
                        recovery = t;
                }
            out.firstShortfall[m] = first;
            out.recovery[m] = recovery;
        }
        return out;
    }

private:
    const core::Dataset& m_d;
    const Scenario& m_s;
    std::map<std::string, std::string> m_siteCountry, m_siteOwner;
    std::map<std::string, std::set<std::string>> m_siteTechs;
    reference::ControlRules m_rules;
    std::map<std::string, std::vector<std::string>> m_inputs;
    std::map<std::pair<std::string, std::string>, double> m_worldShare;
    std::map<std::tuple<std::string, std::string, int>, double> m_memo;
};

} // namespace

ReferenceOutcome referenceScenario(const core::Dataset& data, const Scenario& scenario,
                                   core::Date asOf) {
    return Reference(data, scenario, asOf).run();
}

} // namespace chokepoint::test

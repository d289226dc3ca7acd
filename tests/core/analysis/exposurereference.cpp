// SPDX-License-Identifier: MIT
#include "tests/core/analysis/exposurereference.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include "tests/support/referencecontrols.h"

namespace chokepoint::test::reference {
namespace {

using Key = std::pair<std::string, std::string>;

// Which estimate: the point estimate, the low bound (U = 0, unknown technology sources never
// exposed) or the high bound (U = 1 where an exposed country has a world share of i above 0
// or i has no world shares at all; unknown technology sources exposed).
enum class Bound { Point, Low, High };

class Reference {
public:
    Reference(const core::Dataset& d, std::string lens, core::Date t, bool assumeScheduled,
              Bound bound)
        : m_d(d)
        , m_lens(std::move(lens))
        , m_bound(bound)
        , m_rules(d, t, assumeScheduled) {
        for (const auto& s : d.sites) {
            m_siteCountry[s.id] = s.country;
            m_siteSupplier[s.id] = s.supplierId;
        }
        for (const auto& s : d.suppliers)
            m_owner[s.id] = s.ownerCountry.value_or("");
        for (const auto& r : d.recipes)
            m_inputs[r.materialId].push_back(r.inputMaterialId);
        for (const auto& l : d.supply)
            m_links[{l.buyerSite, l.materialId}].push_back(&l);
        for (const auto& w : d.worldShares)
            m_world[{w.materialId, w.country}] += w.share;
    }

    // L(s, m, b) of the lens, in this bound.
    bool lensHolds(const std::string& site, const std::string& m, const std::string& buyer) const {
        const std::string& country = m_siteCountry.at(site);
        if (m_lens == "location")
            return country == "CHN";
        if (m_lens == "owned")
            return country == "CHN" || m_owner.at(m_siteSupplier.at(site)) == "CHN";
        return m_rules.materialControlled(site, m, buyer) ||
               m_rules.technologyControlled(site, m_bound == Bound::High);
    }

    // U(i, d).
    double fallback(const std::string& i, const std::string& d) const {
        bool anyWorld = false;
        for (const auto& w : m_d.worldShares)
            anyWorld = anyWorld || w.materialId == i;
        std::set<std::string> exposedCountries;
        if (m_lens == "controlled")
            exposedCountries = m_rules.unknownIssuers(i, d);
        else
            exposedCountries = {"CHN"};
        if (m_bound == Bound::Low)
            return 0.0;
        if (m_bound == Bound::High) {
            if (m_lens == "controlled" && exposedCountries.empty())
                return 0.0;
            if (!anyWorld)
                return 1.0;
            for (const auto& c : exposedCountries) {
                auto it = m_world.find({i, c});
                if (it != m_world.end() && it->second > 0.0)
                    return 1.0;
            }
            return 0.0;
        }
        double sum = 0.0;
        for (const auto& c : exposedCountries) {
            auto it = m_world.find({i, c});
            sum += it == m_world.end() ? 0.0 : it->second;
        }
        return std::min(1.0, sum);
    }

    double u(const std::string& i, const std::string& d) {
        if (auto it = m_u.find({i, d}); it != m_u.end())
            return it->second;
        double v = fallback(i, d);
        for (const auto& j : inputsOf(i))
            v = std::max(v, u(j, d));
        return m_u[{i, d}] = v;
    }

    // F(s, m): what a flow of s carries when it is not exposed.
    double F(const std::string& s, const std::string& m) {
        double v = 0.0;
        for (const auto& i : inputsOf(m))
            v = std::max(v, g(s, i));
        return v;
    }

    double f(const std::string& s, const std::string& m, const std::string& b) {
        return lensHolds(s, m, b) ? 1.0 : F(s, m);
    }

    double g(const std::string& b, const std::string& i) {
        if (auto it = m_g.find({b, i}); it != m_g.end())
            return it->second;
        double known = 0.0, w = 0.0;
        for (const auto* l : linksOf(b, i)) {
            known += l->share * f(l->supplierSite, i, b);
            w += l->share;
        }
        return m_g[{b, i}] = known + (1.0 - w) * u(i, m_rules.destination(b));
    }

    std::vector<const core::SupplyLink*> linksOf(const std::string& b, const std::string& i) const {
        auto it = m_links.find({b, i});
        return it == m_links.end() ? std::vector<const core::SupplyLink*>{} : it->second;
    }
    std::vector<std::string> inputsOf(const std::string& m) const {
        auto it = m_inputs.find(m);
        return it == m_inputs.end() ? std::vector<std::string>{} : it->second;
    }

    // Σ_c (100 · share_c / total)²; none when the shares add up to nothing or to less than
    // `minTotal`.
    static std::optional<double> hhi(const std::map<std::string, double>& byCountry,
                                     double minTotal = 0.0) {
        double total = 0.0;
        for (const auto& [c, s] : byCountry)
            total += s;
        if (total <= 0.0 || total < minTotal)
            return std::nullopt;
        double h = 0.0;
        for (const auto& [c, s] : byCountry)
            h += (100.0 * s / total) * (100.0 * s / total);
        return h;
    }

    Figures run() {
        Figures out;
        std::set<std::string> listed;
        for (const auto& b : m_d.productBom)
            listed.insert(b.materialId);
        for (const auto& l : m_d.supply)
            if (l.buyerSite.empty())
                listed.insert(l.materialId);
        for (const auto& m : listed) {
            MaterialFigures mf;
            mf.dependence = g("", m);
            const auto links = linksOf("", m);
            std::map<std::string, double> mix, world;
            double spend = 0.0;
            bool anySpend = false;
            for (const auto* l : links) {
                if (lensHolds(l->supplierSite, m, ""))
                    mf.directShare += l->share;
                if (l->annualSpend) {
                    spend += *l->annualSpend * f(l->supplierSite, m, "");
                    anySpend = true;
                }
                mix[m_siteCountry.at(l->supplierSite)] += l->share;
            }
            mf.spendAtRisk = links.empty() ? 0.0 : anySpend ? std::optional(spend) : std::nullopt;
            mf.hhi = hhi(mix);
            for (const auto& w : m_d.worldShares)
                if (w.materialId == m)
                    world[w.country] += w.share;
            mf.worldHhi = hhi(world, 0.8); // null under 0.8 of the world known
            out.materials[m] = mf;
        }
        for (const auto& p : m_d.products) {
            ProductFigures pf;
            for (const auto& b : m_d.productBom)
                if (b.productId == p.id)
                    pf.dependence = std::max(pf.dependence, g("", b.materialId));
            if (p.unitPrice)
                pf.revenueAtRisk = p.annualVolume * *p.unitPrice * pf.dependence;
            out.products[p.id] = pf;
        }
        std::map<std::string, std::pair<double, double>> perSupplier; // Σ w·f, Σ w
        for (const auto& l : m_d.supply)
            if (l.buyerSite.empty()) {
                auto& acc = perSupplier[m_siteSupplier.at(l.supplierSite)];
                acc.first += l.share * f(l.supplierSite, l.materialId, "");
                acc.second += l.share;
            }
        for (const auto& [id, acc] : perSupplier)
            out.suppliers[id] =
                acc.second > 0 ? std::optional(acc.first / acc.second) : std::nullopt;
        return out;
    }

private:
    const core::Dataset& m_d;
    std::string m_lens;
    Bound m_bound;
    ControlRules m_rules;
    std::map<std::string, std::string> m_siteCountry, m_siteSupplier, m_owner;
    std::map<std::string, std::vector<std::string>> m_inputs;
    std::map<Key, std::vector<const core::SupplyLink*>> m_links;
    std::map<Key, double> m_world;
    std::map<Key, double> m_u;
    std::map<Key, double> m_g;
};

} // namespace

Figures exposure(const core::Dataset& d, const std::string& lens, core::Date t,
                 bool assumeScheduled) {
    Figures out = Reference(d, lens, t, assumeScheduled, Bound::Point).run();
    const Figures low = Reference(d, lens, t, assumeScheduled, Bound::Low).run();
    const Figures high = Reference(d, lens, t, assumeScheduled, Bound::High).run();
    for (auto& [id, m] : out.materials) {
        m.dependenceLow = low.materials.at(id).dependence;
        m.dependenceHigh = high.materials.at(id).dependence;
    }
    for (auto& [id, p] : out.products) {
        p.dependenceLow = low.products.at(id).dependence;
        p.dependenceHigh = high.products.at(id).dependence;
        p.revenueAtRiskLow = low.products.at(id).revenueAtRisk;
        p.revenueAtRiskHigh = high.products.at(id).revenueAtRisk;
    }
    return out;
}

} // namespace chokepoint::test::reference

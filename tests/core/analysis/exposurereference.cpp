// SPDX-License-Identifier: MIT
#include "tests/core/analysis/exposurereference.h"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

namespace chokepoint::test::reference {
namespace {

using Key = std::pair<std::string, std::string>;

class Reference {
public:
    Reference(const core::Dataset& d, std::string lens, core::Date t)
        : m_d(d)
        , m_lens(std::move(lens))
        , m_t(t) {
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
            m_world[{w.materialId, w.country}] = w.share;
    }

    // effective <= t, and no end or end > t
    bool inForce(const core::Control& c) const {
        return !(m_t < c.effective) && (!c.end || m_t < *c.end);
    }

    // A control in force (issued by `issuer`, or by anyone when issuer is empty) lists the item.
    bool covered(const std::string& issuer, core::ItemKind kind, const std::string& item) const {
        for (const auto& c : m_d.controls) {
            if (!inForce(c) || (!issuer.empty() && c.issuer != issuer))
                continue;
            for (const auto& ci : m_d.controlItems)
                if (ci.controlId == c.id && ci.itemKind == kind && ci.itemId == item)
                    return true;
        }
        return false;
    }

    bool lensHolds(const std::string& site, const std::string& m) const {
        const std::string& country = m_siteCountry.at(site);
        if (m_lens == "location")
            return country == "CHN";
        if (m_lens == "owned")
            return country == "CHN" || m_owner.at(m_siteSupplier.at(site)) == "CHN";
        if (covered(country, core::ItemKind::Material, m))
            return true;
        for (const auto& st : m_d.siteTechnologies)
            if (st.siteId == site && covered("", core::ItemKind::Technology, st.technologyId))
                return true;
        return false;
    }

    double fallback(const std::string& i) const {
        auto it = m_world.find({i, "CHN"});
        const double share = it == m_world.end() ? 0.0 : it->second;
        if (m_lens != "controlled")
            return share;
        return covered("CHN", core::ItemKind::Material, i) ? share : 0.0;
    }

    double u(const std::string& i) {
        if (auto it = m_u.find(i); it != m_u.end())
            return it->second;
        double v = fallback(i);
        for (const auto& j : inputsOf(i))
            v = std::max(v, u(j));
        return m_u[i] = v;
    }

    double f(const std::string& s, const std::string& m) {
        if (auto it = m_f.find({s, m}); it != m_f.end())
            return it->second;
        double v = 0.0;
        if (lensHolds(s, m))
            v = 1.0;
        else
            for (const auto& i : inputsOf(m))
                v = std::max(v, g(s, i));
        return m_f[{s, m}] = v;
    }

    double g(const std::string& b, const std::string& i) {
        if (auto it = m_g.find({b, i}); it != m_g.end())
            return it->second;
        double known = 0.0, w = 0.0;
        for (const auto* l : linksOf(b, i)) {
            known += l->share * f(l->supplierSite, i);
            w += l->share;
        }
        return m_g[{b, i}] = known + (1.0 - w) * u(i);
    }

    std::vector<const core::SupplyLink*> linksOf(const std::string& b, const std::string& i) const {
        auto it = m_links.find({b, i});
        return it == m_links.end() ? std::vector<const core::SupplyLink*>{} : it->second;
    }
    std::vector<std::string> inputsOf(const std::string& m) const {
        auto it = m_inputs.find(m);
        return it == m_inputs.end() ? std::vector<std::string>{} : it->second;
    }

    static std::optional<double> hhi(const std::map<std::string, double>& byCountry) {
        double total = 0.0;
        for (const auto& [c, s] : byCountry)
            total += s;
        if (total <= 0.0)
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
                if (lensHolds(l->supplierSite, m))
                    mf.directShare += l->share;
                if (l->annualSpend) {
                    spend += *l->annualSpend * f(l->supplierSite, m);
                    anySpend = true;
                }
                mix[m_siteCountry.at(l->supplierSite)] += l->share;
            }
            mf.spendAtRisk = links.empty() ? 0.0 : anySpend ? std::optional(spend) : std::nullopt;
            mf.hhi = hhi(mix);
            for (const auto& w : m_d.worldShares)
                if (w.materialId == m)
                    world[w.country] += w.share;
            mf.worldHhi = hhi(world);
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
                acc.first += l.share * f(l.supplierSite, l.materialId);
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
    core::Date m_t;
    std::map<std::string, std::string> m_siteCountry, m_siteSupplier, m_owner;
    std::map<std::string, std::vector<std::string>> m_inputs;
    std::map<Key, std::vector<const core::SupplyLink*>> m_links;
    std::map<Key, double> m_world;
    std::map<std::string, double> m_u;
    std::map<Key, double> m_f, m_g;
};

} // namespace

Figures exposure(const core::Dataset& d, const std::string& lens, core::Date t) {
    return Reference(d, lens, t).run();
}

} // namespace chokepoint::test::reference

// SPDX-License-Identifier: MIT
// The control rules of SPEC §3 (methodology v2) read straight from the text over the Dataset:
// string ids, linear scans, no indexing. For the slow test references only (exposure and
// scenario); it shares no code with core/analysis.
#pragma once

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "core/model/dataset.h"

namespace chokepoint::test::reference {

class ControlRules {
public:
    ControlRules(const core::Dataset& d, core::Date t, bool assumeScheduled)
        : m_d(d) {
        for (const auto& c : d.controls) {
            const bool dated = !(t < c.effective) && (!c.end || t < *c.end);
            const bool counted = c.status == core::ControlStatus::Confirmed || assumeScheduled;
            if (dated && counted)
                m_inForce.push_back(&c);
        }
    }

    /// dest(b): the buyer site's country, our profile's company_country for b = "" ("" =
    /// unknown).
    std::string destination(const std::string& buyer) const {
        if (buyer.empty())
            return m_d.profile.companyCountry.value_or("");
        return countryOf(buyer);
    }
    std::string countryOf(const std::string& site) const {
        for (const auto& s : m_d.sites)
            if (s.id == site)
                return s.country;
        return "";
    }

    /// c reaches d: no targets, or d is one of them (an unknown d only without targets).
    static bool reaches(const core::Control& c, const std::string& d) {
        if (c.targetCountries.empty())
            return true;
        return !d.empty() && std::find(c.targetCountries.begin(), c.targetCountries.end(), d) !=
                                 c.targetCountries.end();
    }

    bool lists(const core::Control& c, core::ItemKind kind, const std::string& item) const {
        for (const auto& ci : m_d.controlItems)
            if (ci.controlId == c.id && ci.itemKind == kind && ci.itemId == item)
                return true;
        return false;
    }

    /// The flow (s -> b, m) is material-controlled.
    bool materialControlled(const std::string& site, const std::string& m,
                            const std::string& buyer) const {
        const std::string from = countryOf(site), to = destination(buyer);
        for (const auto* c : m_inForce)
            if (c->issuer == from && lists(*c, core::ItemKind::Material, m) && to != c->issuer &&
                reaches(*c, to))
                return true;
        return false;
    }

    /// s is technology-controlled; with `unknownCounts` a technology row of unknown source
    /// counts as the issuer's (the high bound).
    bool technologyControlled(const std::string& site, bool unknownCounts = false) const {
        const std::string country = countryOf(site);
        for (const auto& st : m_d.siteTechnologies) {
            if (st.siteId != site)
                continue;
            for (const auto* c : m_inForce) {
                if (!lists(*c, core::ItemKind::Technology, st.technologyId))
                    continue;
                const bool sourced =
                    st.sourceCountry ? *st.sourceCountry == c->issuer : unknownCounts;
                if (sourced && country != c->issuer && reaches(*c, country))
                    return true;
            }
        }
        return false;
    }

    bool flowControlled(const std::string& site, const std::string& m,
                        const std::string& buyer) const {
        return materialControlled(site, m, buyer) || technologyControlled(site);
    }

    /// The countries X != d with a control in force listing i and reaching d.
    std::set<std::string> unknownIssuers(const std::string& i, const std::string& d) const {
        std::set<std::string> out;
        for (const auto* c : m_inForce)
            if (c->issuer != d && lists(*c, core::ItemKind::Material, i) && reaches(*c, d))
                out.insert(c->issuer);
        return out;
    }

private:
    const core::Dataset& m_d;
    std::vector<const core::Control*> m_inForce;
};

} // namespace chokepoint::test::reference

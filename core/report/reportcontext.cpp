// SPDX-License-Identifier: MIT
#include "core/report/reportcontext.h"

#include <algorithm>

#include "core/util/bidi.h"

namespace chokepoint::core::report {

namespace an = analysis;

int ReportContext::worstScenario() const {
    int worst = -1;
    for (size_t i = 0; i < scenarios.size(); ++i)
        if (worst < 0 || scenarios[i].totalLostRevenue > scenarios[size_t(worst)].totalLostRevenue)
            worst = int(i);
    return worst;
}

std::string dataText(std::string_view text) {
    return isolateBidi(elideText(text, kMaxInlineText));
}

std::string cellText(std::string_view text) {
    return isolateBidi(text);
}

std::string materialName(const an::Network& net, an::Index m) {
    return dataText(net.data().materials[size_t(m)].name);
}

std::string productName(const an::Network& net, an::Index p) {
    return dataText(net.data().products[size_t(p)].name);
}

std::string siteName(const an::Network& net, an::Index s) {
    const Site& site = net.data().sites[size_t(s)];
    return dataText(site.name ? *site.name : site.id);
}

std::string countryName(const an::Network& net, const std::string& iso3) {
    const an::Index c = net.countries.find(iso3);
    return c == an::kNone ? iso3 : dataText(net.data().countries[size_t(c)].name);
}

std::string technologyName(const an::Network& net, an::Index t) {
    return dataText(net.data().technologies[size_t(t)].name);
}

std::string supplierName(const an::Network& net, an::Index s) {
    return dataText(net.data().suppliers[size_t(s)].name);
}

std::string referenceNote(const ReportContext& ctx) {
    const auto& cutoff = ctx.net.data().profile.referenceCutoff;
    if (!cutoff || !(ctx.options.asOf > *cutoff))
        return {};
    std::string text = "Reference data checked up to " + cutoff->toString() +
                       "; measures dated after it are scheduled, not confirmed. ";
    text += ctx.options.assumeScheduled
                ? "These figures count scheduled measures as in force (assume scheduled)."
                : "These figures do not count them.";
    return text;
}

std::vector<an::Index> uncountedScheduled(const ReportContext& ctx) {
    std::vector<an::Index> out;
    for (size_t c = 0; c < ctx.net.controls.size(); ++c) {
        const an::MeasureStatus st = ctx.controls->status(an::Index(c));
        if (st.scheduled && !st.counted && st.phase == an::ControlStatus::InForce)
            out.push_back(an::Index(c));
    }
    return out;
}

std::string lensTitle(an::Lens lens) {
    switch (lens) {
    case an::Lens::Location:
        return "Location";
    case an::Lens::Owned:
        return "Ownership";
    case an::Lens::Controlled:
        return "Export controls";
    }
    return {};
}

std::string lensDescription(an::Lens lens) {
    switch (lens) {
    case an::Lens::Location:
        return "a site's output counts as exposed when the site is in China";
    case an::Lens::Owned:
        return "exposed when the site is in China or its supplier's ultimate owner is Chinese";
    case an::Lens::Controlled:
        return "exposed when the flow is an export covered by a control in force for its "
               "destination, or the site, outside the issuing country, uses the issuer's "
               "controlled technology";
    }
    return {};
}

std::string joinNames(const std::vector<std::string>& names, size_t max) {
    if (names.empty())
        return {};
    const size_t shown = names.size() > max ? max : names.size();
    std::string text;
    for (size_t i = 0; i < shown; ++i) {
        if (i > 0)
            text += (i + 1 == shown && shown == names.size()) ? " and " : ", ";
        text += names[i];
    }
    if (shown < names.size())
        text += " and " + std::to_string(names.size() - shown) + " more";
    return text;
}

std::string controlKindText(const Control& control) {
    switch (control.kind) {
    case ControlKind::Licence:
        return "licence";
    case ControlKind::Prohibition:
        return "prohibition";
    case ControlKind::CountryBan:
        return "country ban";
    }
    return {};
}

std::string touchText(const an::Network& net, const ControlTouch& touch, size_t max) {
    std::vector<std::string> names;
    for (const an::Index m : touch.materials)
        names.push_back(materialName(net, m));
    for (const an::Index t : touch.technologies)
        names.push_back(technologyName(net, t));
    return joinNames(names, max);
}

std::vector<ControlTouch> controlTouches(const an::Network& net) {
    const an::ControlState every = an::ControlState::every(net, Date());
    const auto touches = an::chainTouches(every, an::chainReach(net, net.reportedMaterials));
    std::vector<ControlTouch> out;
    for (size_t c = 0; c < net.controls.size(); ++c) {
        ControlTouch t;
        static_cast<an::ChainTouch&>(t) = touches[c];
        const an::ControlInfo& info = net.controls[c];
        for (const an::Index m : info.materials)
            t.otherItems +=
                std::find(t.materials.begin(), t.materials.end(), m) == t.materials.end();
        for (const an::Index k : info.technologies)
            t.otherItems +=
                std::find(t.technologies.begin(), t.technologies.end(), k) == t.technologies.end();
        out.push_back(std::move(t));
    }
    return out;
}

std::string statusText(const an::ControlState& controls, an::Index control) {
    const an::MeasureStatus s = controls.status(control);
    switch (s.phase) {
    case an::ControlStatus::NeverInForce:
        return "suspended before taking effect";
    case an::ControlStatus::InForce:
        return s.scheduled ? "scheduled, unconfirmed" : "in force";
    case an::ControlStatus::Ended:
        return "ended or suspended";
    case an::ControlStatus::NotAnnounced:
    case an::ControlStatus::Announced:
        return s.scheduled ? "scheduled, not yet due" : "not yet in force";
    }
    return {};
}

} // namespace chokepoint::core::report

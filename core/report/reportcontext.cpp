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
        return "exposed when the flow is covered by an export control in force (material or "
               "technology)";
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

ChainReach computeReach(const an::Network& net) {
    ChainReach reach;
    reach.materials.assign(net.materials.size(), 0);
    reach.technologies.assign(net.technologies.size(), 0);
    reach.techSites.assign(net.technologies.size(), 0);

    std::vector<an::Index> stack(net.reportedMaterials.begin(), net.reportedMaterials.end());
    while (!stack.empty()) {
        const an::Index m = stack.back();
        stack.pop_back();
        if (reach.materials[size_t(m)])
            continue;
        reach.materials[size_t(m)] = 1;
        for (auto* in = net.recipes.begin(size_t(m)); in != net.recipes.end(size_t(m)); ++in)
            stack.push_back(in->material);
    }

    std::vector<char> nodeSeen(net.nodes.size(), 0);
    std::vector<char> siteSeen(net.sites.size(), 0);
    std::vector<an::Index> nodes;
    for (const an::Index m : net.reportedMaterials) {
        const an::Index grp = net.selfGroup[size_t(m)];
        if (grp == an::kNone)
            continue;
        for (auto* l = net.groupLinks.begin(size_t(grp)); l != net.groupLinks.end(size_t(grp)); ++l)
            nodes.push_back(l->supplierNode);
    }
    while (!nodes.empty()) {
        const an::Index n = nodes.back();
        nodes.pop_back();
        if (nodeSeen[size_t(n)])
            continue;
        nodeSeen[size_t(n)] = 1;
        const an::Index site = net.nodes[size_t(n)].site;
        if (!siteSeen[size_t(site)]) {
            siteSeen[size_t(site)] = 1;
            for (auto* t = net.siteTechnologies.begin(size_t(site));
                 t != net.siteTechnologies.end(size_t(site)); ++t) {
                reach.technologies[size_t(*t)] = 1;
                ++reach.techSites[size_t(*t)];
            }
        }
        for (auto* grp = net.nodeInputGroups.begin(size_t(n));
             grp != net.nodeInputGroups.end(size_t(n)); ++grp) {
            if (*grp == an::kNone)
                continue;
            for (auto* l = net.groupLinks.begin(size_t(*grp));
                 l != net.groupLinks.end(size_t(*grp)); ++l)
                nodes.push_back(l->supplierNode);
        }
    }
    return reach;
}

ControlTouch controlTouch(const an::Network& net, const ChainReach& reach, an::Index control) {
    ControlTouch touch;
    const an::ControlInfo& info = net.controls[size_t(control)];
    for (const an::Index m : info.materials) {
        if (reach.materials[size_t(m)])
            touch.materials.push_back(m);
        else
            ++touch.otherItems;
    }
    for (const an::Index t : info.technologies) {
        if (reach.technologies[size_t(t)])
            touch.technologies.push_back(t);
        else
            ++touch.otherItems;
    }
    return touch;
}

} // namespace chokepoint::core::report

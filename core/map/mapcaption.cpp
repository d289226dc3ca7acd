// SPDX-License-Identifier: MIT
#include "core/map/mapcaption.h"

#include "core/util/format.h"

namespace chokepoint::core::map {

namespace an = analysis;

namespace {

std::string lensName(an::Lens lens) {
    switch (lens) {
    case an::Lens::Location:
        return "location lens";
    case an::Lens::Owned:
        return "ownership lens";
    case an::Lens::Controlled:
        return "export-controls lens";
    }
    return {};
}

std::string countryName(const an::Network& net, const std::string& iso3) {
    const an::Index c = net.countries.find(iso3);
    return c == an::kNone ? iso3 : net.data().countries[size_t(c)].name;
}

} // namespace

std::string flowName(const an::Network& net, const MapRequest& request) {
    if (request.flowMaterial != an::kNone)
        return net.data().materials[size_t(request.flowMaterial)].name;
    if (request.flowProduct != an::kNone)
        return net.data().products[size_t(request.flowProduct)].name;
    if (request.flowAll)
        return "everything we buy";
    return {};
}

MapCaption describeMap(const an::Network& net, const MapScene& scene, const MapRequest& request,
                       an::Lens lens) {
    MapCaption c;
    const std::string focus = net.focusCountry() == an::kNone
                                  ? std::string("the focus country")
                                  : net.data().countries[size_t(net.focusCountry())].name;
    std::string material;
    if (request.measureMaterial != an::kNone)
        material = net.data().materials[size_t(request.measureMaterial)].name;
    switch (scene.measure) {
    case CountryMeasure::SpendAtRisk:
        c.title = "Where our supply sits: spend at risk by country";
        c.measureTitle = "Tier-1 spend at risk, " + lensName(lens);
        c.noDataText = "No tier-1 purchase";
        break;
    case CountryMeasure::SupplyShare:
        c.title = "Where our supply sits: share of our tier-1 spend by country";
        c.measureTitle = "Share of our tier-1 spend";
        c.noDataText = "No tier-1 purchase";
        break;
    case CountryMeasure::WorldShare:
        c.title = material.empty() ? "Where our supply sits: world share (choose a material)"
                                   : "Where our supply sits: world share of " + material;
        c.measureTitle =
            material.empty() ? "World share: choose a material" : "World share of " + material;
        c.noDataText = material.empty() ? "No material chosen" : "No world share on record";
        break;
    }
    switch (lens) {
    case an::Lens::Location:
        c.exposedText = "Located in " + focus;
        break;
    case an::Lens::Owned:
        c.exposedText = "In " + focus + " or owned from there";
        break;
    case an::Lens::Controlled:
        c.exposedText = "Delivers under an export control in force";
        break;
    }
    c.upstreamText = "Exposed through its inputs";
    c.clearText = "Not exposed";
    c.centroidText = "Hollow: no coordinates, at the country's centre";
    c.sizeText = "Area: " + scene.sizeName + "; rings: groups of sites";
    const std::string flow = flowName(net, request);
    if (!flow.empty() && !scene.arcs.empty())
        c.flowText = "Flow of " + flow + ": width = share of our supply";
    if (scene.self)
        c.usText = "Our company (" + countryName(net, scene.selfCountry) + ")";
    else if (!flow.empty())
        c.notes.push_back("Our country is not in the profile: flows to us are not drawn");
    if (scene.sitesUnplaced > 0)
        c.notes.push_back(formatCount(double(scene.sitesUnplaced)) +
                          (scene.sitesUnplaced == 1 ? " site" : " sites") +
                          " without coordinates or country centre not drawn");
    if (scene.arcsLeftOut > 0)
        c.notes.push_back(formatCount(double(scene.arcsLeftOut)) + " smaller flows not drawn");
    const auto& missing = scene.countriesWithoutOutline;
    for (size_t i = 0; i < missing.size() && i < 2; ++i)
        c.notes.push_back(countryName(net, missing[i].first) + ": " + missing[i].second);
    if (missing.size() > 2)
        c.notes.push_back("and " + formatCount(double(missing.size() - 2)) +
                          " more countries without an outline");
    return c;
}

} // namespace chokepoint::core::map

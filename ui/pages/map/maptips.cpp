// SPDX-License-Identifier: MIT
#include "ui/pages/map/maptips.h"

#include <algorithm>
#include <cmath>

#include <QObject>

#include "core/util/format.h"
#include "ui/displayformat.h"

namespace chokepoint::ui::maptips {

namespace an = core::analysis;
namespace cm = core::map;

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString siteName(const an::Network& net, int32_t s) {
    const auto& site = net.data().sites[size_t(s)];
    return qs(site.name ? *site.name : site.id);
}

QString countryName(const an::Network& net, const std::string& iso3) {
    const an::Index c = net.countries.find(iso3);
    return c == an::kNone ? qs(iso3) : qs(net.data().countries[size_t(c)].name);
}

QString exposureText(cm::SiteExposure e, an::Lens lens) {
    switch (e) {
    case cm::SiteExposure::Exposed:
        switch (lens) {
        case an::Lens::Location:
            return QObject::tr("exposed: located in China");
        case an::Lens::Owned:
            return QObject::tr("exposed: in China or owned from China");
        case an::Lens::Controlled:
            return QObject::tr("exposed: delivers under an export control in force");
        }
        break;
    case cm::SiteExposure::Upstream:
        return QObject::tr("exposed through its inputs");
    case cm::SiteExposure::Clear:
        return QObject::tr("not exposed");
    }
    return {};
}

} // namespace

QString exactMoney(double amount) {
    return QStringLiteral("$") + QString::fromStdString(core::formatFixed(amount, 0));
}

QString siteTip(const an::Network& net, const cm::MapScene& scene, const cm::MapSite& s,
                const cm::MapRequest& request, an::Lens lens) {
    const auto& site = net.data().sites[size_t(s.site)];
    const auto& supplier = net.data().suppliers[size_t(net.siteSupplier[size_t(s.site)])];
    QString tip =
        QStringLiteral("<b>%1</b><br>%2 \u00b7 %3")
            .arg(siteName(net, s.site), qs(supplier.name), countryName(net, site.country));
    tip += QObject::tr("<br>Tier %1: %2").arg(s.tier).arg(exposureText(s.exposure, lens));
    if (s.spend > 0)
        tip += QObject::tr("<br>Tier-1 spend %1, at risk %2")
                   .arg(exactMoney(s.spend), exactMoney(s.spendAtRisk));
    if (scene.sizeName != "tier-1 spend")
        tip += QStringLiteral("<br>%1: %2").arg(qs(scene.sizeName), exactMoney(s.size));
    if (s.flowShare > 0)
        tip += QObject::tr("<br>Carries %1 of our supply of %2")
                   .arg(percentText(s.flowShare), qs(cm::flowName(net, request)));
    if (s.atCentroid)
        tip += QObject::tr("<br><i>No coordinates: drawn at the centre of %1</i>")
                   .arg(countryName(net, site.country));
    return tip;
}

QString clusterTip(const an::Network& net, const cm::MapScene& scene, const cm::MapMarkers& markers,
                   int marker) {
    const cm::MapMarker& m = markers.markers[size_t(marker)];
    // The largest sites by name, and the countries they are in.
    std::vector<uint32_t> members(markers.clusters.begin(size_t(marker)),
                                  markers.clusters.end(size_t(marker)));
    std::stable_sort(members.begin(), members.end(), [&](uint32_t a, uint32_t b) {
        return scene.sites[a].size > scene.sites[b].size;
    });
    QStringList countries;
    for (const uint32_t i : members) {
        const QString c = countryName(net, net.data().sites[size_t(scene.sites[i].site)].country);
        if (!countries.contains(c))
            countries << c;
        if (countries.size() > 4)
            break;
    }
    QString tip = QObject::tr("<b>%1 sites</b> in %2")
                      .arg(countText(m.count),
                           countries.size() > 4 ? countries.mid(0, 4).join(QStringLiteral(", ")) +
                                                      QObject::tr(" and more")
                                                : countries.join(QStringLiteral(", ")));
    tip += QObject::tr("<br>%1 exposed, %2 through inputs, %3 not exposed")
               .arg(countText(m.exposed), countText(m.upstream), countText(m.clear));
    if (m.spend > 0)
        tip += QObject::tr("<br>Tier-1 spend %1, at risk %2")
                   .arg(exactMoney(m.spend), exactMoney(m.spendAtRisk));
    QStringList names;
    for (size_t k = 0; k < members.size() && k < 3; ++k)
        names << siteName(net, scene.sites[members[k]].site);
    tip += QObject::tr("<br>Largest: %1").arg(names.join(QStringLiteral("; ")));
    tip += QObject::tr("<br><i>Click to zoom in</i>");
    return tip;
}

QString countryTip(const an::Network& net, const cm::WorldAtlas& atlas, const cm::MapScene& scene,
                   const cm::MapRequest& request, const QString& iso3) {
    const std::string code = iso3.toStdString();
    const an::Index c = net.countries.find(code);
    QString name = c != an::kNone ? qs(net.data().countries[size_t(c)].name)
                                  : qs(atlas.isoName(code).empty() ? code : atlas.isoName(code));
    QString tip = QStringLiteral("<b>%1</b>").arg(name);
    const cm::MapCountry* mc = c != an::kNone && size_t(c) < scene.countries.size()
                                   ? &scene.countries[size_t(c)]
                                   : nullptr;
    if (!mc || (mc->spend == 0 && mc->sites == 0 && !mc->worldShare)) {
        tip += QObject::tr("<br>Nothing of our supply chain here");
        return tip;
    }
    if (mc->spend > 0)
        tip += QObject::tr("<br>Tier-1 spend %1 (%2 of ours)<br>At risk %3")
                   .arg(exactMoney(mc->spend), percentText(mc->supplyShare),
                        exactMoney(mc->spendAtRisk));
    if (mc->sites > 0)
        tip += QObject::tr("<br>%1 sites of the chain on the map").arg(countText(mc->sites));
    if (request.measureMaterial != an::kNone)
        tip += QObject::tr("<br>World share of %1: %2")
                   .arg(qs(net.data().materials[size_t(request.measureMaterial)].name),
                        mc->worldShare ? percentText(*mc->worldShare) : QObject::tr("unknown"));
    if (c != an::kNone)
        tip += QObject::tr("<br><i>Click to select</i>");
    return tip;
}

QString usTip(const an::Network& net, const cm::MapScene& scene) {
    return QObject::tr("<b>Our company</b><br>Deliveries to %1 (profile)")
        .arg(countryName(net, scene.selfCountry));
}

} // namespace chokepoint::ui::maptips

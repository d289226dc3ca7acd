// SPDX-License-Identifier: MIT
#include "ui/explanationhtml.h"

#include <QObject>

#include "ui/displayformat.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString siteName(const an::Network& net, an::Index site) {
    const auto& s = net.data().sites[size_t(site)];
    return esc(s.name ? *s.name : s.id);
}

QString focusName(const an::Network& net) {
    return net.focusCountry() == an::kNone
               ? QObject::tr("the focus country")
               : esc(net.data().countries[size_t(net.focusCountry())].name);
}

void writeGroup(const an::Network& net, const an::GroupExplanation& g, QString& out);

void writeLink(const an::Network& net, const an::LinkExplanation& l, QString& out) {
    const auto& d = net.data();
    QString where = siteName(net, l.supplierSite);
    QStringList facts;
    if (l.supplier != an::kNone)
        facts << esc(d.suppliers[size_t(l.supplier)].name);
    if (l.country != an::kNone)
        facts << esc(d.countries[size_t(l.country)].name);
    out += QStringLiteral("<li><b>%1</b> (%2): share %3, exposed %4 → <b>%5</b> of D; %6")
               .arg(where, facts.join(QStringLiteral(", ")), percentText(l.share), percentText(l.f),
                    percentText(l.contribution), reasonText(net, l.reason));
    if (l.reason == an::ExposureReason::Inputs && !l.inputs.empty()) {
        QStringList inputs;
        for (const an::InputValue& in : l.inputs)
            inputs << QStringLiteral("%1 %2%3").arg(
                esc(d.materials[size_t(in.material)].name), percentText(in.g),
                in.hasLinks ? QString() : QObject::tr(" (origin unknown)"));
        out += QObject::tr(" (inputs: %1)").arg(inputs.join(QStringLiteral("; ")));
    }
    if (!l.upstream.empty()) {
        out += QStringLiteral("<ul>");
        for (const an::GroupExplanation& up : l.upstream)
            writeGroup(net, up, out);
        out += QStringLiteral("</ul>");
    }
    out += QStringLiteral("</li>");
}

void writeGroup(const an::Network& net, const an::GroupExplanation& g, QString& out) {
    const auto& d = net.data();
    const QString buyer = g.buyer == an::kSelf ? QObject::tr("We buy")
                                               : siteName(net, g.buyer) + QObject::tr(" buys");
    out += QStringLiteral("<li>%1 <i>%2</i> (tier %3): %4 dependent")
               .arg(buyer, esc(d.materials[size_t(g.material)].name))
               .arg(g.tier)
               .arg(percentText(g.g));
    out += QStringLiteral("<ul>");
    for (const an::LinkExplanation& l : g.links)
        writeLink(net, l, out);
    if (g.omittedLinks > 0)
        out += QObject::tr("<li>%1 more links → %2 of D</li>")
                   .arg(g.omittedLinks)
                   .arg(percentText(g.omittedContribution));
    if (g.unknown.remainder > 1e-9)
        out += QObject::tr("<li>Unknown origin: %1 of supply, counted at %2 (%3's world share) → "
                           "<b>%4</b> of D</li>")
                   .arg(percentText(g.unknown.remainder), percentText(g.unknown.fallback),
                        focusName(net), percentText(g.unknown.contribution));
    out += QStringLiteral("</ul></li>");
}

} // namespace

QString reasonText(const an::Network& net, an::ExposureReason reason) {
    switch (reason) {
    case an::ExposureReason::Located:
        return QObject::tr("located in %1").arg(focusName(net));
    case an::ExposureReason::Owned:
        return QObject::tr("owned from %1").arg(focusName(net));
    case an::ExposureReason::MaterialControl:
        return QObject::tr("the material is under an export control of the site's country");
    case an::ExposureReason::TechnologyControl:
        return QObject::tr("uses a technology under export control");
    case an::ExposureReason::Inputs:
        return QObject::tr("not exposed itself; its inputs carry the dependence");
    case an::ExposureReason::None:
        return QObject::tr("not exposed");
    }
    return {};
}

QString explanationHtml(const an::Network& net, const an::Explanation& e) {
    QString out = QObject::tr("<p>D = <b>%1</b> under the %2 lens at %3.</p><ul>")
                      .arg(percentText(e.dependence), lensText(e.lens).toLower(), dateText(e.asOf));
    writeGroup(net, e.root, out);
    out += QStringLiteral("</ul>");
    return out;
}

} // namespace chokepoint::ui

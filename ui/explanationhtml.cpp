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

QString names(const an::Network& net, const std::vector<an::Index>& products, int max) {
    QStringList out;
    for (size_t i = 0; i < products.size() && int(i) < max; ++i)
        out << esc(net.data().products[size_t(products[i])].name);
    if (int(products.size()) > max)
        out << QObject::tr("%1 more").arg(products.size() - size_t(max));
    return out.join(QStringLiteral(", "));
}

} // namespace

QString sitePathsHtml(const an::Network& net, const an::SiteReach& reach) {
    const auto& d = net.data();
    QString out = QObject::tr("<h4>How it reaches our products</h4>");
    if (reach.pathCount <= 0.0)
        return out + QObject::tr("<p>None of its deliveries leads to what we buy: a stop here "
                                 "costs us nothing.</p>");
    const QString count = reach.pathCount < 1e6 ? QString::number(qint64(reach.pathCount))
                                                : countText(reach.pathCount);
    out += QObject::tr("<p>It feeds <b>%1</b> through %2 of our direct suppliers, by %3 %4.</p>")
               .arg(names(net, reach.products, 6))
               .arg(reach.customers.size())
               .arg(count, reach.pathCount == 1.0 ? QObject::tr("path") : QObject::tr("paths"));
    if (reach.products.empty())
        out = QObject::tr("<h4>How it reaches our products</h4><p>It reaches what we buy, by %1 "
                          "paths, but no product's bill of materials needs it.</p>")
                  .arg(count);
    out += QStringLiteral("<ul>");
    for (const an::SitePath& path : reach.paths) {
        const an::Index last = path.steps.back().material;
        QStringList steps;
        for (const an::SitePathStep& st : path.steps) {
            // The seller of a later step is the buyer of the one before: "which sells".
            const QString seller = steps.isEmpty() ? siteName(net, st.site) : QObject::tr("which");
            const QString material = esc(d.materials[size_t(st.material)].name);
            if (st.buyer == an::kSelf)
                steps << QObject::tr("%1 sells <i>%2</i> to us (%3 of our supply, lead time %4)")
                             .arg(seller, material, percentText(st.share),
                                  daysText(st.leadTimeDays));
            else
                steps << QObject::tr("%1 sells <i>%2</i> to <b>%3</b> (%4 of its supply, lead "
                                     "time %5)")
                             .arg(seller, material, siteName(net, st.buyer), percentText(st.share),
                                  daysText(st.leadTimeDays));
        }
        out +=
            QObject::tr("<li><b>%1</b> of our %2: %3%4</li>")
                .arg(percentText(path.weight), esc(d.materials[size_t(last)].name),
                     steps.join(QStringLiteral(" → ")),
                     path.products.empty() ? QString()
                                           : QStringLiteral(" → ") + names(net, path.products, 4));
    }
    if (reach.pathCount > double(reach.paths.size()))
        out += QObject::tr("<li>%1 more paths</li>")
                   .arg(reach.pathCount < 1e6
                            ? QString::number(qint64(reach.pathCount) - qint64(reach.paths.size()))
                            : countText(reach.pathCount - double(reach.paths.size())));
    return out + QStringLiteral("</ul>");
}

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

// SPDX-License-Identifier: MIT
#include "ui/reachhtml.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include "core/analysis/materialreach.h"
#include "ui/displayformat.h"
#include "ui/selectionkey.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {
QString tr(const char* text) {
    return QObject::tr(text);
}
QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
// Name left (wraps), figure right on one line: the dock's table layout (ui/detailshtml.cpp).
QString figureRow(const QString& name, const QString& figure) {
    return QStringLiteral(
               "<tr><td>%1</td><td align='right' style='white-space:nowrap'>%2</td></tr>")
        .arg(name, figure);
}
QString table(const QString& rows) {
    return QStringLiteral("<table width='100%' cellspacing='0' cellpadding='2'>%1</table>")
        .arg(rows);
}
} // namespace

QString selectLink(const Selection& selection, const QString& text) {
    return QStringLiteral("<a href='select:%1'>%2</a>")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(selectionKey(selection), ":")), text);
}

QString reachHtml(const an::Network& net, an::Index material, const ExposureSet& exposure,
                  an::Lens lens) {
    const auto& d = net.data();
    const an::MaterialReach& reach = exposure.reachForLens(lens)[size_t(material)];
    QString out = QStringLiteral("<h4>%1</h4>")
                      .arg(tr("Through what it feeds (%1 lens)").arg(lensText(lens).toLower()));
    if (reach.tiers == 0 || reach.feeds.empty())
        return out + tr("<p>Nothing we buy or list in a bill of materials needs it.</p>");

    QStringList tiers;
    for (const int t : reach.tierList())
        tiers << QString::number(t);
    out += tr("<p>Needed at tier %1. Up to <b>%2</b> of a material we buy needs it from "
              "exposed sources: the share of our supply that stops if its exposed supply "
              "stops.</p>")
               .arg(tiers.join(QStringLiteral(", ")), percentText(reach.dependence));

    QString feeds;
    for (const an::ReachedMaterial& fed : reach.feeds) {
        const auto& m = d.materials[size_t(fed.material)];
        QString name = selectLink({SelectionKind::Material, qs(m.id)}, esc(m.name));
        // The recipe chain between the two, e.g. "via LFP cathode".
        const std::vector<an::Index> path = an::recipePath(net, fed.material, material);
        QStringList via;
        for (size_t i = 1; i + 1 < path.size(); ++i)
            via << esc(d.materials[size_t(path[i])].name);
        if (!via.isEmpty())
            name += QStringLiteral("<br><small>%1</small>")
                        .arg(tr("via %1").arg(via.join(QStringLiteral(" \u2190 "))));
        feeds += figureRow(name, percentText(fed.dependence));
    }
    out += QStringLiteral("<p><b>%1</b></p>").arg(tr("What we buy that needs it")) + table(feeds);

    QString products;
    for (const an::ReachedProduct& p : reach.products) {
        const auto& prod = d.products[size_t(p.product)];
        QString name = selectLink({SelectionKind::Product, qs(prod.id)}, esc(prod.name));
        if (p.revenueAtRisk)
            name += QStringLiteral("<br><small>%1</small>")
                        .arg(tr("%1 revenue at risk through it").arg(moneyText(*p.revenueAtRisk)));
        products += figureRow(name, percentText(p.dependence));
    }
    out +=
        QStringLiteral("<p><b>%1</b></p>").arg(tr("Our products that need it")) + table(products);
    return out;
}

} // namespace chokepoint::ui

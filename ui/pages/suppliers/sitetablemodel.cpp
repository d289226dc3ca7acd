// SPDX-License-Identifier: MIT
#include "ui/pages/suppliers/sitetablemodel.h"

#include <QStringList>

#include "ui/displayformat.h"
#include "ui/pages/suppliers/suppliertablemodel.h"
#include "ui/pages/suppliers/viewtext.h"
#include "ui/selectionkey.h"

namespace chokepoint::ui {

namespace an = core::analysis;
using namespace viewtext;

namespace {
constexpr Qt::Alignment kRight = Qt::AlignRight | Qt::AlignVCenter;
} // namespace

SiteTableModel::SiteTableModel(QObject* parent)
    : TableModel(
          {{tr("Site")},
           {tr("Tier"), kRight,
            tr("Lowest tier at which it supplies us: 1 = we buy from it directly; alt. = "
               "only an alternative source")},
           {tr("Country")},
           {tr("Spend at risk"), kRight, tr("Σ spend × dependence over our links to the site")},
           {tr("Dependence"), kRight,
            tr("China dependence of its output (f): 100 % when it is exposed itself, else "
               "the largest dependence of its inputs. The largest over what it supplies.")},
           {tr("Exposure"), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Exposed: its own output counts under the current lens. Through inputs: only "
               "what it buys is exposed.")},
           {tr("Supplies")},
           {tr("Supplier")},
           {tr("Owner"), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Country of the supplier's ultimate parent")},
           {tr("Spend"), kRight, tr("Our tier-1 annual spend at the site")},
           {tr("Controlled technologies"), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Technologies it depends on that an export control in force covers")},
           {tr("For our"), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Our materials whose supply chain reaches the site")}},
          parent) {}

void SiteTableModel::setView(const an::Network& net, const an::SupplierViewResult& view) {
    const auto& d = net.data();
    QVector<Row> rows;
    for (const an::SiteView& s : view.sites) {
        const auto& site = d.sites[size_t(s.site)];
        Row row;
        row.key = selectionKey({SelectionKind::Site, qs(site.id)});
        const an::Index country = net.siteCountry[size_t(s.site)];
        const an::Index owner =
            s.supplier == an::kNone ? an::kNone : net.supplierOwner[size_t(s.supplier)];
        std::vector<an::Index> supplies;
        QStringList perMaterial;
        for (const an::SiteSupply& sup : s.supplies) {
            supplies.push_back(sup.material);
            perMaterial << tr("%1 (tier %2): %3%4")
                               .arg(qs(d.materials[size_t(sup.material)].name).toHtmlEscaped(),
                                    tierText(sup.tier), percentText(sup.f),
                                    sup.exposed ? tr(", exposed itself") : QString());
        }
        Cell dep = percent(s.dependence);
        dep.tooltip = perMaterial.join(QStringLiteral("<br>"));
        const int level = s.exposed ? 2 : (s.dependence > 0.0 ? 1 : 0);
        const QString exposure = level == 2   ? tr("Exposed")
                                 : level == 1 ? tr("Through inputs")
                                              : tr("No");
        QString suppliesFull;
        const QString suppliesText = materialList(net, supplies, &suppliesFull);
        row.cells << text(siteName(net, s.site),
                          QStringLiteral("<b>%1</b><br>id: %2")
                              .arg(siteName(net, s.site).toHtmlEscaped(), qs(site.id)))
                  << Cell{tierText(s.tier), s.tier ? *s.tier : kAlternativeTierSort, {}}
                  << text(countryName(net, country), qs(site.country)) << money(s.spendAtRisk)
                  << dep << Cell{exposure, level, {}} << text(suppliesText, suppliesFull)
                  << text(supplierName(net, s.supplier)) << text(countryName(net, owner))
                  << money(s.spend);
        QString techFull, servesFull;
        row.cells << text(technologyList(net, s.controlledTechnologies, &techFull), techFull);
        row.cells << text(materialList(net, s.serves, &servesFull), servesFull);
        rows << row;
    }
    setRows(std::move(rows));
}

void SiteTableModel::clear() {
    setRows({});
}

} // namespace chokepoint::ui

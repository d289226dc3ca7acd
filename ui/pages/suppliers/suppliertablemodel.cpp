// SPDX-License-Identifier: MIT
#include "ui/pages/suppliers/suppliertablemodel.h"

#include "ui/displayformat.h"
#include "ui/pages/suppliers/viewtext.h"
#include "ui/selectionkey.h"

namespace chokepoint::ui {

namespace an = core::analysis;
using namespace viewtext;

namespace {
constexpr Qt::Alignment kRight = Qt::AlignRight | Qt::AlignVCenter;
} // namespace

SupplierTableModel::SupplierTableModel(QObject* parent)
    : TableModel(
          {{tr("Supplier")},
           {tr("Tier"), kRight,
            tr("Lowest tier at which its sites supply us: 1 = we buy from it directly; "
               "alt. = only an alternative source")},
           {tr("Spend at risk"), kRight,
            tr("Σ spend × dependence of its sites: sort by it to find whom to call first")},
           {tr("Dependence"), kRight,
            tr("China dependence of what we buy from it directly: Σ share × dependence / Σ "
               "share over our tier-1 links (tier-1 suppliers only)")},
           {tr("Spend"), kRight, tr("Our tier-1 annual spend with it")},
           {tr("Exposed sites"), kRight,
            tr("Sites whose own output counts as exposed under the current lens")},
           {tr("Owner country"), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Country of the ultimate parent")},
           {tr("Country"), Qt::AlignLeft | Qt::AlignVCenter, tr("Country of its headquarters")},
           {tr("Sites"), kRight, tr("Its sites in our supply network")},
           {tr("Controlled technologies"), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Technologies its sites depend on that an export control in force covers")},
           {tr("Supplies")}},
          parent) {}

void SupplierTableModel::setView(const an::Network& net, const an::SupplierViewResult& view) {
    const auto& d = net.data();
    QVector<Row> rows;
    for (const an::SupplierView& s : view.suppliers) {
        const auto& sup = d.suppliers[size_t(s.supplier)];
        Row row;
        row.key = selectionKey({SelectionKind::Supplier, qs(sup.id)});
        const an::Index hq = net.supplierHq[size_t(s.supplier)];
        const an::Index owner = net.supplierOwner[size_t(s.supplier)];
        Cell dep = percent(s.dependence);
        if (!s.dependence)
            dep.tooltip = tr("We do not buy from it directly");
        row.cells << text(qs(sup.name), QStringLiteral("<b>%1</b><br>id: %2")
                                            .arg(qs(sup.name).toHtmlEscaped(), qs(sup.id)))
                  << Cell{tierText(s.tier), s.tier ? *s.tier : kAlternativeTierSort, {}}
                  << money(s.spendAtRisk) << dep << money(s.spend)
                  << Cell{tr("%1 of %2").arg(s.exposedSites).arg(s.sites.size()),
                          double(s.exposedSites),
                          {}}
                  << text(countryName(net, owner)) << text(countryName(net, hq))
                  << count(double(s.sites.size()));
        QString techFull, suppliesFull;
        const QString tech = technologyList(net, s.controlledTechnologies, &techFull);
        row.cells << text(tech, techFull);
        const QString supplies = materialList(net, s.supplies, &suppliesFull);
        row.cells << text(supplies, suppliesFull);
        rows << row;
    }
    setRows(std::move(rows));
}

void SupplierTableModel::clear() {
    setRows({});
}

} // namespace chokepoint::ui

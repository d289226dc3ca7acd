// SPDX-License-Identifier: MIT
#include "ui/models/chokepointmodel.h"

#include "ui/displayformat.h"
#include "ui/selectionkey.h"

namespace chokepoint::ui {

namespace an = core::analysis;

ChokepointModel::ChokepointModel(QObject* parent)
    : TableModel({{tr("Chokepoint")},
                  {tr("Type")},
                  {tr("Dependence"), Qt::AlignRight | Qt::AlignVCenter,
                   tr("Material: its China dependence. Site: the part of our supply of the "
                      "material that it carries exposed.")},
                  {tr("Spend at risk"), Qt::AlignRight | Qt::AlignVCenter},
                  {tr("Why")}},
                 parent) {}

void ChokepointModel::setSummary(const an::Network& net, const an::Summary& summary) {
    const auto& d = net.data();
    QVector<Row> rows;
    for (const an::Chokepoint& c : summary.chokepoints) {
        Row row;
        const QString why = QString::fromStdString(c.why);
        if (c.kind == an::ChokepointKind::Material) {
            const auto& m = d.materials[size_t(c.material)];
            row.key = selectionKey({SelectionKind::Material, QString::fromStdString(m.id)});
            row.cells << text(QString::fromStdString(m.name)) << text(tr("Material"));
        } else {
            const auto& s = d.sites[size_t(c.site)];
            const auto& supplier = d.suppliers[size_t(net.siteSupplier[size_t(c.site)])];
            row.key = selectionKey({SelectionKind::Site, QString::fromStdString(s.id)});
            row.cells << text(QString::fromStdString(s.name ? *s.name : s.id),
                              tr("Site of %1").arg(QString::fromStdString(supplier.name)))
                      << text(tr("Site"));
        }
        Cell dependence = percent(c.dependence);
        if (c.kind == an::ChokepointKind::Material)
            for (const an::MaterialSummary& m : summary.materials)
                if (m.material == c.material) { // a material's figure with its range
                    dependence.text =
                        percentRangeText(m.dependence, m.dependenceLow, m.dependenceHigh);
                    dependence.tooltip = rangeExplanation();
                }
        row.cells << dependence << money(c.spendAtRisk) << text(why, why);
        rows << row;
    }
    setRows(std::move(rows));
}

void ChokepointModel::clear() {
    setRows({});
}

} // namespace chokepoint::ui

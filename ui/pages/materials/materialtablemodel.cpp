// SPDX-License-Identifier: MIT
#include "ui/pages/materials/materialtablemodel.h"

#include <QStringList>

#include "core/analysis/supplybreakdown.h"
#include "ui/displayformat.h"
#include "ui/selectionkey.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {
constexpr Qt::Alignment kRight = Qt::AlignRight | Qt::AlignVCenter;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

const an::MaterialExposure* findMaterial(const an::ExposureResult& r, an::Index m) {
    for (const an::MaterialExposure& e : r.materials)
        if (e.material == m)
            return &e;
    return nullptr;
}
} // namespace

MaterialTableModel::MaterialTableModel(QObject* parent)
    : TableModel(
          {{tr("Material")},
           {tr("Stage")},
           {tr("Location"), kRight, tr("China dependence under the location lens: sites in China")},
           {tr("Ownership"), kRight,
            tr("China dependence under the ownership lens: sites in China or owned from China")},
           {tr("Export controls"), kRight,
            tr("China dependence under the export-controls lens at the as-of date")},
           {tr("Direct share"), kRight,
            tr("Tier-1 part of the dependence under the current lens: our purchases from "
               "exposed sites")},
           {tr("Spend at risk"), kRight,
            tr("Σ spend × dependence of each tier-1 site, under the current lens")},
           {tr("HHI"), kRight,
            tr("Concentration of our tier-1 country mix (Herfindahl–Hirschman index, "
               "0–10,000)")},
           {tr("World HHI"), kRight, tr("Concentration of world production by country")},
           {tr("Inventory"), kRight, tr("Days of need on hand")},
           {tr("Used in"), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Products that need the material, directly or through their parts")}},
          parent) {}

void MaterialTableModel::setFigures(const ExposureSet& exposure, const an::Summary& summary) {
    const an::Network& net = *exposure.network;
    const core::Dataset& d = net.data();
    QVector<Row> rows;
    for (const an::MaterialSummary& s : summary.materials) {
        const auto& mat = d.materials[size_t(s.material)];
        Row row;
        row.key = selectionKey({SelectionKind::Material, qs(mat.id)});
        row.cells << text(qs(mat.name), QStringLiteral("<b>%1</b><br>id: %2")
                                            .arg(qs(mat.name).toHtmlEscaped(), qs(mat.id)))
                  << text(stageText(mat.stage));
        for (const an::Lens lens : {an::Lens::Location, an::Lens::Owned, an::Lens::Controlled}) {
            const an::MaterialExposure* e = findMaterial(exposure.forLens(lens), s.material);
            Cell cell = percent(e ? e->dependence : 0.0);
            if (e) {
                cell.text = percentRangeText(e->dependence, e->dependenceLow, e->dependenceHigh);
                cell.tooltip = tr("%1 lens: %2 dependent (range %3)<br>tier 1 (direct): %4<br>%5")
                                   .arg(lensText(lens), percentText(e->dependence),
                                        rangeText(e->dependenceLow, e->dependenceHigh),
                                        percentText(e->directShare), rangeExplanation());
            }
            row.cells << cell;
        }
        Cell direct = percent(s.directShare);
        direct.tooltip = tr("Direct (tier 1): %1<br>Deeper tiers and unknown origin: %2")
                             .arg(percentText(s.directShare), percentText(s.deeperShare));
        Cell atRisk = money(s.spendAtRisk);
        atRisk.tooltip = tr("Spend at risk %1 of our tier-1 spend %2")
                             .arg(moneyText(s.spendAtRisk), moneyText(s.spend));
        row.cells << direct << atRisk;
        const an::MaterialExposure* current =
            findMaterial(exposure.forLens(summary.lens), s.material);
        const std::optional<double> worldHhi = current ? current->worldHhi : std::nullopt;
        row.cells << Cell{hhiText(s.hhi), s.hhi ? QVariant(*s.hhi) : QVariant(-1.0),
                          s.singleCountry ? tr("All tier-1 supply from one country") : QString()}
                  << Cell{hhiText(worldHhi), worldHhi ? QVariant(*worldHhi) : QVariant(-1.0), {}};
        const core::InventoryLevel* inventory = nullptr;
        for (const auto& inv : d.inventory)
            if (inv.materialId == mat.id)
                inventory = &inv;
        row.cells << (inventory ? Cell{daysText(inventory->daysOnHand), inventory->daysOnHand, {}}
                                : Cell{missingText(), -1.0, tr("No inventory recorded")});
        QStringList products, full;
        for (const an::Index p : an::productsUsing(net, s.material)) {
            products << qs(d.products[size_t(p)].name);
            full << qs(d.products[size_t(p)].name).toHtmlEscaped();
        }
        row.cells << text(products.join(QStringLiteral(", ")), full.join(QStringLiteral("<br>")));
        rows << row;
    }
    setRows(std::move(rows));
}

void MaterialTableModel::clear() {
    setRows({});
}

} // namespace chokepoint::ui

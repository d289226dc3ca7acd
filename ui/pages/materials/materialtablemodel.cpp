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
           {tr("Tier"), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Where we need it: tier 1 = in a product's bill of materials or bought by us; "
               "tier 2 = an input of a tier-1 material; …")},
           {tr("Location"), kRight,
            tr("China dependence as we buy it, under the location lens: sites in China "
               "(materials we buy or list in a bill of materials)")},
           {tr("Ownership"), kRight,
            tr("China dependence as we buy it, under the ownership lens: sites in China or "
               "owned from China")},
           {tr("Export controls"), kRight,
            tr("China dependence as we buy it, under the export-controls lens at the as-of "
               "date")},
           {tr("Through what it feeds"), kRight,
            tr("Under the current lens: the largest share of a material we buy that needs this "
               "material from exposed sources, at any tier (every material, also those far up "
               "the chain)")},
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

void MaterialTableModel::setFigures(const ExposureSet& exposure, const an::Summary& summary,
                                    const std::vector<char>& keep) {
    const an::Network& net = *exposure.network;
    const core::Dataset& d = net.data();
    const std::vector<an::MaterialReach>& reach = exposure.reachForLens(summary.lens);
    std::vector<const an::MaterialSummary*> summaryOf(net.materials.size(), nullptr);
    for (const an::MaterialSummary& s : summary.materials)
        summaryOf[size_t(s.material)] = &s;
    std::vector<const core::InventoryLevel*> inventoryOf(net.materials.size(), nullptr);
    for (const auto& inv : d.inventory)
        if (const an::Index m = net.materials.find(inv.materialId); m != an::kNone)
            inventoryOf[size_t(m)] = &inv;

    QVector<Row> rows;
    int reported = 0;
    for (size_t m = 0; m < net.materials.size(); ++m) {
        if (m >= keep.size() || !keep[m])
            continue;
        const an::Index material = an::Index(m);
        const auto& mat = d.materials[m];
        const an::MaterialReach& r = reach[m];
        const an::MaterialSummary* s = summaryOf[m];
        const bool isReported = (r.tiers & 1) != 0;
        reported += isReported ? 1 : 0;
        Row row;
        row.key = selectionKey({SelectionKind::Material, qs(mat.id)});
        row.cells << text(qs(mat.name), QStringLiteral("<b>%1</b><br>id: %2")
                                            .arg(qs(mat.name).toHtmlEscaped(), qs(mat.id)))
                  << text(stageText(mat.stage));
        QStringList tiers;
        for (const int t : r.tierList())
            tiers << QString::number(t);
        row.cells << Cell{tiers.isEmpty() ? missingText() : tiers.join(QStringLiteral(", ")),
                          tiers.isEmpty() ? 99 : r.tierList().front(),
                          tiers.isEmpty() ? tr("Nothing we report needs it") : QString()};
        for (const an::Lens lens : {an::Lens::Location, an::Lens::Owned, an::Lens::Controlled}) {
            const an::MaterialExposure* e = findMaterial(exposure.forLens(lens), material);
            Cell cell = e ? percent(e->dependence)
                          : Cell{missingText(), -1.0,
                                 tr("We neither buy it nor list it in a bill of materials: see "
                                    "\u201cThrough what it feeds\u201d")};
            if (e) {
                cell.text = percentRangeText(e->dependence, e->dependenceLow, e->dependenceHigh);
                cell.tooltip = tr("%1 lens: %2 dependent (range %3)<br>tier 1 (direct): %4<br>%5")
                                   .arg(lensText(lens), percentText(e->dependence),
                                        rangeText(e->dependenceLow, e->dependenceHigh),
                                        percentText(e->directShare), rangeExplanation());
            }
            row.cells << cell;
        }
        Cell through = percent(r.dependence);
        if (!r.feeds.empty()) {
            const an::ReachedMaterial& top = r.feeds.front();
            through.tooltip = tr("%1 lens: up to %2 of our %3 needs it from exposed sources")
                                  .arg(lensText(summary.lens), percentText(top.dependence),
                                       qs(d.materials[size_t(top.material)].name).toHtmlEscaped());
            if (r.revenueAtRisk)
                through.tooltip +=
                    tr("<br>Revenue at risk through it: %1").arg(moneyText(*r.revenueAtRisk));
        } else {
            through.tooltip = tr("It feeds nothing we buy or list in a bill of materials");
        }
        row.cells << through;
        if (s) {
            Cell direct = percent(s->directShare);
            direct.tooltip = tr("Direct (tier 1): %1<br>Deeper tiers and unknown origin: %2")
                                 .arg(percentText(s->directShare), percentText(s->deeperShare));
            Cell atRisk = money(s->spendAtRisk);
            atRisk.tooltip = tr("Spend at risk %1 of our tier-1 spend %2")
                                 .arg(moneyText(s->spendAtRisk), moneyText(s->spend));
            row.cells << direct << atRisk
                      << Cell{hhiText(s->hhi), s->hhi ? QVariant(*s->hhi) : QVariant(-1.0),
                              s->singleCountry ? tr("All tier-1 supply from one country")
                                               : QString()};
        } else {
            const QString notBought = tr("We do not buy it directly");
            row.cells << Cell{missingText(), -1.0, notBought}
                      << Cell{missingText(), -1.0, notBought}
                      << Cell{missingText(), -1.0, notBought};
        }
        const an::MaterialExposure* current =
            findMaterial(exposure.forLens(summary.lens), material);
        const std::optional<double> worldHhi = current ? current->worldHhi : std::nullopt;
        row.cells << Cell{hhiText(worldHhi), worldHhi ? QVariant(*worldHhi) : QVariant(-1.0),
                          current ? QString()
                                  : tr("Computed for the materials we report; its world "
                                       "production is in the chart below")};
        const core::InventoryLevel* inventory = inventoryOf[m];
        row.cells << (inventory ? Cell{daysText(inventory->daysOnHand), inventory->daysOnHand, {}}
                                : Cell{missingText(), -1.0, tr("No inventory recorded")});
        QStringList products, full;
        for (const an::ReachedProduct& p : r.products) {
            const QString name = qs(d.products[size_t(p.product)].name);
            products << name;
            full << tr("%1: %2 through it").arg(name.toHtmlEscaped(), percentText(p.dependence));
        }
        row.cells << text(products.join(QStringLiteral(", ")), full.join(QStringLiteral("<br>")));
        rows << row;
    }
    m_reported = reported;
    setRows(std::move(rows));
}

void MaterialTableModel::clear() {
    m_reported = 0;
    setRows({});
}

} // namespace chokepoint::ui

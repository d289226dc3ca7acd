// SPDX-License-Identifier: MIT
#include "ui/pages/controls/impactmodels.h"

#include <QStringList>

#include "ui/displayformat.h"
#include "ui/selectionkey.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {

constexpr Qt::Alignment kRight = Qt::AlignRight | Qt::AlignVCenter;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString siteName(const an::Network& net, an::Index s) {
    const auto& site = net.data().sites[size_t(s)];
    return qs(site.name ? *site.name : site.id);
}

QString countryName(const an::Network& net, an::Index site) {
    const an::Index c = net.siteCountry[size_t(site)];
    return c == an::kNone ? missingText() : qs(net.data().countries[size_t(c)].name);
}

TableModel::Cell tierCell(int tier) {
    return tier == 0 ? TableModel::Cell{TableModel::tr("not ours"), 1000, {}}
                     : TableModel::Cell{QString::number(tier), tier, {}};
}

QString controlList(const an::Network& net, const std::vector<an::Index>& controls) {
    QStringList ids;
    for (const an::Index c : controls)
        ids << qs(net.controlIds.id(c));
    return ids.isEmpty() ? TableModel::tr("none") : ids.join(QStringLiteral(", "));
}

} // namespace

QString flowChangeText(an::FlowChange change) {
    switch (change) {
    case an::FlowChange::BecameControlled:
        return TableModel::tr("became controlled");
    case an::FlowChange::BecameFree:
        return TableModel::tr("became free");
    case an::FlowChange::CoverChanged:
        return TableModel::tr("other controls");
    case an::FlowChange::InputsChanged:
        return TableModel::tr("through its inputs");
    }
    return {};
}

ImpactMaterialModel::ImpactMaterialModel(QObject* parent)
    : TableModel({{tr("Material")},
                  {tr("Dependence"), kRight,
                   tr("Dependence with only this measure in force (controlled lens)")},
                  {tr("Direct"), kRight, tr("The tier-1 part of the dependence")},
                  {tr("Tier-1 spend"), kRight},
                  {tr("Spend at risk"), kRight}},
                 parent) {}

void ImpactMaterialModel::setImpact(const an::Network& net, const an::MeasureImpact& m) {
    QVector<Row> rows;
    for (const an::MaterialSummary& s : m.summary.materials) {
        if (s.dependence <= 0.0)
            continue;
        const auto& mat = net.data().materials[size_t(s.material)];
        rows << Row{selectionKey({SelectionKind::Material, qs(mat.id)}),
                    {text(qs(mat.name)), percent(s.dependence), percent(s.directShare),
                     money(s.spend), money(s.spendAtRisk)}};
    }
    setRows(std::move(rows));
}

ImpactProductModel::ImpactProductModel(QObject* parent)
    : TableModel({{tr("Product")},
                  {tr("Dependence"), kRight},
                  {tr("Revenue"), kRight},
                  {tr("Revenue at risk"), kRight}},
                 parent) {}

void ImpactProductModel::setImpact(const an::Network& net, const an::MeasureImpact& m) {
    QVector<Row> rows;
    for (const an::ProductSummary& p : m.summary.products) {
        const auto& prod = net.data().products[size_t(p.product)];
        rows << Row{
            selectionKey({SelectionKind::Product, qs(prod.id)}),
            {text(qs(prod.name)), percent(p.dependence), money(p.revenue), money(p.revenueAtRisk)}};
    }
    setRows(std::move(rows));
}

ImpactSiteModel::ImpactSiteModel(QObject* parent)
    : TableModel({{tr("Site")},
                  {tr("Supplier")},
                  {tr("Country")},
                  {tr("Material")},
                  {tr("Covered as"), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("material: an export of a listed material from the issuing country to "
                      "a destination the measure reaches; technology: a plant outside the "
                      "issuing country that uses a listed technology it gets from the issuer "
                      "(licence, equipment, know-how)")},
                  {tr("Tier"), kRight, tr("Supply links between us and the site")},
                  {tr("Our share"), kRight, tr("Share of our own supply of the material")},
                  {tr("Spend at risk"), kRight}},
                 parent) {}

void ImpactSiteModel::setImpact(const an::Network& net, const an::MeasureImpact& m) {
    QVector<Row> rows;
    const auto& d = net.data();
    for (const an::MeasureFlow& f : m.flows) {
        QStringList through;
        if (f.byMaterial)
            through << tr("material");
        if (f.byTechnology)
            through << tr("technology from the issuer, used abroad");
        const auto& supplier = d.suppliers[size_t(net.siteSupplier[size_t(f.site)])];
        rows << Row{selectionKey({SelectionKind::Site, qs(net.sites.id(f.site))}),
                    {text(siteName(net, f.site)), text(qs(supplier.name)),
                     text(countryName(net, f.site)), text(qs(d.materials[size_t(f.material)].name)),
                     text(through.join(QStringLiteral(", "))), tierCell(f.tier),
                     f.tier == 1 ? percent(f.ourShare) : Cell{missingText(), -1.0, {}},
                     money(f.spendAtRisk)}};
    }
    setRows(std::move(rows));
}

ImpactSupplierModel::ImpactSupplierModel(QObject* parent)
    : TableModel({{tr("Supplier")},
                  {tr("Owner country")},
                  {tr("Our share"), kRight, tr("Σ share of our links to its sites")},
                  {tr("Dependence"), kRight,
                   tr("Σ w · f / Σ w over our links to its sites, this measure alone")}},
                 parent) {}

void ImpactSupplierModel::setImpact(const an::Network& net, const an::MeasureImpact& m) {
    QVector<Row> rows;
    const auto& d = net.data();
    for (const an::SupplierExposure& s : m.suppliers) {
        const auto& sup = d.suppliers[size_t(s.supplier)];
        QString owner = missingText();
        if (const an::Index c = net.supplierOwner[size_t(s.supplier)]; c != an::kNone)
            owner = qs(d.countries[size_t(c)].name);
        rows << Row{selectionKey({SelectionKind::Supplier, qs(sup.id)}),
                    {text(qs(sup.name)), text(owner), percent(s.share), percent(s.dependence)}};
    }
    setRows(std::move(rows));
}

DiffFlowModel::DiffFlowModel(QObject* parent)
    : TableModel(
          {{tr("Site")},
           {tr("Country")},
           {tr("Material")},
           {tr("Change")},
           {tr("Controls before"), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Controls in force on the first date that cover the flow")},
           {tr("Controls after"), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Controls in force on the second date that cover the flow")},
           {tr("Tier"), kRight},
           {tr("Exposed before"), kRight, tr("f(s, m) on the first date")},
           {tr("Exposed after"), kRight, tr("f(s, m) on the second date")},
           {tr("Δ spend at risk"), kRight, tr("Change of our spend at risk on this tier-1 link")}},
          parent) {}

void DiffFlowModel::setDiff(const an::Network& net, const an::ExposureDiff& diff) {
    QVector<Row> rows;
    const auto& d = net.data();
    for (const an::FlowDiff& f : diff.flows) {
        Cell delta{missingText(), 0.0, {}};
        if (f.spendAtRiskBefore && f.spendAtRiskAfter) {
            const double change = *f.spendAtRiskAfter - *f.spendAtRiskBefore;
            delta = {
                (change > 0 ? QStringLiteral("+") : QString()) + moneyText(change), change,
                tr("%1 → %2").arg(moneyText(f.spendAtRiskBefore), moneyText(f.spendAtRiskAfter))};
        }
        rows << Row{selectionKey({SelectionKind::Site, qs(net.sites.id(f.site))}),
                    {text(siteName(net, f.site)), text(countryName(net, f.site)),
                     text(qs(d.materials[size_t(f.material)].name)), text(flowChangeText(f.change)),
                     text(controlList(net, f.controlsBefore)),
                     text(controlList(net, f.controlsAfter)), tierCell(f.tier), percent(f.fBefore),
                     percent(f.fAfter), delta}};
    }
    setRows(std::move(rows));
}

} // namespace chokepoint::ui

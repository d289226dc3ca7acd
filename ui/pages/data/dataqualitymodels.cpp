// SPDX-License-Identifier: MIT
#include "ui/pages/data/dataqualitymodels.h"

#include "ui/appstate.h"
#include "ui/displayformat.h"
#include "ui/importwizard/plural.h"
#include "ui/selectionkey.h"

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {

constexpr Qt::Alignment kRight = Qt::AlignRight | Qt::AlignVCenter;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString countryName(const an::Network& net, const std::string& iso3) {
    const an::Index c = net.countries.find(iso3);
    return c == an::kNone ? qs(iso3) : qs(net.data().countries[size_t(c)].name);
}

TableModel::Cell countryCell(const an::Network& net, const std::optional<std::string>& iso3) {
    if (!iso3)
        return {missingText(), QString(), {}};
    return {countryName(net, *iso3), qs(*iso3), qs(*iso3)};
}

TableModel::Cell materialCell(const an::Network& net, an::Index m) {
    const core::Material& mat = net.data().materials[size_t(m)];
    return TableModel::text(qs(mat.name), qs(mat.id));
}

QString materialKey(const an::Network& net, an::Index m) {
    return selectionKey({SelectionKind::Material, qs(net.materials.id(m))});
}

} // namespace

Tier2OriginModel::Tier2OriginModel(QObject* parent)
    : TableModel({{tr("Material")},
                  {tr("Tier-1 spend"), kRight},
                  {tr("Known tier-2 origin"), kRight,
                   tr("The part of this spend whose suppliers declare where their inputs come "
                      "from (the least declared input counts)")}},
                 parent) {}

void Tier2OriginModel::set(const an::Network& net, const an::DataQuality& quality) {
    QVector<Row> rows;
    for (const an::Tier2Origin& t : quality.tier2)
        rows.push_back({materialKey(net, t.material),
                        {materialCell(net, t.material), money(t.spend), percent(t.knownShare)}});
    setRows(std::move(rows));
}

UnknownOriginModel::UnknownOriginModel(QObject* parent)
    : TableModel({{tr("Material")},
                  {tr("Stage")},
                  {tr("Unknown origin"), kRight,
                   tr("The part of our supply whose origin is not known at some tier")}},
                 parent) {}

void UnknownOriginModel::set(const an::Network& net, const an::DataQuality& quality) {
    QVector<Row> rows;
    for (const an::UnknownOrigin& u : quality.mostlyUnknown)
        rows.push_back({materialKey(net, u.material),
                        {materialCell(net, u.material),
                         text(stageText(net.data().materials[size_t(u.material)].stage)),
                         percent(u.unknownShare)}});
    setRows(std::move(rows));
}

OwnerlessSupplierModel::OwnerlessSupplierModel(QObject* parent)
    : TableModel({{tr("Supplier")}, {tr("Id")}, {tr("Headquarters")}}, parent) {}

void OwnerlessSupplierModel::set(const an::Network& net, const an::DataQuality& quality) {
    QVector<Row> rows;
    for (const an::Index s : quality.suppliersWithoutOwner) {
        const core::Supplier& sup = net.data().suppliers[size_t(s)];
        rows.push_back({selectionKey({SelectionKind::Supplier, qs(sup.id)}),
                        {text(qs(sup.name)), text(qs(sup.id)), countryCell(net, sup.hqCountry)}});
    }
    setRows(std::move(rows));
}

SiteWithoutTechnologyModel::SiteWithoutTechnologyModel(QObject* parent)
    : TableModel({{tr("Site")}, {tr("Supplier")}, {tr("Country")}}, parent) {}

void SiteWithoutTechnologyModel::set(const an::Network& net, const an::DataQuality& quality) {
    const core::Dataset& d = net.data();
    QVector<Row> rows;
    for (const an::Index s : quality.sitesWithoutTechnologies) {
        const core::Site& site = d.sites[size_t(s)];
        const an::Index sup = net.suppliers.find(site.supplierId);
        rows.push_back(
            {selectionKey({SelectionKind::Site, qs(site.id)}),
             {text(qs(site.name.value_or(site.id)), qs(site.id)),
              text(sup == an::kNone ? qs(site.supplierId) : qs(d.suppliers[size_t(sup)].name)),
              countryCell(net, site.country)}});
    }
    setRows(std::move(rows));
}

OldWorldShareModel::OldWorldShareModel(QObject* parent)
    : TableModel({{tr("Material")},
                  {tr("Country")},
                  {tr("World share"), kRight},
                  {tr("Year"), kRight},
                  {tr("Age"), kRight, tr("Years before the as-of date")},
                  {tr("Source")}},
                 parent) {}

void OldWorldShareModel::set(const an::Network& net, const an::DataQuality& quality) {
    const core::Dataset& d = net.data();
    QVector<Row> rows;
    for (const an::OldWorldShare& o : quality.oldWorldShares) {
        const core::WorldShare& w = d.worldShares[o.row];
        const an::Index m = net.materials.find(w.materialId);
        rows.push_back(
            {materialKey(net, m),
             {materialCell(net, m), countryCell(net, w.country), percent(w.share),
              w.year ? Cell{QString::number(*w.year), *w.year, {}} : Cell{missingText(), -1, {}},
              o.age ? Cell{plural(*o.age, tr("%1 year"), tr("%1 years")), *o.age, {}}
                    : Cell{tr("no year"), 1000, {}},
              text(qs(w.source.value_or(std::string())))}});
    }
    setRows(std::move(rows));
}

} // namespace chokepoint::ui

// SPDX-License-Identifier: MIT
#include "core/io/tableschema.h"

#include "core/model/profile.h"

namespace chokepoint::core::io {

int TableSpec::columnIndex(std::string_view column) const {
    for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == column)
            return int(i);
    return -1;
}

const std::vector<TableSpec>& tableSpecs() {
    using T = ColumnType;
    static const std::vector<TableSpec> specs = {
        {"countries",
         true,
         {{"iso3", true, T::Id}, {"name", true, T::Text}, {"region", false, T::Text}}},
        // Key/value rows (SPEC §2): who "we" are and how current the reference data is. Company
        // data: a --replace import clears company_name and company_country.
        {"profile", false, {{"key", true, T::Text}, {"value", true, T::Text}}},
        {"sources",
         true,
         {{"id", true, T::Id},
          {"publisher", true, T::Text},
          {"title", false, T::Text},
          {"year", false, T::Integer},
          {"url", false, T::Text},
          {"notes", false, T::Text}}},
        {"materials",
         true,
         {{"id", true, T::Id},
          {"name", true, T::Text},
          {"stage", true, T::Enum},
          {"unit", false, T::Text}}},
        {"recipes",
         true,
         {{"material_id", true, T::Id},
          {"input_material_id", true, T::Id},
          {"qty_per_unit", false, T::Number}}},
        {"world_shares",
         true,
         {{"material_id", true, T::Id},
          {"country", true, T::Id},
          {"share", true, T::Share},
          {"year", false, T::Integer},
          {"source", false, T::Text},
          {"basis", false, T::Enum},
          {"note", false, T::Text}}},
        {"technologies",
         true,
         {{"id", true, T::Id},
          {"name", true, T::Text},
          {"stage", false, T::Enum},
          {"description", false, T::Text}}},
        {"controls",
         true,
         {{"id", true, T::Id},
          {"issuer", true, T::Id},
          {"title", true, T::Text},
          {"reference", false, T::Text},
          {"announced", false, T::Date},
          {"effective", true, T::Date},
          {"end", false, T::Date},
          {"kind", true, T::Enum},
          {"target_country", false, T::Id},
          {"licence_review_days", false, T::Integer},
          {"source", false, T::Text},
          {"status", false, T::Enum}}},
        {"control_items",
         true,
         {{"control_id", true, T::Id}, {"item_kind", true, T::Enum}, {"item_id", true, T::Id}}},
        {"suppliers",
         false,
         {{"id", true, T::Id},
          {"name", true, T::Text},
          {"hq_country", false, T::Id},
          {"owner_country", false, T::Id}}},
        {"sites",
         false,
         {{"id", true, T::Id},
          {"supplier_id", true, T::Id},
          {"country", true, T::Id},
          {"name", false, T::Text},
          {"lat", false, T::Number},
          {"lon", false, T::Number},
          {"recovery_days", false, T::Integer}}},
        {"site_technologies",
         false,
         {{"site_id", true, T::Id},
          {"technology_id", true, T::Id},
          {"source_country", false, T::Id}}},
        {"products",
         false,
         {{"id", true, T::Id},
          {"name", true, T::Text},
          {"annual_volume", true, T::Number},
          {"unit_price", false, T::Number}}},
        {"product_bom",
         false,
         {{"product_id", true, T::Id},
          {"material_id", true, T::Id},
          {"qty_per_unit", true, T::Number}}},
        {"supply",
         false,
         {{"buyer_site", false, T::Id},
          {"material_id", true, T::Id},
          {"supplier_site", true, T::Id},
          {"share", true, T::Share},
          {"annual_spend", false, T::Number},
          {"lead_time_days", false, T::Integer}}},
        {"inventory", false, {{"material_id", true, T::Id}, {"days_on_hand", true, T::Number}}},
        {"alternatives",
         false,
         {{"material_id", true, T::Id},
          {"site_id", true, T::Id},
          {"qualification_days", true, T::Integer},
          {"max_share", true, T::Share},
          {"cost_premium_pct", false, T::Number}}},
    };
    return specs;
}

const TableSpec* findTableSpec(std::string_view name) {
    for (const auto& t : tableSpecs())
        if (t.name == name)
            return &t;
    return nullptr;
}

namespace {

Cell opt(const std::optional<std::string>& v) {
    return v ? Cell(*v) : Cell();
}
Cell opt(const std::optional<double>& v) {
    return v ? Cell(*v) : Cell();
}
Cell opt(const std::optional<int>& v) {
    return v ? Cell(int64_t(*v)) : Cell();
}
Cell opt(const std::optional<Date>& v) {
    return v ? Cell(*v) : Cell();
}
Cell text(std::string_view s) {
    return Cell(std::string(s));
}

template <class T, class F>
void each(const std::vector<T>& rows, const std::function<void(const std::vector<Cell>&)>& out,
          F toCells) {
    std::vector<Cell> cells;
    for (const auto& r : rows) {
        cells.clear();
        toCells(r, cells);
        out(cells);
    }
}

} // namespace

void forEachRow(const Dataset& d, std::string_view table,
                const std::function<void(const std::vector<Cell>&)>& out) {
    using C = std::vector<Cell>;
    if (table == "countries")
        each(d.countries, out, [](const Country& x, C& c) { c = {x.iso3, x.name, opt(x.region)}; });
    else if (table == "profile")
        each(profileEntries(d.profile), out, [](const ProfileEntry& x, C& c) {
            c = {text(x.key), x.value};
        });
    else if (table == "sources")
        each(d.sources, out, [](const Source& x, C& c) {
            c = {x.id, x.publisher, opt(x.title), opt(x.year), opt(x.url), opt(x.notes)};
        });
    else if (table == "materials")
        each(d.materials, out, [](const Material& x, C& c) {
            c = {x.id, x.name, text(toString(x.stage)), opt(x.unit)};
        });
    else if (table == "recipes")
        each(d.recipes, out, [](const Recipe& x, C& c) {
            c = {x.materialId, x.inputMaterialId, x.qtyPerUnit};
        });
    else if (table == "world_shares")
        each(d.worldShares, out, [](const WorldShare& x, C& c) {
            c = {x.materialId, x.country,     x.share,
                 opt(x.year),  opt(x.source), text(toString(x.basis)),
                 opt(x.note)};
        });
    else if (table == "technologies")
        each(d.technologies, out, [](const Technology& x, C& c) {
            c = {x.id, x.name, x.stage ? text(toString(*x.stage)) : Cell(), opt(x.description)};
        });
    else if (table == "controls")
        each(d.controls, out, [](const Control& x, C& c) {
            c = {x.id,
                 x.issuer,
                 x.title,
                 opt(x.reference),
                 opt(x.announced),
                 x.effective,
                 opt(x.end),
                 text(toString(x.kind)),
                 opt(idListText(x.targetCountries)),
                 opt(x.licenceReviewDays),
                 opt(x.source),
                 text(toString(x.status))};
        });
    else if (table == "control_items")
        each(d.controlItems, out, [](const ControlItem& x, C& c) {
            c = {x.controlId, text(toString(x.itemKind)), x.itemId};
        });
    else if (table == "suppliers")
        each(d.suppliers, out, [](const Supplier& x, C& c) {
            c = {x.id, x.name, opt(x.hqCountry), opt(x.ownerCountry)};
        });
    else if (table == "sites")
        each(d.sites, out, [](const Site& x, C& c) {
            c = {x.id,       x.supplierId, x.country,          opt(x.name),
                 opt(x.lat), opt(x.lon),   opt(x.recoveryDays)};
        });
    else if (table == "site_technologies")
        each(d.siteTechnologies, out, [](const SiteTechnology& x, C& c) {
            c = {x.siteId, x.technologyId, opt(x.sourceCountry)};
        });
    else if (table == "products")
        each(d.products, out, [](const Product& x, C& c) {
            c = {x.id, x.name, x.annualVolume, opt(x.unitPrice)};
        });
    else if (table == "product_bom")
        each(d.productBom, out, [](const BomLine& x, C& c) {
            c = {x.productId, x.materialId, x.qtyPerUnit};
        });
    else if (table == "supply")
        each(d.supply, out, [](const SupplyLink& x, C& c) {
            c = {x.buyerSite.empty() ? Cell() : Cell(x.buyerSite),
                 x.materialId,
                 x.supplierSite,
                 x.share,
                 opt(x.annualSpend),
                 int64_t(x.leadTimeDays)};
        });
    else if (table == "inventory")
        each(d.inventory, out, [](const InventoryLevel& x, C& c) {
            c = {x.materialId, x.daysOnHand};
        });
    else if (table == "alternatives")
        each(d.alternatives, out, [](const Alternative& x, C& c) {
            c = {x.materialId, x.siteId, int64_t(x.qualificationDays), x.maxShare,
                 opt(x.costPremiumPct)};
        });
}

size_t rowCount(const Dataset& d, std::string_view t) {
    if (t == "countries")
        return d.countries.size();
    if (t == "profile")
        return profileEntries(d.profile).size();
    if (t == "sources")
        return d.sources.size();
    if (t == "materials")
        return d.materials.size();
    if (t == "recipes")
        return d.recipes.size();
    if (t == "world_shares")
        return d.worldShares.size();
    if (t == "technologies")
        return d.technologies.size();
    if (t == "controls")
        return d.controls.size();
    if (t == "control_items")
        return d.controlItems.size();
    if (t == "suppliers")
        return d.suppliers.size();
    if (t == "sites")
        return d.sites.size();
    if (t == "site_technologies")
        return d.siteTechnologies.size();
    if (t == "products")
        return d.products.size();
    if (t == "product_bom")
        return d.productBom.size();
    if (t == "supply")
        return d.supply.size();
    if (t == "inventory")
        return d.inventory.size();
    if (t == "alternatives")
        return d.alternatives.size();
    return 0;
}

} // namespace chokepoint::core::io

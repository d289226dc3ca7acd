// SPDX-License-Identifier: MIT
// Raw text tables -> typed rows, with per-cell checks (SPEC §2).
#include <algorithm>
#include <limits>
#include <set>

#include "core/io/fieldreader.h"
#include "core/io/tableschema.h"
#include "core/io/validator.h"
#include "core/io/valuebounds.h"
#include "core/model/profile.h"

namespace chokepoint::core::io {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return s;
}

// Collects the keys of a table's rows that cannot be read (ImportedRows::unreadableKeys).
struct UnreadableKeys {
    std::unordered_set<std::string_view>* keys = nullptr; ///< null: the table has no key
    int column = -1;                                      ///< raw column of the key

    void add(std::string_view cell) {
        cell = trimmed(cell);
        if (keys && isValidId(cell))
            keys->insert(cell);
    }
    void addRow(const RawTable& raw, size_t row) {
        if (column >= 0)
            add(raw.cell(row, size_t(column)));
    }
};

template <class T, class Convert>
void convertRows(const RawTable& raw, const ColumnMap& cols, std::vector<T>& out,
                 ImportedRows::Origin& origin, IssueList& issues, UnreadableKeys& unreadable,
                 Convert convert) {
    out.reserve(out.size() + raw.rowCount());
    origin.rows.reserve(raw.rowCount());
    for (size_t r = 0; r < raw.rowCount(); ++r) {
        FieldReader f(raw, r, issues);
        T row = convert(f, cols);
        if (f.ok()) {
            out.push_back(std::move(row));
            origin.rows.push_back(uint32_t(r));
        } else {
            unreadable.addRow(raw, r);
        }
    }
}

template <class E>
E enumField(FieldReader& f, int col, std::string_view what, std::optional<E> parsed,
            std::string_view allowed) {
    if (!parsed) {
        f.fail(col, f.cell(col).empty() ? "missing " + std::string(what)
                                        : std::string(what) + " '" + std::string(f.cell(col)) +
                                              "' is not one of: " + std::string(allowed));
        return E{};
    }
    return *parsed;
}

// An optional enum column: `fallback` when the cell is empty.
template <class E>
E optEnumField(FieldReader& f, int col, std::string_view what, std::optional<E> parsed,
               std::string_view allowed, E fallback) {
    if (f.cell(col).empty())
        return fallback;
    return enumField(f, col, what, parsed, allowed);
}

std::string joinNames(const auto& names) {
    std::string out;
    for (const std::string_view n : names)
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

// Key/value rows: each key of kProfileKeys at most once, its value typed by the key.
void convertProfile(const RawTable& raw, const ColumnMap& cols, ImportedRows& out,
                    ImportedRows::Origin& origin, IssueList& issues) {
    const int cKey = cols["key"], cValue = cols["value"];
    std::vector<int> firstLine(kProfileKeys.size(), 0);
    for (size_t r = 0; r < raw.rowCount(); ++r) {
        FieldReader f(raw, r, issues);
        const std::string_view key = f.cell(cKey);
        const auto known = std::find(kProfileKeys.begin(), kProfileKeys.end(), key);
        if (key.empty()) {
            f.fail(cKey, "missing key");
            continue;
        }
        if (known == kProfileKeys.end()) {
            f.fail(cKey, "unknown profile key '" + std::string(key) +
                             "' (expected: " + joinNames(kProfileKeys) + ")");
            continue;
        }
        int& first = firstLine[size_t(known - kProfileKeys.begin())];
        if (first) {
            f.fail(cKey, "profile key '" + std::string(key) + "' is given twice (first on line " +
                             std::to_string(first) + ")");
            continue;
        }
        first = raw.lineOf(r);
        std::string value;
        if (*known == "company_name")
            value = f.text(cValue, "company_name");
        else if (*known == "company_country")
            value = f.id(cValue, "company_country");
        else
            value = f.date(cValue, "reference_cutoff").toString();
        if (!f.ok())
            continue;
        setProfileEntry(out.data.profile, *known, value);
        origin.rows.push_back(uint32_t(r));
        out.profileKeys.push_back(*known);
    }
}

constexpr std::string_view kStages =
    "mining, refining, precursor, cathode, anode, electrolyte, separator, cell, magnet, "
    "component, other";

// The column other tables refer to, or empty.
std::string_view keyColumn(const TableSpec& spec) {
    if (spec.name == "countries")
        return "iso3";
    return spec.columnIndex("id") >= 0 ? "id" : "";
}

void convertOne(const RawTable& raw, ImportedRows& out, IssueList& issues) {
    const TableSpec* spec = findTableSpec(raw.name);
    const std::string_view key = keyColumn(*spec);
    if (raw.header.empty()) { // the reader could not read it at all (and said why)
        if (!key.empty())
            out.keysUnknown.insert(raw.name);
        return;
    }
    ColumnMap cols(raw, *spec, issues);
    UnreadableKeys unreadable;
    if (!key.empty()) {
        unreadable.keys = &out.unreadableKeys[raw.name];
        unreadable.column = cols[key];
        if (unreadable.column < 0 || !raw.complete)
            out.keysUnknown.insert(raw.name);
        for (const auto& bad : raw.rejected)
            if (unreadable.column >= 0 && size_t(unreadable.column) < bad.fields.size())
                unreadable.add(bad.fields[size_t(unreadable.column)]);
    }
    if (!cols.ok()) {
        for (size_t r = 0; r < raw.rowCount(); ++r)
            unreadable.addRow(raw, r);
        return;
    }
    auto& origin = out.origins[raw.name];
    origin.table = &raw;
    Dataset& d = out.data;
    const std::string_view t = raw.name;

    if (t == "profile") {
        convertProfile(raw, cols, out, origin, issues);
    } else if (t == "countries") {
        convertRows(raw, cols, d.countries, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        return Country{f.id(c["iso3"], "iso3"), f.text(c["name"], "name"),
                                       f.optText(c["region"])};
                    });
    } else if (t == "sources") {
        convertRows(raw, cols, d.sources, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        return Source{f.id(c["id"], "id"),
                                      f.text(c["publisher"], "publisher"),
                                      f.optText(c["title"]),
                                      f.optInteger(c["year"], "year", kMinYear, kMaxYear),
                                      f.optText(c["url"]),
                                      f.optText(c["notes"])};
                    });
    } else if (t == "materials") {
        convertRows(raw, cols, d.materials, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        Material m{f.id(c["id"], "id"), f.text(c["name"], "name"), Stage::Other,
                                   f.optText(c["unit"])};
                        m.stage = enumField(f, c["stage"], "stage", parseStage(f.cell(c["stage"])),
                                            kStages);
                        return m;
                    });
    } else if (t == "recipes") {
        convertRows(raw, cols, d.recipes, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        Recipe r{f.id(c["material_id"], "material_id"),
                                 f.id(c["input_material_id"], "input_material_id"), 1.0};
                        if (!f.cell(c["qty_per_unit"]).empty())
                            r.qtyPerUnit =
                                f.number(c["qty_per_unit"], "qty_per_unit", 0, kMaxQuantity);
                        return r;
                    });
    } else if (t == "world_shares") {
        convertRows(raw, cols, d.worldShares, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        WorldShare x{f.id(c["material_id"], "material_id"),
                                     f.id(c["country"], "country"),
                                     f.number(c["share"], "share", 0, 1, true),
                                     f.optInteger(c["year"], "year", kMinYear, kMaxYear),
                                     f.optText(c["source"]),
                                     ShareBasis::Production,
                                     std::nullopt};
                        x.basis = optEnumField(f, c["basis"], "basis",
                                               parseShareBasis(f.cell(c["basis"])),
                                               joinNames(kShareBasisNames), ShareBasis::Production);
                        x.note = f.optText(c["note"]);
                        return x;
                    });
    } else if (t == "technologies") {
        convertRows(raw, cols, d.technologies, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        Technology x{f.id(c["id"], "id"), f.text(c["name"], "name"), std::nullopt,
                                     f.optText(c["description"])};
                        if (!f.cell(c["stage"]).empty())
                            x.stage = enumField(f, c["stage"], "stage",
                                                parseStage(f.cell(c["stage"])), kStages);
                        return x;
                    });
    } else if (t == "controls") {
        convertRows(
            raw, cols, d.controls, origin, issues, unreadable,
            [](FieldReader& f, const ColumnMap& c) {
                Control x;
                x.id = f.id(c["id"], "id");
                x.issuer = f.id(c["issuer"], "issuer");
                x.title = f.text(c["title"], "title");
                x.reference = f.optText(c["reference"]);
                x.announced = f.optDate(c["announced"], "announced");
                x.effective = f.date(c["effective"], "effective");
                // An end on or before `effective` is allowed: a measure suspended before it took
                // effect (e.g. MOFCOM Nos. 55-58 of 2025) is never in force.
                x.end = f.optDate(c["end"], "end");
                x.kind = enumField(f, c["kind"], "kind", parseControlKind(f.cell(c["kind"])),
                                   "licence, prohibition, country_ban");
                x.targetCountries = f.idList(c["target_country"], "target_country");
                x.licenceReviewDays =
                    f.optInteger(c["licence_review_days"], "licence_review_days", 0, kMaxDays);
                x.source = f.optText(c["source"]);
                x.status =
                    optEnumField(f, c["status"], "status", parseControlStatus(f.cell(c["status"])),
                                 joinNames(kControlStatusNames), ControlStatus::Confirmed);
                return x;
            });
    } else if (t == "control_items") {
        convertRows(raw, cols, d.controlItems, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        ControlItem x{f.id(c["control_id"], "control_id"), ItemKind::Material,
                                      f.id(c["item_id"], "item_id")};
                        x.itemKind = enumField(f, c["item_kind"], "item_kind",
                                               parseItemKind(f.cell(c["item_kind"])),
                                               "material, technology");
                        return x;
                    });
    } else if (t == "suppliers") {
        convertRows(raw, cols, d.suppliers, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        Supplier x{f.id(c["id"], "id"), f.text(c["name"], "name"), std::nullopt,
                                   std::nullopt};
                        if (auto h = f.optId(c["hq_country"], "hq_country"); !h.empty())
                            x.hqCountry = h;
                        if (auto o = f.optId(c["owner_country"], "owner_country"); !o.empty())
                            x.ownerCountry = o;
                        return x;
                    });
    } else if (t == "sites") {
        convertRows(
            raw, cols, d.sites, origin, issues, unreadable, [](FieldReader& f, const ColumnMap& c) {
                return Site{f.id(c["id"], "id"),
                            f.id(c["supplier_id"], "supplier_id"),
                            f.id(c["country"], "country"),
                            f.optText(c["name"]),
                            f.optNumber(c["lat"], "lat", -90, 90),
                            f.optNumber(c["lon"], "lon", -180, 180),
                            f.optInteger(c["recovery_days"], "recovery_days", 0, kMaxRecoveryDays)};
            });
    } else if (t == "site_technologies") {
        convertRows(raw, cols, d.siteTechnologies, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        SiteTechnology x{f.id(c["site_id"], "site_id"),
                                         f.id(c["technology_id"], "technology_id"), std::nullopt};
                        if (auto s = f.optId(c["source_country"], "source_country"); !s.empty())
                            x.sourceCountry = s;
                        return x;
                    });
    } else if (t == "products") {
        convertRows(raw, cols, d.products, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        return Product{
                            f.id(c["id"], "id"), f.text(c["name"], "name"),
                            f.number(c["annual_volume"], "annual_volume", 0, kMaxVolume),
                            f.optNumber(c["unit_price"], "unit_price", 0, kMaxUnitPrice)};
                    });
    } else if (t == "product_bom") {
        convertRows(raw, cols, d.productBom, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        return BomLine{
                            f.id(c["product_id"], "product_id"),
                            f.id(c["material_id"], "material_id"),
                            f.number(c["qty_per_unit"], "qty_per_unit", 0, kMaxQuantity)};
                    });
    } else if (t == "supply") {
        const int cBuyer = cols["buyer_site"], cMat = cols["material_id"],
                  cSup = cols["supplier_site"], cShare = cols["share"],
                  cSpend = cols["annual_spend"], cLead = cols["lead_time_days"];
        convertRows(raw, cols, d.supply, origin, issues, unreadable,
                    [&](FieldReader& f, const ColumnMap&) {
                        SupplyLink x{f.optId(cBuyer, "buyer_site"),
                                     f.id(cMat, "material_id"),
                                     f.id(cSup, "supplier_site"),
                                     f.number(cShare, "share", 0, 1, true),
                                     f.optNumber(cSpend, "annual_spend", 0, kMaxSpend),
                                     0};
                        if (!f.cell(cLead).empty())
                            x.leadTimeDays = f.integer(cLead, "lead_time_days", 0, kMaxDays);
                        if (f.ok() && x.buyerSite == x.supplierSite)
                            f.fail(cSup, "site '" + x.supplierSite + "' cannot supply itself");
                        return x;
                    });
    } else if (t == "inventory") {
        convertRows(raw, cols, d.inventory, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        return InventoryLevel{
                            f.id(c["material_id"], "material_id"),
                            f.number(c["days_on_hand"], "days_on_hand", 0, kMaxDays)};
                    });
    } else if (t == "alternatives") {
        convertRows(raw, cols, d.alternatives, origin, issues, unreadable,
                    [](FieldReader& f, const ColumnMap& c) {
                        return Alternative{
                            f.id(c["material_id"], "material_id"), f.id(c["site_id"], "site_id"),
                            f.integer(c["qualification_days"], "qualification_days", 0, kMaxDays),
                            f.number(c["max_share"], "max_share", 0, 1, true),
                            f.optNumber(c["cost_premium_pct"], "cost_premium_pct", kMinPremiumPct,
                                        kMaxPremiumPct)};
                    });
    }
}

} // namespace

void convertTables(const std::vector<RawTable>& tables, ImportedRows& out, IssueList& issues) {
    std::set<std::string_view> seen;
    for (const auto& raw : tables) {
        if (!findTableSpec(raw.name)) {
            issues.add({raw.file, raw.sheet, 0, 0},
                       "unknown table '" + raw.name + "' (see docs/data-format.md for the tables)");
            continue;
        }
        if (!seen.insert(raw.name).second) {
            issues.add({raw.file, raw.sheet, 0, 0}, "table '" + raw.name + "' is given twice");
            continue;
        }
        convertOne(raw, out, issues);
    }
}

} // namespace chokepoint::core::io

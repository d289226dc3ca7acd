// SPDX-License-Identifier: MIT
#include "core/analysis/exposureoutput.h"

#include <cmath>

#include "core/io/csv.h"
#include "core/util/format.h"
#include "core/util/jsonwriter.h"

namespace chokepoint::core::analysis {

namespace {

const std::string& materialName(const Network& net, Index m) {
    return net.data().materials[size_t(m)].name;
}
const std::string& productName(const Network& net, Index p) {
    return net.data().products[size_t(p)].name;
}
const std::string& supplierName(const Network& net, Index s) {
    return net.data().suppliers[size_t(s)].name;
}

std::string csvNumber(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? io::formatNumber(*v) : std::string();
}

void csvLine(std::string& out, const std::vector<std::string>& fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i)
            line += ',';
        io::appendCsvField(line, fields[i]);
    }
    out += line + "\r\n";
}

bool wants(std::optional<ExposureList> only, ExposureList list) {
    return !only || *only == list;
}

std::string percent(const std::optional<double>& v) {
    return v ? formatPercent(*v) : "n/a";
}
std::string money(const std::optional<double>& v) {
    return v ? formatMoney(*v) : "n/a";
}
std::string index(const std::optional<double>& v) {
    return v ? formatFixed(*v, 0) : "n/a";
}
std::string percentRange(double low, double high) {
    return formatPercent(low) + " - " + formatPercent(high);
}

// The cut-off and which measures count, under the title line.
std::string cutoffNote(const Network& net, const ExposureResult& r) {
    std::string out;
    if (const auto cutoff = net.referenceCutoff()) {
        out += "Reference data checked up to " + cutoff->toString();
        if (afterReferenceCutoff(net, r.asOf))
            out += "; measures dated after it are scheduled, not confirmed";
        out += ".\n";
    }
    out += r.assumeScheduled ? "Scheduled measures are counted as in force (--assume-scheduled).\n"
                             : "Scheduled (unconfirmed) measures are not counted.\n";
    return out;
}

} // namespace

std::optional<ExposureList> parseExposureList(std::string_view text) {
    if (text == "material")
        return ExposureList::Materials;
    if (text == "product")
        return ExposureList::Products;
    if (text == "supplier")
        return ExposureList::Suppliers;
    return std::nullopt;
}

std::string exposureToJson(const Network& net, const ExposureResult& r) {
    JsonWriter w;
    w.beginObject();
    w.member("lens", toString(r.lens));
    w.member("as_of", r.asOf.toString());
    if (const auto cutoff = net.referenceCutoff())
        w.member("reference_cutoff", cutoff->toString());
    else
        w.key("reference_cutoff").null();
    w.member("assume_scheduled", r.assumeScheduled);
    w.member("after_reference_cutoff", afterReferenceCutoff(net, r.asOf));
    w.key("materials").beginArray();
    for (const auto& m : r.materials) {
        w.beginObject();
        w.member("id", net.materials.id(m.material));
        w.member("name", materialName(net, m.material));
        w.member("dependence", m.dependence);
        w.member("dependence_low", m.dependenceLow);
        w.member("dependence_high", m.dependenceHigh);
        w.member("direct_share", m.directShare);
        w.member("spend_at_risk", m.spendAtRisk);
        w.member("hhi", m.hhi);
        w.member("world_hhi", m.worldHhi);
        w.endObject();
    }
    w.endArray();
    w.key("products").beginArray();
    for (const auto& p : r.products) {
        w.beginObject();
        w.member("id", net.products.id(p.product));
        w.member("name", productName(net, p.product));
        w.member("dependence", p.dependence);
        w.member("dependence_low", p.dependenceLow);
        w.member("dependence_high", p.dependenceHigh);
        w.member("revenue_at_risk", p.revenueAtRisk);
        w.member("revenue_at_risk_low", p.revenueAtRiskLow);
        w.member("revenue_at_risk_high", p.revenueAtRiskHigh);
        w.endObject();
    }
    w.endArray();
    w.key("suppliers").beginArray();
    for (const auto& s : r.suppliers) {
        w.beginObject();
        w.member("id", net.suppliers.id(s.supplier));
        w.member("name", supplierName(net, s.supplier));
        w.member("dependence", s.dependence);
        w.endObject();
    }
    w.endArray();
    w.endObject();
    return w.str() + "\n";
}

std::string exposureToCsv(const Network& net, const ExposureResult& r,
                          std::optional<ExposureList> only) {
    std::string out;
    // Without a list, one table: the union of the columns, led by the list name.
    const bool all = !only;
    auto row = [&](const char* list, std::vector<std::string> fields) {
        if (all)
            fields.insert(fields.begin(), list);
        csvLine(out, fields);
    };
    // Columns: id, name, dependence and its range, then per list.
    if (all)
        csvLine(out, {"list", "id", "name", "dependence", "dependence_low", "dependence_high",
                      "direct_share", "spend_at_risk", "hhi", "world_hhi", "revenue_at_risk",
                      "revenue_at_risk_low", "revenue_at_risk_high"});
    else if (*only == ExposureList::Materials)
        csvLine(out, {"id", "name", "dependence", "dependence_low", "dependence_high",
                      "direct_share", "spend_at_risk", "hhi", "world_hhi"});
    else if (*only == ExposureList::Products)
        csvLine(out, {"id", "name", "dependence", "dependence_low", "dependence_high",
                      "revenue_at_risk", "revenue_at_risk_low", "revenue_at_risk_high"});
    else
        csvLine(out, {"id", "name", "dependence"});

    if (wants(only, ExposureList::Materials))
        for (const auto& m : r.materials) {
            std::vector<std::string> f = {net.materials.id(m.material),
                                          materialName(net, m.material),
                                          csvNumber(m.dependence),
                                          csvNumber(m.dependenceLow),
                                          csvNumber(m.dependenceHigh),
                                          csvNumber(m.directShare),
                                          csvNumber(m.spendAtRisk),
                                          csvNumber(m.hhi),
                                          csvNumber(m.worldHhi)};
            if (all)
                f.insert(f.end(), 3, std::string());
            row("material", std::move(f));
        }
    if (wants(only, ExposureList::Products))
        for (const auto& p : r.products) {
            std::vector<std::string> f = {net.products.id(p.product), productName(net, p.product),
                                          csvNumber(p.dependence), csvNumber(p.dependenceLow),
                                          csvNumber(p.dependenceHigh)};
            if (all)
                f.insert(f.end(), 4, std::string());
            f.push_back(csvNumber(p.revenueAtRisk));
            f.push_back(csvNumber(p.revenueAtRiskLow));
            f.push_back(csvNumber(p.revenueAtRiskHigh));
            row("product", std::move(f));
        }
    if (wants(only, ExposureList::Suppliers))
        for (const auto& s : r.suppliers) {
            std::vector<std::string> f = {net.suppliers.id(s.supplier),
                                          supplierName(net, s.supplier), csvNumber(s.dependence)};
            if (all)
                f.insert(f.end(), 9, std::string());
            row("supplier", std::move(f));
        }
    return out;
}

std::string exposureToTable(const Network& net, const ExposureResult& r,
                            std::optional<ExposureList> only) {
    using Align = TextTable::Align;
    std::string out =
        "Exposure - lens " + std::string(toString(r.lens)) + ", as of " + r.asOf.toString() + "\n";
    out += cutoffNote(net, r);
    if (wants(only, ExposureList::Materials)) {
        TextTable t;
        t.addColumn("Material");
        t.addColumn("Name");
        t.addColumn("Dependence", Align::Right);
        t.addColumn("Range", Align::Right);
        t.addColumn("Direct", Align::Right);
        t.addColumn("Spend at risk", Align::Right);
        t.addColumn("HHI", Align::Right);
        t.addColumn("World HHI", Align::Right);
        for (const auto& m : r.materials)
            t.addRow({net.materials.id(m.material), materialName(net, m.material),
                      formatPercent(m.dependence), percentRange(m.dependenceLow, m.dependenceHigh),
                      formatPercent(m.directShare), money(m.spendAtRisk), index(m.hhi),
                      index(m.worldHhi)});
        out += "\nMaterials (" + std::to_string(r.materials.size()) + ")\n" + t.render();
    }
    if (wants(only, ExposureList::Products)) {
        TextTable t;
        t.addColumn("Product");
        t.addColumn("Name");
        t.addColumn("Dependence", Align::Right);
        t.addColumn("Range", Align::Right);
        t.addColumn("Revenue at risk", Align::Right);
        t.addColumn("Range", Align::Right);
        for (const auto& p : r.products)
            t.addRow({net.products.id(p.product), productName(net, p.product),
                      formatPercent(p.dependence), percentRange(p.dependenceLow, p.dependenceHigh),
                      money(p.revenueAtRisk),
                      p.revenueAtRisk ? money(p.revenueAtRiskLow) + " - " + money(p.revenueAtRiskHigh)
                                      : std::string("n/a")});
        out += "\nProducts (" + std::to_string(r.products.size()) + ")\n" + t.render();
    }
    if (wants(only, ExposureList::Suppliers)) {
        TextTable t;
        t.addColumn("Supplier");
        t.addColumn("Name");
        t.addColumn("Dependence", Align::Right);
        for (const auto& s : r.suppliers)
            t.addRow({net.suppliers.id(s.supplier), supplierName(net, s.supplier),
                      percent(s.dependence)});
        out += "\nTier-1 suppliers (" + std::to_string(r.suppliers.size()) + ")\n" + t.render();
    }
    return out;
}

} // namespace chokepoint::core::analysis

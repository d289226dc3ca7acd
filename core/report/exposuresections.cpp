// SPDX-License-Identifier: MIT
// Exposure by product, by material and by supplier.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "core/analysis/worldshares.h"
#include "core/report/reportcontext.h"
#include "core/util/format.h"

namespace chokepoint::core::report {

namespace an = analysis;

namespace {

constexpr size_t kMaxBars = 15;
constexpr size_t kMaxSupplierBars = 12;
constexpr size_t kMaxSlices = 8;

// Height / width of a horizontal bar chart with n bars (room for title, axis and legend).
double barAspect(size_t n, bool legend) {
    return std::clamp((80.0 + (legend ? 24.0 : 0.0) + 26.0 * double(n)) / 640.0, 0.28, 1.2);
}

// The lens and the date of a section's figures, and the reference cut-off when the date is
// after it (SPEC §3: said next to the figures).
std::string lensNote(const ReportContext& ctx) {
    std::string note = lensTitle(ctx.options.lens) + " lens: " + lensDescription(ctx.options.lens) +
                       ". As of " + ctx.options.asOf.toString() + ".";
    if (const std::string ref = referenceNote(ctx); !ref.empty())
        note += " " + ref;
    return note;
}

// A range kept on one line in a table cell: no-break spaces, so that the column is made wide
// enough for it rather than "100.0" and "%" landing on two lines.
std::string unbroken(std::string text) {
    std::string out;
    for (const char c : text)
        out += c == ' ' ? std::string("\u00a0") : std::string(1, c);
    return out;
}

// The low–high range of a figure as a cell (SPEC §3 "Ranges").
Cell percentRangeCell(double low, double high) {
    return Cell::ofText(unbroken(formatPercentRange(low, high)));
}
Cell moneyRangeCell(const std::optional<double>& low, const std::optional<double>& high) {
    return low && high ? Cell::ofText(unbroken(formatMoneyRange(*low, *high))) : Cell::missing();
}
constexpr const char* kRangeNote =
    "Range: the low bound counts supply of unknown origin and technology of unknown source as "
    "not exposed, the high bound as exposed wherever China (under the export-controls lens: a "
    "country with a control in force) could be behind them.";

// The world share of `country` in `material`; nullopt when the data has none (unknown, not 0).
std::optional<double> worldShareOf(const an::Network& net, an::Index material, an::Index country) {
    std::optional<double> share;
    for (auto* w = net.worldShares.begin(size_t(material));
         w != net.worldShares.end(size_t(material)); ++w)
        if (w->country == country)
            share = share.value_or(0.0) + w->share;
    return share;
}

std::vector<an::Index> materialsOf(const an::Summary& s) {
    std::vector<an::Index> out;
    for (const an::MaterialSummary& m : s.materials)
        out.push_back(m.material);
    return out;
}

// China's world share as a cell: "unknown" when the data has no share of China in it; with
// what it measures when that is not production ("90.0 % (capacity)", SPEC §2 basis).
Cell worldShareCell(const an::Network& net, an::Index material, an::Index focus) {
    const auto share = focus == an::kNone ? std::nullopt : worldShareOf(net, material, focus);
    if (!share)
        return Cell::ofText("unknown");
    if (const auto fact = an::worldShareFact(net, material, focus); fact && fact->qualified())
        return Cell::ofText(formatPercent(*share) + " (" +
                            std::string(an::shareBasisLabel(fact->basis)) + ")");
    return Cell::ofNumber(*share, NumberFormat::Percent);
}

// The materials whose China share measures something else than production, with what and the
// source's note: "Synthetic graphite: share of world production capacity (note)".
std::string worldShareBasisNote(const an::Network& net, const std::vector<an::Index>& materials) {
    // Materials with the same measure and note are named together, the note said once.
    const an::Index focus = net.focusCountry();
    std::vector<std::pair<std::string, std::vector<std::string>>> groups;
    for (const an::Index m : materials) {
        const auto fact = focus == an::kNone ? std::nullopt : an::worldShareFact(net, m, focus);
        if (!fact || !fact->qualified())
            continue;
        const std::string what =
            std::string(an::shareBasisMeasure(fact->basis)) +
            (fact->note.empty() ? std::string() : " (" + dataText(fact->note) + ")");
        auto it = std::find_if(groups.begin(), groups.end(),
                               [&](const auto& g) { return g.first == what; });
        if (it == groups.end())
            it = groups.insert(groups.end(), {what, {}});
        it->second.push_back(materialName(net, m));
    }
    std::string out;
    for (const auto& [what, names] : groups)
        out += (out.empty() ? "" : "; ") + joinNames(names) + ": " + what;
    return out.empty()
               ? out
               : " China's world share measures something else than production for " + out + ".";
}

// D(P) of network product `product` in `r`, whose products are ordered by id, not by network
// index; nullopt when the result has no such product.
std::optional<double> productDependence(const an::ExposureResult& r, an::Index product) {
    for (const an::ProductExposure& p : r.products)
        if (p.product == product)
            return p.dependence;
    return std::nullopt;
}

// Measures in force covering exports of the material or of any of its recipe inputs, at any
// depth, to a buyer of ours (summary.h controlsCoveringMaterial()).
std::vector<an::Index> upstreamControls(const an::ControlState& controls, an::Index material) {
    const an::Network& net = controls.network();
    const an::Index seeds[] = {material};
    const std::vector<char> closure = net.recipeClosure(seeds);
    std::vector<an::Index> out;
    for (size_t m = 0; m < closure.size(); ++m)
        if (closure[m])
            for (const an::Index c : an::controlsCoveringMaterial(controls, an::Index(m)))
                out.push_back(c);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// Each product's dependence and revenue at risk under the headline lens with their ranges
// (SPEC §3 "Ranges"), point and range side by side.
Table productRangesTable(const ReportContext& ctx) {
    Table t;
    t.id = "product-ranges";
    t.caption = "Ranges under the " + lensTitle(ctx.options.lens) + " lens";
    t.addColumn("Product", Align::Left, 2.6);
    t.addColumn("Dependence", Align::Right, 1.0);
    t.addColumn("Range", Align::Right, 1.3);
    t.addColumn("Revenue at risk", Align::Right, 1.0);
    t.addColumn("Range", Align::Right, 1.8);
    for (const an::ProductSummary& p : ctx.summary().products)
        t.addRow({Cell::ofText(productName(ctx.net, p.product)),
                  Cell::ofNumber(p.dependence, NumberFormat::Percent),
                  percentRangeCell(p.dependenceLow, p.dependenceHigh),
                  Cell::ofNumber(p.revenueAtRisk, NumberFormat::Money),
                  moneyRangeCell(p.revenueAtRiskLow, p.revenueAtRiskHigh)});
    t.note = kRangeNote;
    return t;
}

// The headline figures under every lens, so that a reader sees how much the choice matters.
Table lensTable(const ReportContext& ctx) {
    Table t;
    t.id = "lenses";
    t.addColumn("Lens", Align::Left, 1.3);
    t.addColumn("What counts as exposed", Align::Left, 3.0);
    t.addColumn("Revenue dependence", Align::Right, 1.0);
    t.addColumn("Range", Align::Right, 1.1);
    t.addColumn("Revenue at risk", Align::Right, 1.0);
    t.addColumn("Spend at risk", Align::Right, 1.0);
    t.addColumn("Materials over 50 %", Align::Right, 1.0);
    for (const an::Lens lens : {an::Lens::Location, an::Lens::Owned, an::Lens::Controlled}) {
        const an::Summary& s = ctx.summaries[size_t(lens)];
        std::string name = lensTitle(lens);
        if (lens == ctx.options.lens)
            name += " (headline)";
        t.addRow({Cell::ofText(name), Cell::ofText(lensDescription(lens)),
                  Cell::ofNumber(s.revenueDependence, NumberFormat::Percent),
                  s.revenueDependenceLow && s.revenueDependenceHigh
                      ? percentRangeCell(*s.revenueDependenceLow, *s.revenueDependenceHigh)
                      : Cell::missing(),
                  Cell::ofNumber(s.revenueAtRisk, NumberFormat::Money),
                  Cell::ofNumber(s.spendAtRisk, NumberFormat::Money),
                  Cell::ofNumber(double(s.materialsOverHalf), NumberFormat::Count)});
    }
    return t;
}

} // namespace

Section buildProductsSection(const ReportContext& ctx) {
    const an::Network& net = ctx.net;
    const an::Summary& s = ctx.summary();
    Section sec{SectionId::Products, sectionTitle(SectionId::Products), {}};
    sec.blocks.push_back(Paragraph{
        "A product depends on China as much as its most dependent material: no vehicle leaves "
        "the line without every part of its bill of materials. Revenue at risk is the "
        "product's annual revenue times that dependence. " +
        lensNote(ctx)});

    BarChart bars;
    bars.valueFormat = NumberFormat::Money;
    ChartSeries atRisk{"Revenue at risk", {}, SeriesRole::Risk};
    ChartSeries rest{"Revenue not at risk", {}, SeriesRole::Neutral};
    for (const an::ProductSummary& p : s.products) {
        bars.categories.push_back(productName(net, p.product));
        atRisk.values.push_back(p.revenueAtRisk.value_or(0.0));
        rest.values.push_back(
            std::max(0.0, p.revenue.value_or(0.0) - p.revenueAtRisk.value_or(0.0)));
    }
    bars.series = {atRisk, rest};
    const size_t n = bars.categories.size();
    sec.blocks.push_back(
        Chart{"products-revenue-at-risk",
              "Revenue at risk by product (" + lensTitle(ctx.options.lens) + " lens)",
              std::move(bars),
              barAspect(n, true),
              {}});

    Table t;
    t.id = "products";
    t.addColumn("Product", Align::Left, 2.6);
    t.addColumn("Volume", Align::Right, 0.9);
    t.addColumn("Price", Align::Right, 0.8);
    t.addColumn("Revenue", Align::Right, 0.9);
    t.addColumn("Location", Align::Right, 0.9);
    t.addColumn("Ownership", Align::Right, 0.9);
    t.addColumn("Controls", Align::Right, 0.9);
    t.addColumn("Revenue at risk", Align::Right, 0.9);
    t.addColumn("Most dependent material", Align::Left, 2.2);
    for (const an::ProductSummary& p : s.products) {
        const Product& prod = net.data().products[size_t(p.product)];
        std::vector<Cell> row = {Cell::ofText(cellText(prod.name)),
                                 Cell::ofNumber(prod.annualVolume, NumberFormat::Count),
                                 Cell::ofNumber(prod.unitPrice, NumberFormat::Money),
                                 Cell::ofNumber(p.revenue, NumberFormat::Money)};
        for (const an::Lens lens : {an::Lens::Location, an::Lens::Owned, an::Lens::Controlled})
            row.push_back(Cell::ofNumber(productDependence(ctx.results[size_t(lens)], p.product),
                                         NumberFormat::Percent));
        row.push_back(Cell::ofNumber(p.revenueAtRisk, NumberFormat::Money));
        an::Index driver = an::kNone;
        double best = -1.0;
        for (auto* b = net.productBom.begin(size_t(p.product));
             b != net.productBom.end(size_t(p.product)); ++b) {
            const double d = ctx.result().dependence(net, b->material);
            if (d > best) {
                best = d;
                driver = b->material;
            }
        }
        row.push_back(driver == an::kNone ? Cell::missing()
                                          : Cell::ofText(materialName(net, driver) + " (" +
                                                         formatPercent(best) + ")"));
        t.addRow(std::move(row));
    }
    t.note = "Volume per year, unit price and annual revenue. Location, Ownership, Controls: the "
             "product's dependence under each lens. Revenue at risk and the most dependent "
             "material under the " +
             lensTitle(ctx.options.lens) +
             " lens. Products without a unit price have no revenue figures.";
    sec.blocks.push_back(std::move(t));
    sec.blocks.push_back(productRangesTable(ctx));
    sec.blocks.push_back(Subheading{"Exposure under each lens"});
    sec.blocks.push_back(lensTable(ctx));
    return sec;
}

Section buildMaterialsSection(const ReportContext& ctx) {
    const an::Network& net = ctx.net;
    const an::Summary& s = ctx.summary();
    Section sec{SectionId::Materials, sectionTitle(SectionId::Materials), {}};
    sec.blocks.push_back(Paragraph{
        "A material's dependence is the share of our supply of it that depends on China through "
        "any tier: the part bought directly from exposed sites (tier 1), and the part that comes "
        "through our suppliers' own exposed inputs or supply of unknown origin (counted at "
        "China's world share of the material, under the export-controls lens at the world share "
        "of the countries whose controls reach us). " +
        lensNote(ctx)});

    BarChart bars;
    bars.valueFormat = NumberFormat::Percent;
    bars.fixedMax = 1.0;
    ChartSeries direct{"Direct (tier 1)", {}, SeriesRole::Direct};
    ChartSeries deeper{"Deeper tiers and unknown origin", {}, SeriesRole::Deeper};
    for (size_t i = 0; i < s.materials.size() && i < kMaxBars; ++i) {
        bars.categories.push_back(materialName(net, s.materials[i].material));
        direct.values.push_back(s.materials[i].directShare);
        deeper.values.push_back(s.materials[i].deeperShare);
    }
    bars.series = {direct, deeper};
    std::string title = "China dependence by material";
    if (s.materials.size() > kMaxBars)
        title +=
            " (top " + std::to_string(kMaxBars) + " of " + std::to_string(s.materials.size()) + ")";
    const size_t n = bars.categories.size();
    sec.blocks.push_back(
        Chart{"materials-dependence", title, std::move(bars), barAspect(n, true), {}});

    DonutChart donut;
    donut.values.name = "Tier-1 spend";
    double other = 0.0;
    for (size_t i = 0; i < s.countryMix.size(); ++i) {
        const an::CountrySpend& c = s.countryMix[i];
        if (i + 1 < kMaxSlices || s.countryMix.size() == kMaxSlices) {
            donut.categories.push_back(dataText(net.data().countries[size_t(c.country)].name) +
                                       "  " + formatPercent(c.share));
            donut.values.values.push_back(c.spend);
        } else {
            other += c.spend;
        }
    }
    if (other > 0.0) {
        donut.categories.push_back("Other countries  " + formatPercent(other / s.spend));
        donut.values.values.push_back(other);
    }
    donut.centerText = formatMoney(s.spend);
    if (!donut.categories.empty())
        sec.blocks.push_back(Chart{
            "materials-country-mix", "Tier-1 spend by supplier country", std::move(donut), 0.36,
            "By the country of the supplying site; " + formatMoney(s.spend) + " in total."});

    Table t;
    t.id = "materials";
    t.addColumn("Material", Align::Left, 2.6);
    t.addColumn("Stage", Align::Left, 0.95);
    t.addColumn("Dependence", Align::Right, 1.0);
    t.addColumn("Direct (tier 1)", Align::Right, 0.9);
    t.addColumn("Deeper tiers", Align::Right, 0.9);
    t.addColumn("Spend at risk", Align::Right, 1.0);
    t.addColumn("Tier-1 HHI", Align::Right, 0.8);
    t.addColumn("World HHI", Align::Right, 0.8);
    t.addColumn("China's world share", Align::Right, 0.9);
    t.addColumn("Controls on it or its inputs", Align::Left, 1.1);
    const an::Index focus = net.focusCountry();
    for (const an::MaterialSummary& m : s.materials) {
        const Material& mat = net.data().materials[size_t(m.material)];
        const an::MaterialExposure* e = ctx.result().materialFigures(m.material);
        std::vector<std::string> controls;
        for (const an::Index c : upstreamControls(*ctx.controls, m.material))
            controls.push_back(net.controlIds.id(c));
        std::string stage(toString(mat.stage));
        stage[0] = char(std::toupper(static_cast<unsigned char>(stage[0])));
        t.addRow({Cell::ofText(cellText(mat.name)), Cell::ofText(stage),
                  Cell::ofNumber(m.dependence, NumberFormat::Percent),
                  Cell::ofNumber(m.directShare, NumberFormat::Percent),
                  Cell::ofNumber(m.deeperShare, NumberFormat::Percent),
                  Cell::ofNumber(m.spendAtRisk, NumberFormat::Money),
                  Cell::ofNumber(m.hhi, NumberFormat::Count),
                  Cell::ofNumber(e ? e->worldHhi : std::nullopt, NumberFormat::Count),
                  worldShareCell(net, m.material, focus),
                  controls.empty() ? Cell::ofText("none") : Cell::ofText(joinNames(controls, 4))});
    }
    t.note = "Most dependent first. Controls: material controls in force at the as-of date that "
             "cover exports, to a buyer of ours, of the material or any input it is made from. "
             "HHI: Herfindahl\u2013Hirschman "
             "index of the country mix "
             "(0\u201310,000; 10,000 = one country), of our tier-1 purchases and of world "
             "production. China's world share is unknown where the data has no share of China "
             "for the material." +
             worldShareBasisNote(net, materialsOf(s));
    sec.blocks.push_back(std::move(t));
    Table ranges;
    ranges.id = "material-ranges";
    ranges.caption = "Ranges under the " + lensTitle(ctx.options.lens) + " lens";
    ranges.addColumn("Material", Align::Left, 3.0);
    ranges.addColumn("Dependence", Align::Right, 1.0);
    ranges.addColumn("Low", Align::Right, 1.0);
    ranges.addColumn("High", Align::Right, 1.0);
    for (const an::MaterialSummary& m : s.materials)
        ranges.addRow({Cell::ofText(materialName(net, m.material)),
                       Cell::ofNumber(m.dependence, NumberFormat::Percent),
                       Cell::ofNumber(m.dependenceLow, NumberFormat::Percent),
                       Cell::ofNumber(m.dependenceHigh, NumberFormat::Percent)});
    ranges.note = kRangeNote;
    sec.blocks.push_back(std::move(ranges));
    return sec;
}

Section buildSuppliersSection(const ReportContext& ctx) {
    const an::Network& net = ctx.net;
    const an::ExposureResult& r = ctx.result();
    Section sec{SectionId::Suppliers, sectionTitle(SectionId::Suppliers), {}};
    sec.blocks.push_back(Paragraph{
        "Our tier-1 suppliers: what we spend with them and how much of what they sell us "
        "depends on China (their own exposure and that of their inputs, weighted by the shares "
        "we buy). " +
        lensNote(ctx)});

    struct Row {
        an::Index supplier = an::kNone;
        std::optional<double> spend, spendAtRisk;
        std::optional<double> dependence;
        std::set<std::string> countries;
        std::vector<an::Index> materials;
    };
    std::map<an::Index, Row> rows;
    for (const an::Index m : net.reportedMaterials) {
        const an::Index grp = net.selfGroup[size_t(m)];
        if (grp == an::kNone)
            continue;
        for (const an::Link& link : net.links(grp)) {
            const an::Link* l = &link;
            const an::Index sup = net.siteSupplier[size_t(l->supplierSite)];
            Row& row = rows[sup];
            row.supplier = sup;
            if (const an::Index c = net.siteCountry[size_t(l->supplierSite)]; c != an::kNone)
                row.countries.insert(dataText(net.data().countries[size_t(c)].name));
            if (std::find(row.materials.begin(), row.materials.end(), m) == row.materials.end())
                row.materials.push_back(m);
            if (!std::isnan(l->spend)) {
                row.spend = row.spend.value_or(0.0) + l->spend;
                row.spendAtRisk = row.spendAtRisk.value_or(0.0) + l->spend * r.f(net, *l);
            }
        }
    }
    for (const an::SupplierExposure& e : r.suppliers)
        if (auto it = rows.find(e.supplier); it != rows.end())
            it->second.dependence = e.dependence;
    std::vector<Row> list;
    for (auto& [id, row] : rows)
        list.push_back(std::move(row));
    std::stable_sort(list.begin(), list.end(), [&](const Row& a, const Row& b) {
        const double ra = a.spendAtRisk.value_or(-1.0), rb = b.spendAtRisk.value_or(-1.0);
        if (ra != rb)
            return ra > rb;
        const double da = a.dependence.value_or(-1.0), db = b.dependence.value_or(-1.0);
        if (da != db)
            return da > db;
        return net.suppliers.id(a.supplier) < net.suppliers.id(b.supplier);
    });

    BarChart bars;
    bars.valueFormat = NumberFormat::Money;
    ChartSeries atRisk{"Spend at risk", {}, SeriesRole::Risk};
    ChartSeries rest{"Other spend", {}, SeriesRole::Neutral};
    for (size_t i = 0; i < list.size() && i < kMaxSupplierBars; ++i) {
        if (!(list[i].spendAtRisk.value_or(0.0) > 0.0))
            break;
        bars.categories.push_back(supplierName(net, list[i].supplier));
        atRisk.values.push_back(*list[i].spendAtRisk);
        rest.values.push_back(std::max(0.0, list[i].spend.value_or(0.0) - *list[i].spendAtRisk));
    }
    bars.series = {atRisk, rest};
    if (!bars.categories.empty()) {
        const size_t n = bars.categories.size();
        sec.blocks.push_back(Chart{"suppliers-spend-at-risk",
                                   "Tier-1 suppliers with the most spend at risk",
                                   std::move(bars),
                                   barAspect(n, true),
                                   {}});
    }

    Table t;
    t.id = "suppliers";
    t.addColumn("Supplier", Align::Left, 1.9);
    t.addColumn("Site countries", Align::Left, 1.3);
    t.addColumn("Owner", Align::Left, 1.0);
    t.addColumn("What we buy", Align::Left, 2.6);
    t.addColumn("Spend", Align::Right, 0.95);
    t.addColumn("Dependence", Align::Right, 0.95);
    t.addColumn("Spend at risk", Align::Right, 0.95);
    for (const Row& row : list) {
        const Supplier& sup = net.data().suppliers[size_t(row.supplier)];
        std::vector<std::string> countries(row.countries.begin(), row.countries.end());
        std::vector<std::string> materials;
        for (const an::Index m : row.materials)
            materials.push_back(materialName(net, m));
        t.addRow(
            {Cell::ofText(cellText(sup.name)), Cell::ofText(joinNames(countries, 3)),
             sup.ownerCountry ? Cell::ofText(countryName(net, *sup.ownerCountry)) : Cell::missing(),
             Cell::ofText(joinNames(materials, 3)), Cell::ofNumber(row.spend, NumberFormat::Money),
             Cell::ofNumber(row.dependence, NumberFormat::Percent),
             Cell::ofNumber(row.spendAtRisk, NumberFormat::Money)});
    }
    t.note = "Most spend at risk first. Dependence: over our purchases from the supplier's "
             "sites, \u03a3 share \u00d7 exposure / \u03a3 share.";
    sec.blocks.push_back(std::move(t));
    return sec;
}

} // namespace chokepoint::core::report

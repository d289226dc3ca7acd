// SPDX-License-Identifier: MIT
// The appendix: formulas in words (SPEC §3 and §4), assumptions, this report's inputs, sources.
#include "core/report/reportcontext.h"
#include "core/util/format.h"

namespace chokepoint::core::report {

namespace an = analysis;

namespace {

BulletList lensBullets() {
    BulletList list;
    for (const an::Lens lens : {an::Lens::Location, an::Lens::Owned, an::Lens::Controlled})
        list.items.push_back(lensTitle(lens) + ": " + lensDescription(lens) + ".");
    list.items.back() +=
        " Export controls restrict exports: a flow between two sites of the issuing country is "
        "never controlled, and a measure naming destinations reaches only those (an unknown "
        "destination only measures without targets). Technology controls restrict the "
        "technology itself: they reach plants outside the issuer that get the technology "
        "(licence, equipment, know-how) from it, not what the issuer's own plants make. A "
        "control is in force from its effective date up to the day before its end, if its "
        "status is confirmed; a scheduled one (announced, not confirmed by the reference "
        "cut-off) only when scheduled measures are assumed.";
    return list;
}

BulletList exposureBullets() {
    return BulletList{{
        "Exposure of what a site delivers of a material to a buyer, f: 1 when the flow is exposed "
        "under the lens; otherwise the largest g over the recipe inputs of the material (a plant "
        "makes nothing without every input); 0 for a primary source that is not exposed itself.",
        "Exposure of what a buyer gets of an input, g(buyer, input): the sum over its suppliers "
        "of share \u00d7 f, plus the part of its need no supply row explains (1 \u2212 \u03a3 "
        "shares) \u00d7 u(input, the buyer's country).",
        "Supply of unknown origin, u: the larger of U for the material and u of each of its "
        "inputs. U is China's world share of the material (whatever its source measured: see "
        "the materials table) under the location and ownership lenses; under the "
        "export-controls lens the world share of the countries with a control in force listing "
        "the material and reaching the buyer's country.",
        "Ranges: every dependence and revenue at risk has a low and a high bound. Low counts "
        "supply of unknown origin and technology rows of unknown source as not exposed; high "
        "counts unknown origin as fully exposed wherever China (or a controlling country) has "
        "a world share of the material or none is known, and technology of unknown source as "
        "from the issuer. The point estimate counts unknown technology sources as not exposed.",
        "Material dependence D(m) = g(our company, m). Direct share: the part of our own "
        "purchases bought from exposed sites (tier 1 only). The rest comes through deeper tiers "
        "and unknown origin.",
        "Spend at risk: \u03a3 annual spend \u00d7 f over our purchases of the material.",
        "Product dependence: the largest D(m) over the product's bill of materials. Revenue at "
        "risk = annual volume \u00d7 unit price \u00d7 product dependence (and the same with "
        "each bound).",
        "HHI (Herfindahl\u2013Hirschman index): \u03a3 (100 \u00d7 share)\u00b2 over the country "
        "mix, known shares normalised to sum to 1; 0 to 10,000 (one country). The world HHI "
        "is not given when the known world shares of a material sum to less than 80 %.",
        "Supplier dependence: \u03a3 share \u00d7 f / \u03a3 share over our purchases from the "
        "supplier's sites.",
    }};
}

BulletList scenarioBullets() {
    return BulletList{{
        "Days 0 to horizon \u2212 1. Each shock multiplies the availability of the flows it "
        "selects while it is active: stop 0; capacity cut to its capacity; licence 0 for the "
        "review delay, then 1 if approved (else 0 until the shock ends).",
        "Availability travels down the network with each purchase's lead time: a site's output is "
        "its own availability times the scarcest of its inputs; a buyer gets the share-weighted "
        "availability of its suppliers; supply of unknown origin loses the world production "
        "share of the countries a shock hits.",
        "Qualified alternative suppliers add their maximum share from the first day supply falls "
        "short plus their qualification time; supply never exceeds 100 %.",
        "Need per day = annual volume / 365 \u00d7 quantity per unit. Stock starts at days on "
        "hand \u00d7 need. Each day the fill rate is min(1, (supply + stock) / need); a "
        "product's output is the lowest fill rate among its materials; stock is drawn down, and "
        "refilled up to its starting level when supply allows.",
        "Lost units = \u03a3 over days of (1 \u2212 output) \u00d7 volume / 365; lost revenue = "
        "lost units \u00d7 unit price. Daily output is weighted by each product's revenue.",
        "Survival: the first day a material's fill rate drops below 100 % (first shortfall). "
        "Recovery: the first day from which it stays at 100 %.",
        "Monte Carlo: each run draws, for every licence shock, a review delay (triangular min / "
        "most likely / max) and an approval for each exporting supplier site it hits (licences "
        "are granted exporter by exporter) and one pair for its supply of unknown origin, from "
        "the seed. P10, P50 and P90 are quantiles of the runs' lost "
        "revenue (linear interpolation between order statistics); the output band is taken day "
        "by day; materials' days come from the median run. The same seed gives the same "
        "numbers on any number of threads.",
    }};
}

BulletList assumptionBullets() {
    return BulletList{{
        "China is the focus country (CHN). A control's kind (licence, prohibition, country ban) "
        "does not change the lens. Our own purchases are delivered to the profile's company "
        "country; without one, only measures without targets reach them.",
        "Whether unknown sites depend on a technology cannot be known: it adds nothing to the "
        "point estimate.",
        "A bill-of-materials item we do not buy directly is all of unknown origin at our level.",
        "Purchases without an annual spend add nothing to spend at risk; products without a unit "
        "price have no revenue figures and weigh nothing in daily output.",
        "Scenario selectors on export controls are judged once, at the scenario's as-of date. The "
        "deterministic run uses the most likely review delay and counts an approval probability "
        "below 1 as refused.",
        "Company data (suppliers, shares, spend, lead times, volumes, prices, stock) are the "
        "workspace's; reference data (world shares, export controls) carry the source ids "
        "listed below and were checked up to the reference cut-off.",
    }};
}

Table aboutTable(const ReportContext& ctx) {
    const Dataset& d = ctx.net.data();
    Table t;
    t.id = "about";
    t.addColumn("Item", Align::Left, 1.2);
    t.addColumn("Value", Align::Left, 4.0);
    t.addRow({Cell::ofText("Workspace"), Cell::ofText(ctx.options.workspaceName.empty()
                                                          ? missingText()
                                                          : cellText(ctx.options.workspaceName))});
    if (ctx.options.fictionalData)
        t.addRow({Cell::ofText("Company data"), Cell::ofText(kFictionalDataText)});
    t.addRow({Cell::ofText("As-of date"), Cell::ofDate(ctx.options.asOf)});
    t.addRow({Cell::ofText("Headline lens"), Cell::ofText(lensTitle(ctx.options.lens) + ": " +
                                                          lensDescription(ctx.options.lens))});
    const auto vintage = d.referenceVintage();
    t.addRow({Cell::ofText("Reference data vintage"),
              vintage ? Cell::ofText(std::to_string(*vintage)) : Cell::missing()});
    // Up to when the reference data was checked, and what the report did with measures dated
    // after it (SPEC §3 "Time after the data").
    const auto& cutoff = d.profile.referenceCutoff;
    t.addRow({Cell::ofText("Reference data checked up to"), Cell::ofDate(cutoff)});
    std::string scheduled =
        ctx.options.assumeScheduled
            ? "Counted as in force (assume scheduled)"
            : "Not counted: measures announced but not confirmed by the reference cut-off";
    if (const std::string ref = referenceNote(ctx); !ref.empty())
        scheduled += ". " + ref;
    t.addRow({Cell::ofText("Scheduled measures"), Cell::ofText(scheduled)});
    t.addRow({Cell::ofText("Data"),
              Cell::ofText(formatCount(double(d.products.size())) + " products, " +
                           formatCount(double(d.materials.size())) + " materials, " +
                           formatCount(double(d.suppliers.size())) + " suppliers, " +
                           formatCount(double(d.sites.size())) + " sites, " +
                           formatCount(double(d.supply.size())) + " supply links, " +
                           formatCount(double(d.controls.size())) + " export controls, " +
                           formatCount(double(d.sources.size())) + " sources")});
    for (const auto& s : ctx.options.scenarios) {
        std::string text = dataText(s.scenario.name);
        if (!s.source.empty())
            text += " (" + dataText(s.source) + ")";
        t.addRow({Cell::ofText("Scenario"), Cell::ofText(text)});
    }
    t.addRow({Cell::ofText("Program"), Cell::ofText("Chokepoint " CHOKEPOINT_VERSION)});
    t.note = "The same workspace, options and as-of date give the same report.";
    return t;
}

Table sourcesTable(const ReportContext& ctx) {
    Table t;
    t.id = "sources";
    t.compact = true;
    t.addColumn("Id", Align::Left, 0.5);
    t.addColumn("Year", Align::Left, 0.45);
    t.addColumn("Publisher", Align::Left, 1.5);
    t.addColumn("Title", Align::Left, 4.0);
    for (const Source& s : ctx.net.data().sources)
        t.addRow(
            {Cell::ofText(s.id), s.year ? Cell::ofText(std::to_string(*s.year)) : Cell::missing(),
             Cell::ofText(cellText(s.publisher)),
             Cell::ofLink(cellText(s.title.value_or(s.publisher)), s.url.value_or(std::string()))});
    return t;
}

} // namespace

Section buildMethodologySection(const ReportContext& ctx) {
    Section sec{SectionId::Methodology, sectionTitle(SectionId::Methodology), {}};
    sec.blocks.push_back(Subheading{"How exposure is measured"});
    sec.blocks.push_back(Paragraph{
        "A lens decides whether one site's output of one material counts as exposed to China, at "
        "the as-of date. Exposure then flows through the supply network from the mines to us:"});
    sec.blocks.push_back(lensBullets());
    sec.blocks.push_back(exposureBullets());
    sec.blocks.push_back(Subheading{"How stress scenarios are run"});
    sec.blocks.push_back(scenarioBullets());
    sec.blocks.push_back(Subheading{"Assumptions"});
    sec.blocks.push_back(assumptionBullets());
    sec.blocks.push_back(Subheading{"This report"});
    sec.blocks.push_back(aboutTable(ctx));
    sec.blocks.push_back(Subheading{"Data sources"});
    const Dataset& d = ctx.net.data();
    if (d.sources.empty()) {
        sec.blocks.push_back(Paragraph{"The workspace lists no sources."});
    } else {
        const auto vintage = d.referenceVintage();
        sec.blocks.push_back(Paragraph{
            "The sources of the reference data (world production shares and export controls cite "
            "them by id)" +
            (vintage ? "; the newest is from " + std::to_string(*vintage) : std::string()) + "."});
        sec.blocks.push_back(sourcesTable(ctx));
    }
    return sec;
}

} // namespace chokepoint::core::report

// SPDX-License-Identifier: MIT
// The one-page executive summary.
#include <algorithm>
#include <cmath>

#include "core/report/reportcontext.h"
#include "core/scenario/criticalityoutput.h"
#include "core/util/format.h"

namespace chokepoint::core::report {

namespace an = analysis;
namespace sc = scenario;

namespace {

std::string plural(size_t n, const std::string& one, const std::string& many) {
    return formatCount(double(n)) + " " + (n == 1 ? one : many);
}

KpiRow headlineKpis(const ReportContext& ctx) {
    const an::Summary& s = ctx.summary();
    KpiRow row;
    // The headline with its range next to it (SPEC §3 "Ranges").
    std::string detail =
        formatMoney(s.revenueAtRisk) + " of " + formatMoney(s.revenue) + " revenue at risk";
    if (s.revenueDependenceLow && s.revenueDependenceHigh)
        detail = "range " + formatPercentRange(*s.revenueDependenceLow, *s.revenueDependenceHigh) +
                 "; " + detail + " (" + formatMoneyRange(s.revenueAtRiskLow, s.revenueAtRiskHigh) +
                 ")";
    row.items.push_back({"China dependence of revenue",
                         Cell::ofNumber(s.revenueDependence, NumberFormat::Percent), detail});
    row.items.push_back({"Spend at risk", Cell::ofNumber(s.spendAtRisk, NumberFormat::Money),
                         "of " + formatMoney(s.spend) + " tier-1 spend"});
    row.items.push_back({"Materials over 50 % dependent",
                         Cell::ofNumber(double(s.materialsOverHalf), NumberFormat::Count),
                         "of " + plural(s.materials.size(), "material", "materials")});
    // Confirmed and scheduled measures apart: scheduled ones not counted are named separately.
    const size_t scheduled = uncountedScheduled(ctx).size();
    row.items.push_back(
        {"Controls in force touching us",
         Cell::ofNumber(double(s.controlsInForce.size()), NumberFormat::Count),
         "at " + ctx.options.asOf.toString() +
             (scheduled > 0 ? "; " + plural(scheduled, "scheduled measure", "scheduled measures") +
                                  " due, unconfirmed, not counted"
                            : std::string())});
    if (const int w = ctx.worstScenario(); w >= 0) {
        const sc::ScenarioResult& r = ctx.scenarios[size_t(w)];
        row.items.push_back({"Worst scenario: lost revenue",
                             Cell::ofNumber(r.totalLostRevenue, NumberFormat::Money),
                             r.runs > 1 ? "P10\u2013P90 " + formatMoney(r.lostRevenueP10) +
                                              " \u2013 " + formatMoney(r.lostRevenueP90)
                                        : "one deterministic run"});
    }
    return row;
}

std::string leadText(const ReportContext& ctx) {
    const an::Summary& s = ctx.summary();
    std::string text = "As of " + ctx.options.asOf.toString() + ", ";
    if (s.revenueDependence) {
        text +=
            formatPercent(*s.revenueDependence) +
            (s.revenueDependenceLow && s.revenueDependenceHigh
                 ? " (range " +
                       formatPercentRange(*s.revenueDependenceLow, *s.revenueDependenceHigh) + ")"
                 : std::string()) +
            " of annual revenue (" + formatMoney(s.revenueAtRisk) + " of " +
            formatMoney(s.revenue) + ") depends on supply from China under the " +
            lensTitle(ctx.options.lens) + " lens (" + lensDescription(ctx.options.lens) + ")";
        std::vector<std::string> others;
        for (const an::Lens lens : {an::Lens::Location, an::Lens::Owned, an::Lens::Controlled})
            if (lens != ctx.options.lens)
                if (const auto d = ctx.summaries[size_t(lens)].revenueDependence)
                    others.push_back(formatPercent(*d) + " under the " + lensTitle(lens) + " lens");
        if (!others.empty())
            text += "; " + joinNames(others);
        text += ". ";
    } else {
        text += "no product has a price, so no revenue figure can be given. ";
    }
    text += plural(s.materialsOverHalf, "material is", "materials are") + " more than 50 % " +
            "dependent, " + plural(s.singleCountryMaterials, "material comes", "materials come") +
            " from a single country at tier 1, and " +
            plural(s.controlsInForce.size(), "export control", "export controls") +
            " in force touch the supply chain.";
    if (ctx.criticality && !ctx.criticality->sites.empty() && ctx.criticality->sites[0].atRisk)
        text += " The most critical single site: " +
                sc::criticalSiteSentence(ctx.criticality->sites[0], ctx.criticality->horizonDays) +
                ".";
    return text;
}

Table chokepointTable(const ReportContext& ctx) {
    const an::Network& net = ctx.net;
    Table t;
    t.id = "chokepoints";
    t.addColumn("Chokepoint", Align::Left, 1.9);
    t.addColumn("Dependence", Align::Right, 0.9);
    t.addColumn("Spend at risk", Align::Right, 0.9);
    t.addColumn("Why", Align::Left, 5.0);
    const auto& cps = ctx.summary().chokepoints;
    for (size_t i = 0; i < cps.size() && i < ctx.options.summaryChokepoints; ++i) {
        const an::Chokepoint& c = cps[i];
        const bool material = c.kind == an::ChokepointKind::Material;
        t.addRow({Cell::ofText(material ? materialName(net, c.material)
                                        : siteName(net, c.site) + " (site)"),
                  Cell::ofNumber(c.dependence, NumberFormat::Percent),
                  Cell::ofNumber(c.spendAtRisk, NumberFormat::Money), Cell::ofText(c.why)});
    }
    return t;
}

Table controlsTable(const ReportContext& ctx, size_t& omitted) {
    const an::Network& net = ctx.net;
    Table t;
    t.id = "controls-in-force";
    t.addColumn("Control", Align::Left, 0.75);
    t.addColumn("Measure", Align::Left, 3.3);
    t.addColumn("In force since", Align::Left, 1.0);
    t.addColumn("Touches in our chain", Align::Left, 4.0);
    const auto& list = ctx.summary().controlsInForce;
    omitted =
        list.size() > ctx.options.summaryControls ? list.size() - ctx.options.summaryControls : 0;
    for (size_t i = 0; i < list.size() - omitted; ++i) {
        const Control& c = net.data().controls[size_t(list[i])];
        // Counted only because scheduled measures are assumed: never shown as plainly in force.
        const std::string title =
            cellText(c.title) + (ctx.controls->status(list[i]).scheduled
                                     ? " \u2014 scheduled, unconfirmed (assumed)"
                                     : std::string());
        t.addRow({Cell::ofText(c.id), Cell::ofText(title), Cell::ofDate(c.effective),
                  Cell::ofText(touchText(net, ctx.touches[size_t(list[i])], 3))});
    }
    return t;
}

std::string worstScenarioText(const ReportContext& ctx, int w) {
    const sc::ScenarioResult& r = ctx.scenarios[size_t(w)];
    std::string text = "\u201c" + dataText(r.name) + "\u201d";
    text += ctx.scenarios.size() > 1
                ? " is the worst of the " + formatCount(double(ctx.scenarios.size())) +
                      " chosen scenarios: "
                : ": ";
    text += formatMoney(r.totalLostRevenue) + " of revenue lost over " + formatDays(r.horizonDays) +
            " from " + r.asOf.toString();
    if (r.runs > 1)
        text += " (mean of " + formatCount(r.runs) + " runs; P10 " + formatMoney(r.lostRevenueP10) +
                ", P50 " + formatMoney(r.lostRevenueP50) + ", P90 " +
                formatMoney(r.lostRevenueP90) + ")";
    text += ".";
    const sc::ProductOutcome* hardest = nullptr;
    for (const auto& p : r.products)
        if (std::isfinite(p.lostRevenue) && p.lostRevenue > 0.0 &&
            (!hardest || p.lostRevenue > hardest->lostRevenue))
            hardest = &p;
    if (hardest)
        text += " Hardest hit: " + dataText(hardest->name) + " (" +
                formatMoney(hardest->lostRevenue) + ").";
    const sc::MaterialOutcome* first = nullptr;
    for (const auto& m : r.materials)
        if (m.firstShortfallDay && (!first || *m.firstShortfallDay < *first->firstShortfallDay))
            first = &m;
    if (first)
        text += " First shortfall: " + dataText(first->name) + " on day " +
                formatCount(*first->firstShortfallDay) + " (" +
                r.asOf.addDays(*first->firstShortfallDay).toString() + ").";
    else
        text += " Stock and supply cover every material throughout.";
    return text;
}

Table scenarioTable(const ReportContext& ctx) {
    Table t;
    t.id = "scenario-losses";
    t.addColumn("Scenario", Align::Left, 3.2);
    t.addColumn("Runs", Align::Right, 0.7);
    t.addColumn("Lost revenue (mean)", Align::Right, 1.2);
    t.addColumn("P10", Align::Right, 1.0);
    t.addColumn("P90", Align::Right, 1.0);
    std::vector<const sc::ScenarioResult*> order;
    for (const auto& r : ctx.scenarios)
        order.push_back(&r);
    std::stable_sort(order.begin(), order.end(),
                     [](auto* a, auto* b) { return a->totalLostRevenue > b->totalLostRevenue; });
    for (const sc::ScenarioResult* entry : order) {
        const sc::ScenarioResult& r = *entry;
        t.addRow({Cell::ofText(cellText(r.name)),
                  Cell::ofNumber(double(r.runs), NumberFormat::Count),
                  Cell::ofNumber(r.totalLostRevenue, NumberFormat::Money),
                  Cell::ofNumber(r.lostRevenueP10, NumberFormat::Money),
                  Cell::ofNumber(r.lostRevenueP90, NumberFormat::Money)});
    }
    return t;
}

} // namespace

Section buildSummarySection(const ReportContext& ctx) {
    Section s{SectionId::Summary, sectionTitle(SectionId::Summary), {}};
    if (ctx.options.fictionalData)
        s.blocks.push_back(Paragraph{kFictionalDataText, Paragraph::Style::Note});
    s.blocks.push_back(Paragraph{leadText(ctx), Paragraph::Style::Lead});
    if (const std::string ref = referenceNote(ctx); !ref.empty())
        s.blocks.push_back(Paragraph{ref, Paragraph::Style::Note});
    s.blocks.push_back(headlineKpis(ctx));

    s.blocks.push_back(Subheading{"Top chokepoints"});
    Table cps = chokepointTable(ctx);
    if (cps.rows.empty())
        s.blocks.push_back(Paragraph{"No material or site depends on China under this lens."});
    else
        s.blocks.push_back(std::move(cps));

    s.blocks.push_back(Subheading{"Export controls in force that touch us"});
    size_t omitted = 0;
    Table controls = controlsTable(ctx, omitted);
    if (controls.rows.empty()) {
        s.blocks.push_back(Paragraph{"No export control in force at " +
                                     ctx.options.asOf.toString() + " touches the supply chain."});
    } else {
        if (omitted > 0)
            controls.note = formatCount(double(omitted)) + " more in force: see \u201c" +
                            sectionTitle(SectionId::Controls) + "\u201d.";
        s.blocks.push_back(std::move(controls));
    }

    s.blocks.push_back(Subheading{"Stress scenarios"});
    if (const int w = ctx.worstScenario(); w >= 0) {
        s.blocks.push_back(Paragraph{worstScenarioText(ctx, w)});
        if (ctx.scenarios.size() > 1)
            s.blocks.push_back(scenarioTable(ctx));
    } else {
        s.blocks.push_back(
            Paragraph{"No stress scenario was chosen for this report.", Paragraph::Style::Note});
    }
    return s;
}

} // namespace chokepoint::core::report

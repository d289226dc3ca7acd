// SPDX-License-Identifier: MIT
// The report's critical sites (SPEC §7, §4.2): the ten sites whose outage would cost most,
// each with the reason in words, and the scatter of spend against lost revenue.
#include <algorithm>

#include "core/report/reportcontext.h"
#include "core/scenario/criticalityoutput.h"
#include "core/util/format.h"

namespace chokepoint::core::report {

namespace sc = scenario;

namespace {
constexpr size_t kTopSites = 10;
} // namespace

Section buildCriticalitySection(const ReportContext& ctx) {
    Section sec{SectionId::Criticality, sectionTitle(SectionId::Criticality), {}};
    if (!ctx.criticality) {
        sec.blocks.push_back(Paragraph{"Not computed.", Paragraph::Style::Note});
        return sec;
    }
    const sc::CriticalityResult& r = *ctx.criticality;
    const auto atRisk = size_t(std::count_if(r.sites.begin(), r.sites.end(),
                                             [](const sc::CriticalSite& c) { return c.atRisk; }));
    const auto deep = size_t(std::count_if(r.sites.begin(), r.sites.end(), [](const auto& c) {
        return c.atRisk && c.tier && *c.tier > 1;
    }));
    const auto assumed = size_t(
        std::count_if(r.sites.begin(), r.sites.end(), [](const auto& c) { return c.ttrAssumed; }));
    sec.blocks.push_back(Paragraph{
        "Every site that supplies our chain, at any tier, knocked out alone from day 0 as of " +
            r.asOf.toString() +
            ": how long our stock, other suppliers and qualified alternatives " +
            "carry us (time to survive) against how long the site takes to recover. " +
            formatCount(double(atRisk)) + " of " + formatCount(double(r.sites.size())) +
            " supplying sites would stop some of our output before they recover; " +
            formatCount(double(deep)) +
            " of them are below tier 1, where spend-based supplier reviews do not look.",
        Paragraph::Style::Lead});

    Table t;
    t.id = "critical-sites";
    t.addColumn("#", Align::Right, 0.3);
    t.addColumn("Site", Align::Left, 2.6);
    t.addColumn("Country", Align::Left, 0.7);
    t.addColumn("Tier", Align::Right, 0.4);
    t.addColumn("Our spend", Align::Right, 0.9);
    t.addColumn("Survives", Align::Right, 0.9);
    t.addColumn("Recovers", Align::Right, 0.9);
    t.addColumn("Lost revenue", Align::Right, 1.0);
    std::vector<std::string> reasons;
    for (size_t i = 0; i < r.sites.size() && i < kTopSites; ++i) {
        const sc::CriticalSite& c = r.sites[i];
        if (!(c.lostRevenue > 0.0))
            break;
        t.addRow({Cell::ofNumber(double(i + 1), NumberFormat::Count),
                  Cell::ofText(c.name.empty() ? c.id : c.name), Cell::ofText(c.country),
                  c.tier ? Cell::ofNumber(double(*c.tier), NumberFormat::Count) : Cell{},
                  c.tier == 1 ? Cell::ofNumber(c.spend, NumberFormat::Money) : Cell{},
                  Cell::ofText(sc::ttsText(c, r.horizonDays)),
                  Cell::ofText(formatDays(c.ttrDays) + (c.ttrAssumed ? " *" : "")),
                  Cell::ofNumber(c.lostRevenue, NumberFormat::Money)});
        reasons.push_back(sc::criticalSiteSentence(c, r.horizonDays));
    }
    if (t.rows.empty()) {
        sec.blocks.push_back(Paragraph{"No single site's outage would cost output within " +
                                           formatDays(r.horizonDays) + ".",
                                       Paragraph::Style::Body});
    } else {
        sec.blocks.push_back(Subheading{"The sites whose outage would cost most"});
        sec.blocks.push_back(std::move(t));
        sec.blocks.push_back(BulletList{std::move(reasons)});
    }
    sec.blocks.push_back(Paragraph{
        "Horizon " + formatDays(r.horizonDays) + "; lost revenue of a stop lasting the time to " +
            "recover. * no recovery_days for the site: the default of " +
            formatDays(r.defaultRecoveryDays) + " is assumed (" + formatCount(double(assumed)) +
            " of " + formatCount(double(r.sites.size())) + " sites).",
        Paragraph::Style::Note});

    // Spend against lost revenue, sites exposed under the report's lens highlighted.
    const std::vector<char> exposed = sc::sitesExposed(ctx.net, ctx.result());
    ScatterChart scatter;
    scatter.xTitle = "our annual spend with the site (log scale)";
    scatter.yTitle = "lost revenue if it stops";
    scatter.noneLabel = "tier 2+";
    scatter.plainName = "Not exposed";
    scatter.highlightName = "Exposed (" + lensTitle(ctx.options.lens) + " lens)";
    for (const sc::CriticalSite& c : r.sites) {
        ScatterChart::Point p;
        p.label = c.name.empty() ? c.id : c.name;
        if (c.tier == 1 && c.spend > 0.0)
            p.x = c.spend;
        p.y = c.lostRevenue;
        p.highlight = size_t(c.site) < exposed.size() && exposed[size_t(c.site)];
        scatter.points.push_back(std::move(p));
    }
    Chart chart;
    chart.id = "criticality-scatter";
    chart.title = "Our spend with each site against the revenue its outage would cost";
    chart.data = std::move(scatter);
    chart.aspect = 0.55;
    chart.note =
        "Sites we do not buy from directly (tier 2 and below) stand at \u201ctier 2+\u201d: "
        "the ones high up there are the deep-tier sites spend-based reviews miss.";
    sec.blocks.push_back(std::move(chart));
    return sec;
}

} // namespace chokepoint::core::report

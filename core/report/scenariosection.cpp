// SPDX-License-Identifier: MIT
// Each chosen stress scenario: assumptions, output fan, product losses, survival and recovery.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/report/reportcontext.h"
#include "core/util/format.h"

namespace chokepoint::core::report {

namespace an = analysis;
namespace sc = scenario;

namespace {

std::string daysRange(const sc::Shock& shock) {
    const int start = shock.start();
    std::string text = start == 0 ? "from day 0" : "from day " + formatCount(start);
    if (shock.durationDays)
        text += " for " + formatDays(*shock.durationDays);
    else
        text += " to the end of the horizon";
    return text;
}

std::string percentText(double fraction) {
    // 0.6 -> "60 %", 0.355 -> "35.5 %"
    const double p = fraction * 100.0;
    return formatFixed(p, std::fabs(p - std::round(p)) < 1e-9 ? 0 : 1) + " %";
}

std::string selectorText(const an::Network& net, const sc::Selector& s) {
    auto names = [&](const std::vector<std::string>& ids, auto&& nameOf) {
        std::vector<std::string> out;
        for (const auto& id : ids)
            out.push_back(nameOf(id));
        return joinNames(out, 5);
    };
    auto country = [&](const std::string& id) { return countryName(net, id); };
    std::string text = "flows";
    if (s.materials)
        text += " of " + names(*s.materials, [&](const std::string& id) {
                    const an::Index m = net.materials.find(id);
                    return m == an::kNone ? id : materialName(net, m);
                });
    if (s.sites)
        text += " from " + names(*s.sites, [&](const std::string& id) {
                    const an::Index site = net.sites.find(id);
                    return site == an::kNone ? id : siteName(net, site);
                });
    if (s.countries)
        text += " from sites in " + names(*s.countries, country);
    if (s.technologies)
        text += std::string(s.sites || s.countries ? " using " : " from sites using ") +
                names(*s.technologies, [&](const std::string& id) {
                    const an::Index t = net.technologies.find(id);
                    return t == an::kNone ? id : technologyName(net, t);
                });
    if (s.ownerCountries)
        text += " of suppliers owned from " + names(*s.ownerCountries, country);
    if (s.controlled)
        text += *s.controlled ? " covered by export controls in force"
                              : " not covered by export controls";
    return text == "flows" ? std::string("all flows") : text;
}

std::string shockText(const an::Network& net, const sc::Shock& shock) {
    std::string what;
    switch (shock.kind) {
    case sc::ShockKind::Stop:
        what = "stop of " + selectorText(net, shock.select);
        break;
    case sc::ShockKind::Capacity:
        what = "capacity cut to " + percentText(shock.capacity.value_or(0.0)) + " for " +
               selectorText(net, shock.select);
        break;
    case sc::ShockKind::Licence: {
        what = "licence needed for " + selectorText(net, shock.select);
        if (shock.delayDays) {
            const sc::Delay& d = *shock.delayDays;
            what += d.triangular
                        ? "; review " + formatCount(d.min) + "\u2013" + formatCount(d.max) +
                              " days (most likely " + formatCount(d.mode) + ")"
                        : "; review " + formatDays(d.min);
        }
        what += ", approval probability " + percentText(shock.approval());
        break;
    }
    }
    what += "; " + daysRange(shock) + ".";
    if (shock.label && !shock.label->empty())
        what = *shock.label + " \u2014 " + what;
    what[0] = char(std::toupper(static_cast<unsigned char>(what[0])));
    return what;
}

Table productTable(const sc::ScenarioResult& r, const an::Network& net) {
    Table t;
    t.id = "scenario-products";
    t.addColumn("Product", Align::Left, 3.0);
    t.addColumn("Lost units", Align::Right, 1.0);
    t.addColumn("Lost revenue", Align::Right, 1.1);
    t.addColumn("Share of annual revenue", Align::Right, 1.2);
    for (const auto& p : r.products) {
        std::optional<double> share;
        if (const an::Index i = net.products.find(p.id); i != an::kNone) {
            const double revenue = net.productVolume[size_t(i)] * net.productPrice[size_t(i)];
            if (std::isfinite(revenue) && revenue > 0.0 && std::isfinite(p.lostRevenue))
                share = p.lostRevenue / revenue;
        }
        t.addRow({Cell::ofText(cellText(p.name)), Cell::ofNumber(p.lostUnits, NumberFormat::Count),
                  Cell::ofNumber(p.lostRevenue, NumberFormat::Money),
                  Cell::ofNumber(share, NumberFormat::Percent)});
    }
    if (r.runs > 1)
        t.note = "Means over " + formatCount(r.runs) + " runs.";
    return t;
}

constexpr double kTolerance = 1e-9; // the engine's tolerance for comparisons with 1

// The day supply is back for good: the day after the last day with S < 1; none when supply
// is short on the last day of the horizon or never dips.
std::optional<int> supplyRecoveryDay(const sc::MaterialOutcome& m) {
    for (size_t t = m.supply.size(); t-- > 0;)
        if (m.supply[t] < 1.0 - kTolerance)
            return t + 1 < m.supply.size() ? std::optional<int>(int(t + 1)) : std::nullopt;
    return std::nullopt;
}

std::optional<int> disruptionDay(const sc::MaterialOutcome& m) {
    for (size_t t = 0; t < m.supply.size(); ++t)
        if (m.supply[t] < 1.0 - kTolerance)
            return int(t);
    return std::nullopt;
}

Cell dayCell(const std::optional<int>& day, const char* none) {
    return day ? Cell::ofNumber(double(*day), NumberFormat::Day) : Cell::ofText(none);
}

// Materials with a daily need: time to survive (stock and supply cover the need until the
// first shortfall) against time to recover (supply back for good).
void survival(const sc::ScenarioResult& r, std::vector<Block>& blocks) {
    SurvivalChart chart;
    chart.horizonDays = r.horizonDays;
    Table t;
    t.id = "scenario-materials";
    t.addColumn("Material", Align::Left, 2.6);
    t.addColumn("Stock at start", Align::Right, 0.9);
    t.addColumn("Lowest supply", Align::Right, 0.9);
    t.addColumn("Supply short from", Align::Right, 0.95);
    t.addColumn("Stock lasts until", Align::Right, 0.95);
    t.addColumn("Supply back", Align::Right, 0.95);
    t.addColumn("Output recovers", Align::Right, 0.95);
    for (const auto& m : r.materials) {
        if (!(m.needPerDay > 0.0))
            continue;
        const auto disrupted = disruptionDay(m);
        const auto back = supplyRecoveryDay(m);
        if (disrupted) {
            SurvivalChart::Item item{dataText(m.name), std::nullopt, std::nullopt, false};
            if (m.firstShortfallDay)
                item.survivalDays = double(*m.firstShortfallDay);
            if (back)
                item.recoveryDays = double(*back);
            item.atRisk = m.firstShortfallDay.has_value();
            chart.items.push_back(std::move(item));
        }
        const double lowest =
            m.supply.empty() ? 1.0 : *std::min_element(m.supply.begin(), m.supply.end());
        t.addRow({Cell::ofText(cellText(m.name)),
                  Cell::ofNumber(m.initialInventory / m.needPerDay, NumberFormat::Days),
                  Cell::ofNumber(lowest, NumberFormat::Percent), dayCell(disrupted, "never"),
                  disrupted ? dayCell(m.firstShortfallDay, "horizon end") : Cell::ofText("\u2013"),
                  disrupted ? dayCell(back, "not in horizon") : Cell::ofText("\u2013"),
                  m.firstShortfallDay ? dayCell(m.recoveryDay, "not in horizon")
                                      : Cell::ofText("\u2013")});
    }
    blocks.push_back(Subheading{"Materials: survival and recovery"});
    if (!chart.items.empty()) {
        const size_t n = chart.items.size();
        blocks.push_back(Chart{"scenario-survival", "Time to survive vs time to recover",
                               std::move(chart),
                               std::clamp((110.0 + 30.0 * double(n)) / 640.0, 0.3, 1.2),
                               "Materials whose supply falls short. A material runs out (marked "
                               "\u26a0) when its stock is gone before supply is back."});
    }
    t.note = "Days from the scenario start. Stock at start in days of need; lowest supply is "
             "the smallest daily share of normal supply, alternatives included. Output "
             "recovers: the day from which the material's need is met again for good." +
             std::string(r.runs > 1 ? " Days from the median run." : "");
    blocks.push_back(std::move(t));
}

} // namespace

std::vector<std::string> describeScenario(const an::Network& net, const sc::Scenario& s) {
    std::vector<std::string> lines;
    for (const auto& shock : s.shocks)
        lines.push_back(shockText(net, shock));
    if (s.shocks.empty())
        lines.push_back("No shock: a baseline.");
    if (s.mitigations) {
        for (const auto& [id, days] : s.mitigations->extraInventoryDays) {
            const an::Index m = net.materials.find(id);
            lines.push_back("Mitigation: " + formatDays(days) + " of extra stock of " +
                            (m == an::kNone ? id : materialName(net, m)) + ".");
        }
        if (!s.mitigations->useAlternatives())
            lines.push_back("Mitigation: alternative suppliers are not used.");
    }
    return lines;
}

Section buildScenariosSection(const ReportContext& ctx) {
    const an::Network& net = ctx.net;
    Section sec{SectionId::Scenarios, sectionTitle(SectionId::Scenarios), {}};
    if (ctx.scenarios.empty()) {
        sec.blocks.push_back(Paragraph{"No stress scenario was chosen for this report. Scenario "
                                       "files (JSON) are described in docs/scenarios.md."});
        return sec;
    }
    sec.blocks.push_back(Paragraph{
        "Each scenario follows supply day by day through the network to our products: stock "
        "bridges a shortfall until it runs out, then output falls to what the scarcest material "
        "allows. Lost revenue is lost output times the unit price."});
    for (size_t i = 0; i < ctx.scenarios.size(); ++i) {
        const sc::ScenarioResult& r = ctx.scenarios[i];
        const sc::Scenario& s = ctx.options.scenarios[i].scenario;
        if (i > 0)
            sec.blocks.push_back(PageBreak{});
        sec.blocks.push_back(Subheading{"Scenario: " + dataText(r.name)});
        if (s.description && !s.description->empty())
            sec.blocks.push_back(Paragraph{dataText(*s.description), Paragraph::Style::Note});
        std::string setup =
            "As of " + r.asOf.toString() + ", horizon " + formatDays(r.horizonDays) + ", " +
            (r.runs > 1
                 ? formatCount(r.runs) + " Monte Carlo runs (seed " + std::to_string(r.seed) + ")"
                 : std::string("one deterministic run")) +
            ". What it assumes:";
        sec.blocks.push_back(Paragraph{setup});
        sec.blocks.push_back(BulletList{describeScenario(net, s)});

        KpiRow kpis;
        kpis.items.push_back({r.runs > 1 ? "Lost revenue (mean)" : "Lost revenue",
                              Cell::ofNumber(r.totalLostRevenue, NumberFormat::Money),
                              "over " + formatDays(r.horizonDays)});
        if (r.runs > 1) {
            kpis.items.push_back({"Lost revenue P10",
                                  Cell::ofNumber(r.lostRevenueP10, NumberFormat::Money),
                                  "one run in ten loses less"});
            kpis.items.push_back(
                {"Lost revenue P90", Cell::ofNumber(r.lostRevenueP90, NumberFormat::Money),
                 "one run in ten loses more; P50 " + formatMoney(r.lostRevenueP50)});
        }
        if (!r.dailyOutput.empty()) {
            const auto low = std::min_element(r.dailyOutput.begin(), r.dailyOutput.end());
            kpis.items.push_back({"Lowest daily output",
                                  Cell::ofNumber(*low, NumberFormat::Percent),
                                  "on day " + formatCount(double(low - r.dailyOutput.begin())) +
                                      (r.runs > 1 ? " (P50)" : "")});
        }
        size_t shortMaterials = 0, withNeed = 0;
        for (const auto& m : r.materials) {
            withNeed += m.needPerDay > 0.0 ? 1 : 0;
            shortMaterials += m.firstShortfallDay ? 1 : 0;
        }
        kpis.items.push_back({"Materials running short",
                              Cell::ofNumber(double(shortMaterials), NumberFormat::Count),
                              "of " + formatCount(double(withNeed)) + " with a daily need"});
        sec.blocks.push_back(std::move(kpis));

        FanChart fan;
        fan.start = r.asOf;
        fan.median = r.dailyOutput;
        if (r.runs > 1) {
            fan.low = r.dailyOutputP10;
            fan.high = r.dailyOutputP90;
        }
        fan.medianName = r.runs > 1 ? "P50 of runs" : "Output";
        fan.bandName = "P10\u2013P90";
        sec.blocks.push_back(Chart{"scenario-output", "Daily output, share of planned revenue",
                                   std::move(fan), 0.42,
                                   r.runs > 1 ? "The band holds 80 % of the runs on each day "
                                                "(P10 to P90); the line is the median."
                                              : std::string()});

        sec.blocks.push_back(Subheading{"Products: lost output and revenue"});
        BarChart losses;
        losses.valueFormat = NumberFormat::Money;
        ChartSeries lost{"Lost revenue", {}, SeriesRole::Risk};
        for (const auto& p : r.products) {
            losses.categories.push_back(dataText(p.name));
            lost.values.push_back(std::isfinite(p.lostRevenue) ? p.lostRevenue : 0.0);
        }
        losses.series = {lost};
        const size_t n = losses.categories.size();
        if (n > 0)
            sec.blocks.push_back(Chart{"scenario-losses",
                                       "Lost revenue by product",
                                       std::move(losses),
                                       std::clamp((70.0 + 26.0 * double(n)) / 640.0, 0.22, 1.0),
                                       {}});
        sec.blocks.push_back(productTable(r, net));
        survival(r, sec.blocks);
    }
    return sec;
}

} // namespace chokepoint::core::report

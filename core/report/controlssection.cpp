// SPDX-License-Identifier: MIT
// The export-controls timeline: every recorded measure, its period and what it touches.
#include <algorithm>
#include <numeric>

#include "core/report/reportcontext.h"
#include "core/util/format.h"

namespace chokepoint::core::report {

namespace an = analysis;

Section buildControlsSection(const ReportContext& ctx) {
    const an::Network& net = ctx.net;
    const auto& controls = net.data().controls;
    const Date asOf = ctx.options.asOf;
    Section sec{SectionId::Controls, sectionTitle(SectionId::Controls), {}};

    // Confirmed measures in force, and scheduled ones apart (SPEC §3): counted only when
    // assumed, and then said so.
    size_t inForce = 0, touching = 0, assumed = 0;
    for (const an::Index c : ctx.controls->inForceControls()) {
        ++inForce;
        touching += ctx.touches[size_t(c)].touches() ? 1 : 0;
        assumed += ctx.controls->status(c).scheduled ? 1 : 0;
    }
    const size_t uncounted = uncountedScheduled(ctx).size();
    std::string scheduled;
    if (assumed > 0)
        scheduled = " (" + formatCount(double(assumed)) +
                    " of them scheduled, unconfirmed, counted because scheduled measures are "
                    "assumed)";
    else if (uncounted > 0)
        scheduled = " (and " + formatCount(double(uncounted)) +
                    " scheduled, unconfirmed measures due by then, not counted)";
    sec.blocks.push_back(Paragraph{
        formatCount(double(controls.size())) + " export-control measures are recorded; " +
        formatCount(double(inForce)) + " are in force at " + asOf.toString() + scheduled +
        ", and " + formatCount(double(touching)) +
        " of those touch our supply chain: they cover a material in it (one we use or buy, or "
        "an input of one) or a technology used by a site we depend on, at any tier. A measure "
        "applies from its effective date up to the day before its end (suspension or lifting)."});
    if (controls.empty())
        return sec;

    std::vector<size_t> order(controls.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return controls[a].effective < controls[b].effective;
    });

    TimelineChart timeline;
    Date first = asOf, last = asOf;
    for (const size_t c : order) {
        const Control& ctl = controls[c];
        first = std::min(first, ctl.effective);
        last = std::max(last, ctl.effective);
        if (ctl.end)
            last = std::max(last, *ctl.end);
        timeline.items.push_back({ctl.id + "  " + dataText(ctl.title), ctl.effective, ctl.end,
                                  ctx.controls->inForce(an::Index(c)) && ctx.touches[c].touches(),
                                  ctl.status == ControlStatus::Scheduled});
    }
    // Whole quarters around the data, and room after the last date.
    timeline.axisStart = Date::fromYmd(first.year(), (first.month() - 1) / 3 * 3 + 1, 1);
    const Date after = last.addDays(92);
    timeline.axisEnd = Date::fromYmd(after.year(), (after.month() - 1) / 3 * 3 + 1, 1);
    timeline.marker = asOf;
    timeline.markerLabel = "as of " + asOf.toString();
    timeline.highlightName = "In force and touching us";
    timeline.otherName = "Other periods";
    timeline.scheduledName = "Scheduled, unconfirmed";
    // Qt Charts drops a row label that does not fit its row: 23 px rows at 640 px wide.
    const double aspect = std::clamp((80.0 + 23.0 * double(order.size())) / 640.0, 0.3, 1.25);
    sec.blocks.push_back(Chart{"controls-timeline", "Export controls over time",
                               std::move(timeline), aspect,
                               "Bars run from the effective date to the end (suspension or "
                               "lifting); open-ended measures run to the right edge. Dashed: "
                               "scheduled measures (e.g. a resumption when a suspension lapses) "
                               "that the reference data does not confirm."});

    Table t;
    t.id = "controls";
    t.addColumn("Control", Align::Left, 0.75);
    t.addColumn("Measure", Align::Left, 3.1);
    t.addColumn("Kind", Align::Left, 0.85);
    t.addColumn("Effective", Align::Left, 0.95);
    t.addColumn("End", Align::Left, 0.95);
    t.addColumn("Status at the as-of date", Align::Left, 1.1);
    t.addColumn("Touches in our chain", Align::Left, 2.6);
    for (const size_t c : order) {
        const Control& ctl = controls[c];
        const ControlTouch& touch = ctx.touches[c];
        std::vector<std::string> names;
        for (const an::Index m : touch.materials)
            names.push_back(materialName(net, m));
        for (size_t k = 0; k < touch.technologies.size(); ++k) {
            const an::Index tech = touch.technologies[k];
            const int sites = touch.technologySites[k];
            names.push_back(technologyName(net, tech) + " (" + formatCount(sites) +
                            (sites == 1 ? " site)" : " sites)"));
        }
        std::string touches = names.empty() ? "nothing we use" : joinNames(names, 4);
        if (touch.otherItems > 0)
            touches += " (+" + formatCount(double(touch.otherItems)) + " other item" +
                       (touch.otherItems == 1 ? ")" : "s)");
        t.addRow({Cell::ofText(ctl.id), Cell::ofText(cellText(ctl.title)),
                  Cell::ofText(controlKindText(ctl)), Cell::ofDate(ctl.effective),
                  Cell::ofDate(ctl.end), Cell::ofText(statusText(*ctx.controls, an::Index(c))),
                  Cell::ofText(touches)});
    }
    t.note = "Issued by " +
             joinNames(
                 [&] {
                     std::vector<std::string> issuers;
                     for (const Control& c : controls) {
                         const std::string name = countryName(net, c.issuer);
                         if (std::find(issuers.begin(), issuers.end(), name) == issuers.end())
                             issuers.push_back(name);
                     }
                     return issuers;
                 }(),
                 6) +
             ". Sources of each measure are listed in the appendix.";
    sec.blocks.push_back(std::move(t));
    return sec;
}

} // namespace chokepoint::core::report

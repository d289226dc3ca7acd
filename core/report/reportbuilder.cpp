// SPDX-License-Identifier: MIT
#include "core/report/reportbuilder.h"

#include <algorithm>
#include <mutex>

#include "core/report/reportcontext.h"

namespace chokepoint::core::report {

namespace an = analysis;

bool ReportOptions::has(SectionId id) const {
    return std::find(sections.begin(), sections.end(), id) != sections.end();
}

Result<ReportDocument> buildReport(const an::Network& net, const ReportOptions& options) {
    if (options.sections.empty())
        return Error{"the report has no section: choose at least one"};
    const Error cancelled{"cancelled"};
    std::mutex progressMutex;
    auto progress = [&](double fraction, const std::string& stage) {
        if (!options.progress)
            return;
        const std::lock_guard lock(progressMutex);
        options.progress(std::clamp(fraction, 0.0, 1.0), stage);
    };

    if (!options.asOf.inRange())
        return Error{"the as-of date " + options.asOf.toString() +
                     " is outside the supported range " + Date::rangeText()};
    // Exposure is quick; the scenarios take the time, so they get most of the progress bar.
    progress(0.0, "Computing exposure");
    const an::ExposureEngine engine(net);
    ReportContext ctx{net, options, engine, {}, {}, {}, {}, {}, {}};
    ctx.controls =
        std::make_shared<const an::ControlState>(net, options.asOf, options.assumeScheduled);
    for (const an::Lens lens : {an::Lens::Location, an::Lens::Owned, an::Lens::Controlled}) {
        ctx.results[size_t(lens)] = engine.compute(lens, ctx.controls);
        ctx.summaries[size_t(lens)] = an::summarize(net, ctx.results[size_t(lens)], {}, 10);
    }
    ctx.touches = controlTouches(net);
    if (options.stop.stop_requested())
        return cancelled;

    const size_t n = options.scenarios.size();
    for (size_t i = 0; i < n; ++i) {
        const auto& s = options.scenarios[i];
        const double base = 0.05 + 0.9 * double(i) / double(n);
        progress(base, "Running scenario \u201c" + dataText(s.scenario.name) + "\u201d");
        scenario::RunOptions run;
        run.threads = options.threads;
        run.stop = options.stop;
        run.defaultAsOf = options.asOf;
        run.defaultAssumeScheduled = options.assumeScheduled;
        run.progress = [&, base](int done, int total) {
            progress(base + 0.9 / double(n) * double(done) / double(std::max(1, total)),
                     "Running scenario \u201c" + dataText(s.scenario.name) + "\u201d");
        };
        ctx.scenarios.push_back(scenario::runScenario(net, s.scenario, run));
        if (ctx.scenarios.back().cancelled || options.stop.stop_requested())
            return cancelled;
    }

    if (options.has(SectionId::Criticality)) {
        progress(0.95, "Knocking out each supplying site");
        scenario::CriticalityOptions c;
        c.asOf = options.asOf;
        c.threads = options.threads;
        c.stop = options.stop;
        ctx.criticality = scenario::computeCriticality(net, c);
        if (ctx.criticality->cancelled || options.stop.stop_requested())
            return cancelled;
    }

    progress(0.96, "Assembling the report");
    ReportDocument doc;
    doc.title = "China exposure report";
    doc.workspaceName = dataText(options.workspaceName);
    doc.asOf = options.asOf;
    doc.lensName = lensTitle(options.lens);
    doc.version = CHOKEPOINT_VERSION;
    doc.fictionalData = options.fictionalData;
    for (const SectionId id : kAllSections) {
        if (!options.has(id))
            continue;
        switch (id) {
        case SectionId::Summary:
            doc.sections.push_back(buildSummarySection(ctx));
            break;
        case SectionId::Products:
            doc.sections.push_back(buildProductsSection(ctx));
            break;
        case SectionId::Materials:
            doc.sections.push_back(buildMaterialsSection(ctx));
            break;
        case SectionId::Suppliers:
            doc.sections.push_back(buildSuppliersSection(ctx));
            break;
        case SectionId::Controls:
            doc.sections.push_back(buildControlsSection(ctx));
            break;
        case SectionId::Scenarios:
            doc.sections.push_back(buildScenariosSection(ctx));
            break;
        case SectionId::Criticality:
            doc.sections.push_back(buildCriticalitySection(ctx));
            break;
        case SectionId::Map:
            doc.sections.push_back(buildMapSection(ctx));
            break;
        case SectionId::Methodology:
            doc.sections.push_back(buildMethodologySection(ctx));
            break;
        }
    }
    progress(1.0, "Done");
    return doc;
}

} // namespace chokepoint::core::report

// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/analysis/exposureengine.h"
#include "core/model/date.h"
#include "core/report/reportdocument.h"
#include "core/scenario/scenario.h"
#include "core/util/result.h"

namespace chokepoint::core::analysis {
class Network;
}

namespace chokepoint::core::report {

/// A stress scenario to include, validated against the network (scenarioparser.h).
struct ReportScenario {
    scenario::Scenario scenario;
    std::string source; ///< where it came from, for the appendix (a file name)
};

/// What goes into a report. The same options on the same workspace give the same document:
/// nothing depends on the clock (the as-of date stands for "today").
struct ReportOptions {
    std::string workspaceName; ///< shown in the title and the appendix
    Date asOf;                 ///< date of the exposure figures and controls in force
    analysis::Lens lens = analysis::Lens::Location; ///< lens of the headline figures
    /// The workspace holds the bundled example (Workspace::isBundledExample()): every page
    /// says that its company data is fictional.
    bool fictionalData = false;
    /// Count scheduled (unconfirmed) measures as in force (SPEC §3); also the default of
    /// scenarios without `assume_scheduled`.
    bool assumeScheduled = false;
    /// Sections in report order (kAllSections order is used whatever the order given).
    std::vector<SectionId> sections{std::begin(kAllSections), std::end(kAllSections)};
    std::vector<ReportScenario> scenarios;
    size_t summaryChokepoints = 5; ///< rows of the summary's chokepoint table
    size_t summaryControls = 4;    ///< rows of the summary's controls table

    /// Worker threads for Monte Carlo runs (0 = all cores); never changes the numbers.
    int threads = 0;
    /// Called with the fraction done (0..1) and a short stage text, from the calling thread
    /// or a scenario worker thread, one call at a time.
    std::function<void(double fraction, const std::string& stage)> progress;
    /// A stop request makes buildReport() return promptly with the error "cancelled".
    std::stop_token stop;

    bool has(SectionId id) const;
};

/// Builds the executive report (SPEC §7) of the network: exposure under all three lenses at
/// `asOf` (ExposureEngine, summarize()), each chosen scenario run with runScenario(), and the
/// methodology with the workspace's sources. Pure function of (network, options); thread-safe.
/// Errors: no section chosen, or cancelled through `options.stop`.
Result<ReportDocument> buildReport(const analysis::Network& network, const ReportOptions& options);

} // namespace chokepoint::core::report

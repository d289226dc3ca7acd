// SPDX-License-Identifier: MIT
// Internal to core/report: what the section builders share.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/analysis/chaincoverage.h"
#include "core/analysis/exposureengine.h"
#include "core/analysis/network.h"
#include "core/analysis/summary.h"
#include "core/report/reportbuilder.h"
#include "core/report/reportdocument.h"
#include "core/scenario/criticality.h"
#include "core/scenario/scenarioengine.h"

namespace chokepoint::core::report {

/// What one export control would cover in our supply chain (analysis::chainTouches() with
/// every measure counted), and how many of its items cover nothing there.
struct ControlTouch : analysis::ChainTouch {
    size_t otherItems = 0; ///< listed items that cover nothing in the chain
};

struct ReportContext {
    const analysis::Network& net;
    const ReportOptions& options;
    const analysis::ExposureEngine& engine;
    std::array<analysis::ExposureResult, 3> results; ///< by Lens
    std::array<analysis::Summary, 3> summaries;      ///< by Lens, no filter
    /// The measures counted at the as-of date (with options.assumeScheduled).
    std::shared_ptr<const analysis::ControlState> controls;
    std::vector<ControlTouch> touches;               ///< per control (Dataset::controls order)
    std::vector<scenario::ScenarioResult> scenarios; ///< per options.scenarios
    /// SPEC §4.2 at the report's date over 365 days (when the section is chosen).
    std::optional<scenario::CriticalityResult> criticality;

    const analysis::ExposureResult& result() const { return results[size_t(options.lens)]; }
    const analysis::Summary& summary() const { return summaries[size_t(options.lens)]; }
    /// The scenario with the largest mean lost revenue (the first of equals); -1 without any.
    int worstScenario() const;
};

/// What the summary and the appendix say about the bundled example's company data.
inline constexpr const char* kFictionalDataText =
    "Fictional example data: the company, its suppliers, sites, purchases, products and stock "
    "in this workspace are the bundled example, invented for illustration. Only the reference "
    "data (world shares, export controls) comes from public sources.";

/// "Time after the data" (SPEC §3): when the as-of date is after the profile's
/// reference_cutoff, "Reference data checked up to …; measures dated after it are scheduled, not
/// confirmed." and whether these figures count them; empty otherwise. Said next to the
/// figures of every exposure section and in the appendix.
std::string referenceNote(const ReportContext& ctx);
/// Measures whose dates put them in force at the as-of date but whose status is scheduled
/// and which the report does not count (assume scheduled off), in data order.
std::vector<analysis::Index> uncountedScheduled(const ReportContext& ctx);

// Names for people. Each is a data string isolated for bidirectional text (dataText()).
std::string materialName(const analysis::Network& net, analysis::Index m);
std::string productName(const analysis::Network& net, analysis::Index p);
std::string siteName(const analysis::Network& net, analysis::Index s);
std::string countryName(const analysis::Network& net, const std::string& iso3);
std::string technologyName(const analysis::Network& net, analysis::Index t);
std::string supplierName(const analysis::Network& net, analysis::Index s);
/// Any text that comes from the data (a name, a title, a description) as the report shows
/// it in sentences, headings and chart labels: cut to kMaxInlineText characters (elideText)
/// and isolated (isolateBidi), so that neither a 10,000-character name nor right-to-left
/// text or controls in it can swamp or reorder the text around it. Every data string goes
/// through it, cellText() or a name above (issue 17).
std::string dataText(std::string_view text);
/// A data string as a table cell shows it: isolated, in full (the table is where a long
/// name can be read whole; the PDF writer caps a cell at what fits on a page).
std::string cellText(std::string_view text);
inline constexpr size_t kMaxInlineText = 120;
std::string lensTitle(analysis::Lens lens);
std::string lensDescription(analysis::Lens lens);
/// "a, b and c"; with more than `max` items "a, b, c and 4 more".
std::string joinNames(const std::vector<std::string>& names, size_t max = 6);
/// A control's kind for people: "licence", "prohibition", "country ban".
std::string controlKindText(const Control& control);

/// The touched materials and technologies by name ("Graphite, LFP cathode technology").
std::string touchText(const analysis::Network& net, const ControlTouch& touch, size_t max);

/// What each measure (Network::controls order) would cover in the chain of our reported
/// materials, whatever its dates and status.
std::vector<ControlTouch> controlTouches(const analysis::Network& net);
/// The status column of a measure: "in force", "scheduled, unconfirmed", "ended or
/// suspended", ...
std::string statusText(const analysis::ControlState& controls, analysis::Index control);

// The section builders, one per file.
Section buildSummarySection(const ReportContext& ctx);
Section buildProductsSection(const ReportContext& ctx);
Section buildMaterialsSection(const ReportContext& ctx);
Section buildSuppliersSection(const ReportContext& ctx);
Section buildControlsSection(const ReportContext& ctx);
Section buildScenariosSection(const ReportContext& ctx);
Section buildCriticalitySection(const ReportContext& ctx);
Section buildMapSection(const ReportContext& ctx);
Section buildMethodologySection(const ReportContext& ctx);

/// The shocks of a scenario in words, one line each, then its mitigations.
std::vector<std::string> describeScenario(const analysis::Network& net,
                                          const scenario::Scenario& scenario);

} // namespace chokepoint::core::report

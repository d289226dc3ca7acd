// SPDX-License-Identifier: MIT
#pragma once

#include <string>

#include "core/analysis/exposureengine.h"
#include "core/scenario/criticality.h"
#include "core/scenario/scenario.h"

namespace chokepoint::core::scenario {

/// The result as JSON, keys of SPEC §5 plus extensions (docs/json-output.md). Every site,
/// ranked; numbers as plain JSON numbers, missing values null.
std::string criticalityToJson(const CriticalityResult& result);

/// The first `top` ranked sites (all when top ≤ 0) as CSV with a header row.
std::string criticalityToCsv(const CriticalityResult& result, int top = 0);

/// The first `top` ranked sites (all when top ≤ 0) as a table for the terminal, with a
/// summary line: how many sites lose output before they recover.
std::string criticalityToTable(const CriticalityResult& result, int top = 0);

/// "16 days", or "> 120 days" when even the whole horizon loses nothing.
std::string ttsText(const CriticalSite& site, int horizonDays);

/// One sentence for people: "Plant 65 (Sup 65, JPN, tier 2): feeds 2 of our tier-1
/// suppliers; survives 57 days, recovers in 90: $14.4 m lost".
std::string criticalSiteSentence(const CriticalSite& site, int horizonDays);

/// Per site: whether the exposure result counts something it delivers as exposed, L(s, m)
/// for one of its nodes (colours criticality views by the lens).
std::vector<char> sitesExposed(const analysis::Network& net, const analysis::ExposureResult& r);

/// "Stress this site": a deterministic scenario stopping the site on days 0 … TTR−1 at the
/// result's as-of date and horizon, ready for the scenario editor.
Scenario siteStopScenario(const CriticalityResult& result, const CriticalSite& site);

} // namespace chokepoint::core::scenario

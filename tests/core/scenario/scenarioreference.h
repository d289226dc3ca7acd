// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/dataset.h"
#include "core/scenario/scenario.h"

namespace chokepoint::test {

/// The outcome of one deterministic scenario run computed by referenceScenario().
struct ReferenceOutcome {
    std::map<std::string, double> lostUnits;   ///< per product id
    std::map<std::string, double> lostRevenue; ///< per product id (0 without a price)
    double totalLostRevenue = 0.0;
    std::vector<double> dailyOutput;
    /// Per BOM material with need: S (with alternatives), r and inventory per day.
    std::map<std::string, std::vector<double>> supply, fillRate, inventory;
    std::map<std::string, std::optional<int>> firstShortfall, recovery;
};

/// A deliberately plain implementation of SPEC §4 for one deterministic run, written
/// straight from the formulas: string-keyed maps, every day computed from scratch by
/// recursion, nothing shared with the engine. Slow; for tests on small networks only.
/// Licence shocks use the deterministic rules of SPEC §4 (delay = mode rounded half up, an
/// approval probability below 1 counts as refused); `controlled` selectors follow the v2
/// rules of SPEC §3 at `asOf` (tests/support/referencecontrols.h).
ReferenceOutcome referenceScenario(const core::Dataset& data,
                                   const core::scenario::Scenario& scenario, core::Date asOf);

} // namespace chokepoint::test

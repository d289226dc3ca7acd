// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "core/analysis/network.h"
#include "core/scenario/scenario.h"

namespace chokepoint::core::scenario {

/// How to run a scenario. The result never depends on `threads`.
struct RunOptions {
    int threads = 0; ///< worker threads for Monte Carlo runs; 0 = all cores
    /// Called after each finished run with (runs done, runs in total). Called from worker
    /// threads, one call at a time; it must not block for long.
    std::function<void(int done, int total)> progress;
    /// Requesting a stop makes runScenario() return promptly with `cancelled` set.
    std::stop_token stop;
    /// Date for `controlled` selectors when the scenario has no as_of (default: today).
    std::optional<Date> defaultAsOf;
    /// *Assume scheduled* when the scenario has no assume_scheduled.
    bool defaultAssumeScheduled = false;
};

struct ProductOutcome {
    std::string id;
    std::string name;
    double lostUnits = 0.0;     ///< mean over runs
    double lostRevenue = 0.0;   ///< mean over runs; NaN when the product has no unit price
    std::vector<double> output; ///< x(P, t) of the deterministic or the median run
};

struct MaterialOutcome {
    std::string id;
    std::string name;
    double needPerDay = 0.0; ///< 0: not in any BOM (bought directly only)
    double initialInventory = 0.0;
    /// Deterministic or median run; for materials with need only.
    std::optional<int> firstShortfallDay;
    std::optional<int> recoveryDay;
    std::vector<double> supply;    ///< S(m, t) with alternatives
    std::vector<double> fillRate;  ///< r(m, t); empty without need
    std::vector<double> inventory; ///< I(m, t) at the end of day t; empty without need
};

/// What runScenario() found. When `cancelled`, only the echo of the inputs is set.
struct ScenarioResult {
    bool cancelled = false;
    std::string name;
    Date asOf;
    bool assumeScheduled = false; ///< scheduled measures counted for `controlled` selectors
    int runs = 1;
    uint64_t seed = 0;
    int horizonDays = 0;

    double totalLostRevenue = 0.0; ///< mean over runs
    double lostRevenueP10 = 0.0, lostRevenueP50 = 0.0, lostRevenueP90 = 0.0;
    std::vector<double> runLostRevenue; ///< per run, in run order (for a histogram)
    int medianRun = 0;                  ///< the run whose details are reported

    std::vector<ProductOutcome> products;   ///< ordered by id
    std::vector<MaterialOutcome> materials; ///< reported materials (BOM or bought), by id

    /// Total output fraction per day, weighted by volume · unit price: the deterministic
    /// run, or the per-day P50 over runs; P10 and P90 bands and the mean beside it.
    std::vector<double> dailyOutput, dailyOutputP10, dailyOutputP90, dailyOutputMean;

    /// Work done: entities (unknown supply, nodes, groups) a shock can reach, and the part
    /// recomputed per Monte Carlo run.
    size_t affectedEntities = 0;
    size_t variableEntities = 0;
};

/// Runs a validated scenario (see parseScenario) over the network: SPEC §4, with
/// `scenario.runs` Monte Carlo runs when > 1. Pure function of (network, scenario,
/// as-of date): thread-safe for concurrent calls on one Network. Runs are spread over
/// `options.threads` std::threads; the same seed gives the same numbers on any count.
ScenarioResult runScenario(const analysis::Network& network, const Scenario& scenario,
                           const RunOptions& options = {});

/// The result as JSON, keys of SPEC §5 plus extensions (see docs/scenarios.md).
std::string scenarioResultToJson(const ScenarioResult& result);

} // namespace chokepoint::core::scenario

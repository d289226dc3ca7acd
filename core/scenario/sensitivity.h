// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

#include "core/analysis/network.h"
#include "core/scenario/scenario.h"
#include "core/scenario/scenarioengine.h"
#include "core/util/result.h"

namespace chokepoint::core::scenario {

/// A scenario input that a sensitivity analysis moves between a low and a high value.
enum class ParameterKind {
    Delay,               ///< licence shock: delay in days (a triangle moves with its mode)
    ApprovalProbability, ///< licence shock: 0–1
    Capacity,            ///< capacity shock: availability 0–1
    Duration,            ///< any shock: duration in days
    ExtraInventory,      ///< mitigation: extra days of stock of `material`
    Alternatives,        ///< mitigation: 0 = alternatives off, 1 = on
};

struct SensitivityParameter {
    ParameterKind kind = ParameterKind::Delay;
    int shock = -1;       ///< index into Scenario::shocks (shock parameters only)
    std::string material; ///< ExtraInventory only
    double low = 0.0;
    double high = 0.0;
    bool operator==(const SensitivityParameter&) const = default;
};

/// "Shock 2 (label): licence delay", "Extra stock of <name>", "Alternatives".
std::string parameterLabel(const Scenario& scenario, const SensitivityParameter& parameter,
                           const analysis::Network* network = nullptr);

/// The parameter's value in the scenario as written (defaults applied): the delay's mode,
/// the duration to the horizon when not given, 0 extra days, alternatives 1 (on) by default.
double parameterBaseValue(const Scenario& scenario, const SensitivityParameter& parameter);

/// The scenario with the parameter set to `value`. Delay: a fixed delay becomes `value`; a
/// triangle moves by (value − mode), its min not below 0. Duration and delay are rounded to
/// whole days; Alternatives: on when value ≥ 0.5. The result is not validated.
Scenario withParameter(Scenario scenario, const SensitivityParameter& parameter, double value);

/// Parameters for every shock of the scenario (licence: delay and approval probability;
/// capacity: capacity; every shock: duration), every extra-inventory mitigation, the
/// materials in a product BOM without one (0 to 30 extra days), and alternatives (off/on).
/// Default ranges: delay and duration × 0.5 … × 1.5 (a delay of 0: 0 … 30 days; a shock
/// without a duration: half of its days … to the horizon), probability and capacity ± 0.25
/// within [0, 1], extra inventory 0 … twice the days (30 when none).
std::vector<SensitivityParameter> defaultParameters(const Scenario& scenario,
                                                    const analysis::Network& network);

struct SensitivityBar {
    SensitivityParameter parameter;
    std::string label;
    double lowLostRevenue = 0.0;  ///< lost revenue with the parameter at `low`
    double highLostRevenue = 0.0; ///< lost revenue with the parameter at `high`
    double swing() const;         ///< |high − low|
};

struct SensitivityResult {
    bool cancelled = false;
    double baseLostRevenue = 0.0; ///< the scenario as written
    int runsPerPoint = 1;
    /// One bar per parameter, the largest swing first (ties: input order).
    std::vector<SensitivityBar> bars;
};

struct SensitivityOptions {
    /// false: every point is one deterministic run (runs = 1); true: every point runs the
    /// scenario's Monte Carlo runs with its seed (lost revenue = the mean over runs).
    bool monteCarlo = false;
    /// Threads, stop token and defaultAsOf as for runScenario(). `progress` receives
    /// (runs done, runs in total) over all points.
    RunOptions run;
};

/// Lost revenue of the scenario as written and with each parameter at its low and its high
/// value (2 · parameters + 1 evaluations of runScenario()). Errors (nothing run): a
/// parameter that does not fit its shock (capacity of a licence shock, a shock index out of
/// range) or a value that makes the scenario invalid (validateScenario()). A stop request
/// returns a result with `cancelled` set and no bars. Thread-safe like runScenario().
Result<SensitivityResult> runSensitivity(const analysis::Network& network, const Scenario& scenario,
                                         const std::vector<SensitivityParameter>& parameters,
                                         const SensitivityOptions& options = {});

} // namespace chokepoint::core::scenario

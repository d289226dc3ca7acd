// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <optional>
#include <stop_token>

#include <QString>

#include "core/analysis/network.h"
#include "core/scenario/comparison.h"
#include "core/scenario/histogram.h"
#include "core/scenario/scenario.h"
#include "core/scenario/scenarioengine.h"

namespace chokepoint::ui {

class JobToken;

/// Everything the Scenarios page shows for one scenario, computed off the GUI thread by core
/// (the page only maps it onto charts and tables).
struct ScenarioRun {
    QString title; ///< shown in legends: the scenario's name
    core::scenario::Scenario scenario;
    core::scenario::ScenarioResult result; ///< as written: Monte Carlo when runs > 1
    /// With runs > 1, the same scenario with runs = 1 (the deterministic line of the fan).
    std::optional<core::scenario::ScenarioResult> deterministic;
    core::scenario::ScenarioFigures figures;
    core::scenario::Histogram histogram; ///< per-run lost revenue (runs > 1)
    bool cancelled = false;
};

/// A stop request shared by a job and the Cancel button, so that cancelling reaches the
/// engine at once (the JobRunner's token is only polled at progress callbacks).
using StopHandle = std::shared_ptr<std::stop_source>;

/// Runs one scenario (its Monte Carlo runs and, when runs > 1, the deterministic run too).
/// Progress goes to `token` mapped into [from, to]; a superseded token or a stop request on
/// `stop` ends the work early with `cancelled` set.
ScenarioRun runScenarioForDisplay(const core::analysis::Network& network,
                                  const core::scenario::Scenario& scenario, const JobToken& token,
                                  const StopHandle& stop, double from = 0.0, double to = 1.0);

} // namespace chokepoint::ui

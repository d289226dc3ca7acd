// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/scenariorun.h"

#include <QCoreApplication>

#include "ui/jobrunner.h"

namespace chokepoint::ui {

namespace sc = core::scenario;

ScenarioRun runScenarioForDisplay(const core::analysis::Network& network,
                                  const sc::Scenario& scenario, const JobToken& token,
                                  const StopHandle& stop, double from, double to) {
    ScenarioRun run;
    run.title = QString::fromStdString(scenario.name);
    run.scenario = scenario;
    const bool monteCarlo = scenario.runs > 1;
    // The deterministic run is quick; the Monte Carlo runs take the rest of the bar.
    const double split = monteCarlo ? from + (to - from) * 0.02 : to;
    const QString name = run.title;
    auto options = [&](double lo, double hi, bool runs) {
        sc::RunOptions o;
        o.stop = stop->get_token();
        o.progress = [&token, stop, lo, hi, runs, name](int done, int total) {
            const QString text =
                runs ? QCoreApplication::translate("ScenariosPage", "%1: run %2 of %3")
                           .arg(name)
                           .arg(done)
                           .arg(total)
                     : QCoreApplication::translate("ScenariosPage", "%1: deterministic run")
                           .arg(name);
            if (!token.progress(lo + (hi - lo) * done / std::max(1, total), text))
                stop->request_stop();
        };
        return o;
    };
    auto stopped = [&] {
        if (token.cancelled())
            stop->request_stop();
        return stop->stop_requested();
    };
    if (monteCarlo) {
        sc::Scenario once = scenario;
        once.runs = 1;
        run.deterministic = sc::runScenario(network, once, options(from, split, false));
        if (run.deterministic->cancelled || stopped()) {
            run.cancelled = true;
            return run;
        }
    }
    run.result = sc::runScenario(network, scenario, options(split, to, monteCarlo));
    if (run.result.cancelled || stopped()) {
        run.cancelled = true;
        return run;
    }
    run.figures = sc::scenarioFigures(run.result);
    if (monteCarlo)
        run.histogram = sc::makeHistogram(run.result.runLostRevenue, 24);
    return run;
}

} // namespace chokepoint::ui

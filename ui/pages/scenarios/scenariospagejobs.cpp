// SPDX-License-Identifier: MIT
// ScenariosPage: the background jobs (run, compare, sensitivity), their progress and cancel.
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>

#include "core/scenario/sensitivity.h"
#include "ui/appstate.h"
#include "ui/displayformat.h"
#include "ui/pages/scenarios/compareview.h"
#include "ui/pages/scenarios/resultsview.h"
#include "ui/pages/scenarios/scenarioeditor.h"
#include "ui/pages/scenarios/sensitivityview.h"
#include "ui/pages/scenariospage.h"

namespace chokepoint::ui {

namespace sc = core::scenario;

bool ScenariosPage::isRunning() const {
    return m_runner.isBusy() && !m_job.isEmpty();
}

void ScenariosPage::startJob(const QString& what) {
    // A newer job replaces a running one (latest wins): stop the old one in the engine too.
    if (m_stop)
        m_stop->request_stop();
    m_stop = std::make_shared<std::stop_source>();
    m_job = what;
    m_progress->setValue(0);
    m_progress->setFormat(tr("starting…"));
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_cancel->setEnabled(true);
    m_compare->setRunEnabled(false);
    m_sensitivity->setRunEnabled(false);
}

void ScenariosPage::finishJob() {
    if (m_runner.isBusy())
        return;
    m_job.clear();
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    m_compare->setRunEnabled(true);
    m_sensitivity->setRunEnabled(true);
    updateHeader();
}

bool ScenariosPage::run() {
    const auto net = state().network();
    if (!net)
        return false;
    if (!m_editor->isValid()) {
        setStatus(tr("Fix the %n problem(s) listed below the editor before running.", nullptr,
                     int(m_editor->issues().size())),
                  true);
        m_tabs->setCurrentIndex(EditorTab);
        return false;
    }
    const sc::Scenario scenario = m_editor->scenario();
    startJob(QStringLiteral("run"));
    setStatus({});
    m_results->setRun(nullptr,
                      tr("Running \u201c%1\u201d…").arg(QString::fromStdString(scenario.name)));
    m_tabs->setCurrentIndex(ResultsTab);
    const StopHandle stop = m_stop;
    m_runner.run(
        [net, scenario, stop](const JobToken& token) {
            return runScenarioForDisplay(*net, scenario, token, stop);
        },
        [this](ScenarioRun run) {
            if (run.cancelled) {
                m_results->setRun(nullptr, tr("The run was cancelled: no results."));
                return;
            }
            m_results->setRun(std::make_shared<const ScenarioRun>(std::move(run)));
        });
    return true;
}

void ScenariosPage::cancel() {
    if (m_stop)
        m_stop->request_stop();
    m_runner.cancel();
    const QString job = m_job;
    if (job == QStringLiteral("run"))
        m_results->setRun(nullptr, tr("The run was cancelled: no results."));
    else if (job == QStringLiteral("compare"))
        m_compare->setResult(nullptr, tr("The comparison was cancelled."));
    else if (job == QStringLiteral("sensitivity"))
        m_sensitivity->setResult(nullptr, tr("The sensitivity run was cancelled."));
    m_cancel->setEnabled(false);
    m_progress->setFormat(tr("cancelling…"));
}

void ScenariosPage::runComparison() {
    const auto net = state().network();
    QVector<CompareCandidate> chosen = m_compare->checked();
    if (!net || chosen.size() < 2)
        return;
    std::vector<sc::Scenario> scenarios;
    for (CompareCandidate& c : chosen) {
        if (c.key == QStringLiteral("draft"))
            c.scenario = m_editor->scenario(); // what the editor holds now
        // Examples and saved scenarios were checked for form only: check ids now.
        const auto issues = sc::validateScenario(c.scenario, net.get());
        if (!issues.empty()) {
            m_compare->setResult(
                nullptr, tr("\u201c%1\u201d cannot run here: %2")
                             .arg(c.title, QString::fromStdString(issues.front().toString())));
            return;
        }
        scenarios.push_back(c.scenario);
    }
    startJob(QStringLiteral("compare"));
    m_compare->setResult(nullptr, tr("Running %1 scenarios…").arg(scenarios.size()));
    const StopHandle stop = m_stop;
    m_runner.run(
        [net, scenarios, stop](const JobToken& token) -> std::shared_ptr<const ComparisonRun> {
            std::vector<std::shared_ptr<const ScenarioRun>> runs;
            const double n = double(scenarios.size());
            for (size_t i = 0; i < scenarios.size(); ++i) {
                ScenarioRun r =
                    runScenarioForDisplay(*net, scenarios[i], token, stop, i / n, (i + 1) / n);
                if (r.cancelled)
                    return nullptr;
                runs.push_back(std::make_shared<const ScenarioRun>(std::move(r)));
            }
            return std::make_shared<const ComparisonRun>(makeComparison(std::move(runs)));
        },
        [this](std::shared_ptr<const ComparisonRun> result) {
            m_compare->setResult(result, result ? QString() : tr("The comparison was cancelled."));
        });
}

void ScenariosPage::runSensitivity() {
    const auto net = state().network();
    if (!net)
        return;
    const sc::Scenario scenario = m_editor->scenario();
    const auto parameters = m_sensitivity->parameters();
    if (parameters.empty()) {
        m_sensitivity->setResult(nullptr, tr("Check at least one parameter."));
        return;
    }
    sc::SensitivityOptions options;
    options.monteCarlo = m_sensitivity->monteCarlo();
    startJob(QStringLiteral("sensitivity"));
    m_sensitivity->setResult(nullptr,
                             tr("Running %n parameter(s)…", nullptr, int(parameters.size())));
    const StopHandle stop = m_stop;
    using Outcome = std::pair<std::shared_ptr<const sc::SensitivityResult>, QString>;
    m_runner.run(
        [net, scenario, parameters, options, stop](const JobToken& token) -> Outcome {
            sc::SensitivityOptions o = options;
            o.run.stop = stop->get_token();
            o.run.progress = [&token, stop](int done, int total) {
                if (!token.progress(double(done) / std::max(1, total),
                                    tr("sensitivity: run %1 of %2").arg(done).arg(total)))
                    stop->request_stop();
            };
            auto r = sc::runSensitivity(*net, scenario, parameters, o);
            if (!r)
                return {nullptr, QString::fromStdString(r.errorString())};
            if (r->cancelled)
                return {nullptr, tr("The sensitivity run was cancelled.")};
            return {std::make_shared<const sc::SensitivityResult>(std::move(*r)), QString()};
        },
        [this](Outcome outcome) { m_sensitivity->setResult(outcome.first, outcome.second); });
}

} // namespace chokepoint::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <memory>
#include <tuple>

#include "core/scenario/criticality.h"
#include "ui/jobrunner.h"
#include "ui/pages/page.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace chokepoint::ui {

class CriticalityTableModel;
class ScatterChart;
class SurvivalChart;
class TableView;

/// SPEC §6, the Criticality page: which single site, knocked out alone, would stop some of our
/// output before it recovers (SPEC §4.2). The ranked table, a scatter of our spend with the
/// site against the revenue its outage would cost (deep-tier sites at "no direct spend"),
/// time to survive against time to recover of the sites that hurt, and "Stress this site" to a
/// scenario draft. Results come from core::scenario::computeCriticality(), computed off the GUI
/// thread while the page is on show (progress, Cancel) and kept per (workspace snapshot, as-of,
/// horizon, default recovery), so switching pages does not recompute. Follows the as-of date,
/// the country filter (rows and points), the lens (highlighted points) and the selection.
class CriticalityPage : public Page {
    Q_OBJECT
public:
    explicit CriticalityPage(AppState& state, QWidget* parent = nullptr);
    ~CriticalityPage() override;
    QString title() const override { return tr("Criticality"); }
    void waitForIdle() override;

    /// The result on show (null while none is ready).
    std::shared_ptr<const core::scenario::CriticalityResult> result() const { return m_result; }
    /// Starts the computation if the current settings have no result yet (the page does so
    /// itself when shown).
    void ensureComputed();

    TableView* table() const { return m_table; }
    ScatterChart* scatter() const { return m_scatter; }
    SurvivalChart* survival() const { return m_survival; }
    QPushButton* stressButton() const { return m_stress; }
    QPushButton* computeButton() const { return m_compute; }
    QSpinBox* horizonBox() const { return m_horizon; }
    QSpinBox* recoveryBox() const { return m_recovery; }
    QLabel* summaryLabel() const { return m_summary; }
    QProgressBar* progressBar() const { return m_progress; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    using Key = std::tuple<const void*, int, int, int>; // network, as-of, horizon, recovery
    Key currentKey() const;
    void settingsChanged();
    void compute();
    void cancel();
    void setResult(std::shared_ptr<const core::scenario::CriticalityResult> result);
    void refreshViews();
    void selectKey(const QString& key);
    void followSelection();
    void stressSelected();
    const core::scenario::CriticalSite* selectedSite() const;

    JobRunner m_runner;
    std::shared_ptr<std::stop_source> m_stop;
    std::map<Key, std::shared_ptr<const core::scenario::CriticalityResult>> m_cache;
    std::shared_ptr<const core::scenario::CriticalityResult> m_result;
    bool m_running = false;

    QLabel* m_context = nullptr;
    QLabel* m_summary = nullptr;
    QSpinBox* m_horizon = nullptr;
    QSpinBox* m_recovery = nullptr;
    QPushButton* m_compute = nullptr;
    QProgressBar* m_progress = nullptr;
    CriticalityTableModel* m_model = nullptr;
    TableView* m_table = nullptr;
    QPushButton* m_stress = nullptr;
    ScatterChart* m_scatter = nullptr;
    SurvivalChart* m_survival = nullptr;
};

} // namespace chokepoint::ui

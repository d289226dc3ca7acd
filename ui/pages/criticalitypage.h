// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <vector>

#include "core/scenario/criticality.h"
#include "ui/pages/page.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace chokepoint::ui {

class CriticalityJobs;
class CriticalityTableModel;
class ScatterChart;
class SurvivalChart;
class TableView;

/// SPEC §6, the Criticality page: which single site, knocked out alone, would stop some of our
/// output before it recovers (SPEC §4.2). The ranked table, a scatter of our spend with the
/// site against the revenue its outage would cost (deep-tier sites at "no direct spend"),
/// time to survive against time to recover of the sites that hurt, and "Stress this site" to a
/// scenario draft. Results come from CriticalityJobs (shared with the Map page): computed off
/// the GUI thread while the page is on show (progress, Cancel) and kept per (workspace
/// snapshot, as-of, horizon, default recovery), so switching pages does not recompute.
/// Follows the as-of date, the product, stage and country filters (rows and points: see
/// shownSites()), the lens (highlighted points) and the selection; a selected site's paths to
/// our products are in the details dock.
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
    /// Per network site, whether the filter bar keeps it: it supplies a material of the
    /// stage, on the way to the product's materials (core::analysis::sitesInChain()), and it
    /// is located in the country. Empty when no filter is set.
    std::vector<char> shownSites() const;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void settingsChanged();
    void resultsChanged();
    QString filterText() const;
    void runningChanged(bool running);
    void compute();
    void setResult(std::shared_ptr<const core::scenario::CriticalityResult> result);
    void refreshViews();
    void selectKey(const QString& key);
    void followSelection();
    void stressSelected();
    const core::scenario::CriticalSite* selectedSite() const;

    CriticalityJobs& m_jobs;
    std::shared_ptr<const core::scenario::CriticalityResult> m_result;

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

// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <vector>

#include <QWidget>

#include "core/scenario/comparison.h"
#include "core/scenario/histogram.h"
#include "core/scenario/scenario.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace chokepoint::ui {

class FanChart;
class HistogramChart;
class StackedBarChart;
class TableView;
class ComparisonModel;
struct ScenarioRun;

/// A scenario the user may compare: a saved one, an example or the editor's draft.
struct CompareCandidate {
    QString key;   ///< "saved:<id>", "example:<n>", "draft"
    QString title; ///< shown in the list
    core::scenario::Scenario scenario;
};

/// What a comparison run produced (core figures; the view only draws them).
struct ComparisonRun {
    std::vector<std::shared_ptr<const ScenarioRun>> runs; ///< the baseline first
    core::scenario::Comparison comparison;
    /// Per-run lost revenue of each scenario on common bins (empty for deterministic ones).
    std::vector<core::scenario::Histogram> histograms;
};

/// Several scenarios side by side: pick them (the first checked is the baseline), run, and
/// see (a key names them A, B, … in the charts and the table) their total output overlaid (P50
/// lines with P10–P90 bands), lost revenue per scenario split by product, the lost-revenue
/// distributions overlaid and a table of every figure with its difference to the baseline
/// (core::scenario::compareScenarios).
class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);
    ~CompareView() override;

    /// The scenarios on offer; checked ones stay checked (by key).
    void setCandidates(const QVector<CompareCandidate>& candidates);
    /// The checked scenarios in list order (the baseline first).
    QVector<CompareCandidate> checked() const;
    void setChecked(const QStringList& keys);
    void setResult(std::shared_ptr<const ComparisonRun> result, const QString& message = {});
    void setRunEnabled(bool enabled);

    QListWidget* list() const { return m_list; }
    QPushButton* runButton() const { return m_run; }
    FanChart* outputChart() const { return m_output; }
    StackedBarChart* lossChart() const { return m_loss; }
    HistogramChart* histogramChart() const { return m_histogram; }
    TableView* table() const { return m_table; }
    ComparisonModel* model() const { return m_model; }
    QString statusText() const;
    /// The key above the charts (rich text; empty without a result): "A <name> (baseline)", …
    QString keyText() const;

Q_SIGNALS:
    void runRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void updateRunButton();
    void updateKey();

    QVector<CompareCandidate> m_candidates;
    QListWidget* m_list;
    QPushButton* m_run;
    QPushButton* m_up;
    QLabel* m_status;
    QLabel* m_key;
    QStringList m_keyNames; ///< the compared scenarios' titles, the baseline first
    FanChart* m_output;
    StackedBarChart* m_loss;
    HistogramChart* m_histogram;
    TableView* m_table;
    ComparisonModel* m_model = nullptr;
    bool m_runEnabled = true;
};

/// Runs for a comparison: figures and common-bin histograms from core (worker thread).
ComparisonRun makeComparison(std::vector<std::shared_ptr<const ScenarioRun>> runs);

} // namespace chokepoint::ui

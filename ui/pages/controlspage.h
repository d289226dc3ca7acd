// SPDX-License-Identifier: MIT
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>

#include "core/analysis/timeline.h"
#include "ui/appstate.h"
#include "ui/pages/page.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QToolButton;

namespace chokepoint::ui {

class ControlEditor;
class ControlTimeline;
class CoverageMatrixModel;
class JobRunner;
class KpiTile;
class LineChart;
class MatrixView;
class MeasurePanel;
class MeasureTableModel;
class TableFilterProxy;
class TableView;
class WhatChangedPanel;

/// Technologies & Controls (issue 6): the export-control measures of the workspace tied to
/// the company's own network.
///
/// - A timeline of the measures with a movable as-of marker that drives the global as-of
///   date, the controlled-lens KPIs at the marker and "controlled dependence of revenue over
///   time" (core::analysis::controlledTimeline, in the background);
/// - the selected measure (MeasurePanel): reference, dates, sources, items, what it alone
///   touches, and "stress this measure" / "run now";
/// - the list of measures; heat maps of technologies × sites and items × measures;
/// - what changed between two dates (WhatChangedPanel);
/// - adding, editing and deleting measures with undo and redo (ControlEditor), saved to the
///   workspace at once and recomputed.
///
/// While the page is hidden it only notes that it is stale and catches up when shown.
class ControlsPage : public Page {
    Q_OBJECT
public:
    enum Kpi { RevenueDependence, SpendAtRisk, MeasuresInForce, MaterialsOverHalf };
    static constexpr int kKpiCount = 4;
    enum Tab { MeasureTab, ListTab, TechnologyTab, ItemsTab, ChangesTab };

    explicit ControlsPage(AppState& state, QWidget* parent = nullptr);
    ~ControlsPage() override;
    QString title() const override { return tr("Technologies & Controls"); }

    KpiTile* tile(Kpi kpi) const { return m_tiles[kpi]; }
    ControlTimeline* timeline() const { return m_timeline; }
    LineChart* revenueChart() const { return m_chart; }
    QTabWidget* tabs() const { return m_tabs; }
    MeasurePanel* measurePanel() const { return m_panel; }
    MeasureTableModel* measureModel() const { return m_measures; }
    TableFilterProxy* measureProxy() const { return m_measureProxy; }
    TableView* measureTable() const { return m_measureTable; }
    CoverageMatrixModel* technologyMatrixModel() const { return m_techModel; }
    CoverageMatrixModel* itemMatrixModel() const { return m_itemModel; }
    MatrixView* technologyMatrix() const { return m_techMatrix; }
    MatrixView* itemMatrix() const { return m_itemMatrix; }
    WhatChangedPanel* whatChanged() const { return m_changes; }
    ControlEditor* editor() const { return m_editor; }
    QComboBox* groupingBox() const { return m_grouping; }
    QCheckBox* withoutItemsBox() const { return m_withoutItems; }
    /// The last timeline result (null until the first lands).
    std::shared_ptr<const core::analysis::ControlTimeline> timelineResult() const {
        return m_result;
    }
    /// Waits until the page's background work (and AppState's) is done (tests).
    void waitForIdle() override;
    QString contextText() const;

    /// The add / edit dialogs (`id` empty: a new measure); false when cancelled or failed.
    bool openEditDialog(const QString& id);
    bool deleteMeasure(const QString& id, bool confirm);

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* buildTop(QWidget* parent);
    QWidget* buildTabs(QWidget* parent);
    void onWorkspaceLoaded();
    void onFiltersChanged();
    void onSelectionChanged();
    void rebuildLanes();
    void recomputeTimeline(bool reuse);
    void showTimeline();
    void updateDated();
    void updateContext();
    void select(const QString& key, bool activate);
    bool visibleOrMarkStale();

    std::array<KpiTile*, kKpiCount> m_tiles{};
    QLabel* m_context = nullptr;
    ControlTimeline* m_timeline = nullptr;
    QComboBox* m_grouping = nullptr;
    QCheckBox* m_withoutItems = nullptr;
    LineChart* m_chart = nullptr;
    QTabWidget* m_tabs = nullptr;
    MeasurePanel* m_panel = nullptr;
    MeasureTableModel* m_measures = nullptr;
    TableFilterProxy* m_measureProxy = nullptr;
    TableView* m_measureTable = nullptr;
    CoverageMatrixModel* m_techModel = nullptr;
    CoverageMatrixModel* m_itemModel = nullptr;
    MatrixView* m_techMatrix = nullptr;
    MatrixView* m_itemMatrix = nullptr;
    WhatChangedPanel* m_changes = nullptr;
    ControlEditor* m_editor = nullptr;
    JobRunner* m_timelineRunner = nullptr;
    JobRunner* m_matrixRunner = nullptr; // the two coverage matrices, built off the GUI thread
    QToolButton* m_editButton = nullptr;
    QToolButton* m_deleteButton = nullptr;

    std::shared_ptr<const core::analysis::ControlTimeline> m_result;
    std::shared_ptr<const core::analysis::Network> m_resultNetwork;
    std::optional<Filters> m_lastFilters; // what the page last showed
    QString m_measure;                    // the measure shown in the panel
    bool m_stale = true;
};

} // namespace chokepoint::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QString>
#include <QWidget>

#include "core/analysis/measureimpact.h"
#include "core/scenario/scenariofactory.h"

class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTextBrowser;

namespace chokepoint::ui {

class AppState;
class ImpactMaterialModel;
class ImpactProductModel;
class ImpactSiteModel;
class ImpactSupplierModel;
class JobRunner;
class TableView;

/// The selected measure: legal reference, dates, status at the as-of date, licence review
/// time, sources with links and items; what it alone does to the company (materials,
/// products, sites and suppliers it touches, from core::analysis::measureImpact, computed in
/// the background); and "stress this measure": a licence-delay scenario built by
/// core::scenario::measureStressScenario, sent to the Scenarios page as a draft or run here
/// (Monte Carlo on a JobRunner, with progress and cancel) to show the lost revenue.
class MeasurePanel : public QWidget {
    Q_OBJECT
public:
    explicit MeasurePanel(AppState& state, QWidget* parent = nullptr);
    ~MeasurePanel() override;

    /// Shows the measure (a control id; empty: none). Recomputes its impact.
    void showMeasure(const QString& controlId);
    QString measureId() const { return m_id; }
    /// Recomputes after a change of workspace or filters (impact) or date (status).
    void refresh(bool impactToo);

    // For tests and the page.
    QString detailsText() const;
    QString impactText() const;
    QString runText() const;
    ImpactMaterialModel* materialModel() const { return m_materials; }
    ImpactProductModel* productModel() const { return m_products; }
    ImpactSiteModel* siteModel() const { return m_sites; }
    ImpactSupplierModel* supplierModel() const { return m_suppliers; }
    QPushButton* stressButton() const { return m_stress; }
    QPushButton* runButton() const { return m_run; }
    QSpinBox* delayBox(int which) const; ///< 0 min, 1 mode, 2 max
    QDoubleSpinBox* approvalBox() const { return m_approval; }
    QSpinBox* runsBox() const { return m_runs; }
    JobRunner* impactRunner() const { return m_impactRunner; }
    JobRunner* scenarioRunner() const { return m_runRunner; }
    /// The scenario JSON the buttons use now (empty when the measure cannot be stressed).
    QString scenarioJson(QString* error = nullptr) const;

Q_SIGNALS:
    /// A row of an impact table was clicked (a selection key).
    void keySelected(const QString& key);
    void keyActivated(const QString& key);

private:
    void showDetails();
    void showImpact(const std::shared_ptr<const core::analysis::MeasureImpact>& impact);
    void resetStressOptions();
    void stress();
    void runNow();
    core::scenario::MeasureStressOptions stressOptions() const;

    AppState& m_state;
    QString m_id;
    QTextBrowser* m_details;
    QLabel* m_impactSummary;
    QTabWidget* m_impactTabs;
    ImpactMaterialModel* m_materials;
    ImpactProductModel* m_products;
    ImpactSiteModel* m_sites;
    ImpactSupplierModel* m_suppliers;
    QSpinBox* m_min;
    QSpinBox* m_mode;
    QSpinBox* m_max;
    QDoubleSpinBox* m_approval;
    QSpinBox* m_runs;
    QPushButton* m_stress;
    QPushButton* m_run;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_runResult;
    JobRunner* m_impactRunner;
    JobRunner* m_runRunner;
};

} // namespace chokepoint::ui

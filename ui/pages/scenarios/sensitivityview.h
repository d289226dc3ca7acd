// SPDX-License-Identifier: MIT
#pragma once

#include <memory>
#include <vector>

#include <QWidget>

#include "core/scenario/scenario.h"
#include "core/scenario/sensitivity.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace chokepoint::core::analysis {
class Network;
}

namespace chokepoint::ui {

class TornadoChart;

/// Sensitivity of lost revenue to the scenario's parameters: a table of parameters (every
/// shock's delay, approval probability, capacity and duration, every mitigation) with low
/// and high values the user sets, a Run button (the page runs core::scenario::
/// runSensitivity off the GUI thread) and the tornado chart of the result.
class SensitivityView : public QWidget {
    Q_OBJECT
public:
    enum Column { Include, Parameter, Base, Low, High };

    explicit SensitivityView(QWidget* parent = nullptr);

    /// The scenario whose parameters are listed (defaults from core); resets the result.
    void setScenario(const core::scenario::Scenario& scenario,
                     std::shared_ptr<const core::analysis::Network> network);
    /// The included parameters with the low and high values in the table.
    std::vector<core::scenario::SensitivityParameter> parameters() const;
    bool monteCarlo() const;
    /// Shows a result (nullptr: none, with `message`).
    void setResult(std::shared_ptr<const core::scenario::SensitivityResult> result,
                   const QString& message = {});
    void setRunEnabled(bool enabled);

    QTableWidget* table() const { return m_table; }
    TornadoChart* chart() const { return m_chart; }
    QPushButton* runButton() const { return m_run; }
    QCheckBox* monteCarloCheck() const { return m_monteCarlo; }
    QString statusText() const;

Q_SIGNALS:
    void runRequested();

private:
    core::scenario::Scenario m_scenario;
    std::shared_ptr<const core::analysis::Network> m_network;
    std::vector<core::scenario::SensitivityParameter> m_parameters; ///< one per table row
    QTableWidget* m_table;
    QCheckBox* m_monteCarlo;
    QPushButton* m_run;
    QLabel* m_status;
    TornadoChart* m_chart;
};

} // namespace chokepoint::ui

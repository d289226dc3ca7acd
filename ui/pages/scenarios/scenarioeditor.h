// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <memory>
#include <vector>

#include <QWidget>

#include "core/scenario/scenario.h"
#include "core/scenario/scenarioparser.h"

class QCheckBox;
class QDateEdit;
class QLineEdit;
class QLabel;
class QListView;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QVBoxLayout;

namespace chokepoint::core::analysis {
class Network;
}

namespace chokepoint::ui {

class IssueLabel;
class ShockForm;
class ShockListModel;

/// The scenario editor: name, description, as-of date, horizon, runs and seed; the shocks
/// (a list and a form for the selected one); mitigations (extra days of stock per material,
/// alternatives on/off). Every edit is checked as you type by core's parser
/// (parseScenarioDetailed on the JSON the editor writes): each problem is shown next to its
/// field and in a list below (click one to go to its field).
///
/// The editor keeps the Scenario it was given and changes only what the user edits, so a
/// scenario loaded and saved unchanged writes the same JSON (optional fields stay given or
/// not given).
class ScenarioEditor : public QWidget {
    Q_OBJECT
public:
    explicit ScenarioEditor(QWidget* parent = nullptr);
    ~ScenarioEditor() override;

    /// Pick lists and id checks; nullptr: ids are checked for form only.
    void setNetwork(std::shared_ptr<const core::analysis::Network> network);
    /// Shows `scenario` (without emitting edited()).
    void setScenario(const core::scenario::Scenario& scenario);
    core::scenario::Scenario scenario() const;
    /// scenarioToJson(scenario()).
    std::string json() const;
    const std::vector<core::scenario::ScenarioIssue>& issues() const { return m_issues; }
    bool isValid() const { return m_issues.empty(); }

    // The fields, for tests and the page.
    QLineEdit* nameEdit() const { return m_name; }
    QPlainTextEdit* descriptionEdit() const { return m_description; }
    QCheckBox* asOfCheck() const { return m_asOfGiven; }
    QDateEdit* asOfEdit() const { return m_asOf; }
    QSpinBox* horizonBox() const { return m_horizon; }
    QSpinBox* runsBox() const { return m_runs; }
    QLineEdit* seedEdit() const { return m_seed; }
    QListView* shockList() const { return m_shockList; }
    ShockListModel* shockModel() const { return m_shocks; }
    ShockForm* shockForm() const { return m_form; }
    int currentShock() const;
    void selectShock(int row);
    QPushButton* addShockButton() const { return m_addShock; }
    QPushButton* removeShockButton() const { return m_removeShock; }
    QTableWidget* inventoryTable() const { return m_inventory; }
    QPushButton* addInventoryButton() const { return m_addInventory; }
    QCheckBox* alternativesCheck() const { return m_alternatives; }
    /// The note under the extra-stock table (materials whose extra days change nothing).
    QString inventoryNoteText() const;
    QListWidget* issueList() const { return m_issueList; }
    /// The issue shown next to a top-level field ("name", "runs", "mitigations", …).
    QString issueText(const std::string& field) const;

    /// Adds an extra-inventory row as the "Add" button does, for `material` with `days`.
    void addInventoryRow(const QString& material, double days);

Q_SIGNALS:
    /// The user changed something.
    void edited();
    void issuesChanged();

private:
    void buildHeader(QWidget* parent, QVBoxLayout* layout);
    void buildShocks(QWidget* parent, QVBoxLayout* layout);
    void buildMitigations(QWidget* parent, QVBoxLayout* layout);
    void showScenario();
    void showInventory();
    void readInventory();
    void updateInventoryNote();
    void changed();
    void validate();
    void goToIssue(const QString& path);
    void onShockEdited();
    void updateShockButtons();

    std::shared_ptr<const core::analysis::Network> m_network;
    core::scenario::Scenario m_scenario; ///< header and mitigations; shocks in m_shocks
    std::vector<core::scenario::ScenarioIssue> m_issues;
    bool m_loading = false;

    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QCheckBox* m_asOfGiven = nullptr;
    QDateEdit* m_asOf = nullptr;
    QSpinBox* m_horizon = nullptr;
    QSpinBox* m_runs = nullptr;
    QLineEdit* m_seed = nullptr;
    QListView* m_shockList = nullptr;
    ShockListModel* m_shocks = nullptr;
    ShockForm* m_form = nullptr;
    QPushButton* m_addShock = nullptr;
    QPushButton* m_duplicateShock = nullptr;
    QPushButton* m_removeShock = nullptr;
    QPushButton* m_upShock = nullptr;
    QPushButton* m_downShock = nullptr;
    QTableWidget* m_inventory = nullptr;
    QPushButton* m_addInventory = nullptr;
    QPushButton* m_removeInventory = nullptr;
    QCheckBox* m_alternatives = nullptr;
    QLabel* m_inventoryNote = nullptr;
    QListWidget* m_issueList = nullptr;
    std::map<std::string, IssueLabel*> m_fieldIssues;
};

} // namespace chokepoint::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <map>
#include <string>

#include <QWidget>

#include "core/scenario/scenario.h"

class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace chokepoint::core::analysis {
class Network;
}

namespace chokepoint::ui {

class IdListEdit;
class IssueLabel;

/// Edits one shock of a scenario: label, selector (ids picked from the workspace), kind,
/// timing and the kind's parameters. The form keeps the shock it was given and changes only
/// the fields the user edits, so optional fields left alone stay as they were (given or not).
class ShockForm : public QWidget {
    Q_OBJECT
public:
    explicit ShockForm(QWidget* parent = nullptr);

    /// Pick lists and completions from the workspace (nullptr: none).
    void setNetwork(const core::analysis::Network* network);
    /// Shows `shock` without emitting edited().
    void setShock(const core::scenario::Shock& shock);
    const core::scenario::Shock& shock() const { return m_shock; }
    /// Problems by path inside the shock ("capacity", "select.countries[1]", "delay_days.mode");
    /// each is shown next to its field.
    void setIssues(const std::map<std::string, std::string>& issues);

    // The fields, for tests.
    QLineEdit* labelEdit() const { return m_label; }
    QComboBox* kindBox() const { return m_kind; }
    IdListEdit* idList(const std::string& selectorKey) const;
    QComboBox* controlledBox() const { return m_controlled; }
    QSpinBox* startBox() const { return m_start; }
    QSpinBox* durationBox() const { return m_duration; }
    QDoubleSpinBox* capacityBox() const { return m_capacity; }
    QComboBox* delayModeBox() const { return m_delayMode; }
    QDoubleSpinBox* delayBox(int part) const { return m_delay[part]; } ///< 0 min, 1 mode, 2 max
    QDoubleSpinBox* approvalBox() const { return m_approval; }
    /// The issue shown next to a field ("capacity", "select.materials", "delay_days", …).
    QString issueText(const std::string& field) const;

Q_SIGNALS:
    void edited();

private:
    void showShock();
    void updateKindRows();
    void onKindChanged();
    void onDelayChanged();
    void changed();

    core::scenario::Shock m_shock;
    bool m_loading = false;
    QLineEdit* m_label;
    QComboBox* m_kind;
    std::map<std::string, IdListEdit*> m_ids; ///< by selector JSON key
    QComboBox* m_controlled;
    QSpinBox* m_start;
    QSpinBox* m_duration;
    QDoubleSpinBox* m_capacity;
    QComboBox* m_delayMode;
    QDoubleSpinBox* m_delay[3];
    QDoubleSpinBox* m_approval;
    QWidget* m_capacityRow;
    QWidget* m_delayRow;
    QWidget* m_approvalRow;
    QLabel* m_capacityLabel;
    QLabel* m_delayLabel;
    QLabel* m_approvalLabel;
    std::map<std::string, IssueLabel*> m_issues; ///< by field
};

} // namespace chokepoint::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;
class QToolButton;

namespace chokepoint::ui {

class FieldMappingModel;
class ImportSession;

/// Step 2: which table each sheet or file fills, and which of its columns is which field.
/// Starts from the automatic proposal (or the mapping saved for the same columns); a sheet of
/// purchase lines can also fill suppliers and sites. Lists what keeps the mapping from use.
class MappingPage : public QWizardPage {
    Q_OBJECT
public:
    explicit MappingPage(ImportSession& session, QWidget* parent = nullptr);

    bool isComplete() const override;
    void initializePage() override;

    QListWidget* targetList() const { return m_targets; }
    QComboBox* tableCombo() const { return m_table; }
    FieldMappingModel* fieldModel() const { return m_model; }
    QTableView* fieldView() const { return m_fields; }
    QLabel* problemLabel() const { return m_problems; }
    /// Selects the target (source, table index in its mapping; -1 = the unmapped source).
    void selectTarget(size_t source, int table);

private:
    struct Target {
        size_t source = 0;
        int table = -1;
    };
    Target currentTarget() const;
    void rebuildTargets();
    void showTarget();
    void showInfo();
    void showProblems();
    void chooseTable(int comboIndex);
    void addTable(const QString& table);
    void removeTable();
    void editFields();

    ImportSession& m_session;
    QListWidget* m_targets;
    QToolButton* m_add;
    QPushButton* m_remove;
    QComboBox* m_table;
    QCheckBox* m_distinct;
    QLabel* m_info;
    QTableView* m_fields;
    FieldMappingModel* m_model;
    QLabel* m_problems;
    bool m_editingFields = false;
    Target m_pending{0, -2}; // selection to restore after a rebuild; table -2 = none
};

} // namespace chokepoint::ui

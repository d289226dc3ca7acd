// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>

#include <QDialog>
#include <QMap>

#include "core/io/controledit.h"
#include "core/model/dataset.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QWidget;

namespace chokepoint::ui {

/// Adds or edits one export-control measure: id, title, reference, dates, kind, status
/// (confirmed or scheduled), issuer, target countries (';'-separated, each completed from the
/// countries), licence review days, sources, and the covered materials and technologies
/// picked from lists. Every change is validated at once with the importer's rules
/// (core::io::checkControlDraft): fields with errors are marked, the problems are listed, and
/// OK stays disabled until there is no error (warnings are shown but allowed).
class ControlEditDialog : public QDialog {
    Q_OBJECT
public:
    /// `originalId` set: editing that measure (its current values prefill the form).
    ControlEditDialog(const core::Dataset& data, std::optional<std::string> originalId,
                      core::Date today, QWidget* parent = nullptr);

    /// The current check (control and items are set when there is no error).
    const core::io::ControlEditCheck& check() const { return m_check; }
    core::io::ControlDraft draft() const;
    void setDraft(const core::io::ControlDraft& draft);
    QString issuesText() const;
    bool canAccept() const;

    // The form's widgets (tests drive them like a user).
    QLineEdit* field(const QString& column) const { return m_fields.value(column); }
    QComboBox* kindBox() const { return m_kind; }
    QComboBox* statusBox() const { return m_status; }
    QListWidget* materialList() const { return m_materials; }
    QListWidget* technologyList() const { return m_technologies; }

private:
    QWidget* buildItemList(QListWidget*& list, const QString& title, bool materials);
    void validate();

    core::Dataset m_data; // the tables a measure refers to (a copy: the workspace may change)
    std::optional<std::string> m_originalId;
    QMap<QString, QLineEdit*> m_fields; // by interchange column
    QComboBox* m_kind = nullptr;
    QComboBox* m_status = nullptr;
    QListWidget* m_materials = nullptr;
    QListWidget* m_technologies = nullptr;
    QLabel* m_issues = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    core::io::ControlEditCheck m_check;
};

} // namespace chokepoint::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QStringList>
#include <QVector>
#include <QWidget>

class QCompleter;
class QLineEdit;
class QStandardItemModel;
class QToolButton;

namespace chokepoint::ui {

/// An id the user can pick, with its name for people.
struct IdChoice {
    QString id;
    QString name;
};

/// A list of workspace ids typed as text ("CHN, KOR") with completion on ids and names, and
/// a "…" button opening a checkable list of every choice (filterable). Ids not among the
/// choices are kept as typed (the scenario parser reports them).
class IdListEdit : public QWidget {
    Q_OBJECT
public:
    explicit IdListEdit(QWidget* parent = nullptr);

    void setChoices(QVector<IdChoice> choices);
    const QVector<IdChoice>& choices() const { return m_choices; }
    /// Shows `ids` without emitting idsEdited.
    void setIds(const QStringList& ids);
    /// The ids in the text: separated by commas, semicolons or spaces, duplicates dropped.
    QStringList ids() const;
    void setPlaceholderText(const QString& text);
    QLineEdit* lineEdit() const { return m_edit; }
    QToolButton* pickButton() const { return m_pick; }
    /// Opens the checkable list (tests: popup() gives the list widget's parent frame).
    void showPickList();
    QWidget* popup() const { return m_popup; }

Q_SIGNALS:
    /// The user typed, completed or picked ids.
    void idsEdited();

private:
    void completeLastToken(const QString& choice);
    void updateTooltip();

    QLineEdit* m_edit;
    QToolButton* m_pick;
    QCompleter* m_completer;
    QStandardItemModel* m_completions;
    QVector<IdChoice> m_choices;
    // A QPointer, not a destroyed() handler: the popup is a child and dies in ~QWidget, when
    // this object is no longer an IdListEdit (UBSan: member access on a QWidget).
    QPointer<QWidget> m_popup;
};

} // namespace chokepoint::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

namespace chokepoint::ui {

/// The problem with one field, shown next to it ("⚠ must be between 0 and 1") in the
/// palette's warning colour; hidden when the field has none.
class IssueLabel : public QLabel {
    Q_OBJECT
public:
    explicit IssueLabel(QWidget* parent = nullptr);
    /// Empty: hides the label.
    void setIssue(const QString& message);
    QString issue() const { return m_issue; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void restyle();
    QString m_issue;
};

} // namespace chokepoint::ui

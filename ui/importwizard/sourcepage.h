// SPDX-License-Identifier: MIT
#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QTreeWidget;

namespace chokepoint::ui {

class ImportSession;

/// Step 1: pick a CSV folder, a CSV file or an Excel workbook. It is read in the background
/// and listed with its sheets or files, rows and columns.
class SourcePage : public QWizardPage {
    Q_OBJECT
public:
    explicit SourcePage(ImportSession& session, QWidget* parent = nullptr);

    /// Reads `path` (what the Browse buttons and the path field do).
    void setPath(const QString& path);
    QString path() const;
    bool isComplete() const override;
    QTreeWidget* sourceList() const { return m_list; }

private:
    void browse(int kind);
    void showSource();

    ImportSession& m_session;
    QLineEdit* m_path;
    QLabel* m_status;
    QTreeWidget* m_list;
};

} // namespace chokepoint::ui

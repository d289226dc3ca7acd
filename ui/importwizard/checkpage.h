// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QTabWidget;
class QTableView;

namespace chokepoint::ui {

class ImportSession;
class IssueModel;
class PreviewModel;
class TableFilterProxy;
class TableView;

/// Step 3: add or replace (with what replacing means), the mapped tables as they will be
/// read, and every problem with its file, row and column. Clicking a problem shows its row in
/// the preview. The import is possible only when there is none.
class CheckPage : public QWizardPage {
    Q_OBJECT
public:
    explicit CheckPage(ImportSession& session, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    QRadioButton* replaceButton() const { return m_replace; }
    QTabWidget* previewTabs() const { return m_tabs; }
    QTableView* previewView(int table) const;
    PreviewModel* previewModel(int table) const;
    TableView* issueView() const { return m_issueView; }
    IssueModel* issueModel() const { return m_issues; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* rereadButton() const { return m_reread; }
    /// Shows the preview row of issue `index` (what clicking it in the list does).
    void showIssue(int index);

private:
    void showResult();

    ImportSession& m_session;
    QRadioButton* m_append;
    QRadioButton* m_replace;
    QLabel* m_status;
    QProgressBar* m_progress;
    QPushButton* m_reread;
    QTabWidget* m_tabs;
    std::vector<QTableView*> m_views;
    std::vector<PreviewModel*> m_models;
    IssueModel* m_issues;
    TableFilterProxy* m_issueProxy;
    TableView* m_issueView;
};

} // namespace chokepoint::ui

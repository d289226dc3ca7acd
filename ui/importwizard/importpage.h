// SPDX-License-Identifier: MIT
#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;

namespace chokepoint::ui {

class ImportSession;

/// Step 4: the import itself, with progress and cancel (and a retry after a cancel or a
/// failure). Afterwards the workspace is reloaded, so every page shows the new figures.
class ImportPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ImportPage(ImportSession& session, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    QLabel* resultLabel() const { return m_result; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }

private:
    void start();

    ImportSession& m_session;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QLabel* m_stage;
    QPushButton* m_cancel;
    QPushButton* m_retry;
    QLabel* m_result;
};

} // namespace chokepoint::ui

// SPDX-License-Identifier: MIT
#include "ui/importwizard/importpage.h"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "ui/appstate.h"
#include "ui/importwizard/importsession.h"

namespace chokepoint::ui {

ImportPage::ImportPage(ImportSession& session, QWidget* parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_stage(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel import"), this))
    , m_retry(new QPushButton(tr("Try again"), this))
    , m_result(new QLabel(this)) {
    setTitle(tr("Import"));
    setSubTitle(tr("The rows are written in one transaction: all of them, or none."));
    m_summary->setWordWrap(true);
    m_progress->setRange(0, 100);
    m_result->setObjectName(QStringLiteral("importResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    auto* row = new QHBoxLayout;
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancel);
    row->addWidget(m_retry);
    m_retry->setVisible(false);
    layout->addLayout(row);
    layout->addWidget(m_stage);
    layout->addWidget(m_result);
    layout->addStretch(1);

    connect(m_retry, &QPushButton::clicked, this, &ImportPage::start);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_session.cancelImport();
        m_cancel->setEnabled(false);
        m_stage->setText(tr("Cancelling\u2026"));
    });
    connect(
        &m_session, &ImportSession::importProgress, this, [this](double f, const QString& text) {
            m_progress->setValue(int(f * 100));
            if (!text.isEmpty())
                m_stage->setText(text.left(1).toUpper() + text.mid(1) + QStringLiteral("\u2026"));
        });
    connect(&m_session, &ImportSession::importFinished, this,
            [this](bool ok, bool cancelled, const QString& message) {
                // Nothing is left to cancel: the button goes, "Try again" comes when it failed.
                m_cancel->setVisible(false);
                m_retry->setVisible(!ok);
                m_stage->clear();
                if (ok)
                    m_progress->setValue(100);
                m_result->setText(
                    ok ? tr("<b>Done.</b> %1<br>The dashboard is reloading the workspace: every "
                            "page now shows your data.")
                             .arg(message.toHtmlEscaped())
                    : cancelled ? message.toHtmlEscaped()
                                : tr("<span style='color:#d7301f'><b>The import failed.</b>"
                                     "</span> Nothing was written.<br>%1")
                                      .arg(message.toHtmlEscaped().replace(
                                          QLatin1Char('\n'), QStringLiteral("<br>"))));
                Q_EMIT completeChanged();
            });
}

void ImportPage::initializePage() {
    start();
}

void ImportPage::start() {
    m_summary->setText(tr("Importing into <b>%1</b> (%2).")
                           .arg(QFileInfo(m_session.state().workspacePath()).fileName(),
                                m_session.replace() ? tr("replacing the company data")
                                                    : tr("adding to the workspace")));
    m_progress->setValue(0);
    m_result->clear();
    m_stage->setText(tr("Starting\u2026"));
    m_cancel->setEnabled(true);
    m_cancel->setVisible(true);
    m_retry->setVisible(false);
    m_session.startImport();
}

bool ImportPage::isComplete() const {
    return m_session.isImported();
}

} // namespace chokepoint::ui

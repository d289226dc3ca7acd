// SPDX-License-Identifier: MIT
#include "ui/workspaceactions.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>

#include "core/io/bundled.h"
#include "core/io/interchange.h"
#include "core/io/xlsxwriter.h"
#include "core/store/workspace.h"
#include "ui/appstate.h"
#include "ui/jobrunner.h"
#include "ui/report/reportdialog.h"

namespace chokepoint::ui {

namespace {

constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("recentWorkspaces");
QString workspaceFilter() {
    return QObject::tr("Chokepoint workspaces (*.chokepoint);;All files (*)");
}

struct JobOutcome {
    bool ok = false;
    bool cancelled = false;
    QString message;
    QString details;
};

} // namespace

WorkspaceActions::WorkspaceActions(AppState& state, QWidget* window)
    : QObject(window)
    , m_state(state)
    , m_window(window)
    , m_importRunner(new JobRunner(this))
    , m_exportRunner(new JobRunner(this)) {
    m_importHandler = [this](const QString& source) { importSource(source, false); };
    connect(&state, &AppState::workspaceLoaded, this, [this] {
        addRecentWorkspace(m_state.workspacePath());
        rebuildRecentMenu();
    });
    connect(&state, &AppState::workspaceFailed, this,
            [this](const QString& path, const QString& message) {
                QMessageBox::critical(m_window, tr("Cannot open workspace"),
                                      tr("%1\n\n%2").arg(path, message));
            });
}

WorkspaceActions::~WorkspaceActions() = default;

void WorkspaceActions::populateFileMenu(QMenu* menu) {
    QMenu* newMenu = menu->addMenu(tr("&New workspace"));
    QAction* bundled = newMenu->addAction(tr("From the bundled EV-battery data…"), this,
                                          [this] { newWorkspace(true); });
    bundled->setShortcut(QKeySequence::New);
    newMenu->addAction(tr("Empty…"), this, [this] { newWorkspace(false); });
    menu->addAction(tr("&Open…"), QKeySequence::Open, this, [this] { openDialog(); });
    m_recentMenu = menu->addMenu(tr("Open &recent"));
    rebuildRecentMenu();
    menu->addSeparator();
    QMenu* importMenu = menu->addMenu(tr("&Import"));
    importMenu->addAction(tr("CSV folder…"), this, [this] { importDialog(false); });
    importMenu->addAction(tr("Excel workbook (.xlsx)…"), this, [this] { importDialog(true); });
    QMenu* exportMenu = menu->addMenu(tr("&Export"));
    exportMenu->addAction(tr("CSV folder…"), this, [this] { exportDialog(false); });
    exportMenu->addAction(tr("Excel workbook (.xlsx)…"), this, [this] { exportDialog(true); });
    addReportAction(menu, m_state, m_window);
    menu->addSeparator();
    QAction* quit = menu->addAction(tr("&Quit"), QKeySequence::Quit, m_window, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);
}

QStringList WorkspaceActions::recentWorkspaces() {
    return QSettings().value(kRecentKey).toStringList();
}

void WorkspaceActions::addRecentWorkspace(const QString& path) {
    if (path.isEmpty())
        return;
    const QString full = QFileInfo(path).absoluteFilePath();
    QStringList list = recentWorkspaces();
    list.removeAll(full);
    list.prepend(full);
    while (list.size() > kMaxRecent)
        list.removeLast();
    QSettings settings;
    settings.setValue(kRecentKey, list);
    settings.setValue(QStringLiteral("lastWorkspace"), full);
}

void WorkspaceActions::rebuildRecentMenu() {
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList list = recentWorkspaces();
    for (int i = 0; i < list.size(); ++i) {
        const QString path = list[i];
        QAction* a = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()), this,
            [this, path] { m_state.openWorkspace(path); });
        a->setToolTip(path);
        a->setStatusTip(path);
    }
    if (list.isEmpty())
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
}

bool WorkspaceActions::createWorkspace(const QString& path, bool withBundledData, QString* error) {
    // Replaces an existing file only once the new one is complete (the user confirmed it).
    const auto r = withBundledData
                       ? core::io::createBundledWorkspace(path.toStdString(), /*replace=*/true)
                       : core::Workspace::createFile(path.toStdString(), {}, /*replace=*/true);
    if (!r) {
        *error = QString::fromStdString(r.errorString());
        return false;
    }
    return true;
}

void WorkspaceActions::newWorkspace(bool withBundledData) {
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("New workspace"), QStringLiteral("workspace.chokepoint"), workspaceFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".chokepoint");
    QString error;
    if (!createWorkspace(path, withBundledData, &error)) {
        QMessageBox::critical(m_window, tr("Cannot create workspace"), error);
        return;
    }
    m_state.openWorkspace(path);
}

void WorkspaceActions::openDialog() {
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open workspace"), QString(), workspaceFilter());
    if (!path.isEmpty())
        m_state.openWorkspace(path);
}

void WorkspaceActions::importDialog(bool workbook) {
    if (!m_state.hasWorkspace())
        return;
    const QString source =
        workbook ? QFileDialog::getOpenFileName(m_window, tr("Import Excel workbook"), QString(),
                                                tr("Excel workbooks (*.xlsx)"))
                 : QFileDialog::getExistingDirectory(m_window, tr("Import CSV folder"));
    if (!source.isEmpty())
        m_importHandler(source);
}

void WorkspaceActions::importSource(const QString& source, bool replace) {
    auto* progress =
        new QProgressDialog(tr("Importing %1…").arg(source), tr("Cancel"), 0, 100, m_window);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(300);
    connect(m_importRunner, &JobRunner::progress, progress,
            [progress](double f, const QString& text) {
                progress->setValue(int(f * 100));
                if (!text.isEmpty())
                    progress->setLabelText(text);
            });
    connect(progress, &QProgressDialog::canceled, m_importRunner, &JobRunner::cancel);
    connect(progress, &QProgressDialog::canceled, progress, &QObject::deleteLater);
    const QString workspace = m_state.workspacePath();
    m_importRunner->run(
        [workspace, source, replace](const JobToken& token) {
            JobOutcome out;
            std::vector<core::io::RawTable> tables;
            core::io::IssueList issues;
            if (!core::io::readSource(source.toStdString(), tables, issues)) {
                out.message = tr("Cannot read %1.").arg(source);
                out.details = QString::fromStdString(issues.toString());
                return out;
            }
            auto ws = core::Workspace::open(workspace.toStdString());
            if (!ws) {
                out.message = QString::fromStdString(ws.errorString());
                return out;
            }
            core::io::ImportOptions options;
            options.replace = replace;
            options.progress = [&token](double f, const std::string& stage) {
                return token.progress(f, QString::fromStdString(stage));
            };
            auto r = core::io::importTables(*ws, tables, options, issues);
            if (!r) {
                out.message = QString::fromStdString(r.errorString());
                out.details = QString::fromStdString(issues.toString());
                return out;
            }
            out.cancelled = r->cancelled;
            out.ok = !r->cancelled;
            size_t rows = 0;
            for (const auto& [table, n] : r->rows)
                rows += n;
            out.message = tr("Imported %1 rows from %2.").arg(rows).arg(source);
            return out;
        },
        [this, progress](JobOutcome out) {
            progress->deleteLater();
            if (out.cancelled)
                return;
            if (!out.ok) {
                QMessageBox box(QMessageBox::Critical, tr("Import failed"),
                                out.message.isEmpty() ? tr("The data has problems; nothing was "
                                                           "imported.")
                                                      : out.message,
                                QMessageBox::Ok, m_window);
                if (!out.details.isEmpty()) {
                    box.setInformativeText(tr("Nothing was imported. See the details."));
                    box.setDetailedText(out.details);
                }
                box.exec();
                return;
            }
            QMessageBox::information(m_window, tr("Import"), out.message);
            m_state.reload();
        });
}

void WorkspaceActions::exportDialog(bool workbook) {
    if (!m_state.hasWorkspace())
        return;
    QString target = workbook
                         ? QFileDialog::getSaveFileName(m_window, tr("Export as Excel workbook"),
                                                        QStringLiteral("workspace.xlsx"),
                                                        tr("Excel workbooks (*.xlsx)"))
                         : QFileDialog::getExistingDirectory(m_window, tr("Export to CSV folder"));
    if (target.isEmpty())
        return;
    if (workbook && QFileInfo(target).suffix().isEmpty())
        target += QStringLiteral(".xlsx");
    exportTo(target, workbook);
}

void WorkspaceActions::exportTo(const QString& target, bool workbook) {
    m_exportRunner->run(
        [net = m_state.network(), target, workbook](const JobToken&) {
            JobOutcome out;
            const auto r = workbook ? core::io::exportXlsx(net->data(), target.toStdString())
                                    : core::io::exportCsvFolder(net->data(), target.toStdString());
            out.ok = r.ok();
            out.message = r.ok() ? tr("Exported the workspace to %1.").arg(target)
                                 : QString::fromStdString(r.errorString());
            return out;
        },
        [this](JobOutcome out) {
            if (out.ok)
                QMessageBox::information(m_window, tr("Export"), out.message);
            else
                QMessageBox::critical(m_window, tr("Export failed"), out.message);
        });
}

} // namespace chokepoint::ui

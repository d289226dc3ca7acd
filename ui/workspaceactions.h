// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QWidget;

namespace chokepoint::ui {

class AppState;
class JobRunner;

/// The File menu's work: new workspace (bundled data or empty), open, recent workspaces,
/// import, export. Dialogs and message boxes live here; the work is core calls, run in the
/// background where it can take long (import, export). Core errors are shown in message boxes.
class WorkspaceActions : public QObject {
    Q_OBJECT
public:
    /// Called with the chosen source (CSV folder or .xlsx) when the user imports. The default
    /// imports at once (appending) and reports issues in a message box; the import wizard
    /// will replace it with setImportHandler().
    using ImportHandler = std::function<void(const QString& source)>;

    WorkspaceActions(AppState& state, QWidget* window);
    ~WorkspaceActions() override;

    /// Fills the File menu.
    void populateFileMenu(QMenu* menu);
    void setImportHandler(ImportHandler handler) { m_importHandler = std::move(handler); }

    /// Recent workspaces, newest first (QSettings "recentWorkspaces").
    static QStringList recentWorkspaces();
    static void addRecentWorkspace(const QString& path);

    // The actions' work without dialogs (tests, other pages).
    bool createWorkspace(const QString& path, bool withBundledData, QString* error);
    void importSource(const QString& source, bool replace);
    void exportTo(const QString& target, bool workbook);

private:
    void newWorkspace(bool withBundledData);
    void openDialog();
    void importDialog(bool workbook);
    void exportDialog(bool workbook);
    void rebuildRecentMenu();

    AppState& m_state;
    QWidget* m_window;
    JobRunner* m_importRunner; // separate streams: an export must not cancel an import
    JobRunner* m_exportRunner;
    QMenu* m_recentMenu = nullptr;
    ImportHandler m_importHandler;
};

} // namespace chokepoint::ui

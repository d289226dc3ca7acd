// SPDX-License-Identifier: MIT
#include "ui/application.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include "core/io/bundled.h"
#include "core/store/workspace.h"
#include "ui/appstate.h"
#include "ui/mainwindow.h"
#include "ui/settingsformat.h"
#include "ui/theme.h"

namespace chokepoint::ui {

namespace {

// Creates the default workspace from the bundled data on first start.
core::Result<std::string> defaultWorkspace() {
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    const std::string path = (dir + QStringLiteral("/default.chokepoint")).toStdString();
    if (QFileInfo::exists(QString::fromStdString(path)))
        return path;
    if (auto r = core::io::createBundledWorkspace(path); !r)
        return r.error();
    return path;
}

} // namespace

int runGui(int argc, char** argv, const std::string& workspacePath) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Chokepoint"));
    QApplication::setApplicationName(QStringLiteral("Chokepoint"));
    QApplication::setApplicationVersion(QStringLiteral(CHOKEPOINT_VERSION));
    useSettingsFormat(); // a full disk never replaces the settings with an empty file

    // Style and palette before any widget exists; MainWindow::restoreSettings() keeps it.
    applyTheme(QSettings().value(QStringLiteral("view/dark"), false).toBool() ? Theme::Dark
                                                                              : Theme::Light);

    std::string path = workspacePath;
    if (path.empty()) {
        QSettings settings;
        const QString last = settings.value(QStringLiteral("lastWorkspace")).toString();
        if (!last.isEmpty() && QFileInfo::exists(last))
            path = last.toStdString();
    }
    if (path.empty()) {
        auto def = defaultWorkspace();
        if (!def) {
            QMessageBox::critical(nullptr, QStringLiteral("Chokepoint"),
                                  QString::fromStdString(def.errorString()));
            return 1;
        }
        path = *def;
    }
    AppState state;
    MainWindow window(state);
    window.restoreSettings();
    window.show();
    state.openWorkspace(QString::fromStdString(path));
    return app.exec();
}

} // namespace chokepoint::ui

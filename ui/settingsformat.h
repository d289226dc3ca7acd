// SPDX-License-Identifier: MIT
#pragma once

#include <QSettings>

namespace chokepoint::ui {

/// The settings file format of the dashboard (recent workspaces, window layout, theme): a
/// QDataStream of the settings map behind a magic line. Qt writes every settings file through
/// a QSaveFile whose commit(), in Qt 6.4, does not fail when its final flush does: on a full
/// disk the old settings file would be replaced by an empty one. This format's writer flushes
/// itself and reports the failure, so QSettings keeps the old file and its status() says
/// AccessError (issue 17). Registered once; thread-safe.
QSettings::Format settingsFormat();

/// Makes settingsFormat() the default of QSettings() and, on the first start with it, copies
/// what the platform's native settings held.
void useSettingsFormat();

/// The format's two functions, for tests.
bool readSettings(QIODevice& device, QSettings::SettingsMap& map);
bool writeSettings(QIODevice& device, const QSettings::SettingsMap& map);

} // namespace chokepoint::ui

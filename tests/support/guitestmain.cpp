// SPDX-License-Identifier: MIT
// main() for GUI tests: offscreen platform (no display needed), one QApplication, and
// settings of this process only. ctest runs every test in its own process, two at a time:
// with one shared settings file, a test's QSettings().clear() wiped what the test running
// beside it had just saved.
#include <cstdio>
#include <gtest/gtest.h>

#include <QApplication>
#include <QSettings>
#include <QTemporaryDir>

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ChokepointTests"));
    QApplication::setApplicationName(QStringLiteral("ChokepointTests"));
    const QTemporaryDir settingsDir;
    if (!settingsDir.isValid()) {
        std::fprintf(stderr, "cannot create a folder for the test settings: %s\n",
                     qPrintable(settingsDir.errorString()));
        return 2;
    }
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

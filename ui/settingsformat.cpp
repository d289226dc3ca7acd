// SPDX-License-Identifier: MIT
#include "ui/settingsformat.h"

#include <QCoreApplication>
#include <QDataStream>
#include <QFileDevice>
#include <QFileInfo>

namespace chokepoint::ui {
namespace {

constexpr char kMagic[] = "CHOKEPOINT-SETTINGS 1\n";

} // namespace

bool readSettings(QIODevice& device, QSettings::SettingsMap& map) {
    const qint64 magicSize = qint64(sizeof kMagic - 1);
    if (device.read(magicSize) != QByteArray(kMagic, magicSize))
        return false;
    QDataStream in(&device);
    in.setVersion(QDataStream::Qt_6_4);
    QSettings::SettingsMap read;
    in >> read;
    if (in.status() != QDataStream::Ok)
        return false;
    map = std::move(read);
    return true;
}

bool writeSettings(QIODevice& device, const QSettings::SettingsMap& map) {
    if (device.write(kMagic, qint64(sizeof kMagic - 1)) != qint64(sizeof kMagic - 1))
        return false;
    QDataStream out(&device);
    out.setVersion(QDataStream::Qt_6_4);
    out << map;
    if (out.status() != QDataStream::Ok)
        return false;
    // The check QSaveFile::commit() leaves out: the buffered bytes must reach the disk.
    if (auto* file = qobject_cast<QFileDevice*>(&device))
        return file->flush() && file->error() == QFileDevice::NoError;
    return true;
}

QSettings::Format settingsFormat() {
    static const QSettings::Format format =
        QSettings::registerFormat(QStringLiteral("settings"), readSettings, writeSettings);
    return format;
}

void useSettingsFormat() {
    QSettings::setDefaultFormat(settingsFormat());
    QSettings settings;
    if (QFileInfo::exists(settings.fileName()) || !settings.allKeys().isEmpty())
        return;
    const QSettings native(QSettings::NativeFormat, QSettings::UserScope,
                           QCoreApplication::organizationName(),
                           QCoreApplication::applicationName());
    for (const QString& key : native.allKeys())
        settings.setValue(key, native.value(key));
}

} // namespace chokepoint::ui

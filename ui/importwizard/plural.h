// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>
#include <QString>

namespace chokepoint::ui {

/// "1 row", "4 rows", "1,250 rows": `one` and `many` hold %1 for the number. (No translation
/// files are shipped, so Qt's own "%n row(s)" plurals would show the "(s)".)
inline QString plural(qint64 n, const QString& one, const QString& many) {
    return (n == 1 ? one : many).arg(QLocale().toString(n));
}

} // namespace chokepoint::ui

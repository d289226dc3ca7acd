// SPDX-License-Identifier: MIT
#include "ui/report/reportstyle.h"

#include <QFontDatabase>
#include <QGuiApplication>

namespace chokepoint::ui::reportstyle {

QString family() {
    static const QString name = [] {
        const QString preferred = QStringLiteral("DejaVu Sans");
        if (QFontDatabase::families().contains(preferred))
            return preferred;
        return QGuiApplication::font().family();
    }();
    return name;
}

QFont font(double points, bool bold) {
    QFont f(family());
    f.setPointSizeF(points);
    f.setBold(bold);
    f.setKerning(true);
    // Unhinted metrics: the same text widths on paper, in the preview and in a browser (SVG).
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

QString pageText(const std::string& s) {
    QString text = QString::fromStdString(s);
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return text;
}

} // namespace chokepoint::ui::reportstyle

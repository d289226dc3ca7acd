// SPDX-License-Identifier: MIT
#include "ui/charts/chartpalette.h"

#include <QAbstractAxis>
#include <QChart>
#include <QLegend>

namespace chokepoint::ui {

ChartPalette ChartPalette::forPalette(const QPalette& palette) {
    ChartPalette p;
    p.dark = palette.color(QPalette::Window).lightness() < 128;
    p.background = palette.color(QPalette::Base);
    p.plotBackground = p.background;
    p.text = palette.color(QPalette::Text);
    p.mutedText = p.dark ? QColor(0xb0, 0xb6, 0xbf) : QColor(0x55, 0x5b, 0x66);
    p.grid = p.dark ? QColor(0x3a, 0x3f, 0x47) : QColor(0xe1, 0xe4, 0xe8);
    p.axis = p.dark ? QColor(0x70, 0x76, 0x80) : QColor(0x9a, 0xa0, 0xa8);
    if (p.dark) {
        p.direct = QColor(0xff, 0x7a, 0x45);
        p.deeper = QColor(0xf5, 0xc2, 0x6b);
        p.risk = QColor(0xff, 0x7a, 0x45);
        p.highlight = QColor(0xff, 0xff, 0xff);
        p.categorical = {QColor(0x56, 0xb4, 0xe9), QColor(0xf0, 0xa0, 0x30),
                         QColor(0x3c, 0xc8, 0x9a), QColor(0xf0, 0xe4, 0x62),
                         QColor(0x4f, 0x9c, 0xe0), QColor(0xf0, 0x7a, 0x3a),
                         QColor(0xe0, 0x9c, 0xc6), QColor(0xa0, 0xa8, 0xb0)};
    } else {
        p.direct = QColor(0xc8, 0x3e, 0x12);
        p.deeper = QColor(0xe6, 0x9f, 0x00);
        p.risk = QColor(0xc8, 0x3e, 0x12);
        p.highlight = QColor(0x10, 0x10, 0x10);
        p.categorical = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
                         QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                         QColor(0x56, 0xb4, 0xe9), QColor(0xd5, 0x5e, 0x00),
                         QColor(0xb8, 0xa4, 0x00), QColor(0x80, 0x86, 0x90)};
    }
    return p;
}

QColor ChartPalette::color(SeriesColor role, int index) const {
    switch (role) {
    case SeriesColor::Direct:
        return direct;
    case SeriesColor::Deeper:
        return deeper;
    case SeriesColor::Risk:
        return risk;
    case SeriesColor::Auto:
        break;
    }
    return category(index);
}

void applyChartPalette(QChart* chart, const ChartPalette& p, bool setTheme) {
    if (setTheme)
        chart->setTheme(p.dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(p.background);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(p.text);
    QFont title = chart->titleFont();
    title.setBold(true);
    title.setPointSizeF(10.5);
    chart->setTitleFont(title);
    chart->legend()->setLabelColor(p.text);
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(p.text);
        axis->setLinePenColor(p.axis);
        axis->setGridLineColor(p.grid);
        axis->setTitleBrush(p.mutedText);
    }
}

} // namespace chokepoint::ui

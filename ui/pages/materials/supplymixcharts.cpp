// SPDX-License-Identifier: MIT
#include "ui/pages/materials/supplymixcharts.h"

#include <array>

#include <QAbstractAxis>
#include <QBarSet>
#include <QPieSeries>
#include <QPieSlice>

namespace chokepoint::ui {

QBrush mixBrush(const ChartPalette& palette, MixPart part, int index) {
    switch (part) {
    case MixPart::Focus:
        return palette.risk;
    case MixPart::Country: {
        // The categorical set without its two oranges (1 and 5), which read like China's.
        static constexpr std::array<int, 5> kNotOrange = {0, 2, 4, 3, 6};
        return palette.category(kNotOrange[size_t(index) % kNotOrange.size()]);
    }
    case MixPart::Other:
        return palette.category(7);
    case MixPart::Unknown:
        return QBrush(palette.mutedText, Qt::BDiagPattern);
    }
    return palette.category(index);
}

namespace {
QVector<QBrush> brushesFor(const ChartPalette& palette, const QVector<MixPart>& parts) {
    QVector<QBrush> out;
    int country = 0;
    for (const MixPart part : parts)
        out << mixBrush(palette, part, part == MixPart::Country ? country++ : 0);
    return out;
}
} // namespace

SupplyMixChart::SupplyMixChart(QWidget* parent)
    : StackedBarChart(Orientation::Horizontal, parent) {}

void SupplyMixChart::restyle() {
    StackedBarChart::restyle();
    for (QAbstractAxis* axis : chart()->axes()) {
        QFont font = axis->labelsFont();
        font.setPointSizeF(8.0);
        axis->setLabelsFont(font);
    }
    const QVector<QBrush> brushes = brushesFor(chartPalette(), m_parts);
    for (int i = 0; i < brushes.size(); ++i) {
        QBarSet* set = barSet(i);
        if (!set)
            break;
        set->setBrush(brushes[i]);
        const QColor c = brushes[i].color();
        set->setBorderColor(m_parts[i] == MixPart::Unknown ? chartPalette().axis : c);
        set->setSelectedColor(m_parts[i] == MixPart::Unknown ? chartPalette().axis : c.darker(145));
    }
}

MixDonutChart::MixDonutChart(QWidget* parent)
    : DonutChart(parent) {}

void MixDonutChart::restyle() {
    DonutChart::restyle();
    if (!series())
        return;
    const QVector<QBrush> brushes = brushesFor(chartPalette(), m_parts);
    const auto slices = series()->slices();
    for (int i = 0; i < slices.size() && i < brushes.size(); ++i)
        slices[i]->setBrush(brushes[i]);
}

} // namespace chokepoint::ui

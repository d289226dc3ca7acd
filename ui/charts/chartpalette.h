// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QPalette>
#include <QVector>

class QChart;

namespace chokepoint::ui {

/// A series' colour by meaning, resolved against the current palette (so a theme switch
/// recolours it): Auto takes the categorical colour of the series' position.
enum class SeriesColor { Auto, Direct, Deeper, Risk };

/// Chart colours that read well on the light and the dark application palette. Series
/// colours are a colour-blind-safe set (Okabe–Ito), lightened on dark backgrounds.
struct ChartPalette {
    bool dark = false;
    QColor background, plotBackground, text, mutedText, grid, axis;
    QColor direct;    ///< tier-1 (direct) dependence
    QColor deeper;    ///< deeper-tier dependence
    QColor risk;      ///< money at risk
    QColor highlight; ///< border of the selected item
    QVector<QColor> categorical;

    QColor category(int i) const { return categorical[i % categorical.size()]; }
    QColor color(SeriesColor role, int index) const;
    /// The palette for an application palette (dark when its window colour is dark).
    static ChartPalette forPalette(const QPalette& palette);
};

/// Applies background, fonts, axes, grid and legend colours to `chart` (not series colours:
/// the chart helpers set those per series). `setTheme` also switches Qt's light/dark chart
/// theme, which restyles everything and is slow: only needed when the palette turns dark
/// or light (series and axes added later take the chart's theme on their own).
void applyChartPalette(QChart* chart, const ChartPalette& palette, bool setTheme = true);

} // namespace chokepoint::ui

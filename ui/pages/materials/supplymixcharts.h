// SPDX-License-Identifier: MIT
#pragma once

#include <QVector>

#include "ui/charts/donutchart.h"
#include "ui/charts/stackedbarchart.h"

namespace chokepoint::ui {

/// What a stack part or slice of a supply mix stands for; it decides the colour, so China
/// reads the same in every mix chart, in both palettes.
enum class MixPart {
    Focus,   ///< the focus country (China): the risk colour
    Country, ///< another country: a categorical colour that is never orange or red
    Other,   ///< countries folded together: grey
    Unknown, ///< unknown origin: hatched, so it never reads as a country
};

/// The colour of a mix part; `index` counts the Country parts (0, 1, …).
QBrush mixBrush(const ChartPalette& palette, MixPart part, int index);

/// A stacked bar chart of supply mixes: each series is one MixPart.
class SupplyMixChart : public StackedBarChart {
    Q_OBJECT
public:
    explicit SupplyMixChart(QWidget* parent = nullptr);
    /// One part per series, in series order; set before setData().
    void setParts(QVector<MixPart> parts) { m_parts = std::move(parts); }

protected:
    /// Also sets 8 pt axis labels: Qt Charts elides a category label to "…" when its row is
    /// shorter than the label's height plus padding, so smaller labels keep more rows legible.
    void restyle() override;

private:
    QVector<MixPart> m_parts;
};

/// A donut of a mix (world production by country): slices coloured by MixPart.
class MixDonutChart : public DonutChart {
    Q_OBJECT
public:
    explicit MixDonutChart(QWidget* parent = nullptr);
    /// One part per slice, in slice order; set before setData().
    void setParts(QVector<MixPart> parts) { m_parts = std::move(parts); }

protected:
    void restyle() override;

private:
    QVector<MixPart> m_parts;
};

} // namespace chokepoint::ui

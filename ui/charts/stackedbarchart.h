// SPDX-License-Identifier: MIT
#pragma once

#include <QVector>

#include "ui/charts/chartview.h"
#include "ui/charts/valueaxis.h"

class QAbstractBarSeries;
class QBarCategoryAxis;
class QBarSet;
class QCategoryAxis;

namespace chokepoint::ui {

struct BarCategory {
    QString key;     ///< item key reported by itemClicked / itemActivated
    QString label;   ///< axis label (long labels are elided; the tooltip has the full one)
    QString tooltip; ///< rich text shown above the series values; empty: the label in bold
};

struct BarSeriesData {
    QString name;
    QVector<double> values; ///< one per category
    SeriesColor color = SeriesColor::Auto;
};

/// A (stacked) bar chart of ready values, one bar per category, one stack part per series.
/// Hovering a bar shows the category's tooltip and every series' value through `format`;
/// clicking a bar reports the category's key. setSelectedKey() highlights a category.
class StackedBarChart : public ChartView {
    Q_OBJECT
public:
    enum class Orientation { Horizontal, Vertical };

    explicit StackedBarChart(Orientation orientation = Orientation::Horizontal,
                             QWidget* parent = nullptr);

    /// Formats values in tooltips (exact) and, unless setAxisFormat() is used, axis labels.
    void setValueFormat(ValueFormatter format) { m_format = std::move(format); }
    void setAxisFormat(ValueFormatter format) { m_axisFormat = std::move(format); }
    /// Fixes the value axis (e.g. 0..1 for shares); by default it fits the largest stack.
    void setFixedValueRange(double min, double max, double step);
    void setMaxLabelLength(int chars) { m_maxLabel = chars; }
    /// The least height whatever the number of bars (a horizontal chart grows with its bars:
    /// each needs a line for its name).
    void setBaseMinimumHeight(int height);
    void setData(QVector<BarCategory> categories, QVector<BarSeriesData> series);
    void setSelectedKey(const QString& key);

    // For tests and other views: what is drawn, and where.
    int categoryCount() const { return int(m_categories.size()); }
    int categoryIndex(const QString& key) const;
    QString categoryKey(int index) const;
    QVector<double> values(int series) const;
    QStringList seriesNames() const;
    QBarSet* barSet(int series) const;
    QString selectedKey() const { return m_selected; }
    /// Viewport position of the middle of a category's bar part of `series`.
    QPoint barCenter(int series, int index) const;
    /// What a click on category `index` does (the chart's selection API).
    void clickCategory(int index);

protected:
    void restyle() override;

private:
    void fitHeightToBars();
    QString tooltipFor(int index) const;
    void updateSelection();

    Orientation m_orientation;
    ValueFormatter m_format;
    ValueFormatter m_axisFormat;
    QVector<BarCategory> m_categories;
    QVector<BarSeriesData> m_series;
    QAbstractBarSeries* m_barSeries = nullptr;
    QBarCategoryAxis* m_categoryAxis = nullptr;
    QCategoryAxis* m_valueAxis = nullptr;
    bool m_fixedRange = false;
    double m_min = 0.0, m_max = 1.0, m_step = 0.25;
    int m_maxLabel = 30;
    int m_baseMinimumHeight = 200;
    QString m_selected;
};

} // namespace chokepoint::ui

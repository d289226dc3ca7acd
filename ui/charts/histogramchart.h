// SPDX-License-Identifier: MIT
#pragma once

#include <algorithm>

#include <QVector>

#include "ui/charts/chartview.h"
#include "ui/charts/valueaxis.h"

class QAreaSeries;
class QCategoryAxis;
class QLineSeries;

namespace chokepoint::ui {

/// One distribution over the chart's bins (binned in core: core/scenario/histogram.h).
struct HistogramSeriesData {
    QString key;               ///< item key reported by itemClicked / itemActivated
    QString name;              ///< legend text
    QVector<double> counts;    ///< one per bin
    QVector<double> fractions; ///< share of the series' values per bin (for the tooltip)
    SeriesColor color = SeriesColor::Auto;
    int colorIndex = -1; ///< palette index for SeriesColor::Auto; -1: the series' position
};

/// A vertical dashed line at a value, e.g. the P10, P50 and P90 of the distribution.
struct HistogramMarker {
    QString name; ///< legend text, e.g. "P50 $1.2 bn"
    double value = 0.0;
    SeriesColor color = SeriesColor::Auto;
    int colorIndex = 0; ///< categorical index for SeriesColor::Auto
};

/// A histogram of ready bins: bars (as a step outline filled to zero) over a value axis,
/// several distributions overlaid with translucent fills, optional marker lines. Hover shows
/// the bin's range, count and share; legend markers toggle series and markers. Usable on its
/// own (reports: ui/charts/chartexport.h renderChart()).
class HistogramChart : public ChartView {
    Q_OBJECT
public:
    explicit HistogramChart(QWidget* parent = nullptr);

    /// Formats bin edges and markers (tooltips; axis labels unless setAxisFormat()).
    void setValueFormat(ValueFormatter format) { m_format = std::move(format); }
    void setAxisFormat(ValueFormatter format) { m_axisFormat = std::move(format); }
    /// The unit of counts in tooltips and the axis title, e.g. "runs".
    void setCountUnit(const QString& unit) { m_unit = unit; }
    /// `edges` holds bins + 1 ascending values; every series has one count per bin.
    void setData(QVector<double> edges, QVector<HistogramSeriesData> series,
                 QVector<HistogramMarker> markers = {});

    int binCount() const { return std::max(0, int(m_edges.size()) - 1); }
    QVector<double> edges() const { return m_edges; }
    int seriesCount() const { return int(m_series.size()); }
    QVector<double> counts(int series) const { return m_series.value(series).counts; }
    QAreaSeries* area(int series) const { return m_areas.value(series); }
    QLineSeries* markerLine(int i) const { return m_markerLines.value(i); }
    /// The bin holding `value` (-1 outside), and the tooltip of a bin of a series.
    int binAt(double value) const;
    QString tipFor(int series, int bin) const;
    /// The value axis labels, left to right (fewer when the chart is narrow).
    QStringList valueAxisLabels() const;

protected:
    void restyle() override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateValueLabels();

    ValueFormatter m_format;
    ValueFormatter m_axisFormat;
    QString m_unit;
    QVector<double> m_edges;
    QVector<HistogramSeriesData> m_series;
    QVector<HistogramMarker> m_markers;
    QVector<QAreaSeries*> m_areas;
    QVector<QLineSeries*> m_markerLines;
    QCategoryAxis* m_valueAxis = nullptr;
    QCategoryAxis* m_countAxis = nullptr;
    int m_valueTicks = 0; ///< label intervals on the value axis now
};

} // namespace chokepoint::ui

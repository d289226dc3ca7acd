// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QVector>

#include "ui/charts/chartview.h"
#include "ui/charts/valueaxis.h"

class QCategoryAxis;
class QDateTimeAxis;
class QLineSeries;

namespace chokepoint::ui {

struct LineSeriesData {
    QString key;             ///< item key reported by itemClicked / itemActivated
    QString name;            ///< legend text
    QVector<QPointF> points; ///< x: milliseconds since the epoch (UTC); y: the value
    SeriesColor color = SeriesColor::Auto;
};

/// A time chart: lines over a date axis with as many date labels as fit the width, Ctrl + wheel
/// zoom and drag pan (Reset zoom in the context menu), hover tooltips with the nearest
/// point's date and exact value, legend toggles.
class LineChart : public ChartView {
    Q_OBJECT
public:
    explicit LineChart(QWidget* parent = nullptr);

    void setValueFormat(ValueFormatter format) { m_format = std::move(format); }
    void setDateFormat(const QString& format) { m_dateFormat = format; }
    /// Fixes the value axis (e.g. 0..1 for output fractions); by default it fits the data.
    void setFixedValueRange(double min, double max, double step);
    void setData(QVector<LineSeriesData> series);

    int seriesCount() const { return int(m_data.size()); }
    QVector<QPointF> points(int series) const { return m_data.value(series).points; }
    QLineSeries* lineSeries(int series) const { return m_lines.value(series); }
    /// Date labels on the time axis (2 to 6: as many as fit the width without eliding).
    int timeTickCount() const;

protected:
    void restyle() override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void updateTimeTicks();

    ValueFormatter m_format;
    QString m_dateFormat = QStringLiteral("yyyy-MM-dd");
    QVector<LineSeriesData> m_data;
    QVector<QLineSeries*> m_lines;
    QDateTimeAxis* m_timeAxis = nullptr;
    QCategoryAxis* m_valueAxis = nullptr;
    bool m_fixedRange = false;
    double m_min = 0.0, m_max = 1.0, m_step = 0.25;
};

} // namespace chokepoint::ui

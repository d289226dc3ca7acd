// SPDX-License-Identifier: MIT
#pragma once

#include <QDate>
#include <QVector>

#include "ui/charts/chartview.h"
#include "ui/charts/valueaxis.h"

class QAreaSeries;
class QCategoryAxis;
class QDateTimeAxis;
class QLineSeries;

namespace chokepoint::ui {

/// One scenario's daily values: a central line, an optional band around it and an optional
/// reference line. Index i is day i of the scenario (day 0 = FanChart::startDate()).
struct FanSeriesData {
    QString key;               ///< item key reported by itemClicked / itemActivated
    QString name;              ///< legend prefix, e.g. the scenario's name
    QVector<double> median;    ///< the central line (P50 over runs, or the deterministic run)
    QVector<double> low;       ///< lower edge of the band (P10); empty: no band
    QVector<double> high;      ///< upper edge of the band (P90); empty: no band
    QVector<double> reference; ///< optional dashed line, e.g. the deterministic run
    QString medianName = QStringLiteral("P50");
    QString lowName = QStringLiteral("P10");
    QString highName = QStringLiteral("P90");
    QString referenceName = QStringLiteral("deterministic");
    SeriesColor color = SeriesColor::Auto;
};

/// A fan chart over dates: per series a shaded band (QAreaSeries between low and high), the
/// central line and an optional dashed reference line. Several series overlay (scenario
/// comparison). Hover shows the day's date and every value of the series under the mouse;
/// legend markers toggle the parts; wheel zoom and drag pan. Usable on its own (reports:
/// ui/charts/chartexport.h renderChart()).
class FanChart : public ChartView {
    Q_OBJECT
public:
    explicit FanChart(QWidget* parent = nullptr);

    void setValueFormat(ValueFormatter format) { m_format = std::move(format); }
    void setAxisFormat(ValueFormatter format) { m_axisFormat = std::move(format); }
    /// Fixes the value axis (e.g. 0..1 for output fractions); by default it fits the data.
    void setFixedValueRange(double min, double max, double step);
    /// One legend entry per series, named by FanSeriesData::name alone and showing or hiding
    /// all of its parts (for overlays of several scenarios whose parts a key explains).
    void setCompactLegend(bool compact) { m_compactLegend = compact; }
    /// The date of day 0 (default: today).
    void setStartDate(const QDate& date) { m_start = date; }
    QDate startDate() const { return m_start; }
    void setData(QVector<FanSeriesData> series);

    // What is drawn (tests, reports).
    int seriesCount() const { return int(m_data.size()); }
    const FanSeriesData& series(int i) const { return m_data[i]; }
    QAreaSeries* band(int i) const { return m_parts.value(i).band; }
    QLineSeries* medianLine(int i) const { return m_parts.value(i).median; }
    QLineSeries* referenceLine(int i) const { return m_parts.value(i).reference; }
    /// The tooltip text for day `day` of series `i` (what hovering shows).
    QString tipFor(int i, int day) const;
    /// The x value (ms since the epoch, UTC) of day `day`.
    double dayToX(int day) const;
    /// Labelled dates on the time axis (fewer when the chart is narrow).
    int timeTickCount() const;

protected:
    void restyle() override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Parts {
        QAreaSeries* band = nullptr;
        QLineSeries* median = nullptr;
        QLineSeries* reference = nullptr;
    };
    int xToDay(double x) const;
    QLineSeries* makeLine(const QVector<double>& values);
    void hover(int i, const QPointF& at, bool on);
    void updateTimeTicks();
    void connectCompactLegend();

    ValueFormatter m_format;
    ValueFormatter m_axisFormat;
    QDate m_start = QDate::currentDate();
    QVector<FanSeriesData> m_data;
    QVector<Parts> m_parts;
    QDateTimeAxis* m_timeAxis = nullptr;
    QCategoryAxis* m_valueAxis = nullptr;
    bool m_fixedRange = false;
    bool m_compactLegend = false;
    double m_min = 0.0, m_max = 1.0, m_step = 0.25;
};

} // namespace chokepoint::ui

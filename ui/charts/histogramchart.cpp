// SPDX-License-Identifier: MIT
#include "ui/charts/histogramchart.h"

#include <algorithm>
#include <cmath>

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QFontMetrics>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>

namespace chokepoint::ui {

HistogramChart::HistogramChart(QWidget* parent)
    : ChartView(parent)
    , m_format([](double v) { return QString::number(v); }) {}

void HistogramChart::setData(QVector<double> edges, QVector<HistogramSeriesData> series,
                             QVector<HistogramMarker> markers) {
    m_edges = std::move(edges);
    m_series = std::move(series);
    m_markers = std::move(markers);
    chart()->removeAllSeries();
    for (QAbstractAxis* axis : chart()->axes())
        chart()->removeAxis(axis);
    delete m_valueAxis;
    delete m_countAxis;
    m_areas.clear();
    m_markerLines.clear();

    m_valueAxis = new QCategoryAxis;
    m_countAxis = new QCategoryAxis;
    chart()->addAxis(m_valueAxis, Qt::AlignBottom);
    chart()->addAxis(m_countAxis, Qt::AlignLeft);
    m_countAxis->setTitleText(chartLabel(m_unit));

    const int bins = binCount();
    double top = 0.0;
    for (int s = 0; s < m_series.size() && bins > 0; ++s) {
        const QVector<double>& counts = m_series[s].counts;
        // The step outline: up and across each bin, down to zero at the end.
        auto* upper = new QLineSeries;
        QList<QPointF> points;
        points << QPointF(m_edges[0], 0.0);
        for (int b = 0; b < bins; ++b) {
            const double c = counts.value(b);
            top = std::max(top, c);
            points << QPointF(m_edges[b], c) << QPointF(m_edges[b + 1], c);
        }
        points << QPointF(m_edges[bins], 0.0);
        upper->append(points);
        auto* area = new QAreaSeries(upper);
        upper->setParent(area); // QAreaSeries does not own its edges (TOOLCHAIN P8)
        area->setName(chartLabel(m_series[s].name));
        chart()->addSeries(area);
        area->attachAxis(m_valueAxis);
        area->attachAxis(m_countAxis);
        connect(area, &QAreaSeries::hovered, this, [this, s](const QPointF& at, bool on) {
            if (!on)
                return hideTip();
            showTip(tipFor(s, binAt(at.x())));
        });
        const QString key = m_series[s].key;
        connect(area, &QAreaSeries::clicked, this, [this, key] { Q_EMIT itemClicked(key); });
        m_areas << area;
    }
    const double height = top > 0.0 ? top : 1.0;
    for (const HistogramMarker& m : m_markers) {
        auto* line = new QLineSeries;
        line->setName(chartLabel(m.name));
        line->append(m.value, 0.0);
        line->append(m.value, height * 1.04);
        chart()->addSeries(line);
        line->attachAxis(m_valueAxis);
        line->attachAxis(m_countAxis);
        const QString tip = QStringLiteral("<b>%1</b>").arg(m.name.toHtmlEscaped());
        connect(line, &QLineSeries::hovered, this, [this, tip](const QPointF&, bool on) {
            if (on)
                showTip(tip);
            else
                hideTip();
        });
        m_markerLines << line;
    }

    m_valueTicks = 0;
    updateValueLabels();
    setNiceRange(
        m_countAxis, top * 1.04, [](double v) { return QString::number(v, 'g', 6); }, 4);
    chart()->legend()->setVisible(m_series.size() + m_markers.size() > 1);
    restyle();
    connectLegend();
    // One distribution with its quantile lines: the count axis names the bars, the legend
    // keeps its room for the lines ("P10 $3.15 bn").
    if (m_areas.size() == 1 && !m_markerLines.isEmpty())
        for (QLegendMarker* marker : chart()->legend()->markers(m_areas.front()))
            marker->setVisible(false);
    setEmpty(binCount() == 0);
}

// Labels on round values inside the range, the range itself from the first edge; as many
// labels as fit the width (a money label is about 7 characters).
void HistogramChart::updateValueLabels() {
    if (!m_valueAxis)
        return;
    const int bins = binCount();
    const QFontMetrics metrics(m_valueAxis->labelsFont());
    const double label = metrics.horizontalAdvance(QStringLiteral("$0.00 bn")) + 12.0;
    const int ticks = std::clamp(int((width() - 70.0) / label), 2, 5);
    if (ticks == m_valueTicks)
        return;
    m_valueTicks = ticks;
    if (bins == 0) {
        setFixedRange(m_valueAxis, 0.0, 1.0, 1.0, [](double) { return QString(); });
        return;
    }
    const ValueFormatter& axisFormat = m_axisFormat ? m_axisFormat : m_format;
    const double lo = m_edges.front(), hi = m_edges.back();
    const double step = niceStep(hi - lo, ticks);
    const double first = std::ceil(lo / step - 1e-9) * step;
    for (const QString& text : m_valueAxis->categoriesLabels())
        m_valueAxis->remove(text);
    m_valueAxis->setStartValue(lo);
    m_valueAxis->setRange(lo, hi);
    m_valueAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (double v = first; v <= hi + step * 1e-9; v += step) {
        QString text = axisFormat(std::abs(v) < step * 1e-9 ? 0.0 : v);
        while (m_valueAxis->categoriesLabels().contains(text))
            text += QChar(0x200B);
        m_valueAxis->append(text, v);
    }
}

QStringList HistogramChart::valueAxisLabels() const {
    return m_valueAxis ? m_valueAxis->categoriesLabels() : QStringList();
}

int HistogramChart::binAt(double value) const {
    const int bins = binCount();
    if (bins == 0 || value < m_edges.front() || value > m_edges.back())
        return -1;
    const auto it = std::upper_bound(m_edges.begin(), m_edges.end(), value);
    return std::clamp(int(it - m_edges.begin()) - 1, 0, bins - 1);
}

QString HistogramChart::tipFor(int series, int bin) const {
    if (series < 0 || series >= m_series.size() || bin < 0 || bin >= binCount())
        return {};
    const HistogramSeriesData& s = m_series[series];
    QString tip = tr("<b>%1 \u2013 %2</b>").arg(m_format(m_edges[bin]), m_format(m_edges[bin + 1]));
    if (!s.name.isEmpty())
        tip += QStringLiteral("<br>") + s.name.toHtmlEscaped();
    tip += QStringLiteral("<br>%1 %2").arg(QString::number(s.counts.value(bin), 'g', 10), m_unit);
    if (bin < s.fractions.size())
        tip += QStringLiteral(" (%1 %)").arg(QString::number(s.fractions[bin] * 100.0, 'f', 1));
    return tip;
}

void HistogramChart::restyle() {
    ChartView::restyle();
    const ChartPalette& p = chartPalette();
    const bool overlay = m_areas.size() > 1;
    for (int s = 0; s < m_areas.size(); ++s) {
        const int index = m_series[s].colorIndex >= 0 ? m_series[s].colorIndex : s;
        const QColor c = p.color(m_series[s].color, index);
        QColor fill = c;
        fill.setAlphaF(overlay ? 0.4 : 0.75);
        m_areas[s]->setBrush(fill);
        m_areas[s]->setPen(QPen(c, 1.2));
    }
    for (int m = 0; m < m_markerLines.size(); ++m) {
        QPen pen(p.color(m_markers[m].color, m_markers[m].colorIndex));
        if (m_markers[m].color == SeriesColor::Auto && !overlay)
            pen.setColor(p.text);
        pen.setWidthF(1.6);
        pen.setStyle(m % 2 ? Qt::DashLine : Qt::DashDotLine);
        m_markerLines[m]->setPen(pen);
    }
    for (QLegendMarker* marker : chart()->legend()->markers())
        if (auto* area = qobject_cast<QAreaSeries*>(marker->series()); area && area->isVisible())
            marker->setBrush(area->brush());
}

void HistogramChart::resizeEvent(QResizeEvent* event) {
    ChartView::resizeEvent(event);
    updateValueLabels();
}

} // namespace chokepoint::ui

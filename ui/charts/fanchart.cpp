// SPDX-License-Identifier: MIT
#include "ui/charts/fanchart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QAreaSeries>
#include <QCategoryAxis>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QTimeZone>

namespace chokepoint::ui {

namespace {
constexpr double kDayMs = 86400000.0;

QString partName(const QString& name, const QString& part) {
    return name.isEmpty() ? part : name + QLatin1Char(' ') + part;
}
} // namespace

FanChart::FanChart(QWidget* parent)
    : ChartView(parent)
    , m_format([](double v) { return QString::number(v); }) {
    setZoomPan(true);
}

void FanChart::setFixedValueRange(double min, double max, double step) {
    m_fixedRange = true;
    m_min = min;
    m_max = max;
    m_step = step;
}

double FanChart::dayToX(int day) const {
    return double(m_start.startOfDay(QTimeZone::utc()).toMSecsSinceEpoch()) + day * kDayMs;
}

int FanChart::xToDay(double x) const {
    return int(std::lround((x - dayToX(0)) / kDayMs));
}

QLineSeries* FanChart::makeLine(const QVector<double>& values) {
    auto* line = new QLineSeries;
    QList<QPointF> points;
    points.reserve(values.size());
    for (int d = 0; d < values.size(); ++d)
        points.append(QPointF(dayToX(d), values[d]));
    line->append(points);
    return line;
}

void FanChart::setData(QVector<FanSeriesData> series) {
    m_data = std::move(series);
    chart()->removeAllSeries();
    for (QAbstractAxis* axis : chart()->axes())
        chart()->removeAxis(axis);
    delete m_timeAxis;
    delete m_valueAxis;
    m_parts.clear();

    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setFormat(QStringLiteral("yyyy-MM-dd"));
    m_timeAxis->setTickCount(6); // updateTimeTicks() fits it to the width
    m_valueAxis = new QCategoryAxis;
    chart()->addAxis(m_timeAxis, Qt::AlignBottom);
    chart()->addAxis(m_valueAxis, Qt::AlignLeft);

    int days = 0;
    double top = 0.0;
    for (int i = 0; i < m_data.size(); ++i) {
        const FanSeriesData& s = m_data[i];
        Parts parts;
        days = std::max({days, int(s.median.size()), int(s.reference.size())});
        for (const QVector<double>* v : {&s.median, &s.high, &s.reference})
            for (const double y : *v)
                top = std::max(top, y);
        const bool hasBand = !s.low.isEmpty() && s.low.size() == s.high.size();
        if (hasBand) {
            QLineSeries* upper = makeLine(s.high);
            QLineSeries* lower = makeLine(s.low);
            parts.band = new QAreaSeries(upper, lower);
            // QAreaSeries does not own its edges (TOOLCHAIN P8).
            upper->setParent(parts.band);
            lower->setParent(parts.band);
            parts.band->setName(
                chartLabel(partName(s.name, s.lowName + QChar(0x2013) + s.highName)));
            chart()->addSeries(parts.band);
            parts.band->attachAxis(m_timeAxis);
            parts.band->attachAxis(m_valueAxis);
            connect(parts.band, &QAreaSeries::hovered, this,
                    [this, i](const QPointF& at, bool on) { hover(i, at, on); });
        }
        if (!s.reference.isEmpty()) {
            parts.reference = makeLine(s.reference);
            parts.reference->setName(chartLabel(partName(s.name, s.referenceName)));
        }
        if (!s.median.isEmpty()) {
            parts.median = makeLine(s.median);
            parts.median->setName(chartLabel(
                m_compactLegend && !s.name.isEmpty() ? s.name : partName(s.name, s.medianName)));
        }
        for (QLineSeries* line : {parts.median, parts.reference}) {
            if (!line)
                continue;
            chart()->addSeries(line);
            line->attachAxis(m_timeAxis);
            line->attachAxis(m_valueAxis);
            connect(line, &QLineSeries::hovered, this,
                    [this, i](const QPointF& at, bool on) { hover(i, at, on); });
        }
        const QString key = s.key;
        for (QAbstractSeries* part :
             std::initializer_list<QAbstractSeries*>{parts.band, parts.median, parts.reference}) {
            if (auto* xy = qobject_cast<QXYSeries*>(part)) {
                connect(xy, &QXYSeries::clicked, this, [this, key] { Q_EMIT itemClicked(key); });
                connect(xy, &QXYSeries::doubleClicked, this,
                        [this, key] { Q_EMIT itemActivated(key); });
            } else if (auto* area = qobject_cast<QAreaSeries*>(part)) {
                connect(area, &QAreaSeries::clicked, this,
                        [this, key] { Q_EMIT itemClicked(key); });
                connect(area, &QAreaSeries::doubleClicked, this,
                        [this, key] { Q_EMIT itemActivated(key); });
            }
        }
        m_parts << parts;
    }
    m_timeAxis->setRange(
        QDateTime::fromMSecsSinceEpoch(qint64(dayToX(0)), QTimeZone::utc()),
        QDateTime::fromMSecsSinceEpoch(qint64(dayToX(std::max(1, days - 1))), QTimeZone::utc()));
    const ValueFormatter& axisFormat = m_axisFormat ? m_axisFormat : m_format;
    if (m_fixedRange)
        setFixedRange(m_valueAxis, m_min, m_max, m_step, axisFormat);
    else
        setNiceRange(m_valueAxis, top, axisFormat, 4);
    chart()->legend()->setVisible(!m_data.isEmpty());
    restyle();
    connectLegend();
    if (m_compactLegend)
        connectCompactLegend();
    updateTimeTicks();
}

void FanChart::connectCompactLegend() {
    for (const Parts& parts : std::as_const(m_parts)) {
        QLineSeries* lead = parts.median ? parts.median : parts.reference;
        if (!lead)
            continue;
        const QList<QLegendMarker*> leadMarkers = chart()->legend()->markers(lead);
        if (leadMarkers.isEmpty())
            continue;
        QList<QAbstractSeries*> others;
        for (QAbstractSeries* part :
             std::initializer_list<QAbstractSeries*>{parts.band, parts.median, parts.reference})
            if (part && part != lead)
                others << part;
        for (QAbstractSeries* part : others)
            for (QLegendMarker* m : chart()->legend()->markers(part))
                m->setVisible(false);
        // After ChartView's toggle of the lead line: the other parts follow it.
        connect(leadMarkers.first(), &QLegendMarker::clicked, this, [this, lead, others] {
            for (QAbstractSeries* part : others) {
                part->setVisible(lead->isVisible());
                for (QLegendMarker* m : chart()->legend()->markers(part))
                    m->setVisible(false);
            }
        });
    }
}

int FanChart::timeTickCount() const {
    return m_timeAxis ? m_timeAxis->tickCount() : 0;
}

// A date label is about 10 characters: as many as fit with a gap, 2 to 6.
void FanChart::updateTimeTicks() {
    if (!m_timeAxis)
        return;
    const QFontMetrics metrics(m_timeAxis->labelsFont());
    const double label = metrics.horizontalAdvance(QStringLiteral("0000-00-00")) + 18.0;
    // The view's width less the value axis and margins (the plot area is laid out later).
    const double plot = width() - 80.0;
    const int ticks = std::clamp(int(plot / label) + 1, 2, 6);
    if (ticks != m_timeAxis->tickCount())
        m_timeAxis->setTickCount(ticks);
}

void FanChart::resizeEvent(QResizeEvent* event) {
    ChartView::resizeEvent(event);
    updateTimeTicks();
}

QString FanChart::tipFor(int i, int day) const {
    if (i < 0 || i >= m_data.size())
        return {};
    const FanSeriesData& s = m_data[i];
    const QDate date = m_start.addDays(day);
    QString tip = QStringLiteral("<b>%1</b>").arg(s.name.toHtmlEscaped());
    if (!s.name.isEmpty())
        tip += QStringLiteral("<br>");
    tip += tr("%1 (day %2)").arg(date.toString(Qt::ISODate)).arg(day);
    auto line = [&](const QString& label, const QVector<double>& v) {
        if (day >= 0 && day < v.size())
            tip += QStringLiteral("<br>%1: %2").arg(label.toHtmlEscaped(), m_format(v[day]));
    };
    line(s.highName, s.high);
    line(s.medianName, s.median);
    line(s.lowName, s.low);
    line(s.referenceName, s.reference);
    return tip;
}

void FanChart::hover(int i, const QPointF& at, bool on) {
    if (!on)
        return hideTip();
    showTip(tipFor(i, xToDay(at.x())));
}

void FanChart::restyle() {
    ChartView::restyle();
    const ChartPalette& p = chartPalette();
    for (int i = 0; i < m_parts.size(); ++i) {
        const QColor c = p.color(m_data[i].color, i);
        if (QAreaSeries* band = m_parts[i].band) {
            QColor fill = c;
            fill.setAlphaF(p.dark ? 0.32 : 0.22);
            band->setBrush(fill);
            QColor edge = c;
            edge.setAlphaF(0.45);
            band->setPen(QPen(edge, 0.8));
        }
        if (QLineSeries* median = m_parts[i].median) {
            QPen pen(c);
            pen.setWidthF(2.2);
            median->setPen(pen);
        }
        if (QLineSeries* ref = m_parts[i].reference) {
            QPen pen(p.dark ? c.lighter(130) : c.darker(140));
            pen.setWidthF(1.6);
            pen.setStyle(Qt::DashLine);
            ref->setPen(pen);
        }
    }
    // Legend markers of areas take the translucent fill; make them readable.
    for (QLegendMarker* marker : chart()->legend()->markers()) {
        if (auto* area = qobject_cast<QAreaSeries*>(marker->series())) {
            if (!area->isVisible())
                continue;
            marker->setBrush(area->brush());
            marker->setPen(area->pen());
        }
    }
}

} // namespace chokepoint::ui

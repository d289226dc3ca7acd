// SPDX-License-Identifier: MIT
#include "ui/charts/linechart.h"

#include <algorithm>
#include <limits>

#include <QCategoryAxis>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QLegend>
#include <QLineSeries>
#include <QTimeZone>

namespace chokepoint::ui {

LineChart::LineChart(QWidget* parent)
    : ChartView(parent)
    , m_format([](double v) { return QString::number(v); }) {
    setZoomPan(true);
}

void LineChart::setFixedValueRange(double min, double max, double step) {
    m_fixedRange = true;
    m_min = min;
    m_max = max;
    m_step = step;
}

void LineChart::setData(QVector<LineSeriesData> series) {
    m_data = std::move(series);
    chart()->removeAllSeries();
    for (QAbstractAxis* axis : chart()->axes())
        chart()->removeAxis(axis);
    delete m_timeAxis;
    delete m_valueAxis;
    m_lines.clear();

    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setFormat(m_dateFormat);
    m_timeAxis->setTickCount(6);
    updateTimeTicks();
    m_valueAxis = new QCategoryAxis;
    chart()->addAxis(m_timeAxis, Qt::AlignBottom);
    chart()->addAxis(m_valueAxis, Qt::AlignLeft);

    double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
    double top = 0.0;
    for (int i = 0; i < m_data.size(); ++i) {
        auto* line = new QLineSeries;
        line->setName(chartLabel(m_data[i].name));
        line->append(QList<QPointF>(m_data[i].points.begin(), m_data[i].points.end()));
        for (const QPointF& p : m_data[i].points) {
            lo = std::min(lo, p.x());
            hi = std::max(hi, p.x());
            top = std::max(top, p.y());
        }
        chart()->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_valueAxis);
        m_lines << line;
        const QString key = m_data[i].key;
        connect(line, &QLineSeries::hovered, this, [this, i](const QPointF& at, bool on) {
            if (!on)
                return hideTip();
            // The nearest point of the series in time.
            const auto& pts = m_data[i].points;
            if (pts.isEmpty())
                return;
            auto it =
                std::min_element(pts.begin(), pts.end(), [&](const QPointF& a, const QPointF& b) {
                    return std::abs(a.x() - at.x()) < std::abs(b.x() - at.x());
                });
            const QString date = QDateTime::fromMSecsSinceEpoch(qint64(it->x()), QTimeZone::utc())
                                     .toString(m_dateFormat);
            showTip(QStringLiteral("<b>%1</b><br>%2: %3")
                        .arg(m_data[i].name.toHtmlEscaped(), date, m_format(it->y())));
        });
        connect(line, &QLineSeries::clicked, this, [this, key] { Q_EMIT itemClicked(key); });
        connect(line, &QLineSeries::doubleClicked, this,
                [this, key] { Q_EMIT itemActivated(key); });
    }
    if (lo <= hi) {
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(lo), QTimeZone::utc()),
                             QDateTime::fromMSecsSinceEpoch(qint64(hi), QTimeZone::utc()));
    }
    if (m_fixedRange)
        setFixedRange(m_valueAxis, m_min, m_max, m_step, m_format);
    else
        setNiceRange(m_valueAxis, top, m_format, 4);
    chart()->legend()->setVisible(m_data.size() > 1);
    restyle();
    connectLegend();
}

void LineChart::restyle() {
    ChartView::restyle();
    const ChartPalette& p = chartPalette();
    for (int i = 0; i < m_lines.size(); ++i) {
        QPen pen(p.color(m_data[i].color, i));
        pen.setWidthF(2.0);
        m_lines[i]->setPen(pen);
    }
}

int LineChart::timeTickCount() const {
    return m_timeAxis ? m_timeAxis->tickCount() : 0;
}

// As many date labels as fit with a gap between them, 2 to 6 (0.1: six labels in half a
// results tab read "2025-…").
void LineChart::updateTimeTicks() {
    if (!m_timeAxis)
        return;
    const QFontMetrics metrics(m_timeAxis->labelsFont());
    const QString widest =
        QDateTime(QDate(2000, 12, 28), QTime(0, 0), QTimeZone::utc()).toString(m_dateFormat);
    const double label = metrics.horizontalAdvance(widest) + 18.0;
    // The view's width less the value axis and margins (the plot area is laid out later).
    const double plot = width() - 80.0;
    const int ticks = std::clamp(int(plot / label) + 1, 2, 6);
    if (ticks != m_timeAxis->tickCount())
        m_timeAxis->setTickCount(ticks);
}

void LineChart::resizeEvent(QResizeEvent* event) {
    ChartView::resizeEvent(event);
    updateTimeTicks();
}

} // namespace chokepoint::ui

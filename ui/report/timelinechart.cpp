// SPDX-License-Identifier: MIT
#include "ui/report/timelinechart.h"

#include <QCategoryAxis>
#include <QDateTime>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QTimeZone>

namespace chokepoint::ui {

namespace {
constexpr int kMaxLabel = 40;
constexpr double kBarWidth = 7.0;

double toX(const QDate& d) {
    return double(QDateTime(d, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch());
}
} // namespace

TimelineChart::TimelineChart(QWidget* parent)
    : ChartView(parent) {
    chart()->legend()->setAlignment(Qt::AlignBottom);
}

void TimelineChart::setLegendNames(const QString& highlight, const QString& other,
                                   const QString& scheduled) {
    m_highlightName = highlight;
    m_otherName = other;
    m_scheduledName = scheduled;
}

void TimelineChart::setMarker(const QDate& date, const QString& label) {
    m_markerDate = date;
    m_markerLabel = label;
}

void TimelineChart::setData(QVector<TimelineItem> items, const QDate& axisStart,
                            const QDate& axisEnd) {
    m_items = std::move(items);
    chart()->removeAllSeries();
    for (QAbstractAxis* axis : chart()->axes())
        chart()->removeAxis(axis);
    delete m_rowAxis;
    delete m_timeAxis;
    m_bars.clear();
    m_marker = nullptr;

    const int n = int(m_items.size());
    // Labels on whole months (a date axis would put its ticks at equal times between the ends,
    // which fall on odd days): every 3, 6 or 12 months by the span.
    m_timeAxis = new QCategoryAxis;
    m_timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_timeAxis->setStartValue(toX(axisStart));
    m_timeAxis->setRange(toX(axisStart), toX(axisEnd));
    // An invalid QDate (year 0 has none) stays invalid under addMonths(): a loop stepping
    // towards the end would never get there (issue 17). Core keeps dates in Date's supported
    // range; the guards make that a precondition this loop does not depend on.
    if (axisStart.isValid() && axisEnd.isValid() && axisStart <= axisEnd) {
        const int months =
            (axisEnd.year() - axisStart.year()) * 12 + axisEnd.month() - axisStart.month();
        const int step = months <= 24 ? 3 : months <= 72 ? 6 : months <= 240 ? 12 : 60;
        QDate tick(axisStart.year(), axisStart.month(), 1);
        for (int k = 0; tick.isValid() && tick.month() % step != 1 % step && k < 12; ++k)
            tick = tick.addMonths(1);
        for (int k = 0; tick.isValid() && tick <= axisEnd && k < 1000;
             tick = tick.addMonths(step), ++k)
            if (tick >= axisStart)
                m_timeAxis->append(QLocale::c().toString(tick, QStringLiteral("MMM yyyy")),
                                   toX(tick));
    }
    m_rowAxis = new QCategoryAxis;
    m_rowAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    m_rowAxis->setGridLineVisible(false);
    m_rowAxis->setRange(0.0, std::max(1, n));
    m_rowAxis->setStartValue(0.0);
    QStringList used;
    for (int k = 0; k < n; ++k) {
        const TimelineItem& item = m_items[n - 1 - k]; // the first item at the top
        QString label = chartLabel(item.label.size() > kMaxLabel
                                       ? item.label.left(kMaxLabel - 1).trimmed() + QChar(0x2026)
                                       : item.label);
        while (used.contains(label))
            label += QChar(0x200B);
        used << label;
        m_rowAxis->append(label, k + 1);
    }
    chart()->addAxis(m_timeAxis, Qt::AlignBottom);
    chart()->addAxis(m_rowAxis, Qt::AlignLeft);

    const double xEnd = toX(axisEnd);
    bool highlightShown = false, otherShown = false, scheduledShown = false;
    for (int k = 0; k < n; ++k) {
        const TimelineItem& item = m_items[n - 1 - k];
        const double y = k + 0.5;
        const double x0 = toX(item.start);
        const double x1 = item.end ? toX(*item.end) : xEnd;
        auto* line = new QLineSeries;
        line->append(x0, y);
        // A measure that ended before it started still gets a visible stub.
        line->append(x1 > x0 ? x1 : x0 + 86400000.0 * 12, y);
        // Scheduled measures get a legend entry of their own (dashed), whatever their colour.
        const bool scheduled = item.scheduled && !m_scheduledName.isEmpty();
        bool& shown = scheduled ? scheduledShown : item.highlight ? highlightShown : otherShown;
        const bool first = !shown;
        shown = true;
        line->setName(chartLabel(scheduled        ? m_scheduledName
                                 : item.highlight ? m_highlightName
                                                  : m_otherName));
        chart()->addSeries(line);
        line->attachAxis(m_timeAxis);
        line->attachAxis(m_rowAxis);
        line->setProperty("highlight", item.highlight);
        line->setProperty("scheduled", item.scheduled);
        const auto markers = chart()->legend()->markers(line);
        for (QLegendMarker* marker : markers)
            marker->setVisible(first && !line->name().isEmpty());
        m_bars << line;
    }
    if (m_markerDate.isValid()) {
        m_marker = new QLineSeries;
        m_marker->setName(chartLabel(m_markerLabel));
        m_marker->append(toX(m_markerDate), 0.0);
        m_marker->append(toX(m_markerDate), std::max(1, n));
        chart()->addSeries(m_marker);
        m_marker->attachAxis(m_timeAxis);
        m_marker->attachAxis(m_rowAxis);
    }
    chart()->legend()->setVisible(true);
    restyle();
}

QStringList TimelineChart::axisLabels() const {
    return m_rowAxis ? m_rowAxis->categoriesLabels() : QStringList();
}

void TimelineChart::restyle() {
    ChartView::restyle();
    const ChartPalette& p = chartPalette();
    for (QLineSeries* line : m_bars) {
        QPen pen(line->property("highlight").toBool() ? p.risk : p.axis);
        pen.setWidthF(kBarWidth);
        pen.setCapStyle(Qt::FlatCap);
        if (line->property("scheduled").toBool())
            pen.setDashPattern({1.2, 0.6}); // in pen widths: dashes apart from solid bars
        line->setPen(pen);
    }
    if (m_marker) {
        QPen pen(p.text);
        pen.setWidthF(1.2);
        pen.setStyle(Qt::DashLine);
        m_marker->setPen(pen);
    }
}

} // namespace chokepoint::ui

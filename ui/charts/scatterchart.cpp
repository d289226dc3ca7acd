// SPDX-License-Identifier: MIT
#include "ui/charts/scatterchart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include <QCategoryAxis>
#include <QLegend>
#include <QLegendMarker>
#include <QScatterSeries>

#include "ui/charts/valueaxis.h"
#include "ui/displayformat.h"

namespace chokepoint::ui {

ScatterChart::ScatterChart(QWidget* parent)
    : ChartView(parent)
    , m_noneLabel(tr("none"))
    , m_plainName(tr("Items"))
    , m_highlightName(tr("Highlighted")) {}

void ScatterChart::setAxisTitles(const QString& x, const QString& y) {
    m_xTitle = x;
    m_yTitle = y;
}

void ScatterChart::setSeriesNames(const QString& plain, const QString& highlighted) {
    m_plainName = plain;
    m_highlightName = highlighted;
}

void ScatterChart::setData(QVector<ScatterPoint> points) {
    m_points = std::move(points);
    chart()->removeAllSeries();
    for (QAbstractAxis* axis : chart()->axes())
        chart()->removeAxis(axis);
    delete m_xAxis;
    delete m_yAxis;
    m_plain = m_highlight = m_selection = nullptr;

    // x: decades from the smallest to the largest positive value; "none" one decade left.
    double lo = std::numeric_limits<double>::infinity(), hi = 0.0, yMax = 0.0;
    for (const ScatterPoint& p : m_points) {
        if (p.x && *p.x > 0.0) {
            lo = std::min(lo, *p.x);
            hi = std::max(hi, *p.x);
        }
        yMax = std::max(yMax, p.y);
    }
    const bool anyX = hi > 0.0;
    const int firstDecade = anyX ? int(std::floor(std::log10(lo))) : 6;
    const int lastDecade = anyX ? std::max(firstDecade + 1, int(std::ceil(std::log10(hi)))) : 7;
    // Decades labelled every `step` so that labels keep their room; "none" further out.
    const int step = std::max(1, (lastDecade - firstDecade + 3) / 4);
    const double none = firstDecade - 1.5;
    m_positions.clear();
    for (const ScatterPoint& p : m_points)
        m_positions << QPointF(p.x && *p.x > 0.0 ? std::log10(*p.x) : none, p.y);

    m_plain = new QScatterSeries;
    m_plain->setName(m_plainName);
    m_highlight = new QScatterSeries;
    m_highlight->setName(m_highlightName);
    m_selection = new QScatterSeries;
    m_selection->setName(tr("Selected"));
    for (QScatterSeries* s : {m_plain, m_highlight}) {
        s->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        s->setMarkerSize(10.0);
    }
    m_selection->setMarkerShape(QScatterSeries::MarkerShapeCircle);
    m_selection->setMarkerSize(18.0);
    for (int i = 0; i < m_points.size(); ++i)
        (m_points[i].highlighted ? m_highlight : m_plain)->append(m_positions[i]);
    // The ring goes under the points so that they stay clickable.
    for (QScatterSeries* s : {m_selection, m_plain, m_highlight}) {
        chart()->addSeries(s);
        connectSeries(s);
    }

    m_xAxis = new QCategoryAxis;
    m_xAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_xAxis->append(m_noneLabel, none);
    // Labels must come in increasing order; counted down from the largest decade.
    int first = lastDecade;
    while (first - step >= firstDecade)
        first -= step;
    for (int d = first; d <= lastDecade; d += step)
        m_xAxis->append(compactMoneyText(std::pow(10.0, d)), d);
    m_xAxis->setRange(none - 0.6, lastDecade + 0.2);
    m_xAxis->setTitleText(m_xTitle);
    m_yAxis = new QCategoryAxis;
    setNiceRange(m_yAxis, yMax * 1.05, [](double v) { return compactMoneyText(v); });
    m_yAxis->setTitleText(m_yTitle);
    chart()->addAxis(m_xAxis, Qt::AlignBottom);
    chart()->addAxis(m_yAxis, Qt::AlignLeft);
    for (QScatterSeries* s : {m_selection, m_plain, m_highlight}) {
        s->attachAxis(m_xAxis);
        s->attachAxis(m_yAxis);
    }
    chart()->legend()->setVisible(!m_points.isEmpty());
    if (auto markers = chart()->legend()->markers(m_selection); !markers.isEmpty())
        markers.first()->setVisible(false);
    updateSelection();
    restyle();
    connectLegend();
    setEmpty(m_points.isEmpty());
}

void ScatterChart::connectSeries(QScatterSeries* series) {
    connect(series, &QScatterSeries::hovered, this, [this](const QPointF& p, bool on) {
        if (on)
            showTip(tipFor(nearestPoint(p)));
        else
            hideTip();
    });
    connect(series, &QScatterSeries::clicked, this, [this](const QPointF& p) {
        if (const int i = nearestPoint(p); i >= 0)
            Q_EMIT itemClicked(m_points[i].key);
    });
    connect(series, &QScatterSeries::doubleClicked, this, [this](const QPointF& p) {
        if (const int i = nearestPoint(p); i >= 0)
            Q_EMIT itemActivated(m_points[i].key);
    });
}

QPointF ScatterChart::plotPosition(int i) const {
    return m_positions.value(i);
}

// Nearest in screen terms: the axes have very different units.
int ScatterChart::nearestPoint(const QPointF& value) const {
    const QPointF at = chart()->mapToPosition(value);
    int best = -1;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (int i = 0; i < m_positions.size(); ++i) {
        const QPointF d = chart()->mapToPosition(m_positions[i]) - at;
        const double distance = d.x() * d.x() + d.y() * d.y();
        if (distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    return best;
}

QString ScatterChart::tipFor(int index) const {
    if (index < 0 || index >= m_points.size())
        return {};
    const ScatterPoint& p = m_points[index];
    if (!p.tooltip.isEmpty())
        return p.tooltip;
    return QStringLiteral("<b>%1</b><br>%2: %3<br>%4: %5")
        .arg(p.label.toHtmlEscaped(), m_xTitle, p.x && *p.x > 0.0 ? moneyText(*p.x) : m_noneLabel,
             m_yTitle, moneyText(p.y));
}

void ScatterChart::setSelectedKey(const QString& key) {
    m_selected = key;
    updateSelection();
}

void ScatterChart::updateSelection() {
    if (!m_selection)
        return;
    m_selection->clear();
    for (int i = 0; i < m_points.size(); ++i)
        if (!m_selected.isEmpty() && m_points[i].key == m_selected)
            m_selection->append(m_positions[i]);
}

void ScatterChart::restyle() {
    ChartView::restyle();
    if (!m_plain)
        return;
    const ChartPalette& p = chartPalette();
    m_plain->setColor(p.category(0));
    m_plain->setBorderColor(p.category(0).darker(130));
    m_highlight->setColor(p.risk);
    m_highlight->setBorderColor(p.risk.darker(130));
    m_selection->setColor(Qt::transparent);
    QPen ring(p.highlight);
    ring.setWidthF(2.5);
    m_selection->setPen(ring);
    m_selection->setBorderColor(p.highlight);
}

} // namespace chokepoint::ui

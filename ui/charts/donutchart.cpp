// SPDX-License-Identifier: MIT
#include "ui/charts/donutchart.h"

#include <algorithm>
#include <cmath>

#include <QFontMetrics>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QPieSeries>
#include <QPieSlice>
#include <QtMath>

namespace chokepoint::ui {

namespace {
constexpr double kHole = 0.55;
constexpr double kSize = 0.85;
constexpr int kMinRing = 150; // px the ring keeps beside its legend
} // namespace

DonutChart::DonutChart(QWidget* parent)
    : ChartView(parent) {
    chart()->legend()->setAlignment(Qt::AlignRight);
    m_series = new QPieSeries;
    m_series->setHoleSize(kHole);
    m_series->setPieSize(kSize);
    chart()->addSeries(m_series);
    m_center = new QGraphicsSimpleTextItem(chart());
    QFont f = font();
    f.setBold(true);
    m_center->setFont(f);
    connect(chart(), &QChart::plotAreaChanged, this, [this] { layoutCenter(); });
    connect(m_series, &QPieSeries::hovered, this, [this](QPieSlice* slice, bool on) {
        const int i = int(m_series->slices().indexOf(slice));
        if (!on || i < 0 || i >= m_slices.size())
            return hideTip();
        const DonutSlice& s = m_slices[i];
        showTip(s.tooltip.isEmpty() ? s.label.toHtmlEscaped() : s.tooltip);
    });
    connect(m_series, &QPieSeries::clicked, this,
            [this](QPieSlice* slice) { clickSlice(int(m_series->slices().indexOf(slice))); });
    connect(m_series, &QPieSeries::doubleClicked, this, [this](QPieSlice* slice) {
        Q_EMIT itemActivated(sliceKey(int(m_series->slices().indexOf(slice))));
    });
}

void DonutChart::setData(QVector<DonutSlice> slices, const QString& centerText) {
    m_slices = std::move(slices);
    m_series->clear();
    for (const DonutSlice& s : m_slices) {
        auto* slice = new QPieSlice(chartLabel(s.label), s.value);
        slice->setLabelVisible(false);
        slice->setExplodeDistanceFactor(0.08);
        m_series->append(slice);
    }
    m_center->setText(centerText);
    restyle();
    connectLegend();
    updateLegend();
    updateSelection();
    layoutCenter();
}

void DonutChart::restyle() {
    ChartView::restyle();
    if (!m_series)
        return;
    const ChartPalette& p = chartPalette();
    const auto slices = m_series->slices();
    for (int i = 0; i < slices.size(); ++i) {
        slices[i]->setColor(p.category(i));
        slices[i]->setBorderColor(p.background);
        slices[i]->setBorderWidth(1);
    }
    m_center->setBrush(p.text);
    updateSelection();
}

void DonutChart::setSelectedKey(const QString& key) {
    m_selected = key;
    updateSelection();
}

void DonutChart::updateSelection() {
    const auto slices = m_series->slices();
    const int selected = sliceIndex(m_selected);
    for (int i = 0; i < slices.size(); ++i) {
        slices[i]->setExploded(i == selected);
        slices[i]->setBorderColor(i == selected ? chartPalette().highlight
                                                : chartPalette().background);
        slices[i]->setBorderWidth(i == selected ? 2 : 1);
    }
}

void DonutChart::layoutCenter() {
    const QRectF plot = chart()->plotArea();
    const QRectF r = m_center->boundingRect();
    m_center->setPos(plot.center() - QPointF(r.width() / 2, r.height() / 2));
}

void DonutChart::resizeEvent(QResizeEvent* event) {
    ChartView::resizeEvent(event);
    updateLegend();
    layoutCenter();
}

// The legend gets the width its longest entry needs (0.1.0: "Poland 21...." at 1280 x 800) beside
// the ring while the ring keeps kMinRing px; a narrower chart puts it below the ring. Entries
// that do not fit the height are left out (largest slices come first).
void DonutChart::updateLegend() {
    QLegend* legend = chart()->legend();
    const QFontMetrics fm(legend->font());
    int longest = 0;
    for (const DonutSlice& s : m_slices)
        longest = std::max(longest, fm.horizontalAdvance(chartLabel(s.label)));
    const int need = longest + fm.height() + 32; // marker, gaps and the legend's margins
    const bool beside = width() - need >= kMinRing;
    legend->setAlignment(beside ? Qt::AlignRight : Qt::AlignBottom);
    legend->setMinimumWidth(beside ? need : 0);
    const int titleHeight = chart()->title().isEmpty() ? 0 : 2 * fm.height();
    const int rowHeight = fm.height() + 8;
    const int fit = beside ? std::max(1, (height() - titleHeight - 48) / rowHeight)
                           : std::max(1, (height() - titleHeight - kMinRing) / rowHeight);
    const int shown = std::min(m_maxLegend, fit);
    const auto markers = legend->markers(m_series);
    for (int i = 0; i < markers.size(); ++i)
        markers[i]->setVisible(i < shown);
}

int DonutChart::sliceIndex(const QString& key) const {
    if (key.isEmpty())
        return -1;
    for (int i = 0; i < m_slices.size(); ++i)
        if (m_slices[i].key == key)
            return i;
    return -1;
}

QString DonutChart::sliceKey(int index) const {
    return index >= 0 && index < m_slices.size() ? m_slices[index].key : QString();
}

QVector<double> DonutChart::values() const {
    QVector<double> v;
    for (const auto& s : m_slices)
        v << s.value;
    return v;
}

QString DonutChart::centerText() const {
    return m_center->text();
}

QPoint DonutChart::sliceCenter(int index) const {
    const auto slices = m_series->slices();
    if (index < 0 || index >= slices.size())
        return {};
    const QPieSlice* s = slices[index];
    const QRectF plot = chart()->plotArea();
    const double radius = std::min(plot.width(), plot.height()) / 2.0 * kSize;
    const double r = radius * (1.0 + kHole) / 2.0;
    // Pie angles run clockwise from 12 o'clock.
    const double angle = qDegreesToRadians(s->startAngle() + s->angleSpan() / 2.0);
    const QPointF p(plot.center().x() + r * std::sin(angle),
                    plot.center().y() - r * std::cos(angle));
    return mapFromScene(chart()->mapToScene(p));
}

void DonutChart::clickSlice(int index) {
    const QString key = sliceKey(index);
    if (!key.isEmpty())
        Q_EMIT itemClicked(key);
}

} // namespace chokepoint::ui

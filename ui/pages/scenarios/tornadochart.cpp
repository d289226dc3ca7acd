// SPDX-License-Identifier: MIT
#include "ui/pages/scenarios/tornadochart.h"

#include <algorithm>
#include <cmath>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QFontMetrics>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLineSeries>

#include "ui/charts/valueaxis.h"
#include "ui/displayformat.h"

namespace chokepoint::ui {

TornadoChart::TornadoChart(QWidget* parent)
    : ChartView(parent) {}

void TornadoChart::setData(QVector<TornadoRow> rows) {
    m_rows = std::move(rows);
    chart()->removeAllSeries();
    m_baseLine = nullptr;
    for (QAbstractAxis* axis : chart()->axes())
        chart()->removeAxis(axis);
    delete m_categoryAxis;
    delete m_valueAxis;

    const int n = int(m_rows.size());
    m_series = new QHorizontalBarSeries;
    m_series->setBarWidth(0.8);
    m_low = new QBarSet(tr("Parameter at its low value"));
    m_high = new QBarSet(tr("Parameter at its high value"));
    QList<qreal> low(n, 0.0), high(n, 0.0);
    double lo = 0.0, hi = 0.0;
    for (int i = 0; i < n; ++i) {
        low[barIndex(i)] = m_rows[i].lowResult - m_base;
        high[barIndex(i)] = m_rows[i].highResult - m_base;
        lo = std::min({lo, low[barIndex(i)], high[barIndex(i)]});
        hi = std::max({hi, low[barIndex(i)], high[barIndex(i)]});
    }
    m_high->append(high);
    m_low->append(low);
    m_series->append(m_high); // drawn below the low bar of the same row
    m_series->append(m_low);
    for (QBarSet* set : {m_low, m_high})
        connectBars(
            set, [this](int bar) { return barIndex(bar); }, [this](int row) { return tipFor(row); },
            [this](int row) {
                return row >= 0 && row < m_rows.size() ? m_rows[row].key : QString();
            });
    chart()->addSeries(m_series);

    QStringList labels;
    for (int b = 0; b < n; ++b) {
        QString label = m_rows[barIndex(b)].label;
        if (label.size() > 44)
            label = label.left(43) + QChar(0x2026);
        label = chartLabel(label);
        while (labels.contains(label))
            label += QChar(0x200B);
        labels << label;
    }
    m_categoryAxis = new QBarCategoryAxis;
    m_categoryAxis->append(labels);
    m_categoryAxis->setGridLineVisible(false);
    m_valueAxis = new QCategoryAxis;
    // The bars run from the base, the axis reads in lost revenue: gridlines on round amounts
    // (not on base ± steps, which put "-$763 m" under a lost revenue that cannot go below 0).
    const double absLo = m_base + lo, absHi = m_base + hi;
    const double step = niceStep(std::max(absHi - absLo, std::abs(m_base) * 0.01), 5);
    const double first = std::floor(absLo / step + 1e-9) * step;
    const double last = std::max(first + step, std::ceil(absHi / step - 1e-9) * step);
    const double base = m_base;
    setFixedRange(m_valueAxis, first - base, last - base, step,
                  [base](double v) { return compactMoneyText(base + v); });
    m_valueAxis->setTitleText(tr("lost revenue"));
    m_valueAxis->setVisible(n > 0);
    m_categoryAxis->setVisible(n > 0);
    chart()->addAxis(m_categoryAxis, Qt::AlignLeft);
    chart()->addAxis(m_valueAxis, Qt::AlignBottom);
    m_series->attachAxis(m_categoryAxis);
    m_series->attachAxis(m_valueAxis);

    // The scenario as written: a line through the bars' common end.
    m_baseLine = new QLineSeries;
    m_baseLine->setName(tr("As written: %1").arg(compactMoneyText(m_base)));
    m_baseLine->append(0.0, -0.5);
    m_baseLine->append(0.0, std::max(0, n - 1) + 0.5);
    chart()->addSeries(m_baseLine);
    m_baseLine->attachAxis(m_valueAxis);
    m_baseLine->attachAxis(m_categoryAxis);
    m_baseLine->setVisible(n > 0);
    // The last label is centred on the axis end: room for its right half.
    const QFontMetrics metrics(m_valueAxis->labelsFont());
    const QStringList tickLabels = m_valueAxis->categoriesLabels();
    const int half = tickLabels.isEmpty() ? 0 : metrics.horizontalAdvance(tickLabels.last()) / 2;
    chart()->setMargins(QMargins(6, 6, std::max(6, half + 4), 6));
    chart()->legend()->setVisible(n > 0);
    restyle();
    connectLegend();
    setEmpty(m_rows.isEmpty());
}

QVector<double> TornadoChart::lowBars() const {
    QVector<double> v;
    for (int i = 0; i < m_rows.size(); ++i)
        v << m_low->at(barIndex(i));
    return v;
}

QVector<double> TornadoChart::highBars() const {
    QVector<double> v;
    for (int i = 0; i < m_rows.size(); ++i)
        v << m_high->at(barIndex(i));
    return v;
}

QString TornadoChart::tipFor(int i) const {
    if (i < 0 || i >= m_rows.size())
        return {};
    const TornadoRow& r = m_rows[i];
    return tr("<b>%1</b><br>Low (%2): %3<br>High (%4): %5<br>As written: %6")
        .arg(r.label.toHtmlEscaped(), r.lowText.toHtmlEscaped(), moneyText(r.lowResult),
             r.highText.toHtmlEscaped(), moneyText(r.highResult), moneyText(m_base));
}

void TornadoChart::restyle() {
    ChartView::restyle();
    if (!m_series)
        return;
    const ChartPalette& p = chartPalette();
    m_low->setColor(p.category(0));
    m_low->setBorderColor(p.category(0));
    m_high->setColor(p.category(1));
    m_high->setBorderColor(p.category(1));
    if (m_baseLine) {
        QPen pen(p.text);
        pen.setWidthF(1.4);
        pen.setStyle(Qt::DashLine);
        m_baseLine->setPen(pen);
    }
}

QStringList TornadoChart::axisLabels() const {
    return m_valueAxis ? m_valueAxis->categoriesLabels() : QStringList();
}

} // namespace chokepoint::ui

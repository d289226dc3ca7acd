// SPDX-License-Identifier: MIT
#include "ui/charts/survivalchart.h"

#include <algorithm>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QHorizontalBarSeries>
#include <QLegend>

#include "ui/charts/valueaxis.h"

namespace chokepoint::ui {

namespace {
constexpr QChar kWarning(0x26A0);
constexpr QChar kSelected(0x25B8);

QString daysLabel(double days) {
    return SurvivalChart::tr("%1 d").arg(QString::number(days, 'f', 0));
}
} // namespace

SurvivalChart::SurvivalChart(QWidget* parent)
    : ChartView(parent)
    , m_survivalName(tr("Stock lasts (TTS)"))
    , m_recoveryName(tr("Supply back (TTR)"))
    , m_dayAxisTitle(tr("days from the scenario start")) {}

void SurvivalChart::setTexts(const QString& survival, const QString& recovery,
                             const QString& dayAxis) {
    m_survivalName = survival;
    m_recoveryName = recovery;
    m_dayAxisTitle = dayAxis;
}

void SurvivalChart::setData(QVector<SurvivalItem> items) {
    m_items = std::move(items);
    chart()->removeAllSeries();
    for (QAbstractAxis* axis : chart()->axes())
        chart()->removeAxis(axis);
    delete m_categoryAxis;
    delete m_dayAxis;
    m_series = nullptr;

    const int n = int(m_items.size());
    m_series = new QHorizontalBarSeries;
    m_series->setBarWidth(0.8);
    m_survival = new QBarSet(m_survivalName);
    m_recovery = new QBarSet(m_recoveryName);
    QList<qreal> survival(n, 0.0), recovery(n, 0.0);
    for (int i = 0; i < n; ++i) {
        survival[barIndex(i)] = m_items[i].survivalDays.value_or(m_horizon);
        recovery[barIndex(i)] = m_items[i].recoveryDays.value_or(m_horizon);
    }
    // Qt draws the first set of a group lowest: recovery first puts survival on top.
    m_recovery->append(recovery);
    m_survival->append(survival);
    m_series->append(m_recovery);
    m_series->append(m_survival);
    for (QBarSet* set : {m_survival, m_recovery})
        connectBars(
            set, [this](int bar) { return barIndex(bar); }, [this](int i) { return tipFor(i); },
            [this](int i) { return i >= 0 && i < m_items.size() ? m_items[i].key : QString(); });
    chart()->addSeries(m_series);

    m_categoryAxis = new QBarCategoryAxis;
    m_categoryAxis->setGridLineVisible(false);
    m_dayAxis = new QCategoryAxis;
    const int horizon = std::max(1, m_horizon);
    // About four labels, so that they keep their room on a narrow chart.
    const int step = horizon <= 60 ? 15 : horizon <= 200 ? 50 : horizon <= 400 ? 90 : 180;
    // Multiples of the step that leave the horizon's own label room (365 d, not 360 d too).
    const int lastLabel = std::max(0, (horizon - step / 2) / step * step);
    setFixedRange(m_dayAxis, 0.0, double(lastLabel), double(step), daysLabel);
    // setFixedRange labels multiples of the step; the horizon itself closes the axis.
    if (lastLabel < horizon)
        m_dayAxis->append(daysLabel(horizon), horizon);
    m_dayAxis->setRange(0.0, horizon);
    m_dayAxis->setTitleText(m_dayAxisTitle);
    chart()->addAxis(m_categoryAxis, Qt::AlignLeft);
    chart()->addAxis(m_dayAxis, Qt::AlignBottom);
    m_series->attachAxis(m_categoryAxis);
    m_series->attachAxis(m_dayAxis);
    chart()->legend()->setVisible(n > 0);
    updateSelection(); // sets the axis labels
    restyle();
    connectLegend();
    setEmpty(m_items.isEmpty());
}

QStringList SurvivalChart::axisLabels() const {
    return m_categoryAxis ? m_categoryAxis->categories() : QStringList();
}

void SurvivalChart::setSelectedKey(const QString& key) {
    m_selected = key;
    updateSelection();
}

// Survival bars of items at risk are "selected" (the risk colour); the linked selection shows
// as a marker in front of the item's label.
void SurvivalChart::updateSelection() {
    if (!m_series)
        return;
    m_survival->deselectAllBars();
    QStringList labels;
    for (int b = 0; b < m_items.size(); ++b) {
        const SurvivalItem& item = m_items[barIndex(b)];
        if (item.atRisk)
            m_survival->selectBar(b);
        QString label =
            chartLabel(item.label.size() > 28 ? item.label.left(27) + QChar(0x2026) : item.label);
        if (item.atRisk)
            label = kWarning + QLatin1Char(' ') + label;
        if (!m_selected.isEmpty() && item.key == m_selected)
            label = kSelected + QLatin1Char(' ') + label;
        while (labels.contains(label))
            label += QChar(0x200B);
        labels << label;
    }
    if (m_categoryAxis->categories() != labels) {
        m_categoryAxis->clear();
        m_categoryAxis->append(labels);
    }
}

QString SurvivalChart::tipFor(int index) const {
    if (index < 0 || index >= m_items.size())
        return {};
    const SurvivalItem& item = m_items[index];
    QString tip = item.tooltip.isEmpty()
                      ? QStringLiteral("<b>%1</b>").arg(item.label.toHtmlEscaped())
                      : item.tooltip;
    tip += item.survivalDays ? tr("<br>Stock lasts until day %1").arg(*item.survivalDays)
                             : tr("<br>Stock lasts beyond the horizon (%1 days)").arg(m_horizon);
    tip += item.recoveryDays ? tr("<br>Supply back on day %1").arg(*item.recoveryDays)
                             : tr("<br>Supply not back within the horizon");
    if (item.atRisk)
        tip += tr("<br><b>Runs out before supply recovers</b>");
    return tip;
}

QVector<double> SurvivalChart::survivalValues() const {
    QVector<double> v;
    for (int i = 0; i < m_items.size(); ++i)
        v << m_survival->at(barIndex(i));
    return v;
}

QVector<double> SurvivalChart::recoveryValues() const {
    QVector<double> v;
    for (int i = 0; i < m_items.size(); ++i)
        v << m_recovery->at(barIndex(i));
    return v;
}

void SurvivalChart::restyle() {
    ChartView::restyle();
    if (!m_series)
        return;
    const ChartPalette& p = chartPalette();
    const QColor survival = p.category(0);
    m_survival->setColor(survival);
    m_survival->setBorderColor(survival);
    m_survival->setSelectedColor(p.risk);
    const QColor recovery = p.dark ? QColor(0x8a, 0x90, 0x99) : QColor(0xa7, 0xad, 0xb5);
    m_recovery->setColor(recovery);
    m_recovery->setBorderColor(recovery);
}

} // namespace chokepoint::ui

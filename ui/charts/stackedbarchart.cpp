// SPDX-License-Identifier: MIT
#include "ui/charts/stackedbarchart.h"

#include <algorithm>

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QFontMetrics>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QStackedBarSeries>

namespace chokepoint::ui {

StackedBarChart::StackedBarChart(Orientation orientation, QWidget* parent)
    : ChartView(parent)
    , m_orientation(orientation)
    , m_format([](double v) { return QString::number(v); }) {}

void StackedBarChart::setBaseMinimumHeight(int height) {
    m_baseMinimumHeight = height;
    setMinimumHeight(std::max(minimumHeight(), height));
}

void StackedBarChart::setFixedValueRange(double min, double max, double step) {
    m_fixedRange = true;
    m_min = min;
    m_max = max;
    m_step = step;
}

// Horizontal charts list the first category at the top; Qt puts bar 0 at the bottom.
static int barIndex(StackedBarChart::Orientation o, int count, int index) {
    return o == StackedBarChart::Orientation::Horizontal ? count - 1 - index : index;
}

void StackedBarChart::setData(QVector<BarCategory> categories, QVector<BarSeriesData> series) {
    m_categories = std::move(categories);
    m_series = std::move(series);
    chart()->removeAllSeries();
    for (QAbstractAxis* axis : chart()->axes())
        chart()->removeAxis(axis);
    m_barSeries = nullptr;
    delete m_categoryAxis;
    delete m_valueAxis;
    m_categoryAxis = nullptr;
    m_valueAxis = nullptr;

    const int n = int(m_categories.size());
    if (m_orientation == Orientation::Horizontal)
        m_barSeries = new QHorizontalStackedBarSeries;
    else
        m_barSeries = new QStackedBarSeries;
    m_barSeries->setBarWidth(0.7);
    QVector<double> stack(n, 0.0);
    for (const BarSeriesData& s : m_series) {
        auto* set = new QBarSet(chartLabel(s.name));
        QList<qreal> values(n, 0.0);
        for (int i = 0; i < n && i < s.values.size(); ++i) {
            values[barIndex(m_orientation, n, i)] = s.values[i];
            stack[i] += std::max(0.0, s.values[i]);
        }
        set->append(values);
        m_barSeries->append(set);
        connectBars(
            set, [this, n](int bar) { return barIndex(m_orientation, n, bar); },
            [this](int i) { return tooltipFor(i); }, [this](int i) { return categoryKey(i); });
    }
    chart()->addSeries(m_barSeries);

    QStringList labels;
    for (int b = 0; b < n; ++b) {
        const BarCategory& c = m_categories[barIndex(m_orientation, n, b)];
        QString label =
            c.label.size() > m_maxLabel ? c.label.left(m_maxLabel - 1) + QChar(0x2026) : c.label;
        label = chartLabel(label);
        while (labels.contains(label))
            label += QChar(0x200B);
        labels << label;
    }
    m_categoryAxis = new QBarCategoryAxis;
    m_categoryAxis->append(labels);
    m_categoryAxis->setGridLineVisible(false);
    m_valueAxis = new QCategoryAxis;
    const ValueFormatter& axisFormat = m_axisFormat ? m_axisFormat : m_format;
    if (m_fixedRange)
        setFixedRange(m_valueAxis, m_min, m_max, m_step, axisFormat);
    else
        setNiceRange(m_valueAxis, n ? *std::max_element(stack.begin(), stack.end()) : 1.0,
                     axisFormat, 4);
    const bool horizontal = m_orientation == Orientation::Horizontal;
    chart()->addAxis(m_categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart()->addAxis(m_valueAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    m_barSeries->attachAxis(m_categoryAxis);
    m_barSeries->attachAxis(m_valueAxis);
    chart()->legend()->setVisible(m_series.size() > 1);
    fitHeightToBars();
    restyle();
    connectLegend();
    updateSelection();
    setEmpty(m_categories.isEmpty());
}

// Qt Charts replaces a category label by "…" when the label's line does not fit the bar's
// height less twice its padding (about 25 px per bar with a 15 px font): 15 bars in a
// 300 px chart lost every name. A horizontal chart asks for the height its bars need; the
// page scrolls down if it must, and every name stays readable.
void StackedBarChart::fitHeightToBars() {
    if (m_orientation != Orientation::Horizontal)
        return;
    const int perBar = QFontMetrics(m_categoryAxis->labelsFont()).height() + 14;
    const int chrome = 110 + (chart()->legend()->isVisible() ? 30 : 0); // title, axis, legend
    setMinimumHeight(std::max(m_baseMinimumHeight, int(m_categories.size()) * perBar + chrome));
}

QString StackedBarChart::tooltipFor(int index) const {
    if (index < 0 || index >= m_categories.size())
        return {};
    const BarCategory& c = m_categories[index];
    QString tip =
        c.tooltip.isEmpty() ? QStringLiteral("<b>%1</b>").arg(c.label.toHtmlEscaped()) : c.tooltip;
    for (const BarSeriesData& s : m_series)
        if (index < s.values.size())
            tip +=
                QStringLiteral("<br>%1: %2").arg(s.name.toHtmlEscaped(), m_format(s.values[index]));
    return tip;
}

void StackedBarChart::restyle() {
    ChartView::restyle();
    if (!m_barSeries)
        return;
    const ChartPalette& p = chartPalette();
    const auto sets = m_barSeries->barSets();
    for (int i = 0; i < sets.size() && i < m_series.size(); ++i) {
        const QColor c = p.color(m_series[i].color, i);
        sets[i]->setColor(c);
        sets[i]->setBorderColor(c);
        sets[i]->setSelectedColor(c.darker(145)); // reads on light and dark backgrounds
    }
    updateSelection();
}

void StackedBarChart::setSelectedKey(const QString& key) {
    m_selected = key;
    updateSelection();
}

void StackedBarChart::updateSelection() {
    if (!m_barSeries)
        return;
    const int index = categoryIndex(m_selected);
    const int n = int(m_categories.size());
    for (QBarSet* set : m_barSeries->barSets()) {
        set->deselectAllBars();
        if (index >= 0)
            set->selectBar(barIndex(m_orientation, n, index));
    }
}

int StackedBarChart::categoryIndex(const QString& key) const {
    if (key.isEmpty())
        return -1;
    for (int i = 0; i < m_categories.size(); ++i)
        if (m_categories[i].key == key)
            return i;
    return -1;
}

QString StackedBarChart::categoryKey(int index) const {
    return index >= 0 && index < m_categories.size() ? m_categories[index].key : QString();
}

QVector<double> StackedBarChart::values(int series) const {
    return series >= 0 && series < m_series.size() ? m_series[series].values : QVector<double>();
}

QStringList StackedBarChart::seriesNames() const {
    QStringList names;
    for (const auto& s : m_series)
        names << s.name;
    return names;
}

QBarSet* StackedBarChart::barSet(int series) const {
    if (!m_barSeries || series < 0 || series >= m_barSeries->count())
        return nullptr;
    return m_barSeries->barSets()[series];
}

QPoint StackedBarChart::barCenter(int series, int index) const {
    if (!m_barSeries || index < 0 || index >= m_categories.size())
        return {};
    double before = 0.0;
    for (int s = 0; s < series && s < m_series.size(); ++s)
        before += m_series[s].values.value(index);
    const double mid = before + m_series.value(series).values.value(index) / 2.0;
    const double bar = barIndex(m_orientation, int(m_categories.size()), index);
    const QPointF value =
        m_orientation == Orientation::Horizontal ? QPointF(mid, bar) : QPointF(bar, mid);
    const QPointF scenePos = chart()->mapToPosition(value, m_barSeries);
    return mapFromScene(chart()->mapToScene(scenePos));
}

void StackedBarChart::clickCategory(int index) {
    const QString key = categoryKey(index);
    if (!key.isEmpty())
        Q_EMIT itemClicked(key);
}

} // namespace chokepoint::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QVector>

#include "ui/charts/chartview.h"

class QPieSeries;
class QPieSlice;

namespace chokepoint::ui {

struct DonutSlice {
    QString key;      ///< item key reported by itemClicked / itemActivated
    QString label;    ///< legend text, e.g. "China  24.0 %"
    double value = 0; ///< slice size
    QString tooltip;  ///< rich text shown on hover (exact values)
};

/// A donut chart with a legend on the right (click toggles a slice) and a caption in the
/// hole. Hover shows the slice's exact value; the selected slice is pulled out.
class DonutChart : public ChartView {
    Q_OBJECT
public:
    explicit DonutChart(QWidget* parent = nullptr);

    void setData(QVector<DonutSlice> slices, const QString& centerText = {});
    /// Legend entries shown at most (give the largest slices first); entries that do not
    /// fit the chart's height are left out too. Hidden entries' slices keep their tooltips.
    void setMaxLegendEntries(int n) { m_maxLegend = n; }
    void setSelectedKey(const QString& key);

    int sliceCount() const { return int(m_slices.size()); }
    int sliceIndex(const QString& key) const;
    QString sliceKey(int index) const;
    QVector<double> values() const;
    QPieSeries* series() const { return m_series; }
    QString centerText() const;
    QString selectedKey() const { return m_selected; }
    /// Viewport position of the middle of slice `index` (on the ring).
    QPoint sliceCenter(int index) const;
    void clickSlice(int index);

protected:
    void restyle() override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void layoutCenter();
    void updateLegend();
    void updateSelection();

    QVector<DonutSlice> m_slices;
    QPieSeries* m_series = nullptr;
    QGraphicsSimpleTextItem* m_center = nullptr;
    QString m_selected;
    int m_maxLegend = 10;
};

} // namespace chokepoint::ui

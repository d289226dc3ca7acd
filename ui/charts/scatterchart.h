// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QVector>

#include "ui/charts/chartview.h"

class QCategoryAxis;
class QScatterSeries;

namespace chokepoint::ui {

/// One item of a ScatterChart.
struct ScatterPoint {
    QString key;             ///< item key reported by itemClicked / itemActivated
    QString label;           ///< the item's name (tooltips)
    std::optional<double> x; ///< > 0 on the log axis; none or ≤ 0: at the "none" position
    double y = 0.0;
    bool highlighted = false; ///< drawn in the highlight series (e.g. exposed under the lens)
    QString tooltip;          ///< rich text; empty: the label in bold with both values
};

/// A scatter of money against money: x on a log scale (decades labelled "$1 m", "$10 m"),
/// with items without an x value at a labelled position left of the smallest decade
/// (e.g. "no direct spend"); y linear from 0. Items fall in two series, plain and
/// highlighted, whose legend names the caller gives; the linked selection is drawn as a
/// ringed marker. Hover shows the item's tooltip, click reports its key.
class ScatterChart : public ChartView {
    Q_OBJECT
public:
    explicit ScatterChart(QWidget* parent = nullptr);

    void setAxisTitles(const QString& x, const QString& y);
    void setNoneLabel(const QString& label) { m_noneLabel = label; }
    void setSeriesNames(const QString& plain, const QString& highlighted);
    void setData(QVector<ScatterPoint> points);
    void setSelectedKey(const QString& key);

    int pointCount() const { return int(m_points.size()); }
    const ScatterPoint& point(int i) const { return m_points[i]; }
    /// Where point i is drawn, in chart value coordinates (x is log10, or the none position).
    QPointF plotPosition(int i) const;
    /// The item drawn nearest to a chart value position (-1 when there are none).
    int nearestPoint(const QPointF& value) const;
    QString tipFor(int index) const;
    QCategoryAxis* xAxis() const { return m_xAxis; }
    QScatterSeries* plainSeries() const { return m_plain; }
    QScatterSeries* highlightSeries() const { return m_highlight; }

protected:
    void restyle() override;

private:
    void connectSeries(QScatterSeries* series);
    void updateSelection();

    QVector<ScatterPoint> m_points;
    QVector<QPointF> m_positions;
    QString m_xTitle, m_yTitle, m_noneLabel, m_plainName, m_highlightName;
    QString m_selected;
    QScatterSeries* m_plain = nullptr;
    QScatterSeries* m_highlight = nullptr;
    QScatterSeries* m_selection = nullptr;
    QCategoryAxis* m_xAxis = nullptr;
    QCategoryAxis* m_yAxis = nullptr;
};

} // namespace chokepoint::ui

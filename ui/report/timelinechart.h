// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QDate>
#include <QVector>

#include "ui/charts/chartview.h"

class QCategoryAxis;
class QLineSeries;

namespace chokepoint::ui {

struct TimelineItem {
    QString label;
    QDate start;
    std::optional<QDate> end; ///< none: open-ended (drawn to the axis end)
    bool highlight = false;
    bool scheduled = false; ///< scheduled, unconfirmed: dashed, with a legend entry of its own
};

/// Date ranges as horizontal bars on a date axis, one row per item (the first at the top),
/// with a dashed marker line (e.g. the as-of date). Highlighted items take the risk colour,
/// the others a muted one; an item that ends before it starts is drawn as a dot. The legend
/// shows the two kinds and the marker. Used by the report's controls timeline.
class TimelineChart : public ChartView {
    Q_OBJECT
public:
    explicit TimelineChart(QWidget* parent = nullptr);

    void setLegendNames(const QString& highlight, const QString& other,
                        const QString& scheduled = {});
    void setMarker(const QDate& date, const QString& label);
    void setData(QVector<TimelineItem> items, const QDate& axisStart, const QDate& axisEnd);

    int itemCount() const { return int(m_items.size()); }
    QStringList axisLabels() const;

protected:
    void restyle() override;

private:
    QVector<TimelineItem> m_items;
    QVector<QLineSeries*> m_bars;
    QLineSeries* m_marker = nullptr;
    QString m_highlightName, m_otherName, m_scheduledName, m_markerLabel;
    QDate m_markerDate;
    QCategoryAxis* m_rowAxis = nullptr;
    QCategoryAxis* m_timeAxis = nullptr;
};

} // namespace chokepoint::ui

// SPDX-License-Identifier: MIT
#pragma once

#include <QVector>
#include <QWidget>

#include "core/model/date.h"
#include "ui/pages/controls/timelinelanes.h"

namespace chokepoint::ui {

struct ChartPalette;

/// The export-control timeline: one lane per measure (or per measure with its suspension and
/// resumption), bars from announcement (thin) over effect (thick, coloured by kind) to the
/// end, and a movable as-of marker. Drag the marker, or click on the time axis, to move it
/// (it snaps to control dates within a few pixels); markerMoved is emitted on every new day.
/// Hover shows a measure's dates and its status at the marker; click selects it,
/// double-click activates it. The context menu exports the chart as PNG or SVG.
class ControlTimeline : public QWidget {
    Q_OBJECT
public:
    explicit ControlTimeline(QWidget* parent = nullptr);

    void setSections(QVector<TimelineSection> sections, core::Date from, core::Date to);
    void setMarker(core::Date date);
    core::Date marker() const { return m_marker; }
    /// Dates the marker snaps to (the effective and end dates of the controls).
    void setSnapDates(QVector<core::Date> dates) { m_snap = std::move(dates); }
    void setSelectedKey(const QString& key);
    QString selectedKey() const { return m_selected; }
    void setTitle(const QString& title);
    /// Scheduled measures count as in force at the marker only while assumed (SPEC §3).
    void setAssumeScheduled(bool on);

    int laneCount() const;
    /// Geometry, for tests and the page: the plot area, the time axis strip above it, the x of
    /// a date, the date at an x, and a point on the lane of measure `key` at `date`.
    QRectF plotRect() const;
    QRectF axisRect() const;
    qreal xForDate(core::Date date) const;
    core::Date dateAtX(qreal x) const;
    QPointF pointFor(const QString& key, core::Date date) const;
    /// The tooltip shown last (rich text), for tests.
    QString tipText() const { return m_tip; }

    /// Draws the whole chart into `painter` at `size` (screen, PNG and SVG export).
    void paintChart(QPainter& painter, const QSize& size) const;
    /// PNG (twice the size) or SVG by the file's extension; false with `error` on failure.
    bool exportTo(const QString& path, QString* error = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// The user moved the marker (while dragging, once per new day).
    void markerMoved(core::Date date);
    void laneClicked(const QString& key);
    void laneActivated(const QString& key);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Row {
        int section = -1; ///< a section header row when lane < 0
        int lane = -1;
        qreal top = 0;
        qreal height = 0;
    };
    QVector<Row> rows(const QSize& size) const;
    QStringList legendTexts() const;
    qreal legendRows(int width) const;
    QRectF plotRectFor(const QSize& size) const;
    qreal xFor(core::Date date, const QRectF& plot) const;
    const TimelineSegment* segmentAt(const QPointF& pos) const;
    core::Date snapped(qreal x) const;
    void moveMarkerTo(qreal x);
    void showTipAt(const QPoint& pos);
    // Painting (controltimelinepaint.cpp), in the order paintChart() calls them.
    void paintTimeAxis(QPainter& p, const ChartPalette& pal, const QRectF& plot, qreal bottom,
                       int width) const;
    void paintRow(QPainter& p, const ChartPalette& pal, const Row& row, const QRectF& plot,
                  int width) const;
    void paintMarker(QPainter& p, const ChartPalette& pal, const QRectF& plot, qreal bottom) const;
    void paintLegend(QPainter& p, const ChartPalette& pal, const QSize& size) const;

    QVector<TimelineSection> m_sections;
    QVector<const TimelineLane*> m_lanes; // flattened, in drawing order
    core::Date m_from, m_to, m_marker;
    QVector<core::Date> m_snap;
    QString m_selected;
    QString m_title;
    QString m_tip;
    bool m_assumeScheduled = false;
    bool m_dragging = false;
    bool m_pressedOnLane = false;
    QPoint m_pressPos;
};

} // namespace chokepoint::ui

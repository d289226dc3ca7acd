// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

#include <QChartView>
#include <QPoint>

#include "ui/charts/chartpalette.h"

class QBarSet;
class QGraphicsSimpleTextItem;
class QLegendMarker;

namespace chokepoint::ui {

/// A text for Qt Charts, which renders every label, series name, legend entry and title as
/// HTML (QGraphicsTextItem::setHtml): escaped so that it shows as written. A supplier named
/// "<b>x</b>" stays those characters, an "<img src=...>" loads nothing and a "<script>" name
/// keeps its label. Every text that can hold data goes through it (issue 17).
QString chartLabel(const QString& text);

/// The dashboard's chart view. Every chart gets:
/// - hover tooltips with exact values (helpers call showTip()/hideTip() from series signals);
/// - click -> itemClicked(key), double-click -> itemActivated(key) (helpers map bars, slices
///   and points to item keys such as a material id; pages turn them into the linked selection
///   and drill-downs);
/// - legend markers that toggle their series (or bar set / slice) on click;
/// - optional Ctrl + wheel zoom (never out beyond the whole series) and drag pan
///   (setZoomPan(true), for time charts); a plain wheel scrolls the page around the chart;
/// - a context menu with "Export chart…" (PNG or SVG, ui/charts/chartexport.h), "Copy image"
///   and "Reset zoom";
/// - colours from ChartPalette, re-applied when the application palette changes
///   (restyle() is where subclasses recolour their series);
/// - a centred message in the plot area while the chart has nothing to draw (setEmptyText();
///   subclasses say when they are empty with setEmpty()).
class ChartView : public QChartView {
    Q_OBJECT
public:
    explicit ChartView(QWidget* parent = nullptr);

    void setZoomPan(bool enabled) { m_zoomPan = enabled; }
    bool zoomPan() const { return m_zoomPan; }
    /// File name (without extension) suggested by "Export chart…".
    void setExportName(const QString& name) { m_exportName = name; }
    QString exportName() const { return m_exportName; }

    /// The message shown while the chart has no data (none when empty).
    void setEmptyText(const QString& text);
    QString emptyText() const { return m_emptyText; }
    /// Whether the empty text is on show; for tests.
    bool emptyTextShown() const;

    const ChartPalette& chartPalette() const { return m_palette; }
    /// The text of the tooltip shown last (empty when hidden); for tests.
    QString tipText() const { return m_tip; }
    /// Shows or hides a legend marker's series as a click on it would.
    void toggleMarker(QLegendMarker* marker);
    /// Exports through the same code as the context menu; false with `error` on failure.
    bool exportTo(const QString& path, QString* error = nullptr);

Q_SIGNALS:
    void itemClicked(const QString& key);
    void itemActivated(const QString& key);

protected:
    void showTip(const QString& text);
    void hideTip();
    /// Connects the legend markers to toggleMarker(); call after (re)building the series.
    void connectLegend();
    /// Hover, click and double-click on the bars of `set`: bar b stands for item `item(b)`,
    /// whose tooltip is `tip(item)` and whose selection key is `key(item)` (itemClicked and
    /// itemActivated are not emitted for an empty key).
    void connectBars(QBarSet* set, std::function<int(int)> item, std::function<QString(int)> tip,
                     std::function<QString(int)> key);
    /// Re-applies palette colours to the chart; subclasses also recolour their series.
    virtual void restyle();
    /// Shows the empty text (if any) centred in the plot area when `empty`, hides it otherwise;
    /// subclasses call it after (re)building their series.
    void setEmpty(bool empty);

    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void exportDialog();
    void placeEmptyLabel();

    ChartPalette m_palette;
    QString m_exportName = QStringLiteral("chart");
    QString m_tip;
    QString m_emptyText;
    QGraphicsSimpleTextItem* m_emptyLabel = nullptr;
    bool m_empty = false;
    bool m_zoomPan = false;
    double m_zoomScale = 1.0; ///< how far Ctrl + wheel zoomed in (1: the whole series)
    bool m_panning = false;
    QPoint m_pressPos, m_lastPos;
};

} // namespace chokepoint::ui

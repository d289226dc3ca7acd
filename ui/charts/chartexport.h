// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QRectF>
#include <QSize>
#include <QString>

class QChartView;
class QPainter;

namespace chokepoint::ui {

// Rendering a chart outside the screen: for "Export chart…", the clipboard and reports.
// The view must have been laid out (shown, or shown with Qt::WA_DontShowOnScreen and events
// processed; TOOLCHAIN P6). Rendering goes through QGraphicsView::render, which keeps legend
// markers and labels (QWidget::render with a scaled painter drops them).

/// Draws the chart's scene into `target` of `painter` (any device: image, SVG, PDF printer),
/// keeping the view's aspect ratio.
void renderChart(QChartView& view, QPainter& painter, const QRectF& target);
/// The chart as an image of `size` logical pixels (default: the view's size) at `scale`
/// device pixels per logical pixel.
QImage renderChartImage(QChartView& view, QSize size = {}, double scale = 2.0);
/// PNG at twice the view's size. False with `error` when the file cannot be written.
bool exportChartPng(QChartView& view, const QString& path, QString* error = nullptr);
/// SVG with the chart's title as the document title; text stays text.
bool exportChartSvg(QChartView& view, const QString& path, QString* error = nullptr);
/// PNG or SVG by the file's extension (.png / .svg).
bool exportChart(QChartView& view, const QString& path, QString* error = nullptr);

} // namespace chokepoint::ui

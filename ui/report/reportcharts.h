// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QFont>
#include <QSize>
#include <QString>

#include "core/report/reportdocument.h"

class QChartView;
class QPainter;
class QRectF;

namespace chokepoint::ui {

/// The dashboard's chart widget for a report chart spec (bars, donut, fan, survival,
/// timeline), filled with the spec's ready numbers, light palette, `font` for its text, and
/// laid out offscreen at `size` logical pixels (shown with Qt::WA_DontShowOnScreen and events
/// processed: TOOLCHAIN P6), ready for renderChart(). Needs a QApplication; GUI thread only.
std::unique_ptr<QChartView> createReportChart(const core::report::Chart& spec, QSize size,
                                              const QFont& font);

/// Draws a report chart of any kind into `target` of `painter` (screen, image, SVG or PDF),
/// laid out as at `size` logical pixels and scaled to the target: the chart kinds through
/// createReportChart() and renderChart(), the map with the Map page's drawing (vector).
void paintReportChart(const core::report::Chart& spec, QPainter& painter, const QRectF& target,
                      QSize size, const QFont& font);

/// The chart drawn through QSvgGenerator as one `<svg>` element (no XML prolog), text kept as
/// text, scalable through its viewBox. Deterministic for the same spec, size and font.
QString reportChartSvg(const core::report::Chart& spec, QSize size, const QFont& font);

} // namespace chokepoint::ui

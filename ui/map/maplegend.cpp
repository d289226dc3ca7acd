// SPDX-License-Identifier: MIT
// MapRenderer's legend: the measure's colour scale, what the markers, rings and arcs mean,
// and small print, in a box in the lower left corner.
#include <algorithm>
#include <cmath>

#include <QFontMetricsF>
#include <QLinearGradient>
#include <QPainter>

#include "ui/displayformat.h"
#include "ui/map/maprenderer.h"

namespace chokepoint::ui {

namespace cm = core::map;

namespace {

constexpr double kPad = 8.0;
constexpr double kBarWidth = 170.0;
constexpr double kBarHeight = 9.0;
constexpr double kKey = 16.0; // width of a key symbol column

QFont legendFont(const QFont& base) {
    return scaledFont(base, 0.86, 6.5);
}

enum class Row {
    Title,
    Bar,
    Ticks,
    NoData,
    Exposed,
    Upstream,
    Clear,
    Centroid,
    Size,
    Flow,
    Us,
    Note
};

// One column of rows; the overlay box has one, the strip under a report's map two.
struct Column {
    std::vector<std::pair<Row, QString>> rows;
    double width = 0, height = 0;
};

struct Layout {
    std::vector<Column> columns;
    double width = 0, height = 0, line = 0;
    bool strip = false;
};

double rowHeight(Row r, double line) {
    return r == Row::Bar ? kBarHeight + 3 : line;
}

Layout layout(const MapLegend& legend, const QFont& font, bool hasFlows) {
    Layout l;
    l.strip = legend.strip;
    const QFontMetricsF fm(font);
    QFont bold = font;
    bold.setBold(true);
    const QFontMetricsF fb(bold);
    QFont italic = font;
    italic.setItalic(true);
    const QFontMetricsF fi(italic);
    l.line = fm.height() + 2;
    l.columns.resize(l.strip ? 2 : 1);
    auto add = [&](size_t column, Row r, const QString& text) {
        if (r != Row::Bar && r != Row::Ticks && text.isEmpty())
            return;
        l.columns[l.strip ? column : 0].rows.emplace_back(r, text);
    };
    add(0, Row::Title, legend.measureTitle);
    add(0, Row::Bar, {});
    add(0, Row::Ticks, {});
    add(0, Row::NoData, legend.noDataText);
    add(1, Row::Exposed, legend.exposedText);
    add(1, Row::Upstream, legend.upstreamText);
    add(1, Row::Clear, legend.clearText);
    add(1, Row::Centroid, legend.centroidText);
    add(l.strip ? 0 : 1, Row::Size, legend.sizeText);
    if (hasFlows)
        add(1, Row::Flow, legend.flowText);
    add(1, Row::Us, legend.usText);
    for (const QString& n : legend.notes)
        add(1, Row::Note, n);
    for (size_t c = 0; c < l.columns.size(); ++c) {
        Column& col = l.columns[c];
        col.width = c == 0 ? kBarWidth : 0.0;
        for (const auto& [r, text] : col.rows) {
            const double w = r == Row::Title  ? fb.horizontalAdvance(text) + 1
                             : r == Row::Size ? fi.horizontalAdvance(text) + 1
                             : r == Row::Note ? fm.horizontalAdvance(text) + 1
                                              : kKey + 4 + fm.horizontalAdvance(text) + 1;
            col.width = std::max(col.width, std::min(w, 330.0));
            col.height += rowHeight(r, l.line);
        }
        l.width += col.width + (c > 0 ? 2 * kPad : 0.0);
        l.height = std::max(l.height, col.height);
    }
    l.width += 2 * kPad;
    l.height += 2 * kPad - 2;
    return l;
}

// The legend's box: an overlay in the lower left corner, or a strip across the bottom.
QRectF boxFor(const Layout& l, const QRectF& rect) {
    if (l.strip)
        return {rect.left(), rect.bottom() - l.height, rect.width(), l.height};
    return {rect.left() + 10, rect.bottom() - 10 - l.height, l.width, l.height};
}

} // namespace

QRectF MapRenderer::legendRect(const QRectF& rect, const MapLegend& legend, const QFont& font,
                               bool hasFlows) const {
    return boxFor(layout(legend, legendFont(font), hasFlows), rect);
}

void MapRenderer::paintLegend(QPainter& p, const QRectF& rect, const cm::MapScene& scene,
                              const MapPalette& pal, const MapLegend& legend, bool hasFlows) const {
    p.save();
    const QFont font = legendFont(p.font());
    const Layout l = layout(legend, font, hasFlows);
    const QRectF box = boxFor(l, rect);
    if (l.strip) {
        p.setPen(QPen(pal.legendBorder, 1.0));
        p.drawLine(box.topLeft(), box.topRight());
    } else {
        p.setPen(QPen(pal.legendBorder, 1.0));
        p.setBrush(pal.legendBackground);
        p.drawRoundedRect(box, 4, 4);
    }
    QFont bold = font;
    bold.setBold(true);
    QFont italic = font;
    italic.setItalic(true);
    const QFontMetricsF fm(font);
    const MeasureScale scale(scene.measure, scene.measureMax);
    // In a strip narrower than the columns want, the columns share the width.
    const double squeeze =
        l.strip ? std::min(1.0, (box.width() - 2 * kPad) / (l.width - 2 * kPad)) : 1.0;
    double x = box.left() + kPad;
    for (const Column& col : l.columns) {
        const double right = l.strip ? x + col.width * squeeze : box.right() - kPad;
        double y = box.top() + kPad;
        auto text = [&](double left, const QString& s, const QColor& color, const QFont& f) {
            p.setFont(f);
            p.setPen(color);
            const QString elided = QFontMetricsF(f).elidedText(s, Qt::ElideRight, right - left);
            p.drawText(QRectF(left, y, right - left, l.line), Qt::AlignLeft | Qt::AlignVCenter,
                       elided);
        };
        auto dot = [&](const QColor& c, bool hollow) {
            const QPointF at(x + kKey / 2, y + l.line / 2);
            if (hollow) {
                p.setPen(QPen(c, 2.0));
                p.setBrush(Qt::NoBrush);
            } else {
                p.setPen(QPen(pal.markerOutline, 1.0));
                p.setBrush(c);
            }
            p.drawEllipse(at, 4.5, 4.5);
        };
        for (const auto& [row, s] : col.rows) {
            switch (row) {
            case Row::Title:
                text(x, s, pal.text, bold);
                break;
            case Row::Bar: {
                QLinearGradient g(x, 0, x + kBarWidth, 0);
                for (int i = 0; i <= 10; ++i)
                    g.setColorAt(i / 10.0, pal.ramp(scene.measure, i / 10.0));
                p.setPen(QPen(pal.legendBorder, 0.6));
                p.setBrush(g);
                p.drawRect(QRectF(x, y + 1, kBarWidth, kBarHeight));
                break;
            }
            case Row::Ticks: {
                p.setFont(font);
                p.setPen(pal.mutedText);
                const auto ticks = scale.ticks();
                // Labels centred on their ticks (the ends aligned inside the bar); a middle
                // label that would touch a neighbour is left out.
                std::vector<std::pair<double, QString>> labels;
                for (size_t i = 0; i < ticks.size(); ++i) {
                    const QString label = legend.formatValue ? legend.formatValue(ticks[i])
                                                             : QString::number(ticks[i]);
                    const double tx = x + kBarWidth * scale.position(ticks[i]);
                    const double w = fm.horizontalAdvance(label);
                    labels.emplace_back(i == 0                  ? tx
                                        : i + 1 == ticks.size() ? tx - w
                                                                : tx - w / 2,
                                        label);
                }
                double lastRight = -INFINITY;
                for (size_t i = 0; i < labels.size(); ++i) {
                    const auto& [left, label] = labels[i];
                    const double labelRight = left + fm.horizontalAdvance(label);
                    const bool last = i + 1 == labels.size();
                    const double nextLeft = last ? INFINITY : labels.back().first;
                    if (!last && i > 0 && (left < lastRight + 6 || labelRight > nextLeft - 6))
                        continue;
                    p.drawText(QPointF(left, y + fm.ascent()), label);
                    lastRight = labelRight;
                }
                break;
            }
            case Row::NoData:
                p.setPen(QPen(pal.border, 0.8));
                p.setBrush(pal.land);
                p.drawRect(QRectF(x + 2, y + l.line / 2 - 4, kKey - 4, 8));
                text(x + kKey + 4, s, pal.text, font);
                break;
            case Row::Exposed:
            case Row::Upstream:
            case Row::Clear:
                dot(row == Row::Exposed    ? pal.exposed
                    : row == Row::Upstream ? pal.upstream
                                           : pal.clear,
                    false);
                text(x + kKey + 4, s, pal.text, font);
                break;
            case Row::Centroid:
                dot(pal.mutedText, true);
                text(x + kKey + 4, s, pal.text, font);
                break;
            case Row::Size:
                text(x, s, pal.mutedText, italic);
                break;
            case Row::Flow: {
                const double cy = y + l.line / 2;
                p.setPen(QPen(pal.flowExposed, 1.5, Qt::SolidLine, Qt::RoundCap));
                p.drawLine(QPointF(x, cy - 3), QPointF(x + kKey, cy - 3));
                p.setPen(QPen(pal.flow, 4.5, Qt::SolidLine, Qt::RoundCap));
                p.drawLine(QPointF(x + 1, cy + 2.5), QPointF(x + kKey - 1, cy + 2.5));
                text(x + kKey + 4, s, pal.text, font);
                break;
            }
            case Row::Us: {
                const QPointF at(x + kKey / 2, y + l.line / 2);
                const double d = 5.0;
                p.setPen(QPen(pal.markerOutline, 1.0));
                p.setBrush(pal.us);
                p.drawPolygon(QPolygonF({at + QPointF(0, -d), at + QPointF(d, 0),
                                         at + QPointF(0, d), at + QPointF(-d, 0)}));
                text(x + kKey + 4, s, pal.text, font);
                break;
            }
            case Row::Note:
                text(x, s, pal.mutedText, font);
                break;
            }
            y += rowHeight(row, l.line);
        }
        x = right + 2 * kPad;
    }
    p.restore();
}

MapLegend legendFromCaption(const cm::MapCaption& caption, cm::CountryMeasure measure) {
    MapLegend l;
    auto q = [](const std::string& s) { return QString::fromStdString(s); };
    l.title = q(caption.title);
    l.measureTitle = q(caption.measureTitle);
    if (measure == cm::CountryMeasure::SpendAtRisk)
        l.formatValue = [](double v) { return compactMoneyText(v); };
    else
        l.formatValue = [](double v) { return percentText(v, 0); };
    l.noDataText = q(caption.noDataText);
    l.exposedText = q(caption.exposedText);
    l.upstreamText = q(caption.upstreamText);
    l.clearText = q(caption.clearText);
    l.centroidText = q(caption.centroidText);
    l.sizeText = q(caption.sizeText);
    l.flowText = q(caption.flowText);
    l.usText = q(caption.usText);
    for (const auto& n : caption.notes)
        l.notes << q(n);
    return l;
}

} // namespace chokepoint::ui

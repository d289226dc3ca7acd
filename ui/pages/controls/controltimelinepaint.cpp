// SPDX-License-Identifier: MIT
// ControlTimeline's painting, for the screen and for PNG and SVG export: title, time axis,
// lanes with their segments, the as-of marker and the legend.
#include <algorithm>

#include <QPainter>
#include <QPainterPath>

#include "core/analysis/controlstate.h"
#include "ui/charts/chartpalette.h"
#include "ui/displayformat.h"
#include "ui/pages/controls/controltimeline.h"
#include "ui/pages/controls/controltimelinestyle.h"

namespace chokepoint::ui {

using namespace timelinestyle;

namespace {

// The segment's dates in force at t: ControlState's date rule (core/analysis/controlstate.h),
// the one place that reads a measure's dates.
bool inForce(const TimelineSegment& s, core::Date t) {
    core::Control dates;
    dates.effective = s.effective;
    dates.end = s.end;
    return core::analysis::controlStatus(dates, t) == core::analysis::ControlStatus::InForce;
}

QColor kindColor(core::ControlKind kind, const ChartPalette& p) {
    switch (kind) {
    case core::ControlKind::Licence:
        return p.category(0);
    case core::ControlKind::Prohibition:
        return p.risk;
    case core::ControlKind::CountryBan:
        return p.category(3);
    }
    return p.category(0);
}

// One segment on its lane at height `cy`: announced (dashed), in force (a bar, open-ended with
// an arrow), ended (a tick), or suspended before it took effect (a cross).
void paintSegment(QPainter& p, const TimelineSegment& s, const ChartPalette& pal, qreal cy,
                  const QRectF& plot, bool selected, auto xFor) {
    const QColor c = kindColor(s.kind, pal);
    const bool never = s.end && *s.end <= s.effective;
    const qreal xe = xFor(s.effective);
    if (s.announced && *s.announced < s.effective) {
        // Announced, not yet in force: a thin dashed line (to the end if it never began).
        const qreal xa = xFor(*s.announced);
        const qreal to = never ? xFor(*s.end) : xe;
        p.setPen(QPen(c, 2, Qt::DashLine));
        p.drawLine(QPointF(xa, cy), QPointF(to, cy));
        p.setBrush(pal.background);
        p.setPen(QPen(c, 1.5));
        p.drawEllipse(QPointF(xa, cy), 2.5, 2.5);
    }
    if (never) {
        // Suspended before it took effect: a cross on the end, the planned start hollow.
        const qreal xs = xFor(*s.end);
        p.setPen(QPen(c, 2));
        p.drawLine(QPointF(xs - 4, cy - 4), QPointF(xs + 4, cy + 4));
        p.drawLine(QPointF(xs - 4, cy + 4), QPointF(xs + 4, cy - 4));
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(c, 1.2, Qt::DotLine));
        p.drawRect(QRectF(xe - 3, cy - 3, 6, 6));
        return;
    }
    const qreal xEnd = s.end ? xFor(*s.end) : plot.right() + 8;
    const QRectF bar(xe, cy - 4.5, std::max(2.0, xEnd - xe), 9);
    if (s.scheduled) {
        // Scheduled, unconfirmed: hatched in the kind's colour under a dashed outline, apart
        // from the solid bars of confirmed measures.
        p.setPen(QPen(c, 1.2, Qt::DashLine));
        p.setBrush(QBrush(c, Qt::BDiagPattern));
        p.drawRoundedRect(bar.adjusted(0.6, 0.6, -0.6, -0.6), 2, 2);
        p.setPen(Qt::NoPen);
        p.setBrush(c);
    } else {
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawRoundedRect(bar, 2, 2);
    }
    if (!s.end) {
        QPainterPath arrow;
        arrow.moveTo(plot.right() + 8, cy - 6);
        arrow.lineTo(plot.right() + 14, cy);
        arrow.lineTo(plot.right() + 8, cy + 6);
        arrow.closeSubpath();
        p.drawPath(arrow);
    } else {
        p.setPen(QPen(pal.text, 1.5));
        p.drawLine(QPointF(xEnd, cy - 6), QPointF(xEnd, cy + 6));
    }
    if (selected) {
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(pal.highlight, 1.5));
        p.drawRoundedRect(bar.adjusted(-1, -1, 1, 1), 2, 2);
    }
}

} // namespace

void ControlTimeline::paintChart(QPainter& p, const QSize& size) const {
    const ChartPalette pal = ChartPalette::forPalette(palette());
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRect(QPoint(0, 0), size), pal.background);
    const QRectF plot = plotRectFor(size);
    const QVector<Row> rowList = rows(size);
    const qreal bottom =
        rowList.isEmpty() ? plot.top() : rowList.back().top + rowList.back().height;

    p.setPen(pal.text);
    QFont titleFont = font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(10.5);
    p.setFont(titleFont);
    p.drawText(QRectF(kMargin, kMargin, size.width() - 2 * kMargin, kTitleHeight),
               Qt::AlignLeft | Qt::AlignVCenter, m_title);

    paintTimeAxis(p, pal, plot, bottom, size.width());
    for (const Row& r : rowList)
        paintRow(p, pal, r, plot, size.width());
    paintMarker(p, pal, plot, bottom);
    paintLegend(p, pal, size);
    p.restore();
}

// Years and quarters: grid lines through the lanes, year labels on the axis strip.
void ControlTimeline::paintTimeAxis(QPainter& p, const ChartPalette& pal, const QRectF& plot,
                                    qreal bottom, int width) const {
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    p.setFont(small);
    for (int year = m_from.year(); year <= m_to.year(); ++year)
        for (int month = 1; month <= 10; month += 3) {
            const core::Date d = core::Date::fromYmd(year, month, 1);
            if (d < m_from || d > m_to)
                continue;
            const qreal x = xFor(d, plot);
            p.setPen(
                QPen(pal.grid, month == 1 ? 1.2 : 0.6, month == 1 ? Qt::SolidLine : Qt::DotLine));
            p.drawLine(QPointF(x, plot.top() - 6), QPointF(x, bottom));
            const QString yearText = QString::number(year);
            if (month == 1 &&
                x + 3 + p.fontMetrics().horizontalAdvance(yearText) <= width - kMargin) {
                p.setPen(pal.mutedText);
                p.drawText(QRectF(x + 3, plot.top() - kAxisHeight, 60, kAxisHeight - 4),
                           Qt::AlignLeft | Qt::AlignBottom, yearText);
            }
        }
    p.setPen(pal.axis);
    p.drawLine(QPointF(plot.left(), plot.top() - 1), QPointF(plot.right(), plot.top() - 1));
}

// A section header, or a lane: its label (bold while a segment is in force at the marker),
// its segments, and a dot on the marker when in force.
void ControlTimeline::paintRow(QPainter& p, const ChartPalette& pal, const Row& r,
                               const QRectF& plot, int width) const {
    const QFont base = font();
    QFont bold = base;
    bold.setBold(true);
    const qreal labelLeft = kMargin;
    const qreal labelWidth = plot.left() - kMargin - 6;
    if (r.lane < 0) {
        p.setPen(pal.mutedText);
        p.setFont(bold);
        p.drawText(QRectF(labelLeft, r.top, width, r.height), Qt::AlignLeft | Qt::AlignBottom,
                   m_sections[r.section].title);
        return;
    }
    const TimelineLane& lane = *m_lanes[r.lane];
    const qreal cy = r.top + r.height / 2;
    bool selected = false, active = false;
    for (const TimelineSegment& s : lane.segments) {
        selected = selected || s.key == m_selected;
        active = active || (inForce(s, m_marker) && (!s.scheduled || m_assumeScheduled));
    }
    if (selected) {
        QColor h = palette().color(QPalette::Highlight);
        h.setAlpha(pal.dark ? 90 : 55);
        p.fillRect(QRectF(0, r.top, width, r.height), h);
    }
    p.setFont(active ? bold : base);
    p.setPen(active ? pal.text : pal.mutedText);
    p.drawText(QRectF(labelLeft + 8, r.top, labelWidth - 8, r.height),
               Qt::AlignLeft | Qt::AlignVCenter,
               p.fontMetrics().elidedText(lane.label, Qt::ElideRight, int(labelWidth - 8)));

    p.save();
    p.setClipRect(plot.adjusted(0, -2, 10, 2));
    const auto x = [&](core::Date d) { return xFor(d, plot); };
    for (const TimelineSegment& s : lane.segments)
        paintSegment(p, s, pal, cy, plot, s.key == m_selected, x);
    p.restore();
    if (active && m_marker >= m_from && m_marker <= m_to) {
        p.setPen(QPen(pal.background, 1.5));
        p.setBrush(pal.text);
        p.drawEllipse(QPointF(xFor(m_marker, plot), cy), 4, 4);
    }
}

// The as-of marker with its date on the axis strip.
void ControlTimeline::paintMarker(QPainter& p, const ChartPalette& pal, const QRectF& plot,
                                  qreal bottom) const {
    if (m_marker < m_from || m_marker > m_to)
        return;
    const qreal x = xFor(m_marker, plot);
    QColor line = palette().color(QPalette::Highlight);
    if (pal.dark)
        line = line.lighter(140);
    p.setPen(QPen(line, 2));
    p.drawLine(QPointF(x, plot.top() - 2), QPointF(x, bottom));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    const QString text = tr("as of %1").arg(dateText(m_marker));
    const qreal w = p.fontMetrics().horizontalAdvance(text) + 12;
    const qreal left = std::clamp(x - w / 2, plot.left() - 40, plot.right() + 12 - w);
    const QRectF handle(left, plot.top() - kAxisHeight + 1, w, kAxisHeight - 3);
    p.setPen(Qt::NoPen);
    p.setBrush(line);
    p.drawRoundedRect(handle, 4, 4);
    p.setPen(palette().color(QPalette::HighlightedText));
    p.drawText(handle, Qt::AlignCenter, text);
}

// The legend, flowed over as many rows as the width needs (legendRows()).
void ControlTimeline::paintLegend(QPainter& p, const ChartPalette& pal, const QSize& size) const {
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    p.setFont(small);
    const QStringList texts = legendTexts();
    const int legendCount = int(legendRows(size.width()));
    qreal x = kMargin;
    qreal ly = size.height() - kMargin - kLegendHeight * legendCount + kLegendHeight / 2 + 2;
    int index = 0;
    auto entry = [&](const QString& text, auto draw) {
        const qreal w = p.fontMetrics().horizontalAdvance(text);
        if (index++ > 0 && x + 24 + w > size.width() - kMargin) {
            x = kMargin;
            ly += kLegendHeight;
        }
        draw(QPointF(x, ly));
        x += 24;
        p.setPen(pal.text);
        p.drawText(QRectF(x, ly - 9, w + 4, 18), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += w + 16;
    };
    int k = 0;
    for (const auto kind : {core::ControlKind::Licence, core::ControlKind::Prohibition,
                            core::ControlKind::CountryBan})
        entry(texts[k++], [&](QPointF at) {
            p.setPen(Qt::NoPen);
            p.setBrush(kindColor(kind, pal));
            p.drawRoundedRect(QRectF(at.x(), at.y() - 4.5, 18, 9), 2, 2);
        });
    entry(texts[3], [&](QPointF at) {
        p.setPen(QPen(pal.mutedText, 2, Qt::DashLine));
        p.drawLine(at, at + QPointF(18, 0));
    });
    entry(texts[4], [&](QPointF at) {
        p.setPen(QPen(pal.text, 1.5));
        p.drawLine(at + QPointF(9, -6), at + QPointF(9, 6));
    });
    entry(texts[5], [&](QPointF at) {
        p.setPen(QPen(pal.mutedText, 2));
        p.drawLine(at + QPointF(5, -4), at + QPointF(13, 4));
        p.drawLine(at + QPointF(5, 4), at + QPointF(13, -4));
    });
    entry(texts[6], [&](QPointF at) {
        p.setPen(Qt::NoPen);
        p.setBrush(pal.text);
        p.drawEllipse(at + QPointF(9, 0), 4, 4);
    });
    entry(texts[7], [&](QPointF at) {
        p.setPen(QPen(pal.mutedText, 1.2, Qt::DashLine));
        p.setBrush(QBrush(pal.mutedText, Qt::BDiagPattern));
        p.drawRoundedRect(QRectF(at.x(), at.y() - 4.5, 18, 9), 2, 2);
    });
}

} // namespace chokepoint::ui

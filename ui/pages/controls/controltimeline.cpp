// SPDX-License-Identifier: MIT
#include "ui/pages/controls/controltimeline.h"

#include <algorithm>
#include <cmath>

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolTip>

#include "ui/charts/chartpalette.h"
#include "ui/displayformat.h"
#include "ui/pages/controls/measuretablemodel.h"

namespace chokepoint::ui {

namespace {

constexpr qreal kTitleHeight = 24;
constexpr qreal kAxisHeight = 22;
constexpr qreal kSectionHeight = 19;
constexpr qreal kLaneHeight = 17;
constexpr qreal kLegendHeight = 26;
constexpr qreal kMargin = 8;
constexpr qreal kGrab = 6; // pixels around the marker that start a drag
constexpr qreal kSnap = 5; // pixels within which the marker snaps to a control date

core::Control asControl(const TimelineSegment& s) {
    core::Control c;
    c.announced = s.announced;
    c.effective = s.effective;
    c.end = s.end;
    return c;
}

bool inForce(const TimelineSegment& s, core::Date t) {
    return s.effective <= t && (!s.end || *s.end > t);
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

// A segment's span on the time axis: announcement (or effect) to end (or open).
std::pair<int, int> span(const TimelineSegment& s) {
    const int a =
        s.announced ? std::min(s.announced->days(), s.effective.days()) : s.effective.days();
    const int b = s.end ? std::max(s.end->days(), a) : std::numeric_limits<int>::max();
    return {a, b};
}

} // namespace

ControlTimeline::ControlTimeline(QWidget* parent)
    : QWidget(parent) {
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void ControlTimeline::setSections(QVector<TimelineSection> sections, core::Date from,
                                  core::Date to) {
    m_sections = std::move(sections);
    m_lanes.clear();
    for (const TimelineSection& s : m_sections)
        for (const TimelineLane& l : s.lanes)
            m_lanes.push_back(&l);
    m_from = from;
    m_to = to.days() > from.days() ? to : from.addDays(1);
    setMinimumHeight(sizeHint().height());
    updateGeometry();
    update();
}

void ControlTimeline::setMarker(core::Date date) {
    if (date == m_marker)
        return;
    m_marker = date;
    update();
}

void ControlTimeline::setSelectedKey(const QString& key) {
    if (key == m_selected)
        return;
    m_selected = key;
    update();
}

void ControlTimeline::setTitle(const QString& title) {
    m_title = title;
    update();
}

int ControlTimeline::laneCount() const {
    return int(m_lanes.size());
}

QSize ControlTimeline::sizeHint() const {
    qreal h = kMargin * 2 + kTitleHeight + kAxisHeight + kLegendHeight * legendRows(width());
    for (const TimelineSection& s : m_sections)
        h += kSectionHeight + kLaneHeight * s.lanes.size();
    return {720, int(std::ceil(h))};
}

QSize ControlTimeline::minimumSizeHint() const {
    return {480, sizeHint().height()};
}

QStringList ControlTimeline::legendTexts() const {
    return {controlKindText(core::ControlKind::Licence),
            controlKindText(core::ControlKind::Prohibition),
            controlKindText(core::ControlKind::CountryBan),
            tr("announced"),
            tr("ended"),
            tr("suspended before effect"),
            tr("in force at the marker")};
}

qreal ControlTimeline::legendRows(int width) const {
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    const QFontMetricsF fm(small);
    int rows = 1;
    qreal x = kMargin;
    bool first = true;
    for (const QString& text : legendTexts()) {
        const qreal w = fm.horizontalAdvance(text);
        if (!first && x + 24 + w > width - kMargin) {
            ++rows;
            x = kMargin;
        }
        first = false;
        x += 24 + w + 16;
    }
    return rows;
}

void ControlTimeline::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // The legend may need another row (or one fewer) at the new width.
    const int h = sizeHint().height();
    if (minimumHeight() != h) {
        setMinimumHeight(h);
        updateGeometry();
    }
}

QRectF ControlTimeline::plotRectFor(const QSize& size) const {
    const qreal labels = std::clamp(size.width() * 0.36, 160.0, 320.0);
    const qreal top = kMargin + kTitleHeight + kAxisHeight;
    return QRectF(
        kMargin + labels, top, std::max(40.0, size.width() - labels - 2 * kMargin - 12),
        std::max(0.0, size.height() - top - kLegendHeight * legendRows(size.width()) - kMargin));
}

QRectF ControlTimeline::plotRect() const {
    return plotRectFor(size());
}

QRectF ControlTimeline::axisRect() const {
    const QRectF plot = plotRect();
    return QRectF(plot.left(), plot.top() - kAxisHeight, plot.width(), kAxisHeight);
}

qreal ControlTimeline::xFor(core::Date date, const QRectF& plot) const {
    const double span = double(m_to.days() - m_from.days());
    return plot.left() + (date.days() - m_from.days()) / span * plot.width();
}

qreal ControlTimeline::xForDate(core::Date date) const {
    return xFor(date, plotRect());
}

core::Date ControlTimeline::dateAtX(qreal x) const {
    const QRectF plot = plotRect();
    const double t = std::clamp((x - plot.left()) / plot.width(), 0.0, 1.0);
    return core::Date::fromDays(m_from.days() +
                                int(std::lround(t * (m_to.days() - m_from.days()))));
}

QVector<ControlTimeline::Row> ControlTimeline::rows(const QSize& size) const {
    QVector<Row> out;
    qreal y = plotRectFor(size).top();
    int lane = 0;
    for (int s = 0; s < m_sections.size(); ++s) {
        out.push_back({s, -1, y, kSectionHeight});
        y += kSectionHeight;
        for (int i = 0; i < m_sections[s].lanes.size(); ++i) {
            out.push_back({s, lane++, y, kLaneHeight});
            y += kLaneHeight;
        }
    }
    return out;
}

QPointF ControlTimeline::pointFor(const QString& key, core::Date date) const {
    for (const Row& r : rows(size()))
        if (r.lane >= 0)
            for (const TimelineSegment& s : m_lanes[r.lane]->segments)
                if (s.key == key)
                    return {xForDate(date), r.top + r.height / 2};
    return {-1, -1};
}

const TimelineSegment* ControlTimeline::segmentAt(const QPointF& pos) const {
    const QRectF plot = plotRect();
    for (const Row& r : rows(size())) {
        if (r.lane < 0 || pos.y() < r.top || pos.y() >= r.top + r.height)
            continue;
        const auto& segments = m_lanes[r.lane]->segments;
        if (segments.isEmpty())
            return nullptr;
        if (pos.x() < plot.left())
            return &segments.front();
        const int day = dateAtX(pos.x()).days();
        const TimelineSegment* best = &segments.front();
        long bestDistance = std::numeric_limits<long>::max();
        for (const TimelineSegment& s : segments) {
            const auto [a, b] = span(s);
            const long d = day < a ? long(a) - day : (day > b ? long(day) - b : 0);
            if (d < bestDistance) {
                bestDistance = d;
                best = &s;
            }
        }
        return best;
    }
    return nullptr;
}

core::Date ControlTimeline::snapped(qreal x) const {
    const QRectF plot = plotRect();
    // Snap only where single days are hard to hit (under two pixels a day).
    const double perDay = plot.width() / double(m_to.days() - m_from.days());
    if (perDay >= 2.0)
        return dateAtX(x);
    qreal best = kSnap + 1;
    core::Date out = dateAtX(x);
    for (const core::Date d : m_snap) {
        const qreal dx = std::abs(xFor(d, plot) - x);
        if (dx < best && d >= m_from && d <= m_to) {
            best = dx;
            out = d;
        }
    }
    return out;
}

void ControlTimeline::moveMarkerTo(qreal x) {
    const core::Date d = snapped(x);
    if (d == m_marker)
        return;
    m_marker = d;
    update();
    Q_EMIT markerMoved(d);
}

void ControlTimeline::paintEvent(QPaintEvent*) {
    QPainter p(this);
    paintChart(p, size());
}

void ControlTimeline::paintChart(QPainter& p, const QSize& size) const {
    const ChartPalette pal = ChartPalette::forPalette(palette());
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRect(QPoint(0, 0), size), pal.background);
    const QRectF plot = plotRectFor(size);
    const QVector<Row> rowList = rows(size);
    const qreal bottom =
        rowList.isEmpty() ? plot.top() : rowList.back().top + rowList.back().height;
    QFont base = font();
    QFont bold = base;
    bold.setBold(true);
    QFont small = base;
    small.setPointSizeF(base.pointSizeF() * 0.9);

    // Title.
    p.setPen(pal.text);
    QFont titleFont = bold;
    titleFont.setPointSizeF(10.5);
    p.setFont(titleFont);
    p.drawText(QRectF(kMargin, kMargin, size.width() - 2 * kMargin, kTitleHeight),
               Qt::AlignLeft | Qt::AlignVCenter, m_title);

    // Years and quarters: grid lines through the lanes, year labels on the axis strip.
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
                x + 3 + p.fontMetrics().horizontalAdvance(yearText) <= size.width() - kMargin) {
                p.setPen(pal.mutedText);
                p.drawText(QRectF(x + 3, plot.top() - kAxisHeight, 60, kAxisHeight - 4),
                           Qt::AlignLeft | Qt::AlignBottom, yearText);
            }
        }
    p.setPen(pal.axis);
    p.drawLine(QPointF(plot.left(), plot.top() - 1), QPointF(plot.right(), plot.top() - 1));

    // Lanes.
    const qreal labelLeft = kMargin;
    const qreal labelWidth = plot.left() - kMargin - 6;
    for (const Row& r : rowList) {
        if (r.lane < 0) {
            p.setPen(pal.mutedText);
            p.setFont(bold);
            p.drawText(QRectF(labelLeft, r.top, size.width(), r.height),
                       Qt::AlignLeft | Qt::AlignBottom, m_sections[r.section].title);
            continue;
        }
        const TimelineLane& lane = *m_lanes[r.lane];
        const qreal cy = r.top + r.height / 2;
        bool selected = false, active = false;
        for (const TimelineSegment& s : lane.segments) {
            selected = selected || s.key == m_selected;
            active = active || inForce(s, m_marker);
        }
        if (selected) {
            QColor h = palette().color(QPalette::Highlight);
            h.setAlpha(pal.dark ? 90 : 55);
            p.fillRect(QRectF(0, r.top, size.width(), r.height), h);
        }
        p.setFont(active ? bold : base);
        p.setPen(active ? pal.text : pal.mutedText);
        p.drawText(QRectF(labelLeft + 8, r.top, labelWidth - 8, r.height),
                   Qt::AlignLeft | Qt::AlignVCenter,
                   p.fontMetrics().elidedText(lane.label, Qt::ElideRight, int(labelWidth - 8)));

        p.save();
        p.setClipRect(plot.adjusted(0, -2, 10, 2));
        for (const TimelineSegment& s : lane.segments) {
            const QColor c = kindColor(s.kind, pal);
            const bool never = s.end && *s.end <= s.effective;
            const qreal xe = xFor(s.effective, plot);
            if (s.announced && *s.announced < s.effective) {
                // Announced, not yet in force: a thin dashed line (to the end if it never began).
                const qreal xa = xFor(*s.announced, plot);
                const qreal to = never ? xFor(*s.end, plot) : xe;
                QPen pen(c, 2, Qt::DashLine);
                p.setPen(pen);
                p.drawLine(QPointF(xa, cy), QPointF(to, cy));
                p.setBrush(pal.background);
                p.setPen(QPen(c, 1.5));
                p.drawEllipse(QPointF(xa, cy), 2.5, 2.5);
            }
            if (never) {
                // Suspended before it took effect: a cross on the end, the planned start hollow.
                const qreal xs = xFor(*s.end, plot);
                p.setPen(QPen(c, 2));
                p.drawLine(QPointF(xs - 4, cy - 4), QPointF(xs + 4, cy + 4));
                p.drawLine(QPointF(xs - 4, cy + 4), QPointF(xs + 4, cy - 4));
                p.setBrush(Qt::NoBrush);
                p.setPen(QPen(c, 1.2, Qt::DotLine));
                p.drawRect(QRectF(xe - 3, cy - 3, 6, 6));
                continue;
            }
            const qreal xEnd = s.end ? xFor(*s.end, plot) : plot.right() + 8;
            const QRectF bar(xe, cy - 4.5, std::max(2.0, xEnd - xe), 9);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawRoundedRect(bar, 2, 2);
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
            if (s.key == m_selected) {
                p.setBrush(Qt::NoBrush);
                p.setPen(QPen(pal.highlight, 1.5));
                p.drawRoundedRect(bar.adjusted(-1, -1, 1, 1), 2, 2);
            }
        }
        p.restore();
        if (active && m_marker >= m_from && m_marker <= m_to) {
            p.setPen(QPen(pal.background, 1.5));
            p.setBrush(pal.text);
            p.drawEllipse(QPointF(xFor(m_marker, plot), cy), 4, 4);
        }
    }

    // The as-of marker with its date on the axis strip.
    if (m_marker >= m_from && m_marker <= m_to) {
        const qreal x = xFor(m_marker, plot);
        QColor line = palette().color(QPalette::Highlight);
        if (pal.dark)
            line = line.lighter(140);
        p.setPen(QPen(line, 2));
        p.drawLine(QPointF(x, plot.top() - 2), QPointF(x, bottom));
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

    // Legend, flowed over as many rows as the width needs (legendRows()).
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
    p.restore();
}

void ControlTimeline::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const QPointF pos = event->position();
    const QRectF plot = plotRect();
    const QRectF axis = axisRect().adjusted(-kGrab, 0, kGrab, 0);
    const qreal mx = xForDate(m_marker);
    m_pressPos = event->pos();
    m_pressedOnLane = false;
    if (axis.contains(pos) ||
        (std::abs(pos.x() - mx) <= kGrab && pos.y() >= plot.top() && pos.y() <= plot.bottom())) {
        m_dragging = true;
        moveMarkerTo(pos.x());
        return;
    }
    m_pressedOnLane = segmentAt(pos) != nullptr;
}

void ControlTimeline::mouseMoveEvent(QMouseEvent* event) {
    const QPointF pos = event->position();
    if (m_dragging) {
        moveMarkerTo(pos.x());
        return;
    }
    const bool nearMarker = std::abs(pos.x() - xForDate(m_marker)) <= kGrab &&
                            pos.y() >= axisRect().top() && pos.y() <= plotRect().bottom();
    setCursor(nearMarker || axisRect().contains(pos) ? Qt::SizeHorCursor : Qt::ArrowCursor);
    showTipAt(event->pos());
}

void ControlTimeline::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    if (m_dragging) {
        m_dragging = false;
        return;
    }
    if (m_pressedOnLane && (event->pos() - m_pressPos).manhattanLength() < 6)
        if (const TimelineSegment* s = segmentAt(event->position()))
            Q_EMIT laneClicked(s->key);
    m_pressedOnLane = false;
}

void ControlTimeline::mouseDoubleClickEvent(QMouseEvent* event) {
    if (const TimelineSegment* s = segmentAt(event->position()))
        Q_EMIT laneActivated(s->key);
}

void ControlTimeline::leaveEvent(QEvent* event) {
    m_tip.clear();
    QToolTip::hideText();
    QWidget::leaveEvent(event);
}

void ControlTimeline::showTipAt(const QPoint& pos) {
    QString tip;
    if (axisRect().contains(pos)) {
        tip = tr("Click or drag to move the as-of date (now %1)").arg(dateText(m_marker));
    } else if (const TimelineSegment* s = segmentAt(pos)) {
        tip = s->tooltip + QStringLiteral("<br>") +
              tr("At %1: <b>%2</b>")
                  .arg(dateText(m_marker), controlStatusText(asControl(*s), m_marker));
    }
    if (tip == m_tip)
        return;
    m_tip = tip;
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(mapToGlobal(pos), tip, this);
}

bool ControlTimeline::exportTo(const QString& path, QString* error) {
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size());
        svg.setViewBox(QRect(QPoint(0, 0), size()));
        svg.setTitle(m_title);
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(tr("Cannot start the SVG writer."));
        paintChart(painter, size());
        painter.end();
    } else if (suffix == QStringLiteral("png")) {
        QImage image(size() * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        QPainter painter(&image);
        paintChart(painter, size());
        painter.end();
        if (!image.save(&file, "PNG"))
            return fail(tr("Cannot encode the image as PNG."));
    } else {
        return fail(tr("Choose a file name ending in .png or .svg."));
    }
    if (!file.commit())
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

void ControlTimeline::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    QAction* exportAction = menu.addAction(tr("Export chart…"));
    if (menu.exec(event->globalPos()) != exportAction)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart"),
                                                      QStringLiteral("controls-timeline.png"),
                                                      tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export chart"), error);
}

void ControlTimeline::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
}

} // namespace chokepoint::ui

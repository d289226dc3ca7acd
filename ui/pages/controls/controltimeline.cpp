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
#include <QSvgGenerator>
#include <QToolTip>

#include "core/util/atomicfile.h"
#include "ui/displayformat.h"
#include "ui/pages/controls/controltimelinestyle.h"
#include "ui/pages/controls/measuretablemodel.h"

namespace chokepoint::ui {

using namespace timelinestyle;

namespace {

constexpr qreal kGrab = 6; // pixels around the marker that start a drag
constexpr qreal kSnap = 5; // pixels within which the marker snaps to a control date

core::Control asControl(const TimelineSegment& s) {
    core::Control c;
    c.announced = s.announced;
    c.effective = s.effective;
    c.end = s.end;
    return c;
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
            tr("in force at the marker"),
            tr("scheduled, unconfirmed")};
}

void ControlTimeline::setAssumeScheduled(bool on) {
    if (m_assumeScheduled == on)
        return;
    m_assumeScheduled = on;
    update();
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
    core::AtomicFile file(path.toStdString());
    if (auto r = file.open(); !r)
        return fail(QString::fromStdString(r.errorString()));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file.device());
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
        if (!image.save(&file.device(), "PNG"))
            return fail(tr("Cannot encode the image as PNG."));
    } else {
        return fail(tr("Choose a file name ending in .png or .svg."));
    }
    if (auto r = file.commit(); !r)
        return fail(QString::fromStdString(r.errorString()));
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

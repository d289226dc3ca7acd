// SPDX-License-Identifier: MIT
#include "ui/pages/suppliers/networkitems.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QPainter>

#include "ui/charts/chartpalette.h"

namespace chokepoint::ui {

namespace an = core::analysis;

NetworkStyle NetworkStyle::forPalette(const QPalette& palette) {
    const ChartPalette p = ChartPalette::forPalette(palette);
    NetworkStyle s;
    s.background = p.background;
    s.text = p.text;
    s.muted = p.mutedText;
    s.border = p.axis;
    s.exposedBorder = p.risk;
    s.exposedFill = p.risk;
    s.exposedFill.setAlphaF(p.dark ? 0.30 : 0.16);
    s.inputsBorder = p.deeper;
    s.inputsFill = p.deeper;
    s.inputsFill.setAlphaF(p.dark ? 0.20 : 0.14);
    s.usBorder = p.category(0);
    s.usFill = p.category(0);
    s.usFill.setAlphaF(p.dark ? 0.30 : 0.14);
    s.highlight = p.highlight;
    s.edge = p.axis;
    s.edge.setAlphaF(0.55);
    s.edgeExposed = p.risk;
    s.edgeExposed.setAlphaF(0.60);
    return s;
}

NetworkNodeItem::NetworkNodeItem(const NetworkNodeInfo& info, int index, const NetworkStyle* style)
    : m_info(info)
    , m_index(index)
    , m_style(style) {
    setToolTip(info.tooltip);
    setAcceptHoverEvents(true);
    if (info.kind == an::GraphNodeKind::Site)
        setCursor(Qt::PointingHandCursor);
}

QRectF NetworkNodeItem::boundingRect() const {
    return QRectF(-3, -3, kNodeWidth + 6, kNodeHeight + 6);
}

void NetworkNodeItem::setMarked(bool marked) {
    if (marked == m_marked)
        return;
    m_marked = marked;
    update();
}

void NetworkNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    const NetworkStyle& s = *m_style;
    const QRectF box(0, 0, kNodeWidth, kNodeHeight);
    QColor fill = s.background;
    QPen pen(s.border, 1.2);
    switch (m_info.kind) {
    case an::GraphNodeKind::Us:
        fill = s.usFill;
        pen = QPen(s.usBorder, 2.0);
        break;
    case an::GraphNodeKind::Site:
        if (m_info.exposed) {
            fill = s.exposedFill;
            pen = QPen(s.exposedBorder, 2.6);
        } else if (m_info.f > 0.0) {
            fill = s.inputsFill;
            pen = QPen(s.inputsBorder, 1.6);
        }
        break;
    case an::GraphNodeKind::Unknown:
        fill = Qt::transparent;
        pen = QPen(s.muted, 1.4, Qt::DashLine);
        break;
    case an::GraphNodeKind::Others:
        pen = QPen(s.muted, 1.4, Qt::DotLine);
        break;
    }
    if (m_marked) {
        // Selected: a thick outline in the text colour around the usual one.
        painter->setPen(QPen(s.highlight, 3.0));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-2, -2, 2, 2), 7, 7);
    }
    painter->setPen(pen);
    painter->setBrush(fill);
    painter->drawRoundedRect(box, 6, 6);

    QFont font = painter->font();
    font.setPointSizeF(9.0);
    font.setBold(m_info.kind == an::GraphNodeKind::Us || m_info.exposed);
    painter->setFont(font);
    const QRectF text = box.adjusted(8, 4, -8, -4);
    const QFontMetricsF fm(font);
    painter->setPen(m_info.kind == an::GraphNodeKind::Unknown ? s.muted : s.text);
    painter->drawText(QRectF(text.left(), text.top(), text.width(), text.height() / 2),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(m_info.title, Qt::ElideRight, text.width()));
    font.setBold(false);
    font.setPointSizeF(8.0);
    painter->setFont(font);
    const QFontMetricsF small(font);
    QString sub = m_info.subtitle;
    if (m_info.truncated)
        sub += QStringLiteral(" \u2026");
    painter->setPen(s.muted);
    painter->drawText(QRectF(text.left(), text.center().y(), text.width(), text.height() / 2),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      small.elidedText(sub, Qt::ElideRight, text.width()));
}

} // namespace chokepoint::ui

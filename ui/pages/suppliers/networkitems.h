// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QGraphicsItem>
#include <QPalette>

#include "ui/pages/suppliers/networkdrawing.h"

namespace chokepoint::ui {

/// Colours of the network view, from the application palette (light or dark) and the chart
/// palette's meanings: exposed = the risk colour, exposed through inputs = the deeper-tier
/// colour, so the view reads like the charts.
struct NetworkStyle {
    QColor background, text, muted, border;
    QColor exposedFill, exposedBorder;
    QColor inputsFill, inputsBorder;
    QColor usFill, usBorder;
    QColor highlight;
    QColor edge, edgeExposed;
    static NetworkStyle forPalette(const QPalette& palette);
};

/// Size of a node box in scene units.
inline constexpr double kNodeWidth = 210.0;
inline constexpr double kNodeHeight = 46.0;

/// A node box: two lines of text, fill and outline by kind and exposure, a dashed outline for
/// unknown origin, dotted for folded sites, a thick outline when selected.
class NetworkNodeItem : public QGraphicsItem {
public:
    enum { Type = UserType + 71 };
    NetworkNodeItem(const NetworkNodeInfo& info, int index, const NetworkStyle* style);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
               QWidget* widget = nullptr) override;

    int index() const { return m_index; }
    const NetworkNodeInfo& info() const { return m_info; }
    void setMarked(bool marked);
    bool marked() const { return m_marked; }

private:
    NetworkNodeInfo m_info;
    int m_index;
    const NetworkStyle* m_style;
    bool m_marked = false;
};

} // namespace chokepoint::ui

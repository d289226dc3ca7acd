// SPDX-License-Identifier: MIT
#pragma once

#include <QGraphicsView>
#include <QVector>

#include "ui/pages/suppliers/networkdrawing.h"
#include "ui/pages/suppliers/networkitems.h"

class QGraphicsPathItem;
class QGraphicsSimpleTextItem;

namespace chokepoint::ui {

/// Draws a supply graph laid out by core (core/analysis/supplygraph.h): tiers as columns
/// from the deepest on the left to our company on the right, nodes in core's order within a
/// column, links as curves whose width follows the share of our supply they carry.
///
/// Hover shows a node's or link's exact figures (tooltips); a click on a site emits
/// siteClicked, a double-click siteActivated; the wheel zooms around the cursor, dragging
/// pans, fitAll() shows everything. A new graph starts whole if it is legible at that size,
/// else at a legible zoom on our end of the chain. Unknown-origin and folded nodes can be hidden
/// (legend toggles). Colours follow the application palette (NetworkStyle).
class NetworkView : public QGraphicsView {
    Q_OBJECT
public:
    explicit NetworkView(QWidget* parent = nullptr);

    void setDrawing(NetworkDrawing drawing);
    const NetworkDrawing& drawing() const { return m_drawing; }
    void setEmptyText(const QString& text);

    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }
    NetworkNodeItem* nodeItem(int index) const { return m_nodes.value(index); }
    /// Site ids of the site nodes, in node order (a site may appear at several tiers).
    QStringList siteIds() const;
    /// The first node of the site, or -1.
    int nodeIndexForSite(const QString& siteId) const;
    /// Viewport position of the middle of node `index`.
    QPoint nodeCenter(int index) const;

    /// Marks the nodes of a site (or of every site of a supplier); empty: none.
    void setSelectedSite(const QString& siteId);
    void setSelectedSupplier(const QString& supplierId);
    QString selectedSite() const { return m_selectedSite; }
    /// Scrolls so that the site's first node is visible.
    void showSite(const QString& siteId);

    void setShowUnknown(bool show);
    void setShowOthers(bool show);
    bool showUnknown() const { return m_showUnknown; }
    bool showOthers() const { return m_showOthers; }

    /// Shows the whole graph (and ends the initial view).
    void fitAll();
    /// Zooms by `factor` around the viewport's centre, within 5 %–400 %.
    void zoomBy(double factor);
    double zoom() const;
    /// PNG (twice the scene's size, at most 8,000 px wide) or SVG by extension.
    bool exportTo(const QString& path, QString* error = nullptr);

Q_SIGNALS:
    void siteClicked(const QString& siteId);
    void siteActivated(const QString& siteId);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void showInitialView();
    void fitScene();
    void rebuild();
    void updateMarks();
    void updateVisibility();
    QPointF nodePos(const NetworkNodeInfo& node) const;
    NetworkNodeItem* nodeAt(const QPoint& viewportPos) const;
    void exportDialog();

    QGraphicsScene* m_scene;
    NetworkStyle m_style;
    NetworkDrawing m_drawing;
    QString m_emptyText;
    QVector<NetworkNodeItem*> m_nodes;
    QVector<QGraphicsPathItem*> m_edges;
    QString m_selectedSite, m_selectedSupplier;
    bool m_showUnknown = true;
    bool m_showOthers = true;
    QPoint m_pressPos;
    bool m_initialView = false; ///< follow resizes until the user zooms, pans or fits
};

} // namespace chokepoint::ui

// SPDX-License-Identifier: MIT
#include "ui/pages/suppliers/networkview.h"

#include <algorithm>
#include <cmath>

#include <QContextMenuEvent>
#include <QFileDialog>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QSvgGenerator>
#include <QWheelEvent>

namespace chokepoint::ui {

namespace an = core::analysis;

namespace {
constexpr double kColumnGap = 90.0;
constexpr double kRowGap = 14.0;
constexpr double kHeaderHeight = 34.0;
constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 4.0;
constexpr double kReadableZoom = 0.7;
constexpr double kLegibleFit = 0.5; ///< Fit goes no smaller: node text about 4.5 px high

QString tierTitle(int tier) {
    if (tier == 0)
        return QObject::tr("Us");
    if (tier == 1)
        return QObject::tr("Tier 1 \u2014 our suppliers");
    return QObject::tr("Tier %1").arg(tier);
}
} // namespace

NetworkView::NetworkView(QWidget* parent)
    : QGraphicsView(parent)
    , m_scene(new QGraphicsScene(this))
    , m_style(NetworkStyle::forPalette(palette())) {
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setMinimumSize(320, 200);
    setFrameShape(QFrame::NoFrame);
    rebuild();
}

void NetworkView::setDrawing(NetworkDrawing drawing) {
    m_drawing = std::move(drawing);
    rebuild();
    m_initialView = true;
    showInitialView();
}

// The whole graph when it is legible at that size; else our end of the chain (us on the
// right, tiers 1 and 2 beside) at a legible zoom. Fit shows everything.
void NetworkView::showInitialView() {
    fitScene();
    if (m_nodes.isEmpty() || zoom() >= kReadableZoom)
        return;
    setTransform(QTransform::fromScale(kReadableZoom, kReadableZoom));
    const QRectF us = m_nodes[0]->sceneBoundingRect();
    const double half = viewport()->width() / kReadableZoom / 2.0;
    centerOn(us.right() + 24.0 - half, us.center().y());
}

void NetworkView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (m_initialView)
        showInitialView();
}

void NetworkView::setEmptyText(const QString& text) {
    m_emptyText = text;
    if (m_drawing.nodes.isEmpty())
        rebuild();
}

QPointF NetworkView::nodePos(const NetworkNodeInfo& node) const {
    int tallest = 1;
    for (const int size : m_drawing.tierSizes)
        tallest = std::max(tallest, size);
    const int size = m_drawing.tierSizes.value(node.tier, 1);
    const double row = kNodeHeight + kRowGap;
    // Columns are centred on the tallest one, so links between tiers stay short.
    return {(m_drawing.tiers - node.tier) * (kNodeWidth + kColumnGap),
            kHeaderHeight + node.order * row + (tallest - size) * row / 2.0};
}

void NetworkView::rebuild() {
    m_scene->clear();
    m_nodes.clear();
    m_edges.clear();
    m_scene->setBackgroundBrush(m_style.background);
    if (m_drawing.nodes.isEmpty()) {
        auto* text = m_scene->addSimpleText(m_emptyText);
        text->setBrush(m_style.muted);
        m_scene->setSceneRect(text->boundingRect().adjusted(-40, -40, 40, 40));
        return;
    }
    for (int t = 0; t <= m_drawing.tiers; ++t) {
        auto* header = m_scene->addSimpleText(tierTitle(t));
        QFont font = header->font();
        font.setBold(true);
        header->setFont(font);
        header->setBrush(m_style.muted);
        header->setPos((m_drawing.tiers - t) * (kNodeWidth + kColumnGap), 0);
    }
    for (int i = 0; i < m_drawing.nodes.size(); ++i) {
        auto* item = new NetworkNodeItem(m_drawing.nodes[i], i, &m_style);
        item->setPos(nodePos(m_drawing.nodes[i]));
        item->setZValue(2);
        m_scene->addItem(item);
        m_nodes << item;
    }
    for (const NetworkEdgeInfo& e : m_drawing.edges) {
        const QPointF from = m_nodes[e.from]->pos() + QPointF(kNodeWidth, kNodeHeight / 2);
        const QPointF to = m_nodes[e.to]->pos() + QPointF(0, kNodeHeight / 2);
        QPainterPath path(from);
        const double dx = (to.x() - from.x()) / 2;
        path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
        const auto kind = m_drawing.nodes[e.from].kind;
        QPen pen(e.fromExposed ? m_style.edgeExposed : m_style.edge, 1.0 + 16.0 * e.flow);
        pen.setCapStyle(Qt::FlatCap);
        if (kind == an::GraphNodeKind::Unknown)
            pen.setStyle(Qt::DashLine);
        auto* item = m_scene->addPath(path, pen);
        item->setToolTip(e.tooltip);
        item->setZValue(1);
        m_edges << item;
    }
    m_scene->setSceneRect(m_scene->itemsBoundingRect().adjusted(-20, -20, 20, 20));
    updateMarks();
    updateVisibility();
}

QStringList NetworkView::siteIds() const {
    QStringList ids;
    for (const NetworkNodeInfo& n : m_drawing.nodes)
        if (n.kind == an::GraphNodeKind::Site)
            ids << n.siteId;
    return ids;
}

int NetworkView::nodeIndexForSite(const QString& siteId) const {
    for (int i = 0; i < m_drawing.nodes.size(); ++i)
        if (m_drawing.nodes[i].kind == an::GraphNodeKind::Site &&
            m_drawing.nodes[i].siteId == siteId)
            return i;
    return -1;
}

QPoint NetworkView::nodeCenter(int index) const {
    const NetworkNodeItem* item = m_nodes.value(index);
    if (!item)
        return {};
    return mapFromScene(item->pos() + QPointF(kNodeWidth / 2, kNodeHeight / 2));
}

void NetworkView::setSelectedSite(const QString& siteId) {
    m_selectedSite = siteId;
    m_selectedSupplier.clear();
    updateMarks();
}

void NetworkView::setSelectedSupplier(const QString& supplierId) {
    m_selectedSupplier = supplierId;
    m_selectedSite.clear();
    updateMarks();
}

void NetworkView::updateMarks() {
    for (NetworkNodeItem* item : m_nodes) {
        const NetworkNodeInfo& n = item->info();
        const bool site = n.kind == an::GraphNodeKind::Site;
        item->setMarked(site &&
                        ((!m_selectedSite.isEmpty() && n.siteId == m_selectedSite) ||
                         (!m_selectedSupplier.isEmpty() && n.supplierId == m_selectedSupplier)));
    }
}

void NetworkView::showSite(const QString& siteId) {
    const int i = nodeIndexForSite(siteId);
    if (i >= 0)
        ensureVisible(m_nodes[i], 40, 40);
}

void NetworkView::setShowUnknown(bool show) {
    m_showUnknown = show;
    updateVisibility();
}

void NetworkView::setShowOthers(bool show) {
    m_showOthers = show;
    updateVisibility();
}

void NetworkView::updateVisibility() {
    auto visible = [this](int i) {
        const auto kind = m_drawing.nodes[i].kind;
        return !(kind == an::GraphNodeKind::Unknown && !m_showUnknown) &&
               !(kind == an::GraphNodeKind::Others && !m_showOthers);
    };
    for (int i = 0; i < m_nodes.size(); ++i)
        m_nodes[i]->setVisible(visible(i));
    for (int e = 0; e < m_edges.size(); ++e)
        m_edges[e]->setVisible(visible(m_drawing.edges[e].from));
}

// The whole network when it reads at kLegibleFit or more; else the legible zoom on our end
// of the chain (0.1 fitted everything and shrank the text to 3 px).
void NetworkView::fitAll() {
    m_initialView = false;
    fitScene();
    if (m_nodes.isEmpty() || zoom() >= kLegibleFit)
        return;
    setTransform(QTransform::fromScale(kLegibleFit, kLegibleFit));
    const QRectF us = m_nodes[0]->sceneBoundingRect();
    const double half = viewport()->width() / kLegibleFit / 2.0;
    centerOn(us.right() + 24.0 - half, us.center().y());
}

void NetworkView::fitScene() {
    const QRectF r = m_scene->sceneRect();
    if (r.isEmpty())
        return;
    // Twice: the first fit may hide the scroll bars, which changes the viewport's size.
    fitInView(r, Qt::KeepAspectRatio);
    fitInView(r, Qt::KeepAspectRatio);
    // A small graph is not blown up beyond its natural size.
    if (zoom() > 1.0)
        setTransform(QTransform());
    centerOn(r.center());
}

double NetworkView::zoom() const {
    return transform().m11();
}

void NetworkView::zoomBy(double factor) {
    m_initialView = false;
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    const ViewportAnchor anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    scale(target / zoom(), target / zoom());
    setTransformationAnchor(anchor);
}

void NetworkView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0.0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    m_initialView = false;
    const double target = std::clamp(zoom() * std::pow(1.2, steps), kMinZoom, kMaxZoom);
    scale(target / zoom(), target / zoom()); // AnchorUnderMouse: zooms around the cursor
    event->accept();
}

NetworkNodeItem* NetworkView::nodeAt(const QPoint& viewportPos) const {
    for (QGraphicsItem* item : items(viewportPos))
        if (item->type() == NetworkNodeItem::Type && item->isVisible())
            return static_cast<NetworkNodeItem*>(item);
    return nullptr;
}

void NetworkView::mousePressEvent(QMouseEvent* event) {
    m_pressPos = event->pos();
    m_initialView = false;
    QGraphicsView::mousePressEvent(event);
}

// A press and release without a drag is a click; a drag pans (ScrollHandDrag).
void NetworkView::mouseReleaseEvent(QMouseEvent* event) {
    QGraphicsView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || (event->pos() - m_pressPos).manhattanLength() > 4)
        return;
    if (NetworkNodeItem* node = nodeAt(event->pos()))
        if (node->info().kind == an::GraphNodeKind::Site)
            Q_EMIT siteClicked(node->info().siteId);
}

void NetworkView::mouseDoubleClickEvent(QMouseEvent* event) {
    if (NetworkNodeItem* node = nodeAt(event->pos()))
        if (node->info().kind == an::GraphNodeKind::Site) {
            Q_EMIT siteActivated(node->info().siteId);
            event->accept();
            return;
        }
    QGraphicsView::mouseDoubleClickEvent(event);
}

void NetworkView::changeEvent(QEvent* event) {
    QGraphicsView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_style = NetworkStyle::forPalette(palette());
        const QTransform t = transform();
        const QPointF centre = mapToScene(viewport()->rect().center());
        rebuild();
        setTransform(t);
        centerOn(centre);
    }
}

bool NetworkView::exportTo(const QString& path, QString* error) {
    const QRectF source = m_scene->sceneRect();
    if (path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(source.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
        svg.setTitle(tr("Supply network of %1").arg(m_drawing.materialName));
        QPainter painter;
        if (!painter.begin(&svg)) {
            if (error)
                *error = tr("Cannot write %1").arg(path);
            return false;
        }
        m_scene->render(&painter, QRectF(QPointF(0, 0), source.size()), source);
        painter.end();
        return true;
    }
    const double scale = std::min(2.0, 8000.0 / std::max(1.0, source.width()));
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(m_style.background);
    {
        QPainter painter(&image);
        painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
        m_scene->render(&painter, QRectF(image.rect()), source);
    }
    if (!image.save(path, "PNG")) {
        if (error)
            *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

void NetworkView::exportDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export network"),
        QStringLiteral("supply-network-%1.png").arg(m_drawing.materialId),
        tr("PNG image (*.png);;SVG image (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        QMessageBox::warning(this, tr("Export network"), error);
}

void NetworkView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Fit to view"), this, [this] { fitAll(); });
    menu.addAction(tr("Export image…"), this, [this] { exportDialog(); });
    menu.exec(event->globalPos());
}

} // namespace chokepoint::ui

// SPDX-License-Identifier: MIT
#include "ui/map/mapview.h"

#include <algorithm>
#include <cmath>

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QKeyEvent>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolTip>
#include <QWheelEvent>

namespace chokepoint::ui {

namespace cm = core::map;

namespace {
constexpr double kDragThreshold = 5.0;
constexpr int kLayerMargin = 256; // pixels of map drawn beyond each edge for panning
} // namespace

MapView::MapView(std::shared_ptr<const cm::WorldAtlas> atlas, QWidget* parent)
    : QWidget(parent)
    , m_renderer(std::move(atlas))
    , m_scene(std::make_shared<const cm::MapScene>())
    , m_palette(MapPalette::forPalette(palette()))
    , m_camera(m_renderer.atlas().bounds(), m_renderer.atlas().inhabitedBounds()) {
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAccessibleName(tr("World map"));
}

void MapView::setScene(std::shared_ptr<const cm::MapScene> scene, bool fit) {
    m_scene = scene ? std::move(scene) : std::make_shared<const cm::MapScene>();
    m_levels.clear();
    m_hover = {};
    if (fit)
        fitWorld();
    update();
}

void MapView::setLegend(MapLegend legend) {
    m_legend = std::move(legend);
    update();
}

void MapView::setSelection(int32_t site, const QString& country) {
    if (site == m_selectedSite && country == m_selectedCountry)
        return;
    m_selectedSite = site;
    m_selectedCountry = country;
    update();
}

int MapView::levelOf(double scale) const {
    return int(std::floor(2.0 * std::log2(std::max(scale, 1e-6))));
}

const cm::MapMarkers& MapView::markers() const {
    const int level = levelOf(m_camera.transform().scale);
    auto& cached = m_levels[level];
    if (!cached) {
        // The radius of the level's smallest scale, so a level's clusters never overlap.
        const double levelScale = std::pow(2.0, level / 2.0);
        cached = std::make_shared<const cm::MapMarkers>(
            cm::buildMarkers(*m_scene, MapRenderer::kClusterPixels / levelScale));
    }
    return *cached;
}

void MapView::fitWorld() {
    m_camera.fitHome();
    update();
}

void MapView::fitArea(const cm::MapRect& area) {
    m_camera.fitArea(area);
    update();
}

void MapView::fitSelection() {
    cm::MapRect area;
    if (const cm::MapSite* s = m_selectedSite >= 0 ? m_scene->findSite(m_selectedSite) : nullptr) {
        // About 6° around the site, and close enough that it leaves any cluster: the cluster
        // radius (at most √2 · kClusterPixels / scale) below the distance to its nearest
        // neighbour not on the same spot.
        const double r = 0.1;
        area.add(cm::MapPoint{s->position.x - r, s->position.y - r});
        area.add(cm::MapPoint{s->position.x + r, s->position.y + r});
        double nearest = INFINITY;
        for (const cm::MapSite& o : m_scene->sites) {
            const double d = std::hypot(o.position.x - s->position.x, o.position.y - s->position.y);
            if (d > 1e-9)
                nearest = std::min(nearest, d);
        }
        fitArea(area);
        if (std::isfinite(nearest)) {
            const double apart = 1.2 * std::sqrt(2.0) * MapRenderer::kClusterPixels / nearest;
            if (apart > scale())
                zoomBy(apart / scale(), transform().toScreen(s->position));
        }
        // Centre it (zooming about it kept it where fitArea put it: the middle).
        return;
    }
    if (const cm::AtlasCountry* c =
            m_selectedCountry.isEmpty()
                ? nullptr
                : m_renderer.atlas().find(m_selectedCountry.toStdString())) {
        // The polygon holding the centroid: France without Guiana, the US without Alaska.
        for (const cm::MapPolygon& poly : c->polygons)
            if (cm::polygonContains(poly, c->centroid))
                for (const cm::MapPoint& p : poly.front())
                    area.add(p);
        if (area.empty())
            area = c->bounds;
    } else {
        fitSites();
        return;
    }
    fitArea(area);
}

void MapView::fitSites() {
    cm::MapRect area;
    for (const cm::MapSite& s : m_scene->sites)
        area.add(s.position);
    if (m_scene->self)
        area.add(*m_scene->self);
    // A few sites close together: not closer than a quarter of the world's width.
    const double minWidth = m_renderer.atlas().inhabitedBounds().width() / 4;
    if (!area.empty() && area.width() < minWidth) {
        const double cx = (area.minX + area.maxX) / 2;
        area.add(cm::MapPoint{cx - minWidth / 2, area.minY});
        area.add(cm::MapPoint{cx + minWidth / 2, area.maxY});
    }
    if (area.empty()) {
        fitWorld();
        return;
    }
    fitArea(area);
    // Keep the sites clear of the legend in the lower left corner: if one would sit under
    // it, make room below the sites and fit again.
    const QRectF legend = m_renderer.legendRect(QRectF(rect()), m_legend, font(), true);
    const bool hidden =
        std::any_of(m_scene->sites.begin(), m_scene->sites.end(), [&](const cm::MapSite& s) {
            return legend.adjusted(-12, -12, 12, 12).contains(transform().toScreen(s.position));
        });
    if (hidden) {
        area.add(cm::MapPoint{area.minX, area.minY - (legend.height() + 24) / scale()});
        fitArea(area);
    }
}

void MapView::zoomBy(double factor, QPointF around) {
    m_camera.zoomBy(factor, around);
    update();
}

void MapView::panBy(QPointF pixels) {
    m_camera.panBy(pixels);
    update();
}

MapHit MapView::hitAt(QPointF pos) const {
    MapHit hit;
    if (m_renderer.legendRect(QRectF(rect()), m_legend, font(), !markers().flows.empty())
            .contains(pos))
        return hit;
    const cm::MapMarkers& mk = markers();
    double best = INFINITY;
    for (size_t i = 0; i < mk.markers.size(); ++i) {
        const QPointF at = transform().toScreen(mk.markers[i].position);
        const double r = MapRenderer::markerRadius(mk.markers[i], m_scene->sizeMax) + 2.0;
        const double d = std::hypot(at.x() - pos.x(), at.y() - pos.y());
        // The nearest centre among the markers under the point; small ones lie on top.
        if (d <= r && d - r < best) {
            best = d - r;
            hit.marker = int(i);
        }
    }
    if (hit.marker >= 0) {
        const cm::MapMarker& m = mk.markers[size_t(hit.marker)];
        if (m.count == 1) {
            hit.kind = MapHit::Kind::Site;
            hit.site = m_scene->sites[*mk.clusters.begin(size_t(hit.marker))].site;
        } else {
            hit.kind = MapHit::Kind::Cluster;
        }
        return hit;
    }
    if (m_scene->self) {
        const QPointF at = transform().toScreen(*m_scene->self);
        if (std::abs(at.x() - pos.x()) + std::abs(at.y() - pos.y()) <= 9.0) {
            hit.kind = MapHit::Kind::Us;
            return hit;
        }
    }
    if (const cm::AtlasCountry* c = m_renderer.atlas().countryAt(transform().toMap(pos))) {
        hit.kind = MapHit::Kind::Country;
        hit.country = QString::fromStdString(c->iso3);
    }
    return hit;
}

QPointF MapView::sitePosition(int32_t site) const {
    const cm::MapSite* s = m_scene->findSite(site);
    if (!s)
        return {};
    const cm::MapMarkers& mk = markers();
    const int marker = mk.markerOfSite[size_t(s - m_scene->sites.data())];
    return transform().toScreen(mk.markers[size_t(marker)].position);
}

MapHighlight MapView::highlight() const {
    MapHighlight h;
    h.selectedCountry = m_selectedCountry;
    h.hoveredCountry = m_hover.kind == MapHit::Kind::Country ? m_hover.country : QString();
    h.hoveredMarker = m_hover.marker;
    if (const cm::MapSite* s = m_selectedSite >= 0 ? m_scene->findSite(m_selectedSite) : nullptr)
        h.selectedMarker = markers().markerOfSite[size_t(s - m_scene->sites.data())];
    return h;
}

void MapView::paintMap(QPainter& painter, const QSize& size) const {
    // This view's framing, scaled to `size` about the centre.
    MapTransform t = transform();
    const double k = std::min(double(size.width()) / std::max(1, width()),
                              double(size.height()) / std::max(1, height()));
    const QPointF c0 = QRectF(rect()).center();
    const QPointF c1 = QRectF(QPointF(0, 0), QSizeF(size)).center();
    const cm::MapPoint centre = transform().toMap(c0);
    t.scale *= k;
    t.origin = QPointF(c1.x() - centre.x * t.scale, c1.y() + centre.y * t.scale);
    painter.setFont(font());
    m_renderer.paint(painter, QRectF(QPointF(0, 0), QSizeF(size)), t, *m_scene, markers(),
                     m_palette, m_legend, highlight());
}

const QImage& MapView::baseLayer() {
    const QPointF shift = transform().origin - m_layer.transform.origin;
    const bool reusable =
        m_layer.valid && m_layer.scene == m_scene.get() && m_layer.size == size() &&
        m_layer.dark == m_palette.dark && m_layer.transform.scale == transform().scale &&
        std::abs(shift.x()) <= kLayerMargin && std::abs(shift.y()) <= kLayerMargin;
    if (reusable)
        return m_layer.image;
    const double dpr = devicePixelRatioF();
    const QSize full = size() + QSize(2 * kLayerMargin, 2 * kLayerMargin);
    if (m_layer.image.size() != full * dpr) {
        m_layer.image = QImage(full * dpr, QImage::Format_RGB32);
        m_layer.image.setDevicePixelRatio(dpr);
    }
    QPainter p(&m_layer.image);
    p.setFont(font());
    p.translate(kLayerMargin, kLayerMargin);
    const QRectF area(-kLayerMargin, -kLayerMargin, full.width(), full.height());
    m_renderer.paintBase(p, area, transform(), *m_scene, markers(), m_palette);
    p.end();
    m_layer.transform = transform();
    m_layer.scene = m_scene.get();
    m_layer.size = size();
    m_layer.dark = m_palette.dark;
    m_layer.valid = true;
    return m_layer.image;
}

void MapView::paintEvent(QPaintEvent*) {
    const QRectF r(rect());
    const cm::MapMarkers& mk = markers();
    // While the user drags, the map only moves: draw it once with a margin and shift it.
    // Otherwise draw it directly (a third of the pixels of the layer).
    const QImage* base = m_dragging ? &baseLayer() : nullptr;
    QPainter p(this);
    p.setFont(font());
    if (base)
        p.drawImage(transform().origin - m_layer.transform.origin -
                        QPointF(kLayerMargin, kLayerMargin),
                    *base);
    else
        m_renderer.paintBase(p, r, transform(), *m_scene, mk, m_palette);
    m_renderer.paintHighlights(p, r, transform(), *m_scene, mk, m_palette, highlight());
    MapLegend onScreen = m_legend;
    onScreen.title.clear(); // the page says it above the map; exports carry it
    m_renderer.paintAnnotations(p, r, *m_scene, mk, m_palette, onScreen);
    if (hasFocus()) {
        QPen pen(palette().color(QPalette::Highlight), 1.5);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawRect(QRectF(rect()).adjusted(0.75, 0.75, -0.75, -0.75));
    }
}

void MapView::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    m_camera.setViewport(QSizeF(size()));
}

void MapView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(1.25, steps), event->position());
    updateHover(event->position());
    event->accept();
}

void MapView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        m_pressPos = m_lastPos = event->position();
        m_dragging = false;
    }
    QWidget::mousePressEvent(event);
}

void MapView::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) {
        const QPointF pos = event->position();
        if (!m_dragging && QLineF(pos, m_pressPos).length() > kDragThreshold) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
            QToolTip::hideText();
            m_tip.clear();
        }
        if (m_dragging) {
            panBy(pos - m_lastPos);
            m_lastPos = pos;
            return;
        }
    }
    updateHover(event->position());
}

void MapView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton)
        return QWidget::mouseReleaseEvent(event);
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
        return;
    }
    const MapHit hit = hitAt(event->position());
    switch (hit.kind) {
    case MapHit::Kind::Site:
        Q_EMIT siteClicked(hit.site);
        break;
    case MapHit::Kind::Cluster: {
        // Zoom in until the cluster's sites come apart.
        const cm::MapMarkers& mk = markers();
        cm::MapRect area;
        for (const uint32_t* i = mk.clusters.begin(size_t(hit.marker));
             i != mk.clusters.end(size_t(hit.marker)); ++i)
            area.add(m_scene->sites[*i].position);
        if (area.width() < 1e-9 && area.height() < 1e-9) // all on one centroid
            zoomBy(2.0, event->position());
        else
            fitArea(area);
        updateHover(event->position());
        break;
    }
    case MapHit::Kind::Us:
        Q_EMIT usClicked();
        break;
    case MapHit::Kind::Country:
        Q_EMIT countryClicked(hit.country);
        break;
    case MapHit::Kind::None:
        Q_EMIT emptyClicked();
        break;
    }
}

void MapView::mouseDoubleClickEvent(QMouseEvent* event) {
    const MapHit hit = hitAt(event->position());
    if (hit.kind == MapHit::Kind::Site)
        Q_EMIT siteActivated(hit.site);
    else if (hit.kind == MapHit::Kind::Country || hit.kind == MapHit::Kind::None)
        zoomBy(2.0, event->position());
}

void MapView::keyPressEvent(QKeyEvent* event) {
    const double step = 60.0;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.5);
        break;
    case Qt::Key_Minus:
        zoomBy(1 / 1.5);
        break;
    case Qt::Key_0:
        fitWorld();
        break;
    case Qt::Key_Left:
        panBy({step, 0});
        break;
    case Qt::Key_Right:
        panBy({-step, 0});
        break;
    case Qt::Key_Up:
        panBy({0, step});
        break;
    case Qt::Key_Down:
        panBy({0, -step});
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void MapView::updateHover(QPointF pos) {
    const MapHit hit = hitAt(pos);
    if (hit != m_hover) {
        m_hover = hit;
        update();
    }
    const QString tip = hit.kind != MapHit::Kind::None && m_tips ? m_tips(hit) : QString();
    if (tip == m_tip && (tip.isEmpty() || QToolTip::isVisible()))
        return;
    m_tip = tip;
    if (tip.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(mapToGlobal(pos.toPoint()), tip, this);
}

void MapView::leaveEvent(QEvent* event) {
    m_hover = {};
    m_tip.clear();
    QToolTip::hideText();
    update();
    QWidget::leaveEvent(event);
}

bool MapView::exportTo(const QString& path, QString* error) {
    auto fail = [&](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QStringLiteral("svg") && suffix != QStringLiteral("png"))
        return fail(tr("Choose a file name ending in .png or .svg."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    if (suffix == QStringLiteral("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size());
        svg.setViewBox(rect());
        svg.setTitle(m_legend.title.isEmpty() ? tr("World map") : m_legend.title);
        svg.setDescription(tr("Map exported from Chokepoint"));
        QPainter painter;
        if (!painter.begin(&svg))
            return fail(tr("Cannot start the SVG writer."));
        paintMap(painter, size());
        painter.end();
    } else {
        QImage image(size() * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        QPainter painter(&image);
        paintMap(painter, size());
        painter.end();
        if (!image.save(&file, "PNG"))
            return fail(tr("Cannot encode the image as PNG."));
    }
    if (!file.commit())
        return fail(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return true;
}

void MapView::exportDialog() {
    QString selected;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export map"), m_exportName + QStringLiteral(".png"),
                                     tr("PNG image (*.png);;SVG image (*.svg)"), &selected);
    if (path.isEmpty())
        return;
    QString file = path;
    if (!file.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive) &&
        !file.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive))
        file += selected.contains(QStringLiteral("svg")) ? QStringLiteral(".svg")
                                                         : QStringLiteral(".png");
    QString error;
    if (!exportTo(file, &error))
        QMessageBox::warning(this, tr("Export map"), error);
}

void MapView::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    menu.addAction(tr("Export map…"), this, [this] { exportDialog(); });
    menu.addAction(tr("Copy image"), this, [this] {
        QImage image(size() * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2);
        QPainter painter(&image);
        paintMap(painter, size());
        painter.end();
        QApplication::clipboard()->setImage(image);
    });
    menu.addSeparator();
    menu.addAction(tr("Fit to selection"), this, [this] { fitSelection(); });
    menu.addAction(tr("Whole world"), this, [this] { fitWorld(); });
    menu.exec(event->globalPos());
}

void MapView::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        m_palette = MapPalette::forPalette(palette());
        m_layer.valid = false;
        update();
    }
}

} // namespace chokepoint::ui

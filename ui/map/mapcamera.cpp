// SPDX-License-Identifier: MIT
#include "ui/map/mapcamera.h"

#include <algorithm>

namespace chokepoint::ui {

namespace cm = core::map;

MapCamera::MapCamera(cm::MapRect world, cm::MapRect home)
    : m_world(world)
    , m_home(home) {}

void MapCamera::setViewport(QSizeF size) {
    m_size = size;
    if (!m_fitted)
        fitHome();
    else
        zoomBy(1.0); // the same view, within the limits of the new size
}

double MapCamera::minScale() const {
    return MapTransform::fit(m_home, QRectF(QPointF(0, 0), m_size), 8.0).scale;
}

void MapCamera::fitArea(const cm::MapRect& area, double margin) {
    if (m_size.isEmpty() || area.empty())
        return;
    m_transform = MapTransform::fit(area, QRectF(QPointF(0, 0), m_size), margin);
    m_transform.scale = std::min(m_transform.scale, maxScale());
    // Centre the area again at the (possibly limited) scale.
    const QPointF c(m_size.width() / 2, m_size.height() / 2);
    const double cx = (area.minX + area.maxX) / 2, cy = (area.minY + area.maxY) / 2;
    m_transform.origin = QPointF(c.x() - cx * m_transform.scale, c.y() + cy * m_transform.scale);
    m_fitted = true;
    clamp();
}

void MapCamera::zoomBy(double factor, QPointF around) {
    if (m_size.isEmpty())
        return;
    if (around.isNull())
        around = QPointF(m_size.width() / 2, m_size.height() / 2);
    const cm::MapPoint anchor = m_transform.toMap(around);
    m_transform.scale = std::clamp(m_transform.scale * factor, minScale(), maxScale());
    // Keep the map point under `around` where it was.
    m_transform.origin = QPointF(around.x() - anchor.x * m_transform.scale,
                                 around.y() + anchor.y * m_transform.scale);
    clamp();
}

void MapCamera::panBy(QPointF pixels) {
    m_transform.origin += pixels;
    clamp();
}

// At most half a viewport of sea beyond any edge of the world.
void MapCamera::clamp() {
    if (m_size.isEmpty())
        return;
    const QPointF tl = m_transform.toScreen({m_world.minX, m_world.maxY});
    const QPointF br = m_transform.toScreen({m_world.maxX, m_world.minY});
    const double w = m_size.width(), h = m_size.height();
    double dx = 0, dy = 0;
    if (tl.x() > w / 2)
        dx = w / 2 - tl.x();
    else if (br.x() < w / 2)
        dx = w / 2 - br.x();
    if (tl.y() > h / 2)
        dy = h / 2 - tl.y();
    else if (br.y() < h / 2)
        dy = h / 2 - br.y();
    m_transform.origin += QPointF(dx, dy);
}

} // namespace chokepoint::ui

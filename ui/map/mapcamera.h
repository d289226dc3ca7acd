// SPDX-License-Identifier: MIT
#pragma once

#include <QPointF>
#include <QSizeF>

#include "core/map/geometry.h"
#include "ui/map/maprenderer.h"

namespace chokepoint::ui {

/// The map's framing in a viewport: how large and where the map plane is drawn. Zooming keeps
/// the point under the cursor in place, between the scale at which the home area (the
/// inhabited world) just fits and kMaxZoom times that; panning and zooming never take the
/// world more than half a viewport away from an edge. Geometry only: no widget, no painting.
class MapCamera {
public:
    /// Times the home area's fitting scale: about 10 px per km in a 1440-pixel window.
    static constexpr double kMaxZoom = 512.0;

    MapCamera(core::map::MapRect world, core::map::MapRect home);

    /// A new viewport size: the home area the first time, else the same view, kept in bounds.
    void setViewport(QSizeF size);
    const MapTransform& transform() const { return m_transform; }
    double minScale() const;
    double maxScale() const { return minScale() * kMaxZoom; }

    void fitHome() { fitArea(m_home); }
    /// `area` centred, as large as fits with `margin` pixels around it (within the limits).
    void fitArea(const core::map::MapRect& area, double margin = 24.0);
    /// Zooms by `factor` around a viewport point (the centre when null).
    void zoomBy(double factor, QPointF around = {});
    void panBy(QPointF pixels);

private:
    void clamp();

    core::map::MapRect m_world, m_home;
    QSizeF m_size;
    MapTransform m_transform;
    bool m_fitted = false;
};

} // namespace chokepoint::ui

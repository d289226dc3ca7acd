// SPDX-License-Identifier: MIT
#include "ui/map/maprenderer.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numbers>

#include <QPainter>

namespace chokepoint::ui {

namespace cm = core::map;

namespace {

QPainterPath countryPath(const cm::AtlasCountry& c) {
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    for (const cm::MapPolygon& poly : c.polygons)
        for (const cm::MapRing& ring : poly) {
            QPolygonF q;
            q.reserve(qsizetype(ring.size()));
            for (const cm::MapPoint& pt : ring)
                q.append(QPointF(pt.x, pt.y));
            path.addPolygon(q);
            path.closeSubpath();
        }
    return path;
}

QString countLabel(uint32_t n) {
    if (n < 1000)
        return QString::number(n);
    if (n < 10000)
        return QString::number(n / 1000.0, 'f', 1) + QStringLiteral("k");
    return QString::number(std::lround(n / 1000.0)) + QStringLiteral("k");
}

} // namespace

cm::MapRect MapTransform::visible(const QRectF& rect) const {
    cm::MapRect r;
    r.add(toMap(rect.topLeft()));
    r.add(toMap(rect.bottomRight()));
    return r;
}

MapTransform MapTransform::fit(const cm::MapRect& area, const QRectF& target, double margin) {
    MapTransform t;
    const double w = std::max(1.0, target.width() - 2 * margin);
    const double h = std::max(1.0, target.height() - 2 * margin);
    const double aw = std::max(area.width(), 1e-6), ah = std::max(area.height(), 1e-6);
    t.scale = std::min(w / aw, h / ah);
    const QPointF c = target.center();
    const double cx = (area.minX + area.maxX) / 2, cy = (area.minY + area.maxY) / 2;
    t.origin = QPointF(c.x() - cx * t.scale, c.y() + cy * t.scale);
    return t;
}

MapRenderer::MapRenderer(std::shared_ptr<const cm::WorldAtlas> atlas)
    : m_atlas(std::move(atlas)) {
    auto paths = std::make_shared<std::vector<QPainterPath>>();
    paths->reserve(m_atlas->countries().size());
    for (const cm::AtlasCountry& c : m_atlas->countries())
        paths->push_back(countryPath(c));
    m_paths = std::move(paths);
}

double MapRenderer::markerRadius(const cm::MapMarker& m, double sizeMax) {
    constexpr double rMin = 3.5, rMax = 15.0;
    const double bySize =
        sizeMax > 0 ? rMin + (rMax - rMin) * std::sqrt(std::clamp(m.size / sizeMax, 0.0, 1.0))
                    : rMin + 1.0;
    if (m.count <= 1)
        return bySize;
    const double byCount = 8.0 + 2.2 * std::log2(double(m.count));
    return std::min(26.0, std::max(bySize, byCount));
}

void MapRenderer::paint(QPainter& p, const QRectF& rect, const MapTransform& t,
                        const cm::MapScene& scene, const cm::MapMarkers& markers,
                        const MapPalette& pal, const MapLegend& legend,
                        const MapHighlight& highlight) const {
    p.save();
    p.setClipRect(rect);
    p.fillRect(rect, pal.sea);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    paintCountries(p, rect, t, scene, pal, highlight);
    paintFlows(p, t, markers, pal);
    paintMarkers(p, rect, t, scene, markers, pal, highlight);
    paintUs(p, t, scene, pal);
    if (!legend.title.isEmpty()) {
        p.save();
        QFont f = p.font();
        f.setBold(true);
        f.setPointSizeF(f.pointSizeF() * 1.1);
        p.setFont(f);
        p.setPen(pal.text);
        p.drawText(rect.adjusted(10, 6, -10, 0), Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                   legend.title);
        p.restore();
    }
    paintLegend(p, rect, scene, pal, legend, !markers.flows.empty());
    p.restore();
}

void MapRenderer::paintCountries(QPainter& p, const QRectF& rect, const MapTransform& t,
                                 const cm::MapScene& scene, const MapPalette& pal,
                                 const MapHighlight& h) const {
    // Values by iso3 for this scene.
    const MeasureScale scale(scene.measure, scene.measureMax);
    std::vector<const cm::MapCountry*> byAtlas(m_atlas->countries().size(), nullptr);
    for (const cm::MapCountry& c : scene.countries)
        if (const cm::AtlasCountry* a = m_atlas->find(c.iso3))
            byAtlas[size_t(a - m_atlas->countries().data())] = &c;
    const cm::MapRect visible = t.visible(rect);

    p.save();
    p.setWorldTransform(t.qtransform(), true);
    QPen border(pal.border, 0.6);
    border.setCosmetic(true);
    p.setPen(border);
    const cm::AtlasCountry* selected = nullptr;
    const cm::AtlasCountry* hovered = nullptr;
    for (size_t i = 0; i < byAtlas.size(); ++i) {
        const cm::AtlasCountry& c = m_atlas->countries()[i];
        if (!c.bounds.intersects(visible))
            continue;
        const cm::MapCountry* mc = byAtlas[i];
        const QColor fill =
            mc && mc->value ? pal.ramp(scene.measure, scale.position(*mc->value)) : pal.land;
        p.setBrush(fill);
        p.drawPath((*m_paths)[i]);
        if (!h.selectedCountry.isEmpty() && h.selectedCountry == QString::fromStdString(c.iso3))
            selected = &c;
        if (!h.hoveredCountry.isEmpty() && h.hoveredCountry == QString::fromStdString(c.iso3))
            hovered = &c;
    }
    p.setBrush(Qt::NoBrush);
    if (hovered && hovered != selected) {
        QPen pen(pal.mutedText, 1.2);
        pen.setCosmetic(true);
        p.setPen(pen);
        p.drawPath((*m_paths)[size_t(hovered - m_atlas->countries().data())]);
    }
    if (selected) {
        QPen pen(pal.selection, 2.2);
        pen.setCosmetic(true);
        p.setPen(pen);
        p.drawPath((*m_paths)[size_t(selected - m_atlas->countries().data())]);
    }
    p.restore();
}

void MapRenderer::paintFlows(QPainter& p, const MapTransform& t, const cm::MapMarkers& markers,
                             const MapPalette& pal) const {
    // Smallest first, so the largest flows lie on top.
    for (auto it = markers.flows.rbegin(); it != markers.flows.rend(); ++it) {
        const cm::MapFlow& f = *it;
        const QPointF a = t.toScreen(f.fromPoint);
        const QPointF b = t.toScreen(f.toPoint);
        const QPointF d = b - a;
        const double len = std::hypot(d.x(), d.y());
        if (len < 1.0)
            continue;
        // Bend to the left of the direction of travel, more for longer arcs.
        const QPointF normal(d.y() / len, -d.x() / len);
        const QPointF control = (a + b) / 2 + normal * (0.22 * len);
        QPainterPath path(a);
        path.quadTo(control, b);
        const double share = std::min(1.0, f.share);
        QColor color = f.exposedShare >= f.share / 2 ? pal.flowExposed : pal.flow;
        QPen pen(color, 1.0 + 9.0 * share, Qt::SolidLine, Qt::RoundCap);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        // An arrowhead at the buyer's end, along the curve's last tangent.
        const QPointF tangent = b - control;
        const double tl = std::hypot(tangent.x(), tangent.y());
        if (tl > 0 && len > 24) {
            const QPointF u = tangent / tl, n(-u.y(), u.x());
            const double s = 4.0 + 2.0 * pen.widthF();
            const QPointF tip = b - u * 6.0;
            const QPolygonF head({tip, tip - u * s + n * (s * 0.55), tip - u * s - n * (s * 0.55)});
            p.setPen(Qt::NoPen);
            color.setAlpha(std::min(255, color.alpha() + 40));
            p.setBrush(color);
            p.drawPolygon(head);
        }
    }
}

void MapRenderer::paintMarkers(QPainter& p, const QRectF& rect, const MapTransform& t,
                               const cm::MapScene& scene, const cm::MapMarkers& markers,
                               const MapPalette& pal, const MapHighlight& h) const {
    struct Visible {
        int index;
        QPointF at;
        double r;
    };
    std::vector<Visible> visible;
    const QRectF area = rect.adjusted(-30, -30, 30, 30);
    for (size_t i = 0; i < markers.markers.size(); ++i) {
        const QPointF at = t.toScreen(markers.markers[i].position);
        if (area.contains(at))
            visible.push_back({int(i), at, markerRadius(markers.markers[i], scene.sizeMax)});
    }
    // Largest first, so small markers stay visible on top of large ones.
    std::stable_sort(visible.begin(), visible.end(),
                     [](const Visible& a, const Visible& b) { return a.r > b.r; });
    QFont small = p.font();
    small.setPointSizeF(std::max(6.5, small.pointSizeF() * 0.82));
    small.setBold(true);
    for (const Visible& v : visible) {
        const cm::MapMarker& m = markers.markers[size_t(v.index)];
        if (m.count == 1) {
            const cm::MapSite& s = scene.sites[*markers.clusters.begin(size_t(v.index))];
            const QColor c = pal.markerColor(s.exposure);
            if (s.atCentroid) { // hollow: placed at its country's centroid
                p.setPen(QPen(pal.markerOutline, 3.4));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(v.at, v.r, v.r);
                p.setPen(QPen(c, 2.0));
                p.drawEllipse(v.at, v.r, v.r);
            } else {
                p.setPen(QPen(pal.markerOutline, 1.0));
                p.setBrush(c);
                p.drawEllipse(v.at, v.r, v.r);
            }
        } else {
            // A cluster: a ring split by the sites' exposure, the count inside.
            const QRectF box(v.at.x() - v.r, v.at.y() - v.r, 2 * v.r, 2 * v.r);
            p.setPen(QPen(pal.markerOutline, 1.0));
            p.setBrush(pal.legendBackground);
            p.drawEllipse(box);
            const double ring = std::max(3.0, v.r * 0.36);
            const QRectF arcBox = box.adjusted(ring / 2, ring / 2, -ring / 2, -ring / 2);
            int start = 90 * 16;
            const std::pair<uint32_t, QColor> parts[] = {
                {m.exposed, pal.exposed}, {m.upstream, pal.upstream}, {m.clear, pal.clear}};
            for (const auto& [n, color] : parts) {
                if (!n)
                    continue;
                const int span = -int(std::lround(360.0 * 16 * n / m.count));
                QPen pen(color, ring, m.allAtCentroid ? Qt::DotLine : Qt::SolidLine, Qt::FlatCap);
                p.setPen(pen);
                p.setBrush(Qt::NoBrush);
                p.drawArc(arcBox, start, span);
                start += span;
            }
            p.setFont(small);
            p.setPen(pal.text);
            p.drawText(box, Qt::AlignCenter, countLabel(m.count));
        }
        if (v.index == h.selectedMarker || v.index == h.hoveredMarker) {
            const bool sel = v.index == h.selectedMarker;
            p.setPen(QPen(sel ? pal.selection : pal.mutedText, sel ? 2.2 : 1.2));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(v.at, v.r + 3.0, v.r + 3.0);
        }
    }
}

void MapRenderer::paintUs(QPainter& p, const MapTransform& t, const cm::MapScene& scene,
                          const MapPalette& pal) const {
    if (!scene.self)
        return;
    const QPointF at = t.toScreen(*scene.self);
    const double s = 7.0;
    const QPolygonF diamond(
        {at + QPointF(0, -s), at + QPointF(s, 0), at + QPointF(0, s), at + QPointF(-s, 0)});
    p.setPen(QPen(pal.markerOutline, 1.5));
    p.setBrush(pal.us);
    p.drawPolygon(diamond);
}

std::shared_ptr<const cm::WorldAtlas> bundledAtlas(QString* error) {
    static std::once_flag once;
    static std::shared_ptr<const cm::WorldAtlas> atlas;
    static QString message;
    std::call_once(once, [] {
        auto loaded = cm::loadBundledWorldAtlas();
        if (loaded)
            atlas = std::make_shared<const cm::WorldAtlas>(std::move(*loaded));
        else
            message = QString::fromStdString(loaded.errorString());
    });
    if (!atlas && error)
        *error = message;
    return atlas;
}

} // namespace chokepoint::ui

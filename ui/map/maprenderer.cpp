// SPDX-License-Identifier: MIT
#include "ui/map/maprenderer.h"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numbers>

#include <QObject>
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
    paintBase(p, rect, t, scene, markers, pal);
    paintHighlights(p, rect, t, scene, markers, pal, highlight);
    paintAnnotations(p, rect, scene, markers, pal, legend);
}

void MapRenderer::paintBase(QPainter& p, const QRectF& rect, const MapTransform& t,
                            const cm::MapScene& scene, const cm::MapMarkers& markers,
                            const MapPalette& pal) const {
    p.save();
    p.setClipRect(rect);
    p.fillRect(rect, pal.sea);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    paintCountries(p, rect, t, scene, pal);
    paintFlows(p, rect, t, markers, pal);
    paintMarkers(p, rect, t, scene, markers, pal);
    paintUs(p, t, scene, pal);
    p.restore();
}

void MapRenderer::paintHighlights(QPainter& p, const QRectF& rect, const MapTransform& t,
                                  const cm::MapScene& scene, const cm::MapMarkers& markers,
                                  const MapPalette& pal, const MapHighlight& h) const {
    p.save();
    p.setClipRect(rect);
    p.setRenderHint(QPainter::Antialiasing, true);
    auto outline = [&](const QString& iso3, const QPen& pen) {
        const cm::AtlasCountry* c = iso3.isEmpty() ? nullptr : m_atlas->find(iso3.toStdString());
        if (!c)
            return;
        p.save();
        p.setWorldTransform(t.qtransform(), true);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath((*m_paths)[size_t(c - m_atlas->countries().data())]);
        p.restore();
    };
    if (h.hoveredCountry != h.selectedCountry) {
        QPen pen(pal.mutedText, 1.2);
        pen.setCosmetic(true);
        outline(h.hoveredCountry, pen);
    }
    QPen selected(pal.selection, 2.2);
    selected.setCosmetic(true);
    outline(h.selectedCountry, selected);
    for (const int m : {h.hoveredMarker, h.selectedMarker}) {
        if (m < 0 || size_t(m) >= markers.markers.size())
            continue;
        const bool sel = m == h.selectedMarker;
        const QPointF at = t.toScreen(markers.markers[size_t(m)].position);
        const double r = markerRadius(markers.markers[size_t(m)], scene.sizeMax) + 3.0;
        p.setPen(QPen(sel ? pal.selection : pal.mutedText, sel ? 2.2 : 1.2));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(at, r, r);
    }
    p.restore();
}

void MapRenderer::paintAnnotations(QPainter& p, const QRectF& rect, const cm::MapScene& scene,
                                   const cm::MapMarkers& markers, const MapPalette& pal,
                                   const MapLegend& legend) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    if (!legend.title.isEmpty()) {
        QFont f = p.font();
        f.setBold(true);
        f = scaledFont(f, 1.1);
        p.setFont(f);
        p.setPen(pal.text);
        p.drawText(rect.adjusted(10, 6, -10, 0), Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                   legend.title);
    }
    p.restore();
    if (markers.flows.size() > kMaxFlows) {
        MapLegend withNote = legend;
        withNote.notes.prepend(QObject::tr("%1 smaller flows between markers not drawn")
                                   .arg(markers.flows.size() - kMaxFlows));
        paintLegend(p, rect, scene, pal, withNote, true);
        return;
    }
    paintLegend(p, rect, scene, pal, legend, !markers.flows.empty());
}

void MapRenderer::paintCountries(QPainter& p, const QRectF& rect, const MapTransform& t,
                                 const cm::MapScene& scene, const MapPalette& pal) const {
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
    for (size_t i = 0; i < byAtlas.size(); ++i) {
        const cm::AtlasCountry& c = m_atlas->countries()[i];
        if (!c.bounds.intersects(visible))
            continue;
        const cm::MapCountry* mc = byAtlas[i];
        p.setBrush(mc && mc->value ? pal.ramp(scene.measure, scale.position(*mc->value))
                                   : pal.land);
        p.drawPath((*m_paths)[i]);
    }
    p.restore();
}

void MapRenderer::paintFlows(QPainter& p, const QRectF& rect, const MapTransform& t,
                             const cm::MapMarkers& markers, const MapPalette& pal) const {
    // The largest kMaxFlows (flows come sorted by share), smallest first so the largest lie on
    // top; wide antialiased curves are the costliest thing the map draws.
    const size_t n = std::min(markers.flows.size(), kMaxFlows);
    for (size_t i = n; i-- > 0;) {
        const cm::MapFlow& f = markers.flows[i];
        const QPointF a = t.toScreen(f.fromPoint);
        const QPointF b = t.toScreen(f.toPoint);
        const QPointF d = b - a;
        const double len = std::hypot(d.x(), d.y());
        if (len < 1.0)
            continue;
        // Bend to the left of the direction of travel, more for longer arcs.
        const QPointF normal(d.y() / len, -d.x() / len);
        const QPointF control = (a + b) / 2 + normal * (0.22 * len);
        // The curve lies within the triangle of its end and control points.
        const QRectF hull = QRectF(a, b).normalized().united(QRectF(control, control));
        if (!hull.adjusted(-12, -12, 12, 12).intersects(rect))
            continue;
        QPainterPath path(a);
        path.quadTo(control, b);
        const double share = std::min(1.0, f.share);
        QColor color = f.exposedShare >= f.share / 2 ? pal.flowExposed : pal.flow;
        QPen pen(color, 1.0 + 7.0 * share, Qt::SolidLine, Qt::RoundCap);
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
                               const MapPalette& pal) const {
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
    QFont small = scaledFont(p.font(), 0.82, 6.5);
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

QFont scaledFont(const QFont& base, double factor, double minPoints) {
    QFont f = base;
    if (base.pixelSize() > 0)
        f.setPixelSize(std::max(int(std::lround(minPoints * 96.0 / 72.0)),
                                int(std::lround(base.pixelSize() * factor))));
    else
        f.setPointSizeF(std::max(minPoints, base.pointSizeF() * factor));
    return f;
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

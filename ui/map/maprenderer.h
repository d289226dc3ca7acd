// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include <QFont>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QTransform>

#include "core/map/mapmarkers.h"
#include "core/map/worldatlas.h"
#include "ui/map/mapstyle.h"

class QPainter;

namespace chokepoint::ui {

/// Map plane -> screen: x to the right, y (north) up, `scale` pixels per unit of the Earth's
/// radius, `origin` the screen point of the map's (0, 0).
struct MapTransform {
    double scale = 1.0;
    QPointF origin;

    QPointF toScreen(core::map::MapPoint p) const {
        return {origin.x() + p.x * scale, origin.y() - p.y * scale};
    }
    core::map::MapPoint toMap(QPointF s) const {
        return {(s.x() - origin.x()) / scale, (origin.y() - s.y()) / scale};
    }
    QTransform qtransform() const { return {scale, 0, 0, -scale, origin.x(), origin.y()}; }
    /// The part of the map plane `rect` shows.
    core::map::MapRect visible(const QRectF& rect) const;
    /// `area` centred in `target`, as large as fits with `margin` pixels around it.
    static MapTransform fit(const core::map::MapRect& area, const QRectF& target,
                            double margin = 12.0);
};

/// What the legend and the title say: the page (or the report) writes them for people.
struct MapLegend {
    QString title;        ///< drawn top left when not empty (exports and reports)
    QString measureTitle; ///< e.g. "Spend at risk (location lens)"
    std::function<QString(double)> formatValue; ///< tick labels of the measure's scale
    QString noDataText;                         ///< what unshaded land means
    QString exposedText, upstreamText, clearText;
    QString centroidText; ///< what a hollow marker means
    QString sizeText;     ///< what a marker's area shows
    QString flowText;     ///< what an arc's width shows; empty = no flow legend
    QString usText;       ///< our company's marker
    QStringList notes;    ///< small print under the legend (left-out flows, unplaced sites)
    /// A strip of two columns across the bottom (reports: the map is fitted above it)
    /// instead of a box over the lower left corner.
    bool strip = false;
};

/// The legend for core's caption of a scene: its texts, and tick labels as money (spend at
/// risk) or percent (shares).
MapLegend legendFromCaption(const core::map::MapCaption& caption,
                            core::map::CountryMeasure measure);

/// What is highlighted.
struct MapHighlight {
    QString selectedCountry; ///< iso3
    int selectedMarker = -1; ///< index into MapMarkers::markers
    QString hoveredCountry;
    int hoveredMarker = -1;
};

/// Draws the map with QPainter, on screen, into images, SVG and PDF alike: the countries
/// (shaded by the scene's measure), the flows as arcs, the site markers and clusters, our
/// company, the legend and the title. The country outlines are turned into QPainterPaths
/// once, in map units, and drawn through the transform; only what intersects the painted
/// rectangle is drawn. Not thread-safe (GUI thread); cheap to copy (shares the paths).
class MapRenderer {
public:
    explicit MapRenderer(std::shared_ptr<const core::map::WorldAtlas> atlas);

    const core::map::WorldAtlas& atlas() const { return *m_atlas; }

    /// Everything: paintBase(), paintHighlights() and paintAnnotations() in that order.
    void paint(QPainter& painter, const QRectF& rect, const MapTransform& transform,
               const core::map::MapScene& scene, const core::map::MapMarkers& markers,
               const MapPalette& palette, const MapLegend& legend,
               const MapHighlight& highlight = {}) const;
    /// The map itself (sea, countries, flows, markers, our company): what a pan only moves,
    /// so the widget keeps it in an image while the user drags.
    void paintBase(QPainter& painter, const QRectF& rect, const MapTransform& transform,
                   const core::map::MapScene& scene, const core::map::MapMarkers& markers,
                   const MapPalette& palette) const;
    /// Outlines of the selected and hovered country and rings round such markers.
    void paintHighlights(QPainter& painter, const QRectF& rect, const MapTransform& transform,
                         const core::map::MapScene& scene, const core::map::MapMarkers& markers,
                         const MapPalette& palette, const MapHighlight& highlight) const;
    /// The title and the legend, fixed to the painted rectangle.
    void paintAnnotations(QPainter& painter, const QRectF& rect, const core::map::MapScene& scene,
                          const core::map::MapMarkers& markers, const MapPalette& palette,
                          const MapLegend& legend) const;

    /// A marker's radius in pixels: by the square root of its size (area ∝ spend) for a
    /// site, at least a count-based size for a cluster.
    static double markerRadius(const core::map::MapMarker& marker, double sizeMax);
    /// Pixels within which two sites merge into one marker.
    static constexpr double kClusterPixels = 30.0;
    /// The most flows drawn at once (the largest); the legend counts the rest.
    static constexpr size_t kMaxFlows = 80;
    /// The legend's rectangle for a painted rectangle (to keep clicks off it; to fit a
    /// report's map above its strip).
    QRectF legendRect(const QRectF& rect, const MapLegend& legend, const QFont& font,
                      bool hasFlows) const;

private:
    void paintCountries(QPainter& p, const QRectF& rect, const MapTransform& t,
                        const core::map::MapScene& scene, const MapPalette& pal) const;
    void paintFlows(QPainter& p, const QRectF& rect, const MapTransform& t,
                    const core::map::MapMarkers& markers, const MapPalette& pal) const;
    void paintMarkers(QPainter& p, const QRectF& rect, const MapTransform& t,
                      const core::map::MapScene& scene, const core::map::MapMarkers& markers,
                      const MapPalette& pal) const;
    void paintUs(QPainter& p, const MapTransform& t, const core::map::MapScene& scene,
                 const MapPalette& pal) const;
    void paintLegend(QPainter& p, const QRectF& rect, const core::map::MapScene& scene,
                     const MapPalette& pal, const MapLegend& legend, bool hasFlows) const;

    std::shared_ptr<const core::map::WorldAtlas> m_atlas;
    std::shared_ptr<const std::vector<QPainterPath>> m_paths; ///< per atlas country
};

/// `base` scaled by `factor`, whether its size is in points (screen) or pixels (reports draw
/// with pixel sizes under a scaled painter), and at least `minPoints` points (or the same in
/// pixels at 96 dpi).
QFont scaledFont(const QFont& base, double factor, double minPoints = 0.0);

/// The bundled world atlas, loaded on first use and kept for the life of the program
/// (immutable constant data, like a resource). Null, with `error` set, if the resources
/// are missing from the build.
std::shared_ptr<const core::map::WorldAtlas> bundledAtlas(QString* error = nullptr);

} // namespace chokepoint::ui
